import { type AssessmentAnswersInput, AssessmentResultSchema } from "@caio/core";
import { describe, expect, it } from "vitest";
import { assessLeadership } from "./assess.js";
import { LEADERSHIP_RULES, THRESHOLDS } from "./content.js";

/** A small company with no CAIO trigger: every answer known. */
const base = {
  employees: 150,
  engineers: 50,
  productionWorkloads: 1,
  annualAiSpendUsd: 300_000,
  customerFacingAi: false,
  coreSystemsInPlace: true,
  pressureCustomers: false,
  pressureRegulators: false,
  pressureBoard: false,
  aiRevenueMeaningful: false,
  gap: "adoption",
  appetite: "ongoing",
} satisfies AssessmentAnswersInput;

const run = (over: Partial<AssessmentAnswersInput> = {}) => AssessmentResultSchema.parse(assessLeadership({ ...base, ...over }));
const texts = (r: ReturnType<typeof run>) => r.reasons.map((x) => x.text);
const thresholds = (r: ReturnType<typeof run>) => r.reasons.map((x) => x.threshold).filter(Boolean);
const changes = (r: ReturnType<typeof run>) => r.whatWouldChange.map((x) => x.text);

describe("leadership rules as data", () => {
  it("end in an unconditional default and name only known thresholds", () => {
    expect(LEADERSHIP_RULES.at(-1)?.when).toEqual({ all: [] });
    const keys = new Set(Object.keys(THRESHOLDS));
    const walk = (c: unknown): void => {
      if (typeof c !== "object" || c === null) return;
      if ("threshold" in c) expect(keys.has(String((c as { threshold: string }).threshold))).toBe(true);
      for (const v of Object.values(c)) (Array.isArray(v) ? v : [v]).forEach(walk);
    };
    for (const r of LEADERSHIP_RULES) walk(r.when);
    for (const t of Object.values(THRESHOLDS)) expect(t.source.length).toBeGreaterThan(20);
  });
});

describe("each outcome", () => {
  it("full-time CAIO when AI spend passes ~$10M/yr", () => {
    const r = run({ annualAiSpendUsd: 12_000_000 });
    expect(r.recommendation).toBe("full-time-caio");
    expect(r.ruleId).toBe("full-time-caio");
    expect(texts(r)).toContain("Annual AI spend: $12,000,000/yr ≥ $10,000,000/yr (full-time CAIO: AI spend past ~$10M/yr)");
    expect(r.confidence).toBe("firm");
  });

  it("full-time CAIO when AI is a meaningful share of revenue, with a deep in-house team", () => {
    const r = run({ aiRevenueMeaningful: true });
    expect(r.recommendation).toBe("full-time-caio");
    expect(texts(r)).toContain("AI a meaningful share of revenue: yes");
    expect(r.talent.posture).toBe("deep-in-house");
  });

  it("fractional CIO when the core systems are not in place", () => {
    const r = run({ coreSystemsInPlace: false, productionWorkloads: 3 });
    expect(r.recommendation).toBe("fractional-cio");
    expect(texts(r)).toContain("Core systems in place: no");
    expect(changes(r)).toContain('If "Core systems in place" were yes: Fractional Chief AI Officer');
  });

  it("combined CTO+AI seat for a technology gap under ~100 engineers, ~$2M/yr and no customer-facing AI", () => {
    const r = run({ gap: "technology" });
    expect(r.recommendation).toBe("combined-cto-ai");
    expect(thresholds(r)).toEqual(["combined.max-engineers", "combined.max-spend"]);
    expect(texts(r)).toEqual(
      expect.arrayContaining([
        "Engineers: 50 ≤ 100 (combined CTO+AI seat: at most ~100 engineers)",
        "Annual AI spend: $300,000/yr < $2,000,000/yr (combined CTO+AI seat: AI spend under ~$2M/yr)",
        "AI in the customer-facing critical path: no",
        "Gap: What technology should we use?",
      ]),
    );
  });

  it("fractional CTO for a technology gap in a larger company without a CAIO trigger", () => {
    const r = run({ gap: "technology", engineers: 250 });
    expect(r.recommendation).toBe("fractional-cto");
    expect(texts(r).some((t) => t.startsWith("Not a CAIO trigger: AI workloads in production: 1, not ≥ 2"))).toBe(true);
  });

  it("fractional CAIO with two or more triggers", () => {
    const r = run({ productionWorkloads: 4, pressureRegulators: true, appetite: "plan" });
    expect(r.recommendation).toBe("fractional-caio");
    expect(texts(r)).toEqual(
      expect.arrayContaining(["AI workloads in production: 4 ≥ 2 (CAIO trigger: two or more AI workloads in production)", "Pressure from regulators: yes"]),
    );
    expect(r.costs.filter((c) => c.recommended).map((c) => [c.lowUsd, c.highUsd])).toEqual([
      [180_000, 480_000],
      [420_000, 840_000],
    ]);
    expect(r.costs.find((c) => c.option === "full-time-caio")).toMatchObject({ lowUsd: 700_000, highUsd: null, recommended: false });
  });

  it("AI advisor for one-off advice with at most one trigger", () => {
    const r = run({ appetite: "one-off", pressureBoard: true });
    expect(r.recommendation).toBe("ai-advisor");
    expect(texts(r)).toContain("Wanted: One-off advice");
    expect(r.costs.find((c) => c.recommended)).toMatchObject({ lowUsd: 3_000, highUsd: 5_000, period: "one-off" });
  });

  it("AI strategy sprint when a plan is wanted, or when no trigger fired", () => {
    const plan = run({ appetite: "plan", pressureBoard: true });
    expect(plan.recommendation).toBe("ai-strategy-sprint");
    expect(texts(plan)).toContain("Wanted: A plan");
    const none = run();
    expect(none.recommendation).toBe("ai-strategy-sprint");
    expect(texts(none).some((t) => t.startsWith("Not a CAIO trigger:"))).toBe(true);
    expect(none.costs.find((c) => c.recommended)).toMatchObject({ lowUsd: 30_000, highUsd: 120_000 });
  });

  it("unknown answers make the verdict provisional, never a silent no", () => {
    const r = assessLeadership({ engineers: 40 });
    expect(r.confidence).toBe("provisional");
    expect(r.unknowns.map((u) => u.question)).toEqual(expect.arrayContaining(["annualAiSpendUsd", "aiRevenueMeaningful", "coreSystemsInPlace"]));
  });
});

describe("threshold edges", () => {
  const tech = { gap: "technology" as const, productionWorkloads: 2 };

  it("99 engineers: combined seat; 101: fractional CAIO; 100 says what 101 would change", () => {
    const r99 = run({ ...tech, engineers: 99 });
    expect(r99.recommendation).toBe("combined-cto-ai");
    expect(texts(r99)).toContain("Engineers: 99 ≤ 100 (combined CTO+AI seat: at most ~100 engineers)");
    const r101 = run({ ...tech, engineers: 101 });
    expect(r101.recommendation).toBe("fractional-caio");
    expect(texts(r101)).toContain("AI workloads in production: 2 ≥ 2 (CAIO trigger: two or more AI workloads in production)");
    const r100 = run({ ...tech, engineers: 100 });
    expect(r100.recommendation).toBe("combined-cto-ai");
    expect(changes(r100)).toContain("At 101 engineers or more: Fractional Chief AI Officer (combined CTO+AI seat: at most ~100 engineers)");
    expect(changes(r101)).toContain("At 100 engineers or fewer: Combined CTO + AI seat (combined CTO+AI seat: at most ~100 engineers)");
  });

  it("spend just under and over the ~$1M trigger", () => {
    const under = run({ annualAiSpendUsd: 999_999 });
    expect(under.recommendation).toBe("ai-strategy-sprint");
    expect(changes(under)).toContain("At $1,000,000 a year or more: Fractional Chief AI Officer (CAIO trigger: AI budget past ~$1–2M/yr (lower end))");
    const over = run({ annualAiSpendUsd: 1_000_001 });
    expect(over.recommendation).toBe("fractional-caio");
    expect(thresholds(over)).toContain("trigger.spend");
    expect(texts(over)).toContain("Annual AI spend: $1,000,001/yr ≥ $1,000,000/yr (CAIO trigger: AI budget past ~$1–2M/yr (lower end))");
  });

  it("spend just under and over the ~$2M combined-seat ceiling", () => {
    const under = run({ gap: "technology", annualAiSpendUsd: 1_999_999 });
    expect(under.recommendation).toBe("combined-cto-ai");
    expect(changes(under)).toContain("At $2,000,000 a year or more: Fractional Chief AI Officer (combined CTO+AI seat: AI spend under ~$2M/yr)");
    const over = run({ gap: "technology", annualAiSpendUsd: 2_000_001 });
    expect(over.recommendation).toBe("fractional-caio");
    expect(texts(over)).toContain("Annual AI spend: $2,000,001/yr ≥ $1,000,000/yr (CAIO trigger: AI budget past ~$1–2M/yr (lower end))");
  });

  it("spend just under and over ~$10M", () => {
    const under = run({ annualAiSpendUsd: 9_999_999 });
    expect(under.recommendation).toBe("fractional-caio");
    expect(changes(under)).toContain("At $10,000,000 a year or more: Full-time Chief AI Officer (full-time CAIO: AI spend past ~$10M/yr)");
    const over = run({ annualAiSpendUsd: 10_000_001 });
    expect(over.recommendation).toBe("full-time-caio");
    expect(thresholds(over)).toEqual(["full-time.spend"]);
  });

  it("one production workload vs two", () => {
    const one = run({ productionWorkloads: 1 });
    expect(one.recommendation).toBe("ai-strategy-sprint");
    expect(changes(one)).toContain(
      "At 2 AI workloads in production or more: Fractional Chief AI Officer (CAIO trigger: two or more AI workloads in production)",
    );
    const two = run({ productionWorkloads: 2 });
    expect(two.recommendation).toBe("fractional-caio");
    expect(texts(two)).toContain("AI workloads in production: 2 ≥ 2 (CAIO trigger: two or more AI workloads in production)");
  });

  it("199 employees: thin in-house; 201: hybrid vendor-led", () => {
    const small = run({ employees: 199 });
    expect(small.talent.posture).toBe("thin-in-house");
    expect(small.talent.reason).toContain("199 employees, under ~200");
    const large = run({ employees: 201 });
    expect(large.talent.posture).toBe("hybrid-vendor-led");
    expect(large.talent.reason).toContain("201 employees, ~200 or more");
    expect(run({ employees: 150, customerFacingAi: true }).talent.posture).toBe("hybrid-vendor-led");
  });
});
