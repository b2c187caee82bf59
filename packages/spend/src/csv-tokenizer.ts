/**
 * A streaming CSV tokenizer for the common case, exactly matching csv-parse as the importer
 * configures it (`bom`, `skip_empty_lines`, strict quotes, no trimming, record delimiter
 * auto-detected) on the inputs it accepts: RFC 4180 quoted fields (doubled quotes, embedded
 * commas and line breaks), `\n` or `\r\n` line endings, a leading BOM, empty lines, a last line
 * with or without a line break, chunks split anywhere.
 *
 * Anything else — a stray quote, text after a closing quote, an unclosed quote at the end, bare
 * `\r` line endings or a line ending other than the file's first one — makes it give up
 * ({@link CsvTokenizer.fallback}); the caller then reads the file with csv-parse, which produces the
 * exact rows or error. Lines are numbered as csv-parse numbers them: a record's line is the line
 * where it ends, and each line break inside a quoted field counts as a line.
 *
 * Unquoted lines are found with `indexOf` and split with `String.prototype.split`, both native, so
 * the per-record cost is a few allocations rather than a per-character state machine.
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

enum Mode {
  Unknown = 0,
  Lf = 1,
  CrLf = 2,
}

/** Result of reading one record in the general path. */
const NEED_MORE = -1;
const GIVE_UP = -2;

/** Records parsed from a chunk: fields and the (end) line of each. */
export interface CsvBatch {
  fields: string[][];
  lines: number[];
}

export class CsvTokenizer {
  /** True once the input holds something this tokenizer does not read; stop using it then. */
  fallback = false;
  private rest = "";
  private line: number;
  private mode: Mode = Mode.Unknown;
  private started = false;
  // Output of the general path (one record).
  private recFields: string[] = [];
  private recEndLine = 0;

  /** `firstLine`: the line number of the input's first line (a chunk that starts inside a file). */
  constructor(firstLine = 1) {
    this.line = firstLine;
  }

  /** Adds a chunk; complete records are appended to `out`. Returns false on fallback. */
  push(chunk: string, out: CsvBatch): boolean {
    if (this.fallback) return false;
    let buf = this.rest === "" ? chunk : this.rest + chunk;
    if (!this.started) {
      if (buf === "") return true;
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    this.rest = this.scan(buf, false, out);
    return !this.fallback;
  }

  /** Ends the input; the last record (without a line break) is appended to `out`. Returns false on fallback. */
  end(out: CsvBatch): boolean {
    if (this.fallback) return false;
    const buf = this.rest;
    this.rest = "";
    if (buf !== "") this.scan(buf, true, out);
    return !this.fallback;
  }

  /** Reads records from `buf`; returns the unread tail. */
  private scan(buf: string, end: boolean, out: CsvBatch): string {
    const len = buf.length;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    if (nextQuote === -1) nextQuote = len;
    let nextCr = -2; // not searched yet
    while (pos < len) {
      if (this.mode === Mode.Lf || this.mode === Mode.CrLf) {
        const nl = buf.indexOf("\n", pos);
        if (nl !== -1 && nextQuote > nl) {
          // A line without quotes: the fast path.
          if (nextCr < pos && nextCr !== -1) nextCr = buf.indexOf("\r", pos);
          let stop = nl;
          if (this.mode === Mode.Lf) {
            if (nextCr !== -1 && nextCr < nl) return this.giveUp();
          } else {
            // CRLF: the line must end in \r\n and hold no other \r.
            if (nl === pos || nextCr !== nl - 1) return this.giveUp();
            stop = nl - 1;
          }
          if (stop > pos) {
            out.fields.push(buf.slice(pos, stop).split(","));
            out.lines.push(this.line);
          }
          this.line++;
          pos = nl + 1;
          continue;
        }
        if (nl === -1 && nextQuote >= len && !end) return buf.slice(pos);
      }
      // The general path: a record with quotes, the first record (line ending not known yet), or the end.
      const next = this.record(buf, pos, end);
      if (next === GIVE_UP) return this.giveUp();
      if (next === NEED_MORE) return buf.slice(pos);
      if (this.recFields.length > 0) {
        out.fields.push(this.recFields);
        out.lines.push(this.recEndLine);
        this.recFields = [];
      }
      this.line = this.recEndLine + 1;
      pos = next;
      if (nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = len;
      }
      nextCr = -2;
    }
    return "";
  }

  private giveUp(): string {
    this.fallback = true;
    return "";
  }

  /**
   * The length of the record delimiter at `i` (a \r or \n outside quotes), discovering the line
   * ending on the first one; NEED_MORE or GIVE_UP.
   */
  private delimiter(buf: string, i: number, end: boolean): number {
    const c = buf.charCodeAt(i);
    if (this.mode === Mode.Lf) return c === LF ? 1 : GIVE_UP;
    if (c === LF) {
      if (this.mode === Mode.CrLf) return GIVE_UP;
      this.mode = Mode.Lf;
      return 1;
    }
    // c === CR
    if (i + 1 >= buf.length) return end ? GIVE_UP : NEED_MORE;
    if (buf.charCodeAt(i + 1) !== LF) return GIVE_UP;
    this.mode = Mode.CrLf;
    return 2;
  }

  /**
   * Reads one record starting at `pos` into recFields/recEndLine (no fields: an empty line).
   * Returns the position after it, NEED_MORE or GIVE_UP.
   */
  private record(buf: string, pos: number, end: boolean): number {
    const len = buf.length;
    const fields: string[] = [];
    let lines = 0;
    let i = pos;
    for (;;) {
      // At the start of a field.
      if (i >= len) {
        if (!end) return NEED_MORE;
        // The input ends after a comma: a last empty field (csv-parse emits the record).
        fields.push("");
        return this.done(fields, lines, i);
      }
      let c = buf.charCodeAt(i);
      if (c === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q === -1) return end ? GIVE_UP : NEED_MORE;
          if (q + 1 >= len && !end) return NEED_MORE;
          const n = q + 1 < len ? buf.charCodeAt(q + 1) : -1;
          if (n === QUOTE) {
            value += buf.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += buf.slice(from, q);
          i = q + 1;
          break;
        }
        // Line breaks inside the quotes each count as a line.
        for (let k = pos; k < i; k++) {
          const ch = buf.charCodeAt(k);
          if (ch === LF || ch === CR) lines++;
        }
        pos = i;
        fields.push(value);
        if (i >= len) return this.done(fields, lines, i);
        c = buf.charCodeAt(i);
        if (c === COMMA) {
          i++;
          continue;
        }
        if (c !== LF && c !== CR) return GIVE_UP;
        const d = this.delimiter(buf, i, end);
        if (d < 0) return d;
        return this.done(fields, lines, i + d);
      }
      // An unquoted field.
      let j = i;
      for (;;) {
        if (j >= len) {
          if (!end) return NEED_MORE;
          if (j === i && fields.length === 0) return this.done(fields, lines, j);
          fields.push(buf.slice(i, j));
          return this.done(fields, lines, j);
        }
        c = buf.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      if (c === QUOTE) return GIVE_UP;
      if (c === COMMA) {
        fields.push(buf.slice(i, j));
        i = j + 1;
        pos = i;
        continue;
      }
      const d = this.delimiter(buf, j, end);
      if (d < 0) return d;
      // An empty line (nothing before the line break) is skipped.
      if (!(j === i && fields.length === 0)) fields.push(buf.slice(i, j));
      return this.done(fields, lines, j + d);
    }
  }

  private done(fields: string[], lines: number, next: number): number {
    this.recFields = fields;
    this.recEndLine = this.line + lines;
    return next;
  }
}
