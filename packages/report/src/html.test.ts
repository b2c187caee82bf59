import type { BoardReport } from "@caio/core";
import { describe, expect, it } from "vitest";
import { EXPECTED_SECTIONS, emptyReport, HOSTILE, hostileReport, reportFixture } from "../test-support/fixture.js";
import { SECTION_HEADINGS } from "./document.js";
import { renderHtml } from "./html.js";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** Independent of the code under test: micro-units through a float, fine for test-sized amounts. */
const dollars = (micros: string) => usd.format(Number(micros) / 1e6);
const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The text of every h2, in order. */
function h2s(doc: string): string[] {
  return [...doc.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, "").trim());
}

/** The section of the document under an h2 heading, up to the next section. */
function sectionText(doc: string, heading: string): string {
  const start = doc.indexOf(`>${escaped(heading)}</h2>`);
  expect(start).toBeGreaterThan(0);
  const end = doc.indexOf("</section>", start);
  return doc.slice(start, end);
}

describe("HTML board pack", () => {
  const report = reportFixture();
  const doc = renderHtml(report);

  it("is one self-contained English document: inline CSS and SVG, no scripts, nothing to fetch", () => {
    expect(doc.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain(`<title>${escaped(`${report.org.name} — AI board pack ${report.quarter}`)}</title>`);
    expect(doc).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|@font-face/i);
    expect(doc).not.toMatch(/(src|href)="(?!#)/);
    expect(doc).not.toMatch(/\son[a-z]+=/i);
    expect((doc.match(/<svg /g) ?? []).length).toBe(6);
  });

  it("prints for A4 with each major section on a new page and rows kept whole", () => {
    expect(doc).toMatch(/@page \{\s*size: A4;/);
    expect(doc).toMatch(/@media print \{[\s\S]*\.major \{ break-before: page;/);
    expect(doc).toMatch(/tr, [^{]*\{ break-inside: avoid; \}/);
    expect(doc).toContain("thead { display: table-header-group; }");
  });

  it("has the six sections in order under their exact headings, after the cover", () => {
    const headings = h2s(doc).filter((h) => (SECTION_HEADINGS as readonly string[]).includes(h));
    expect(headings).toEqual(EXPECTED_SECTIONS);
    expect((doc.match(/<section class="major"/g) ?? []).length).toBe(6);
    expect(doc.indexOf('<header class="cover">')).toBeLessThan(doc.indexOf(">Executive summary</h2>"));
  });

  it("shows on the cover the organization, quarter, period, as-of day, that the quarter is in progress, and when it was generated", () => {
    const cover = doc.slice(doc.indexOf('<header class="cover">'), doc.indexOf("</header>"));
    expect(cover).toContain(escaped(report.org.name));
    expect(cover).toContain(`AI board pack ${report.quarter}`);
    expect(cover).toContain("1 Oct 2026 to 31 Dec 2026");
    expect(cover).toContain(">23 Nov 2026<");
    expect(cover).toContain("Quarter in progress.");
    expect(cover).toContain("23 Nov 2026, 14:30 UTC");
    for (const note of report.notes) expect(cover).toContain(escaped(note));
    const complete: BoardReport = { ...report, period: { ...report.period, asOf: report.period.to, complete: true } };
    expect(renderHtml(complete)).not.toContain("Quarter in progress");
  });

  it("puts the executive summary's lines and key figures first", () => {
    const s = sectionText(doc, "Executive summary");
    for (const line of report.summary) expect(s).toContain(escaped(line));
    expect(s).toContain(dollars(report.spend.quarterMicros));
    // A running quarter is compared at its pace: 184,512.37 over 54 of 92 days is 314,354.41, up 91.5%.
    expect(s).toContain("on pace for $314,354.41, ▲ up 91.5% on 2026-Q3");
    expect(s).toContain(dollars(report.spend.savings.identifiedMonthlyMicros));
  });

  it("prints the spend figures from the model, money to the cent and shares with one decimal", () => {
    const s = sectionText(doc, "AI spend");
    for (const micros of [
      report.spend.quarterMicros,
      report.spend.previousQuarterMicros,
      report.spend.billedMicros,
      report.spend.listMicros,
      report.spend.unattributedMicros,
    ])
      expect(s).toContain(`>${dollars(micros)}</td>`);
    for (const q of report.spend.trend) expect(s).toContain(`>${dollars(q.costMicros)}</td>`);
    for (const p of report.spend.byProvider) {
      expect(s).toContain(`<th scope="row">${escaped(p.label)}</th><td class="num">${dollars(p.costMicros)}</td>`);
      const pct = ((Number(p.costMicros) / Number(report.spend.quarterMicros)) * 100).toFixed(1);
      expect(s).toContain(`<td class="num">${pct}%</td>`);
    }
    for (const t of report.spend.savings.byType) expect(s).toContain(`>${dollars(t.monthlySavingMicros)}</td>`);
    expect(s).toContain(`${(Number(report.spend.savings.shareOfSpend) * 100).toFixed(1)}%`);
    expect(s).toContain(`>${dollars(report.spend.savings.identifiedAnnualMicros)} a year<`);
  });

  it("prints capability progress: stages, moves, stalled pilots, KPIs and value", () => {
    const s = sectionText(doc, "Capability progress");
    const c = report.capability;
    for (const p of c.promoted) expect(s).toContain(escaped(p.name));
    for (const p of c.stopped) expect(s).toContain(escaped(p.name));
    for (const p of c.stalled) expect(s).toContain(escaped(p.detail));
    for (const u of c.funded) {
      expect(s).toContain(escaped(u.kpiName));
      expect(s).toContain(`>${usd.format(Number(u.plannedAnnualValue))}</td>`);
    }
    expect(s).toContain(`>${usd.format(Number(c.roiTotals.annualCost))}<`);
    expect(s).toContain(`>${((c.roiTotals.roi ?? 0) * 100).toFixed(1)}%<`);
    expect(s).toContain(">14.5%</td>");
    expect(s).toContain(">120 pallets/month</td>");
  });

  it("prints the risk posture: labels, obligations with citations, incidents, risks, policies, shadow AI and renewals", () => {
    const s = sectionText(doc, "Risk posture");
    const r = report.risk;
    // Obligations are summed up by system, most overdue first; each one is listed in the appendix.
    expect(s).toContain(
      `<tr><th scope="row">Driver CV screening</th><td class="num">2</td><td class="num">0</td><td class="num">2 Aug 2026</td><td>Claire Dubois, Ben Okafor</td></tr>`,
    );
    expect(s).toContain(
      `<tr><th scope="row">Internal knowledge search</th><td class="num">0</td><td class="num">1</td><td class="num">No fixed date</td><td>—</td></tr>`,
    );
    expect(s.indexOf("Driver CV screening")).toBeLessThan(s.indexOf("Ask Meridian support assistant"));
    for (const o of r.obligations.items) expect(s).not.toContain(escaped(o.cite));
    const appendix = sectionText(doc, "Appendix: AI inventory");
    for (const o of r.obligations.items) {
      expect(appendix).toContain(escaped(o.title));
      expect(appendix).toContain(escaped(o.cite));
    }
    expect(appendix).toContain(`<td class="num">2 Aug 2026</td><td class="num">113 overdue</td>`);
    for (const i of r.incidents.items) expect(s).toContain(escaped(i.title));
    for (const i of r.risks.items) expect(s).toContain(escaped(i.title));
    for (const p of r.policies.awaitingApproval) expect(s).toContain(escaped(p.name));
    for (const i of r.shadow.items) expect(s).toContain(escaped(i.repository));
    for (const v of r.renewals) expect(s).toContain(escaped(v.vendor));
    expect(s).toContain(`>${dollars(r.renewals[0]?.annualCommitmentMicros ?? "0")}</td>`);
    expect(s).toContain(`${r.unclassified} systems are not classified yet.`);
  });

  it("lists the board's decisions with their dates", () => {
    const s = sectionText(doc, "Decisions needed from the board");
    for (const d of report.decisions) {
      expect(s).toContain(escaped(d.title));
      expect(s).toContain(escaped(d.detail));
    }
    expect(s).toContain("Decide by <strong>31 Dec 2026</strong>");
    expect((s.match(/<li class="decision">/g) ?? []).length).toBe(report.decisions.length);
  });

  it("ends with the inventory and its total spend", () => {
    const s = sectionText(doc, "Appendix: AI inventory");
    for (const sys of report.inventory) {
      expect(s).toContain(escaped(sys.name));
      expect(s).toContain(`>${dollars(sys.quarterCostMicros)}</td>`);
    }
    const total = report.inventory.reduce((n, sys) => n + BigInt(sys.quarterCostMicros), 0n);
    expect(s).toContain(`<td class="num">${dollars(String(total))}</td></tr></tfoot>`);
  });

  it("aligns numbers right in tables", () => {
    expect(doc).toMatch(/<th scope="col" class="num">Spend \(USD\)<\/th>/);
    expect(doc).toContain(".num { text-align: right;");
  });

  it("gives the same bytes for the same model", () => {
    expect(renderHtml(reportFixture())).toBe(doc);
  });

  it("keeps names from users inert: no markup, no script, no broken CSS", () => {
    const out = renderHtml(hostileReport());
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/onerror="/i);
    expect((out.match(/<\/style>/g) ?? []).length).toBe(1);
    expect(out).toContain(escaped(HOSTILE.script));
    expect(out).toContain(escaped(HOSTILE.image));
    expect(out).toContain(`<title>${escaped(HOSTILE.org)} — AI board pack 2026-Q4</title>`);
  });

  it("renders a brand-new organization in words, without crashing on empty lists or nulls", () => {
    const out = renderHtml(emptyReport());
    expect(h2s(out).filter((h) => (SECTION_HEADINGS as readonly string[]).includes(h))).toHaveLength(6);
    expect(out).not.toContain("<svg");
    for (const text of [
      "Nothing to report yet",
      "No AI spend is recorded in the last four quarters.",
      "No use cases are in the portfolio yet.",
      "No incidents this quarter.",
      "No open risks are in the register.",
      "No decisions are needed from the board this quarter.",
      "The inventory is empty: no AI systems are registered.",
      "no spend in the previous quarter",
    ])
      expect(out).toContain(text);
    expect(out).not.toMatch(/NaN|undefined|null|Infinity/);
    expect(out).toContain("Complete quarter.");
  });
});
