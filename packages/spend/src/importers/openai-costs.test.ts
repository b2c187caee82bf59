import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importFailure, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { bytesSource, openByteSource } from "../input.js";
import { hashApiKey } from "../record.js";
import { anthropicCostImporter } from "./anthropic-cost.js";
import { openaiCostsImporter } from "./openai-costs.js";

const BASE = 1_761_955_200; // 2025-11-01T00:00:00Z
const DAY = 86_400;

/** Mutates the first page of a golden (one page or an array of pages) and pretty-prints it. */
function mutate(golden: string, fn: (page: Json) => void): string {
  const doc = JSON.parse(golden);
  fn(Array.isArray(doc) ? doc[0] : doc);
  return JSON.stringify(doc, null, 2);
}

function page(buckets: { day: number; results: Json[] }[]): Json {
  return {
    object: "page",
    data: buckets.map((b) => ({ object: "bucket", start_time: BASE + b.day * DAY, end_time: BASE + (b.day + 1) * DAY, results: b.results })),
    has_more: false,
    next_page: null,
  };
}

const result = (value: unknown, line_item: string | null = null, project_id: string | null = null): Json => ({
  object: "organization.costs.result",
  amount: { value, currency: "usd" },
  line_item,
  project_id,
});

describeImporter({
  importer: openaiCostsImporter,
  dir: "openai-costs",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, Math.floor(g.length * 0.6)), line: true, reason: /truncated JSON/ },
    {
      name: "amount.value as a string",
      input: (g) => mutate(g, (p) => (p.data[0].results[1].amount.value = "1234.567890")),
      record: "page 1 data[0].results[1]",
      field: "amount.value",
      reason: /number of dollars \(a JSON number, not a string\)/,
    },
    {
      name: "missing amount",
      input: (g) => mutate(g, (p) => delete p.data[0].results[0].amount),
      record: "page 1 data[0].results[0]",
      field: "amount",
      reason: /is required/,
    },
    {
      name: "missing amount.value",
      input: (g) => mutate(g, (p) => delete p.data[0].results[2].amount.value),
      record: "page 1 data[0].results[2]",
      field: "amount.value",
      reason: /is required/,
    },
    {
      name: "bad start_time",
      input: (g) => mutate(g, (p) => (p.data[0].start_time = "2025-11-01")),
      record: "page 1 data[0]",
      field: "start_time",
      reason: /unix time/,
    },
    {
      name: "start_time in milliseconds",
      input: (g) => mutate(g, (p) => (p.data[0].start_time = BASE * 1000)),
      record: "page 1 data[0]",
      field: "start_time",
      reason: /unix time/,
    },
    {
      name: "end before start",
      input: (g) => mutate(g, (p) => (p.data[0].end_time = p.data[0].start_time)),
      record: "page 1 data[0]",
      field: "end_time",
      reason: /after start_time/,
    },
    {
      name: "negative amount",
      input: (g) => mutate(g, (p) => (p.data[0].results[3].amount.value = -0.06)),
      record: "page 1 data[0].results[3]",
      field: "amount.value",
      reason: /must not be negative/,
    },
    {
      name: "unknown currency format",
      input: (g) => mutate(g, (p) => (p.data[0].results[0].amount.currency = "US dollars")),
      record: "page 1 data[0].results[0]",
      field: "amount.currency",
      reason: /ISO 4217/,
    },
    {
      name: "currency missing",
      input: (g) => mutate(g, (p) => delete p.data[0].results[0].amount.currency),
      record: "page 1 data[0].results[0]",
      field: "amount.currency",
      reason: /is required/,
    },
    {
      name: "results not an array",
      input: (g) => mutate(g, (p) => (p.data[0].results = { object: "organization.costs.result" })),
      record: "page 1 data[0]",
      field: "results",
      reason: /array of results/,
    },
    {
      name: "a usage result in a costs file",
      input: (g) => mutate(g, (p) => (p.data[0].results[0].object = "organization.usage.completions.result")),
      record: "page 1 data[0].results[0]",
      field: "object",
      reason: /openai-usage/,
    },
    {
      name: "line_item not a string",
      input: (g) => mutate(g, (p) => (p.data[0].results[0].line_item = 7)),
      record: "page 1 data[0].results[0]",
      field: "line_item",
      reason: /string or null/,
    },
    {
      name: "a bad second page",
      input: (g) => {
        const pages = JSON.parse(g);
        pages[1].data = "nope";
        return JSON.stringify(pages);
      },
      record: "page 2",
      field: "data",
      reason: /array of buckets/,
    },
    {
      name: "a truncated JSONL page",
      input: () => {
        const one = JSON.stringify(page([{ day: 0, results: [result(0.06)] }]));
        return `${one}\n${one.slice(0, 50)}\n${one}\n`;
      },
      line: 2,
      reason: /JSON/,
    },
    { name: "empty file", input: () => " \n", reason: /empty/ },
  ],
  property: {
    build: (rows) => JSON.stringify(page(rows)),
    row: fc
      .record({
        day: fc.nat(40),
        cents: fc.nat(10_000_000),
        scale: fc.constantFrom(1, 100, 10_000, 1_000_000),
        line_item: fc.constantFrom("gpt-4o-2024-08-06, input", "gpt-4o-2024-08-06, output", "Image models", null),
        project_id: fc.constantFrom("proj_a", "proj_b", null),
      })
      .map(({ day, cents, scale, line_item, project_id }) => ({ day, results: [result(cents / scale, line_item, project_id)] })),
  },
});

describe("openai-costs mapping", () => {
  const golden = readFileSync(join(TEST_DATA, "openai-costs", "daily-by-line-item.json"), "utf8");

  it("maps a result to a billed, unpriced record without a model", async () => {
    const [first] = await importText(openaiCostsImporter, golden);
    expect(first).toMatchObject({
      source: "openai-costs",
      provider: "openai",
      day: "2025-11-01",
      hour: null,
      periodStart: "2025-11-01T00:00:00.000Z",
      periodEnd: "2025-11-02T00:00:00.000Z",
      model: "unknown",
      modelReported: null,
      projectId: "proj_abc",
      workspaceId: null,
      apiKeyHash: null,
      requestId: null,
      tags: { line_item: "gpt-4o-mini-2024-07-18, input" },
      uncachedInput: 0,
      output: 0,
      requests: 0,
      batch: false,
      serviceTier: "unknown",
      billedCostMicros: 60_000n,
      listCostMicros: null,
      currency: "USD",
    });
  });

  it("keeps line items of the same day and project apart, and the same line item of two projects apart", async () => {
    const records = await importText(openaiCostsImporter, golden);
    const day1 = records.filter((r) => r.day === "2025-11-01");
    expect(day1.map((r) => [r.projectId, r.tags.line_item, r.billedCostMicros])).toEqual([
      ["proj_abc", "gpt-4o-mini-2024-07-18, input", 60_000n],
      ["proj_abc", "gpt-4o-mini-2024-07-18, output", 1_234_567_890n],
      ["proj_def", "gpt-4o-mini-2024-07-18, input", 300_000n],
      ["proj_abc", "Image models", 12n],
    ]);
    expect(new Set(day1.map((r) => r.recordKey)).size).toBe(4);
  });

  it("ungrouped results have no tags or project", async () => {
    const records = await importText(openaiCostsImporter, JSON.stringify(page([{ day: 0, results: [result(1.5)] }])));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ projectId: null, tags: {}, billedCostMicros: 1_500_000n });
  });

  it("parses dollars exactly, in exponent form too, rounding half to even once", async () => {
    const values = [1e-7, 5e-7, 1.5e-6, 2.5e-6, 123456789.123456, 0.1 + 0.2];
    const records = await importText(openaiCostsImporter, JSON.stringify(page([{ day: 0, results: values.map((v, i) => result(v, `item ${i}`)) }])));
    expect(records.map((r) => r.billedCostMicros)).toEqual([0n, 0n, 2n, 2n, 123_456_789_123_456n, 300_000n]);
  });

  it("hashes an api_key_id when a result carries one", async () => {
    const r = { ...result(1), api_key_id: "key_abc123" };
    const [rec] = await importText(openaiCostsImporter, JSON.stringify(page([{ day: 0, results: [r] }])));
    expect(rec?.apiKeyHash).toBe(hashApiKey("openai", "key_abc123"));
    expect(JSON.stringify(rec, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain("key_abc123");
  });

  it("detects costs pages without the object field by amount beside line_item, and never usage pages", async () => {
    const detect = async (text: string) => {
      const { sample } = await openByteSource(bytesSource("export.json", new TextEncoder().encode(text)));
      return [openaiCostsImporter.detect(sample), anthropicCostImporter.detect(sample)];
    };
    const bare = { amount: { value: 1, currency: "usd" }, line_item: null, project_id: null };
    expect(await detect(JSON.stringify(page([{ day: 0, results: [bare] }])))).toEqual([true, false]);
    expect(await detect(readFileSync(join(TEST_DATA, "openai-usage", "daily-by-model.json"), "utf8"))).toEqual([false, false]);
  });

  it("yields nothing when a later page is bad", async () => {
    const good = JSON.stringify(page([{ day: 0, results: [result(1)] }]));
    const bad = JSON.stringify(page([{ day: 1, results: [result("1")] }]));
    const { error, yielded } = await importFailure(openaiCostsImporter, `${good}\n${good}\n${bad}\n`);
    expect(yielded).toBe(0);
    expect(error).toMatchObject({ line: 3, record: "page 3 data[0].results[0]", field: "amount.value" });
  });
});
