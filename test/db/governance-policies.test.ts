import { createHash } from "node:crypto";
import { type ClassificationResult, ConflictError, NotFoundError, SystemCreateSchema, VendorCreateSchema } from "@caio/core";
import { digestOf } from "@caio/core/node";
import { type Database, policyLabel, policySnapshot, type Store } from "@caio/db";
import { collectPolicyFacts, generatePolicies, policyList } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { fakeClock, testStore } from "../helpers/store.js";

const editor = { label: "user:editor@acme.example" };
const approver = { label: "user:counsel@acme.example" };
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** A classification result as the rules engine would store it (hand-built: the engine is not needed here). */
const highRisk: ClassificationResult = {
  rulesetVersion: "test-1",
  law: "original",
  asOf: "2026-11-23",
  status: "complete",
  labels: [
    {
      kind: "high-risk",
      basis: "Annex III point 4(a): recruitment and selection",
      cite: ["AI Act Art 6(2)", "AI Act Annex III point 4(a)"],
      ruleId: "r.test.hr",
    },
  ],
  roles: [{ role: "deployer", reason: "uses the system under its authority", cite: ["AI Act Art 3(4)"] }],
  conformityRoute: null,
  obligations: [],
  extraChecks: [],
  unknowns: [],
  pending: [],
};

for (const driver of drivers()) {
  describe(`policies on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let org: string;
    let other: string;
    const clock = fakeClock();
    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db, {
        clock: () => {
          clock.advance(1000);
          return clock.now();
        },
      });
      org = (await store.orgs.create({ name: "Acme Hiring", slug: "acme" }, editor)).id;
      other = (await store.orgs.create({ name: "Other Co", slug: "other" }, editor)).id;
      const vendor = await store.vendors.create(
        org,
        VendorCreateSchema.parse({ name: "Anthropic", dataTerms: { trainsOnCustomerData: "no", retentionDays: 30, dpaSigned: true, dataRegion: "US" } }),
        editor,
      );
      const model = await store.components.create(
        org,
        {
          kind: "model",
          name: "Claude Sonnet",
          provider: "anthropic",
          identifier: "claude-sonnet-4-5",
          version: "",
          hosting: "vendor-api",
          vendorId: vendor.id,
          notes: "",
          systemIds: [],
        },
        editor,
      );
      const cv = await store.systems.create(
        org,
        SystemCreateSchema.parse({
          name: "CV screening",
          stage: "pilot",
          decisionsAffectingPeople: "informs",
          personalData: ["personal"],
          businessOwner: "Head of Talent",
          componentIds: [model.id],
        }),
        editor,
      );
      await store.governance.saveClassification(org, cv.id, { law: "original", asOf: "2026-11-23", answers: {}, result: highRisk }, approver);
    });
    afterAll(async () => close());

    it("generates the four policies from the facts, classifications included, once per change of facts", async () => {
      const facts = await collectPolicyFacts(store, org);
      expect(facts.systems[0]).toMatchObject({ name: "CV screening", vendors: ["Anthropic"], classification: { labels: [{ kind: "high-risk" }] } });
      const first = await generatePolicies(store, org, ["acceptable-use", "third-party-data", "generated-content", "customer-facing"], editor);
      expect(first.map((o) => [o.kind, o.outcome, o.version?.version, o.version?.status])).toEqual([
        ["acceptable-use", "created", 1, "draft"],
        ["third-party-data", "created", 1, "draft"],
        ["generated-content", "created", 1, "draft"],
        ["customer-facing", "created", 1, "draft"],
      ]);
      const cf = await store.policies.get(org, first[3]?.version?.id ?? "");
      expect(cf.markdown).toContain("Annex III point 4(a): recruitment and selection");
      expect(cf.markdown).toContain("Acme Hiring");
      expect(cf.digest).toBe(sha256(cf.markdown));
      const again = await generatePolicies(store, org, ["customer-facing"], editor);
      expect(again[0]).toMatchObject({ outcome: "unchanged", version: { id: cf.id, version: 1 } });
      // Another organization sees none of it.
      expect((await policyList(store, other)).items.every((p) => p.versions.length === 0)).toBe(true);
      await expect(store.policies.get(other, cf.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("runs draft → in review → rejected → in review → approved, each step in the ledger with the digest", async () => {
      const v1 = await store.policies.latest(org, "acceptable-use");
      if (!v1) throw new Error("no version");
      const submitted = await store.policies.submit(org, v1.id, editor);
      expect(submitted).toMatchObject({ status: "in-review", submittedBy: editor.label });
      await expect(store.policies.createVersion(org, "acceptable-use", "# Changed\n", "edited", editor)).rejects.toThrow(/in review/);
      expect((await generatePolicies(store, org, ["acceptable-use"], editor))[0]?.outcome).toBe("skipped");
      await expect(store.policies.submit(org, v1.id, editor)).rejects.toThrow(/already in review/);
      const rejected = await store.policies.reject(org, v1.id, "Name the training provider.", approver);
      expect(rejected).toMatchObject({ status: "draft", rejectedBy: approver.label, rejectionReason: "Name the training provider." });
      await expect(store.policies.approve(org, v1.id, { note: "" }, approver)).rejects.toThrow(/submit it for review/);
      await store.policies.submit(org, v1.id, editor);
      await expect(store.policies.approve(org, v1.id, { note: "", digest: "0".repeat(64) }, approver)).rejects.toThrow(/not the 0+ you approved/);
      const approved = await store.policies.approve(org, v1.id, { note: "Board meeting 2026-11-23", digest: v1.digest }, approver);
      expect(approved).toMatchObject({ status: "approved", approvedBy: approver.label, approvalNote: "Board meeting 2026-11-23", digest: v1.digest });

      const entries = (await store.audit.list(org, { entityType: "policy", entityId: v1.id, limit: 100 })).items.reverse();
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ["create", editor.label],
        ["update", editor.label],
        ["update", approver.label],
        ["update", editor.label],
        ["update", approver.label],
      ]);
      // Every entry names the exact text by its digest; the approval's digest can be recomputed from the stored version.
      for (const e of entries) expect(e.entityLabel).toBe(`AI acceptable use v1 · sha256:${v1.digest}`);
      expect(policyLabel(approved)).toBe(entries[4]?.entityLabel);
      expect(entries[4]?.afterDigest).toBe(digestOf(policySnapshot(approved)));
      expect(policySnapshot(approved)).toMatchObject({ status: "approved", approvedBy: approver.label, digest: sha256(approved.markdown) });
      expect((await store.audit.verify(org)).ok).toBe(true);
    });

    it("never changes an approved version: the store refuses, and so does the database", async () => {
      const v1 = await store.policies.latest(org, "acceptable-use");
      if (v1?.status !== "approved") throw new Error("v1 is not approved");
      const ledger = (await store.audit.verify(org)).entries;
      await expect(store.policies.submit(org, v1.id, editor)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.policies.reject(org, v1.id, "no", approver)).rejects.toThrow(/approved and cannot change/);
      await expect(store.policies.approve(org, v1.id, { note: "again" }, approver)).rejects.toThrow(/approved and cannot change/);
      const sqlRefusals = [
        ["update policy_versions set markdown = 'tampered' || markdown where org_id = $1 and id = $2", /text of a version never changes|policy_digest_matches/],
        [
          "update policy_versions set markdown = 'x', digest = encode(sha256(convert_to('x', 'UTF8')), 'hex') where org_id = $1 and id = $2",
          /text of a version never changes/,
        ],
        ["update policy_versions set status = 'draft' where org_id = $1 and id = $2", /approved: it cannot change/],
        ["update policy_versions set approval_note = 'edited later' where org_id = $1 and id = $2", /approved: it cannot change/],
        ["update policy_versions set approved_by = 'user:someone-else' where org_id = $1 and id = $2", /approved: it cannot change/],
        ["delete from policy_versions where org_id = $1 and id = $2", /cannot be deleted/],
      ] as const;
      for (const [sql, error] of sqlRefusals) await expect(db.query(sql, [org, v1.id]), sql).rejects.toThrow(error);
      // A digest that does not match the text cannot even be inserted.
      await expect(
        db.query(
          `insert into policy_versions (id, org_id, kind, version, status, source, markdown, digest, created_by, created_at)
           values (gen_random_uuid(), $1, 'acceptable-use', 99, 'draft', 'edited', 'text', $2, 'x', now())`,
          [org, "0".repeat(64)],
        ),
      ).rejects.toThrow(/policy_digest_matches/);
      const now = await store.policies.get(org, v1.id);
      expect(now).toEqual(v1);
      expect((await store.audit.verify(org)).entries).toBe(ledger);
    });

    it("supersedes the approved version when a later one is approved; edits make new versions", async () => {
      const v1 = await store.policies.latest(org, "acceptable-use");
      if (!v1) throw new Error("no version");
      const edited = `${v1.markdown}\n## Local rule\n\nNo AI note-takers in board meetings.\n`;
      const { created, version: v2 } = await store.policies.createVersion(org, "acceptable-use", edited, "edited", editor, { basedOn: v1.id });
      expect(created).toBe(true);
      expect(v2).toMatchObject({ version: 2, status: "draft", source: "edited", createdBy: editor.label });
      expect(v2.markdown.endsWith("No AI note-takers in board meetings.\n")).toBe(true);
      // Only the latest version can be the base of an edit, and a second draft of v2 makes v3.
      await expect(store.policies.createVersion(org, "acceptable-use", "# Other\n", "edited", editor, { basedOn: v1.id })).rejects.toThrow(/not the latest/);
      const { version: v3 } = await store.policies.createVersion(org, "acceptable-use", `${edited}\nOne more line.\n`, "edited", editor, { basedOn: v2.id });
      await expect(store.policies.submit(org, v2.id, editor)).rejects.toThrow(/not the latest version \(v3 is\)/);
      await store.policies.submit(org, v3.id, editor);
      const approved = await store.policies.approve(org, v3.id, { note: "" }, approver);
      expect(approved.status).toBe("approved");
      const old = await store.policies.get(org, v1.id);
      expect(old).toMatchObject({ status: "superseded", supersededBy: 3, approvedBy: approver.label, markdown: v1.markdown });
      // The superseded version is frozen too.
      await expect(db.query("update policy_versions set superseded_by = 2 where org_id = $1 and id = $2", [org, v1.id])).rejects.toThrow(
        /superseded: it cannot change/,
      );
      await expect(db.query("delete from policy_versions where org_id = $1 and id = $2", [org, v1.id])).rejects.toThrow(/cannot be deleted/);
      const list = await policyList(store, org);
      const au = list.items.find((p) => p.kind === "acceptable-use");
      expect(au?.versions.map((v) => [v.version, v.status])).toEqual([
        [3, "approved"],
        [2, "draft"],
        [1, "superseded"],
      ]);
      expect(au?.approved?.version).toBe(3);
      expect(au?.latest?.version).toBe(3);
      const supersession = (await store.audit.list(org, { entityType: "policy", entityId: v1.id, limit: 1 })).items[0];
      expect(supersession).toMatchObject({ actor: approver.label, action: "update", afterDigest: digestOf(policySnapshot(old)) });
      // Exactly one approved version per policy, enforced by the database.
      await expect(db.query("update policy_versions set status = 'in-review' where org_id = $1 and id = $2", [org, v2.id])).resolves.toBeDefined();
      await expect(
        db.query("update policy_versions set status = 'approved', approved_by = 'x', approved_at = now() where org_id = $1 and id = $2", [org, v2.id]),
      ).rejects.toThrow(/policy_versions_one_approved/);
      expect((await store.audit.verify(org)).ok).toBe(true);
    });

    it("exports and restores every version, and deletes them with their organization", async () => {
      const doc = await store.exportOrg(org);
      expect(doc.policies.versions.length).toBe(6);
      const target = await driver.open();
      try {
        const copy = testStore(target.db);
        await copy.restoreOrg(JSON.parse(JSON.stringify(doc)));
        const restored = await copy.orgs.bySlug("acme");
        if (!restored) throw new Error("not restored");
        expect(await copy.policies.list(restored.id)).toEqual(await store.policies.list(org));
        expect((await copy.exportOrg(restored.id)).policies).toEqual(doc.policies);
        expect((await copy.audit.verify(restored.id)).ok).toBe(true);
      } finally {
        await target.close();
      }
      // Exports made before policies existed still load.
      const { policies: _p, ...old } = doc;
      const target2 = await driver.open();
      try {
        await testStore(target2.db).restoreOrg(JSON.parse(JSON.stringify(old)));
      } finally {
        await target2.close();
      }
      await store.orgs.remove(org);
      expect((await db.query("select count(*)::int as n from policy_versions where org_id = $1", [org])).rows[0]).toEqual({ n: 0 });
    });
  });
}
