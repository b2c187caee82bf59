import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeImporter, importFailure, importText, TEST_DATA } from "../../test-support/conformance.js";
import { cells, csvCell } from "../../test-support/csv-edit.js";
import { totalsOf } from "../totals.js";
import { awsCurImporter, parseBedrockUsageType, principalLabel } from "./aws-cur.js";

const GOLDEN = readFileSync(join(TEST_DATA, "aws-cur", "bedrock-hourly.csv"), "utf8");

/** Sets `column` of the data row whose line item id is `id`; returns the text and that row's line. */
function setCell(text: string, id: string, column: string, value: string): string {
  const lines = text.split("\n");
  const header = cells(lines[0] ?? "");
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  const at = lines.findIndex((l) => l.startsWith(`${id},`));
  if (at < 0) throw new Error(`no row ${id}`);
  const row = cells(lines[at] ?? "");
  row[col] = value;
  lines[at] = row.map(csvCell).join(",");
  return lines.join("\n");
}

/** The golden's line of the row with this line item id. */
function lineOf(id: string): number {
  return GOLDEN.split("\n").findIndex((l) => l.startsWith(`${id},`)) + 1;
}

const CLAUDE_IN = "w3m6xk5b7zt2v4h6rjlw4gq2cz7n5a3kq5yrb2d6j4tuo7e3ykqa";
const TITAN_IN = "fnmmk3yc7dpqcbxaezk7ji7qfp3vsx5xwyshcxu64tctmv4f3kfa";
const MP_IN = "m2xq5cb7nr3wt6y4kh2dj5vl3gpz6sa4eq2fo7ui3kx5tb6rnyda";

interface GenRow {
  id: string;
  hour: number;
  kind: number;
  amountMilli: number;
  costMicros: number;
  lineType: string;
  team: string;
}

const KINDS = [
  { code: "AmazonBedrock", usage: "USE1-TitanTextG1-Lite-input-tokens", unit: "1K tokens", product: { product_name: "Amazon Bedrock" } },
  { code: "AmazonBedrock", usage: "USE1-Claude4.5Haiku-output-tokens", unit: "1K tokens", product: { product_name: "Amazon Bedrock" } },
  { code: "AmazonBedrock", usage: "USE1-NovaLite-cache-read-input-token-count", unit: "1K tokens", product: { product_name: "Amazon Bedrock" } },
  { code: "AmazonBedrock", usage: "USE1-NovaPro-output-tokens-batch", unit: "1K tokens", product: { product_name: "Amazon Bedrock" } },
  {
    code: "abc123opaque",
    usage: "USE1-MP:USE1_CacheWriteInputTokenCount-Units",
    unit: "Units",
    product: { product_name: "Claude Opus 4.5 (Amazon Bedrock Edition)" },
  },
  {
    code: "abc123opaque",
    usage: "USE1-MP:USE1_InputTokenCount_Global-Units",
    unit: "Units",
    product: { product_name: "Claude Opus 4.5 (Amazon Bedrock Edition)" },
  },
  { code: "AmazonEC2", usage: "BoxUsage:m5.large", unit: "Hrs", product: { product_name: "Amazon Elastic Compute Cloud" } },
];

const COLUMNS = [
  "identity_line_item_id",
  "identity_time_interval",
  "line_item_usage_account_id",
  "line_item_line_item_type",
  "line_item_usage_start_date",
  "line_item_usage_end_date",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_usage_amount",
  "line_item_currency_code",
  "line_item_unblended_cost",
  "line_item_net_unblended_cost",
  "pricing_unit",
  "product",
  "product_region_code",
  "resource_tags",
];

/** A CUR 2.0 CSV of generated lines (amounts in thousandths of the unit: whole tokens for 1K and 1M units). */
function build(rows: GenRow[]): string {
  const lines = rows.map((r) => {
    const k = KINDS[r.kind % KINDS.length] ?? KINDS[0];
    const start = new Date(Date.UTC(2026, 8, 1, r.hour));
    const end = new Date(start.getTime() + 3_600_000);
    const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
    const cost = `${Math.floor(r.costMicros / 1e6)}.${String(r.costMicros % 1e6).padStart(6, "0")}`;
    return [
      r.id,
      `${iso(start)}/${iso(end)}`,
      "123456789012",
      r.lineType,
      start.toISOString(),
      end.toISOString(),
      k?.code ?? "",
      k?.usage ?? "",
      (r.amountMilli / 1000).toString(),
      "USD",
      r.lineType === "Credit" ? `-${cost}` : cost,
      "",
      k?.unit ?? "",
      JSON.stringify(k?.product ?? {}),
      "us-east-1",
      JSON.stringify({ user_team: r.team }),
    ]
      .map(csvCell)
      .join(",");
  });
  return [COLUMNS.join(","), ...lines].join("\n");
}

const genRow: fc.Arbitrary<GenRow> = fc.record({
  id: fc.uuid(),
  hour: fc.nat(47),
  kind: fc.nat(KINDS.length - 1),
  amountMilli: fc.nat(50_000_000),
  costMicros: fc.nat(5_000_000),
  lineType: fc.constantFrom("Usage", "Usage", "Usage", "SavingsPlanCoveredUsage", "Tax", "Credit"),
  team: fc.constantFrom("ml", "search", "payments"),
});

describeImporter({
  importer: awsCurImporter,
  dir: "aws-cur",
  malformed: [
    {
      name: "truncated CSV (unclosed quote)",
      input: (g) => g.slice(0, g.lastIndexOf('{""user_team') + 6),
      line: true,
      reason: /not closed|truncated/,
    },
    {
      name: "short row",
      input: (g) => {
        const lines = g.split("\n");
        const at = lines.findIndex((l) => l.startsWith(`${CLAUDE_IN},`));
        lines[at] = cells(lines[at] ?? "")
          .slice(0, 10)
          .map(csvCell)
          .join(",");
        return lines.join("\n");
      },
      line: true,
      reason: /number of columns/,
    },
    {
      name: "missing required column",
      input: (g) => g.replace("line_item_usage_amount,", "line_item_usage_quantity,"),
      line: 1,
      field: "line_item_usage_amount",
      reason: /missing column/,
    },
    {
      name: "non-numeric usage amount",
      input: (g) => setCell(g, CLAUDE_IN, "line_item_usage_amount", "twenty"),
      line: lineOf(CLAUDE_IN),
      field: "line_item_usage_amount",
      reason: /must be a number/,
    },
    {
      name: "bad date",
      input: (g) => setCell(g, TITAN_IN, "line_item_usage_start_date", "14/09/2026 09:00"),
      line: lineOf(TITAN_IN),
      field: "line_item_usage_start_date",
      reason: /date-time/,
    },
    {
      name: "end before start",
      input: (g) => setCell(g, TITAN_IN, "line_item_usage_end_date", "2026-09-14T08:00:00.000Z"),
      line: lineOf(TITAN_IN),
      field: "line_item_usage_end_date",
      reason: /after/,
    },
    {
      name: "negative usage amount",
      input: (g) => setCell(g, CLAUDE_IN, "line_item_usage_amount", "-20"),
      line: lineOf(CLAUDE_IN),
      field: "line_item_usage_amount",
      reason: /negative/,
    },
    {
      name: "pricing unit that is not a token unit",
      input: (g) => setCell(g, CLAUDE_IN, "pricing_unit", "Hrs"),
      line: lineOf(CLAUDE_IN),
      field: "pricing_unit",
      reason: /cannot convert "Hrs" to tokens/,
    },
    {
      name: "Units on a first-party line",
      input: (g) => setCell(g, CLAUDE_IN, "pricing_unit", "Units"),
      line: lineOf(CLAUDE_IN),
      field: "pricing_unit",
      reason: /cannot convert "Units"/,
    },
    {
      name: "fractional token count",
      input: (g) => setCell(g, TITAN_IN, "line_item_usage_amount", "12.5005"),
      line: lineOf(TITAN_IN),
      field: "line_item_usage_amount",
      reason: /not a whole number of tokens/,
    },
    {
      name: "fractional Marketplace token count",
      input: (g) => setCell(g, MP_IN, "line_item_usage_amount", "0.00452005"),
      line: lineOf(MP_IN),
      field: "line_item_usage_amount",
      reason: /not a whole number of tokens/,
    },
    {
      name: "negative cost on a usage line",
      input: (g) => setCell(g, CLAUDE_IN, "line_item_net_unblended_cost", "-0.0594"),
      line: lineOf(CLAUDE_IN),
      field: "line_item_net_unblended_cost",
      reason: /negative/,
    },
    {
      name: "non-numeric cost",
      input: (g) => setCell(g, MP_IN, "line_item_unblended_cost", "$0.14916"),
      line: lineOf(MP_IN),
      field: "line_item_unblended_cost",
      reason: /decimal amount/,
    },
    {
      name: "product map that is not JSON",
      input: (g) => setCell(g, MP_IN, "product", "{product_name=Claude}"),
      line: lineOf(MP_IN),
      field: "product",
      reason: /JSON/,
    },
    {
      name: "bad currency",
      input: (g) => setCell(g, TITAN_IN, "line_item_currency_code", "dollars"),
      line: lineOf(TITAN_IN),
      field: "line_item_currency_code",
      reason: /ISO 4217/,
    },
  ],
  property: { build, row: genRow },
});

describe("aws-cur specifics", () => {
  it("parses first-party and Marketplace usage types", () => {
    expect(parseBedrockUsageType("USE1-Claude4.6Sonnet-input-tokens")).toMatchObject({ bucket: "uncachedInput", slug: "Claude4.6Sonnet", tier: "standard" });
    expect(parseBedrockUsageType("USW2-TitanTextG1-Lite-output-tokens")).toMatchObject({ bucket: "output", slug: "TitanTextG1-Lite" });
    expect(parseBedrockUsageType("USE1-NovaPro-cache-read-input-token-count")).toMatchObject({ bucket: "cacheRead", slug: "NovaPro" });
    expect(parseBedrockUsageType("USE1-NovaPro-cache-write-input-token-count")).toMatchObject({ bucket: "cacheWrite5m" });
    expect(parseBedrockUsageType("USE1-Nova2.0Lite-input-tokens-cross-region-global-batch")).toMatchObject({
      slug: "Nova2.0Lite",
      tier: "batch",
      global: true,
    });
    expect(parseBedrockUsageType("USE1-qwen.qwen3-32b-mantle-output-tokens-priority")).toMatchObject({
      slug: "qwen.qwen3-32b",
      bucket: "output",
      tier: "priority",
    });
    expect(parseBedrockUsageType("USE1-Gemma-3-4B-IT-input-tokens-flex")).toMatchObject({ slug: "Gemma-3-4B-IT", tier: "flex" });
    expect(parseBedrockUsageType("USE1-NovaSonic-speech-input-tokens")).toMatchObject({ audio: true, bucket: "uncachedInput" });
    expect(parseBedrockUsageType("USE1-MP:USE1_CacheWrite1hInputTokenCount-Units")).toMatchObject({ bucket: "cacheWrite1h", marketplace: true });
    expect(parseBedrockUsageType("USE1-MP:USE1_InputTokenCount_Batch-Units")).toMatchObject({ bucket: "uncachedInput", tier: "batch" });
    expect(parseBedrockUsageType("USE1-MP:USE1_Reserved_1Month_InputTPM_Geo-Units")).toBeUndefined();
    expect(parseBedrockUsageType("USE1-Nova2.0Pro-input-image-token-count-cross-region-global")).toBeUndefined();
    expect(parseBedrockUsageType("USE1-Guardrail-AutomatedReasoningPolicyUnitsConsumed")).toBeUndefined();
    expect(parseBedrockUsageType("BoxUsage:m5.large")).toBeUndefined();
  });

  it("reduces IAM principals to type and name, without sessions, e-mails or keys", () => {
    expect(principalLabel("arn:aws:iam::123456789012:user/alice")).toBe("user/alice");
    expect(principalLabel("arn:aws:iam::123456789012:user/division/alice")).toBe("user/alice");
    expect(principalLabel("arn:aws:sts::123456789012:assumed-role/AppRole/i-0abc")).toBe("assumed-role/AppRole");
    expect(principalLabel("arn:aws:iam::123456789012:root")).toBe("root");
    const email = principalLabel("arn:aws:iam::123456789012:user/bob@example.com");
    expect(email).toMatch(/^user\/~[0-9a-f]{16}$/);
    const key = principalLabel("AKIAIOSFODNN7EXAMPLE");
    expect(key).toMatch(/^~[0-9a-f]{16}$/);
  });

  it("maps models to Bedrock ids and keeps no raw principal session", async () => {
    const records = await importText(awsCurImporter, GOLDEN, { fileName: "cur.csv" });
    const models = [...new Set(records.map((r) => r.modelReported))].sort();
    expect(models).toEqual(["amazon.nova-pro-v1:0", "amazon.titan-text-lite-v1", "anthropic.claude-sonnet-4-6", "global.anthropic.claude-sonnet-4-6"]);
    const json = JSON.stringify(records, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(json).not.toContain("alice@example.com");
    expect(json).not.toContain("i-0abc123def4567890");
    const batch = records.find((r) => r.batch);
    expect(batch).toMatchObject({ serviceTier: "batch", modelReported: "amazon.nova-pro-v1:0", uncachedInput: 1_000_000 });
    expect(records.every((r) => r.requestId?.includes("/2026-09-"))).toBe(true);
    const alice = records.filter((r) => r.userId === "user/alice");
    expect(alice).toHaveLength(2);
    expect(alice[0]?.tags).toMatchObject({ "tag:team": "ml", "tag:cost_center": "cc-4711", iam_principal: "user/alice", region: "us-east-1" });
  });

  it("reads 1M-token units, flattened product and tag columns, and effective cost of covered usage", async () => {
    const header =
      "identity_line_item_id,identity_time_interval,line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_currency_code,line_item_unblended_cost,pricing_unit,product_product_name,product_model,resource_tags_user_team,savings_plan_savings_plan_effective_cost";
    const text = [
      header,
      "a1,2026-09-01T00:00:00Z/2026-09-02T00:00:00Z,SavingsPlanCoveredUsage,2026-09-01T00:00:00Z,2026-09-02T00:00:00Z,AmazonBedrock,USE1-Claude4.5Haiku-input-tokens,0.25,usd,0.275,1M tokens,Amazon Bedrock,,ml,0.2",
      "a2,2026-09-01T00:00:00Z/2026-09-02T00:00:00Z,Usage,2026-09-01T00:00:00Z,2026-09-02T00:00:00Z,AmazonBedrock,USE1-Llama4-Maverick-17B-output-tokens,1200,USD,0.0011,tokens,Amazon Bedrock,Llama 4 Maverick 17B,,",
    ].join("\n");
    const [a, b] = await importText(awsCurImporter, text, { fileName: "cur.csv" });
    expect(a).toMatchObject({
      uncachedInput: 250_000,
      modelReported: "anthropic.claude-haiku-4-5-20251001-v1:0",
      billedCostMicros: 200_000n,
      currency: "USD",
      hour: null,
      tags: { "tag:team": "ml", line_item_type: "SavingsPlanCoveredUsage" },
    });
    expect(b).toMatchObject({ output: 1200, modelReported: "llama-4-maverick-17b", listCostMicros: null });
    expect(totalsOf([a, b].filter((r) => r !== undefined)).records).toBe(2n);
  });

  it("streams: records before a bad line are yielded, then the error names the line", async () => {
    const { error, yielded } = await importFailure(awsCurImporter, setCell(GOLDEN, MP_IN, "line_item_usage_amount", "n/a"));
    expect(yielded).toBe(5);
    expect(error).toMatchObject({ line: lineOf(MP_IN), field: "line_item_usage_amount" });
  });
});
