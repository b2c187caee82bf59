import { type ClassificationResult, KpiActualCreateSchema, SystemCreateSchema, type UseCaseCreateInput, UseCaseCreateSchema } from "@caio/core";
import type { Database, Store } from "@caio/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { fakeClock, testStore } from "../helpers/store.js";

const actor = { label: "user:officer@a.example" };
const DAY = 86_400_000;

function classification(kinds: ClassificationResult["labels"][number]["kind"][]): ClassificationResult {
  return {
    rulesetVersion: "test",
    law: "original",
    asOf: "2026-05-15",
    status: "complete",
    labels: kinds.map((kind) => ({ kind, basis: kind, cite: [], ruleId: `r.${kind}` })),
    roles: [],
    conformityRoute: null,
    obligations: [],
    extraChecks: [],
    unknowns: [],
    pending: [],
  };
}

for (const driver of drivers()) {
  describe(`use-case portfolio on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    const clock = fakeClock("2026-05-15T09:00:00.000Z");
    let orgA: string;
    let orgB: string;
    let screening: string;
    let foreign: string;

    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db, { clock: clock.now });
      orgA = (await store.orgs.create({ name: "A", slug: "org-a" }, actor)).id;
      orgB = (await store.orgs.create({ name: "B", slug: "org-b" }, actor)).id;
      screening = (await store.systems.create(orgA, SystemCreateSchema.parse({ name: "CV screening" }), actor)).id;
      foreign = (await store.systems.create(orgB, SystemCreateSchema.parse({ name: "B system" }), actor)).id;
      await store.governance.saveClassification(
        orgA,
        screening,
        { law: "original", asOf: "2026-05-01", answers: {}, result: classification(["minimal"]) },
        actor,
      );
      clock.advance(1000);
      await store.governance.saveClassification(
        orgA,
        screening,
        { law: "original", asOf: "2026-05-15", answers: {}, result: classification(["high-risk", "transparency"]) },
        actor,
      );
    });
    afterAll(async () => close());

    const input = (over: UseCaseCreateInput) => UseCaseCreateSchema.parse(over);

    it("stores a use case with money in micro-units, the latest classification's labels and the stored recommendation", async () => {
      const u = await store.portfolio.create(
        orgA,
        input({
          name: "Driver CV screening",
          problem: "Recruiters read 900 CVs a month",
          owner: "Head of Talent",
          kpiType: "cost",
          kpiName: "Recruiter hours per hire",
          kpiUnit: "h",
          kpiBaseline: 14.5,
          kpiTarget: 6,
          annualValue: "240000.50",
          buildCost: "90000",
          annualRunCost: "18000.123456",
          dataReadiness: "ready",
          dependencies: ["ATS export"],
          systemId: screening,
          labels: ["personal-data", "High-Risk"],
          differentiating: false,
          vendorTrend: "rising",
        }),
        actor,
      );
      expect(u).toMatchObject({
        annualValue: "240000.50",
        buildCost: "90000.00",
        annualRunCost: "18000.123456",
        kpiBaseline: 14.5,
        kpiTarget: 6,
        systemName: "CV screening",
        classificationLabels: ["high-risk", "transparency"],
        riskLabels: ["high-risk", "transparency", "personal-data"],
        stage: "idea",
        funded: false,
        fundedOn: null,
        version: 1,
        createdAt: "2026-05-15T09:00:01.000Z",
      });
      expect(u.assessment.recommendation).toBe("buy");
      expect(u.assessment.reasons.map((r) => r.code)).toEqual(["vendor-rising", "high-risk", "fund"]);
      expect(u.assessment.scores.risk).toBe(1); // high-risk −2, transparency −1, other label −1
      const row = await db.query<{ recommendation: string; annual_value_micros: string }>(
        "select recommendation, annual_value_micros::text from use_cases where id = $1",
        [u.id],
      );
      expect(row.rows[0]).toEqual({ recommendation: "buy", annual_value_micros: "240000500000" });
    });

    it("fills the stage and funding days, rejects future days and inconsistent fields, naming them", async () => {
      const u = await store.portfolio.create(orgA, input({ name: "Quote pricing", stage: "pilot", funded: true }), actor);
      expect(u).toMatchObject({ pilotStartedOn: "2026-05-15", fundedOn: "2026-05-15" });
      const unfunded = await store.portfolio.update(orgA, u.id, { funded: false }, actor);
      expect(unfunded).toMatchObject({ funded: false, fundedOn: null, version: 2 });
      await expect(store.portfolio.update(orgA, u.id, { productionOn: "2026-05-16" }, actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "productionOn", message: "must not be after today (2026-05-15)" }],
      });
      await expect(store.portfolio.update(orgA, u.id, { pilotStartedOn: "2026-05-10", productionOn: "2026-05-01" }, actor)).rejects.toMatchObject({
        issues: [{ path: "productionOn", message: "must not be before the pilot started" }],
      });
      await expect(store.portfolio.update(orgA, u.id, { kpiBaseline: 5, kpiTarget: 5 }, actor)).rejects.toMatchObject({
        issues: [{ path: "kpiTarget", message: "must differ from the baseline" }],
      });
      await expect(store.portfolio.create(orgA, input({ name: "quote PRICING" }), actor)).rejects.toMatchObject({ code: "conflict" });
    });

    it("rejects another organization's system as if it did not exist", async () => {
      await expect(store.portfolio.create(orgA, input({ name: "Foreign link", systemId: foreign }), actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "systemId", message: "no such system in this organization" }],
      });
      const mine = (await store.portfolio.list(orgA)).items[0];
      if (!mine) throw new Error("no use case");
      await expect(store.portfolio.update(orgB, mine.id, { name: "stolen" }, actor)).rejects.toMatchObject({ code: "not_found" });
      await expect(store.portfolio.recordActual(orgB, mine.id, KpiActualCreateSchema.parse({ on: "2026-05-01", value: 1 }), actor)).rejects.toMatchObject({
        code: "not_found",
      });
      expect((await store.portfolio.list(orgB)).items).toEqual([]);
      expect(await store.portfolio.get(orgB, mine.id)).toBeNull();
    });

    it("records KPI actuals, audits them, and moves ROI and the stop rule with them", async () => {
      const u = await store.portfolio.create(
        orgA,
        input({
          name: "Invoice extraction",
          kpiBaseline: 12,
          kpiTarget: 3,
          annualValue: "600000",
          buildCost: "180000",
          annualRunCost: "60000",
          stage: "pilot",
          pilotStartedOn: "2026-02-13",
          dataReadiness: "ready",
          differentiating: true,
        }),
        actor,
      );
      expect(u.assessment.recommendation).toBe("stop");
      expect(u.assessment.reasons[0]?.code).toBe("unproven-after-pilot");
      await expect(store.portfolio.recordActual(orgA, u.id, KpiActualCreateSchema.parse({ on: "2026-05-16", value: 4 }), actor)).rejects.toMatchObject({
        issues: [{ path: "on" }],
      });
      const a = await store.portfolio.recordActual(orgA, u.id, KpiActualCreateSchema.parse({ on: "2026-05-01", value: 4.5, note: "April close" }), actor);
      expect(a).toMatchObject({ useCaseId: u.id, on: "2026-05-01", value: 4.5, note: "April close", recordedBy: actor.label });
      const after = await store.portfolio.get(orgA, u.id);
      expect(after?.assessment.recommendation).toBe("build");
      expect(after?.roi).toMatchObject({ progress: 0.8333, realizedAnnualValue: "499980.00", paybackMonths: 4.9, actualCount: 1 });
      const audit = await store.audit.list(orgA, { entityType: "kpi-actual", limit: 10 });
      expect(audit.items[0]).toMatchObject({ entityType: "kpi-actual", entityId: a.id, action: "create" });
      expect((await store.audit.verify(orgA)).ok).toBe(true);
      const row = await db.query<{ recommendation: string }>("select recommendation from use_cases where id = $1", [u.id]);
      expect(row.rows[0]?.recommendation).toBe("build");
    });

    it("keeps history, deletes with the actuals, and survives export and restore", async () => {
      const u = await store.portfolio.create(orgA, input({ name: "Temp", annualValue: "1000" }), actor);
      await store.portfolio.update(orgA, u.id, { owner: "Ops" }, actor);
      const history = await store.history(orgA, "use-case", u.id);
      expect(history.map((h) => h.action)).toEqual(["update", "create"]);

      const doc = await store.exportOrg(orgA);
      expect(doc.portfolio.useCases.length).toBe(4);
      expect(doc.portfolio.actuals.length).toBe(1);
      await store.portfolio.remove(orgA, u.id, actor);
      expect(await store.portfolio.get(orgA, u.id)).toBeNull();

      await db.query("delete from organizations where id = $1", [orgA]);
      const restored = await store.restoreOrg(doc);
      const again = await store.exportOrg(restored.organization.id);
      expect(again.portfolio).toEqual(doc.portfolio);
      const items = (await store.portfolio.list(restored.organization.id)).items;
      expect(items.map((i) => i.name).sort()).toEqual(["Driver CV screening", "Invoice extraction", "Quote pricing", "Temp"]);
      expect(items.find((i) => i.name === "Driver CV screening")?.classificationLabels).toEqual(["high-risk", "transparency"]);
      clock.advance(DAY);
    });
  });
}
