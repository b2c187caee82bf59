import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPricer } from "../pricing.js";
import type { ServiceTier } from "../record.js";
import { mayBeHighRisk, monthlyCommitment, optimize, peakWindowShare, perMonth, usd } from "./optimize.js";
import { buildSavingsReport, combinedSaving } from "./report.js";
import { THRESHOLDS } from "./rules.js";
import type { ActivityInput, OptimizerInput, SliceInput, SystemFacts, VendorFacts } from "./types.js";

const pricer = createPricer();
const WINDOW = { from: "2026-08-25", to: "2026-11-22", days: 90 };
const AT = new Date("2026-11-22T00:00:00Z");

interface SliceSpec {
  provider?: string;
  model?: string;
  systemId?: string | null;
  scope?: string | null;
  tier?: ServiceTier;
  batch?: boolean;
  longContext?: boolean;
  batchTagged?: boolean;
  hour?: number | null;
  days?: number;
  /** Per window. */
  requests: number;
  input: number;
  cacheRead?: number;
  output: number;
}

/** A slice whose cost is the catalog's list price for its tokens, as an import would store it. */
function slice(s: SliceSpec): SliceInput {
  const provider = s.provider ?? "openai";
  const model = s.model ?? "gpt-4o";
  const usage = {
    uncachedInput: s.input - (s.cacheRead ?? 0),
    cacheRead: s.cacheRead ?? 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: s.output,
    webSearches: 0,
    requests: s.requests,
    serviceTier: s.tier ?? (s.batch ? "batch" : "standard"),
    longContext: s.longContext ?? false,
  } as const;
  const price = pricer.price(provider, model, AT, usage);
  if (!price) throw new Error(`no price for ${provider} ${model}`);
  return {
    systemId: s.systemId ?? null,
    systemName: null,
    provider,
    model,
    scope: s.scope ?? "proj_a",
    serviceTier: usage.serviceTier,
    batch: s.batch ?? false,
    longContext: usage.longContext,
    batchTagged: s.batchTagged ?? false,
    hour: s.hour ?? null,
    uncachedInput: String(usage.uncachedInput),
    cacheRead: String(usage.cacheRead),
    cacheWrite5m: "0",
    cacheWrite1h: "0",
    output: String(usage.output),
    requests: String(usage.requests),
    costMicros: price.micros.toString(),
    listMicros: price.micros.toString(),
    unpriced: 0,
    records: 1,
    days: s.days ?? 90,
    firstDay: WINDOW.from,
    lastDay: WINDOW.to,
  };
}

const system = (id: string, extra: Partial<SystemFacts> = {}): SystemFacts => ({
  id,
  name: `System ${id.slice(0, 4)}`,
  stage: "production",
  customerFacing: false,
  decisionsAffectingPeople: "none",
  personalData: ["none"],
  ...extra,
});

const SYS = "00000000-0000-4000-8000-000000000001";

function run(slices: SliceInput[], extra: Partial<OptimizerInput> = {}) {
  return optimize({ window: WINDOW, slices, systems: [system(SYS)], vendors: [], activity: [], pricer, ...extra });
}

/** A workload at the downshift thresholds: 3,000 requests a month, `out` output tokens per request, 1,600 input. */
const classifier = (out: number, inputPerRequest = 1600) => {
  const requests = 90_000; // 90 days ≈ 30,000 a month
  return slice({ systemId: SYS, requests, input: requests * inputPerRequest, output: requests * out });
};

describe("model-tier downshift", () => {
  it("proposes a cheaper tier for short outputs on a frontier model, priced from the catalog", () => {
    const recs = run([classifier(40)]).filter((r) => r.type === "downshift");
    expect(recs).toHaveLength(1);
    const r = recs[0];
    expect(r?.models).toEqual(["gpt-4o"]);
    expect(r?.title).toContain("gpt-4o-mini");
    // gpt-4o-mini is 1/16.7 of gpt-4o on both input and output: the projection is the cost at 0.06×.
    const base = Number(r?.baselineMonthlyMicros);
    expect(Number(r?.projectedMonthlyMicros) / base).toBeCloseTo(0.06, 2);
    expect(r?.confidence).toBe("medium");
    expect(r?.evaluationPlan.length).toBeGreaterThan(2);
    expect(r?.assumptions.join(" ")).toMatch(/Verify quality first/);
  });

  it("stops at each threshold: output per request, output/input ratio, volume", () => {
    const d = THRESHOLDS.downshift;
    expect(run([classifier(d.maxAvgOutputTokens)]).some((r) => r.type === "downshift")).toBe(true);
    expect(run([classifier(d.maxAvgOutputTokens + 1)]).some((r) => r.type === "downshift")).toBe(false);
    // ratio: 100 output per request on 400 input is exactly 0.25; on 399 it is above.
    expect(run([classifier(100, 400)]).some((r) => r.type === "downshift")).toBe(true);
    expect(run([classifier(100, 399)]).some((r) => r.type === "downshift")).toBe(false);
    const monthly = (n: number) => slice({ systemId: SYS, requests: n, input: n * 50_000, output: n * 40 });
    // 2,958 requests in 90 days is 999.7 a month (365/12 days); 2,959 is 1,000.03.
    expect(run([monthly(2959)]).some((r) => r.type === "downshift")).toBe(true);
    expect(run([monthly(2958)]).some((r) => r.type === "downshift")).toBe(false);
  });

  it("never proposes a model change for a possibly high-risk system without re-validation", () => {
    const recs = run([classifier(40)], { systems: [system(SYS, { decisionsAffectingPeople: "decides" })] });
    const r = recs.find((x) => x.type === "downshift");
    expect(r?.requiresRevalidation).toBe(true);
    expect(r?.confidence).toBe("low");
    expect(r?.assumptions.join(" ")).toMatch(/re-validation/);
    expect(mayBeHighRisk(system(SYS, { highRisk: false, decisionsAffectingPeople: "decides" }))).toBe(false);
    expect(mayBeHighRisk(system(SYS, { decisionsAffectingPeople: "informs", personalData: ["special-category"] }))).toBe(true);
  });

  it("leaves models without a cheaper tier and long answers alone", () => {
    expect(
      run([slice({ systemId: SYS, model: "gpt-4o-mini", requests: 90_000, input: 90_000 * 1600, output: 90_000 * 40 })]).filter((r) => r.type === "downshift"),
    ).toEqual([]);
    expect(run([classifier(900)]).some((r) => r.type === "downshift")).toBe(false);
  });
});

describe("batch", () => {
  const nightly = (hours: number[], days = 30, customerFacing = false) => ({
    slices: hours.map((h) => slice({ systemId: SYS, hour: h, days, requests: 20_000, input: 20_000 * 3000, output: 20_000 * 800 })),
    systems: [system(SYS, { customerFacing })],
  });

  it("finds a nightly pattern in hourly data and prices the batch tier at half", () => {
    const recs = run(nightly([1, 2, 3]).slices, { systems: nightly([1]).systems }).filter((r) => r.type === "batch");
    expect(recs).toHaveLength(1);
    const r = recs[0];
    expect(Number(r?.projectedMonthlyMicros) * 2).toBeCloseTo(Number(r?.baselineMonthlyMicros), -1);
    expect(r?.assumptions[0]).toMatch(/between 01:00 and 05:00 UTC/);
  });

  it("needs the share in the window, enough days, and no customer-facing system", () => {
    const spread = Array.from({ length: 12 }, (_, i) => i * 2);
    expect(run(nightly(spread).slices).some((r) => r.type === "batch")).toBe(false);
    expect(run(nightly([1, 2, 3], THRESHOLDS.batch.minHourlyDays - 1).slices).some((r) => r.type === "batch")).toBe(false);
    const cf = nightly([1, 2, 3], 30, true);
    expect(run(cf.slices, { systems: cf.systems }).some((r) => r.type === "batch")).toBe(false);
    expect(peakWindowShare([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5], 4).share).toBe(1);
  });

  it("trusts batch tags, and never counts traffic already sent as batch", () => {
    const tagged = slice({ systemId: SYS, batchTagged: true, requests: 90_000, input: 90_000 * 3000, output: 90_000 * 900 });
    expect(run([tagged]).find((r) => r.type === "batch")?.confidence).toBe("high");
    const done = slice({ systemId: SYS, batchTagged: true, batch: true, requests: 90_000, input: 90_000 * 3000, output: 90_000 * 900 });
    expect(run([done]).some((r) => r.type === "batch")).toBe(false);
  });
});

describe("prompt caching", () => {
  const chat = (cacheShare: number, inputPerRequest = 4000) =>
    slice({
      systemId: SYS,
      requests: 90_000,
      input: 90_000 * inputPerRequest,
      cacheRead: Math.round(90_000 * inputPerRequest * cacheShare),
      output: 90_000 * 900,
    });

  it("prices moving half the input to cache reads at the vendor's multipliers", () => {
    const r = run([chat(0)]).find((x) => x.type === "caching");
    expect(r).toBeDefined();
    // gpt-4o: input 2.50, cached 1.25; 45% of input moves to reads, 5% to writes at the input price.
    const input = 90_000 * 4000;
    const saving = (input * 0.45 * 1.25) / 1e6; // dollars in the window
    const monthly = (saving * 365) / 12 / 90;
    expect(Number(r?.baselineMonthlyMicros) - Number(r?.projectedMonthlyMicros)).toBeCloseTo(monthly * 1e6, -3);
  });

  it("stays quiet for well-cached workloads, short prompts and models without a cache discount", () => {
    expect(run([chat(THRESHOLDS.caching.maxCacheReadShare)]).some((r) => r.type === "caching")).toBe(false);
    expect(run([chat(0, 1000)]).some((r) => r.type === "caching")).toBe(false);
  });

  it("charges Anthropic cache writes at 1.25×", () => {
    const s = slice({ systemId: SYS, provider: "anthropic", model: "claude-sonnet-4-5", requests: 90_000, input: 90_000 * 4000, output: 90_000 * 900 });
    const r = run([s]).find((x) => x.type === "caching");
    const input = 90_000 * 4000;
    // reads 45% at 0.30 instead of 3.00, writes 5% at 3.75 instead of 3.00
    const saving = (input * 0.45 * 2.7 - input * 0.05 * 0.75) / 1e6;
    expect(Number(r?.baselineMonthlyMicros) - Number(r?.projectedMonthlyMicros)).toBeCloseTo((saving * 365 * 1e6) / 12 / 90, -3);
  });
});

describe("long context and priority tier", () => {
  it("counts half the long-context premium as recoverable", () => {
    const s = slice({
      systemId: SYS,
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      longContext: true,
      requests: 1000,
      input: 1000 * 250_000,
      output: 1000 * 2000,
    });
    const r = run([s]).find((x) => x.type === "long-context");
    const base = pricer.price("anthropic", "claude-sonnet-4-5", AT, {
      uncachedInput: 250_000_000,
      cacheRead: 0,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: 2_000_000,
      webSearches: 0,
      requests: 1000,
      serviceTier: "standard",
      longContext: false,
    });
    const premium = BigInt(s.costMicros) - (base?.micros ?? 0n);
    const saving = BigInt(r?.baselineMonthlyMicros ?? 0) - BigInt(r?.projectedMonthlyMicros ?? 0);
    // Rounded once per figure: within a micro-dollar of half the premium per month.
    expect(Number(saving - perMonth(premium / 2n, 90))).toBeLessThanOrEqual(1);
    expect(Number(saving - perMonth(premium / 2n, 90))).toBeGreaterThanOrEqual(-1);
  });

  it("moves priority traffic of internal systems to standard, not customer-facing ones", () => {
    const s = slice({ systemId: SYS, tier: "priority", requests: 20_000, input: 20_000 * 2000, output: 20_000 * 400 });
    const r = run([s]).find((x) => x.type === "priority-tier");
    expect(Number(r?.projectedMonthlyMicros) * 2).toBeCloseTo(Number(r?.baselineMonthlyMicros), -1);
    expect(run([s], { systems: [system(SYS, { customerFacing: true })] }).some((x) => x.type === "priority-tier")).toBe(false);
  });
});

const vendor = (extra: Partial<VendorFacts> & Pick<VendorFacts, "name">): VendorFacts => ({
  id: `00000000-0000-4000-8000-${String(extra.name.length).padStart(12, "0")}`,
  services: [],
  providers: [],
  contract: { start: "2026-01-01", end: "2026-12-31", renewalNoticeDate: null, commitmentAmount: null, commitmentCurrency: "USD" },
  dpaSigned: true,
  ...extra,
});

const seen = (provider: string): ActivityInput => ({
  provider,
  field: "project",
  value: "p",
  model: "m",
  systemId: null,
  firstDay: WINDOW.from,
  lastDay: WINDOW.to,
  costMicros: "1",
});

describe("unused capacity and consolidation", () => {
  it("compares a commitment with usage and flags renewals within 90 days", () => {
    const usage = slice({ systemId: SYS, requests: 90_000, input: 90_000 * 1000, output: 90_000 * 900 }); // ≈ $101 / 90 days
    const v = vendor({
      name: "OpenAI",
      providers: ["openai"],
      contract: { start: "2026-01-01", end: "2026-12-31", renewalNoticeDate: "2026-12-01", commitmentAmount: "36500.00", commitmentCurrency: "USD" },
    });
    const r = run([usage], { vendors: [v], activity: [seen("openai")] }).find((x) => x.type === "unused-capacity");
    expect(r?.baselineMonthlyMicros).toBe(monthlyCommitment(v));
    expect(r?.baselineMonthlyMicros).toBe(3_041_666_667n); // 36,500 over 365 days, per average month
    expect(r?.projectedMonthlyMicros).toBe(perMonth(BigInt(usage.costMicros), 90));
    expect(r?.confidence).toBe("high");
    // Usage caio cannot see (seats), cloud-wide commitments and other currencies are not compared.
    expect(run([usage], { vendors: [v], activity: [] }).some((x) => x.type === "unused-capacity")).toBe(false);
    expect(run([usage], { vendors: [{ ...v, providers: ["aws"] }], activity: [seen("aws")] }).some((x) => x.type === "unused-capacity")).toBe(false);
    expect(
      run([usage], { vendors: [{ ...v, contract: { ...v.contract, commitmentCurrency: "EUR" } }], activity: [seen("openai")] }).some(
        (x) => x.type === "unused-capacity",
      ),
    ).toBe(false);
  });

  it("retires keys and projects that went quiet, with no dollar claim", () => {
    const activity: ActivityInput[] = [
      { ...seen("openai"), field: "api_key", value: "a".repeat(64), lastDay: "2026-10-22" },
      { ...seen("openai"), field: "project", value: "live", lastDay: "2026-11-22" },
      { ...seen("openai"), field: "project", value: "recent", lastDay: "2026-10-23" },
    ];
    const r = run([], { activity }).filter((x) => x.type === "unused-capacity");
    expect(r).toHaveLength(1);
    expect(r[0]?.evidence).toEqual([{ label: `API key sha256:${"a".repeat(12)}…`, value: "last traffic 2026-10-22" }]);
    expect(r[0]?.baselineMonthlyMicros).toBe(0n);
  });

  it("consolidates two vendors of one capability, ending the smaller dedicated contract", () => {
    const a = vendor({
      name: "GitHub",
      services: ["GitHub Copilot Business"],
      contract: { start: "2026-01-01", end: "2026-12-31", renewalNoticeDate: null, commitmentAmount: "36500", commitmentCurrency: "USD" },
    });
    const b = vendor({
      name: "Anysphere",
      services: ["Cursor Business"],
      contract: { start: "2026-01-01", end: "2026-12-31", renewalNoticeDate: null, commitmentAmount: "3650", commitmentCurrency: "USD" },
    });
    const r = run([], { vendors: [a, b] }).find((x) => x.type === "consolidation");
    expect(r?.action).toMatch(/on GitHub and end Anysphere/);
    const [ma, mb] = [monthlyCommitment(a) ?? 0n, monthlyCommitment(b) ?? 0n];
    expect(r?.baselineMonthlyMicros).toBe(ma + mb);
    expect((r?.baselineMonthlyMicros ?? 0n) - (r?.projectedMonthlyMicros ?? 0n)).toBe(mb);
    expect(run([], { vendors: [a] }).some((x) => x.type === "consolidation")).toBe(false);
  });
});

describe("summary and invariants", () => {
  it("combines recommendations on one workload instead of adding them", () => {
    const s = slice({ systemId: SYS, hour: 2, days: 30, requests: 90_000, input: 90_000 * 2000, output: 90_000 * 30 });
    const recs = run([s]);
    const types = recs.map((r) => r.type).sort();
    expect(types).toEqual(["batch", "caching", "downshift"]);
    const added = recs.reduce((a, r) => a + r.baselineMonthlyMicros - r.projectedMonthlyMicros, 0n);
    const combined = combinedSaving(recs);
    expect(combined).toBeLessThan(added);
    expect(combined).toBeLessThanOrEqual(recs[0]?.baselineMonthlyMicros ?? 0n);
    const report = buildSavingsReport(recs, [], perMonth(BigInt(s.costMicros), 90), WINDOW);
    expect(report.summary.identifiedMonthlyMicros).toBe(combined.toString());
    const dismissed = buildSavingsReport(
      recs,
      recs.map((r) => ({ id: r.id, status: "dismissed" as const, note: "", monthlySavingMicros: "0", decidedBy: "t", decidedAt: "2026-11-22T00:00:00.000Z" })),
      1n,
      WINDOW,
    );
    expect(dismissed.summary.identifiedMonthlyMicros).toBe("0");
    expect(usd(1_234_567_890n)).toBe("$1,234.57");
  });

  it("property: projected cost never exceeds baseline, and identified savings never exceed spend", () => {
    const models: [string, string][] = [
      ["openai", "gpt-4o"],
      ["openai", "gpt-4o-mini"],
      ["openai", "o3"],
      ["anthropic", "claude-sonnet-4-5"],
      ["anthropic", "claude-opus-4-1"],
      ["google", "gemini-2.5-pro"],
    ];
    const sliceArb = fc.record({
      m: fc.integer({ min: 0, max: models.length - 1 }),
      system: fc.boolean(),
      tier: fc.constantFrom<ServiceTier>("standard", "priority", "batch"),
      longContext: fc.boolean(),
      batchTagged: fc.boolean(),
      hour: fc.option(fc.integer({ min: 0, max: 23 })),
      requests: fc.integer({ min: 1, max: 200_000 }),
      inPer: fc.integer({ min: 10, max: 300_000 }),
      cachedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      outPer: fc.integer({ min: 0, max: 4000 }),
    });
    fc.assert(
      fc.property(fc.array(sliceArb, { maxLength: 12 }), (specs) => {
        const slices = specs.map((x) => {
          const [provider, model] = models[x.m] as [string, string];
          const input = x.requests * x.inPer;
          return slice({
            provider,
            model,
            systemId: x.system ? SYS : null,
            tier: x.tier,
            batch: x.tier === "batch",
            longContext: x.longContext && provider !== "openai",
            batchTagged: x.batchTagged,
            hour: x.hour,
            requests: x.requests,
            input,
            cacheRead: Math.floor(input * x.cachedShare),
            output: x.requests * x.outPer,
          });
        });
        const recs = run(slices);
        const spend = slices.reduce((a, s) => a + BigInt(s.costMicros), 0n);
        for (const r of recs) {
          expect(r.projectedMonthlyMicros).toBeGreaterThanOrEqual(0n);
          expect(r.projectedMonthlyMicros).toBeLessThanOrEqual(r.baselineMonthlyMicros);
        }
        const identified = combinedSaving(recs);
        expect(identified).toBeLessThanOrEqual(perMonth(spend, 90) + BigInt(recs.length));
      }),
      { numRuns: 150 },
    );
  });
});
