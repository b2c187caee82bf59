import { type SystemCreateInput, SystemCreateSchema, VendorCreateSchema } from "@caio/core";
import { type Database, migrate, type Store } from "@caio/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { finding, sampleScan } from "../helpers/scan.js";
import { usageRecord } from "../helpers/spend.js";
import { testStore } from "../helpers/store.js";

const actor = { label: "local:test" };
const sys = (o: SystemCreateInput) => SystemCreateSchema.parse(o);

for (const driver of drivers()) {
  describe(`storage conformance on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let orgA: string;
    let orgB: string;

    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db);
      orgA = (await store.orgs.create({ name: "Org A", slug: "org-a" }, actor)).id;
      orgB = (await store.orgs.create({ name: "Org B", slug: "org-b" }, actor)).id;
    });
    afterAll(async () => close());

    it("reports which driver it is", () => {
      expect(db.kind).toBe(driver.name);
    });

    it("re-running migrations changes nothing", async () => {
      expect((await migrate(db)).applied).toEqual([]);
      const n = await db.query<{ n: string }>("select count(*) as n from schema_migrations");
      expect(Number(n.rows[0]?.n)).toBeGreaterThan(0);
    });

    it("refuses a duplicate organization slug", async () => {
      await expect(store.orgs.create({ name: "Again", slug: "org-a" }, actor)).rejects.toMatchObject({ code: "conflict" });
    });

    it("creates, reads, updates and deletes a system with linked components and vendor", async () => {
      const v = await store.vendors.create(orgA, VendorCreateSchema.parse({ name: "OpenAI", services: ["API"] }), actor);
      const c = await store.components.create(
        orgA,
        {
          kind: "model",
          name: "GPT-4o",
          provider: "openai",
          identifier: "gpt-4o",
          version: "",
          hosting: "vendor-api",
          vendorId: v.id,
          notes: "",
          systemIds: [],
        },
        actor,
      );
      const s = await store.systems.create(
        orgA,
        sys({ name: "Support bot", stage: "pilot", tags: ["chat"], componentIds: [c.id], personalData: ["personal"] }),
        actor,
      );
      expect(s.components.map((x) => [x.name, x.vendorName])).toEqual([["GPT-4o", "OpenAI"]]);
      expect(s.version).toBe(1);
      const u = await store.systems.update(orgA, s.id, { stage: "production", euNexus: ["used-in-eu"] }, actor);
      expect(u).toMatchObject({ stage: "production", euNexus: ["used-in-eu"], tags: ["chat"], version: 2 });
      expect((await store.vendors.get(orgA, v.id))?.systemCount).toBe(1);
      await store.systems.remove(orgA, s.id, actor);
      expect(await store.systems.get(orgA, s.id)).toBeNull();
      const history = await store.history(orgA, "system", s.id);
      expect(history.map((h) => [h.version, h.action])).toEqual([
        [3, "delete"],
        [2, "update"],
        [1, "create"],
      ]);
      expect(history[1]?.data).toMatchObject({ stage: "production" });
    });

    it("treats names as unique per organization, case-insensitively", async () => {
      await store.systems.create(orgA, sys({ name: "Router" }), actor);
      await expect(store.systems.create(orgA, sys({ name: "ROUTER" }), actor)).rejects.toMatchObject({ code: "conflict", issues: [{ path: "name" }] });
      await expect(store.systems.create(orgB, sys({ name: "Router" }), actor)).resolves.toMatchObject({ name: "Router" });
    });

    it("never lets one organization reach another's records", async () => {
      const bSystem = await store.systems.create(orgB, sys({ name: "B secret" }), actor);
      const bComp = await store.components.create(
        orgB,
        { kind: "sdk", name: "B sdk", provider: "", identifier: "", version: "", hosting: "self-hosted", vendorId: null, notes: "", systemIds: [] },
        actor,
      );
      expect(await store.systems.get(orgA, bSystem.id)).toBeNull();
      await expect(store.systems.update(orgA, bSystem.id, { name: "hijack" }, actor)).rejects.toMatchObject({ code: "not_found" });
      await expect(store.systems.remove(orgA, bSystem.id, actor)).rejects.toMatchObject({ code: "not_found" });
      await expect(store.history(orgA, "system", bSystem.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(store.systems.create(orgA, sys({ name: "Linker", componentIds: [bComp.id] }), actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "componentIds.0" }],
      });
      const listA = await store.systems.list(orgA, { sort: "name", order: "asc", limit: 500, offset: 0 });
      expect(listA.items.some((s) => s.name === "B secret")).toBe(false);
      expect((await store.systems.get(orgB, bSystem.id))?.name).toBe("B secret");
    });

    it("rolls back the whole change when any part fails", async () => {
      const before = await store.audit.verify(orgA);
      await expect(store.systems.create(orgA, sys({ name: "Half", componentIds: ["00000000-0000-4000-8000-000000000000"] }), actor)).rejects.toMatchObject({
        code: "validation",
      });
      expect((await store.systems.list(orgA, { q: "Half", sort: "name", order: "asc", limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.audit.verify(orgA)).entries).toBe(before.entries);
    });

    it("filters, searches, sorts and pages systems", async () => {
      const org = (await store.orgs.create({ name: "Filters", slug: "filters" }, actor)).id;
      const v = await store.vendors.create(org, VendorCreateSchema.parse({ name: "Anthropic" }), actor);
      const c = await store.components.create(
        org,
        {
          kind: "model",
          name: "Claude",
          provider: "anthropic",
          identifier: "claude",
          version: "",
          hosting: "vendor-api",
          vendorId: v.id,
          notes: "",
          systemIds: [],
        },
        actor,
      );
      await store.systems.create(org, sys({ name: "Alpha", stage: "production", department: "Ops", customerFacing: true, componentIds: [c.id] }), actor);
      await store.systems.create(org, sys({ name: "beta", stage: "idea", department: "Finance", tags: ["invoices"] }), actor);
      await store.systems.create(org, sys({ name: "Gamma 100%_match", stage: "pilot", department: "Ops" }), actor);
      const q = (extra: Record<string, unknown>) => store.systems.list(org, { sort: "name", order: "asc", limit: 100, offset: 0, ...extra });
      expect((await q({})).items.map((s) => s.name)).toEqual(["Alpha", "beta", "Gamma 100%_match"]);
      expect((await q({ order: "desc" })).items.map((s) => s.name)).toEqual(["Gamma 100%_match", "beta", "Alpha"]);
      expect((await q({ sort: "stage" })).items.map((s) => s.stage)).toEqual(["idea", "pilot", "production"]);
      expect((await q({ stage: "idea" })).items.map((s) => s.name)).toEqual(["beta"]);
      expect((await q({ customerFacing: "true" })).items.map((s) => s.name)).toEqual(["Alpha"]);
      expect((await q({ vendorId: v.id })).items.map((s) => s.name)).toEqual(["Alpha"]);
      expect((await q({ q: "invoice" })).items.map((s) => s.name)).toEqual(["beta"]);
      expect((await q({ q: "%" })).items.map((s) => s.name)).toEqual(["Gamma 100%_match"]);
      const page = await q({ limit: 2, offset: 2 });
      expect(page.total).toBe(3);
      expect(page.items.map((s) => s.name)).toEqual(["Gamma 100%_match"]);
    });

    it("stores money and dates exactly", async () => {
      const v = await store.vendors.create(
        orgA,
        VendorCreateSchema.parse({
          name: "Big commitment",
          contract: {
            start: "2026-02-28",
            end: "2028-12-31",
            renewalNoticeDate: "2028-09-30",
            commitmentAmount: "999999999999.999999",
            commitmentCurrency: "EUR",
          },
          dataTerms: { retentionDays: 0, dpaSigned: true, trainsOnCustomerData: "no", dataRegion: "EU" },
        }),
        actor,
      );
      const got = await store.vendors.get(orgA, v.id);
      expect(got?.contract).toEqual({
        start: "2026-02-28",
        end: "2028-12-31",
        renewalNoticeDate: "2028-09-30",
        commitmentAmount: "999999999999.999999",
        commitmentCurrency: "EUR",
      });
      const patched = await store.vendors.update(orgA, v.id, { contract: { commitmentAmount: "0.5" } }, actor);
      expect(patched.contract).toMatchObject({ start: "2026-02-28", commitmentAmount: "0.50" });
      await expect(store.vendors.update(orgA, v.id, { contract: { start: "2029-01-01" } }, actor)).rejects.toMatchObject({
        code: "validation",
        issues: [{ path: "contract.end" }],
      });
    });

    it("refuses to delete a vendor that still supplies components", async () => {
      const v = await store.vendors.create(orgA, VendorCreateSchema.parse({ name: "Sticky" }), actor);
      await store.components.create(
        orgA,
        {
          kind: "vendor-service",
          name: "Sticky svc",
          provider: "",
          identifier: "",
          version: "",
          hosting: "vendor-api",
          vendorId: v.id,
          notes: "",
          systemIds: [],
        },
        actor,
      );
      await expect(store.vendors.remove(orgA, v.id, actor)).rejects.toMatchObject({ code: "conflict" });
    });

    it("keeps the audit chain valid under concurrent writes", async () => {
      const org = (await store.orgs.create({ name: "Busy", slug: "busy" }, actor)).id;
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.systems.create(org, sys({ name: `S${i}` }), actor)));
      const v = await store.audit.verify(org);
      expect(v).toMatchObject({ ok: true, entries: 21 });
    });

    it("stores only digests of API tokens and session ids", async () => {
      const user = await store.users.create(`t-${driver.name}@example.com`, "T", "a long enough password");
      const t = await store.tokens.create(orgA, user.id, "ci", "viewer", actor);
      const s = await store.sessions.create(user.id);
      const dump = JSON.stringify((await db.query("select * from api_tokens")).rows) + JSON.stringify((await db.query("select * from sessions")).rows);
      expect(dump).not.toContain(t.token);
      expect(dump).not.toContain(s.sessionId);
      expect((await store.tokens.resolve(t.token))?.orgId).toBe(orgA);
      await store.tokens.revoke(orgA, t.id, actor);
      expect(await store.tokens.resolve(t.token)).toBeNull();
      const pw = (await db.query<{ password_hash: string }>("select password_hash from users where id = $1", [user.id])).rows[0]?.password_hash;
      expect(pw).toMatch(/^\$argon2id\$/);
      expect(await store.users.authenticate(user.email, "a long enough password")).toMatchObject({ id: user.id });
      expect(await store.users.authenticate(user.email, "wrong password!")).toBeNull();
    });

    it("exports and restores an organization to an identical document", async () => {
      await store.discovery.recordScan(
        orgA,
        sampleScan("billing-service", [
          finding("model", "gpt-4o", { provider: "openai" }),
          finding("sdk", "openai", { provider: "openai", packages: [{ ecosystem: "python", name: "openai", version: "1.54.3" }] }),
          finding("secret", "secret:openai:0123456789abcdef0123456789abcdef", {
            secret: { provider: "openai", keyKind: "project-key", fingerprint: "0123456789abcdef0123456789abcdef" },
          }),
        ]),
        actor,
      );
      await store.discovery.fingerprintKey(orgA);
      await store.spend.importRecords(
        orgA,
        { source: "openai-usage", fileName: "u.json", fileSha256: "0".repeat(64) },
        [usageRecord("2026-05-01", 1_234_567n)],
        actor,
      );
      const exported = await store.exportOrg(orgA);
      expect(exported.discovery.findings).toHaveLength(3);
      expect(exported.spend.records).toHaveLength(1);
      const fresh = await driver.open();
      try {
        const other = testStore(fresh.db);
        const r = await other.restoreOrg(JSON.parse(JSON.stringify(exported)));
        expect(r.organization.slug).toBe("org-a");
        expect(await other.exportOrg(r.organization.id)).toEqual(exported);
        expect((await other.audit.verify(r.organization.id)).ok).toBe(true);
        await expect(other.restoreOrg(exported)).rejects.toMatchObject({ code: "conflict" });
      } finally {
        await fresh.close();
      }
    });

    it("restores nothing from an invalid export", async () => {
      const exported = await store.exportOrg(orgB);
      const broken = JSON.parse(JSON.stringify(exported));
      broken.organization.slug = "org-b-copy";
      broken.organization.id = "11111111-1111-4111-8111-111111111111";
      broken.systems[0].stage = "launched";
      await expect(store.restoreOrg(broken)).rejects.toMatchObject({ code: "validation", issues: [{ path: "systems.0.stage" }] });
      expect(await store.orgs.bySlug("org-b-copy")).toBeNull();
      // valid shape but colliding ids: fails inside the transaction and leaves nothing behind
      const colliding = JSON.parse(JSON.stringify(exported));
      colliding.organization.slug = "org-b-copy";
      colliding.organization.id = "11111111-1111-4111-8111-111111111111";
      await expect(store.restoreOrg(colliding)).rejects.toBeTruthy();
      expect(await store.orgs.bySlug("org-b-copy")).toBeNull();
    });
  });
}
