import { describe, expect, it } from "vitest";
import type { KpiActual, UseCase } from "./portfolio.js";
import {
  assessPortfolio,
  buildRoadmap,
  feasibilityScore,
  kpiProgress,
  portfolioViews,
  quarterOf,
  recommend,
  riskScore,
  roiReport,
  scoreUseCase,
  stageGates,
  timeToValueScore,
  useCaseRoi,
  valueScore,
} from "./portfolio-scoring.js";

const TODAY = "2026-05-15";
let seq = 0;

function uc(over: Partial<UseCase> = {}): UseCase {
  seq++;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`;
  return {
    id,
    name: `Use case ${seq}`,
    problem: "",
    owner: "",
    kpiType: "cost",
    kpiName: "Minutes per invoice",
    kpiUnit: "min",
    kpiBaseline: 12,
    kpiTarget: 3,
    annualValue: "600000.00",
    buildCost: "120000.00",
    annualRunCost: "60000.00",
    dataReadiness: "ready",
    dependencies: [],
    systemId: null,
    systemName: null,
    labels: [],
    classificationLabels: [],
    riskLabels: [],
    differentiating: true,
    vendorTrend: "none",
    commoditizing: false,
    stage: "idea",
    pilotStartedOn: null,
    productionOn: null,
    funded: false,
    fundedOn: null,
    actuals: [],
    version: 1,
    createdAt: "2026-01-10T09:00:00.000Z",
    updatedAt: "2026-01-10T09:00:00.000Z",
    ...over,
  };
}

function actual(on: string, value: number, createdAt = `${on}T12:00:00.000Z`): KpiActual {
  seq++;
  return { id: `00000000-0000-4000-9000-${String(seq).padStart(12, "0")}`, useCaseId: "x", on, value, note: "", recordedBy: "user:a", createdAt };
}

describe("scores", () => {
  it.each([
    ["0", 1],
    ["99999.99", 1],
    ["100000", 2],
    ["249999", 2],
    ["250000", 3],
    ["500000", 4],
    ["999999.999999", 4],
    ["1000000", 5],
    ["25000000", 5],
  ])("value of $%s a year scores %i", (value, score) => {
    expect(valueScore(value)).toBe(score);
  });

  it.each([
    // readiness, dependencies, build, value → feasibility
    ["ready", 0, "100000", "600000", 5], // ratio 0.17 ≤ 0.25: +1, capped at 5
    ["partial", 0, "100000", "600000", 4],
    ["partial", 1, "300000", "600000", 3], // ratio 0.5: no change
    ["partial", 2, "300000", "600000", 2], // 2 dependencies −1
    ["partial", 4, "300000", "600000", 1], // 4 dependencies −2
    ["ready", 0, "700000", "600000", 4], // more than a year's value −1
    ["ready", 0, "1300000", "600000", 3], // more than two years' value −2
    ["none", 0, "0", "0", 1],
    ["ready", 0, "10", "0", 3], // no value, some cost −2
  ] as const)("feasibility of %s data, %i dependencies, build $%s for $%s a year is %i", (dataReadiness, n, buildCost, annualValue, score) => {
    expect(feasibilityScore({ dataReadiness, dependencies: Array.from({ length: n }, (_, i) => `dep ${i}`), buildCost, annualValue })).toBe(score);
  });

  it.each([
    [[], 5],
    [["minimal"], 5],
    [["out-of-scope", "art6-3-exempt"], 5],
    [["transparency"], 4],
    [["high-risk"], 3],
    [["high-risk", "transparency"], 2],
    [["high-risk", "personal-data"], 2],
    [["personal-data", "union-works-council"], 4], // other labels cost 1 once
    [["high-risk", "transparency", "gpai-systemic-risk", "personal-data"], 1],
    [["prohibited"], 1],
  ] as const)("risk of %j is %i", (labels, score) => {
    expect(riskScore(labels)).toBe(score);
  });

  it.each([
    ["ready", "50000", 5],
    ["ready", "50000.01", 5],
    ["partial", "50000", 4],
    ["partial", "149999", 3],
    ["partial", "150000", 2],
    ["partial", "500000", 1],
    ["none", "10000", 2],
  ] as const)("time to value of %s data and build $%s is %i", (dataReadiness, buildCost, score) => {
    expect(timeToValueScore({ dataReadiness, buildCost })).toBe(score);
  });

  it("combines the four into a priority with the documented weights", () => {
    // value 4, feasibility 5, risk 3, time 5: 0.4×4 + 0.25×5 + 0.15×3 + 0.2×5 = 4.3
    expect(scoreUseCase(uc({ riskLabels: ["high-risk"] }))).toEqual({ value: 4, feasibility: 5, risk: 3, timeToValue: 5, priority: 4.3 });
  });
});

describe("build / buy / wait / stop with reasons", () => {
  const cases: { name: string; over: Partial<UseCase>; verdict: string; codes: string[]; text?: RegExp }[] = [
    {
      name: "prohibited by the classification",
      over: { riskLabels: ["prohibited"], classificationLabels: ["prohibited"], commoditizing: true },
      verdict: "stop",
      codes: ["prohibited"],
      text: /Art 5/,
    },
    { name: "prohibited by a free label", over: { riskLabels: ["prohibited"], labels: ["prohibited"] }, verdict: "stop", codes: ["prohibited"] },
    { name: "stopped by decision", over: { stage: "stopped" }, verdict: "stop", codes: ["stopped"] },
    {
      name: "pilot 91 days old without actuals",
      over: { stage: "pilot", pilotStartedOn: "2026-02-13" },
      verdict: "stop",
      codes: ["unproven-after-pilot"],
      text: /2026-02-13, 91 days ago/,
    },
    {
      name: "pilot 91 days old with actuals only at or worse than the baseline",
      over: { stage: "pilot", pilotStartedOn: "2026-02-13", actuals: [actual("2026-04-01", 12), actual("2026-05-01", 13)] },
      verdict: "stop",
      codes: ["unproven-after-pilot"],
    },
    {
      name: "pilot 91 days old without a KPI baseline",
      over: { stage: "pilot", pilotStartedOn: "2026-02-13", kpiBaseline: null, actuals: [actual("2026-04-01", 2)] },
      verdict: "stop",
      codes: ["unproven-after-pilot", "no-kpi"],
    },
    {
      name: "pilot 90 days old without actuals: still in the window",
      over: { stage: "pilot", pilotStartedOn: "2026-02-14" },
      verdict: "build",
      codes: ["differentiating", "pilot-window"],
      text: /Differentiating and no vendor/,
    },
    {
      name: "pilot 91 days old with one actual past the baseline",
      over: { stage: "pilot", pilotStartedOn: "2026-02-13", actuals: [actual("2026-04-01", 11.5)] },
      verdict: "build",
      codes: ["differentiating"],
    },
    { name: "in production", over: { stage: "production", productionOn: "2026-01-05", commoditizing: true }, verdict: "build", codes: ["in-production"] },
    {
      name: "commoditizing within 12 months",
      over: { commoditizing: true, differentiating: false, vendorTrend: "rising" },
      verdict: "wait",
      codes: ["commoditizing"],
      text: /within 12 months/,
    },
    { name: "vendor rising, not differentiating", over: { differentiating: false, vendorTrend: "rising" }, verdict: "buy", codes: ["vendor-rising"] },
    { name: "vendor flat, not differentiating", over: { differentiating: false, vendorTrend: "flat" }, verdict: "buy", codes: ["vendor-available"] },
    {
      name: "vendor rising but differentiating",
      over: { differentiating: true, vendorTrend: "rising" },
      verdict: "build",
      codes: ["differentiating"],
      text: /even though vendors/,
    },
    { name: "no data yet", over: { dataReadiness: "none" }, verdict: "wait", codes: ["no-data"] },
    {
      name: "no data, but a vendor to buy from",
      over: { dataReadiness: "none", differentiating: false, vendorTrend: "rising" },
      verdict: "buy",
      codes: ["vendor-rising"],
    },
    { name: "not differentiating, no vendor", over: { differentiating: false, vendorTrend: "none" }, verdict: "build", codes: ["no-vendor"] },
    {
      name: "high-risk and small: reasons carry both",
      over: { riskLabels: ["high-risk"], annualValue: "80000" },
      verdict: "build",
      codes: ["differentiating", "high-risk", "low-value"],
    },
  ];

  it.each(cases)("$name → $verdict", ({ over, verdict, codes, text }) => {
    const r = recommend(uc(over), TODAY);
    expect(r.recommendation).toBe(verdict);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
    if (text) expect(r.reasons[0]?.text).toMatch(text);
  });

  it("marks the top three build/buy use cases from priority 3 as fund, ranking only build and buy", () => {
    const list = [
      uc({ name: "A", annualValue: "2000000" }), // priority high
      uc({ name: "B", annualValue: "900000" }),
      uc({ name: "C", annualValue: "600000", commoditizing: true }), // wait: not ranked
      uc({ name: "D", annualValue: "400000" }),
      uc({ name: "E", annualValue: "300000" }),
      uc({ name: "F", stage: "stopped", annualValue: "5000000" }),
    ];
    const a = assessPortfolio(list, TODAY);
    const get = (n: string) => a.get(list.find((u) => u.name === n)?.id ?? "");
    expect(list.map((u) => [u.name, get(u.name)?.rank, get(u.name)?.fund])).toEqual([
      ["A", 1, true],
      ["B", 2, true],
      ["C", null, false],
      ["D", 3, true],
      ["E", 4, false],
      ["F", null, false],
    ]);
    expect(get("A")?.reasons.at(-1)).toEqual({ code: "fund", text: "Rank 1 by priority (5) among build and buy: recommended for funding." });
  });

  it("does not mark a use case below priority 3 as fund, even in the top three", () => {
    const poor = uc({ annualValue: "10000", dataReadiness: "partial", buildCost: "400000", dependencies: ["a", "b", "c", "d"], riskLabels: ["high-risk"] });
    const a = assessPortfolio([poor], TODAY).get(poor.id);
    expect(a?.scores.priority).toBeLessThan(3);
    expect(a).toMatchObject({ rank: 1, fund: false });
  });
});

describe("stage gates", () => {
  it.each([
    // today, expected pilot gate state and days left: funded 2026-04-15, due 2026-05-15
    ["2026-05-14", "due", 1],
    ["2026-05-15", "due", 0],
    ["2026-05-16", "overdue", -1],
  ] as const)("a funded idea on %s: pilot gate %s (%i days left)", (today, state, daysLeft) => {
    const g = stageGates(uc({ funded: true, fundedOn: "2026-04-15" }), today);
    expect(g.pilot).toEqual({ state, from: "2026-04-15", dueDate: "2026-05-15", daysLeft });
    expect(g.production.state).toBe("not-started");
    expect(g.stalled).toBe(state === "overdue");
  });

  it.each([
    ["2026-05-15", "met"],
    ["2026-05-16", "late"],
  ] as const)("a pilot started %s after funding on 2026-04-15 is %s", (pilotStartedOn, state) => {
    const g = stageGates(uc({ funded: true, fundedOn: "2026-04-15", stage: "pilot", pilotStartedOn }), "2026-06-01");
    expect(g.pilot.state).toBe(state);
    expect(g.production).toMatchObject({ state: "due", from: pilotStartedOn });
  });

  it("counts the pilot clock from creation when funded without a day, and not at all when unfunded", () => {
    expect(stageGates(uc({ funded: true, createdAt: "2026-03-01T10:00:00.000Z" }), TODAY).pilot).toMatchObject({ state: "overdue", dueDate: "2026-03-31" });
    expect(stageGates(uc({ funded: false }), TODAY).pilot.state).toBe("not-started");
  });

  it.each([
    // pilot started 2026-02-14: production due 2026-05-15
    ["2026-05-15", "due", 0, false],
    ["2026-05-16", "overdue", -1, true],
  ] as const)("a pilot started 2026-02-14, on %s: production gate %s", (today, state, daysLeft, stalled) => {
    const g = stageGates(uc({ stage: "pilot", pilotStartedOn: "2026-02-14" }), today);
    expect(g.production).toEqual({ state, from: "2026-02-14", dueDate: "2026-05-15", daysLeft });
    expect(g.stalled).toBe(stalled);
  });

  it.each([
    ["2026-05-15", "met"],
    ["2026-05-16", "late"],
  ] as const)("production on %s after a pilot started 2026-02-14 is %s", (productionOn, state) => {
    expect(stageGates(uc({ stage: "production", pilotStartedOn: "2026-02-14", productionOn }), "2026-07-01").production.state).toBe(state);
  });

  it("does not apply pending gates to a stopped use case", () => {
    const g = stageGates(uc({ stage: "stopped", pilotStartedOn: "2025-01-01", funded: true, fundedOn: "2024-12-01" }), TODAY);
    expect(g.production.state).toBe("not-applicable");
    expect(g.stalled).toBe(false);
  });
});

describe("ROI and payback", () => {
  it("measures progress both ways and without baseline or target", () => {
    expect(kpiProgress({ kpiBaseline: 12, kpiTarget: 3 }, 6)).toBeCloseTo(2 / 3);
    expect(kpiProgress({ kpiBaseline: 80, kpiTarget: 95 }, 92)).toBeCloseTo(0.8);
    expect(kpiProgress({ kpiBaseline: null, kpiTarget: 95 }, 92)).toBeNull();
  });

  it("computes realized value, ROI and payback from the latest actual", () => {
    // baseline 12 → target 3 minutes; latest 4.5 minutes: progress 7.5/9 = 0.8333
    const u = uc({
      annualValue: "600000",
      buildCost: "180000",
      annualRunCost: "60000",
      actuals: [actual("2026-03-01", 3), actual("2026-04-01", 4.5), actual("2026-02-01", 9)],
    });
    const roi = useCaseRoi(u);
    expect(roi.progress).toBe(0.8333);
    expect(roi.realizedAnnualValue).toBe("499980.00"); // 600000 × 0.8333
    expect(roi.annualCost).toBe("120000.00"); // 60000 + 180000 / 3
    expect(roi.annualNet).toBe("379980.00");
    expect(roi.roi).toBe(3.1665); // 379980 / 120000
    // monthly net benefit (499980 − 60000) / 12 = 36665; 180000 / 36665 = 4.9 months
    expect(roi.paybackMonths).toBe(4.9);
    expect(roi.latestActual?.on).toBe("2026-04-01");
    expect(roi.actualCount).toBe(3);
  });

  it("caps progress at 150 % and floors it at 0", () => {
    expect(useCaseRoi(uc({ kpiBaseline: 0, kpiTarget: 10, actuals: [actual("2026-04-01", 30)] })).progress).toBe(1.5);
    const worse = useCaseRoi(uc({ kpiBaseline: 0, kpiTarget: 10, annualRunCost: "30000", buildCost: "0", actuals: [actual("2026-04-01", -5)] }));
    expect(worse).toMatchObject({ progress: 0, realizedAnnualValue: "0.00", annualNet: "-30000.00", roi: -1, paybackMonths: 0 });
  });

  it("has no payback when the value does not cover the run cost, and no ROI without costs", () => {
    expect(useCaseRoi(uc({ annualRunCost: "700000", actuals: [actual("2026-04-01", 3)] })).paybackMonths).toBeNull();
    expect(useCaseRoi(uc({ annualRunCost: "0", buildCost: "0" })).roi).toBeNull();
    expect(useCaseRoi(uc({ actuals: [] }))).toMatchObject({ progress: null, realizedAnnualValue: "0.00", paybackMonths: null });
  });

  it("sums the portfolio in the ROI report, counting stalled use cases", () => {
    const views = portfolioViews(
      [
        uc({ stage: "production", productionOn: "2026-01-01", actuals: [actual("2026-04-01", 3)] }),
        uc({ stage: "pilot", pilotStartedOn: "2026-01-01" }),
        uc({ stage: "idea" }),
      ],
      TODAY,
    );
    const r = roiReport(views, TODAY);
    expect(r.items).toHaveLength(2);
    expect(r.totals).toMatchObject({ plannedAnnualValue: "1200000.00", realizedAnnualValue: "600000.00", annualCost: "200000.00", stalled: 1 });
    expect(r.totals.annualNet).toBe("400000.00");
    expect(r.totals.roi).toBe(2);
  });
});

describe("roadmap", () => {
  it("names quarters from today", () => {
    expect(quarterOf("2026-05-15", 0)).toEqual({ key: "2026-Q2", start: "2026-04-01", end: "2026-06-30" });
    expect(quarterOf("2026-05-15", 3)).toEqual({ key: "2027-Q1", start: "2027-01-01", end: "2027-03-31" });
    expect(quarterOf("2026-12-31", 1).key).toBe("2027-Q1");
  });

  it("sequences funded use cases by dependencies, then priority, with investment per quarter", () => {
    const platform = uc({
      name: "Document platform",
      funded: true,
      fundedOn: "2026-05-01",
      annualValue: "300000",
      buildCost: "100000",
      annualRunCost: "40000",
    });
    const top = uc({ name: "Claims triage", funded: true, fundedOn: "2026-05-01", annualValue: "2000000", buildCost: "200000", annualRunCost: "80000" });
    const dependent = uc({
      name: "Invoice automation",
      funded: true,
      fundedOn: "2026-05-01",
      annualValue: "1500000",
      buildCost: "150000",
      annualRunCost: "20000",
      dependencies: ["document platform", "ERP upgrade"],
    });
    const running = uc({
      name: "ETA",
      funded: true,
      fundedOn: "2025-01-01",
      stage: "production",
      pilotStartedOn: "2025-02-01",
      productionOn: "2025-05-01",
      annualRunCost: "120000",
    });
    const unfunded = uc({ name: "Not funded", annualValue: "5000000" });
    const road = buildRoadmap(portfolioViews([platform, top, dependent, running, unfunded], TODAY), TODAY);
    expect(road.basis).toBe("funded");
    const item = (n: string) => road.items.find((i) => i.name === n);
    expect(road.items.map((i) => i.name)).not.toContain("Not funded");
    expect(item("Claims triage")).toMatchObject({ pilotQuarter: "2026-Q2", productionQuarter: "2026-Q3" });
    expect(item("Document platform")).toMatchObject({ pilotQuarter: "2026-Q2", productionQuarter: "2026-Q3" });
    // waits for the platform's production quarter, whatever its priority
    expect(item("Invoice automation")).toMatchObject({
      pilotQuarter: "2026-Q4",
      productionQuarter: "2027-Q1",
      dependsOn: ["Document platform"],
      otherDependencies: ["ERP upgrade"],
    });
    expect(item("ETA")).toMatchObject({ pilotQuarter: null, productionQuarter: "2025-Q2" });
    expect(road.quarters.map((q) => [q.key, q.investment])).toEqual([
      ["2026-Q2", "330000.00"], // builds 200k + 100k, ETA run 30k
      ["2026-Q3", "60000.00"], // runs: ETA 30k, Claims 20k, platform 10k
      ["2026-Q4", "210000.00"], // Invoice build 150k + 60k runs
      ["2027-Q1", "65000.00"], // + Invoice run 5k
      ["2027-Q2", "65000.00"],
    ]);
    expect(road.totalInvestment).toBe("730000.00");
    expect(road.quarters[1]?.productions.sort()).toEqual([platform.id, top.id].sort());
  });

  it("starts at most two new pilots a quarter and falls back to the recommended ones when none is funded", () => {
    const list = [uc({ name: "R1", annualValue: "200000" }), uc({ name: "R2", annualValue: "600000" }), uc({ name: "R3", annualValue: "3000000" })];
    const road = buildRoadmap(portfolioViews(list, TODAY), TODAY);
    expect(road.basis).toBe("recommended");
    expect(road.notes[0]).toMatch(/recommended/);
    expect(road.items.map((i) => [i.name, i.pilotQuarter])).toEqual([
      ["R3", "2026-Q2"],
      ["R2", "2026-Q2"],
      ["R1", "2026-Q3"],
    ]);
  });

  it("puts a running pilot's production in the quarter its 90-day gate falls in", () => {
    const p = uc({ funded: true, stage: "pilot", pilotStartedOn: "2026-05-01" });
    const road = buildRoadmap(portfolioViews([p], TODAY), TODAY);
    expect(road.items[0]).toMatchObject({ pilotQuarter: "2026-Q2", productionQuarter: "2026-Q3" });
  });
});
