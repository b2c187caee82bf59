/**
 * Azure Cost Management cost-details export (EA PascalCase or MCA camelCase columns, CSV or
 * Parquet) for Azure OpenAI / Foundry Models: one record per token or PTU line (see
 * ../shared/reference/spend-data.md §1.6). Columns are matched case-insensitively.
 *
 * Which lines count: AI lines are those with `ConsumedService` Microsoft.CognitiveServices or a
 * `MeterCategory` naming Cognitive Services, Foundry, OpenAI or AI Services; of those, token meters
 * (the meter names a direction) and provisioned-throughput (PTU) meters become records. Every other
 * line (VMs, storage, and AI meters that are not tokens such as images, speech hours or text
 * records) is skipped. When a `ChargeType` column is present, only `Usage` lines count: Purchase
 * (reservations), Refund and UnusedReservation lines are commitments or adjustments, not usage,
 * and are never netted into a record (no negative micros).
 *
 * Meter strings are free text in several formats (`gpt-4o-mini-0718-Inp-glbl Tokens`,
 * `gpt 4o 0513 Input global Tokens`, `gpt 4.1 mini cached Inp glbl Tokens`, `GPT 5 Inpt Glbl`,
 * `gpt-4-8K-Batch-Inp-glbl`, `o3 mini 0131 Batch Outp Data Zone`, `Provisioned Managed Global
 * Unit`). `MeterName` is split into words on spaces, hyphens and underscores; the model is the
 * words before the first keyword, the keywords give the rest:
 * | words (any case)                                   | meaning                               |
 * |----------------------------------------------------|---------------------------------------|
 * | `inp`, `input`, `inpt`, `in`                        | input → uncachedInput                 |
 * | `cached`/`cache`/`cd` + input                      | cached input → cacheRead              |
 * | `cached`/`cd` + `wr`/`write`                       | cache write → cacheWrite5m            |
 * | `outp`, `output`, `outpt`, `opt`, `out`            | output                                |
 * | `glbl`, `global`, `gl` / `regnl`, `regional` / `dzone`, `dz`, `data zone` | tag `deployment`: global / regional / datazone |
 * | `batch`                                            | batch tier                            |
 * | `pp`, `priority`                                   | priority tier                         |
 * | `ptu`, `provisioned`                               | PTU line (below)                      |
 * | `audio` (after the model)                          | also counted as input/output audio    |
 * | `text`, `txt`, `img`, `image` (after the model), `tokens`, `1k`, `1m`, `std`, … | ignored |
 * An embedding meter without a direction (`text-embedding-3-small-glbl Tokens`) is input. A token
 * meter whose direction cannot be read is skipped (it is not recognisable as token usage).
 *
 * Model ids (modelReported) are the model words joined by "-", lower-cased, with OpenAI's
 * conventions: a 4-digit `MMDD` version becomes the dated snapshot (`gpt-4o-mini-0718` →
 * `gpt-4o-mini-2024-07-18`, table {@link SNAPSHOT_YEARS}; an unknown MMDD stays as is), except for
 * the legacy families that keep `-MMDD` (`gpt-4-0613`, `gpt-35-turbo-0125` → `gpt-3.5-turbo-0125`);
 * `gpt 35` → `gpt-3.5`; `gpt-4-8K` → `gpt-4` (8K is gpt-4's base context, 32K is kept); a model
 * starting with a version number takes the vendor from `ProductName`/`MeterSubCategory` (`5.4 mini`
 * under "Azure OpenAI GPT5" → `gpt-5.4-mini`); DeepSeek and Anthropic products prefix
 * `deepseek-`/`claude-`. The raw meter name is kept in tag `meter`.
 *
 * Quantities: `Quantity` × `UnitOfMeasure` = tokens, exactly (`1K` = 1,000, `1M` = 1,000,000,
 * `1K Tokens`, `10K`, `tokens`…); a fractional token count, a negative quantity or a unit that is
 * not a token unit is an error. PTU lines bill hourly capacity (`1 Hour`), not tokens: they become
 * records with zero tokens, the billed cost, tag `deployment: ptu` (and `ptu_scope`), and the model
 * only when the meter names one (usually null: PTUs are model-agnostic).
 *
 * Cost: billedCostMicros from `CostInBillingCurrency` (dollars or the billing currency's major
 * unit), currency from `BillingCurrency` (or `BillingCurrencyCode`). Catalog list prices are the
 * global-deployment prices (Azure bills regional and data-zone deployments ~10% higher).
 *
 * Identity: the classic export has no line id, so requestId = `azure:` + SHA-256 of the canonical
 * JSON of the row's identifying columns, normalized (day, MeterId, MeterName, ResourceId
 * lower-cased, Tags text, SubscriptionId, ChargeType, PricingModel, BenefitId/ReservationId,
 * AdditionalInfo, ServiceInfo1/2, ResourceLocation, Quantity, UnitOfMeasure, EffectivePrice,
 * CostInBillingCurrency, currency; absent columns count as null). Re-importing the same export
 * (CSV or Parquet) dedupes; two lines that differ in any of these do not collide. Two rows equal in
 * all of them are indistinguishable and deduplicated as one (the export gives no other way to tell
 * them apart; a row counter would break file-split invariance).
 *
 * Other fields: one day per record (`Date`, MM/DD/YYYY or YYYY-MM-DD, or a date-time), projectId =
 * SubscriptionId, tags `region` (ResourceLocation), `resource` (last segment of ResourceId),
 * `resource_group`, `meter`, `deployment`, and the resource tags as `tag:<key>` from `Tags`
 * (Azure's `"env": "prod","team": "ml"` text, with or without braces, or a map). `requests` is 0.
 */
import { canonicalJson, sha256Hex } from "@caio/core/node";
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import type { SourceRow } from "../input.js";
import type { ServiceTier, UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { ColumnNames, putUserTag, requireNonNegative, scaledTokens, tokensPerUnit } from "./meter-parse.js";
import { parseDecimal, RowFields } from "./row-fields.js";

type Bucket = "uncachedInput" | "cacheRead" | "cacheWrite5m" | "output";
type Scope = "global" | "regional" | "datazone";

/** What a meter name says. */
export interface AzureMeter {
  kind: "tokens" | "ptu" | "other";
  bucket: Bucket | null;
  audio: boolean;
  tier: ServiceTier;
  scope: Scope | null;
  longContext: boolean;
  /** The model id, or null when the meter names none. */
  model: string | null;
}

const INPUT = new Set(["inp", "input", "inpt", "in", "inputs"]);
const OUTPUT = new Set(["outp", "output", "outpt", "opt", "out", "outputs"]);
const CACHED = new Set(["cached", "cache", "cd", "cchd"]);
const WRITE = new Set(["wr", "write"]);
const GLOBAL = new Set(["glbl", "global", "gl", "gbl"]);
const REGIONAL = new Set(["regnl", "regional", "regn", "rgnl"]);
const DATAZONE = new Set(["dzone", "dz", "datazone", "dzn"]);
const PTU = new Set(["ptu", "provisioned"]);
const PRIORITY = new Set(["pp", "priority"]);
const MODALITY = new Set(["text", "txt", "img", "image", "audio", "aud"]);
const NOISE = new Set(["tokens", "token", "1k", "1m", "std", "standard", "shortco", "longco", "managed", "unit", "units", "l", "data", "zone"]);
const KEYWORDS = [INPUT, OUTPUT, CACHED, WRITE, GLOBAL, REGIONAL, DATAZONE, PTU, PRIORITY];

const isStrong = (w: string) => w === "batch" || KEYWORDS.some((s) => s.has(w));
const isWeak = (w: string) => MODALITY.has(w) || NOISE.has(w);

/**
 * Whether `words[index]` ends the model part. A modality or noise word does only when it is not
 * first (`text-embedding-3-small`) and is followed by keywords or nothing (`gpt-realtime-2.1 Text
 * inp Gl`), not by more model words (`gpt img 1.5 opt img gl`).
 */
function isKeyword(words: readonly string[], index: number): boolean {
  const w = words[index] ?? "";
  if (isStrong(w)) return true;
  if (index === 0 || !isWeak(w)) return false;
  const next = words.slice(index + 1).find((x) => !isWeak(x));
  return next === undefined || isStrong(next);
}

/**
 * Years of OpenAI snapshot versions written as MMDD in Azure meters, for the models whose ids use
 * the full date (`gpt-4o-2024-05-13`).
 */
export const SNAPSHOT_YEARS: Readonly<Record<string, string>> = {
  "0409": "2024", // gpt-4-turbo
  "0513": "2024", // gpt-4o
  "0718": "2024", // gpt-4o-mini
  "0806": "2024", // gpt-4o
  "0912": "2024", // o1-mini, o1-preview
  "1120": "2024", // gpt-4o
  "1217": "2024", // o1
  "0131": "2025", // o3-mini
  "0227": "2025", // gpt-4.5-preview
  "0414": "2025", // gpt-4.1, -mini, -nano
  "0416": "2025", // o3, o4-mini
  "0807": "2025", // gpt-5, -mini, -nano
};

/** Families whose snapshots keep the bare MMDD (`gpt-4-0613`, `gpt-3.5-turbo-0125`). */
const LEGACY_MMDD = /^gpt-(4|4-32k|3\.5-turbo|3\.5-turbo-16k|3\.5-turbo-instruct)$/;

const VENDOR_PREFIXES: readonly { test: RegExp; prefix: string; always: boolean }[] = [
  { test: /deepseek/i, prefix: "deepseek", always: true },
  { test: /anthropic|claude/i, prefix: "claude", always: true },
  { test: /grok|xai/i, prefix: "grok", always: false },
  { test: /llama|meta/i, prefix: "llama", always: false },
  { test: /phi/i, prefix: "phi", always: false },
  { test: /openai|gpt/i, prefix: "gpt", always: false },
];

function modelId(words: string[], product: string): string | null {
  const ws = [...words];
  if (ws.length === 0) return null;
  // gpt 35 turbo → gpt-3.5-turbo; gpt-4-8K → gpt-4 (8K is the base gpt-4 context).
  if (ws[0] === "gpt" && ws[1] === "35") ws[1] = "3.5";
  if (ws[0] === "gpt" && ws[1] === "4" && ws[2] === "8k") ws.splice(2, 1);
  const vendor = VENDOR_PREFIXES.find((v) => v.test.test(product));
  const first = ws[0] ?? "";
  if (vendor && first !== vendor.prefix && (/^\d/.test(first) || (vendor.always && !first.startsWith(vendor.prefix)))) ws.unshift(vendor.prefix);
  const out: string[] = [];
  for (const w of ws) {
    if (/^\d{4}$/.test(w) && out.length > 0) {
      const family = out.join("-");
      const year = SNAPSHOT_YEARS[w];
      if (!LEGACY_MMDD.test(family) && year) {
        out.push(year, w.slice(0, 2), w.slice(2));
        continue;
      }
    }
    out.push(w);
  }
  return out.join("-");
}

/** Parses an Azure meter name (with the product name for the vendor). */
export function parseAzureMeter(meterName: string, product = ""): AzureMeter {
  const words = meterName
    .trim()
    .toLowerCase()
    .split(/[\s\-_]+/)
    .filter(Boolean);
  let cut = words.findIndex((_w, i) => isKeyword(words, i));
  if (cut === -1) cut = words.length;
  const modelWords = words.slice(0, cut);
  const rest = words.slice(cut);
  const has = (set: Set<string>) => rest.some((w) => set.has(w));
  const ptu = words.some((w) => PTU.has(w));
  const scope: Scope | null = has(GLOBAL)
    ? "global"
    : has(REGIONAL)
      ? "regional"
      : has(DATAZONE) || (rest.includes("data") && rest.includes("zone"))
        ? "datazone"
        : null;
  let bucket: Bucket | null = null;
  if (has(WRITE)) bucket = "cacheWrite5m";
  else if (has(CACHED) && !has(OUTPUT)) bucket = "cacheRead";
  else if (has(INPUT)) bucket = "uncachedInput";
  else if (has(OUTPUT)) bucket = "output";
  else if (modelWords.includes("embedding") || modelWords.includes("embeddings")) bucket = "uncachedInput";
  const model = modelId(modelWords, product);
  return {
    kind: ptu ? "ptu" : bucket ? "tokens" : "other",
    bucket,
    audio: rest.includes("audio") || rest.includes("aud"),
    tier: rest.includes("batch") ? "batch" : has(PRIORITY) ? "priority" : "standard",
    scope,
    longContext: rest.includes("longco"),
    model,
  };
}

const AI_CATEGORY = /cognitive services|foundry|openai|ai services/i;

interface Columns {
  date: string;
  meterCategory: string;
  meterName: string;
  quantity: string;
  unit: string;
  cost: string;
  currency: string;
  get: (...names: string[]) => string | undefined;
}

function resolveColumns(file: string, row: SourceRow): Columns {
  const names = new ColumnNames(Object.keys(row.values));
  const required: [keyof Omit<Columns, "get">, string[]][] = [
    ["date", ["Date", "UsageDateTime", "UsageDate"]],
    ["meterCategory", ["MeterCategory"]],
    ["meterName", ["MeterName"]],
    ["quantity", ["Quantity"]],
    ["unit", ["UnitOfMeasure"]],
    ["cost", ["CostInBillingCurrency"]],
    ["currency", ["BillingCurrency", "BillingCurrencyCode"]],
  ];
  const found: Partial<Columns> = {};
  const missing: string[] = [];
  for (const [key, candidates] of required) {
    const hit = names.find(...candidates);
    if (hit === undefined) missing.push(candidates[0] ?? key);
    else found[key] = hit;
  }
  if (missing.length > 0) {
    throw new SpendImportError(
      { file, line: row.line === undefined ? undefined : 1, field: missing[0] },
      `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (is this an Azure cost-details export?)`,
    );
  }
  return { ...(found as Omit<Columns, "get">), get: (...n) => names.find(...n) };
}

function azureTags(f: RowFields, col: string | undefined, tags: Record<string, string>): void {
  if (col === undefined || !f.has(col)) return;
  const raw = f.raw(col);
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    const s = raw.trim();
    try {
      // Azure writes tags as `"env": "prod","team": "ml"` (EA, without braces) or a JSON object.
      parsed = JSON.parse(s.startsWith("{") ? s : `{${s}}`);
    } catch {
      f.fail(col, 'must be Azure\'s tag text such as "env": "prod","team": "ml" (with or without braces)');
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) f.fail(col, "must be a map of tag names to values");
  for (const k of Object.keys(parsed as object).sort()) {
    const v = (parsed as Record<string, unknown>)[k];
    if (v === null || v === undefined) continue;
    putUserTag(tags, k, typeof v === "string" ? v : JSON.stringify(v));
  }
}

/** A normalized decimal text (so "160.460", "160.46" and 160.46 give the same id). */
function decimalText(f: RowFields, col: string | undefined): string | null {
  if (col === undefined || !f.has(col)) return null;
  const d = parseDecimal(f.raw(col));
  if (!d) return f.str(col, 100);
  let { digits, scale } = d;
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  return `${digits}e-${scale}`;
}

const ID_TEXT_COLUMNS = [
  ["MeterId"],
  ["MeterName"],
  ["SubscriptionId", "SubscriptionGuid"],
  ["ChargeType"],
  ["PricingModel"],
  ["BenefitId", "ReservationId"],
  ["AdditionalInfo"],
  ["ServiceInfo1"],
  ["ServiceInfo2"],
  ["ResourceLocation"],
  ["UnitOfMeasure"],
] as const;

function requestIdOf(f: RowFields, c: Columns, day: string, currency: string): string {
  const text = (names: readonly string[]) => {
    const col = c.get(...names);
    return col === undefined ? null : f.str(col, 10_000);
  };
  const resourceCol = c.get("ResourceId", "InstanceId");
  const tagsCol = c.get("Tags");
  const id: Record<string, unknown> = {
    v: 1,
    day,
    resourceId: resourceCol ? (f.str(resourceCol, 10_000)?.toLowerCase() ?? null) : null,
    tags: tagsCol
      ? f.has(tagsCol)
        ? typeof f.raw(tagsCol) === "string"
          ? (f.str(tagsCol, 100_000) ?? "").trim()
          : canonicalJson(f.raw(tagsCol))
        : null
      : null,
    quantity: decimalText(f, c.quantity),
    effectivePrice: decimalText(f, c.get("EffectivePrice")),
    cost: decimalText(f, c.cost),
    currency,
  };
  for (const names of ID_TEXT_COLUMNS) id[names[0]] = text(names);
  return `azure:${sha256Hex(canonicalJson(id))}`;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
}

function toRecord(f: RowFields, c: Columns, meter: AzureMeter, meterName: string, ctx: ImportContext): UsageRecord {
  const day = f.day(c.date);
  const currency = f.reqStr(c.currency).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) f.fail(c.currency, "must be a three-letter ISO 4217 currency code");
  const counts = { uncachedInput: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0 };
  let tokens = 0;
  if (meter.kind === "tokens" && meter.bucket) {
    const unit = f.reqStr(c.unit);
    const per = tokensPerUnit(unit);
    if (per === undefined) f.fail(c.unit, `cannot convert "${unit}" to tokens on token meter "${meterName}" (expected 1K, 1M or tokens)`);
    tokens = scaledTokens(f, c.quantity, per, unit);
    counts[meter.bucket] = tokens;
  } else {
    // PTU: hourly capacity; the quantity (PTU-hours) is only validated.
    requireNonNegative(f, c.quantity);
  }
  const billedCostMicros = f.money(c.cost);
  if (billedCostMicros === null) f.fail(c.cost, "is required");
  if (billedCostMicros < 0n) f.fail(c.cost, "must not be negative on a usage line (refunds are separate charge types)");

  const tags: Record<string, string> = { meter: meterName.slice(0, 300) };
  if (meter.kind === "ptu") {
    tags.deployment = "ptu";
    if (meter.scope) tags.ptu_scope = meter.scope;
  } else if (meter.scope) tags.deployment = meter.scope;
  const region = c.get("ResourceLocation");
  const location = region ? f.str(region) : null;
  if (location) tags.region = location;
  const resourceCol = c.get("ResourceId", "InstanceId");
  const resourceId = resourceCol ? f.str(resourceCol, 10_000) : null;
  const resourceName = resourceId?.split("/").filter(Boolean).pop();
  if (resourceName) tags.resource = resourceName.slice(0, 300);
  const groupCol = c.get("ResourceGroup", "ResourceGroupName");
  const group = groupCol ? f.str(groupCol) : null;
  if (group) tags.resource_group = group;
  azureTags(f, c.get("Tags"), tags);

  const subscriptionCol = c.get("SubscriptionId", "SubscriptionGuid");
  const isOutput = meter.bucket === "output";
  return buildRecord(
    {
      source: "azure-cost",
      periodStart: `${day}T00:00:00.000Z`,
      periodEnd: nextDay(day),
      provider: "azure",
      modelReported: meter.model,
      projectId: subscriptionCol ? f.str(subscriptionCol) : null,
      workspaceId: null,
      apiKeyHash: null,
      userId: null,
      team: null,
      requestId: requestIdOf(f, c, day, currency),
      tags,
      ...counts,
      reasoning: 0,
      inputAudio: meter.audio && !isOutput ? tokens : 0,
      outputAudio: meter.audio && isOutput ? tokens : 0,
      webSearches: 0,
      requests: 0,
      batch: meter.tier === "batch",
      serviceTier: meter.tier,
      longContext: meter.longContext,
      billedCostMicros,
      currency,
    },
    ctx,
  );
}

function isAiLine(f: RowFields, c: Columns): boolean {
  const service = c.get("ConsumedService");
  if (service && (f.str(service) ?? "").toLowerCase() === "microsoft.cognitiveservices") return true;
  return AI_CATEGORY.test(f.str(c.meterCategory) ?? "");
}

/**
 * Azure Cost Management cost-details export (CSV or Parquet): Azure OpenAI / Foundry token and PTU
 * lines, one record per line; everything else is skipped. Streams (`buffersFile: false`).
 */
export const azureCostImporter: Importer = {
  source: "azure-cost",
  buffersFile: false,
  detect: ({ columns }) => {
    const names = new ColumnNames(columns);
    return (
      names.find("MeterCategory") !== undefined &&
      names.find("MeterName") !== undefined &&
      names.find("CostInBillingCurrency") !== undefined &&
      names.find("UnitOfMeasure") !== undefined
    );
  },
  async *parse(input, ctx) {
    let c: Columns | undefined;
    for await (const row of input.rows()) {
      c ??= resolveColumns(ctx.fileName, row);
      const f = new RowFields(ctx.fileName, row);
      const chargeCol = c.get("ChargeType");
      const charge = chargeCol ? f.str(chargeCol) : null;
      if (charge !== null && charge.toLowerCase() !== "usage") continue;
      if (!isAiLine(f, c)) continue;
      const meterName = f.str(c.meterName) ?? "";
      const productCols = [c.get("ProductName", "Product"), c.get("MeterSubCategory")].filter((x): x is string => x !== undefined);
      const product = productCols.map((col) => f.str(col) ?? "").join(" ");
      const meter = parseAzureMeter(meterName, product);
      if (meter.kind === "other") continue;
      yield toRecord(f, c, meter, meterName, ctx);
    }
  },
};
