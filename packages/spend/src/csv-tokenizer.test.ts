import { parse as csvParseSync } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvBatch, CsvTokenizer } from "./csv-tokenizer.js";
import { inputFromText, type SourceRow } from "./input.js";

type Tokenized = { rows: [string[], number][]; fallback: boolean };

/** Runs the tokenizer over a text cut into chunks of the given sizes (cycled; none: one chunk). */
function tokenize(text: string, sizes: readonly number[] = []): Tokenized {
  const t = new CsvTokenizer();
  const out: CsvBatch = { fields: [], lines: [] };
  let ok = true;
  let k = 0;
  for (let i = 0; i < text.length && ok; ) {
    const n = sizes.length > 0 ? Math.max(1, sizes[k++ % sizes.length] ?? 1) : text.length;
    ok = t.push(text.slice(i, i + n), out);
    i += n;
  }
  if (ok) ok = t.end(out);
  return { rows: out.fields.map((f, i) => [f, out.lines[i] as number]), fallback: !ok };
}

/** csv-parse as the importer configures it (column counts are checked by the caller, not here). */
function reference(text: string): { rows: [string[], number][] } | { error: string } {
  try {
    const recs = csvParseSync(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_quotes: false,
      trim: false,
      relax_column_count: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { rows: recs.map((r) => [r.record, r.info.lines]) };
  } catch (e) {
    return { error: String(e) };
  }
}

/** Quotes a field as RFC 4180 writers do. */
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe("CSV tokenizer", () => {
  it.each([
    ["plain rows, trailing newline", "a,b\n1,2\n3,4\n"],
    ["no trailing newline", "a,b\n1,2\n3,4"],
    ["CRLF", "a,b\r\n1,2\r\n3,4\r\n"],
    ["CRLF without a last line break", "a,b\r\n1,2\r\n3,4"],
    ["BOM", "\uFEFFa,b\n1,2\n"],
    ["empty fields", "a,b,c\n,,\n1,,\n,,3\n"],
    ["empty lines are skipped but counted", "a,b\n\n1,2\n\n\n3,4\n\n"],
    ["empty CRLF lines", "a,b\r\n\r\n1,2\r\n\r\n"],
    ["quoted fields", 'a,b\n"1","2"\n"x,y","z"\n'],
    ["escaped quotes", 'a,b\n"say ""hi""",""""\n"",""\n'],
    ["embedded line breaks", 'a,b\n"line1\nline2",2\n"x\r\ny",3\n4,5\n'],
    ["embedded line breaks, CRLF file", 'a,b\r\n"line1\r\nline2",2\r\n3,4\r\n'],
    ["quoted header with a line break", '"a\nb",c\n1,2\n'],
    ["quoted last field at the end", 'a,b\n1,"2"'],
    ["trailing comma at the end", "a,b\n1,"],
    ["non-ASCII", 'a,b\nété,😀\n"日本,語",x\n'],
    ["header only", "a,b,c\n"],
    ["empty", ""],
    ["only line breaks", "\n\n\n"],
  ])("%s: same rows and lines as csv-parse, in any chunking", (_name, text) => {
    const ref = reference(text);
    expect(ref).not.toHaveProperty("error");
    for (const sizes of [[], [1], [2], [3], [5, 1, 7], [64]]) {
      const got = tokenize(text, sizes);
      expect(got.fallback).toBe(false);
      expect({ rows: got.rows }).toEqual(ref);
    }
  });

  it.each([
    ["a quote inside an unquoted field", 'a,b\n1,x"y\n'],
    ["text after a closing quote", 'a,b\n1,"x"y\n'],
    ["an unclosed quote", 'a,b\n1,"x\n'],
    ["bare CR line endings", "a,b\r1,2\r"],
    ["a bare LF in a CRLF file", "a,b\r\n1,2\n3,4\r\n"],
    ["a CR in an LF file", "a,b\n1,2\r\n"],
    ["a CR at the very end", "a,b\r"],
    ["a closing quote before a CR in an LF file", 'a,b\n1,"2"\r\n'],
  ])("gives up on %s (csv-parse decides)", (_name, text) => {
    for (const sizes of [[], [1], [3]]) expect(tokenize(text, sizes).fallback).toBe(true);
  });

  const cell = fc.oneof(
    fc.constantFrom("", "a", "1", "x y", "2025-11-01", "0.5"),
    fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "é", "😀"), maxLength: 6 }),
  );
  const table = fc.record({
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 8 }),
    eol: fc.constantFrom("\n", "\r\n"),
    quoteAll: fc.boolean(),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    blankLines: fc.array(fc.nat(8), { maxLength: 3 }),
  });
  const chunks = fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 0, maxLength: 5 });

  it("property: well-formed CSV (quoted where needed) is read as csv-parse reads it, in any chunking", () => {
    fc.assert(
      fc.property(table, chunks, (t, sizes) => {
        const lines = t.rows.map((r) => r.map((c) => (t.quoteAll || /[",\r\n]/.test(c) || c === "" ? quote(c) : c)).join(","));
        for (const at of t.blankLines) if (at <= lines.length) lines.splice(at, 0, "");
        const text = (t.bom ? "\uFEFF" : "") + lines.join(t.eol) + (t.trailing ? t.eol : "");
        const ref = reference(text);
        const got = tokenize(text, sizes);
        expect(got.fallback).toBe(false);
        expect({ rows: got.rows }).toEqual(ref);
      }),
      { numRuns: 400 },
    );
  });

  it("property: on any text, it either reads exactly what csv-parse reads or gives up", () => {
    const anyText = fc.string({ unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", " ", "\uFEFF", "é"), maxLength: 40 });
    fc.assert(
      fc.property(anyText, chunks, (text, sizes) => {
        const got = tokenize(text, sizes);
        if (got.fallback) return;
        expect({ rows: got.rows }).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("CSV rows (tokenizer with csv-parse fallback)", () => {
  async function rows(text: string, chunkSizes: number[] = []): Promise<{ rows: SourceRow[]; error?: unknown }> {
    const out: SourceRow[] = [];
    try {
      for await (const r of inputFromText(text, { container: "csv", fileName: "f.csv", chunkSizes }).rows()) out.push(r);
    } catch (error) {
      return { rows: out, error };
    }
    return { rows: out };
  }

  it("maps records to the header with index and line", async () => {
    const { rows: got } = await rows('a, b \n1,"x\ny"\n\n3,4\n', [2]);
    expect(got).toEqual([
      { index: 1, line: 3, values: { a: "1", b: "x\ny" } },
      { index: 2, line: 5, values: { a: "3", b: "4" } },
    ]);
  });

  it.each([
    ["a short row", "a,b\n1,2\n3\n", 3, "the row has a different number of columns than the header (truncated or malformed CSV)"],
    ["a long last row", "a,b\n1,2\n3,4,5", 3, "the row has a different number of columns than the header (truncated or malformed CSV)"],
    ["an unclosed quote", 'a,b\n1,"2\n', 2, "a quoted field is not closed (truncated CSV)"],
    ["a stray quote", 'a,b\n1,x"y\n', 2, 'malformed CSV (Invalid Opening Quote: a quote is found on field 1 at line 2, value is "x")'],
    ["a duplicate column", "a,a\n1,2\n", 1, "the header names this column twice"],
  ])("reports %s as before", async (_name, text, line, reason) => {
    for (const sizes of [[], [1], [4]]) {
      const { error } = await rows(text, sizes);
      expect(error).toMatchObject({ file: "f.csv", line, reason });
    }
  });

  it("reads what the tokenizer gives up on with csv-parse, continuing after the rows already read", async () => {
    // Bare CR line endings (old Mac): csv-parse reads them.
    expect((await rows("a,b\r1,2\r3,4\r")).rows.map((r) => r.values)).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
    // A CR inside an unquoted field of an LF file is data for csv-parse; rows before it come once.
    const text = `a,b\n${Array.from({ length: 50 }, (_, i) => `${i},x`).join("\n")}\n50,y\rz\n51,w\n`;
    for (const sizes of [[], [7], [100]]) {
      const got = await rows(text, sizes);
      expect(got.error).toBeUndefined();
      expect(got.rows.map((r) => r.index)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
      expect(got.rows[50]?.values).toEqual({ a: "50", b: "y\rz" });
      // csv-parse counts the CR as a line break too.
      expect(got.rows[51]).toMatchObject({ line: 54, values: { a: "51", b: "w" } });
    }
  });
});
