import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importFailure, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { bytesSource, openByteSource } from "../input.js";
import { anthropicCostImporter } from "./anthropic-cost.js";
import { openaiCostsImporter } from "./openai-costs.js";

const BASE_MS = Date.UTC(2025, 10, 1);
const DAY_MS = 86_400_000;

/** Mutates the first page of a golden (one page or an array of pages) and pretty-prints it. */
function mutate(golden: string, fn: (page: Json) => void): string {
  const doc = JSON.parse(golden);
  fn(Array.isArray(doc) ? doc[0] : doc);
  return JSON.stringify(doc, null, 2);
}

function page(buckets: { day: number; results: Json[] }[]): Json {
  return {
    data: buckets.map((b) => ({
      starting_at: new Date(BASE_MS + b.day * DAY_MS).toISOString().replace(".000Z", "Z"),
      ending_at: new Date(BASE_MS + (b.day + 1) * DAY_MS).toISOString().replace(".000Z", "Z"),
      results: b.results,
    })),
    has_more: false,
    next_page: null,
  };
}

const ungrouped = (amount: unknown): Json => ({
  amount,
  context_window: null,
  cost_type: null,
  currency: "USD",
  description: null,
  inference_geo: null,
  model: null,
  service_tier: null,
  token_type: null,
  workspace_id: null,
});

describeImporter({
  importer: anthropicCostImporter,
  dir: "anthropic-cost",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, Math.floor(g.length * 0.6)), line: true, reason: /truncated JSON/ },
    {
      name: "amount as a JSON number",
      input: (g) => mutate(g, (p) => (p.data[0].results[0].amount = 123.45)),
      record: "page 1 data[0].results[0]",
      field: "amount",
      reason: /decimal string of cents .*not a JSON number/,
    },
    {
      name: "amount not a decimal",
      input: (g) => mutate(g, (p) => (p.data[0].results[1].amount = "12,34")),
      record: "page 1 data[0].results[1]",
      field: "amount",
      reason: /decimal string of cents/,
    },
    {
      name: "missing amount",
      input: (g) => mutate(g, (p) => delete p.data[0].results[2].amount),
      record: "page 1 data[0].results[2]",
      field: "amount",
      reason: /is required/,
    },
    {
      name: "bad starting_at",
      input: (g) => mutate(g, (p) => (p.data[1].starting_at = "2025-11-02")),
      record: "page 1 data[1]",
      field: "starting_at",
      reason: /RFC 3339/,
    },
    {
      name: "end before start",
      input: (g) => mutate(g, (p) => (p.data[1].ending_at = "2025-11-01T00:00:00Z")),
      record: "page 1 data[1]",
      field: "ending_at",
      reason: /after starting_at/,
    },
    {
      name: "negative amount",
      input: (g) => mutate(g, (p) => (p.data[1].results[0].amount = "-5.00")),
      record: "page 1 data[1].results[0]",
      field: "amount",
      reason: /must not be negative/,
    },
    {
      name: "unknown currency format",
      input: (g) => mutate(g, (p) => (p.data[0].results[3].currency = "US$")),
      record: "page 1 data[0].results[3]",
      field: "currency",
      reason: /ISO 4217/,
    },
    {
      name: "a currency other than USD",
      input: (g) => mutate(g, (p) => (p.data[0].results[3].currency = "EUR")),
      record: "page 1 data[0].results[3]",
      field: "currency",
      reason: /must be USD/,
    },
    {
      name: "missing currency",
      input: (g) => mutate(g, (p) => delete p.data[0].results[0].currency),
      record: "page 1 data[0].results[0]",
      field: "currency",
      reason: /is required/,
    },
    {
      name: "results not an array",
      input: (g) => mutate(g, (p) => (p.data[0].results = { amount: "1" })),
      record: "page 1 data[0]",
      field: "results",
      reason: /array of results/,
    },
    {
      name: "model not a string",
      input: (g) => mutate(g, (p) => (p.data[0].results[0].model = 4)),
      record: "page 1 data[0].results[0]",
      field: "model",
      reason: /string or null/,
    },
    { name: "data missing", input: (g) => mutate(g, (p) => delete p.data), record: "page 1", field: "data", reason: /array of buckets/ },
    {
      name: "a truncated JSONL page",
      input: () => {
        const one = JSON.stringify(page([{ day: 0, results: [ungrouped("1")] }]));
        return `${one}\n${one.slice(0, 50)}\n${one}\n`;
      },
      line: 2,
      reason: /JSON/,
    },
    { name: "empty file", input: () => "", reason: /empty/ },
  ],
  property: {
    build: (rows) => JSON.stringify(page(rows)),
    row: fc
      .record({
        day: fc.nat(40),
        whole: fc.nat(1_000_000),
        frac: fc.nat(99_999),
        grouped: fc.boolean(),
        model: fc.constantFrom("claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001", "unknown-model-q"),
        token_type: fc.constantFrom("uncached_input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation.ephemeral_5m_input_tokens"),
        service_tier: fc.constantFrom("standard", "batch"),
        context_window: fc.constantFrom("0-200k", "200k-1M"),
        workspace_id: fc.constantFrom("wrkspc_a", null),
      })
      .map(({ day, whole, frac, grouped, ...g }) => {
        const amount = `${whole}.${String(frac).padStart(5, "0")}`;
        const r = grouped ? { ...ungrouped(amount), ...g, cost_type: "tokens", description: `${g.model} ${g.token_type}` } : ungrouped(amount);
        return { day, results: [r] };
      }),
  },
});

describe("anthropic-cost mapping", () => {
  const golden = readFileSync(join(TEST_DATA, "anthropic-cost", "daily-by-description.json"), "utf8");

  it("maps a token cost to a billed, unpriced record with its breakdown as tags", async () => {
    const [first] = await importText(anthropicCostImporter, golden);
    expect(first).toMatchObject({
      source: "anthropic-cost",
      provider: "anthropic",
      day: "2025-11-01",
      hour: null,
      periodStart: "2025-11-01T00:00:00.000Z",
      periodEnd: "2025-11-02T00:00:00.000Z",
      model: "claude-sonnet-4-5",
      modelReported: "claude-sonnet-4-5-20250929",
      projectId: null,
      workspaceId: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
      apiKeyHash: null,
      requestId: null,
      tags: {
        cost_type: "tokens",
        token_type: "uncached_input_tokens",
        description: "Claude Sonnet 4.5 Usage - Input Tokens",
        context_window: "0-200k",
      },
      uncachedInput: 0,
      output: 0,
      webSearches: 0,
      requests: 0,
      batch: false,
      serviceTier: "standard",
      longContext: false,
      billedCostMicros: 1_234_500n,
      listCostMicros: null,
      currency: "USD",
    });
  });

  it("keeps token types of one model and day apart, and flags batch, long context and non-token costs", async () => {
    const records = await importText(anthropicCostImporter, golden);
    const day1 = records.filter((r) => r.day === "2025-11-01");
    const sonnet = day1.filter((r) => r.modelReported === "claude-sonnet-4-5-20250929" && !r.longContext);
    expect(sonnet.map((r) => r.tags.token_type)).toEqual([
      "uncached_input_tokens",
      "output_tokens",
      "cache_read_input_tokens",
      "cache_creation.ephemeral_5m_input_tokens",
    ]);
    expect(new Set(sonnet.map((r) => r.recordKey)).size).toBe(4);
    expect(day1.find((r) => r.tags.description?.includes("Batch"))).toMatchObject({ batch: true, serviceTier: "batch", billedCostMicros: 2_500_000n });
    expect(day1.find((r) => r.longContext)).toMatchObject({ tags: { context_window: "200k-1M" }, billedCostMicros: 6_000_000n });
    expect(day1.find((r) => r.tags.cost_type === "web_search")).toMatchObject({
      modelReported: null,
      model: "unknown",
      serviceTier: "unknown",
      batch: false,
      tags: { cost_type: "web_search", description: "Web Search" },
      billedCostMicros: 10_000_000n,
    });
    expect(records.find((r) => r.day === "2025-11-02")?.workspaceId).toBeNull();
  });

  it("reads inference_geo and speed as tags when present, and an ungrouped result with no tags", async () => {
    const grouped = { ...ungrouped("1"), cost_type: "tokens", model: "claude-opus-4-6", inference_geo: "us", speed: "fast", service_tier: "standard" };
    const records = await importText(anthropicCostImporter, JSON.stringify(page([{ day: 0, results: [grouped, ungrouped("1")] }])));
    expect(records[0]?.tags).toEqual({ cost_type: "tokens", inference_geo: "us", speed: "fast" });
    expect(records[1]).toMatchObject({ tags: {}, modelReported: null, serviceTier: "unknown", billedCostMicros: 10_000n });
    expect(records[0]?.recordKey).not.toBe(records[1]?.recordKey);
  });

  it("parses cents exactly, rounding half to even once per result", async () => {
    const amounts = ["123.45", "0.5", "0.00005", "0.00015", "123.78912", "1e2", "99999999999.9999"];
    const records = await importText(anthropicCostImporter, JSON.stringify(page([{ day: 0, results: amounts.map(ungrouped) }])));
    expect(records.map((r) => r.billedCostMicros)).toEqual([1_234_500n, 5_000n, 0n, 2n, 1_237_891n, 1_000_000n, 999_999_999_999_999n]);
  });

  it("detects cost pages without cost_type by amount beside starting_at, and never usage pages", async () => {
    const detect = async (text: string) => {
      const { sample } = await openByteSource(bytesSource("export.json", new TextEncoder().encode(text)));
      return [anthropicCostImporter.detect(sample), openaiCostsImporter.detect(sample)];
    };
    expect(await detect(JSON.stringify(page([{ day: 0, results: [{ amount: "1", currency: "USD" }] }])))).toEqual([true, false]);
    expect(await detect(readFileSync(join(TEST_DATA, "anthropic-usage", "daily-by-model.json"), "utf8"))).toEqual([false, false]);
  });

  it("yields nothing when a later page is bad", async () => {
    const good = JSON.stringify(page([{ day: 0, results: [ungrouped("1")] }]));
    const bad = JSON.stringify(page([{ day: 1, results: [ungrouped(1)] }]));
    const { error, yielded } = await importFailure(anthropicCostImporter, `${good}\n${good}\n${bad}\n`);
    expect(yielded).toBe(0);
    expect(error).toMatchObject({ line: 3, record: "page 3 data[0].results[0]", field: "amount" });
  });
});
