import { SystemCreateSchema } from "@caio/core";
import type { Database, Store } from "@caio/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { testStore } from "../helpers/store.js";

const actor = { label: "local:test" };

for (const driver of drivers()) {
  describe(`audit ledger tamper detection on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let org: string;

    beforeEach(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db);
      org = (await store.orgs.create({ name: "Ledger", slug: "ledger" }, actor)).id;
      for (const name of ["One", "Two", "Three", "Four"]) await store.systems.create(org, SystemCreateSchema.parse({ name }), actor);
      // entries: 1 org create, 2..5 system creates
    });
    afterEach(async () => close());

    it("verifies an untouched ledger", async () => {
      expect(await store.audit.verify(org)).toMatchObject({ ok: true, entries: 5, firstBroken: null });
    });

    it("names an edited entry", async () => {
      await db.query("update audit_entries set actor = 'someone else' where org_id = $1 and seq = 3", [org]);
      expect(await store.audit.verify(org)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringContaining("edited") } });
    });

    it("detects an edit that also recomputes the entry's own hash", async () => {
      const { createHash } = await import("node:crypto");
      await db.query("update audit_entries set hash = $2 where org_id = $1 and seq = 2", [org, createHash("sha256").update("forged").digest("hex")]);
      const v = await store.audit.verify(org);
      expect(v.ok).toBe(false);
      expect(v.firstBroken?.seq).toBe(2);
    });

    it("names the gap left by a deleted entry", async () => {
      await db.query("delete from audit_entries where org_id = $1 and seq = 3", [org]);
      expect(await store.audit.verify(org)).toMatchObject({ ok: false, firstBroken: { seq: 4, reason: expect.stringContaining("entry 3") } });
    });

    it("detects entries deleted from the end", async () => {
      await db.query("delete from audit_entries where org_id = $1 and seq >= 4", [org]);
      expect(await store.audit.verify(org)).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
    });

    it("detects reordered entries", async () => {
      await db.query("update audit_entries set seq = -1 where org_id = $1 and seq = 2", [org]);
      await db.query("update audit_entries set seq = 2 where org_id = $1 and seq = 3", [org]);
      await db.query("update audit_entries set seq = 3 where org_id = $1 and seq = -1", [org]);
      expect(await store.audit.verify(org)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
    });

    it("does not let one organization's ledger affect another's", async () => {
      const other = (await store.orgs.create({ name: "Other", slug: "other" }, actor)).id;
      await db.query("update audit_entries set actor = 'x' where org_id = $1 and seq = 2", [org]);
      expect((await store.audit.verify(other)).ok).toBe(true);
    });
  });
}
