import { type ClassificationResult, SystemCreateSchema } from "@caio/core";
import type { Database, Store } from "@caio/db";
import { obligationRows } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { fakeClock, testStore } from "../helpers/store.js";

const actor = { label: "local:test" };

const result = (version: string, dueDate: string | null): ClassificationResult => ({
  rulesetVersion: version,
  law: "original",
  asOf: "2026-11-23",
  status: "complete",
  labels: [{ kind: "high-risk", basis: "Annex III point 4(a)", cite: ["AI Act Art 6(2)", "AI Act Annex III point 4(a)"], ruleId: "r.test" }],
  roles: [{ role: "deployer", reason: "uses a vendor's system", cite: ["AI Act Art 3(4)"] }],
  conformityRoute: null,
  obligations: [
    {
      id: "aia.art26.oversight",
      framework: "eu-ai-act",
      title: "Human oversight",
      summary: "Assign competent human oversight",
      cite: ["AI Act Art 26(2)"],
      roles: ["deployer"],
      dueDate,
      dateBasis: dueDate ? { law: "2024/1689", status: "in-force" } : null,
      evidence: ["oversight assignment"],
      crosswalk: { nist: ["GOVERN 3.2"], iso42001: ["A.9.2"] },
    },
  ],
  extraChecks: [],
  unknowns: [],
  pending: [],
});

for (const driver of drivers()) {
  describe(`governance storage on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let org: string;
    let other: string;
    let system: string;
    const clock = fakeClock("2026-11-23T09:00:00.000Z");
    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db, { clock: clock.now });
      org = (await store.orgs.create({ name: "Gov", slug: "gov" }, actor)).id;
      other = (await store.orgs.create({ name: "Other", slug: "other-gov" }, actor)).id;
      system = (await store.systems.create(org, SystemCreateSchema.parse({ name: "CV screening", businessOwner: "HR lead" }), actor)).id;
    });
    afterAll(async () => close());

    it("keeps classifications as history, newest first, and audits each", async () => {
      const answers = { "aia.scope.eu": { answer: "yes" as const, by: actor.label, at: clock.now().toISOString() } };
      await store.governance.saveClassification(org, system, { law: "original", asOf: "2026-11-23", answers, result: result("1.0", "2026-08-02") }, actor);
      clock.advance(60_000);
      await store.governance.saveClassification(org, system, { law: "omnibus", asOf: "2026-11-23", answers, result: result("1.1", "2027-12-02") }, actor);
      const history = await store.governance.history(org, system);
      expect(history.map((h) => h.rulesetVersion)).toEqual(["1.1", "1.0"]);
      expect(history[0]?.answers).toEqual(answers);
      const latest = await store.governance.latest(org);
      expect(latest.map((l) => [l.systemName, l.law, l.result.obligations[0]?.dueDate])).toEqual([["CV screening", "omnibus", "2027-12-02"]]);
      const audit = await store.audit.list(org, { entityType: "classification", limit: 10 } as never);
      expect(audit.items).toHaveLength(2);
      expect((await store.audit.verify(org)).ok).toBe(true);
    });

    it("tracks obligations (owner, status, evidence) with the ledger, and never across organizations", async () => {
      const t = await store.governance.track(org, system, "aia.art26.oversight", { owner: "Ana", status: "in-progress", evidence: "ticket GOV-1" }, actor);
      expect(t).toMatchObject({ owner: "Ana", status: "in-progress", updatedBy: actor.label });
      await store.governance.track(org, system, "aia.art26.oversight", { owner: "Ana", status: "done", evidence: "ticket GOV-1" }, actor);
      expect((await store.governance.tracking(org)).map((x) => x.status)).toEqual(["done"]);
      await expect(store.governance.track(other, system, "aia.art26.oversight", { owner: "x", status: "done", evidence: "" }, actor)).rejects.toThrow(
        /no such system/,
      );
      await expect(store.governance.history(other, system)).rejects.toThrow(/no such system/);
      expect(await store.governance.latest(other)).toEqual([]);
      const facts = await store.governance.facts(org, system);
      expect(facts).toMatchObject({ name: "CV screening", businessOwner: "HR lead", components: [] });
    });

    it("counts days left to each obligation's date by the injected clock: due, due today, overdue, done", async () => {
      const sys = (await store.systems.create(org, SystemCreateSchema.parse({ name: "Clocked" }), actor)).id;
      await store.governance.saveClassification(org, sys, { law: "original", asOf: "2026-11-23", answers: {}, result: result("1.1", "2026-11-25") }, actor);
      const rowAt = async () => (await obligationRows(store, org, { system: sys }))[0];
      const setDay = (d: string) => clock.advance(Date.parse(`${d}T09:00:00Z`) - clock.now().getTime());
      setDay("2026-11-24");
      expect(await rowAt()).toMatchObject({ daysLeft: 1, overdue: false, owner: "" });
      expect(await obligationRows(store, org, { system: sys, dueWithin: 0 })).toHaveLength(0);
      setDay("2026-11-25");
      expect(await rowAt()).toMatchObject({ daysLeft: 0, overdue: false });
      expect(await obligationRows(store, org, { system: sys, dueWithin: 0 })).toHaveLength(1);
      setDay("2026-11-26");
      expect(await rowAt()).toMatchObject({ daysLeft: -1, overdue: true });
      await store.governance.track(org, sys, "aia.art26.oversight", { owner: "Ana", status: "done", evidence: "" }, actor);
      expect(await rowAt()).toMatchObject({ daysLeft: -1, overdue: false, status: "done", owner: "Ana" });
      await store.systems.remove(org, sys, actor);
    });

    it("exports and restores classifications and tracking", async () => {
      const doc = await store.exportOrg(org);
      expect(doc.governance.classifications).toHaveLength(2);
      expect(doc.governance.tracking).toHaveLength(1);
      const { db: db2, close: close2 } = await driver.open();
      try {
        const copy = testStore(db2);
        await copy.restoreOrg(doc);
        expect((await copy.exportOrg(org)).governance).toEqual(doc.governance);
      } finally {
        await close2();
      }
    });

    it("deletes a system's classifications with the system", async () => {
      await store.systems.remove(org, system, actor);
      expect(await store.governance.latest(org)).toEqual([]);
    });
  });
}
