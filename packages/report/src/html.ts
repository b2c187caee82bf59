/**
 * The board pack as one self-contained HTML document: inline CSS and SVG, no scripts, nothing to
 * fetch. Laid out for the screen and for A4 print (each major section starts a page; table rows
 * never split). Every string from the model goes through the `html` tag, which escapes it.
 */
import type { BoardReport } from "@caio/core";
import { type Chart, type FigureTable, FONT, PALETTE } from "./charts.js";
import { type Block, buildDocument, type PackDocument, type Section, type Stat } from "./document.js";
import { cssString, html, type SafeHtml, trusted } from "./escape.js";

function attr(name: string, value: string | undefined): SafeHtml {
  return value === undefined ? trusted("") : html` ${trusted(name)}="${value}"`;
}

function table(t: FigureTable, className?: string): SafeHtml {
  const cls = (i: number) => (t.align[i] === "right" ? "num" : undefined);
  const cells = (r: string[]) => r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td${attr("class", cls(i))}>${c}</td>`));
  return html`<table${attr("class", className)}>
<caption>${t.caption}</caption>
<thead><tr>${t.head.map((h, i) => html`<th scope="col"${attr("class", cls(i))}>${h}</th>`)}</tr></thead>
<tbody>
${t.rows.map((r) => html`<tr>${cells(r)}</tr>\n`)}</tbody>
${t.foot ? html`<tfoot><tr>${cells(t.foot)}</tr></tfoot>\n` : ""}</table>\n`;
}

function figure(chart: Chart, layout: "wide" | "pair"): SafeHtml {
  // The SVG comes from the chart module: ECharts escapes its text, and the title is escaped there.
  const fig = html`<figure class="chart" id="${chart.id}">
<figcaption>${chart.title}</figcaption>
${trusted(chart.svg)}
</figure>\n`;
  const tables = chart.tables.map((t) => table(t));
  return layout === "pair" ? html`<div class="pair">${fig}<div class="pair-tables">${tables}</div></div>\n` : html`<div class="wide">${fig}${tables}</div>\n`;
}

function stats(items: Stat[], label: string): SafeHtml {
  const columns = items.length === 6 ? 3 : Math.min(items.length, 5);
  return html`<dl class="stats cols-${columns}" aria-label="${label}">
${items.map(
  (s) =>
    html`<div class="stat${s.tone ? trusted(` tone-${s.tone}`) : ""}"><dt>${s.label}</dt><dd><span class="value">${s.value}</span>${
      s.detail ? html`<span class="detail">${s.detail}</span>` : ""
    }</dd></div>\n`,
)}</dl>\n`;
}

function block(b: Block): SafeHtml {
  switch (b.type) {
    case "h3":
      return html`<h3>${b.text}</h3>\n`;
    case "p":
      return html`<p>${b.text}</p>\n`;
    case "empty":
      return html`<p class="empty">${b.text}</p>\n`;
    case "stats":
      return stats(b.items, b.label);
    case "table":
      return table(b.table, [b.className, b.table.rows.length > 12 ? "dense" : undefined].filter(Boolean).join(" ") || undefined);
    case "chart":
      return figure(b.chart, b.layout);
    case "list":
      return html`<ul class="summary">\n${b.items.map((i) => html`<li>${i}</li>\n`)}</ul>\n`;
    case "decisions":
      return html`<ol class="decisions">
${b.items.map(
  (d) => html`<li class="decision"><p class="decision-head"><span class="kind">${d.kind}</span> <strong>${d.title}</strong></p>
<p class="decision-detail">${d.detail} <span class="decision-due">${d.due ? html`Decide by <strong>${d.due}</strong>.` : "No fixed date."}</span></p></li>\n`,
)}</ol>\n`;
  }
}

function section(s: Section): SafeHtml {
  return html`<section class="major" id="${s.id}" aria-labelledby="${s.id}-heading">
<h2 id="${s.id}-heading">${s.heading}</h2>
${s.blocks.map(block)}</section>\n`;
}

function cover(doc: PackDocument): SafeHtml {
  return html`<header class="cover">
<p class="eyebrow">AI board pack</p>
<h1><span class="org">${doc.orgName}</span><span class="sep"> — </span><span class="what">AI board pack ${doc.quarter}</span></h1>
<dl class="facts">
${doc.facts.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>\n`)}</dl>
<p class="status ${doc.status.complete ? "complete" : "in-progress"}"><strong>${doc.status.headline}</strong> ${doc.status.text}</p>
${
  doc.notes.length > 0
    ? html`<section class="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2>
<ul>${doc.notes.map((n) => html`<li>${n}</li>`)}</ul></section>\n`
    : ""
}<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2>
<ol>${doc.sections.map((s) => html`<li><a href="#${s.id}">${s.heading}</a></li>`)}</ol></nav>
</header>\n`;
}

function styles(doc: PackDocument): string {
  const footer = cssString(doc.title);
  return `
:root { --ink: ${PALETTE.ink}; --muted: ${PALETTE.muted}; --rule: ${PALETTE.rule}; --accent: ${PALETTE.blue}; --tint: #F4F6F8; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #FFFFFF; }
body {
  margin: 0 auto; max-width: 58rem; padding: 2.5rem 2rem 4rem; font-family: ${FONT};
  font-size: 15px; line-height: 1.5; -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1, h2, h3 { line-height: 1.2; font-weight: 700; color: var(--ink); }
h1 { font-size: 2.3rem; margin: 0 0 2rem; letter-spacing: -.01em; }
h1 .org, h1 .what { display: block; }
h1 .what { font-size: 1.4rem; font-weight: 400; color: var(--muted); margin-top: .5rem; letter-spacing: 0; }
h1 .sep { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
main { counter-reset: section; }
h2 { font-size: 1.6rem; margin: 0 0 1.25rem; padding-bottom: .5rem; border-bottom: 2px solid var(--accent); }
.major h2::before { counter-increment: section; content: counter(section); color: var(--accent); margin-right: .6rem; }
h3 { font-size: 1.05rem; margin: 2.2rem 0 .75rem; }
p { margin: .5rem 0 1rem; }
a { color: var(--accent); }
.eyebrow { text-transform: uppercase; letter-spacing: .14em; font-size: .8rem; font-weight: 600; color: var(--accent); margin: 0 0 .75rem; }
.cover { padding-bottom: 2rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 1rem 1.5rem; margin: 0 0 1.75rem; }
.facts dt { font-size: .72rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.facts dd { margin: .2rem 0 0; font-weight: 600; }
.status { padding: .8rem 1rem; border-left: 4px solid ${PALETTE.green}; background: #E9F5F1; }
.status.in-progress { border-left-color: ${PALETTE.orange}; background: #FDF3E1; }
.notes h2, .contents h2 { font-size: .85rem; border: 0; margin: 2rem 0 .5rem; padding: 0; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.notes ul { margin: 0; padding-left: 1.2rem; }
.notes li { margin: .25rem 0; }
.contents ol { margin: 0; padding-left: 1.4rem; }
.contents li { margin: .3rem 0; }
.major { margin-top: 4rem; }
.stats { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .75rem; margin: 0 0 1.5rem; }
.stats.cols-1 { grid-template-columns: minmax(0, 16rem); }
.stats.cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.stats.cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.stats.cols-5 { grid-template-columns: repeat(5, minmax(0, 1fr)); }
.stat { background: var(--tint); border-radius: 6px; padding: .75rem .9rem .8rem; border-top: 3px solid var(--rule); break-inside: avoid; }
.stat dt { font-size: .78rem; color: var(--muted); }
.stat dd { margin: .25rem 0 0; }
.stat .value { display: block; font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat .detail { display: block; font-size: .78rem; color: var(--muted); margin-top: .2rem; }
.tone-alert { border-top-color: ${PALETTE.vermillion}; }
.tone-ok { border-top-color: ${PALETTE.green}; }
.tone-up { border-top-color: ${PALETTE.orange}; }
.tone-down { border-top-color: ${PALETTE.sky}; }
ul.summary { padding-left: 1.2rem; font-size: 1.05rem; }
ul.summary li { margin: .45rem 0; }
.empty { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1.75rem; font-size: .86rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; font-size: .82rem; color: var(--muted); padding-bottom: .4rem; }
th, td { text-align: left; vertical-align: top; padding: .42rem .75rem .42rem 0; border-bottom: 1px solid var(--rule); }
th:last-child, td:last-child { padding-right: 0; }
thead th { font-size: .72rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 1.5px solid var(--ink); font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: 500; }
th[scope="row"] { min-width: 7.5rem; }
table.obligations th:nth-child(2) { width: 30%; }
table.obligations td:nth-child(3) { min-width: 6rem; }
tfoot th, tfoot td { font-weight: 700; border-top: 1.5px solid var(--ink); border-bottom: 0; }
.num { text-align: right; padding-left: .75rem; }
table.dense { font-size: .8rem; }
table.dense th, table.dense td { padding-top: .28rem; padding-bottom: .28rem; }
td.num { white-space: nowrap; }
figure.chart { margin: .5rem 0 1rem; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: .82rem; color: var(--muted); margin-bottom: .4rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
.wide figure.chart svg { max-width: 40rem; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; align-items: start; }
.pair figure.chart svg { max-width: 26rem; }
ol.decisions { list-style: none; padding: 0; margin: 0; counter-reset: decision; }
.decision { counter-increment: decision; position: relative; padding: .7rem 1rem .7rem 2.8rem; margin: 0 0 .6rem; background: var(--tint); border-radius: 6px; break-inside: avoid; }
.decision::before { content: counter(decision); position: absolute; left: 1rem; top: .65rem; font-weight: 700; font-size: 1.1rem; color: var(--accent); }
.decision p { margin: 0 0 .25rem; }
.decision p:last-child { margin-bottom: 0; }
.decision .kind { display: inline-block; font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; padding: .1rem .45rem; border: 1px solid var(--muted); border-radius: 3px; color: var(--muted); margin-right: .35rem; vertical-align: .1rem; }
.decision-due { color: var(--muted); white-space: nowrap; }
.colophon { margin-top: 3rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: .75rem; }
@media screen and (max-width: 44rem) {
  .pair { grid-template-columns: 1fr; }
  .stats, .stats.cols-3, .stats.cols-5 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  body { padding: 1.25rem 1rem 3rem; }
}
@page {
  size: A4; margin: 18mm 17mm 20mm;
  @bottom-left { content: ${footer}; font-family: ${FONT}; font-size: 7.5pt; color: ${PALETTE.muted}; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: ${FONT}; font-size: 7.5pt; color: ${PALETTE.muted}; }
}
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 28pt; }
  h1 .what { font-size: 16pt; }
  h2 { font-size: 17pt; }
  h3 { font-size: 11.5pt; margin-top: 1.5rem; }
  .cover { padding-top: 35mm; }
  .major { break-before: page; margin-top: 0; }
  h2, h3, caption, figcaption { break-after: avoid; }
  tr, .stat, .decision, figure, li { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; }
  table.dense { font-size: 7.8pt; }
  a { color: inherit; text-decoration: none; }
  .colophon { break-inside: avoid; }
}
`;
}

/** Renders the whole pack as one HTML document. */
export function renderHtml(report: BoardReport): string {
  const doc = buildDocument(report);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="caio">
<title>${doc.title}</title>
<style>${trusted(styles(doc))}</style>
</head>
<body>
${cover(doc)}<main>
${doc.sections.map(section)}</main>
<footer class="colophon"><p>${doc.colophon}</p></footer>
</body>
</html>
`.value;
}
