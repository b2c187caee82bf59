import { IncidentCreateSchema, RiskCreateSchema, SystemCreateSchema } from "@caio/core";
import type { Database, Store } from "@caio/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { fakeClock, testStore } from "../helpers/store.js";

const actor = { label: "user:officer@a.example" };

for (const driver of drivers()) {
  describe(`risk register and incidents on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    const clock = fakeClock("2026-11-23T09:00:00.000Z");
    let orgA: string;
    let orgB: string;
    let chatbot: string;
    let screening: string;
    let foreign: string;

    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db, { clock: clock.now });
      orgA = (await store.orgs.create({ name: "A", slug: "org-a" }, actor)).id;
      orgB = (await store.orgs.create({ name: "B", slug: "org-b" }, actor)).id;
      chatbot = (await store.systems.create(orgA, SystemCreateSchema.parse({ name: "Support chatbot" }), actor)).id;
      screening = (await store.systems.create(orgA, SystemCreateSchema.parse({ name: "CV screening" }), actor)).id;
      foreign = (await store.systems.create(orgB, SystemCreateSchema.parse({ name: "B system" }), actor)).id;
    });
    afterAll(async () => close());

    const risk = (over: object) => RiskCreateSchema.parse({ title: "Risk", likelihood: 1, severity: 1, ...over });

    it("stores risks with their score, rating, systems and obligations, sorted by score", async () => {
      const bias = await store.risks.create(
        orgA,
        risk({
          title: "Biased shortlists",
          likelihood: 3,
          severity: 5,
          owner: "Head of Talent",
          mitigation: "Bias audit each quarter",
          reviewDate: "2027-01-15",
          systemIds: [screening],
          obligationIds: ["aia.art26.oversight", "gdpr.art22"],
        }),
        actor,
      );
      expect(bias).toMatchObject({
        score: 15,
        rating: "high",
        status: "open",
        reviewDate: "2027-01-15",
        systems: [{ id: screening, name: "CV screening" }],
        obligationIds: ["aia.art26.oversight", "gdpr.art22"],
        version: 1,
        createdAt: "2026-11-23T09:00:00.000Z",
      });
      await store.risks.create(orgA, risk({ title: "Prompt injection", likelihood: 4, severity: 5, systemIds: [chatbot, screening] }), actor);
      await store.risks.create(orgA, risk({ title: "Stale answers", likelihood: 2, severity: 2, status: "accepted", systemIds: [chatbot] }), actor);
      await store.risks.create(orgA, risk({ title: "Vendor lock-in", likelihood: 5, severity: 3 }), actor);
      await store.risks.create(orgB, risk({ title: "B's own risk", likelihood: 5, severity: 5 }), actor);

      const all = await store.risks.list(orgA, {});
      expect(all.items.map((r) => [r.title, r.score, r.rating])).toEqual([
        ["Prompt injection", 20, "critical"],
        ["Biased shortlists", 15, "high"],
        ["Vendor lock-in", 15, "high"],
        ["Stale answers", 4, "low"],
      ]);
      expect(all.total).toBe(4);
      expect((await store.risks.list(orgA, { status: "accepted" })).items.map((r) => r.title)).toEqual(["Stale answers"]);
      expect((await store.risks.list(orgA, { systemId: chatbot })).items.map((r) => r.title)).toEqual(["Prompt injection", "Stale answers"]);
      expect((await store.risks.list(orgA, { rating: "high" })).items.map((r) => r.title)).toEqual(["Biased shortlists", "Vendor lock-in"]);
      expect((await store.risks.list(orgA, { systemId: foreign })).items).toEqual([]);
    });

    it("rejects another organization's systems and repeated systems, naming the position", async () => {
      await expect(store.risks.create(orgA, risk({ systemIds: [chatbot, foreign] }), actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "systemIds.1", message: "no such system in this organization" }],
      });
      await expect(store.risks.create(orgA, risk({ systemIds: [chatbot, chatbot] }), actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "systemIds.1" }],
      });
      const r = (await store.risks.list(orgA, {})).items[0];
      if (!r) throw new Error("no risk");
      await expect(store.risks.update(orgA, r.id, { systemIds: [foreign] }, actor)).rejects.toMatchObject({ code: "validation" });
      expect(await store.risks.get(orgB, r.id)).toBeNull();
      await expect(store.risks.update(orgB, r.id, { title: "stolen" }, actor)).rejects.toMatchObject({ code: "not_found" });
      await expect(store.risks.remove(orgB, r.id, actor)).rejects.toMatchObject({ code: "not_found" });
    });

    it("changes, re-scores and deletes a risk with every version in history and the ledger", async () => {
      const created = await store.risks.create(orgA, risk({ title: "Model deprecation", likelihood: 2, severity: 3, systemIds: [chatbot] }), actor);
      clock.advance(60_000);
      const updated = await store.risks.update(orgA, created.id, { likelihood: 5, severity: 4, status: "mitigating", systemIds: [] }, actor);
      expect(updated).toMatchObject({ score: 20, rating: "critical", status: "mitigating", systems: [], version: 2, title: "Model deprecation" });
      expect(updated.updatedAt).not.toBe(created.updatedAt);
      await store.risks.remove(orgA, created.id, actor);
      expect(await store.risks.get(orgA, created.id)).toBeNull();
      const history = await store.history(orgA, "risk", created.id);
      expect(history.map((v) => [v.version, v.action])).toEqual([
        [3, "delete"],
        [2, "update"],
        [1, "create"],
      ]);
      expect(history[1]?.data).toMatchObject({ likelihood: 5, severity: 4, score: 20 });
      const ledger = await store.audit.list(orgA, { entityType: "risk", entityId: created.id, limit: 10 });
      expect(ledger.items.map((e) => [e.action, e.entityLabel, e.actor])).toEqual([
        ["delete", "Model deprecation", actor.label],
        ["update", "Model deprecation", actor.label],
        ["create", "Model deprecation", actor.label],
      ]);
      expect((await store.audit.verify(orgA)).ok).toBe(true);
    });

    it("drops a deleted system from its risks", async () => {
      const temp = (await store.systems.create(orgA, SystemCreateSchema.parse({ name: "Temporary system" }), actor)).id;
      const r = await store.risks.create(orgA, risk({ title: "Temporary risk", systemIds: [temp, chatbot] }), actor);
      await store.systems.remove(orgA, temp, actor);
      expect((await store.risks.get(orgA, r.id))?.systems.map((s) => s.id)).toEqual([chatbot]);
      await store.risks.remove(orgA, r.id, actor);
    });

    const incident = (over: object) => IncidentCreateSchema.parse({ title: "Incident", awareOn: "2026-11-20", severity: "serious", ...over });

    it("stores incidents with their awareness date and severity, open ones first", async () => {
      const leak = await store.incidents.create(
        orgA,
        incident({
          title: "Chatbot disclosed another customer's address",
          systemId: chatbot,
          occurredAt: "2026-11-19T22:10:00.000Z",
          awareOn: "2026-11-20",
          notes: "Transcript saved.",
        }),
        actor,
      );
      expect(leak).toMatchObject({
        systemId: chatbot,
        systemName: "Support chatbot",
        occurredAt: "2026-11-19T22:10:00.000Z",
        awareOn: "2026-11-20",
        severity: "serious",
        status: "open",
        reportedOn: null,
        version: 1,
      });
      await store.incidents.create(orgA, incident({ title: "Old reported one", awareOn: "2026-09-01", status: "closed", reportedOn: "2026-09-08" }), actor);
      await store.incidents.create(orgA, incident({ title: "Minor glitch", awareOn: "2026-11-01", severity: "not-serious" }), actor);
      await store.incidents.create(orgB, incident({ title: "B's incident" }), actor);
      const list = await store.incidents.list(orgA, {});
      expect(list.map((i) => [i.title, i.status])).toEqual([
        ["Minor glitch", "open"],
        ["Chatbot disclosed another customer's address", "open"],
        ["Old reported one", "closed"],
      ]);
      expect((await store.incidents.list(orgA, { active: "true" })).map((i) => i.title)).toEqual([
        "Minor glitch",
        "Chatbot disclosed another customer's address",
      ]);
      expect((await store.incidents.list(orgA, { active: "false" })).map((i) => i.title)).toEqual(["Old reported one"]);
      expect((await store.incidents.list(orgA, { systemId: chatbot })).map((i) => i.title)).toEqual(["Chatbot disclosed another customer's address"]);
      expect((await store.incidents.list(orgA, { status: "closed" })).length).toBe(1);
      expect(await store.incidents.get(orgB, leak.id)).toBeNull();
    });

    it("rejects foreign systems and dates after the store's today", async () => {
      await expect(store.incidents.create(orgA, incident({ systemId: foreign }), actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "systemId", message: "no such system in this organization" }],
      });
      // The injected clock says 2026-11-23.
      await expect(store.incidents.create(orgA, incident({ awareOn: "2026-11-24" }), actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "awareOn" }],
      });
      expect((await store.incidents.create(orgA, incident({ title: "Today", awareOn: "2026-11-23" }), actor)).awareOn).toBe("2026-11-23");
    });

    it("checks the merged incident on update, records the report and keeps history", async () => {
      const created = await store.incidents.create(orgA, incident({ title: "Wrong tariff code filed", awareOn: "2026-11-18", systemId: screening }), actor);
      // Reported without a date, or a report before awareness: refused, nothing changes.
      await expect(store.incidents.update(orgA, created.id, { status: "reported" }, actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "reportedOn" }],
      });
      await expect(store.incidents.update(orgA, created.id, { status: "reported", reportedOn: "2026-11-17" }, actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "reportedOn" }],
      });
      await expect(store.incidents.update(orgA, created.id, { status: "reported", reportedOn: "2026-11-30" }, actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "reportedOn" }],
      });
      await expect(store.incidents.update(orgA, created.id, { systemId: foreign }, actor)).rejects.toMatchObject({ code: "validation" });
      const moved = await store.incidents.update(orgA, created.id, { severity: "death", awareOn: "2026-11-19" }, actor);
      expect(moved).toMatchObject({ severity: "death", awareOn: "2026-11-19", systemId: screening, version: 2 });
      const reported = await store.incidents.update(
        orgA,
        created.id,
        { status: "reported", reportedOn: "2026-11-23", notes: "Filed with the authority" },
        actor,
      );
      expect(reported).toMatchObject({ status: "reported", reportedOn: "2026-11-23", notes: "Filed with the authority", version: 3 });
      // Going back to open needs the report date removed.
      await expect(store.incidents.update(orgA, created.id, { status: "open" }, actor)).rejects.toMatchObject({ code: "validation" });
      expect((await store.history(orgA, "incident", created.id)).map((v) => v.action)).toEqual(["update", "update", "create"]);
      const ledger = await store.audit.list(orgA, { entityType: "incident", entityId: created.id, limit: 10 });
      expect(ledger.items).toHaveLength(3);
      // A deleted system leaves the incident in place, unlinked.
      await store.systems.remove(orgA, screening, actor);
      expect(await store.incidents.get(orgA, created.id)).toMatchObject({ systemId: null, systemName: null });
      expect((await store.risks.list(orgA, {})).items.find((r) => r.title === "Biased shortlists")?.systems).toEqual([]);
      expect((await store.audit.verify(orgA)).ok).toBe(true);
    });

    it("exports and restores risks and incidents", async () => {
      const doc = await store.exportOrg(orgA);
      expect(doc.risks.risks.length).toBeGreaterThan(0);
      expect(doc.risks.incidents.length).toBeGreaterThan(0);
      expect(doc.risks.risks.find((r) => r.title === "Prompt injection")?.systemIds.sort()).toEqual([chatbot].sort());
      expect(doc.history.some((h) => h.entityType === "incident")).toBe(true);
      const { db: db2, close: close2 } = await driver.open();
      try {
        const other = testStore(db2);
        await other.restoreOrg(JSON.parse(JSON.stringify(doc)));
        expect(await other.exportOrg(orgA)).toEqual(doc);
        expect((await other.audit.verify(orgA)).ok).toBe(true);
      } finally {
        await close2();
      }
      // An export without the section (older caio) still loads.
      const { risks: _risks, ...old } = doc;
      const { db: db3, close: close3 } = await driver.open();
      try {
        await testStore(db3).restoreOrg(JSON.parse(JSON.stringify(old)));
      } finally {
        await close3();
      }
    });
  });
}
