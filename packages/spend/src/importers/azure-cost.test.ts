import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importText, TEST_DATA } from "../../test-support/conformance.js";
import { cells, csvCell } from "../../test-support/csv-edit.js";
import { azureCostImporter, parseAzureMeter } from "./azure-cost.js";

const EA = readFileSync(join(TEST_DATA, "azure-cost", "ea-daily.csv"), "utf8");
const MCA = readFileSync(join(TEST_DATA, "azure-cost", "mca-camelcase.csv"), "utf8");

/** The 1-based line of the first data row whose meter name is `meter`. */
function lineOfMeter(text: string, meter: string): number {
  const lines = text.split("\n");
  const col = cells(lines[0] ?? "").findIndex((h) => h.toLowerCase() === "metername");
  return lines.findIndex((l, i) => i > 0 && cells(l)[col] === meter) + 1;
}

/** Sets `column` (any case) of the first row whose meter name is `meter`. */
function setCell(text: string, meter: string, column: string, value: string): string {
  const lines = text.split("\n");
  const header = cells(lines[0] ?? "");
  const col = header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
  if (col < 0) throw new Error(`no column ${column}`);
  const at = lineOfMeter(text, meter) - 1;
  if (at < 1) throw new Error(`no meter ${meter}`);
  const row = cells(lines[at] ?? "");
  row[col] = value;
  lines[at] = row.map(csvCell).join(",");
  return lines.join("\n");
}

// Both goldens have this meter, so the malformed cases work on whichever golden comes first.
const MINI_IN_EA = "gpt-4o-mini-0718-Inp-glbl Tokens";
const MINI_IN_MCA = "gpt-4o-mini-0718-Batch-Inp-glbl Tokens";
const tokenMeter = (g: string) => (g.includes(MINI_IN_EA) ? MINI_IN_EA : MINI_IN_MCA);
const edit = (column: string, value: string) => (g: string) => setCell(g, tokenMeter(g), column, value);
const lineOfToken = (g: string) => lineOfMeter(g, tokenMeter(g));
// The line numbers of the first golden (ea-daily.csv sorts first).
const FIRST = EA;

interface GenRow {
  day: number;
  meter: number;
  qtyMilli: number;
  costMicros: number;
  resource: string;
  team: string;
  charge: string;
}

const METERS = [
  { name: "gpt-4o-mini-0718-Inp-glbl Tokens", category: "Cognitive Services", unit: "1K", product: "Azure OpenAI" },
  { name: "gpt 4.1 mini cached Inp glbl Tokens", category: "Cognitive Services", unit: "1K", product: "Azure OpenAI" },
  { name: "GPT 5 Outpt Glbl", category: "Foundry Models", unit: "1M", product: "Azure OpenAI GPT5" },
  { name: "o3 0416 Batch Outp glbl Tokens", category: "Foundry Models", unit: "1K", product: "Azure OpenAI Reasoning" },
  { name: "Provisioned Managed Global Unit", category: "Cognitive Services", unit: "1 Hour", product: "Azure OpenAI Provisioned Managed" },
  { name: "D4s v5", category: "Virtual Machines", unit: "1 Hour", product: "Virtual Machines Dsv5 Series" },
];

const GEN_COLUMNS = [
  "Date",
  "ProductName",
  "MeterCategory",
  "MeterId",
  "MeterName",
  "UnitOfMeasure",
  "Quantity",
  "CostInBillingCurrency",
  "BillingCurrency",
  "ConsumedService",
  "ResourceId",
  "Tags",
  "ChargeType",
];

/** An EA cost-details CSV of generated rows (quantities with three decimals: whole tokens for 1K and 1M units). */
function build(rows: GenRow[]): string {
  const lines = rows.map((r) => {
    const m = METERS[r.meter % METERS.length] ?? METERS[0];
    const day = new Date(Date.UTC(2026, 8, 1 + r.day));
    const date = `${String(day.getUTCMonth() + 1).padStart(2, "0")}/${String(day.getUTCDate()).padStart(2, "0")}/${day.getUTCFullYear()}`;
    const cost = `${Math.floor(r.costMicros / 1e6)}.${String(r.costMicros % 1e6).padStart(6, "0")}`;
    const service = m?.category === "Virtual Machines" ? "Microsoft.Compute" : "Microsoft.CognitiveServices";
    return [
      date,
      m?.product ?? "",
      m?.category ?? "",
      `meter-${r.meter}`,
      m?.name ?? "",
      m?.unit ?? "",
      (r.qtyMilli / 1000).toString(),
      cost,
      "USD",
      service,
      `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/${r.resource}`,
      `"team": "${r.team}"`,
      r.charge,
    ]
      .map(csvCell)
      .join(",");
  });
  return [GEN_COLUMNS.join(","), ...lines].join("\n");
}

const genRow: fc.Arbitrary<GenRow> = fc.record({
  day: fc.nat(20),
  meter: fc.nat(METERS.length - 1),
  qtyMilli: fc.nat(10_000_000),
  costMicros: fc.nat(50_000_000),
  resource: fc.constantFrom("aoai-a", "aoai-b"),
  team: fc.constantFrom("ml", "search"),
  charge: fc.constantFrom("Usage", "Usage", "Usage", "Purchase"),
});

describeImporter({
  importer: azureCostImporter,
  dir: "azure-cost",
  malformed: [
    {
      name: "truncated CSV (unclosed quote)",
      input: (g) => g.slice(0, g.lastIndexOf("env") + 2),
      line: true,
      reason: /not closed|truncated/,
    },
    {
      name: "short row",
      input: (g) => {
        const lines = g.split("\n");
        const at = lineOfToken(g) - 1;
        lines[at] = cells(lines[at] ?? "")
          .slice(0, 12)
          .map(csvCell)
          .join(",");
        return lines.join("\n");
      },
      line: lineOfToken(FIRST),
      reason: /number of columns/,
    },
    {
      name: "missing required column",
      input: (g) => g.replace(/,quantity,/i, ",Amount,"),
      line: 1,
      field: "Quantity",
      reason: /missing column/,
    },
    {
      name: "non-numeric quantity",
      input: edit("Quantity", "160,46"),
      line: lineOfToken(FIRST),
      field: "Quantity",
      reason: /must be a number/,
    },
    {
      name: "bad date",
      input: edit("Date", "14.09.2026"),
      line: lineOfToken(FIRST),
      field: "Date",
      reason: /date/,
    },
    {
      name: "impossible date",
      input: edit("Date", "13/45/2026"),
      line: lineOfToken(FIRST),
      field: "Date",
      reason: /valid date/,
    },
    {
      name: "negative quantity",
      input: edit("Quantity", "-160.46"),
      line: lineOfToken(FIRST),
      field: "Quantity",
      reason: /negative/,
    },
    {
      name: "unit of measure that is not a token unit",
      input: edit("UnitOfMeasure", "1 Hour"),
      line: lineOfToken(FIRST),
      field: "UnitOfMeasure",
      reason: /cannot convert "1 Hour" to tokens/,
    },
    {
      name: "fractional token count",
      input: edit("Quantity", "160.4605"),
      line: lineOfToken(FIRST),
      field: "Quantity",
      reason: /not a whole number of tokens/,
    },
    {
      name: "negative cost",
      input: edit("CostInBillingCurrency", "-0.024069"),
      line: lineOfToken(FIRST),
      field: "CostInBillingCurrency",
      reason: /negative/,
    },
    {
      name: "tags that are not Azure's tag text",
      input: edit("Tags", "env=prod;team=ml"),
      line: lineOfToken(FIRST),
      field: "Tags",
      reason: /tag text/,
    },
  ],
  property: { build, row: genRow },
});

describe("azure-cost specifics", () => {
  it("parses the meter-name formats", () => {
    const cases: [string, string, Partial<ReturnType<typeof parseAzureMeter>>][] = [
      ["gpt-4o-mini-0718-Inp-glbl Tokens", "Azure OpenAI", { kind: "tokens", model: "gpt-4o-mini-2024-07-18", bucket: "uncachedInput", scope: "global" }],
      ["gpt 4o 0513 Input global Tokens", "Azure OpenAI", { model: "gpt-4o-2024-05-13", bucket: "uncachedInput", scope: "global" }],
      ["gpt 4.1 mini cached Inp glbl", "Azure OpenAI", { model: "gpt-4.1-mini", bucket: "cacheRead" }],
      ["GPT 5 Inpt Glbl", "Azure OpenAI GPT5", { model: "gpt-5", bucket: "uncachedInput" }],
      ["GPT 5 Mini outpt Glbl 1M Tokens", "Azure OpenAI GPT5", { model: "gpt-5-mini", bucket: "output" }],
      ["gpt-4-8K-Batch-Inp-glbl", "Azure OpenAI", { model: "gpt-4", tier: "batch", bucket: "uncachedInput" }],
      ["gpt-4-32K-0613-Outp-regnl Tokens", "Azure OpenAI", { model: "gpt-4-32k-0613", bucket: "output", scope: "regional" }],
      ["gpt-35-turbo-0125-Inp-regnl Tokens", "Azure OpenAI", { model: "gpt-3.5-turbo-0125" }],
      ["o3 mini 0131 Batch Outp Data Zone Tokens", "Azure OpenAI Reasoning", { model: "o3-mini-2025-01-31", tier: "batch", scope: "datazone" }],
      ["5.4 cd inp Gl 1M Tokens", "Azure OpenAI GPT5", { model: "gpt-5.4", bucket: "cacheRead" }],
      ["5.6 luna ShortCo Cd Wr Std Gl", "Azure OpenAI GPT5", { model: "gpt-5.6-luna", bucket: "cacheWrite5m" }],
      ["gpt-realtime-2.1 Audio inp Gl", "Azure OpenAI Media", { model: "gpt-realtime-2.1", audio: true, bucket: "uncachedInput" }],
      ["gpt img 1.5 opt img gl", "Azure OpenAI Media", { model: "gpt-img-1.5", bucket: "output", scope: "global" }],
      ["text-embedding-3-small-glbl Tokens", "Azure OpenAI", { model: "text-embedding-3-small", bucket: "uncachedInput" }],
      ["R1 Inp glbl Tokens", "Azure Deepseek Models", { model: "deepseek-r1" }],
      ["Sonnet 5 Cd Inp glbl", "Azure Anthropic Models", { model: "claude-sonnet-5", bucket: "cacheRead" }],
      ["gpt 4o 0806 PTU Inp Gl", "Azure OpenAI", { kind: "ptu", model: "gpt-4o-2024-08-06" }],
      ["Provisioned Managed Global Unit", "Azure OpenAI Provisioned Managed", { kind: "ptu", model: null, scope: "global" }],
      ["Standard Text Records", "Azure Language", { kind: "other" }],
      ["Hot LRS Data Stored", "Storage", { kind: "other" }],
    ];
    for (const [meter, product, want] of cases) expect(parseAzureMeter(meter, product), meter).toMatchObject(want);
  });

  it("records PTU lines as capacity without tokens, tags deployments and dedupes identical exports", async () => {
    const records = await importText(azureCostImporter, EA, { fileName: "ea.csv" });
    const ptu = records.find((r) => r.tags.deployment === "ptu");
    expect(ptu).toMatchObject({ uncachedInput: 0, output: 0, billedCostMicros: 360_000_000n, listCostMicros: null, modelReported: null });
    expect(records.find((r) => r.tags.deployment === "regional")?.modelReported).toBe("gpt-4.1");
    expect(records[0]).toMatchObject({
      projectId: "8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f",
      tags: { "tag:env": "prod", "tag:team": "ml", resource: "aoai-prod-eus", resource_group: "rg-ai" },
    });
    const again = await importText(azureCostImporter, EA, { fileName: "copy.csv" });
    expect(again.map((r) => r.requestId)).toEqual(records.map((r) => r.requestId));
    expect(new Set(records.map((r) => r.requestId)).size).toBe(records.length);
  });

  it("tells apart lines that differ only in quantity or resource", async () => {
    const base = setCell(EA, MINI_IN_EA, "Quantity", "160.46");
    const a = await importText(azureCostImporter, base);
    const b = await importText(azureCostImporter, setCell(EA, MINI_IN_EA, "Quantity", "160.47"));
    const c = await importText(
      azureCostImporter,
      setCell(EA, MINI_IN_EA, "ResourceId", "/subscriptions/x/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/other"),
    );
    const d = await importText(azureCostImporter, setCell(EA, MINI_IN_EA, "Quantity", "160.460"));
    expect(b[0]?.requestId).not.toBe(a[0]?.requestId);
    expect(c[0]?.requestId).not.toBe(a[0]?.requestId);
    expect(d[0]?.requestId).toBe(a[0]?.requestId);
  });

  it("reads MCA camelCase columns, ISO dates, braces tags and the billing currency", async () => {
    const records = await importText(azureCostImporter, MCA, { fileName: "mca.csv" });
    expect(records.map((r) => r.currency)).toEqual(["EUR", "EUR", "EUR", "EUR"]);
    expect(records[0]).toMatchObject({ day: "2026-10-01", batch: true, tags: { "tag:project": "chatbot", deployment: "global" } });
  });
});
