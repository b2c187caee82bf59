import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { SpendImportError } from "../errors.js";
import { bytesSource, openByteSource } from "../input.js";
import { IMPORTERS } from "./index.js";
import { langfuseImporter, providerFromModel } from "./langfuse.js";

function mutatePage(golden: string, f: (page: Json) => void): string {
  const page = JSON.parse(golden);
  f(page);
  return JSON.stringify(page, null, 1);
}

const HOUR = 3_600_000;
const BASE = Date.UTC(2025, 10, 1);

describeImporter({
  importer: langfuseImporter,
  dir: "langfuse",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, Math.floor(g.length * 0.6)), line: true, reason: /truncated JSON/ },
    {
      name: "wrong type",
      input: (g) => mutatePage(g, (p) => (p.data[0].usageDetails.input = "600")),
      record: "row 1",
      field: "usageDetails.input",
      reason: /non-negative integer/,
    },
    {
      name: "usageDetails not an object",
      input: (g) => mutatePage(g, (p) => (p.data[2].usageDetails = [1000, 500])),
      record: "row 3",
      field: "usageDetails",
      reason: /object/,
    },
    { name: "missing field", input: (g) => mutatePage(g, (p) => delete p.data[2].startTime), record: "row 3", field: "startTime", reason: /required/ },
    { name: "missing id", input: (g) => mutatePage(g, (p) => delete p.data[3].id), record: "row 4", field: "id", reason: /required/ },
    { name: "missing type", input: (g) => mutatePage(g, (p) => delete p.data[0].type), record: "row 1", field: "type", reason: /required/ },
    {
      name: "bad date",
      input: (g) => mutatePage(g, (p) => (p.data[0].startTime = "2025-13-40T09:15:02Z")),
      record: "row 1",
      field: "startTime",
      reason: /date-time/,
    },
    {
      name: "date without a zone",
      input: (g) => mutatePage(g, (p) => (p.data[5].startTime = "2025-11-04 08:00:00")),
      record: "row 6",
      field: "startTime",
      reason: /time zone/,
    },
    {
      name: "negative count",
      input: (g) => mutatePage(g, (p) => (p.data[3].usageDetails.output = -800)),
      record: "row 4",
      field: "usageDetails.output",
      reason: /negative/,
    },
    {
      name: "fractional count",
      input: (g) => mutatePage(g, (p) => (p.data[0].usageDetails.output = 1.5)),
      record: "row 1",
      field: "usageDetails.output",
      reason: /whole number/,
    },
    {
      name: "negative cost",
      input: (g) => mutatePage(g, (p) => (p.data[2].costDetails.total = -0.5)),
      record: "row 3",
      field: "costDetails.total",
      reason: /negative/,
    },
    { name: "not JSON", input: () => '{"data": [ {"id": "x", ]}', line: 1, reason: /JSON/ },
    { name: "empty file", input: () => "", reason: /empty/ },
  ],
  property: {
    build: (rows) => JSON.stringify(rows),
    row: fc
      .record({
        id: fc.uuid(),
        hour: fc.nat(72),
        type: fc.constantFrom("GENERATION", "GENERATION", "SPAN"),
        model: fc.constantFrom("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash", "o4-mini", "acme-llm", null),
        input: fc.nat(100_000),
        cached: fc.nat(50_000),
        output: fc.nat(20_000),
        reasoning: fc.nat(5_000),
        cost: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
        environment: fc.constantFrom("production", "staging"),
      })
      .map((r) => ({
        id: r.id,
        traceId: `t-${r.id}`,
        type: r.type,
        name: "gen",
        startTime: new Date(BASE + r.hour * HOUR + 1234).toISOString(),
        model: r.model,
        usageDetails: { input: r.input, input_cached_tokens: r.cached, output: r.output, output_reasoning_tokens: r.reasoning },
        costDetails: r.cost === undefined ? {} : { total: r.cost / 1e6 },
        environment: r.environment,
        metadata: {},
      })),
  },
});

describe("langfuse details", () => {
  const obs = (extra: Json) =>
    JSON.stringify({ id: "o1", traceId: "t1", type: "GENERATION", startTime: "2025-11-03T10:20:00Z", model: "claude-sonnet-4-5-20250929", ...extra });

  it("sums costDetails when there is no total, and falls back to the legacy usage object", async () => {
    const [r] = await importText(
      langfuseImporter,
      `${obs({ usage: { input: 10, output: 5, total: 15, unit: "TOKENS" }, costDetails: { input: 0.00003, output: 0.000075 } })}\n${obs({ id: "o2", usageDetails: {}, costDetails: {} })}\n`,
    );
    expect(r).toMatchObject({ uncachedInput: 10, output: 5, billedCostMicros: 105n, requestId: "o1", provider: "anthropic", hour: 10 });
    expect(r?.periodStart).toBe("2025-11-03T10:00:00.000Z");
  });

  it("reads CSV exports with JSON cells and keeps disjoint keys when total is their sum", async () => {
    const csv = [
      "id,traceId,type,startTime,model,usageDetails,costDetails,metadata",
      `o1,t1,GENERATION,2025-11-03T10:20:00Z,gpt-4o,"{""input"":100,""input_cached_tokens"":50,""output"":10,""total"":160}","{""total"":0.001}",`,
    ].join("\n");
    const [r] = await importText(langfuseImporter, csv);
    expect(r).toMatchObject({ uncachedInput: 100, cacheRead: 50, output: 10, billedCostMicros: 1000n, provider: "openai" });
  });

  it("names the CSV line of a bad JSON cell", async () => {
    const csv = ["id,traceId,type,startTime,model,usageDetails,costDetails", 'o1,t1,GENERATION,2025-11-03T10:20:00Z,gpt-4o,"{""input"":",{}'].join("\n");
    await expect(importText(langfuseImporter, csv, { fileName: "x.csv" })).rejects.toMatchObject({
      line: 2,
      field: "usageDetails",
      reason: "must be valid JSON",
    });
    await expect(importText(langfuseImporter, csv)).rejects.toBeInstanceOf(SpendImportError);
  });

  it("infers providers from model names", () => {
    expect(providerFromModel("gpt-4o-mini")).toBe("openai");
    expect(providerFromModel("o3")).toBe("openai");
    expect(providerFromModel("o4-mini-2025-04-16")).toBe("openai");
    expect(providerFromModel("text-embedding-3-small")).toBe("openai");
    expect(providerFromModel("claude-3-5-haiku-latest")).toBe("anthropic");
    expect(providerFromModel("models/gemini-2.0-flash")).toBe("google");
    expect(providerFromModel("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe("aws");
    expect(providerFromModel("amazon.nova-pro-v1:0")).toBe("aws");
    expect(providerFromModel("openai/gpt-4o")).toBe("openai");
    expect(providerFromModel("mixtral-8x7b")).toBe("mistral");
    expect(providerFromModel("grok-4")).toBe("x-ai");
    expect(providerFromModel("llama-3.3-70b")).toBeNull();
    expect(providerFromModel("omega-1")).toBeNull();
  });

  it("reads API pages saved one per line, and detects them", async () => {
    const golden = JSON.parse(readFileSync(join(TEST_DATA, "langfuse", "observations-page.json"), "utf8"));
    const first = { ...golden, data: golden.data.slice(0, 4) };
    const second = { ...golden, data: golden.data.slice(4) };
    const jsonl = `${JSON.stringify(first)}\n${JSON.stringify(second)}\n`;
    const whole = await importText(langfuseImporter, JSON.stringify(golden));
    expect(await importText(langfuseImporter, jsonl)).toEqual(whole);
    const { sample } = await openByteSource(bytesSource("pages.jsonl", new TextEncoder().encode(jsonl)));
    expect(IMPORTERS.filter((i) => i.detect(sample)).map((i) => i.source)).toEqual(["langfuse"]);
    const bad = `${JSON.stringify(first)}\n${JSON.stringify({ ...second, data: [1] })}\n`;
    await expect(importText(langfuseImporter, bad)).rejects.toMatchObject({ line: 2, record: "data[0]" });
  });
});
