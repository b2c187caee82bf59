/** Escapes text for HTML and XML (element content and quoted attribute values). */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Markup that is already safe: {@link html} inserts it as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function part(value: Part): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  return escapeHtml(value);
}

/**
 * A template tag for HTML: every interpolated value is escaped unless it is {@link SafeHtml}
 * (which is what this tag returns), so text from the model can never become markup.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += part(values[i] as Part) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Trusted markup (e.g. an SVG drawn by the chart module, whose text ECharts escapes). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A string for a CSS `content: "..."` value inside a <style> element. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

/**
 * Escapes text for GitHub-flavoured Markdown, inline: a backslash before every character that
 * could start emphasis, code, links, HTML, tables or strikethrough, and before an ampersand that
 * would read as an entity; line breaks become spaces. Text that would open a block (heading, list,
 * quote, numbered list) at the start of a line is escaped too.
 */
export function escapeMarkdown(value: unknown): string {
  const text = String(value ?? "")
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
  return text.replace(/^(\s*)([-+=#])/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}
