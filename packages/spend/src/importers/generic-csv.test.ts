import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importText, type Json, pricer, TEST_DATA } from "../../test-support/conformance.js";
import { recordKeyOf } from "../record.js";
import { buildRecord } from "./build-record.js";
import { csvImporter, fastRecordKey } from "./generic-csv.js";

function swap(golden: string, from: string, to: string): string {
  if (!golden.includes(from)) throw new Error(`test input lacks ${from}`);
  return golden.replace(from, to);
}

/** Removes a column from a simple (unquoted) CSV. */
function dropColumn(csv: string, name: string): string {
  const lines = csv.split("\n");
  const at = (lines[0] ?? "").split(",").indexOf(name);
  if (at < 0) throw new Error(`no column ${name}`);
  return lines
    .map((l) =>
      l === ""
        ? l
        : l
            .split(",")
            .filter((_, i) => i !== at)
            .join(","),
    )
    .join("\n");
}

const COLUMNS = ["date", "provider", "model", "input_tokens", "cache_read_tokens", "output_tokens", "requests", "cost_usd", "project", "tag:env"];

describeImporter({
  importer: csvImporter,
  dir: "csv",
  malformed: [
    { name: "truncated file", input: (g) => g.slice(0, g.lastIndexOf(",")), line: true, reason: /columns|CSV/ },
    { name: "wrong type", input: (g) => swap(g, "gpt-4o-mini,1000000", "gpt-4o-mini,lots"), line: 2, field: "input_tokens", reason: /non-negative integer/ },
    { name: "fractional count", input: (g) => swap(g, ",65432,", ",65432.5,"), line: 7, field: "output_tokens", reason: /whole number/ },
    { name: "missing column", input: (g) => dropColumn(g, "model"), line: 1, field: "model", reason: /missing column model/ },
    {
      name: "no token column",
      input: (g) => ["input_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "output_tokens"].reduce(dropColumn, g),
      line: 1,
      reason: /token column/,
    },
    {
      name: "unknown column",
      input: (g) => swap(g, ",output_tokens,", ",ouput_tokens,"),
      line: 1,
      field: "ouput_tokens",
      reason: /unknown column "ouput_tokens"/,
    },
    { name: "bad date", input: (g) => swap(g, "2025-11-02,google", "2025-11-31,google"), line: 5, field: "date", reason: /valid date/ },
    { name: "US date", input: (g) => swap(g, "2025-11-02,google", "11/02/2025,google"), line: 5, field: "date", reason: /YYYY-MM-DD/ },
    { name: "date-time without a zone", input: (g) => swap(g, "2025-11-02,google", "2025-11-02T10:00:00,google"), line: 5, field: "date", reason: /time zone/ },
    { name: "negative count", input: (g) => swap(g, ",65432,", ",-65432,"), line: 7, field: "output_tokens", reason: /negative/ },
    { name: "reasoning above output", input: (g) => swap(g, ",50000,20000,", ",50000,70000,"), line: 5, field: "reasoning_tokens", reason: /must not exceed/ },
    { name: "unknown service tier", input: (g) => swap(g, ",flex,", ",flx,"), line: 6, field: "service_tier", reason: /one of/ },
    {
      name: "batch contradicting the tier",
      input: (g) => swap(g, ",true,,proj_batch", ",true,flex,proj_batch"),
      line: 4,
      field: "service_tier",
      reason: /contradicts/,
    },
    { name: "bad boolean", input: (g) => swap(g, ",true,,proj_batch", ",ja,,proj_batch"), line: 4, field: "batch", reason: /true or false/ },
    { name: "negative cost", input: (g) => swap(g, ",4.11,", ",-4.11,"), line: 3, field: "cost_usd", reason: /negative/ },
    { name: "bad cost", input: (g) => swap(g, ",4.11,", ",$4.11,"), line: 3, field: "cost_usd", reason: /decimal/ },
    { name: "bad currency", input: (g) => swap(g, ",4.11,USD,", ",4.11,US,"), line: 3, field: "currency", reason: /ISO 4217/ },
    { name: "email as user", input: (g) => swap(g, ",u_1001,", ",ann@example.com,"), line: 5, field: "user", reason: /email/ },
    { name: "empty provider", input: (g) => swap(g, "2025-11-02,acme,", "2025-11-02,,"), line: 7, field: "provider", reason: /required/ },
    { name: "empty file", input: () => "", reason: /empty/ },
  ],
  property: {
    build: (rows) => [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => r[c] ?? "").join(","))].join("\n"),
    row: fc.record({
      date: fc.nat(40).map((d) => new Date(Date.UTC(2025, 9, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      provider: fc.constantFrom("openai", "anthropic", "google", "acme"),
      model: fc.constantFrom("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash", "acme-1"),
      input_tokens: fc.nat(5_000_000),
      cache_read_tokens: fc.nat(1_000_000),
      output_tokens: fc.nat(1_000_000),
      requests: fc.nat(10_000),
      cost_usd: fc.option(
        fc.nat(1_000_000_000).map((m) => (m / 1e6).toFixed(6)),
        { nil: "" },
      ),
      project: fc.constantFrom("p1", "p2", ""),
      "tag:env": fc.constantFrom("prod", "dev", ""),
    }),
  },
});

describe("generic csv details", () => {
  const line = (o: Json) => JSON.stringify(o);

  it("rejects an hourly bucket that does not start on the hour, unless the row has an id", async () => {
    const bucket = { date: "2025-11-03T09:30:00Z", provider: "openai", model: "gpt-4o", input_tokens: 1 };
    await expect(importText(csvImporter, `${line({ ...bucket, date: "2025-11-03T09:00:00Z" })}\n${line(bucket)}\n`)).rejects.toMatchObject({
      line: 2,
      field: "date",
      reason: expect.stringMatching(/start on the hour/),
    });
    const [r] = await importText(csvImporter, `${line({ ...bucket, id: "r1" })}\n${line({ ...bucket, id: "r2" })}\n`);
    expect(r).toMatchObject({ hour: 9, periodStart: "2025-11-03T09:00:00.000Z", periodEnd: "2025-11-03T10:00:00.000Z", requestId: "r1", requests: 1 });
  });

  it("checks each JSONL object's fields, names the line, and accepts a JSON array", async () => {
    const ok = { date: "2025-11-03", provider: "openai", model: "gpt-4o", output_tokens: 5 };
    await expect(importText(csvImporter, `${line(ok)}\n${line({ ...ok, modle: "x" })}\n`)).rejects.toMatchObject({ line: 2, field: "modle" });
    await expect(importText(csvImporter, `${line(ok)}\n${line({ date: "2025-11-03", provider: "openai", model: "gpt-4o" })}\n`)).rejects.toMatchObject({
      line: 2,
      reason: expect.stringMatching(/token column/),
    });
    const { model: _m, ...noModel } = ok;
    await expect(importText(csvImporter, `${line(ok)}\n${line(noModel)}\n`)).rejects.toMatchObject({ line: 2, field: "model", reason: "missing field model" });
    expect(await importText(csvImporter, JSON.stringify([ok, ok]))).toHaveLength(2);
  });

  it("keeps the currency, hashes API key ids, and records tags", async () => {
    const csv = ["date,provider,model,input_tokens,cost_usd,currency,api_key_id,tag:team name", "2025-11-03,OpenAI,gpt-4o,1000,12.5,eur,sk-live-abc,core"].join(
      "\n",
    );
    const [r] = await importText(csvImporter, csv);
    expect(r).toMatchObject({ provider: "openai", currency: "EUR", billedCostMicros: 12_500_000n, tags: { "team name": "core" } });
    expect(r?.apiKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("sk-live-abc");
  });

  it("parses costs exactly, including more than six decimals (rounded half-even once)", async () => {
    const csv = [
      "date,provider,model,input_tokens,cost_usd",
      "2025-11-03,openai,gpt-4o,1,0.0000005",
      "2025-11-03,openai,gpt-4o-mini,1,0.0000015",
      "2025-11-03,openai,o3,1,1e-3",
    ].join("\n");
    const rs = await importText(csvImporter, csv);
    expect(rs.map((r) => r.billedCostMicros)).toEqual([0n, 2n, 1000n]);
  });

  it("rejects a tag column without a name", async () => {
    await expect(importText(csvImporter, "date,provider,model,input_tokens,tag:\n2025-11-03,openai,gpt-4o,1,x\n")).rejects.toMatchObject({
      line: 1,
      field: "tag:",
    });
  });

  it("accepts a header-only file as an empty export", async () => {
    expect(await importText(csvImporter, "date,provider,model,input_tokens\n")).toEqual([]);
  });

  it("computes record keys exactly as recordKeyOf does", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("", 'a"b', "\\", "\u2028", "é"));
    fc.assert(
      fc.property(
        fc.record({
          source: fc.constant("csv" as const),
          periodStart: fc.constantFrom("2025-11-01T00:00:00.000Z", "2025-11-01T13:00:00.000Z"),
          periodEnd: fc.constantFrom("2025-11-02T00:00:00.000Z", "2025-11-01T14:00:00.000Z"),
          provider: text,
          modelReported: fc.option(text, { nil: null }),
          projectId: fc.option(text, { nil: null }),
          workspaceId: fc.option(text, { nil: null }),
          apiKeyHash: fc.option(fc.constantFrom("0".repeat(64), "ab".repeat(32)), { nil: null }),
          userId: fc.option(text, { nil: null }),
          serviceTier: fc.constantFrom("standard" as const, "batch" as const, "flex" as const, "priority" as const),
          batch: fc.boolean(),
          longContext: fc.boolean(),
          tags: fc.dictionary(text, text, { maxKeys: 5 }),
          requestId: fc.option(text, { nil: null }),
        }),
        (id) => {
          expect(fastRecordKey(id)).toBe(recordKeyOf(id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives for every row exactly the record buildRecord gives", async () => {
    for (const file of ["daily.csv", "hourly.jsonl"]) {
      const records = await importText(csvImporter, readFileSync(join(TEST_DATA, "csv", file), "utf8"));
      for (const r of records) expect(buildRecord(r, { fileName: file, pricer })).toEqual(r);
    }
  });
});

describe("generic csv record keys on the fast path", () => {
  it("property: every imported record's key is recordKeyOf(record), for CSV and JSONL with any text", async () => {
    const text = fc.oneof(
      fc.constantFrom("", "p1", "a,b", 'say "hi"', "line\nbreak", "é", "\u2028", "\\"),
      fc.string({ unit: fc.constantFrom("a", "Z", ",", '"', "\n", "\\", " ", "é", "😀", "\u0001"), maxLength: 8 }),
    );
    const row = fc.record({
      date: fc.constantFrom("2025-11-01", "2025-11-02", "2025-11-01T13:00:00Z"),
      provider: fc.constantFrom("openai", "anthropic", "acme"),
      model: fc.constantFrom("gpt-4o-mini", "claude-haiku-4-5", "acme-1"),
      input_tokens: fc.nat(1_000_000),
      output_tokens: fc.nat(1_000_000),
      project: text,
      workspace: text,
      user: text.filter((t) => !t.includes("@")),
      team: text,
      api_key_id: fc.constantFrom("", "key-1", "key-2"),
      "tag:b": text,
      "tag:a": text,
      id: fc.constantFrom("", "r1", 'r"2'),
    });
    const cols = ["date", "provider", "model", "input_tokens", "output_tokens", "project", "workspace", "user", "team", "api_key_id", "tag:b", "tag:a", "id"];
    const quoteCsv = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (rows) => {
        const csv = [cols.join(","), ...rows.map((r) => cols.map((c) => quoteCsv(r[c as keyof typeof r])).join(","))].join("\n");
        // Twice over, so that a single row is still sniffed as JSONL.
        const jsonl = [...rows, ...rows].map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== "")))).join("\n");
        for (const records of [await importText(csvImporter, csv), await importText(csvImporter, jsonl)]) {
          expect(records.length % rows.length).toBe(0);
          for (const r of records) expect(r.recordKey).toBe(recordKeyOf(r));
        }
      }),
      { numRuns: 150 },
    );
  });
});
