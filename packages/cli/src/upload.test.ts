import { toWireRecord, type UsageRecord } from "@caio/core";
import { describe, expect, it } from "vitest";
import { type ApiClient, RawJson } from "./client.js";
import { type SerializedBatch, UPLOAD_BATCH, uploadRecords } from "./upload.js";

const record = (i: number): UsageRecord => ({
  recordKey: i.toString(16).padStart(64, "0"),
  source: "csv",
  day: "2026-10-01",
  hour: null,
  periodStart: "2026-10-01T00:00:00.000Z",
  periodEnd: "2026-10-02T00:00:00.000Z",
  provider: "openai",
  model: "gpt-4o-mini",
  modelReported: "gpt-4o-mini",
  projectId: null,
  workspaceId: null,
  apiKeyHash: null,
  userId: null,
  team: null,
  requestId: `r${i}`,
  tags: {},
  uncachedInput: 10,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 1,
  reasoning: 0,
  inputAudio: 0,
  outputAudio: 0,
  webSearches: 0,
  requests: 1,
  batch: false,
  serviceTier: "standard",
  longContext: false,
  billedCostMicros: null,
  listCostMicros: 1n,
  currency: "USD",
});

/** Records in batches of `size`, throwing `fail` after `failAfter` records when given. */
async function* batches(total: number, size: number, failAfter?: number): AsyncIterable<UsageRecord[]> {
  for (let i = 0; i < total; i += size) {
    if (failAfter !== undefined && i >= failAfter) throw new Error("row 12345: bad date");
    yield Array.from({ length: Math.min(size, total - i) }, (_, j) => record(i + j));
  }
}

/** A client that records the calls and answers each stage request after a delay, like a busy database. */
function fakeClient(opts: { failStage?: number } = {}) {
  const calls: string[] = [];
  const received: string[] = [];
  let active = 0;
  let maxActive = 0;
  let staged = 0;
  const client: ApiClient = {
    mode: "local",
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      if (method === "POST" && path.endsWith("/import-sessions")) {
        calls.push("open");
        return { id: "s1" } as T;
      }
      if (method === "POST" && path.endsWith("/records")) {
        // Batches serialized by worker threads arrive as JSON text.
        const records = (body instanceof RawJson ? JSON.parse(body.text) : body) as { records: { requestId: string }[] };
        const n = records.records.length;
        received.push(...records.records.map((r) => r.requestId));
        const index = calls.filter((c) => c.startsWith("stage")).length;
        calls.push(`stage ${n}`);
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        if (opts.failStage === index) throw new Error("record 3: invalid");
        staged += n;
        calls.push(`staged ${staged}`);
        return { recordsStaged: staged } as T;
      }
      if (method === "POST" && path.endsWith("/commit")) {
        calls.push(`commit ${staged}`);
        return { imported: staged } as T;
      }
      if (method === "DELETE") {
        calls.push(`drop (active ${active})`);
        return undefined as T;
      }
      throw new Error(`unexpected ${method} ${path}`);
    },
    download: () => Promise.reject(new Error("not used")),
    close: async () => undefined,
  };
  return { client, calls, received, maxActive: () => maxActive };
}

const file = { source: "csv" as const, fileName: "usage.csv", fileSha256: "0".repeat(64) };

describe("uploadRecords", () => {
  it("sends full batches in order, one at a time, then commits everything", async () => {
    const { client, calls, maxActive } = fakeClient();
    const progress: number[] = [];
    const total = UPLOAD_BATCH * 2 + 7;
    const summary = await uploadRecords(client, "acme", file, batches(total, 1024), (n) => progress.push(n));
    expect(summary).toEqual({ imported: total });
    expect(calls).toEqual([
      "open",
      `stage ${UPLOAD_BATCH}`,
      `staged ${UPLOAD_BATCH}`,
      `stage ${UPLOAD_BATCH}`,
      `staged ${UPLOAD_BATCH * 2}`,
      "stage 7",
      `staged ${total}`,
      `commit ${total}`,
    ]);
    expect(maxActive()).toBe(1);
    expect(progress).toEqual([UPLOAD_BATCH, UPLOAD_BATCH * 2, total]);
  });

  it("drops the staged import after the batch in flight settles when reading fails, and rethrows", async () => {
    const { client, calls } = fakeClient();
    await expect(uploadRecords(client, "acme", file, batches(UPLOAD_BATCH * 3, 1000, UPLOAD_BATCH + 5000))).rejects.toThrow("row 12345: bad date");
    expect(calls.at(-1)).toBe("drop (active 0)");
    expect(calls.some((c) => c.startsWith("commit"))).toBe(false);
  });

  it("raises a failed batch, drops the staged import and never commits", async () => {
    const { client, calls } = fakeClient({ failStage: 0 });
    await expect(uploadRecords(client, "acme", file, batches(UPLOAD_BATCH * 3, 1000))).rejects.toThrow("record 3: invalid");
    expect(calls.filter((c) => c.startsWith("stage"))).toEqual([`stage ${UPLOAD_BATCH}`]);
    expect(calls.at(-1)).toBe("drop (active 0)");
    expect(calls.some((c) => c.startsWith("commit"))).toBe(false);
  });

  it("sends batches serialized by worker threads as they are, after the records read before them", async () => {
    const { client, calls, received, maxActive } = fakeClient();
    async function* mixed(): AsyncIterable<UsageRecord[] | SerializedBatch> {
      yield [record(0), record(1)];
      const wire = [2, 3, 4].map((i) => toWireRecord(record(i)));
      yield { json: JSON.stringify(wire), count: 3 };
      yield { json: "[]", count: 0 };
      yield [record(5)];
    }
    const summary = await uploadRecords(client, "acme", file, mixed());
    expect(summary).toEqual({ imported: 6 });
    expect(calls.filter((c) => c.startsWith("stage "))).toEqual(["stage 2", "stage 3", "stage 1"]);
    expect(received).toEqual(["r0", "r1", "r2", "r3", "r4", "r5"]);
    expect(maxActive()).toBe(1);
  });
});
