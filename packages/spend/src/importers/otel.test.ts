import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importFailure, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { otelImporter } from "./otel.js";

const GOLDEN = readFileSync(join(TEST_DATA, "otel", "genai-spans.jsonl"), "utf8");
const BASE_NS = 1_761_955_200_000_000_000n; // 2025-11-01T00:00:00Z

/** Mutates one line (1-based) of a JSONL golden. */
function mutateLine(golden: string, line: number, fn: (request: Json) => void): string {
  const lines = golden.split("\n");
  const doc = JSON.parse(lines[line - 1] ?? "");
  fn(doc);
  lines[line - 1] = JSON.stringify(doc);
  return lines.join("\n");
}

/** Span `i` of the first resource and scope of a request. */
const spanOf = (request: Json, i: number): Json => request.resourceSpans[0].scopeSpans[0].spans[i];

/** The attribute `key` of a span (its `{key, value}` pair). */
function attr(span: Json, key: string): Json {
  const kv = span.attributes.find((a: Json) => a.key === key);
  if (!kv) throw new Error(`no attribute ${key}`);
  return kv;
}

const s = (key: string, v: string) => ({ key, value: { stringValue: v } });
const n = (key: string, v: number) => ({ key, value: { intValue: String(v) } });

interface SpanRow {
  traceId: string;
  spanId: string;
  at: number;
  provider: string;
  model: string | null;
  cacheRead: number;
  uncached: number;
  output: number;
  reasoning: number;
  service: string;
}

/** One ExportTraceServiceRequest line per row. */
function build(rows: SpanRow[]): string {
  return rows
    .map((r) => {
      const start = BASE_NS + BigInt(r.at) * 1_000_000_000n;
      const attributes = [
        s("gen_ai.operation.name", "chat"),
        s("gen_ai.provider.name", r.provider),
        ...(r.model ? [s("gen_ai.request.model", r.model)] : []),
        n("gen_ai.usage.input_tokens", r.uncached + r.cacheRead),
        n("gen_ai.usage.cache_read.input_tokens", r.cacheRead),
        n("gen_ai.usage.output_tokens", r.output + r.reasoning),
        n("gen_ai.usage.reasoning.output_tokens", r.reasoning),
      ];
      const span = {
        traceId: r.traceId,
        spanId: r.spanId,
        name: "chat",
        kind: 3,
        startTimeUnixNano: String(start),
        endTimeUnixNano: String(start + 1_500_000_000n),
        attributes,
      };
      return JSON.stringify({
        resourceSpans: [{ resource: { attributes: [s("service.name", r.service)] }, scopeSpans: [{ scope: { name: "t" }, spans: [span] }] }],
      });
    })
    .join("\n");
}

const hex = (len: number) => fc.array(fc.constantFrom(..."0123456789abcdef"), { minLength: len, maxLength: len }).map((a) => `1${a.join("").slice(1)}`);

describeImporter({
  importer: otelImporter,
  dir: "otel",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, Math.floor(g.length * 0.6)), line: true, reason: /truncated JSON/ },
    {
      name: "token count as a string attribute",
      input: (g) => mutateLine(g, 1, (r) => (attr(spanOf(r, 0), "gen_ai.usage.output_tokens").value = { stringValue: "400" })),
      line: 1,
      record: "resourceSpans[0].scopeSpans[0].spans[0]",
      field: "gen_ai.usage.output_tokens",
      reason: /integer/,
    },
    {
      name: "fractional count",
      input: (g) => mutateLine(g, 1, (r) => (attr(spanOf(r, 0), "gen_ai.usage.output_tokens").value = { doubleValue: 400.5 })),
      line: 1,
      field: "gen_ai.usage.output_tokens",
      reason: /whole number/,
    },
    {
      name: "missing traceId",
      input: (g) => mutateLine(g, 1, (r) => delete spanOf(r, 2).traceId),
      line: 1,
      record: "resourceSpans[0].scopeSpans[0].spans[2]",
      field: "traceId",
      reason: /is required/,
    },
    {
      name: "traceId not hex",
      input: (g) => mutateLine(g, 1, (r) => (spanOf(r, 2).traceId = "W/ncM+9Wxz0ImJqpnc4Amg==")),
      line: 1,
      field: "traceId",
      reason: /hex trace id/,
    },
    {
      name: "missing provider",
      input: (g) => mutateLine(g, 2, (r) => (spanOf(r, 2).attributes = spanOf(r, 2).attributes.filter((a: Json) => a.key !== "gen_ai.system"))),
      line: 2,
      record: "resourceSpans[0].scopeSpans[0].spans[2]",
      field: "gen_ai.provider.name",
      reason: /is required/,
    },
    {
      name: "bad start time",
      input: (g) => mutateLine(g, 1, (r) => (spanOf(r, 0).startTimeUnixNano = "2025-11-01T09:15:02Z")),
      line: 1,
      field: "startTimeUnixNano",
      reason: /nanoseconds/,
    },
    {
      name: "start time in milliseconds",
      input: (g) => mutateLine(g, 3, (r) => (spanOf(r, 1).startTimeUnixNano = "1762041602000")),
      line: 3,
      record: "resourceSpans[0].scopeSpans[0].spans[1]",
      field: "startTimeUnixNano",
      reason: /between 2000 and 2100/,
    },
    {
      name: "missing end time",
      input: (g) => mutateLine(g, 3, (r) => delete spanOf(r, 0).endTimeUnixNano),
      line: 3,
      field: "endTimeUnixNano",
      reason: /is required/,
    },
    {
      name: "end before start",
      input: (g) => mutateLine(g, 1, (r) => (spanOf(r, 2).endTimeUnixNano = "1761955200000000000")),
      line: 1,
      field: "endTimeUnixNano",
      reason: /before startTimeUnixNano/,
    },
    {
      name: "negative count",
      input: (g) => mutateLine(g, 1, (r) => (attr(spanOf(r, 2), "gen_ai.usage.input_tokens").value = { intValue: "-1200" })),
      line: 1,
      record: "resourceSpans[0].scopeSpans[0].spans[2]",
      field: "gen_ai.usage.input_tokens",
      reason: /negative/,
    },
    {
      name: "cache read exceeds input",
      input: (g) => mutateLine(g, 1, (r) => (attr(spanOf(r, 0), "gen_ai.usage.cache_read.input_tokens").value = { intValue: "6000" })),
      line: 1,
      record: "resourceSpans[0].scopeSpans[0].spans[0]",
      field: "gen_ai.usage.cache_read.input_tokens",
      reason: /exceed gen_ai.usage.input_tokens/,
    },
    {
      name: "cache read + creation exceed input",
      input: (g) => mutateLine(g, 2, (r) => (attr(spanOf(r, 1), "gen_ai.usage.input_tokens").value = { intValue: "23999" })),
      line: 2,
      record: "resourceSpans[0].scopeSpans[0].spans[1]",
      field: "gen_ai.usage.cache_creation.input_tokens",
      reason: /exceed/,
    },
    {
      name: "reasoning exceeds output",
      input: (g) => mutateLine(g, 1, (r) => (attr(spanOf(r, 2), "gen_ai.usage.reasoning.output_tokens").value = { intValue: "901" })),
      line: 1,
      field: "gen_ai.usage.reasoning.output_tokens",
      reason: /exceeds gen_ai.usage.output_tokens/,
    },
    {
      name: "spans not an array",
      input: (g) => mutateLine(g, 2, (r) => (r.resourceSpans[0].scopeSpans[0].spans = { traceId: "x" })),
      line: 2,
      record: "resourceSpans[0].scopeSpans[0]",
      field: "spans",
      reason: /array/,
    },
    {
      name: "a line that is not a trace export",
      input: (g) => `${g}{"resourceLogs":[]}\n`,
      line: 4,
      field: "resourceSpans",
      reason: /is required/,
    },
    { name: "empty file", input: () => "\n\n", reason: /empty/ },
  ],
  property: {
    build,
    row: fc.record({
      traceId: hex(32),
      spanId: hex(16),
      at: fc.nat(3 * 86_400),
      provider: fc.constantFrom("openai", "anthropic", "aws.bedrock", "gcp.gemini", "mistral_ai", "some_new_provider"),
      model: fc.constantFrom("gpt-4o-mini", "claude-haiku-4-5-20251001", "gemini-2.5-flash", "unknown-model-x", null),
      cacheRead: fc.nat(200_000),
      uncached: fc.nat(200_000),
      output: fc.nat(50_000),
      reasoning: fc.nat(10_000),
      service: fc.constantFrom("api", "worker"),
    }),
  },
});

describe("otel importer details", () => {
  it("maps providers, tiers, users and tags, and never stores conversation ids or emails", async () => {
    const records = await importText(otelImporter, GOLDEN);
    expect(records.map((r) => [r.provider, r.modelReported, r.model, r.serviceTier, r.userId, r.tags])).toEqual([
      ["openai", "gpt-4o-2024-08-06", "gpt-4o", "standard", null, { service: "checkout-api", operation: "chat" }],
      ["openai", "o4-mini-2025-04-16", "o4-mini", "flex", null, { service: "checkout-api", operation: "chat" }],
      ["anthropic", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "standard", "user-7", { service: "support-bot", operation: "chat" }],
      ["anthropic", "claude-haiku-4-5-20251001", "claude-haiku-4-5", "standard", null, { service: "support-bot", operation: "chat" }],
      [
        "aws",
        "anthropic.claude-3-5-haiku-20241022-v1:0",
        "regional.anthropic.claude-3-5-haiku-20241022-v1:0",
        "standard",
        null,
        { service: "batch-worker", operation: "chat" },
      ],
      ["openai", "text-embedding-3-small", "text-embedding-3-small", "standard", null, { service: "batch-worker", operation: "embeddings" }],
    ]);
    expect(records[0]?.requestId).toBe("5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174");
    expect(records[0]?.periodStart).toBe("2025-11-01T09:15:02.120Z");
    expect(records[0]?.periodEnd).toBe("2025-11-01T09:15:04.870Z");
    const text = JSON.stringify(records, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain("conv_5f1c");
    expect(text).not.toContain("bob@example.com");
  });

  it("counts a span without an operation name, and skips agent spans and spans without usage", async () => {
    const doc = mutateLine(GOLDEN.split("\n")[1] ?? "", 1, (r) => {
      const spans = r.resourceSpans[0].scopeSpans[0].spans;
      spans[1].attributes = spans[1].attributes.filter((a: Json) => a.key !== "gen_ai.operation.name");
      spans[2].attributes = spans[2].attributes.filter((a: Json) => !a.key.startsWith("gen_ai.usage."));
    });
    const records = await importText(otelImporter, doc);
    expect(records.map((r) => [r.modelReported, r.tags])).toEqual([["claude-sonnet-4-5-20250929", { service: "support-bot" }]]);
  });

  it("reads one JSON document, an array of documents, and long JSONL lines", async () => {
    const lines = GOLDEN.trim().split("\n");
    const base = await importText(otelImporter, GOLDEN);
    const array = await importText(
      otelImporter,
      JSON.stringify(
        lines.map((l) => JSON.parse(l)),
        null,
        2,
      ),
    );
    expect(array).toEqual(base);
    const oneLineArray = await importText(otelImporter, `[${lines.join(",")}]`);
    expect(oneLineArray).toEqual(base);
    // A first line longer than the detection sample is still read as JSON lines.
    const padded = mutateLine(GOLDEN, 1, (r) => (r.resourceSpans[0].resource.attributes[1].value.stringValue = "x".repeat(40_000)));
    expect(await importText(otelImporter, padded, { chunkSizes: [4096] })).toEqual(base);
  });

  it("names the request of a bad document in an array", async () => {
    const lines = GOLDEN.trim().split("\n");
    const docs = lines.map((l) => JSON.parse(l));
    delete docs[1].resourceSpans[0].scopeSpans[0].spans[1].spanId;
    const { error } = await importFailure(otelImporter, JSON.stringify(docs, null, 2));
    expect(error).toMatchObject({ record: "request 2 resourceSpans[0].scopeSpans[0].spans[1]", field: "spanId" });
  });

  it("reads OpenLLMetry's pre-convention cache and reasoning names as included in the legacy totals", async () => {
    const doc = mutateLine(GOLDEN.split("\n")[1] ?? "", 1, (r) => {
      const span = spanOf(r, 2);
      span.attributes.push(
        n("gen_ai.usage.cache_read_input_tokens", 500),
        n("gen_ai.usage.cache_creation_input_tokens", 100),
        n("gen_ai.usage.reasoning_tokens", 20),
      );
    });
    const records = await importText(otelImporter, doc);
    expect(records[1]).toMatchObject({ uncachedInput: 200, cacheRead: 500, cacheWrite5m: 100, output: 120, reasoning: 20 });
    const bad = mutateLine(GOLDEN.split("\n")[1] ?? "", 1, (r) => spanOf(r, 2).attributes.push(n("gen_ai.usage.cache_read_input_tokens", 801)));
    expect((await importFailure(otelImporter, bad)).error).toMatchObject({
      field: "gen_ai.usage.cache_read_input_tokens",
      reason: /exceed gen_ai.usage.prompt_tokens/,
    });
  });

  it("accepts a file of non-GenAI spans as empty", async () => {
    const doc = mutateLine(GOLDEN.split("\n")[0] ?? "", 1, (r) => {
      r.resourceSpans[0].scopeSpans[0].spans = [spanOf(r, 1)];
    });
    expect(await importText(otelImporter, doc)).toEqual([]);
  });
});
