/**
 * FinOps FOCUS 1.0–1.3 cost and usage rows (CSV, Parquet, JSONL or a JSON array), as exported by
 * Azure Cost Management (`FocusCost`), the Google Cloud FOCUS BigQuery view, AWS Data Exports
 * (FOCUS 1.0) or any FOCUS generator: PascalCase columns (BilledCost, BillingCurrency,
 * ChargePeriodStart/End, ChargeCategory, ChargeClass, ChargeDescription, ConsumedQuantity,
 * ConsumedUnit, ProviderName or ServiceProviderName, PublisherName, RegionId, ResourceId,
 * ServiceCategory, ServiceSubcategory, ServiceName, SkuId, SkuPriceId, SkuMeter, SkuPriceDetails,
 * SubAccountId, Tags) plus custom `x_` columns.
 *
 * Which rows are imported (one record per row; everything else is skipped, not an error):
 * - ChargeCategory `Usage` only. `Purchase` (prepayments, commitments), `Tax`, `Credit` and
 *   `Adjustment` rows are not usage; their money is not in the records.
 * - ChargeClass `Correction` rows are skipped: they amend charges of an earlier, already invoiced
 *   billing period (often negatively) and records never carry negative money; re-import the
 *   corrected period's export instead.
 * - ServiceCategory `AI and Machine Learning` (any ServiceSubcategory) metered in tokens:
 *   ConsumedUnit `Tokens` / `1000 Tokens` / `1M Tokens` (ConsumedQuantity is scaled to whole
 *   tokens exactly, rounded half-even when fractional), or a generic count unit (`Units`, `count`,
 *   `requests`, `1K`) when the row's token type is known and its meter says tokens — Azure
 *   FocusCost reports OpenAI meters (`gpt-4o-mini-0718-Inp-glbl Tokens`) with ConsumedUnit `Units`
 *   (the distinct unit of UnitOfMeasure `1K`/`1M`) and ConsumedQuantity in tokens (assumed from the
 *   FinOps toolkit's pricing-units data: usage ÷ block size = pricing quantity); Google's FOCUS
 *   view reports Gemini SKUs in `count`/`requests`. AI rows in other units (PTU hours, token-hours
 *   of cache storage, images, training) are skipped.
 *
 * Token type, model, tier (first match wins):
 * 1. the internal convention's columns: `x_TokenType` (input | cached_input | cache_read |
 *    cache_write | output | reasoning), `x_Model`, `x_CacheTtl` (5m | 1h), `x_ServiceTier`;
 * 2. the FOCUS draft `SkuPriceDetails` properties (`ModelId`, `TokenType`, `TokenDirection`,
 *    `TokenCacheAction`);
 * 3. the meter text: Gemini SKU descriptions for Google rows, otherwise `SkuMeter` (Azure 1.0:
 *    `x_SkuMeterName`), then `ChargeDescription` (see {@link parseMeter}).
 * Buckets: input → uncachedInput (rows are one per token type, so input rows are disjoint from
 * cache rows), cached_input/cache_read → cacheRead, cache_write → cacheWrite5m or cacheWrite1h by
 * TTL (5m when unstated), output → output, reasoning → output and reasoning (a reasoning row is
 * billed on its own, so its tokens are output tokens of which all are reasoning). A token row
 * whose token type cannot be determined keeps its billed cost but no tokens and is not priced.
 *
 * Other fields: provider from ServiceProviderName (1.3), else ProviderName, else PublisherName,
 * mapped to catalog ids (Microsoft → azure, AWS → aws, Google Cloud → google, OpenAI → openai,
 * Anthropic → anthropic, else the lower-cased name); billedCostMicros from BilledCost (a negative
 * usage amount is clamped to 0) in BillingCurrency; projectId = SubAccountId; Tags (a JSON object;
 * Azure's brace-less form is accepted) → tags `tag:<key>`; RegionId → tag `region`.
 *
 * requestId: FOCUS has no row id, so it is a SHA-256 of the row's identifying columns and content,
 * normalized so the same row exported again (CSV or Parquet, any column order, FOCUS 1.2 or 1.3
 * provider column) dedupes: provider, billing account, sub account, charge period, charge category
 * and class, resource, region, service, SKU id, SKU price id, meter, description, pricing
 * category, commitment discount, tags, the x_ token columns, consumed quantity and unit, billed
 * cost and currency. InvoiceId is left out because it is filled in only once the period is
 * invoiced.
 */
import { canonicalJson, sha256Hex } from "@caio/core/node";
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import type { SourceRow } from "../input.js";
import type { ServiceTier, UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { parseDecimal, RowFields, requireColumns } from "./row-fields.js";
import {
  canonicalDecimal,
  currencyOf,
  parseGeminiSku,
  parseMeter,
  parseUnit,
  resolveModel,
  type SkuInfo,
  scaledCount,
  type TokenKind,
  tableRows,
  timestamp,
  toCount,
} from "./sku-parse.js";

const REQUIRED = [
  "BilledCost",
  "BillingCurrency",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "ServiceCategory",
  "ConsumedQuantity",
  "ConsumedUnit",
];
const PROVIDER_COLUMNS = ["ServiceProviderName", "ProviderName", "PublisherName"];

const TOKEN_TYPES: Record<string, TokenKind> = {
  input: "input",
  cached_input: "cache_read",
  cache_read: "cache_read",
  cache_write: "cache_write",
  output: "output",
  reasoning: "reasoning",
};

const PROVIDERS: [RegExp, string][] = [
  [/^(microsoft|microsoft azure|azure)$/i, "azure"],
  [/^(aws|amazon web services|amazon|amazon web services, inc\.?)$/i, "aws"],
  [/^(google|google cloud|google cloud platform|gcp)$/i, "google"],
  [/^openai$/i, "openai"],
  [/^anthropic$/i, "anthropic"],
  [/^mistral( ai)?$/i, "mistral"],
  [/^deepseek$/i, "deepseek"],
  [/^(x\.?ai|xai)$/i, "x-ai"],
];

/** A FOCUS provider name → catalog provider id. */
export function providerId(name: string): string {
  const n = name.trim();
  for (const [re, id] of PROVIDERS) if (re.test(n)) return id;
  return (
    n
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "unknown"
  );
}

function tierOf(f: RowFields): ServiceTier | null {
  const t = f.str("x_ServiceTier");
  if (t === null) return null;
  const v = t.trim().toLowerCase();
  if (v === "standard" || v === "default" || v === "on_demand" || v === "on-demand" || v === "ondemand") return "standard";
  if (v === "batch" || v === "flex" || v === "priority") return v;
  return "unknown";
}

/** A JSON object column (Tags, SkuPriceDetails); Azure's brace-less `"k": "v", …` form is accepted. */
function jsonObject(f: RowFields, col: string): Record<string, unknown> | undefined {
  const raw = f.raw(col);
  if (typeof raw === "string" && raw.trim() !== "" && !raw.trim().startsWith("{")) {
    try {
      const v = JSON.parse(`{${raw}}`);
      if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // fall through to the error below
    }
    f.fail(col, "must be a JSON object");
  }
  const v = f.json(col);
  if (v === undefined) return undefined;
  if (typeof v !== "object" || v === null || Array.isArray(v)) f.fail(col, "must be a JSON object");
  return v as Record<string, unknown>;
}

/** The token type named by SkuPriceDetails (FOCUS draft properties). */
function detailsKind(d: Record<string, unknown> | undefined): TokenKind | null {
  if (!d) return null;
  const type = typeof d.TokenType === "string" ? d.TokenType.toLowerCase() : null;
  if (type === "input" || type === "uncached") return "input";
  if (type === "cacheread") return "cache_read";
  if (type === "cachewrite") return "cache_write";
  if (type === "output") return "output";
  if (type === "reasoning") return "reasoning";
  const dir = typeof d.TokenDirection === "string" ? d.TokenDirection.toLowerCase() : null;
  const action = typeof d.TokenCacheAction === "string" ? d.TokenCacheAction.toLowerCase() : null;
  if (dir === "output") return "output";
  if (dir === "input") return action === "read" ? "cache_read" : action === "write" ? "cache_write" : "input";
  return null;
}

function rowRecord(row: SourceRow, ctx: ImportContext): UsageRecord | undefined {
  const f: RowFields = new RowFields(ctx.fileName, { ...row, values: { ...row.values } });
  if (f.reqStr("ChargeCategory").trim().toLowerCase() !== "usage") return undefined;
  if (f.str("ChargeClass")?.trim().toLowerCase() === "correction") return undefined;
  if (f.reqStr("ServiceCategory").trim().toLowerCase() !== "ai and machine learning") return undefined;

  const providerCol = PROVIDER_COLUMNS.find((c) => f.has(c));
  if (providerCol === undefined) f.fail("ProviderName", "is required (ServiceProviderName, ProviderName or PublisherName)");
  const provider = providerId(f.reqStr(providerCol));
  const unitText = f.str("ConsumedUnit");
  const unit = parseUnit(unitText);
  const xType = f.str("x_TokenType");
  let explicit: TokenKind | null = null;
  if (xType !== null) {
    explicit = TOKEN_TYPES[xType.trim().toLowerCase()] ?? null;
    if (explicit === null) f.fail("x_TokenType", `must be one of ${Object.keys(TOKEN_TYPES).join(", ")}`);
    if (unit === null) f.fail("ConsumedUnit", "must be a token unit such as Tokens or 1000 Tokens when x_TokenType is set");
  }
  const details = jsonObject(f, "SkuPriceDetails");
  explicit ??= detailsKind(details);
  const meter = f.str("SkuMeter", 1000) ?? f.str("x_SkuMeterName", 1000);
  const description = f.str("ChargeDescription", 1000);
  const gemini = provider === "google" ? (parseGeminiSku(description ?? "") ?? parseGeminiSku(meter ?? "")) : null;
  const meterText = meter ?? description;
  const inferred: SkuInfo | null = gemini ?? (meterText === null ? null : parseMeter(meterText));
  const inferredKind = inferred?.kind === "storage" ? null : (inferred?.kind ?? null);
  const saysTokens = gemini !== null || /\btokens?\b/i.test(meterText ?? "");
  const isTokenRow = unit !== null && (unit.tokens || explicit !== null || (inferredKind !== null && saysTokens));
  if (!isTokenRow || (explicit === null && inferred?.kind === "storage")) return undefined;

  const periodStart = timestamp(f, "ChargePeriodStart") as string;
  const periodEnd = timestamp(f, "ChargePeriodEnd") as string;
  if (Date.parse(periodEnd) <= Date.parse(periodStart)) f.fail("ChargePeriodEnd", "must be after ChargePeriodStart");
  const billed = f.money("BilledCost");
  if (billed === null) f.fail("BilledCost", "is required");
  const currency = currencyOf(f, "BillingCurrency");
  const quantity = f.decimal("ConsumedQuantity");
  if (quantity === null) f.fail("ConsumedQuantity", "is required");
  if (quantity.digits < 0n) f.fail("ConsumedQuantity", "must not be negative");
  const n = toCount(f, "ConsumedQuantity", scaledCount(quantity, unit.scale));

  const kind = explicit ?? inferredKind;
  const ttlText = f.str("x_CacheTtl");
  if (ttlText !== null && ttlText.trim() !== "5m" && ttlText.trim() !== "1h") f.fail("x_CacheTtl", "must be 5m or 1h");
  const ttl = (ttlText?.trim() as "5m" | "1h" | undefined) ?? inferred?.cacheTtl ?? "5m";
  const tier = tierOf(f) ?? inferred?.tier ?? "standard";
  const xModel = f.str("x_Model");
  const detailsModel = typeof details?.ModelId === "string" && details.ModelId !== "" ? details.ModelId : null;
  const start = new Date(periodStart);
  const model = xModel ?? detailsModel ?? (inferred?.model ? resolveModel(ctx.pricer, provider, inferred.model, inferred.version, start) : null);

  const b = { uncachedInput: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0, inputAudio: 0, outputAudio: 0 };
  if (kind === "input") b.uncachedInput = n;
  else if (kind === "cache_read") b.cacheRead = n;
  else if (kind === "cache_write") {
    if (ttl === "1h") b.cacheWrite1h = n;
    else b.cacheWrite5m = n;
  } else if (kind === "output") {
    b.output = n;
    if (gemini?.thinking) b.reasoning = n;
  } else if (kind === "reasoning") {
    b.output = n;
    b.reasoning = n;
  }
  if (gemini?.modality === "audio") {
    if (kind === "input" || kind === "cache_read") b.inputAudio = n;
    if (kind === "output") b.outputAudio = n;
  }

  const tagObject = jsonObject(f, "Tags") ?? {};
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(tagObject)) {
    if (k === "") continue;
    tags[`tag:${k}`.slice(0, 100)] = (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)).slice(0, 300);
  }
  const region = f.str("RegionId") ?? f.str("RegionName");
  if (region !== null) tags.region = region.slice(0, 300);
  const projectId = f.str("SubAccountId");

  const requestId = sha256Hex(
    canonicalJson({
      v: 1,
      provider,
      billingAccount: f.str("BillingAccountId"),
      subAccount: projectId,
      periodStart,
      periodEnd,
      chargeCategory: "usage",
      chargeClass: f.str("ChargeClass"),
      resource: f.str("ResourceId", 2000),
      region,
      service: f.str("ServiceName"),
      skuId: f.str("SkuId"),
      skuPriceId: f.str("SkuPriceId"),
      meter,
      description,
      pricingCategory: f.str("PricingCategory"),
      commitment: f.str("CommitmentDiscountId", 2000),
      tags: tagObject,
      tokenType: xType,
      model: xModel,
      cacheTtl: ttlText,
      serviceTier: f.str("x_ServiceTier"),
      quantity: canonicalDecimal(quantity),
      unit: unitText,
      billed: canonicalDecimal(parseDecimal(f.raw("BilledCost")) ?? { digits: 0n, scale: 0 }),
      currency,
    }),
  );

  const record = buildRecord(
    {
      source: "focus",
      periodStart,
      periodEnd,
      provider,
      modelReported: model,
      projectId,
      workspaceId: null,
      apiKeyHash: null,
      userId: null,
      team: null,
      requestId,
      tags,
      ...b,
      webSearches: 0,
      requests: 0,
      batch: tier === "batch",
      serviceTier: tier,
      longContext: inferred?.longContext ?? false,
      billedCostMicros: billed > 0n ? billed : 0n,
      currency,
    },
    ctx,
  );
  // Without a token type the tokens are unknown: keep the billed cost, price nothing.
  return kind === null ? { ...record, listCostMicros: null } : record;
}

/** FinOps FOCUS cost and usage rows: token-metered AI and Machine Learning usage. */
export const focusImporter: Importer = {
  source: "focus",
  buffersFile: false,
  detect: ({ container, columns, firstBytes }) => {
    if (container === "json") return /"BilledCost"\s*:/.test(firstBytes) && /"ChargePeriodStart"\s*:/.test(firstBytes);
    const c = new Set(columns);
    return c.has("BilledCost") && c.has("ChargePeriodStart") && c.has("ServiceCategory");
  },
  async *parse(input, ctx) {
    let first = true;
    for await (const row of tableRows(input)) {
      if (first) {
        first = false;
        // CSV and Parquet name every column up front (JSON rows may leave null columns out).
        if (input.container === "csv" || input.container === "parquet") {
          const keys = Object.keys(row.values);
          requireColumns(ctx.fileName, keys, REQUIRED);
          if (!PROVIDER_COLUMNS.some((c) => keys.includes(c)))
            throw new SpendImportError({ file: ctx.fileName, line: 1, field: "ProviderName" }, "missing column ProviderName (or ServiceProviderName)");
        }
      }
      const record = rowRecord(row, ctx);
      if (record) yield record;
    }
  },
};
