import { SystemCreateSchema, type UsageRecord } from "@caio/core";
import type { Database, Store } from "@caio/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers } from "../helpers/db.js";
import { usageRecord } from "../helpers/spend.js";
import { testStore } from "../helpers/store.js";

const actor = { label: "local:test" };

const record = (day: string, model: string, cost: bigint | null, extra: Partial<UsageRecord> = {}) =>
  usageRecord(day, cost, { model, modelReported: model, ...extra });

const file = (name: string) => ({ source: "openai-usage" as const, fileName: name, fileSha256: "0".repeat(64) });

for (const driver of drivers()) {
  describe(`spend ledger storage on ${driver.name}`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let store: Store;
    let org: string;
    let other: string;
    beforeAll(async () => {
      ({ db, close } = await driver.open());
      store = testStore(db);
      org = (await store.orgs.create({ name: "Spender", slug: "spender" }, actor)).id;
      other = (await store.orgs.create({ name: "Other", slug: "other" }, actor)).id;
    });
    afterAll(async () => close());

    it("imports once: re-importing a file or an overlapping export changes nothing", async () => {
      const jan = [record("2026-01-01", "gpt-4o", 1_500_000n), record("2026-01-02", "gpt-4o", 2_250_001n), record("2026-01-02", "gpt-4o-mini", 99n)];
      const first = await store.spend.importRecords(org, file("jan.json"), jan, actor);
      expect(first).toMatchObject({ recordsRead: 3, imported: 3, duplicates: 0, dayFrom: "2026-01-01", dayTo: "2026-01-02", costMicros: "3750100" });
      const again = await store.spend.importRecords(org, file("jan.json"), jan, actor);
      expect(again).toMatchObject({ imported: 0, duplicates: 3, costMicros: "0" });
      const overlap = await store.spend.importRecords(org, file("late-jan.json"), [jan[2] as UsageRecord, record("2026-01-03", "gpt-4o", 1n)], actor);
      expect(overlap).toMatchObject({ imported: 1, duplicates: 1 });
      const byModel = await store.spend.rollup(org, "model");
      expect(byModel.map((r) => [r.key, r.costMicros, r.records])).toEqual([
        ["gpt-4o", "3750002", 3],
        ["gpt-4o-mini", "99", 1],
      ]);
      expect(await store.spend.rollup(other, "model")).toEqual([]);
      expect((await store.audit.verify(org)).ok).toBe(true);
    });

    it("prefers billed cost over list cost and filters by day range", async () => {
      await store.spend.importRecords(
        org,
        file("billed.json"),
        [record("2026-02-10", "o3", 5_000_000n, { billedCostMicros: 4_000_000n, projectId: "proj_2" })],
        actor,
      );
      const feb = await store.spend.rollup(org, "month", { from: "2026-02-01", to: "2026-02-28" });
      expect(feb).toEqual([expect.objectContaining({ key: "2026-02", costMicros: "4000000", billedMicros: "4000000", listMicros: "5000000" })]);
    });

    it("rolls back a whole file when any record fails", async () => {
      const before = await store.spend.rollup(org, "day");
      const bad = { ...record("2026-03-01", "gpt-4o", 1n), provider: "x".repeat(10), day: "2026-13-45" };
      await expect(store.spend.importRecords(org, file("bad.json"), [record("2026-03-02", "gpt-4o", 1n), bad], actor)).rejects.toBeTruthy();
      expect(await store.spend.rollup(org, "day")).toEqual(before);
    });

    it("sums exactly, whatever the order and batching (property)", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 40 }), async (costs) => {
          const o = (await store.orgs.create({ name: "P", slug: `p-${Math.random().toString(36).slice(2, 10)}` }, actor)).id;
          const recs = costs.map((c, i) => record(`2026-04-${String((i % 28) + 1).padStart(2, "0")}`, `m${i}`, c));
          await store.spend.importRecords(o, file("a.json"), [...recs].reverse(), actor);
          const total = (await store.spend.rollup(o, "provider"))[0]?.costMicros;
          expect(total).toBe(costs.reduce((a, b) => a + b, 0n).toString());
        }),
        { numRuns: 10 },
      );
    });

    it("stages a large import in batches and commits all or nothing; an aborted session leaves nothing", async () => {
      const o = (await store.orgs.create({ name: "Staged", slug: "staged" }, actor)).id;
      const session = await store.spend.openSession(o, { source: "openai-usage", fileName: "big.jsonl" }, actor);
      const recs = Array.from({ length: 1200 }, (_, i) => record(`2026-05-${String((i % 28) + 1).padStart(2, "0")}`, `m${i}`, BigInt(i)));
      expect(await store.spend.stage(o, session.id, recs.slice(0, 700))).toBe(700);
      expect(await store.spend.stage(o, session.id, recs.slice(700))).toBe(1200);
      expect(await store.spend.rollup(o, "provider")).toEqual([]);
      const summary = await store.spend.commit(o, session.id, "1".repeat(64), actor);
      expect(summary).toMatchObject({ recordsRead: 1200, imported: 1200, duplicates: 0, costMicros: String((1199 * 1200) / 2) });
      await expect(store.spend.commit(o, session.id, "1".repeat(64), actor)).rejects.toThrow(/not found/);
      const s2 = await store.spend.openSession(o, { source: "openai-usage", fileName: "bad.jsonl" }, actor);
      await store.spend.stage(o, s2.id, [record("2026-06-01", "x", 5n)]);
      await store.spend.abort(o, s2.id);
      await expect(store.spend.stage(o, s2.id, [record("2026-06-01", "x", 5n)])).rejects.toThrow(/not found/);
      expect((await store.spend.overview(o)).lastDay).toBe("2026-05-28");
      // A session is scoped to its organization.
      const s3 = await store.spend.openSession(o, { source: "openai-usage", fileName: "mine.jsonl" }, actor);
      await expect(store.spend.stage(other, s3.id, [record("2026-06-01", "x", 5n)])).rejects.toThrow(/not found/);
      await expect(store.spend.commit(other, s3.id, "1".repeat(64), actor)).rejects.toThrow(/not found/);
    });

    it("stores awkward text exactly through the bulk path, across batches, and leaves no staged rows behind", async () => {
      const o = (await store.orgs.create({ name: "Awkward", slug: "awkward" }, actor)).id;
      const staged = async () => Number((await db.query<{ n: number }>("select count(*)::int as n from usage_staged where org_id = $1", [o])).rows[0]?.n);
      const awkward = ['a "quoted" {brace}, comma', "back\\slash \\N", "NULL", "", " spaced ", "line\nbreak\ttab", "ünïcødé ✓ 𝄞", "{}", '"', "'"];
      const recs = Array.from({ length: 12_001 }, (_, i) =>
        record(`2026-07-${String((i % 28) + 1).padStart(2, "0")}`, `m${i % 50}`, BigInt(i), {
          projectId: awkward[i % awkward.length] ?? null,
          userId: i % 3 === 0 ? null : `u${i}`,
          tags: { [awkward[i % 4] ?? "t"]: awkward[(i + 1) % awkward.length] ?? "" },
          requestId: `r-${i}`,
          billedCostMicros: i % 1000 === 0 ? 9_007_199_254_740_993n + BigInt(i) : i % 2 === 0 ? BigInt(i) : null,
        }),
      );
      const session = await store.spend.openSession(o, { source: "openai-usage", fileName: "awkward.jsonl" }, actor);
      expect(await store.spend.stage(o, session.id, recs)).toBe(recs.length);
      expect(await staged()).toBe(recs.length);
      const summary = await store.spend.commit(o, session.id, "2".repeat(64), actor);
      expect(summary).toMatchObject({ recordsRead: recs.length, imported: recs.length, duplicates: 0 });
      expect(await staged()).toBe(0);
      const rows = (
        await db.query<{ record_key: string; project_id: string | null; user_id: string | null; tags: Record<string, string>; billed: string | null }>(
          "select record_key, project_id, user_id, tags, billed_cost_micros::text as billed from usage_records where org_id = $1",
          [o],
        )
      ).rows;
      const byKey = new Map(rows.map((r) => [r.record_key, r]));
      expect(byKey.size).toBe(recs.length);
      for (const r of recs) {
        const got = byKey.get(r.recordKey);
        expect(got, r.recordKey).toEqual({
          record_key: r.recordKey,
          project_id: r.projectId,
          user_id: r.userId,
          tags: r.tags,
          billed: r.billedCostMicros?.toString() ?? null,
        });
      }
      // Staged rows go with an aborted session, an expired one and their organization.
      const s2 = await store.spend.openSession(o, { source: "openai-usage", fileName: "again.jsonl" }, actor);
      await store.spend.stage(o, s2.id, recs.slice(0, 10));
      await store.spend.abort(o, s2.id);
      expect(await staged()).toBe(0);
      const s3 = await store.spend.openSession(o, { source: "openai-usage", fileName: "left.jsonl" }, actor);
      await store.spend.stage(o, s3.id, recs.slice(0, 10));
      await db.query("update usage_import_sessions set created_at = created_at - interval '2 days' where id = $1", [s3.id]);
      await store.spend.openSession(o, { source: "openai-usage", fileName: "next.jsonl" }, actor);
      expect(await staged()).toBe(0);
      const s4 = await store.spend.openSession(o, { source: "openai-usage", fileName: "gone.jsonl" }, actor);
      await store.spend.stage(o, s4.id, recs.slice(0, 10));
      expect(await staged()).toBe(10);
      await store.orgs.remove(o);
      expect(await staged()).toBe(0);
      expect(Number((await db.query<{ n: number }>("select count(*)::int as n from usage_records where org_id = $1", [o])).rows[0]?.n)).toBe(0);
    });

    it("an hourly export of usage already imported as daily buckets is not counted twice", async () => {
      const o = (await store.orgs.create({ name: "Widths", slug: "widths" }, actor)).id;
      const daily = record("2026-07-01", "gpt-4o", 2_400n, { periodStart: "2026-07-01T00:00:00.000Z", periodEnd: "2026-07-02T00:00:00.000Z" });
      await store.spend.importRecords(o, file("daily.json"), [daily], actor);
      const hours = Array.from({ length: 24 }, (_, h) => {
        const start = `2026-07-01T${String(h).padStart(2, "0")}:00:00.000Z`;
        return record("2026-07-01", "gpt-4o", 100n, { periodStart: start, periodEnd: new Date(Date.parse(start) + 3_600_000).toISOString(), hour: h });
      });
      const second = await store.spend.importRecords(
        o,
        file("hourly.json"),
        [...hours, record("2026-07-02", "gpt-4o", 7n, { periodStart: "2026-07-02T00:00:00.000Z", periodEnd: "2026-07-02T01:00:00.000Z", hour: 0 })],
        actor,
      );
      expect(second).toMatchObject({ recordsRead: 25, imported: 1, duplicates: 24 });
      expect((await store.spend.overview(o)).costMicros).toBe("2407");
      // Another project is another series: not an overlap.
      const third = await store.spend.importRecords(
        o,
        file("other-project.json"),
        [{ ...hours[0], projectId: "proj_9", recordKey: "f".repeat(64) } as UsageRecord],
        actor,
      );
      expect(third.imported).toBe(1);
    });

    it("a cost statement is the figure of record, spread over the day's usage by list price; gateway logs of the same traffic are not added", async () => {
      const o = (await store.orgs.create({ name: "Sources", slug: "sources" }, actor)).id;
      const day = "2026-08-03";
      await store.spend.importRecords(o, file("usage.json"), [record(day, "gpt-4o", 3_000_000n), record(day, "gpt-4o-mini", 1_000_000n)], actor);
      await store.spend.importRecords(
        o,
        { source: "openai-costs", fileName: "costs.json", fileSha256: "2".repeat(64) },
        [
          record(day, "unknown", null, {
            source: "openai-costs",
            modelReported: null,
            uncachedInput: 0,
            cacheRead: 0,
            output: 0,
            requests: 0,
            billedCostMicros: 3_600_000n,
            tags: { line_item: "completions" },
          }),
        ],
        actor,
      );
      await store.spend.importRecords(
        o,
        { source: "litellm", fileName: "spendlogs.csv", fileSha256: "3".repeat(64) },
        [record(day, "gpt-4o", 2_900_000n, { source: "litellm", requestId: "req-1", billedCostMicros: 2_950_000n })],
        actor,
      );
      const byModel = await store.spend.rollup(o, "model");
      expect(byModel.map((r) => [r.key, r.costMicros])).toEqual([
        ["gpt-4o", "2700000"],
        ["gpt-4o-mini", "900000"],
      ]);
      expect(byModel.map((r) => r.billedMicros)).toEqual(["2700000", "900000"]);
      const overview = await store.spend.overview(o);
      expect(overview).toMatchObject({ costMicros: "3600000", billedMicros: "3600000", records: 4, supersededRecords: 1 });
      // Tokens are counted once, from the provider's usage export.
      expect((await store.spend.rollup(o, "provider"))[0]).toMatchObject({ inputTokens: "2400", outputTokens: "600" });
    });

    it("attribution rules assign spend to systems and teams, first match wins; the rest is unattributed", async () => {
      const o = (await store.orgs.create({ name: "Rules", slug: "rules" }, actor)).id;
      const sys = await store.systems.create(o, SystemCreateSchema.parse({ name: "Support bot", purpose: "answers tickets" }), actor);
      const day = "2026-09-01";
      await store.spend.importRecords(
        o,
        file("rules.json"),
        [
          record(day, "gpt-4o", 500n, { projectId: "proj_support" }),
          record(day, "gpt-4o-mini", 300n, { projectId: "proj_other", tags: { env: "prod" } }),
          record(day, "o3", 200n, { projectId: null, apiKeyHash: (await import("@caio/core/node")).hashApiKey("openai", "key_abc123") }),
        ],
        actor,
      );
      await store.spendRules.createRule(o, { field: "project", value: "proj_support", systemId: sys.id, team: "Customer Ops" }, actor);
      await store.spendRules.createRule(o, { field: "tag", key: "env", value: "prod", team: "Platform" }, actor);
      const keyRule = await store.spendRules.createRule(o, { field: "api_key", value: "key_abc123", provider: "openai", systemId: sys.id }, actor);
      expect(keyRule.value).not.toContain("key_abc123");
      expect(keyRule.hint).toBe("openai:key_ab…23");
      expect((await store.spend.rollup(o, "system")).map((r) => [r.key, r.costMicros])).toEqual([
        ["Support bot", "700"],
        ["(unattributed)", "300"],
      ]);
      expect((await store.spend.rollup(o, "team")).map((r) => [r.key, r.costMicros])).toEqual([
        ["Customer Ops", "500"],
        ["Platform", "300"],
        ["(unattributed)", "200"],
      ]);
      expect((await store.spend.overview(o)).unattributedMicros).toBe("300");
      const rules = await store.spendRules.listRules(o);
      expect(rules.map((r) => r.matchedMicros)).toEqual(["500", "300", "200"]);
      // Another organization's rules and systems are invisible.
      expect(await store.spendRules.listRules(other)).toEqual([]);
      await expect(store.spendRules.createRule(other, { field: "project", value: "proj_support", systemId: sys.id }, actor)).rejects.toThrow(/system/);
      await store.spendRules.removeRule(o, rules[0]?.id ?? "", actor);
      expect((await store.spend.rollup(o, "system")).map((r) => [r.key, r.costMicros])).toEqual([
        ["(unattributed)", "800"],
        ["Support bot", "200"],
      ]);
      expect((await store.audit.verify(o)).ok).toBe(true);
    });

    it("negotiated rates are stored per organization, one per provider and model", async () => {
      const o = (await store.orgs.create({ name: "Rates", slug: "rates" }, actor)).id;
      const a = await store.spendRules.setRate(o, { provider: "openai", multiplier: "0.8" }, actor);
      const b = await store.spendRules.setRate(o, { provider: "openai", multiplier: "0.75", note: "2026 EA" }, actor);
      expect(b.id).toBe(a.id);
      await store.spendRules.setRate(o, { provider: "openai", model: "gpt-4o", prices: { inputMtok: "2", outputMtok: "8" } }, actor);
      expect((await store.spendRules.listRates(o)).map((r) => [r.model, r.multiplier, r.prices])).toEqual([
        [null, "0.75", null],
        ["gpt-4o", null, { inputMtok: "2", outputMtok: "8" }],
      ]);
      expect(await store.spendRules.listRates(other)).toEqual([]);
      await store.spendRules.removeRate(o, a.id, actor);
      expect(await store.spendRules.listRates(o)).toHaveLength(1);
    });
  });
}
