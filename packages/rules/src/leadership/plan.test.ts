import { PlanSchema } from "@caio/core";
import { describe, expect, it } from "vitest";
import { buildPlan, MILESTONES, milestoneStatus, type PlanFacts } from "./plan.js";

const empty: PlanFacts = {
  liveSystems: 0,
  liveSystemsOwned: 0,
  repositoriesScanned: 0,
  usageRecords: 0,
  runtimeFindings: 0,
  shadowFindings: 0,
  vendors: 0,
  vendorsWithContract: 0,
  activeSystems: 0,
  classifiedSystems: 0,
  completeClassifications: 0,
  obligations: 0,
  obligationsOwned: 0,
  policiesApproved: 0,
  productionSystems: 0,
  productionSystemsWithRisk: 0,
  risks: 0,
  savingsRecommendations: 0,
  savingsDecided: 0,
  assessments: 0,
  useCases: null,
};
const opts = { start: "2026-01-01", startSource: "organization-created" as const, startSetBy: null, today: "2026-01-11" };
const milestone = (f: PlanFacts, id: string, today = opts.today) => {
  const m = PlanSchema.parse(buildPlan(f, { ...opts, today }))
    .workstreams.flatMap((w) => w.milestones)
    .find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};

describe("the 30/60/90-day plan", () => {
  it("has the three workstreams with milestones due at day 30, 60 and 90", () => {
    const p = buildPlan(empty, opts);
    expect(p.workstreams.map((w) => w.id)).toEqual(["inventory-assessment", "governance-baseline", "strategic-roadmap"]);
    expect(new Set(MILESTONES.map((m) => m.dueDay))).toEqual(new Set([30, 60, 90]));
    expect(p.day).toBe(10);
    expect(milestone(empty, "governance.classified").dueDate).toBe("2026-03-02");
    expect(p.progress).toBe(0);
  });

  it("measures progress from the facts: classifying a system moves the classification milestone", () => {
    const before = { ...empty, activeSystems: 16, classifiedSystems: 9 };
    expect(milestone(before, "governance.classified")).toMatchObject({ progress: 56, figures: "9 of 16 systems classified" });
    const after = { ...before, classifiedSystems: 10 };
    expect(milestone(after, "governance.classified")).toMatchObject({ progress: 62, figures: "10 of 16 systems classified" });
    expect(milestone({ ...before, classifiedSystems: 16 }, "governance.classified").status).toBe("done");
  });

  it("shadow AI resolved is the share of runtime AI findings that are registered", () => {
    expect(milestone({ ...empty, runtimeFindings: 8, shadowFindings: 2 }, "inventory.shadow")).toMatchObject({ progress: 75 });
    expect(milestone({ ...empty, repositoriesScanned: 1 }, "inventory.shadow").progress).toBe(100);
    expect(milestone(empty, "inventory.shadow").progress).toBe(0);
  });

  it("counts policies, use cases and the assessment", () => {
    expect(milestone({ ...empty, policiesApproved: 3 }, "governance.policies")).toMatchObject({ progress: 75, figures: "3 of 4 policies approved" });
    const uc = { ...empty, useCases: { total: 5, scored: 2, funded: 3, piloted: 0 } };
    expect(milestone(uc, "roadmap.scored").progress).toBe(66);
    expect(milestone(uc, "roadmap.funded").progress).toBe(100);
    expect(milestone(uc, "roadmap.pilot").progress).toBe(0);
    expect(milestone(empty, "roadmap.scored").figures).toBe("no use-case portfolio yet");
    expect(milestone({ ...empty, assessments: 1 }, "inventory.assessment").status).toBe("done");
  });

  it("status by the clock: on track, at risk, overdue after the due day, done at 100%", () => {
    // 10 of 30 days elapsed: at least 33% is on pace.
    expect(milestoneStatus(40, "2026-01-01", 30, "2026-01-11")).toBe("on-track");
    expect(milestoneStatus(30, "2026-01-01", 30, "2026-01-11")).toBe("at-risk");
    expect(milestoneStatus(0, "2026-01-01", 30, "2026-01-01")).toBe("on-track");
    expect(milestoneStatus(0, "2026-01-01", 30, "2025-12-20")).toBe("on-track");
    // Day 30 is the due day itself; day 31 is past it.
    expect(milestoneStatus(99, "2026-01-01", 30, "2026-01-31")).toBe("at-risk");
    expect(milestoneStatus(99, "2026-01-01", 30, "2026-02-01")).toBe("overdue");
    expect(milestoneStatus(100, "2026-01-01", 30, "2026-06-01")).toBe("done");
    const f = { ...empty, activeSystems: 4, classifiedSystems: 3 };
    expect(milestone(f, "governance.classified", "2026-03-02").status).toBe("at-risk");
    expect(milestone(f, "governance.classified", "2026-03-03").status).toBe("overdue");
  });
});
