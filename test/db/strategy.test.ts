import { type ClassificationResult, RiskCreateSchema, SystemCreateSchema, UseCaseCreateSchema } from "@caio/core";
import type { Database, Store } from "@caio/db";
import { assessLeadership } from "@caio/rules";
import { assessmentView, computePlan, planFacts, runAssessment } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { usageRecord } from "../helpers/spend.js";
import { fakeClock, testStore } from "../helpers/store.js";

const actor = { label: "user:officer@a.example" };
const DAY = 86_400_000;
function must<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw new Error("missing");
  return v;
}
const file = (name: string) => ({ source: "openai-usage" as const, fileName: name, fileSha256: "0".repeat(64) });

const classification = (status: ClassificationResult["status"]): ClassificationResult => ({
  rulesetVersion: "test",
  law: "original",
  asOf: "2026-03-01",
  status,
  labels: [],
  roles: [],
  conformityRoute: null,
  obligations: [],
  extraChecks: [],
  unknowns: [],
  pending: [],
});

const answers = {
  employees: 400,
  engineers: 60,
  productionWorkloads: 2,
  annualAiSpendUsd: 500_000,
  customerFacingAi: true,
  coreSystemsInPlace: true,
  pressureCustomers: false,
  pressureRegulators: true,
  pressureBoard: false,
  aiRevenueMeaningful: false,
  gap: "adoption" as const,
  appetite: "ongoing" as const,
};

for (const driver of drivers()) {
  describe(`strategy storage on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    const clock = fakeClock("2026-03-01T09:00:00.000Z");
    let orgA: string;
    let orgB: string;
    const systems: string[] = [];

    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db, { clock: clock.now });
      orgA = (await store.orgs.create({ name: "A", slug: "org-a" }, actor)).id;
      orgB = (await store.orgs.create({ name: "B", slug: "org-b" }, actor)).id;
      for (const [name, stage, customerFacing] of [
        ["Support assistant", "production", true],
        ["Invoice extraction", "production", false],
        ["Forecasting", "pilot", false],
        ["Old chatbot", "retired", true],
      ] as const) {
        const s = await store.systems.create(
          orgA,
          SystemCreateSchema.parse({ name, stage, customerFacing, businessOwner: "Ops", technicalOwner: name === "Forecasting" ? "" : "Platform" }),
          actor,
        );
        systems.push(s.id);
      }
    });
    afterAll(async () => close());

    it("stores assessments as history, newest first, audited, per organization", async () => {
      const first = await runAssessment(store, orgA, answers, actor);
      expect(first.result.recommendation).toBe("fractional-caio");
      clock.advance(60_000);
      const second = await runAssessment(store, orgA, { ...answers, annualAiSpendUsd: 11_000_000 }, actor);
      expect(second.result).toEqual(assessLeadership({ ...answers, annualAiSpendUsd: 11_000_000 }));
      expect((await store.strategy.latestAssessment(orgA))?.id).toBe(second.id);
      expect((await store.strategy.assessments(orgA)).map((a) => a.id)).toEqual([second.id, first.id]);
      expect(await store.strategy.latestAssessment(orgB)).toBeNull();
      expect(await store.strategy.assessments(orgB)).toEqual([]);
      const audit = await store.audit.list(orgA, { entityType: "assessment", limit: 50 });
      const entries = audit.items.filter((e) => e.entityType === "assessment");
      expect(entries.map((e) => e.entityLabel)).toContain("leadership assessment: Full-time Chief AI Officer");
      expect((await store.audit.verify(orgA)).ok).toBe(true);
    });

    it("prefills production workloads, customer-facing AI and annualized spend from the data, the rest from the last answers", async () => {
      await store.spend.importRecords(
        orgA,
        file("q1.json"),
        [usageRecord("2026-01-01", 1_000_000_000n, { model: "gpt-4o" }), usageRecord("2026-01-10", 1_000_000_000n, { model: "gpt-4o" })],
        actor,
      );
      const view = await assessmentView(store, orgA);
      const by = Object.fromEntries(view.prefill.map((p) => [p.question, p]));
      expect(by.productionWorkloads).toMatchObject({ value: 2, source: "inventory: 2 system(s) in stage production" });
      expect(by.customerFacingAi).toMatchObject({ value: true, source: "inventory: customer-facing in production: Support assistant" });
      // $2,000 over 10 days, annualized: 2000 × 365 / 10.
      expect(by.annualAiSpendUsd).toMatchObject({ value: 73_000, source: "spend: counted spend 2026-01-01 to 2026-01-10 (10 days), annualized" });
      expect(by.employees).toMatchObject({ value: 400 });
      expect(by.employees?.source).toMatch(/^previous answer/);
      const other = await assessmentView(store, orgB);
      expect(other.prefill).toEqual([{ question: "productionWorkloads", value: 0, source: "inventory: 0 system(s) in stage production" }]);
    });

    it("measures the plan from the data: classifying a system moves the classification milestone", async () => {
      const org = must(await store.orgs.bySlug("org-a"));
      const classified = async () => (await computePlan(store, org)).workstreams.flatMap((w) => w.milestones).find((m) => m.id === "governance.classified");
      expect(await classified()).toMatchObject({ progress: 0, figures: "0 of 3 systems classified" });
      await store.governance.saveClassification(
        orgA,
        must(systems[0]),
        { law: "original", asOf: "2026-03-01", answers: {}, result: classification("complete") },
        actor,
      );
      await store.governance.saveClassification(
        orgA,
        must(systems[1]),
        { law: "original", asOf: "2026-03-01", answers: {}, result: classification("needs-review") },
        actor,
      );
      expect(await classified()).toMatchObject({ progress: 66, figures: "2 of 3 systems classified" });
      const facts = await planFacts(store, orgA);
      expect(facts).toMatchObject({
        liveSystems: 3,
        liveSystemsOwned: 2,
        activeSystems: 3,
        classifiedSystems: 2,
        completeClassifications: 1,
        productionSystems: 2,
        productionSystemsWithRisk: 0,
        usageRecords: 2,
        assessments: 2,
      });
      await store.risks.create(orgA, RiskCreateSchema.parse({ title: "Hallucinated answers", likelihood: 3, severity: 3, systemIds: [systems[0]] }), actor);
      expect((await planFacts(store, orgA)).productionSystemsWithRisk).toBe(1);
      expect((await planFacts(store, orgB)).classifiedSystems).toBe(0);
    });

    it("counts use cases through a guarded read of the portfolio table", async () => {
      expect(await store.strategy.useCaseCounts(orgA)).toEqual({ total: 0, scored: 0, funded: 0, piloted: 0 });
      await store.portfolio.create(orgA, UseCaseCreateSchema.parse({ name: "Claims triage", funded: true }), actor);
      expect(await store.strategy.useCaseCounts(orgA)).toMatchObject({ total: 1, funded: 1 });
      expect(await store.strategy.useCaseCounts(orgB)).toMatchObject({ total: 0 });
    });

    it("starts the plan on the organization's creation day, or a start date an admin set; the clock drives status", async () => {
      const org = must(await store.orgs.bySlug("org-a"));
      const p0 = await computePlan(store, org);
      expect(p0).toMatchObject({ start: "2026-03-01", startSource: "organization-created", day: 0 });
      await store.strategy.setPlanStart(orgA, "2026-01-01", actor);
      const owners = async () => must((await computePlan(store, org)).workstreams[0]?.milestones.find((m) => m.id === "inventory.owners"));
      // 2026-01-01 + 30 days = 2026-01-31; today is 2026-03-01: past due and not done.
      expect(await owners()).toMatchObject({ dueDate: "2026-01-31", progress: 66, status: "overdue" });
      await store.strategy.setPlanStart(orgA, "2026-02-01", actor);
      expect(await owners()).toMatchObject({ dueDate: "2026-03-03", status: "at-risk" });
      clock.advance(3 * DAY);
      expect(await owners()).toMatchObject({ status: "overdue" });
      const set = await computePlan(store, org);
      expect(set).toMatchObject({ startSource: "set", startSetBy: actor.label });
      await store.strategy.setPlanStart(orgA, null, actor);
      expect((await computePlan(store, org)).startSource).toBe("organization-created");
      const labels = (await store.audit.list(orgA, { entityType: "plan", limit: 100 })).items.filter((e) => e.entityType === "plan").map((e) => e.action);
      expect(labels.sort()).toEqual(["create", "delete", "update"]);
      expect(await store.strategy.planStart(orgB)).toBeNull();
    });

    it("exports and restores assessments and the plan's start", async () => {
      await store.strategy.setPlanStart(orgA, "2026-02-15", actor);
      const doc = await store.exportOrg(orgA);
      expect(doc.strategy.assessments).toHaveLength(2);
      expect(doc.strategy.planStart?.start).toBe("2026-02-15");
      const { db: db2, close: close2 } = await driver.open();
      try {
        const other = testStore(db2);
        const r = await other.restoreOrg(JSON.parse(JSON.stringify(doc)));
        expect((await other.strategy.assessments(r.organization.id)).map((a) => a.result.recommendation)).toEqual(["full-time-caio", "fractional-caio"]);
        expect((await other.strategy.planStart(r.organization.id))?.start).toBe("2026-02-15");
        const { strategy: _s, ...old } = JSON.parse(JSON.stringify(await store.exportOrg(orgB)));
        const o2 = await testStore(db2).restoreOrg({ ...old, organization: { ...old.organization, slug: "old-b" } });
        expect(await other.strategy.assessments(o2.organization.id)).toEqual([]);
      } finally {
        await close2();
      }
    });
  });
}
