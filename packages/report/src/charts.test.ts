import { describe, expect, it } from "vitest";
import { emptyReport, HOSTILE, hostileReport, reportFixture } from "../test-support/fixture.js";
import { type Chart, niceAxis, renderCharts, TOP_SYSTEMS, textWidth } from "./charts.js";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** Independent of the code under test: micro-units through a float, fine for test-sized amounts. */
const dollars = (micros: string) => usd.format(Number(micros) / 1e6);
const compact = (micros: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(
    Math.round(Number(micros) / 1e4) / 100,
  );

function all(charts: ReturnType<typeof renderCharts>): Chart[] {
  return Object.values(charts).filter((c): c is Chart => c !== null);
}

function expectValidSvg(c: Chart): void {
  expect(c.svg.startsWith("<svg ")).toBe(true);
  expect(c.svg.endsWith("</svg>")).toBe(true);
  expect(c.svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(c.svg).toMatch(/viewBox="0 0 \d+ \d+"/);
  expect(c.svg).toContain(`role="img" aria-labelledby="${c.id}-title ${c.id}-desc"`);
  expect(c.svg).toContain(`<title id="${c.id}-title">`);
  expect(c.svg).toContain(`<desc id="${c.id}-desc">`);
  // Balanced elements: every opened element is closed (ECharts writes no self-closing tags).
  const opened = (c.svg.match(/<[a-zA-Z][^>]*[^/]>/g) ?? []).length;
  const closed = (c.svg.match(/<\/[a-zA-Z]+>/g) ?? []).length;
  expect(opened).toBe(closed);
  // Nothing interactive or per-process: no scripts, styles, hover classes or instance ids.
  expect(c.svg).not.toMatch(/<script|<style|class=|ecmeta_|zr\d+-|pointer-events/);
}

describe("charts", () => {
  it("draws every chart of a full quarter as standalone, accessible SVG", () => {
    const charts = all(renderCharts(reportFixture()));
    expect(charts.map((c) => c.id)).toEqual([
      "chart-spend-trend",
      "chart-spend-by-provider",
      "chart-spend-by-system",
      "chart-use-cases-by-stage",
      "chart-systems-by-label",
      "chart-funded-value",
    ]);
    for (const c of charts) {
      expectValidSvg(c);
      expect(c.tables.length).toBeGreaterThan(0);
      for (const t of c.tables) for (const row of [...t.rows, ...(t.foot ? [t.foot] : [])]) expect(row).toHaveLength(t.head.length);
    }
  });

  it("prints the model's numbers in the SVG and exactly in the tables", () => {
    const r = reportFixture();
    const charts = renderCharts(r);
    const trend = charts.spendTrend as Chart;
    for (const q of r.spend.trend) {
      expect(trend.svg).toContain(`>${q.quarter}</text>`);
      expect(trend.svg).toContain(`>${compact(q.costMicros)}</text>`);
      expect(trend.tables[0]?.rows.some((row) => row.includes(dollars(q.costMicros)))).toBe(true);
    }
    for (const m of r.spend.months) expect(trend.tables[1]?.rows.some((row) => row.includes(dollars(m.costMicros)))).toBe(true);

    const providers = charts.spendByProvider as Chart;
    for (const p of r.spend.byProvider) {
      expect(providers.svg).toContain(`>${p.label}</text>`);
      expect(providers.svg).toContain(`>${compact(p.costMicros)}</text>`);
      const row = providers.tables[0]?.rows.find((x) => x[0] === p.label);
      expect(row?.[1]).toBe(dollars(p.costMicros));
      const pct = ((Number(p.costMicros) / Number(r.spend.quarterMicros)) * 100).toFixed(1);
      expect(row?.[2]).toBe(`${pct}%`);
    }

    const stages = charts.useCasesByStage as Chart;
    for (const s of r.capability.useCasesByStage) expect(stages.svg).toContain(`>${s.count}</text>`);
    expect(stages.tables[0]?.foot?.[1]).toBe(String(r.capability.useCasesByStage.reduce((n, s) => n + s.count, 0)));

    const labels = charts.systemsByLabel as Chart;
    expect(labels.tables[0]?.rows).toContainEqual(["High-risk", "3"]);
    expect(labels.tables[0]?.rows).toContainEqual(["Not classified yet", String(r.risk.unclassified)]);

    const funded = charts.fundedValue as Chart;
    for (const u of r.capability.funded) {
      const row = funded.tables[0]?.rows.find((x) => x[0] === u.name);
      expect(row?.[1]).toBe(usd.format(Number(u.plannedAnnualValue)));
      expect(row?.[2]).toBe(usd.format(Number(u.realizedAnnualValue)));
    }
    expect(funded.svg).toContain(">Planned annual value</text>");
    expect(funded.svg).toContain(">Realized annual value</text>");
  });

  it("shows the eight systems that cost most and folds the rest into Other", () => {
    const r = reportFixture();
    const bySystem = renderCharts(r).spendBySystem as Chart;
    const sorted = [...r.spend.bySystem].sort((a, b) => Number(b.costMicros) - Number(a.costMicros));
    const rows = bySystem.tables[0]?.rows ?? [];
    expect(rows).toHaveLength(TOP_SYSTEMS + 1);
    expect(rows.slice(0, TOP_SYSTEMS).map((x) => x[1])).toEqual(sorted.slice(0, TOP_SYSTEMS).map((s) => dollars(s.costMicros)));
    const rest = sorted.slice(TOP_SYSTEMS).reduce((n, s) => n + BigInt(s.costMicros), 0n);
    expect(rows[TOP_SYSTEMS]).toEqual([`Other (${sorted.length - TOP_SYSTEMS} systems)`, dollars(String(rest)), expect.stringMatching(/%$/)]);
    expect(bySystem.svg).toContain(`>Other (${sorted.length - TOP_SYSTEMS} systems)</text>`);
  });

  it("gives byte-identical SVG for the same model, however many charts were drawn before", () => {
    const first = renderCharts(reportFixture());
    renderCharts(emptyReport());
    renderCharts(hostileReport());
    const second = renderCharts(reportFixture());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("draws nothing rather than empty axes when there is no data", () => {
    expect(renderCharts(emptyReport())).toEqual({
      spendTrend: null,
      spendByProvider: null,
      spendBySystem: null,
      useCasesByStage: null,
      systemsByLabel: null,
      fundedValue: null,
    });
  });

  it("escapes names in the SVG text", () => {
    const charts = all(renderCharts(hostileReport()));
    for (const c of charts) {
      expect(c.svg).not.toContain("<script");
      expect(c.svg).not.toContain("<img");
    }
    expect((renderCharts(hostileReport()).spendBySystem as Chart).svg).toContain("&lt;script&gt;");
    expect((renderCharts(hostileReport()).spendByProvider as Chart).tables[0]?.rows[0]?.[0]).toBe(HOSTILE.pipes);
  });

  it("measures text generously and picks round axis maxima", () => {
    expect(textWidth("Ask Meridian support assistant", "12px sans-serif")).toBeGreaterThan(150);
    expect(textWidth("MMM", "bold 12px sans-serif")).toBeGreaterThan(textWidth("MMM", "12px sans-serif"));
    expect(niceAxis(184_512)).toEqual({ max: 250_000, interval: 50_000 });
    expect(niceAxis(98)).toEqual({ max: 125, interval: 25 });
    expect(niceAxis(0)).toEqual({ max: 0.2, interval: 0.2 });
  });
});
