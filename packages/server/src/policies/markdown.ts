/**
 * A small Markdown writer for the policies: headings, paragraphs, lists, tables and notes. Text
 * from the organization's records goes through {@link esc}, so a system named "R&D *beta*" or
 * "A | B" reads as written and cannot add formatting, links or HTML.
 */

export type Block =
  | { h: 1 | 2 | 3; text: string }
  | { p: string }
  | { ul: string[] }
  | { ol: string[] }
  | { table: { head: string[]; rows: string[][] } }
  | { note: string };

/** Escapes record text for inline Markdown: one line, formatting characters backslash-escaped. */
export function esc(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** "a", "a and b", "a, b and c". */
export function and(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 system", "3 systems". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function cell(text: string): string {
  return text === "" ? "—" : text;
}

/** Renders blocks as Markdown, separated by blank lines. */
export function renderBlocks(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if ("h" in b) out.push(`${"#".repeat(b.h)} ${b.text}`);
    else if ("p" in b) out.push(b.p);
    else if ("ul" in b) {
      if (b.ul.length > 0) out.push(b.ul.map((i) => `- ${i}`).join("\n"));
    } else if ("ol" in b) {
      if (b.ol.length > 0) out.push(b.ol.map((i, n) => `${n + 1}. ${i}`).join("\n"));
    } else if ("table" in b) {
      const { head, rows } = b.table;
      if (rows.length > 0)
        out.push([`| ${head.join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n"));
    } else out.push(`> ${b.note}`);
  }
  return `${out.join("\n\n")}\n`;
}
