/**
 * Google Cloud Billing export to BigQuery (standard `gcp_billing_export_v1_<ACCOUNT>` or detailed
 * `gcp_billing_export_resource_v1_<ACCOUNT>` table), as exported from BigQuery:
 * - JSONL / JSON / Parquet with the table's nested records (`service: {id, description}`,
 *   `usage: {amount, unit, …}`, `labels: [{key, value}]`, `credits: [{name, amount, type}]`);
 * - CSV of a query with flattened dotted column names (`service.description`, `usage.amount`…),
 *   where the repeated fields `labels` and `credits` are JSON text (BigQuery cannot export repeated
 *   fields to CSV, so they are selected as `TO_JSON_STRING(labels)` and so on).
 * BigQuery writes TIMESTAMPs as `2025-11-03 14:00:00 UTC` in both; RFC 3339 is accepted too, and a
 * zone-less time is UTC (BigQuery TIMESTAMPs are UTC).
 *
 * Only Gemini usage is imported: rows of the services "Vertex AI", "Generative Language API" and
 * "Gemini API" (AI Studio) whose SKU description names a Gemini model (see
 * {@link parseGeminiSku}), plus their "Grounding with Google Search" lines. Other services
 * (Compute Engine, BigQuery…) and other Vertex AI SKUs (training, endpoints, pipelines, Imagen,
 * third-party models) are skipped, as are rows whose `cost_type` is not `regular` (`tax`,
 * `adjustment`, `rounding_error`: account-level corrections, not usage).
 *
 * Each imported row is one record (the export's grain is SKU × project × labels × hour):
 * - tokens: `usage.amount` when `usage.unit` is a count (`count`, `requests` — Google labels some
 *   token SKUs "requests" — or `tokens`), put in the bucket the SKU names (input, cached input →
 *   cacheRead, output; a "Thinking … Output" SKU's tokens are output and reasoning; audio SKUs also
 *   fill inputAudio/outputAudio); batch/flex/priority and the long-context tier come from the SKU;
 * - lines not metered in tokens (context-cache storage in token-hours, older models billed per
 *   character, any other unit) keep their model and billed cost but no tokens, and are not priced
 *   (listCostMicros null): the catalog has no per-character or storage prices;
 * - grounding lines: `usage.amount` requests as webSearches, model unknown, not priced;
 * - billedCostMicros = max(cost + Σ credits.amount, 0): the documented net cost (credits are
 *   negative). A row whose credits exceed its cost (free tier, promotions) bills 0; the surplus
 *   credit is dropped because records never carry negative money;
 * - projectId = `project.id`; labels → tags `label:<key>`; `location.region` (or
 *   `location.location`) → tag `region`.
 *
 * requestId: the export has no row id, so it is a SHA-256 of the row's identifying columns and
 * content, normalized so that the same row exported again (JSONL or CSV, any column order)
 * gives the same id: billing account, service and SKU ids, usage window, project, labels,
 * location, resource (detailed export), `export_time` when present (it tells apart the several
 * increments Google exports for the same SKU-hour), cost type, cost, currency, usage amount and
 * unit, and credits. Two rows identical in all of these are the same line and import once.
 */
import { canonicalJson, sha256Hex } from "@caio/core/node";
import type { ImportContext, Importer } from "../importer.js";
import type { SourceRow } from "../input.js";
import type { ServiceTier, UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { moneyToMicros, parseDecimal, RowFields, requireColumns } from "./row-fields.js";
import {
  canonicalDecimal,
  currencyOf,
  parseGeminiSku,
  parseUnit,
  resolveModel,
  type SkuInfo,
  scaledCount,
  tableRows,
  timestamp,
  toCount,
} from "./sku-parse.js";

/** Services whose Gemini SKUs are imported (`service.description`, compared case-insensitively). */
const AI_SERVICES = new Set(["vertex ai", "generative language api", "gemini api"]);

/** Columns a flattened (CSV) export must have. */
const REQUIRED_FLAT = ["service.description", "sku.description", "usage_start_time", "usage_end_time", "cost", "currency", "usage.amount", "usage.unit"];

/** Repeated fields, read as lists (a JSON object there is a malformed value, not a record). */
const UNFLATTENED = new Set(["labels", "system_labels", "credits", "tags", "project.labels", "project.ancestors"]);

/** Nested records → dotted keys (`usage.amount`), so nested and flattened exports read the same. */
function flatten(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (prefix: string, obj: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix === "" ? k : `${prefix}.${k}`;
      if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !UNFLATTENED.has(key)) walk(key, v as Record<string, unknown>);
      else out[key] = v;
    }
  };
  walk("", values);
  return out;
}

/** `labels` as sorted `[key, value]` pairs: a list of `{key, value}` (nested or JSON text) or a JSON object. */
function labelsOf(f: RowFields, col: string): [string, string][] {
  const v = f.json(col);
  if (v === undefined) return [];
  const pairs: [string, string][] = [];
  const add = (k: unknown, val: unknown) => {
    if (typeof k !== "string") f.fail(col, "each label must have a string key");
    if (val !== null && val !== undefined && typeof val !== "string" && typeof val !== "number" && typeof val !== "boolean")
      f.fail(col, `label ${k} must have a text value`);
    if (k !== "") pairs.push([k, val === null || val === undefined ? "" : String(val)]);
  };
  if (Array.isArray(v)) {
    for (const item of v) {
      if (typeof item !== "object" || item === null) f.fail(col, "must be a list of {key, value} labels");
      const { key, value } = item as { key?: unknown; value?: unknown };
      add(key, value);
    }
  } else if (typeof v === "object" && v !== null) {
    for (const [k, val] of Object.entries(v)) add(k, val);
  } else f.fail(col, "must be a list of {key, value} labels");
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Credits: their sum in micro-units (negative) and a canonical form for the row id. */
function creditsOf(f: RowFields): { micros: bigint; canonical: string[] } {
  const v = f.json("credits");
  if (v === undefined) return { micros: 0n, canonical: [] };
  if (!Array.isArray(v)) f.fail("credits", "must be a list of credits ({name, amount, type})");
  let micros = 0n;
  const canonical: string[] = [];
  v.forEach((c: unknown, i) => {
    if (typeof c !== "object" || c === null || Array.isArray(c)) f.fail("credits", `credit ${i + 1} must be an object`);
    const { amount, name, type, id } = c as Record<string, unknown>;
    const m = moneyToMicros(amount);
    const d = parseDecimal(amount);
    if (m === undefined || d === undefined) f.fail("credits", `credit ${i + 1}: amount must be a decimal amount`);
    micros += m;
    canonical.push(canonicalJson({ name: name ?? null, type: type ?? null, id: id ?? null, amount: canonicalDecimal(d) }));
  });
  return { micros, canonical: canonical.sort() };
}

interface Buckets {
  uncachedInput: number;
  cacheRead: number;
  output: number;
  reasoning: number;
  inputAudio: number;
  outputAudio: number;
}

function bucketsOf(sku: SkuInfo, n: number): Buckets {
  const b: Buckets = { uncachedInput: 0, cacheRead: 0, output: 0, reasoning: 0, inputAudio: 0, outputAudio: 0 };
  const audio = sku.modality === "audio";
  if (sku.kind === "input") b.uncachedInput = n;
  else if (sku.kind === "cache_read") b.cacheRead = n;
  else if (sku.kind === "output") {
    b.output = n;
    if (sku.thinking) b.reasoning = n;
  }
  if (audio && (sku.kind === "input" || sku.kind === "cache_read")) b.inputAudio = n;
  if (audio && sku.kind === "output") b.outputAudio = n;
  return b;
}

const NO_TOKENS: Buckets = { uncachedInput: 0, cacheRead: 0, output: 0, reasoning: 0, inputAudio: 0, outputAudio: 0 };

function rowRecord(row: SourceRow, ctx: ImportContext): UsageRecord | undefined {
  const f: RowFields = new RowFields(ctx.fileName, { ...row, values: flatten(row.values) });
  const service = f.reqStr("service.description");
  if (!AI_SERVICES.has(service.trim().toLowerCase())) return undefined;
  const costType = f.str("cost_type");
  if (costType !== null && costType.trim().toLowerCase() !== "regular") return undefined;
  const skuText = f.reqStr("sku.description", 1000);
  const sku = parseGeminiSku(skuText);
  const grounding = sku === null && /\bgrounding\b/i.test(skuText);
  if (sku === null && !grounding) return undefined;

  const periodStart = timestamp(f, "usage_start_time") as string;
  const periodEnd = timestamp(f, "usage_end_time") as string;
  if (Date.parse(periodEnd) <= Date.parse(periodStart)) f.fail("usage_end_time", "must be after usage_start_time");
  const exportTime = timestamp(f, "export_time", false);
  const cost = f.money("cost");
  if (cost === null) f.fail("cost", "is required");
  const currency = currencyOf(f, "currency");
  const amount = f.decimal("usage.amount");
  if (amount === null) f.fail("usage.amount", "is required");
  if (amount.digits < 0n) f.fail("usage.amount", "must not be negative");
  const unit = f.reqStr("usage.unit");
  const pricingUnit = f.str("usage.pricing_unit");
  const credits = creditsOf(f);
  const labels = labelsOf(f, "labels");
  const projectId = f.str("project.id");
  const region = f.str("location.region") ?? f.str("location.location");

  // Tokens only when the SKU names a token type and the unit is a count; never characters.
  const byCharacter = /char/i.test(unit) || /char/i.test(pricingUnit ?? "") || /\bcharacters?\b/i.test(skuText);
  const countUnit = byCharacter ? null : parseUnit(unit);
  const tokenLine = sku !== null && countUnit !== null && sku.kind !== null && sku.kind !== "storage";
  const n = countUnit === null ? 0 : toCount(f, "usage.amount", scaledCount(amount, countUnit.scale));
  const buckets = tokenLine ? bucketsOf(sku, n) : NO_TOKENS;
  const tier: ServiceTier = sku?.tier ?? "standard";

  const tags: Record<string, string> = {};
  for (const [k, v] of labels) tags[`label:${k}`.slice(0, 100)] = v.slice(0, 300);
  if (region !== null) tags.region = region.slice(0, 300);

  const net = cost + credits.micros;
  const requestId = sha256Hex(
    canonicalJson({
      v: 1,
      billingAccount: f.str("billing_account_id"),
      service: f.str("service.id") ?? service,
      sku: f.str("sku.id") ?? skuText,
      periodStart,
      periodEnd,
      projectId,
      labels,
      location: [f.str("location.location"), f.str("location.region"), f.str("location.zone")],
      resource: f.str("resource.global_name") ?? f.str("resource.name"),
      exportTime,
      costType: costType?.trim().toLowerCase() ?? null,
      cost: canonicalDecimal(parseDecimal(f.raw("cost")) ?? { digits: 0n, scale: 0 }),
      currency,
      amount: canonicalDecimal(amount),
      unit,
      credits: credits.canonical,
    }),
  );

  const start = new Date(periodStart);
  const record = buildRecord(
    {
      source: "gcp-billing",
      periodStart,
      periodEnd,
      provider: "google",
      modelReported: sku?.model ? resolveModel(ctx.pricer, "google", sku.model, null, start) : null,
      projectId,
      workspaceId: null,
      apiKeyHash: null,
      userId: null,
      team: null,
      requestId,
      tags,
      ...buckets,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      webSearches: grounding && countUnit !== null ? n : 0,
      requests: 0,
      batch: tier === "batch",
      serviceTier: tier,
      longContext: sku?.longContext ?? false,
      billedCostMicros: net > 0n ? net : 0n,
      currency,
    },
    ctx,
  );
  // Lines not metered in tokens have no catalog price (a zero-token price would read as "free").
  return tokenLine ? record : { ...record, listCostMicros: null };
}

/** Google Cloud Billing export (BigQuery) rows: Gemini usage on Vertex AI and the Gemini API. */
export const gcpBillingImporter: Importer = {
  source: "gcp-billing",
  buffersFile: false,
  detect: ({ container, columns, firstBytes }) => {
    if (container === "json") return /"usage_start_time"\s*:/.test(firstBytes) && /"sku"\s*:/.test(firstBytes) && /"cost"\s*:/.test(firstBytes);
    const c = new Set(columns);
    return (
      c.has("usage_start_time") &&
      c.has("cost") &&
      (c.has("sku") || c.has("sku.description") || c.has("sku.id")) &&
      (c.has("service") || c.has("service.description") || c.has("service.id"))
    );
  },
  async *parse(input, ctx) {
    let first = true;
    for await (const row of tableRows(input)) {
      if (first) {
        first = false;
        const keys = Object.keys(row.values);
        // A flattened export names every column up front; check them before the first row.
        if (keys.some((k) => k.includes("."))) requireColumns(ctx.fileName, keys, REQUIRED_FLAT);
      }
      const record = rowRecord(row, ctx);
      if (record) yield record;
    }
  },
};
