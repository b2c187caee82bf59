import { describe, expect, it } from "vitest";
import { EXPECTED_SECTIONS, emptyReport, hostileReport, reportFixture } from "../test-support/fixture.js";
import { renderMarkdown } from "./markdown.js";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const dollars = (micros: string) => usd.format(Number(micros) / 1e6);

/** Cells of a Markdown table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Every table as its lines (header, rule, rows). */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of md.split("\n")) {
    if (line.startsWith("|")) current.push(line);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

describe("Markdown board pack", () => {
  const report = reportFixture();
  const md = renderMarkdown(report);

  it("has the title and the same six section headings in order", () => {
    expect(md.startsWith(`# ${report.org.name} — AI board pack ${report.quarter}\n`)).toBe(true);
    const h2 = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(h2.slice(-6)).toEqual(EXPECTED_SECTIONS);
    expect(md).toContain("> **Quarter in progress.** The figures cover 1 Oct 2026 to 23 Nov 2026");
  });

  it("embeds each chart as an SVG data URI followed by its table", () => {
    const images = [...md.matchAll(/!\[([^\]]+)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)\n\n\*\*/g)];
    expect(images).toHaveLength(6);
    for (const [, alt, data] of images) {
      expect(alt?.length).toBeGreaterThan(5);
      const svg = Buffer.from(data ?? "", "base64").toString("utf8");
      expect(svg).toMatch(/^<svg role="img"[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.endsWith("</svg>")).toBe(true);
    }
  });

  it("writes well-formed GFM tables with numbers right-aligned and figures from the model", () => {
    const all = tables(md);
    expect(all.length).toBeGreaterThan(15);
    for (const t of all) {
      const width = cells(t[0] ?? "").length;
      expect(t[1]).toMatch(/^\|( (:---|---:) \|)+$/);
      for (const row of t) expect(cells(row)).toHaveLength(width);
    }
    expect(md).toContain(`| Spend this quarter so far | ${dollars(report.spend.quarterMicros)} |`);
    for (const p of report.spend.byProvider) expect(md).toContain(`| ${p.label} | ${dollars(p.costMicros)} |`);
    const total = report.inventory.reduce((n, s) => n + BigInt(s.quarterCostMicros), 0n);
    expect(md).toContain(`**${dollars(String(total))}** |`);
    expect(md).toContain("| Spend (USD) | Share of the quarter |\n| :--- | ---: | ---: |");
  });

  it("totals savings by type, and says so when recommendations on one workload combine to less than their sum", () => {
    expect(md).toContain("| **Total** | **6** | **$21,340.00** |");
    expect(md).not.toContain("combine rather than add");
    const overlapping = reportFixture();
    overlapping.spend.savings.identifiedMonthlyMicros = "19500000000";
    const text = renderMarkdown(overlapping);
    expect(text).toContain("| **Total, each taken alone** | **6** | **$21,340.00** |");
    expect(text).toContain("taken together they save $19,500.00 a month, the figure used above.");
  });

  it("lists decisions with their dates", () => {
    for (const d of report.decisions) expect(md).toContain(d.title);
    expect(md).toContain("Decide by **31 Dec 2026**.");
  });

  it("escapes pipes, emphasis, links, code and HTML from names", () => {
    const out = renderMarkdown(hostileReport());
    expect(out).not.toMatch(/(?<!\\)<(script|img|\/style)/i);
    expect(out).toContain('\\<script\\>alert("pwned")\\</script\\>');
    expect(out).toContain("Ops \\| Finance \\*bot\\* \\[link\\](http://x.test) \\`code\\` \\_it\\_ \\~\\~s\\~\\~");
    for (const t of tables(out)) {
      const width = cells(t[0] ?? "").length;
      for (const row of t) expect(cells(row)).toHaveLength(width);
    }
  });

  it("gives the same bytes for the same model", () => {
    expect(renderMarkdown(reportFixture())).toBe(md);
  });

  it("renders a brand-new organization in words", () => {
    const out = renderMarkdown(emptyReport());
    expect([...out.matchAll(/^## (.+)$/gm)].map((m) => m[1]).slice(-6)).toHaveLength(6);
    expect(out).not.toContain("data:image");
    expect(out).toContain("*No incidents this quarter.*");
    expect(out).toContain("*No decisions are needed from the board this quarter.*");
    expect(out).not.toMatch(/NaN|undefined|null|Infinity/);
  });
});
