import { createHash } from "node:crypto";
import { type BoardReport, blankBoardReport, quarterRange } from "@caio/core";
import { digestOf } from "@caio/core/node";
import type { Database, Store } from "@caio/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { fakeClock, testStore } from "../helpers/store.js";

const actor = { label: "local:test" };
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A minimal valid model: the store keeps whatever model the bytes came from. */
function model(org: { id: string; slug: string; name: string }, quarter: string): BoardReport {
  const { from, to } = quarterRange(quarter);
  const m = blankBoardReport({ org, quarter, period: { from, to, asOf: to, complete: true }, generatedAt: "2026-11-23T09:00:00.000Z" });
  return { ...m, summary: ["AI spend was $0.00."] };
}

const html = (text: string) => new TextEncoder().encode(`<!doctype html><html lang="en"><title>${text}</title><h1>${text}</h1></html>`);
/** Bytes that are not valid UTF-8, to show the store keeps binaries exactly. */
const binary = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x00]);

for (const driver of drivers()) {
  describe(`board pack snapshots on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let org: { id: string; slug: string; name: string };
    let other: { id: string; slug: string; name: string };
    const clock = fakeClock();

    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db, { clock: clock.now });
      org = await store.orgs.create({ name: "Acme", slug: "acme" }, actor);
      other = await store.orgs.create({ name: "Other", slug: "other" }, actor);
    });
    afterAll(async () => close());

    const create = async (o: { id: string; slug: string; name: string }, quarter: string, content: Uint8Array, format: "html" | "pdf" = "html") => {
      clock.advance(1000);
      return store.reports.create(
        o.id,
        {
          quarter,
          format,
          title: `${o.name} — AI board pack ${quarter}`,
          mediaType: format === "pdf" ? "application/pdf" : "text/html; charset=utf-8",
          content,
          model: model(o, quarter),
        },
        actor,
      );
    };

    it("stores the exact bytes with their digest, lists newest first and reads them back", async () => {
      const a = await create(org, "2026-Q2", html("Q2"));
      const b = await create(org, "2026-Q3", binary, "pdf");
      expect(a).toMatchObject({ quarter: "2026-Q2", format: "html", bytes: html("Q2").byteLength, sha256: sha(html("Q2")), createdBy: actor.label });
      expect((await store.reports.list(org.id)).map((s) => s.id)).toEqual([b.id, a.id]);
      const got = await store.reports.getContent(org.id, b.id);
      expect(got?.snapshot).toEqual(b);
      expect(Buffer.from(got?.content ?? new Uint8Array()).equals(Buffer.from(binary))).toBe(true);
      expect(await store.reports.get(org.id, b.id)).toEqual({ ...b, verified: true, ledgerSha256: sha(binary) });
      expect((await store.reports.model(org.id, a.id))?.quarter).toBe("2026-Q2");
    });

    it("writes a report.generated entry to the audit ledger carrying the digest, and the ledger still verifies", async () => {
      const s = await create(org, "2026-Q1", html("Q1"));
      const entry = (await store.audit.list(org.id, { entityType: "report", entityId: s.id, limit: 10 })).items;
      expect(entry).toHaveLength(1);
      expect(entry[0]).toMatchObject({ action: "create", actor: actor.label, entityLabel: `Board pack 2026-Q1 (HTML) · sha256:${s.sha256}` });
      expect(entry[0]?.afterDigest).toBe(
        digestOf({ event: "report.generated", id: s.id, quarter: "2026-Q1", format: "html", bytes: s.bytes, sha256: s.sha256 }),
      );
      expect((await store.audit.verify(org.id)).ok).toBe(true);
    });

    it("rejects any UPDATE and DELETE of a snapshot in the database itself", async () => {
      const s = await create(org, "2025-Q4", html("Q4"));
      await expect(db.query("update report_snapshots set title = 'changed' where org_id = $1 and id = $2", [org.id, s.id])).rejects.toThrow(
        /immutable snapshot: it cannot change/,
      );
      await expect(
        db.query("update report_snapshots set content = $3, sha256 = $4, bytes = $5 where org_id = $1 and id = $2", [
          org.id,
          s.id,
          Buffer.from(html("forged")),
          sha(html("forged")),
          html("forged").byteLength,
        ]),
      ).rejects.toThrow(/immutable/);
      await expect(db.query("delete from report_snapshots where org_id = $1 and id = $2", [org.id, s.id])).rejects.toThrow(/cannot be deleted/);
      expect((await store.reports.get(org.id, s.id))?.verified).toBe(true);
    });

    it("refuses bytes that do not match the stored digest or size", async () => {
      await expect(
        db.query(
          `insert into report_snapshots (id, org_id, quarter, format, title, media_type, content, sha256, bytes, model, created_by, created_at)
           values (gen_random_uuid(), $1, '2026-Q1', 'html', 't', 'text/html', $2, $3, $4, '{}', 'x', now())`,
          [org.id, Buffer.from(html("a")), sha(html("b")), html("a").byteLength],
        ),
      ).rejects.toThrow(/report_snapshot_digest_matches/);
    });

    it("detects tampering done behind the trigger's back: changed bytes no longer match the ledger", async () => {
      const s = await create(org, "2026-Q3", html("original"));
      const forged = html("original");
      const at = forged.length - 10;
      forged[at] = (forged[at] ?? 0) ^ 0x01; // change one byte
      await db.exec("alter table report_snapshots disable trigger report_snapshots_guard");
      try {
        // A careful forger recomputes the digest and size so the row's own checks pass.
        await db.query("update report_snapshots set content = $3, sha256 = $4, bytes = $5 where org_id = $1 and id = $2", [
          org.id,
          s.id,
          Buffer.from(forged),
          sha(forged),
          forged.byteLength,
        ]);
      } finally {
        await db.exec("alter table report_snapshots enable trigger report_snapshots_guard");
      }
      const got = await store.reports.get(org.id, s.id);
      expect(got?.verified).toBe(false);
      expect(got?.sha256).toBe(sha(forged));
      expect(got?.ledgerSha256).toBe(s.sha256);
      expect(got?.ledgerSha256).not.toBe(got?.sha256);
    });

    it("keeps organizations apart", async () => {
      const mine = await create(org, "2026-Q2", html("mine"));
      const theirs = await create(other, "2026-Q2", html("theirs"));
      expect((await store.reports.list(other.id)).map((s) => s.id)).toEqual([theirs.id]);
      expect(await store.reports.get(other.id, mine.id)).toBeNull();
      expect(await store.reports.getContent(other.id, mine.id)).toBeNull();
      expect(await store.reports.model(other.id, mine.id)).toBeNull();
      expect((await store.reports.list(org.id)).map((s) => s.id)).not.toContain(theirs.id);
    });

    it("exports and restores the packs byte for byte, and a deleted organization takes its packs with it", async () => {
      const doc = await store.exportOrg(other.id);
      expect(doc.reports.snapshots).toHaveLength(1);
      const [before] = await store.reports.list(other.id);
      await store.orgs.remove(other.id);
      expect(await store.reports.list(other.id)).toEqual([]);
      await store.restoreOrg(doc);
      const [after] = await store.reports.list(other.id);
      expect(after).toEqual(before);
      if (!after) throw new Error("not restored");
      const got = await store.reports.get(other.id, after.id);
      expect(got?.verified).toBe(true);
      expect(new TextDecoder().decode((await store.reports.getContent(other.id, after.id))?.content)).toContain("<h1>theirs</h1>");
      expect(await store.exportOrg(other.id)).toEqual(doc);
    });
  });
}
