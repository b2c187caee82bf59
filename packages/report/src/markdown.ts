/**
 * The board pack as GitHub-flavoured Markdown: the same headings, figures and tables as the HTML.
 * Charts are embedded as SVG data-URI images, each followed by its table, so the numbers read
 * wherever images do not show. Every string from the model is escaped.
 */
import type { BoardReport } from "@caio/core";
import type { Chart, FigureTable } from "./charts.js";
import { type Block, buildDocument, type Section } from "./document.js";
import { escapeMarkdown as md } from "./escape.js";

function cell(text: string): string {
  const escaped = md(text);
  return escaped === "" ? " " : escaped;
}

function table(t: FigureTable): string {
  const row = (r: string[]) => `| ${r.map(cell).join(" | ")} |`;
  const rule = `|${t.align.map((a) => (a === "right" ? " ---: " : " :--- ")).join("|")}|`;
  const lines = [`**${md(t.caption)}**`, "", row(t.head), rule, ...t.rows.map(row)];
  // The totals row in bold: escape the text first, the asterisks must stay markup.
  if (t.foot) lines.push(`| ${t.foot.map((c) => (c === "" ? " " : `**${md(c)}**`)).join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

function chart(c: Chart): string {
  const data = Buffer.from(c.svg, "utf8").toString("base64");
  return `![${md(c.title)}](data:image/svg+xml;base64,${data})\n\n${c.tables.map(table).join("\n")}`;
}

function block(b: Block): string {
  switch (b.type) {
    case "h3":
      return `### ${md(b.text)}\n`;
    case "p":
      return `${md(b.text)}\n`;
    case "empty":
      return `*${md(b.text)}*\n`;
    case "stats":
      return `${b.items.map((s) => `- **${md(s.label)}:** ${md(s.value)}${s.detail ? ` — ${md(s.detail)}` : ""}`).join("\n")}\n`;
    case "table":
      return table(b.table);
    case "chart":
      return chart(b.chart);
    case "list":
      return `${b.items.map((i) => `- ${md(i)}`).join("\n")}\n`;
    case "decisions":
      return `${b.items
        .map((d, i) => `${i + 1}. **${md(d.title)}** (${md(d.kind)})  \n   ${md(d.detail)} ${d.due ? `Decide by **${md(d.due)}**.` : "No fixed date."}`)
        .join("\n")}\n`;
  }
}

function section(s: Section): string {
  return `## ${md(s.heading)}\n\n${s.blocks.map(block).join("\n")}`;
}

/** Renders the whole pack as Markdown. */
export function renderMarkdown(report: BoardReport): string {
  const doc = buildDocument(report);
  const out: string[] = [
    `# ${md(doc.title)}\n`,
    `${doc.facts.map((f) => `- **${md(f.label)}:** ${md(f.value)}`).join("\n")}\n`,
    `> **${md(doc.status.headline)}** ${md(doc.status.text)}\n`,
  ];
  if (doc.notes.length > 0) out.push(`## Notes\n\n${doc.notes.map((n) => `- ${md(n)}`).join("\n")}\n`);
  out.push(`## Contents\n\n${doc.sections.map((s, i) => `${i + 1}. [${md(s.heading)}](#${s.id})`).join("\n")}\n`);
  for (const s of doc.sections) out.push(section(s));
  out.push(`---\n\n*${md(doc.colophon)}*\n`);
  return out.join("\n");
}
