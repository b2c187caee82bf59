import { createHash } from "node:crypto";
import {
  type BoardReport,
  BoardReportSchema,
  type IncidentStatus,
  type ObligationRow,
  quarterOfDate,
  quarterRange,
  quartersEndingWith,
  type ReportSnapshot,
  ReportSnapshotDetailSchema,
  ReportSnapshotSchema,
  type RiskStatus,
  type RoiReport,
  type SavingsReport,
  type SpendRow,
  type StoredFinding,
  type System,
  type UseCaseList,
} from "@caio/core";
import { createStore, type Database, DEMO_ORG, openDatabase, type Store } from "@caio/db";
import { type App, argon2Hasher, createApp } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../packages/cli/src/demo-load.js";
import { EXPECTED_SECTIONS } from "../../packages/report/test-support/fixture.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("the board pack over the API, on the demo organization", () => {
  let db: Database;
  let store: Store;
  let app: App;
  let today: string;
  const org = DEMO_ORG.slug;

  const get = async <T>(path: string): Promise<T> => {
    const res = await app.request(`/api/v1/orgs/${org}${path}`);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const send = (method: string, path: string, body?: unknown, slug: string = org) =>
    app.request(`/api/v1/orgs/${slug}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    db = await openDatabase({ memory: true });
    store = createStore({ db, hasher: argon2Hasher });
    await loadDemo(store);
    await store.orgs.create({ name: "Empty Co", slug: "empty" }, { label: "local:test" });
    app = createApp({ store, localOperator: "tester" });
    today = store.now().slice(0, 10);
  });
  afterAll(async () => db.close());

  /** Checks every figure of a model against the API routes for the same period. */
  async function expectFiguresMatchApi(m: BoardReport): Promise<void> {
    const { from, asOf } = m.period;
    const range = `from=${from}&to=${asOf}`;
    const overview = await get<{ costMicros: string; billedMicros: string; listMicros: string; unattributedMicros: string }>(`/spend/overview?${range}`);
    expect(m.spend.quarterMicros).toBe(overview.costMicros);
    expect(m.spend.billedMicros).toBe(overview.billedMicros);
    expect(m.spend.listMicros).toBe(overview.listMicros);
    expect(m.spend.unattributedMicros).toBe(overview.unattributedMicros);
    if (m.period.complete) expect(m.spend.projectedMicros).toBeNull();
    else {
      // The pace: spend so far × days in the quarter / days covered, to within one micro-unit.
      const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
      const covered = BigInt(day(asOf) - day(from) + 1);
      const all = BigInt(day(m.period.to) - day(from) + 1);
      const projected = BigInt(m.spend.projectedMicros ?? "-1");
      expect(projected * covered - BigInt(overview.costMicros) * all).toBeLessThanOrEqual(covered);
      expect(BigInt(overview.costMicros) * all - projected * covered).toBeLessThanOrEqual(covered);
    }
    for (const by of ["provider", "system"] as const) {
      const rows = (await get<{ items: SpendRow[] }>(`/spend?by=${by}&${range}`)).items;
      const mine = by === "provider" ? m.spend.byProvider : m.spend.bySystem;
      expect(mine.map((r) => [r.key, r.costMicros])).toEqual(rows.map((r) => [r.key, r.costMicros]));
    }
    // The previous quarter and the trend: each earlier quarter's months from GET /spend?by=month.
    const quarters = quartersEndingWith(m.quarter, 4);
    expect(m.spend.trend.map((t) => t.quarter)).toEqual(quarters);
    for (const [i, q] of quarters.slice(0, 3).entries()) {
      const r = quarterRange(q);
      const months = (await get<{ items: SpendRow[] }>(`/spend?by=month&from=${r.from}&to=${r.to}`)).items;
      expect(m.spend.trend[i]?.costMicros, q).toBe(months.reduce((n, x) => n + BigInt(x.costMicros), 0n).toString());
    }
    expect(m.spend.trend[3]?.costMicros).toBe(m.spend.quarterMicros);
    expect(m.spend.previousQuarterMicros).toBe(m.spend.trend[2]?.costMicros);

    const systems = (await get<{ items: System[]; total: number }>("/systems?limit=500")).items;
    expect(m.capability.systemsByStage.reduce((n, s) => n + s.count, 0)).toBe(systems.length);
    for (const s of m.capability.systemsByStage) expect(s.count, s.stage).toBe(systems.filter((x) => x.stage === s.stage).length);
    expect(m.inventory.map((i) => i.id).sort()).toEqual(systems.map((s) => s.id).sort());

    const useCases = await get<UseCaseList>("/usecases");
    for (const s of m.capability.useCasesByStage) expect(s.count, s.stage).toBe(useCases.items.filter((u) => u.stage === s.stage).length);
    const roi = await get<RoiReport>("/roi");
    const { annualNet: _n, ...totals } = roi.totals;
    expect(m.capability.roiTotals).toEqual(totals);

    const obligations = (await get<{ items: ObligationRow[] }>("/obligations")).items;
    expect(m.risk.obligations.total).toBe(obligations.length);
    expect(m.risk.obligations.open).toBe(obligations.filter((o) => o.status !== "done" && o.status !== "not-applicable").length);
    expect(m.risk.obligations.done).toBe(obligations.filter((o) => o.status === "done").length);
    if (asOf === today) expect(m.risk.obligations.overdue).toBe(obligations.filter((o) => o.overdue).length);

    const shadow = (await get<{ items: StoredFinding[] }>("/shadow")).items;
    expect(m.risk.shadow.open).toBe(shadow.length);
    const incidents = await get<{ items: { status: IncidentStatus; awareOn: string }[] }>("/incidents?active=true");
    expect(m.risk.incidents.open).toBe(incidents.items.filter((i) => i.awareOn <= asOf).length);
    const risks = (await get<{ items: { status: RiskStatus }[] }>("/risks")).items;
    expect(m.risk.risks.open).toBe(risks.filter((r) => r.status === "open" || r.status === "mitigating").length);
  }

  it("builds the current quarter's model, in progress, with figures equal to the API's", async () => {
    const m = BoardReportSchema.parse(await get("/reports/model"));
    expect(m.quarter).toBe(quarterOfDate(today));
    expect(m.period).toMatchObject({ from: quarterRange(m.quarter).from, asOf: today, complete: false });
    expect(m.notes[0]).toMatch(/^The quarter is in progress/);
    expect(m.org).toMatchObject({ slug: org, name: DEMO_ORG.name });
    await expectFiguresMatchApi(m);
    // Savings: the summary GET /savings answers (its default window ends at the last day with usage, as the pack's does while the quarter runs).
    const savings = await get<SavingsReport>("/savings");
    expect(m.spend.savings).toEqual({
      identifiedMonthlyMicros: savings.summary.identifiedMonthlyMicros,
      identifiedAnnualMicros: savings.summary.identifiedAnnualMicros,
      realizedMonthlyMicros: savings.summary.realizedMonthlyMicros,
      shareOfSpend: savings.summary.shareOfSpend,
      open: savings.recommendations.filter((r) => r.status === "open").length,
      byType: savings.summary.byType,
    });
    // The demo has spend, savings, a portfolio, obligations and things to decide.
    expect(BigInt(m.spend.quarterMicros)).toBeGreaterThan(0n);
    expect(BigInt(m.spend.savings.identifiedMonthlyMicros)).toBeGreaterThan(0n);
    expect(m.capability.funded.length).toBeGreaterThan(0);
    expect(m.risk.systemsByLabel.length).toBeGreaterThan(0);
    expect(m.decisions.length).toBeGreaterThan(0);
    expect(m.summary.length).toBeGreaterThan(0);
    expect(m.summary.length).toBeLessThanOrEqual(5);
    for (const line of m.summary) expect(line).toMatch(/\d/);
    // The inventory's quarter cost is the Spend page's cost by system.
    const attributed = m.spend.bySystem.filter((r) => r.key !== "(unattributed)").reduce((n, r) => n + BigInt(r.costMicros), 0n);
    expect(m.inventory.reduce((n, i) => n + BigInt(i.quarterCostMicros), 0n)).toBe(attributed);
  });

  it("builds a finished quarter's model to its last day", async () => {
    const previous = quartersEndingWith(quarterOfDate(today), 2)[0] ?? "";
    const m = BoardReportSchema.parse(await get(`/reports/model?quarter=${previous}`));
    expect(m.period).toEqual({ ...quarterRange(previous), asOf: quarterRange(previous).to, complete: true });
    expect(m.spend.months.map((x) => x.month)).toHaveLength(3);
    await expectFiguresMatchApi(m);
  });

  it("renders every section in the HTML preview and the Markdown pack", async () => {
    const res = await send("GET", "/reports/preview");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const htmlText = await res.text();
    const m = BoardReportSchema.parse(await get("/reports/model"));
    let at = -1;
    for (const heading of EXPECTED_SECTIONS) {
      const i = htmlText.indexOf(`${heading}</h2>`);
      expect(i, heading).toBeGreaterThan(at);
      at = i;
    }
    expect(htmlText).toContain(DEMO_ORG.name.replace("&", "&amp;"));
    expect(htmlText).toContain(m.quarter);

    const post = await send("POST", "/reports", { quarter: m.quarter, format: "md" });
    expect(post.status, await post.clone().text()).toBe(201);
    const snap = ReportSnapshotSchema.parse(await post.json());
    const md = new TextDecoder().decode(new Uint8Array(await (await send("GET", `/reports/${snap.id}/content`)).arrayBuffer()));
    for (const heading of EXPECTED_SECTIONS) expect(md).toMatch(new RegExp(`^## ${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
  });

  it("stores a generated pack immutably: the bytes served hash to the snapshot's digest and the ledger's", async () => {
    const quarter = quarterOfDate(today);
    const post = await send("POST", "/reports", { quarter, format: "html" });
    expect(post.status, await post.clone().text()).toBe(201);
    const snap = ReportSnapshotSchema.parse(await post.json());
    expect(snap).toMatchObject({ quarter, format: "html", mediaType: "text/html; charset=utf-8", createdBy: "local:tester" });

    const content = await send("GET", `/reports/${snap.id}/content`);
    expect(content.status).toBe(200);
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect(bytes.byteLength).toBe(snap.bytes);
    expect(sha(bytes)).toBe(snap.sha256);
    expect(content.headers.get("content-type")).toBe(snap.mediaType);
    expect(content.headers.get("x-content-sha256")).toBe(snap.sha256);
    expect(content.headers.get("content-disposition")).toBe(`attachment; filename="caio-board-pack-${org}-${quarter}.html"`);

    const detail = ReportSnapshotDetailSchema.parse(await get(`/reports/${snap.id}`));
    expect(detail).toEqual({ ...snap, verified: true, ledgerSha256: snap.sha256 });
    const audit = await get<{ items: { entityType: string; entityId: string; entityLabel: string }[] }>(`/audit?entityType=report&entityId=${snap.id}`);
    expect(audit.items[0]?.entityLabel).toContain(`sha256:${snap.sha256}`);

    // Newest first; the demo's stored pack for the previous quarter is there too.
    const list = (await get<{ items: ReportSnapshot[] }>("/reports")).items;
    expect(list[0]?.id).toBe(snap.id);
    const previous = quartersEndingWith(quarter, 2)[0];
    expect(list.some((s) => s.quarter === previous && s.format === "html" && s.createdBy === "user:officer@meridian.example")).toBe(true);
    expect((await send("GET", "/reports/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await send("GET", "/reports/00000000-0000-4000-8000-000000000000/content")).status).toBe(404);
  });

  it("refuses a malformed, early or future quarter with a 400 naming the field", async () => {
    const next = quartersEndingWith(quarterOfDate(today), 1)[0] ?? "";
    const year = Number(next.slice(0, 4));
    const n = Number(next.slice(6));
    const future = n === 4 ? `${year + 1}-Q1` : `${year}-Q${n + 1}`;
    for (const [q, words] of [
      ["2026-Q5", /YYYY-Qn/],
      ["1999-Q4", /2000-Q1 or later/],
      [future, /has not started/],
    ] as const) {
      for (const res of [await send("GET", `/reports/model?quarter=${q}`), await send("POST", "/reports", { quarter: q, format: "html" })]) {
        expect(res.status, q).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
        expect(body.error.code).toBe("validation");
        expect(body.error.issues[0]?.path).toBe("quarter");
        expect(body.error.issues[0]?.message).toMatch(words);
      }
    }
    const badFormat = await send("POST", "/reports", { quarter: quarterOfDate(today), format: "docx" });
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("format");
  });

  it("answers PDF without Chromium with 503 and a message naming the package", async () => {
    const saved = process.env.CAIO_CHROMIUM;
    process.env.CAIO_CHROMIUM = "/nonexistent/chromium";
    try {
      const before = (await get<{ items: ReportSnapshot[] }>("/reports")).items.length;
      const res = await send("POST", "/reports", { quarter: quarterOfDate(today), format: "pdf" });
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/chromium/i);
      expect((await get<{ items: ReportSnapshot[] }>("/reports")).items.length).toBe(before);
    } finally {
      if (saved === undefined) delete process.env.CAIO_CHROMIUM;
      else process.env.CAIO_CHROMIUM = saved;
    }
  });

  it("gives a new, empty organization a valid model that renders in every format without a browser", async () => {
    const res = await send("GET", "/reports/model", undefined, "empty");
    expect(res.status).toBe(200);
    const m = BoardReportSchema.parse(await res.json());
    expect(m.spend.quarterMicros).toBe("0");
    expect(m.spend.change).toBeNull();
    expect(m.inventory).toEqual([]);
    expect(m.decisions).toEqual([]);
    expect(m.summary.length).toBeGreaterThan(0);
    expect(m.notes.some((n) => n.includes("No usage was imported"))).toBe(true);
    const preview = await send("GET", "/reports/preview", undefined, "empty");
    expect(preview.status).toBe(200);
    const htmlText = await preview.text();
    for (const heading of EXPECTED_SECTIONS) expect(htmlText).toContain(heading);
    for (const format of ["html", "md"]) {
      const post = await send("POST", "/reports", { quarter: m.quarter, format }, "empty");
      expect(post.status, await post.clone().text()).toBe(201);
    }
    expect((await (await send("GET", "/reports", undefined, "empty")).json()) as { items: unknown[] }).toMatchObject({ items: [{}, {}] });
  });
});
