import { SpendImportError } from "../errors.js";

/** One page object read from a file, with where it came from. */
export interface LocatedPage {
  value: unknown;
  /** `page N` (1-based). */
  label: string;
  /** 1-based line for JSONL input. */
  line: number | undefined;
}

/** Concatenates a stream of text chunks. API page files are small (≤ 31 buckets a page), so they are read whole. */
export async function readAll(input: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of input) parts.push(chunk);
  const text = parts.join("");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOfPosition(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  const pos = m ? Number(m[1]) : text.length;
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function syntaxReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return /end of JSON input|Unterminated|Expected/.test(msg) ? `invalid or truncated JSON (${msg})` : `invalid JSON (${msg})`;
}

/**
 * Splits an API export into page objects. Accepts one page object, an array of pages, or JSONL
 * with one page per line. Throws {@link SpendImportError} with the line of a JSON syntax error.
 */
export function splitPages(text: string, file: string): LocatedPage[] {
  const trimmed = text.trim();
  if (trimmed === "") throw new SpendImportError({ file }, "the file is empty");
  let whole: unknown;
  let wholeError: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch (e) {
    wholeError = e;
  }
  if (wholeError === undefined) {
    if (Array.isArray(whole)) return whole.map((value, i) => ({ value, label: `page ${i + 1}`, line: undefined }));
    return [{ value: whole, label: "page 1", line: undefined }];
  }
  const lines = text.split("\n");
  const firstIndex = lines.findIndex((l) => l.trim() !== "");
  const nonEmpty = lines.filter((l) => l.trim() !== "").length;
  let jsonl = false;
  if (nonEmpty > 1 && firstIndex >= 0) {
    try {
      jsonl = typeof JSON.parse(lines[firstIndex] ?? "") === "object";
    } catch {
      jsonl = false;
    }
  }
  if (!jsonl) throw new SpendImportError({ file, line: lineOfPosition(text, String(wholeError)) }, syntaxReason(wholeError), wholeError);
  const pages: LocatedPage[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === "") return;
    try {
      pages.push({ value: JSON.parse(l), label: `page ${pages.length + 1}`, line: i + 1 });
    } catch (e) {
      throw new SpendImportError({ file, line: i + 1 }, syntaxReason(e), e);
    }
  });
  return pages;
}

/**
 * Turns a zod issue path inside a page into a record label and a field name:
 * `data.0.results.2.cache_creation.ephemeral_5m_input_tokens` → record `data[0].results[2]`,
 * field `cache_creation.ephemeral_5m_input_tokens`.
 */
export function splitIssuePath(path: readonly PropertyKey[]): { record: string; field: string | undefined } {
  let last = -1;
  path.forEach((p, i) => {
    if (typeof p === "number") last = i;
  });
  const record = path
    .slice(0, last + 1)
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  const rest = path.slice(last + 1).map(String);
  return { record, field: rest.length > 0 ? rest.join(".") : undefined };
}

/** Throws the first zod issue of a page as a {@link SpendImportError}. */
export function pageIssue(file: string, page: LocatedPage, issue: { path: readonly PropertyKey[]; message: string }): never {
  const { record, field } = splitIssuePath(issue.path);
  const message = /received undefined$/.test(issue.message) ? "is required" : issue.message;
  throw new SpendImportError({ file, line: page.line, record: record === "" ? page.label : `${page.label} ${record}`, field }, message);
}
