import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { bytesSource, openByteSource } from "../input.js";
import { heliconeImporter } from "./helicone.js";
import { IMPORTERS } from "./index.js";

/** Replaces the first occurrence of `from` in the golden (failing loudly when it is not there). */
function swap(golden: string, from: string, to: string): string {
  if (!golden.includes(from)) throw new Error(`test input lacks ${from}`);
  return golden.replace(from, to);
}

const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 10, 1);

describeImporter({
  importer: heliconeImporter,
  dir: "helicone",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, g.lastIndexOf(",")), line: true, reason: /columns|CSV/ },
    { name: "unterminated quote", input: (g) => g.slice(0, g.lastIndexOf('"')), line: true, reason: /quote|columns|CSV/ },
    { name: "wrong type", input: (g) => swap(g, '"2000","500"', '"2k","500"'), line: 2, field: "prompt_tokens", reason: /non-negative integer/ },
    {
      name: "missing column",
      input: (g) => swap(g, ",completion_tokens,", ",completion_tokenz,"),
      line: 1,
      field: "completion_tokens",
      reason: /missing column/,
    },
    {
      name: "bad date",
      input: (g) => swap(g, '"2025-11-09T11:12:00.500Z"', '"11/09/2025 11:12:00"'),
      line: 4,
      field: "request_created_at",
      reason: /date-time/,
    },
    { name: "negative count", input: (g) => swap(g, '"4000","1000"', '"4000","-1000"'), line: 3, field: "completion_tokens", reason: /negative/ },
    { name: "fractional nano-dollar cost", input: (g) => swap(g, '"600000"', '"600000.5"'), line: 2, field: "cost", reason: /whole number of 1e-9 USD/ },
    { name: "negative cost", input: (g) => swap(g, '"9000000"', '"-9000000"'), line: 7, field: "cost", reason: /negative/ },
    { name: "properties not an object", input: (g) => swap(g, '"{}"', '"[1,2]"'), line: 6, field: "request_properties", reason: /object/ },
    { name: "empty file", input: () => "", reason: /empty/ },
  ],
  property: {
    build: (rows) => JSON.stringify(rows),
    row: fc
      .record({
        id: fc.uuid(),
        hour: fc.nat(72),
        provider: fc.constantFrom("OPENAI", "ANTHROPIC", "AZURE", "CUSTOM"),
        model: fc.constantFrom("gpt-4o-mini", "claude-haiku-4-5", "gpt-4.1", "acme-llm", null),
        prompt: fc.nat(100_000),
        cached: fc.nat(50_000),
        completion: fc.nat(20_000),
        withTotal: fc.boolean(),
        costNano: fc.option(fc.nat(10_000_000_000), { nil: null }),
        app: fc.constantFrom("a", "b"),
      })
      .map((r) => ({
        request_id: r.id,
        request_created_at: new Date(BASE + r.hour * HOUR + 999).toISOString(),
        provider: r.provider,
        model: r.model,
        prompt_tokens: r.prompt + r.cached,
        prompt_cache_read_tokens: r.cached,
        prompt_cache_write_tokens: 0,
        completion_tokens: r.completion,
        total_tokens: r.withTotal ? r.prompt + r.cached + r.completion : null,
        cost: r.costNano,
        request_properties: { app: r.app },
        helicone_user: "user-1",
        cache_reference_id: "00000000-0000-0000-0000-000000000000",
      })),
  },
});

describe("helicone details", () => {
  const req = (extra: Json) => ({
    request_id: "r1",
    request_created_at: "2025-11-07T08:05:11Z",
    provider: "OPENAI",
    model: "gpt-4o-mini",
    prompt_tokens: 1000,
    completion_tokens: 10,
    ...extra,
  });

  it("rejects cache reads larger than an inclusive prompt_tokens", async () => {
    const text = JSON.stringify([req({ prompt_tokens: 100, prompt_cache_read_tokens: 500, total_tokens: 110 })]);
    await expect(importText(heliconeImporter, text)).rejects.toMatchObject({
      record: "row 1",
      field: "prompt_cache_read_tokens",
      reason: expect.stringMatching(/exceed/),
    });
  });

  it("takes cache counts as separate when prompt_tokens cannot include them and there is no total", async () => {
    const [r] = await importText(heliconeImporter, JSON.stringify([req({ prompt_tokens: 100, prompt_cache_read_tokens: 500 })]));
    expect(r).toMatchObject({ uncachedInput: 100, cacheRead: 500 });
  });

  it("prefers costUSD to the nano-dollar cost, and requires a missing token field", async () => {
    const [r] = await importText(heliconeImporter, JSON.stringify([req({ cost: 123, costUSD: 0.25 })]));
    expect(r?.billedCostMicros).toBe(250_000n);
    const missing: Json = req({});
    delete missing.prompt_tokens;
    await expect(importText(heliconeImporter, JSON.stringify([missing]))).rejects.toMatchObject({
      field: "prompt_tokens",
      reason: expect.stringMatching(/required/),
    });
  });

  it("maps Helicone providers and falls back to the target URL", async () => {
    const rows = [
      req({ request_id: "a", provider: "BEDROCK", model: "anthropic.claude-3-5-haiku-20241022-v1:0", prompt_cache_read_tokens: 10 }),
      req({ request_id: "b", provider: "CUSTOM", model: "llama-3.3-70b-versatile", target_url: "https://api.groq.com/openai/v1/chat/completions" }),
    ];
    const [a, b] = await importText(heliconeImporter, JSON.stringify(rows));
    // Claude on Bedrock reports Anthropic usage: prompt_tokens is disjoint from the cache reads.
    expect(a).toMatchObject({ provider: "aws", uncachedInput: 1000, cacheRead: 10 });
    expect(b).toMatchObject({ provider: "groq" });
  });

  it("reads query-clickhouse pages saved one per line", async () => {
    const rows = readFileSync(join(TEST_DATA, "helicone", "requests.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const pages = `${JSON.stringify({ data: rows.slice(0, 3), error: null })}\n${JSON.stringify({ data: rows.slice(3), error: null })}\n`;
    const direct = await importText(heliconeImporter, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    expect(await importText(heliconeImporter, pages)).toEqual(direct);
    const { sample } = await openByteSource(bytesSource("pages.jsonl", new TextEncoder().encode(pages)));
    expect(IMPORTERS.filter((i) => i.detect(sample)).map((i) => i.source)).toEqual(["helicone"]);
  });
});
