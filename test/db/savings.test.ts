import { SystemCreateSchema } from "@caio/core";
import type { Database, Store } from "@caio/db";
import { computeReconciliation, computeSavings } from "@caio/server";
import { usd } from "@caio/spend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { usageRecord } from "../helpers/spend.js";
import { testStore } from "../helpers/store.js";
import { type Injected, SYNTHETIC_WINDOW, seedSynthetic } from "../helpers/synthetic-spend.js";

const actor = { label: "local:test" };
const window = { to: SYNTHETIC_WINDOW.to, days: SYNTHETIC_WINDOW.days };

for (const driver of drivers()) {
  describe(`savings and reconciliation on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let org: string;
    let empty: string;
    let injected: Injected[];
    let controls: string[];
    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db);
      org = (await store.orgs.create({ name: "Synthetic", slug: "synthetic" }, actor)).id;
      empty = (await store.orgs.create({ name: "Empty", slug: "empty" }, actor)).id;
      ({ injected, controls } = await seedSynthetic(store, org));
    });
    afterAll(async () => close());

    it("scored: finds at least 90% of the injected savings and recommends nothing for the clean controls", async () => {
      const { report } = await computeSavings(store, org, window);
      expect(report.window).toEqual(SYNTHETIC_WINDOW);
      let expected = 0n;
      let found = 0n;
      const lines: string[] = [];
      for (const inj of injected) {
        const rec = report.recommendations.find(
          (r) => r.type === inj.type && (r.systems.some((s) => s.name === inj.subject) || r.vendors.includes(inj.subject)),
        );
        const got = rec ? BigInt(rec.monthlySavingMicros) : 0n;
        expected += inj.monthlySavingMicros;
        found += got < inj.monthlySavingMicros ? got : inj.monthlySavingMicros;
        lines.push(`  ${inj.type.padEnd(16)} ${inj.subject.padEnd(20)} injected ${usd(inj.monthlySavingMicros).padStart(11)}  found ${usd(got).padStart(11)}`);
      }
      const score = Number((found * 10_000n) / expected) / 100;
      process.stdout.write(`[${driver.name}] optimizer score: ${score}% of ${usd(expected)}/month injected savings found\n${lines.join("\n")}\n`);
      expect(score).toBeGreaterThanOrEqual(90);
      // Every injected type is covered, and the controls get nothing.
      for (const type of ["downshift", "batch", "caching", "consolidation", "unused-capacity", "long-context", "priority-tier"])
        expect(
          report.recommendations.some((r) => r.type === type),
          type,
        ).toBe(true);
      const onControls = report.recommendations.filter((r) => r.systems.some((s) => controls.includes(s.name)) || r.vendors.some((v) => controls.includes(v)));
      expect(onControls.map((r) => r.title)).toEqual([]);
      // The quiet key is found, with no dollar claim.
      const quiet = report.recommendations.find((r) => r.type === "unused-capacity" && r.scope.includes("keys"));
      expect(quiet?.monthlySavingMicros).toBe("0");
      // Figures a CFO can check: each recommendation's baseline is its system's spend on the Spend page, per month.
      const bySystem = await store.spend.rollup(org, "system", { from: SYNTHETIC_WINDOW.from, to: SYNTHETIC_WINDOW.to });
      const downshift = report.recommendations.find((r) => r.type === "downshift");
      const row = bySystem.find((r) => r.key === downshift?.systems[0]?.name);
      expect(downshift?.baselineMonthlyMicros).toBe(((BigInt(row?.costMicros ?? 0) * 365n * 2n + 12n * 90n) / (2n * 12n * 90n)).toString());
      const share = Number(report.summary.shareOfSpend);
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(1);
    });

    it("keeps statuses across re-computation and records each change in the audit ledger", async () => {
      const { report } = await computeSavings(store, org, window);
      const rec = report.recommendations.find((r) => r.type === "batch");
      if (!rec) throw new Error("no batch recommendation");
      await store.savings.setStatus(
        org,
        { id: rec.id, type: rec.type, title: rec.title, monthlySavingMicros: BigInt(rec.monthlySavingMicros) },
        "accepted",
        "pilot next sprint",
        actor,
      );
      await store.savings.setStatus(
        org,
        { id: rec.id, type: rec.type, title: rec.title, monthlySavingMicros: BigInt(rec.monthlySavingMicros) },
        "done",
        "",
        actor,
      );
      const again = (await computeSavings(store, org, window)).report;
      expect(again.recommendations.find((r) => r.id === rec.id)).toMatchObject({ status: "done", statusChangedBy: "local:test" });
      expect(again.summary.realizedMonthlyMicros).toBe(rec.monthlySavingMicros);
      expect(BigInt(again.summary.identifiedMonthlyMicros)).toBeLessThan(BigInt(report.summary.identifiedMonthlyMicros));
      const audit = await store.audit.list(org, { entityType: "savings-recommendation", limit: 10, offset: 0 } as never);
      expect(audit.items.map((a) => a.action)).toEqual(expect.arrayContaining(["create", "update"]));
      expect((await store.audit.verify(org)).ok).toBe(true);
    });

    it("shows one organization nothing of another", async () => {
      const { report } = await computeSavings(store, empty, window);
      expect(report.recommendations).toEqual([]);
      expect(report.summary.identifiedMonthlyMicros).toBe("0");
      const none = await computeSavings(store, empty);
      expect(none.report.window).toBeNull();
      const rec = await computeReconciliation(store, empty);
      expect(rec.counts).toEqual({ stale: 0, unattributed: 0, shadow: 0, vendors: 0, models: 0 });
    });

    it("reconciles: stale systems, unattributed spend, vendors without contract, models the policy denies", async () => {
      const o = (await store.orgs.create({ name: "Recon", slug: `recon-${driver.name}` }, actor)).id;
      const used = await store.systems.create(o, SystemCreateSchema.parse({ name: "Used", stage: "production" }), actor);
      await store.systems.create(o, SystemCreateSchema.parse({ name: "Forgotten", stage: "production" }), actor);
      await store.systems.create(o, SystemCreateSchema.parse({ name: "Just an idea", stage: "idea" }), actor);
      await store.spendRules.createRule(o, { field: "project", value: "proj_used", systemId: used.id }, actor);
      await store.spendRules.createRule(o, { field: "project", value: "proj_team_only", team: "Ops" }, actor);
      const rec = (day: string, projectId: string, model: string, provider = "openai") =>
        usageRecord(day, 2_000_000n, { projectId, model, modelReported: model, provider });
      await store.spend.importRecords(
        o,
        { source: "openai-usage", fileName: "u.json", fileSha256: "0".repeat(64) },
        [rec("2026-10-01", "proj_used", "gpt-4o"), rec("2026-10-02", "proj_team_only", "o1"), rec("2026-10-03", "proj_x", "mistral-large", "mistral")],
        actor,
      );
      await store.vendors.create(o, { ...VENDOR, name: "OpenAI" }, actor);
      await store.savings.setModelPolicy(o, { providers: { allow: ["openai"] }, models: { deny: ["o1*"] } }, actor);
      const r = await computeReconciliation(store, o);
      expect(r.stale.map((s) => s.name)).toEqual(["Forgotten"]);
      expect(r.unattributed.map((u) => [u.provider, u.model, u.field, u.value, u.costMicros])).toEqual([
        ["mistral", "mistral-large", "project", "proj_x", "2000000"],
        ["openai", "o1", "project", "proj_team_only", "2000000"],
      ]);
      expect(r.unattributedMicros).toBe("4000000");
      expect(r.vendors).toEqual([
        { provider: "mistral", vendorId: null, vendorName: null, costMicros: "2000000", issues: ["no-vendor"] },
        expect.objectContaining({ provider: "openai", vendorName: "OpenAI", issues: ["no-contract", "no-dpa"] }),
      ]);
      expect(r.models.map((m) => [m.model, m.reason])).toEqual([
        ["mistral-large", "provider mistral is not in the allowed providers"],
        ["o1", "model o1 matches the denied pattern o1*"],
      ]);
      // Removing the policy clears the model list; both changes are in the ledger.
      await store.savings.setModelPolicy(o, null, actor);
      expect((await computeReconciliation(store, o)).models).toEqual([]);
      const entries = await store.audit.list(o, { entityType: "model-policy", limit: 10, offset: 0 } as never);
      expect(entries.items.map((e) => e.action).sort()).toEqual(["create", "delete"]);
    });

    it("exports and restores decisions and the model policy", async () => {
      await store.savings.setModelPolicy(org, { models: { deny: ["gpt-3.5*"] } }, actor);
      const doc = await store.exportOrg(org);
      expect(doc.savings.decisions.length).toBeGreaterThan(0);
      expect(doc.savings.modelPolicy?.policy).toEqual({ models: { deny: ["gpt-3.5*"] } });
      const { db: db2, close: close2 } = await driver.open();
      try {
        const other = testStore(db2);
        await other.restoreOrg(doc);
        const again = await other.exportOrg(org);
        expect(again.savings).toEqual(doc.savings);
      } finally {
        await close2();
      }
    });
  });
}

const VENDOR = {
  name: "",
  services: [],
  website: "",
  notes: "",
  contract: { start: null, end: null, renewalNoticeDate: null, commitmentAmount: null, commitmentCurrency: "USD" },
  dataTerms: { trainsOnCustomerData: "unknown" as const, retentionDays: null, dpaSigned: false, dataRegion: "" },
};
