import type { UsageRecord } from "@caio/core";
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
  });
}
