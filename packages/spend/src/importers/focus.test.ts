import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { cells, csvCell } from "../../test-support/csv-edit.js";
import { totalsOf } from "../totals.js";
import { focusImporter, providerId } from "./focus.js";
import { parseMeter, parseUnit } from "./sku-parse.js";

const AZURE = readFileSync(join(TEST_DATA, "focus", "azure-focuscost.csv"), "utf8");
const XCOLS = readFileSync(join(TEST_DATA, "focus", "x-columns.csv"), "utf8");

const csvLine = (vs: string[]) => vs.map(csvCell).join(",");

/** `text` with `column` of data row `index` (0-based) set, or the column dropped when value is undefined. */
function editCsv(text: string, index: number, column: string, value: string | undefined): string {
  const lines = text.trim().split("\n").map(cells);
  const header = lines[0] ?? [];
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  if (value === undefined) return `${lines.map((l) => csvLine(l.filter((_, i) => i !== col))).join("\n")}\n`;
  const row = lines[index + 1];
  if (row) row[col] = value;
  return `${lines.map(csvLine).join("\n")}\n`;
}

/** CSV text from row objects (columns of the first row). */
function toCsv(rows: Record<string, string>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  return `${[columns.join(","), ...rows.map((r) => csvLine(columns.map((c) => r[c] ?? "")))].join("\n")}\n`;
}

const MODELS: [string, string][] = [
  ["Anthropic", "claude-sonnet-4-5-20250929"],
  ["Anthropic", "claude-haiku-4-5-20251001"],
  ["OpenAI", "gpt-5-2025-08-07"],
  ["OpenAI", "gpt-4o-mini"],
  ["OpenAI", "some-unknown-model"],
];

const propertyRow = fc
  .record({
    model: fc.constantFrom(...MODELS),
    hour: fc.nat(23),
    tokens: fc.nat(5_000_000),
    centsMicros: fc.nat(5_000_000),
    tokenType: fc.constantFrom("input", "cached_input", "cache_write", "output", "reasoning"),
    ttl: fc.constantFrom("", "5m", "1h"),
    tier: fc.constantFrom("standard", "batch", ""),
    category: fc.constantFrom("Usage", "Usage", "Usage", "Purchase"),
    service: fc.constantFrom("AI and Machine Learning", "AI and Machine Learning", "Compute"),
    team: fc.constantFrom("a", "b", ""),
  })
  .map((r) => {
    const start = new Date(Date.UTC(2025, 10, 5, r.hour)).toISOString().replace(".000Z", "Z");
    const end = new Date(Date.UTC(2025, 10, 5, r.hour + 1)).toISOString().replace(".000Z", "Z");
    return {
      BilledCost: String(r.centsMicros / 1e6),
      BillingAccountId: "acct-1",
      BillingCurrency: "USD",
      ChargeCategory: r.category,
      ChargeClass: "",
      ChargeDescription: `${r.tokenType} tokens`,
      ChargePeriodEnd: end,
      ChargePeriodStart: start,
      ConsumedQuantity: String(r.tokens),
      ConsumedUnit: "Tokens",
      ServiceCategory: r.service,
      ServiceName: "API",
      ServiceProviderName: r.model[0],
      SkuId: `${r.model[1]}-${r.tokenType}`,
      SkuMeter: "Tokens",
      SubAccountId: "proj_1",
      Tags: r.team ? JSON.stringify({ team: r.team }) : "",
      x_TokenType: r.tokenType,
      x_Model: r.model[1],
      x_CacheTtl: r.tokenType === "cache_write" ? r.ttl : "",
      x_ServiceTier: r.tier,
    };
  });

describeImporter({
  importer: focusImporter,
  dir: "focus",
  property: { build: (rows: Json[]) => toCsv(rows), row: propertyRow },
  malformed: [
    {
      name: "truncated file",
      input: () => {
        const end = AZURE.trimEnd().lastIndexOf("\n");
        return AZURE.slice(0, end + 40);
      },
      line: true,
      reason: /truncated/,
    },
    { name: "missing BilledCost column", input: () => editCsv(AZURE, 0, "BilledCost", undefined), line: 1, field: "BilledCost", reason: /missing column/ },
    {
      name: "missing provider columns",
      input: () => editCsv(editCsv(AZURE, 0, "ProviderName", undefined), 0, "PublisherName", undefined),
      line: 1,
      field: "ProviderName",
      reason: /missing column/,
    },
    { name: "BilledCost of the wrong type", input: () => editCsv(AZURE, 1, "BilledCost", "n/a"), line: 3, field: "BilledCost", reason: /decimal amount/ },
    {
      name: "ConsumedQuantity of the wrong type",
      input: () => editCsv(AZURE, 2, "ConsumedQuantity", "1,000,000"),
      line: 4,
      field: "ConsumedQuantity",
      reason: /must be a number/,
    },
    {
      name: "bad timestamp",
      input: () => editCsv(AZURE, 0, "ChargePeriodStart", "11/03/2025 00:00"),
      line: 2,
      field: "ChargePeriodStart",
      reason: /date-time/,
    },
    {
      name: "end before start",
      input: () => editCsv(AZURE, 0, "ChargePeriodEnd", "2025-11-02T00:00:00Z"),
      line: 2,
      field: "ChargePeriodEnd",
      reason: /after ChargePeriodStart/,
    },
    { name: "negative quantity", input: () => editCsv(AZURE, 1, "ConsumedQuantity", "-500000"), line: 3, field: "ConsumedQuantity", reason: /negative/ },
    { name: "Tags not a JSON object", input: () => editCsv(AZURE, 0, "Tags", "[1,2]"), line: 2, field: "Tags", reason: /JSON object/ },
    { name: "bad currency", input: () => editCsv(AZURE, 0, "BillingCurrency", "Dollars"), line: 2, field: "BillingCurrency", reason: /currency code/ },
    { name: "unknown x_TokenType", input: () => editCsv(XCOLS, 0, "x_TokenType", "prompt"), line: 2, field: "x_TokenType", reason: /must be one of/ },
    { name: "bad x_CacheTtl", input: () => editCsv(XCOLS, 2, "x_CacheTtl", "10m"), line: 4, field: "x_CacheTtl", reason: /5m or 1h/ },
    {
      name: "x_TokenType with a non-token unit",
      input: () => editCsv(XCOLS, 0, "ConsumedUnit", "Hours"),
      line: 2,
      field: "ConsumedUnit",
      reason: /token unit/,
    },
  ],
});

describe("focus specifics", () => {
  it("maps provider names to catalog ids", () => {
    expect(providerId("Microsoft")).toBe("azure");
    expect(providerId("AWS")).toBe("aws");
    expect(providerId("Amazon Web Services")).toBe("aws");
    expect(providerId("Google Cloud")).toBe("google");
    expect(providerId("OpenAI")).toBe("openai");
    expect(providerId("Anthropic")).toBe("anthropic");
    expect(providerId("Solora AI")).toBe("solora-ai");
  });

  it("parses units and meters", () => {
    expect(parseUnit("1000 Tokens")).toEqual({ tokens: true, scale: { digits: 1000n, scale: 0 } });
    expect(parseUnit("1M Tokens")).toEqual({ tokens: true, scale: { digits: 1_000_000n, scale: 0 } });
    expect(parseUnit("Units")?.tokens).toBe(false);
    expect(parseUnit("Token-Hours")).toBeNull();
    expect(parseUnit("Hours")).toBeNull();
    expect(parseMeter("gpt-4o-mini-0718-Inp-glbl Tokens")).toMatchObject({ model: "gpt-4o-mini", version: "0718", kind: "input" });
    expect(parseMeter("gpt 4.1 mini cached Inp glbl Tokens")).toMatchObject({ model: "gpt-4.1-mini", kind: "cache_read" });
    expect(parseMeter("gpt-4-8K-Batch-Inp-glbl Tokens")).toMatchObject({ kind: "input", tier: "batch" });
    expect(parseMeter("Cache Write Input Tokens")).toMatchObject({ model: null, kind: "cache_write" });
    expect(parseMeter("USE1-Claude4.6Sonnet-cache-read-input-token-count")).toMatchObject({ kind: "cache_read" });
  });

  it("maps an Azure meter row: model with its meter version, provider, tags, project", async () => {
    const records = await importText(focusImporter, AZURE);
    expect(records[0]).toMatchObject({
      provider: "azure",
      model: "gpt-4o-mini",
      modelReported: "gpt-4o-mini",
      projectId: "/subscriptions/3f2b9c61-8d4e-4a7f-b0c2-5e91d7a6f3b8",
      tags: { "tag:env": "prod", "tag:team": "search", region: "eastus2" },
      uncachedInput: 2_000_000,
      hour: null,
      day: "2025-11-03",
      billedCostMicros: 300_000n,
    });
    expect(records.find((r) => r.modelReported === "gpt-4o-2024-05-13")).toMatchObject({ listCostMicros: 500_000n, tags: { region: "eastus2" } });
    expect(records.find((r) => r.serviceTier === "batch")).toMatchObject({ model: "gpt-4.1-mini", batch: true, uncachedInput: 1_000_000 });
  });

  it("maps the x_ columns: cache TTLs, reasoning, scaled units, tiers", async () => {
    const records = await importText(focusImporter, XCOLS);
    expect(records.map((r) => [r.provider, r.model, r.uncachedInput, r.cacheRead, r.cacheWrite5m, r.cacheWrite1h, r.output, r.reasoning])).toEqual([
      ["anthropic", "claude-sonnet-4-5", 1_000_000, 0, 0, 0, 0, 0],
      ["anthropic", "claude-sonnet-4-5", 0, 4_000_000, 0, 0, 0, 0],
      ["anthropic", "claude-sonnet-4-5", 0, 0, 200_000, 0, 0, 0],
      ["anthropic", "claude-sonnet-4-5", 0, 0, 0, 100_000, 0, 0],
      ["anthropic", "claude-sonnet-4-5", 0, 0, 0, 0, 150_000, 0],
      ["openai", "gpt-5", 800_000, 0, 0, 0, 0, 0],
      ["openai", "gpt-5", 0, 2_000_000, 0, 0, 0, 0],
      ["openai", "gpt-5", 0, 0, 0, 0, 100_000, 0],
      ["openai", "gpt-5", 0, 0, 0, 0, 60_000, 60_000],
      ["openai", "gpt-5", 1_000_000, 0, 0, 0, 0, 0],
    ]);
    expect(records[9]).toMatchObject({ serviceTier: "batch", batch: true, modelReported: "gpt-5-2025-08-07", projectId: "proj_Xk2Lq8RfT0aZ" });
    expect(records[0]).toMatchObject({ serviceTier: "standard", hour: 10, tags: { "tag:app": "support-bot", "tag:cost-center": "cc-311" } });
    for (const r of records) expect(r.requestId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads the FOCUS draft SkuPriceDetails token properties (spec example data)", async () => {
    const header =
      "BilledCost,BillingAccountId,BillingCurrency,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodEnd,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,ServiceCategory,ServiceName,ServiceProviderName,ServiceSubcategory,SkuId,SkuMeter,SkuPriceDetails,SkuPriceId";
    const d = (o: object) => csvCell(JSON.stringify(o));
    const model = { ModelDeveloper: "Solora AI", ModelId: "solora-reasoning-pro", ModelVersion: "3.0" };
    const text = [
      header,
      `1.5,acct-1001,USD,Usage,,Input tokens for Solora Reasoning Pro,2025-02-01T00:00:00Z,2025-01-01T00:00:00Z,500000.0,Tokens,AI and Machine Learning,Solora Generative AI API,Solora AI,Generative AI,p-in,Input Tokens,${d({ ...model, TokenCacheAction: "Uncached", TokenDirection: "Input" })},p-in-od`,
      `7.5,acct-1001,USD,Usage,,Cache write input tokens for Solora Reasoning Pro,2025-02-01T00:00:00Z,2025-01-01T00:00:00Z,2000000.0,Tokens,AI and Machine Learning,Solora Generative AI API,Solora AI,Generative AI,p-cw,Cache Write Input Tokens,${d({ ...model, TokenCacheAction: "Write", TokenDirection: "Input" })},p-cw-od`,
      `2.4,acct-1001,USD,Usage,,Cache read input tokens for Solora Reasoning Pro,2025-02-01T00:00:00Z,2025-01-01T00:00:00Z,8000000.0,Tokens,AI and Machine Learning,Solora Generative AI API,Solora AI,Generative AI,p-cr,Cache Read Input Tokens,${d({ ...model, TokenType: "CacheRead" })},p-cr-od`,
      `22.5,acct-1001,USD,Usage,,Output tokens for Solora Reasoning Pro,2025-02-01T00:00:00Z,2025-01-01T00:00:00Z,1500000.0,Tokens,AI and Machine Learning,Solora Generative AI API,Solora AI,Generative AI,p-out,Output Tokens,${d({ ...model, TokenDirection: "Output" })},p-out-od`,
      `6.0,acct-1001,USD,Usage,,Context cache storage,2025-02-01T00:00:00Z,2025-01-01T00:00:00Z,6000000.0,Token-Hours,AI and Machine Learning,Solora Generative AI API,Solora AI,Generative AI,p-st,Context Cache Storage,${d(model)},p-st-od`,
    ].join("\n");
    const records = await importText(focusImporter, text);
    expect(records.map((r) => [r.provider, r.model, r.uncachedInput, r.cacheWrite5m, r.cacheRead, r.output, r.hour, r.day])).toEqual([
      ["solora-ai", "solora-reasoning-pro", 500_000, 0, 0, 0, null, "2025-01-01"],
      ["solora-ai", "solora-reasoning-pro", 0, 2_000_000, 0, 0, null, "2025-01-01"],
      ["solora-ai", "solora-reasoning-pro", 0, 0, 8_000_000, 0, null, "2025-01-01"],
      ["solora-ai", "solora-reasoning-pro", 0, 0, 0, 1_500_000, null, "2025-01-01"],
    ]);
    expect(totalsOf(records).billedCostMicros).toBe(33_900_000n);
  });

  it("reads Google's FOCUS view: Gemini SKU descriptions metered in count", async () => {
    const header =
      "BilledCost,BillingCurrency,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodEnd,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,ProviderName,PublisherName,RegionId,ServiceCategory,ServiceName,SkuId,SubAccountId,Tags";
    const text = [
      header,
      `1.5,USD,Usage,,Gemini 2.5 Pro Text Input - Predictions,2025-11-03 15:00:00 UTC,2025-11-03 14:00:00 UTC,1200000,count,Google Cloud,Google Cloud,us-central1,AI and Machine Learning,Vertex AI,A121-E2B5-1418,search-prod-417,"{""team"":""search""}"`,
      `1.0,USD,Usage,,Gemini 2.5 Pro Thinking Text Output - Predictions,2025-11-03 15:00:00 UTC,2025-11-03 14:00:00 UTC,100000,count,Google Cloud,Google Cloud,us-central1,AI and Machine Learning,Vertex AI,9D3C-61E0-27AF,search-prod-417,`,
      `2.0,USD,Usage,,Gemini 2.5 Flash GA Input Text Caching Storage,2025-11-03 15:00:00 UTC,2025-11-03 14:00:00 UTC,2000000,count,Google Cloud,Google Cloud,us-central1,AI and Machine Learning,Vertex AI,C2F9-77A4-0B5E,search-prod-417,`,
    ].join("\n");
    const records = await importText(focusImporter, text);
    expect(records.map((r) => [r.provider, r.model, r.uncachedInput, r.output, r.reasoning, r.hour, r.projectId])).toEqual([
      ["google", "gemini-2.5-pro", 1_200_000, 0, 0, 14, "search-prod-417"],
      ["google", "gemini-2.5-pro", 0, 100_000, 100_000, 14, "search-prod-417"],
    ]);
  });

  it("re-exports dedupe across FOCUS 1.2 and 1.3 provider columns and column order", async () => {
    const a = await importText(focusImporter, XCOLS);
    const lines = XCOLS.trim().split("\n").map(cells);
    const header = lines[0] ?? [];
    const renamed = header.map((c) => (c === "ServiceProviderName" ? "ProviderName" : c));
    const order = renamed.map((_, i) => i).reverse();
    const text = `${[order.map((i) => renamed[i] ?? ""), ...lines.slice(1).map((l) => order.map((i) => l[i] ?? ""))].map(csvLine).join("\n")}\n`;
    const b = await importText(focusImporter, text);
    expect(b.map((r) => r.requestId)).toEqual(a.map((r) => r.requestId));
    expect(b).toEqual(a);
  });

  it("accepts Azure's brace-less Tags and JSON rows", async () => {
    const braceless = editCsv(AZURE, 0, "Tags", '"env": "prod","team": "search"');
    const [first] = await importText(focusImporter, braceless);
    expect(first?.tags).toEqual({ "tag:env": "prod", "tag:team": "search", region: "eastus2" });
    const rows = AZURE.trim()
      .split("\n")
      .map(cells)
      .slice(1)
      .map((l) => Object.fromEntries((AZURE.split("\n")[0] ?? "").split(",").map((c, i) => [c, l[i] === "" ? null : l[i]])));
    const fromJson = await importText(focusImporter, rows.map((r) => JSON.stringify(r)).join("\n"));
    expect(totalsOf(fromJson)).toEqual(totalsOf(await importText(focusImporter, AZURE)));
  });
});
