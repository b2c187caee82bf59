import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importFailure, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { hashApiKey } from "../record.js";
import { litellmImporter } from "./litellm.js";

const CSV = readFileSync(join(TEST_DATA, "litellm", "psql-copy.csv"), "utf8");
const API = readFileSync(join(TEST_DATA, "litellm", "spend-logs-api.json"), "utf8");

/** Replaces the first occurrence of `from` on line `line` (1-based) of a text. */
function onLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split("\n");
  const l = lines[line - 1] ?? "";
  if (!l.includes(from)) throw new Error(`line ${line} has no ${from}`);
  lines[line - 1] = l.replace(from, to);
  return lines.join("\n");
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface LogRow {
  id: string;
  provider: string;
  model: string;
  at: number;
  uncached: number;
  cached: number;
  completion: number;
  spendMicros: number;
  cacheHit: boolean;
  failed: boolean;
  team: string;
}

const COLUMNS = ["request_id", "call_type", "api_key", "spend", "total_tokens", "prompt_tokens", "completion_tokens", "startTime", "endTime"];

/** A psql CSV export of generated rows. */
function build(rows: LogRow[]): string {
  const header = [...COLUMNS, "model", "custom_llm_provider", "metadata", "cache_hit", "request_tags", "team_id", "status"];
  const lines = rows.map((r) => {
    const start = new Date(Date.UTC(2025, 10, 1) + r.at * 1000);
    const fmt = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
    const prompt = r.uncached + r.cached;
    const metadata = JSON.stringify({ usage_object: { prompt_tokens: prompt, prompt_tokens_details: { cached_tokens: r.cached } } });
    const spend = `${Math.floor(r.spendMicros / 1e6)}.${String(r.spendMicros % 1e6).padStart(6, "0")}`;
    return [
      r.id,
      "acompletion",
      "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
      spend,
      String(prompt + r.completion),
      String(prompt),
      String(r.completion),
      fmt(start),
      fmt(new Date(start.getTime() + 1500)),
      `${r.provider}/${r.model}`,
      r.provider,
      metadata,
      r.cacheHit ? "True" : "False",
      JSON.stringify(["prop"]),
      r.team,
      r.failed ? "failure" : "success",
    ]
      .map(csvCell)
      .join(",");
  });
  return [header.join(","), ...lines].join("\n");
}

describeImporter({
  importer: litellmImporter,
  dir: "litellm",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, Math.floor(g.length * 0.6)), line: true, reason: /truncated/ },
    {
      name: "no request_id column",
      input: (g) =>
        g
          .split("\n")
          .map((l) => l.slice(l.indexOf(",") + 1))
          .join("\n"),
      line: 1,
      field: "request_id",
      reason: /missing column request_id/,
    },
    {
      name: "no spend or model columns",
      input: (g) => g.replace(",spend,", ",cost,").replace(",model,", ",model_name,"),
      line: 1,
      field: "spend",
      reason: /missing columns spend, model/,
    },
    { name: "empty request_id", input: (g) => onLine(g, 2, "chatcmpl-CXa1b2c3d4e5f6g7h8i9j0,", ","), line: 2, field: "request_id", reason: /is required/ },
    { name: "token count not a number", input: (g) => onLine(g, 2, ",1500,1200,300,", ",1500,1.2k,300,"), line: 2, field: "prompt_tokens", reason: /integer/ },
    {
      name: "fractional token count",
      input: (g) => onLine(g, 2, ",1500,1200,300,", ",1500,1200,300.5,"),
      line: 2,
      field: "completion_tokens",
      reason: /whole number/,
    },
    { name: "negative count", input: (g) => onLine(g, 4, ",5250,5000,250,", ",5250,5000,-250,"), line: 4, field: "completion_tokens", reason: /negative/ },
    { name: "bad date", input: (g) => onLine(g, 4, "2025-11-01 13:40:00", "01/11/2025 13:40"), line: 4, field: "startTime", reason: /date-time/ },
    { name: "impossible date", input: (g) => onLine(g, 3, "2025-11-01 11:02:45.5", "2025-13-01 11:02:45.5"), line: 3, field: "startTime", reason: /date/ },
    {
      name: "end before start",
      input: (g) => onLine(g, 6, ",2025-11-01 16:20:30.62,", ",2025-11-01 16:20:29,"),
      line: 6,
      field: "endTime",
      reason: /before startTime/,
    },
    { name: "spend not a number", input: (g) => onLine(g, 3, ",0.036,", ",$0.036,"), line: 3, field: "spend", reason: /decimal/ },
    { name: "negative spend", input: (g) => onLine(g, 4, ",0.005,", ",-0.005,"), line: 4, field: "spend", reason: /negative/ },
    { name: "empty spend", input: (g) => onLine(g, 4, ",0.005,", ",,"), line: 4, field: "spend", reason: /is required/ },
    {
      name: "cache tokens exceed prompt_tokens",
      input: (g) => onLine(g, 3, ",25300,24500,800,", ",25300,20000,800,"),
      line: 3,
      field: "metadata",
      reason: /exceed prompt_tokens/,
    },
    {
      name: "cache count of the wrong type in metadata",
      input: (g) => onLine(g, 2, '""cached_tokens"": 1024}', '""cached_tokens"": ""1024""}'),
      line: 2,
      field: "metadata",
      reason: /cached_tokens must be a whole number/,
    },
    {
      name: "metadata not JSON",
      input: (g) => onLine(g, 2, '""usage_object"": null,', '""usage_object"": nul,'),
      line: 2,
      field: "metadata",
      reason: /valid JSON/,
    },
    { name: "request_tags not an array", input: (g) => onLine(g, 3, '"[""support""]"', '"{""support"": 1}"'), line: 3, field: "request_tags", reason: /array/ },
    { name: "ragged row", input: (g) => onLine(g, 5, ",azure,", ","), line: true, reason: /number of columns/ },
    { name: "empty file", input: () => "", reason: /empty/ },
  ],
  property: {
    build,
    row: fc
      .record({
        id: fc.uuid(),
        pm: fc.constantFrom<[string, string]>(
          ["openai", "gpt-4o-mini"],
          ["anthropic", "claude-haiku-4-5-20251001"],
          ["bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0"],
          ["vertex_ai", "gemini-2.5-flash"],
          ["azure", "my-deployment"],
        ),
        at: fc.nat(3 * 86_400),
        uncached: fc.nat(500_000),
        cached: fc.nat(500_000),
        completion: fc.nat(100_000),
        spendMicros: fc.nat(50_000_000),
        cacheHit: fc.boolean(),
        failed: fc.boolean(),
        team: fc.constantFrom("", "team-a", "team-b"),
      })
      .map(({ pm: [provider, model], ...r }): LogRow => ({ ...r, provider, model })),
  },
});

describe("litellm importer details", () => {
  it("maps providers, strips provider prefixes, and fills team, project, user and tags", async () => {
    const records = await importText(litellmImporter, CSV);
    expect(records.map((r) => [r.provider, r.modelReported, r.model])).toEqual([
      ["openai", "gpt-4o-mini", "gpt-4o-mini"],
      ["anthropic", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
      ["aws", "us.anthropic.claude-3-5-haiku-20241022-v1:0", "regional.anthropic.claude-3-5-haiku-20241022-v1:0"],
      ["azure", "gpt-4.1-mini", "gpt-4.1-mini"],
      ["openai", "text-embedding-3-small", "text-embedding-3-small"],
      ["openai", "gpt-4o", "gpt-4o"],
      ["openai", "gpt-4o-mini", "gpt-4o-mini"],
      ["openai", "o4-mini-2025-04-16", "o4-mini"],
      ["google", "gemini-2.5-flash", "gemini-2.5-flash"],
    ]);
    expect(records.map((r) => [r.requestId, r.team, r.projectId, r.userId])).toEqual([
      ["chatcmpl-CXa1b2c3d4e5f6g7h8i9j0", "team-eng", null, "u-123"],
      ["msg_01XFDUDYJgAACzvnptvVoYEL", "team-support", "proj-support", "u-456"],
      ["chatcmpl-5e0b6a4f-3d2c-4b1a-9f8e-7d6c5b4a3f21", "team-data", null, "u-789"],
      ["chatcmpl-CXb7Yq2LkT9mWn4Pr1Sv", null, null, null],
      ["8e5d0c7b-4a3f-4e2d-9c1b-0a9f8e7d6c5b", "team-data", null, "u-789"],
      ["3b2a1c0d-9e8f-4a7b-b6c5-d4e3f2a1b0c9", "team-eng", null, "u-123"],
      ["chatcmpl-CXa1b2c3d4e5f6g7h8i9j0_cache_hit1762021800.4412", "team-eng", null, "u-123"],
      ["chatcmpl-CXc9Jk3Hg5Fd7Sa2Qw4Er", "team-support", null, "cust-42"],
      ["chatcmpl-2f4e6d8c-0b1a-4c3e-9d5f-7a9b1c3d5e7f", "team-data", null, "u-789"],
    ]);
    expect(records[0]?.tags).toEqual({
      call_type: "acompletion",
      model_group: "gpt-4o-mini",
      team_alias: "Engineering",
      "tag:prod": "true",
      "tag:job:nightly": "true",
    });
    expect(records[2]?.tags).toEqual({ call_type: "acompletion", model_group: "haiku-bedrock", team_alias: "Data", organization_id: "org-acme" });
    expect(records[5]?.tags).toMatchObject({ status: "failure" });
    expect(records[6]?.tags).toMatchObject({ cache_hit: "true", "tag:prod": "true" });
    expect(records[6]).toMatchObject({ uncachedInput: 0, output: 0, requests: 1, billedCostMicros: 0n, listCostMicros: 0n });
    expect(records[1]).toMatchObject({ uncachedInput: 1500, cacheRead: 20000, cacheWrite5m: 2000, cacheWrite1h: 1000, output: 800 });
    expect(records[7]).toMatchObject({ output: 2500, reasoning: 2000 });
    expect(records[0]).toMatchObject({ periodStart: "2025-11-01T10:15:02.123Z", periodEnd: "2025-11-01T10:15:03.900Z", hour: 10, billedCostMicros: 283n });
  });

  it("hashes the key and stores no key hash, email, IP address, session id or error text", async () => {
    const records = [...(await importText(litellmImporter, CSV)), ...(await importText(litellmImporter, API))];
    const keyHash = "3715c08ed1973dd22fa90d544afcc5b879a3cb172cd2334efc950ff0bf32d46e";
    expect(records[0]?.apiKeyHash).toBe(hashApiKey("litellm", keyHash));
    const text = JSON.stringify(records, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    for (const secret of [keyHash, "@example.com", "10.0.3.17", "8c1e2f4a-5b6c", "RateLimitError"]) expect(text).not.toContain(secret);
  });

  it("reads the API's JSON, a data envelope and JSONL alike", async () => {
    const rows = JSON.parse(API) as Json[];
    const base = await importText(litellmImporter, API);
    expect(base.map((r) => [r.provider, r.modelReported, r.batch, r.serviceTier])).toEqual([
      ["groq", "llama-3.3-70b-versatile", false, "standard"],
      ["anthropic", "claude-haiku-4-5-20251001", false, "standard"],
      ["azure", "prod-gpt4o-eu", false, "standard"],
      ["mistral", "mistral-small-latest", false, "standard"],
      ["openai", "gpt-4o-mini", true, "batch"],
    ]);
    expect(base[0]?.tags).toEqual({ call_type: "acompletion", model_group: "llama-70b", "tag:eval": "true", "tag:run:2025-11-03": "true" });
    expect(await importText(litellmImporter, JSON.stringify({ data: rows, total_pages: 1 }))).toEqual(base);
    expect(await importText(litellmImporter, rows.map((r) => JSON.stringify(r)).join("\n"))).toEqual(base);
  });

  it("names the row and field of a bad JSON record", async () => {
    const rows = JSON.parse(API) as Json[];
    delete rows[1].spend;
    expect((await importFailure(litellmImporter, JSON.stringify(rows))).error).toMatchObject({ record: "row 2", field: "spend", reason: /column missing/ });
    const other = JSON.parse(API) as Json[];
    other[2].metadata = "not an object";
    expect((await importFailure(litellmImporter, JSON.stringify(other))).error).toMatchObject({ record: "row 3", field: "metadata", reason: /valid JSON/ });
    const third = JSON.parse(API) as Json[];
    third[0].prompt_tokens = "4000 tokens";
    expect((await importFailure(litellmImporter, JSON.stringify(third))).error).toMatchObject({ record: "row 1", field: "prompt_tokens" });
  });

  it("takes the provider from the model prefix when custom_llm_provider is empty, and keeps rows without a model", async () => {
    const header = "request_id,call_type,spend,prompt_tokens,completion_tokens,startTime,endTime,model,custom_llm_provider";
    const text = [
      header,
      "r1,acompletion,0.001,100,10,2025-11-01 00:00:00,2025-11-01 00:00:01,bedrock/converse/anthropic.claude-3-5-haiku-20241022-v1:0,",
      "r2,call_mcp_tool,0.01,0,0,2025-11-01 00:00:00,2025-11-01 00:00:01,,",
      "r3,acompletion,0.001,100,10,2025-11-01 00:00:00,2025-11-01 00:00:01,together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo,together_ai",
    ].join("\n");
    const records = await importText(litellmImporter, text);
    expect(records.map((r) => [r.provider, r.modelReported, r.model, r.billedCostMicros])).toEqual([
      ["aws", "anthropic.claude-3-5-haiku-20241022-v1:0", "regional.anthropic.claude-3-5-haiku-20241022-v1:0", 1000n],
      ["unknown", null, "unknown", 10000n],
      ["together", "meta-llama/Llama-3.3-70B-Instruct-Turbo", expect.any(String), 1000n],
    ]);
  });

  it("accepts a header-only CSV as an empty export", async () => {
    expect(await importText(litellmImporter, `${CSV.split("\n")[0]}\n`)).toEqual([]);
  });
});
