/**
 * A minimal, safe Markdown reader for policy documents: headings, paragraphs, bullet and numbered
 * lists, tables, quotes, code blocks and rules; bold, italics and inline code. It produces a tree
 * that React renders as elements and text, so nothing in a document (HTML, scripts, links) is ever
 * injected into the page: `<b>` shows as the characters "<b>".
 */

export type Inline = { t: "text"; v: string } | { t: "strong"; c: Inline[] } | { t: "em"; c: Inline[] } | { t: "code"; v: string };

export type MdBlock =
  | { t: "h"; level: number; c: Inline[] }
  | { t: "p"; c: Inline[] }
  | { t: "ul"; items: Inline[][] }
  | { t: "ol"; start: number; items: Inline[][] }
  | { t: "table"; head: Inline[][]; rows: Inline[][][] }
  | { t: "quote"; c: Inline[] }
  | { t: "pre"; v: string }
  | { t: "hr" };

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/** Finds the closing `marker` from `from`, skipping backslash-escaped characters; -1 when there is none. */
function closing(text: string, marker: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text.startsWith(marker, i) && i > from) return i;
  }
  return -1;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = "";
  const flush = () => {
    if (buf) out.push({ t: "text", v: buf });
    buf = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length && PUNCT.test(text[i + 1] as string)) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: "code", v: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (text.startsWith("**", i) || text.startsWith("__", i)) {
      const marker = text.slice(i, i + 2);
      const end = closing(text, marker, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: "strong", c: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === "*" || ch === "_") && text[i + 1] !== " " && text[i + 1] !== undefined) {
      // "_" only opens emphasis at a word start, so snake_case stays as it is.
      const wordStart = i === 0 || /[\s(]/.test(text[i - 1] as string);
      const end = closing(text, ch, i + 1);
      if (end > i + 1 && (ch === "*" || wordStart) && text[end - 1] !== " ") {
        flush();
        out.push({ t: "em", c: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

/** Splits a table row on unescaped pipes, dropping the outer ones. */
function cells(line: string): string[] {
  const parts: string[] = [];
  let cur = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && i + 1 < line.length) {
      cur += ch + line[i + 1];
      i++;
    } else if (ch === "|") {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  const trimmed = parts.map((p) => p.trim());
  if (trimmed[0] === "") trimmed.shift();
  if (trimmed[trimmed.length - 1] === "") trimmed.pop();
  return trimmed;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    HEADING.test(line) ||
    BULLET.test(line) ||
    NUMBERED.test(line) ||
    RULE.test(line) ||
    FENCE.test(line) ||
    line.startsWith(">") ||
    (line.includes("|") && next !== undefined && TABLE_SEPARATOR.test(next))
  );
}

export function parseMarkdown(text: string): MdBlock[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const next = lines[i + 1];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).trimStart().startsWith(fence[1] as string)) body.push(lines[i++] as string);
      i++;
      blocks.push({ t: "pre", v: body.join("\n") });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      blocks.push({ t: "h", level: (h[1] as string).length, c: parseInline(h[2] as string) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: "hr" });
      i++;
      continue;
    }
    if (line.includes("|") && next !== undefined && TABLE_SEPARATOR.test(next)) {
      const head = cells(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && (lines[i] as string).includes("|") && (lines[i] as string).trim() !== "") {
        rows.push(cells(lines[i] as string).map(parseInline));
        i++;
      }
      blocks.push({ t: "table", head, rows });
      continue;
    }
    if (line.startsWith(">")) {
      const body: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith(">")) body.push((lines[i++] as string).replace(/^>\s?/, ""));
      blocks.push({ t: "quote", c: parseInline(body.join(" ")) });
      continue;
    }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (list) {
      const items: string[] = [];
      const start = list === NUMBERED ? Number((NUMBERED.exec(line) as RegExpExecArray)[1]) : 1;
      while (i < lines.length) {
        const l = lines[i] as string;
        const m = list.exec(l);
        if (m) items.push((list === NUMBERED ? m[2] : m[1]) as string);
        else if (l.trim() !== "" && /^\s+/.test(l) && items.length > 0) items[items.length - 1] += ` ${l.trim()}`;
        else break;
        i++;
      }
      const parsed = items.map(parseInline);
      blocks.push(list === NUMBERED ? { t: "ol", start, items: parsed } : { t: "ul", items: parsed });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== "" && (para.length === 0 || !startsBlock(lines[i] as string, lines[i + 1]))) {
      para.push((lines[i] as string).trim());
      i++;
    }
    blocks.push({ t: "p", c: parseInline(para.join(" ")) });
  }
  return blocks;
}
