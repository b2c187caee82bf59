/**
 * Helicone request exports: `npx @helicone/export` JSON/JSONL (HeliconeRequest objects as returned
 * by `POST /v1/request/query-clickhouse`) and its CSV (`response_id, response_created_at,
 * response_status, request_created_at, request_body, request_properties, request_user_id, model,
 * prompt_tokens, completion_tokens, latency, cost`).
 *
 * One record per request; `requestId` is `request_id` (the CSV has only `response_id`, used
 * instead). The period is the UTC hour containing `request_created_at` (ClickHouse's zone-less
 * `YYYY-MM-DD HH:MM:SS` is UTC). Rows without any tokens or cost (tool, vector-DB and data events,
 * failed requests) and rows served from Helicone's own cache (`cache_reference_id` set to a
 * non-zero UUID: the provider was not called) are skipped.
 *
 * Token buckets (Helicone/helicone valhalla/jawn body processors, packages/cost):
 * - Anthropic (provider `ANTHROPIC`, or a `claude` model on another provider): `prompt_tokens` is
 *   Anthropic's `input_tokens`, disjoint from `prompt_cache_read_tokens` and
 *   `prompt_cache_write_tokens` (the 5-minute and 1-hour writes together; stored as 5-minute
 *   writes since the export does not split them).
 * - Everything else (OpenAI-compatible): Helicone first stored OpenAI's `prompt_tokens`, which
 *   includes cached reads (and audio); since 2025 its processors store `prompt_tokens − cached −
 *   audio` and `completion_tokens − audio` (`ModelUsage.input` "excluding cached or audio tokens").
 *   `total_tokens` (OpenAI's own total) tells the two apart: when it equals `prompt_tokens +
 *   completion_tokens` the cache and audio counts are inside `prompt_tokens`/`completion_tokens`;
 *   otherwise they are separate parts. Without `total_tokens`, they are taken as included when
 *   `prompt_tokens` is large enough to include them (OpenAI's semantics), else as separate.
 * Reasoning tokens are not in the export (0).
 *
 * Money: `costUSD` (dollars) when present, else `cost` — ClickHouse's integer USD × 1e9
 * (`COST_PRECISION_MULTIPLIER`), which must be a whole number; `cost_usd` (dollars) from older
 * exporter versions is accepted too. Helicone's cost is its own catalog estimate, the figure the
 * source states. Negative amounts are rejected.
 *
 * Provider: `provider` (`OPENAI`, `ANTHROPIC`, `AZURE`, `BEDROCK`, …, or the AI Gateway's
 * lower-case ids) mapped to the catalog's ids; when unknown or absent (the CSV), inferred from the
 * model, then from `target_url`'s host. Dimensions: `request_user_id` (the `Helicone-User-Id`),
 * else `helicone_user`, as userId unless it looks like an email; custom properties
 * (`request_properties` and `properties`, the `Helicone-Property-*` headers) become tags
 * `prop:<name>` (properties whose name or value is too long for a tag, or whose value looks like an
 * email, are left out). Bodies (`request_body`, `response_body`) are never read.
 */
import type { ImportContext, Importer } from "../importer.js";
import type { SourceRow } from "../input.js";
import type { UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { hourPeriod, knownProvider, looksLikeEmail, pageRows, providerFromModel, rejectEmptyFile } from "./langfuse.js";
import { RowFields, requireColumns } from "./row-fields.js";

const NO_CACHE_REFERENCE = "00000000-0000-0000-0000-000000000000";

const HOSTS: readonly [string, string][] = [
  ["openai.azure.com", "azure"],
  ["api.openai.com", "openai"],
  ["api.anthropic.com", "anthropic"],
  ["generativelanguage.googleapis.com", "google"],
  ["aiplatform.googleapis.com", "google"],
  ["bedrock-runtime", "aws"],
  ["api.groq.com", "groq"],
  ["api.mistral.ai", "mistral"],
  ["api.deepseek.com", "deepseek"],
  ["api.x.ai", "x-ai"],
  ["openrouter.ai", "openrouter"],
  ["api.together.xyz", "together"],
  ["api.fireworks.ai", "fireworks"],
  ["api.perplexity.ai", "perplexity"],
  ["api.cohere", "cohere"],
];

function providerOf(raw: string | null, model: string | null, targetUrl: string | null): string {
  const known = raw ? knownProvider(raw) : null;
  if (known) return known;
  const fromModel = model ? providerFromModel(model) : null;
  if (fromModel) return fromModel;
  if (targetUrl) {
    const url = targetUrl.toLowerCase();
    for (const [host, provider] of HOSTS) if (url.includes(host)) return provider;
  }
  return raw ? raw.trim().toLowerCase() : "unknown";
}

function addProperties(f: RowFields, col: string, tags: Record<string, string>): void {
  const v = f.json(col);
  if (v === undefined || v === null) return;
  if (typeof v !== "object" || Array.isArray(v)) f.fail(col, "must be an object of custom properties");
  for (const [k, raw] of Object.entries(v as Record<string, unknown>)) {
    if (raw === null || raw === undefined) continue;
    const value = typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : null;
    const key = `prop:${k}`;
    if (value === null || value === "" || key.length > 100 || value.length > 300 || looksLikeEmail(value)) continue;
    tags[key] = value;
  }
}

function costOf(f: RowFields): bigint | null {
  for (const col of ["costUSD", "cost_usd"]) {
    const m = f.money(col, 1);
    if (m !== null) {
      if (m < 0n) f.fail(col, "must not be negative");
      return m;
    }
  }
  const d = f.decimal("cost");
  if (d === null) return null;
  if (d.digits < 0n) f.fail("cost", "must not be negative");
  if (d.digits % 10n ** BigInt(d.scale) !== 0n) f.fail("cost", "must be a whole number of 1e-9 USD (Helicone's ClickHouse cost); export costUSD for dollars");
  return f.money("cost", 1_000_000_000);
}

/** One HeliconeRequest row → a record, or null when it carries no billable usage. */
export function heliconeRecord(row: SourceRow, ctx: ImportContext): UsageRecord | null {
  const f = new RowFields(ctx.fileName, row);
  const id = f.has("request_id") ? f.reqStr("request_id") : f.has("response_id") ? f.reqStr("response_id") : f.reqStr("request_id");
  const created = f.instant("request_created_at", { naiveIsUtc: true }) as string;
  const cacheRef = f.str("cache_reference_id");
  // Present but null (an error or a non-LLM event) counts as 0; a missing field is an error.
  const p = f.count("prompt_tokens", f.raw("prompt_tokens") === undefined ? undefined : 0);
  const c = f.count("completion_tokens", f.raw("completion_tokens") === undefined ? undefined : 0);
  const r = f.count("prompt_cache_read_tokens", 0);
  const w = f.count("prompt_cache_write_tokens", 0);
  const a = f.count("prompt_audio_tokens", 0);
  const ca = f.count("completion_audio_tokens", 0);
  const total = f.has("total_tokens") ? f.count("total_tokens") : null;
  const billed = costOf(f);
  if (cacheRef !== null && cacheRef !== NO_CACHE_REFERENCE) return null;
  if (p + c + r + w + a + ca === 0 && (billed === null || billed === 0n)) return null;

  const model = f.str("model") ?? f.str("model_override") ?? f.str("response_model") ?? f.str("request_model");
  const rawProvider = f.str("provider", 100);
  const provider = providerOf(rawProvider, model, f.str("target_url", 2000));
  const anthropicShape = provider === "anthropic" || (model?.toLowerCase().includes("claude") ?? false);

  let uncachedInput: number;
  let output: number;
  if (anthropicShape || r + w + a + ca === 0) {
    uncachedInput = p + a;
    output = c + ca;
  } else {
    const included = total !== null && total > 0 ? total === p + c : p >= r + w + a;
    if (included) {
      uncachedInput = p - r - w;
      if (uncachedInput < 0)
        f.fail("prompt_cache_read_tokens", "cache read and cache write tokens exceed prompt_tokens, which includes them (total_tokens = prompt + completion)");
      output = c;
    } else {
      uncachedInput = p + a;
      output = c + ca;
    }
  }

  const tags: Record<string, string> = {};
  addProperties(f, "request_properties", tags);
  addProperties(f, "properties", tags);
  const user = f.str("request_user_id") ?? f.str("helicone_user");
  return buildRecord(
    {
      source: "helicone",
      ...hourPeriod(created),
      provider,
      modelReported: model,
      projectId: null,
      workspaceId: null,
      apiKeyHash: null,
      userId: user && !looksLikeEmail(user) ? user : null,
      team: null,
      requestId: id,
      tags,
      uncachedInput,
      cacheRead: r,
      cacheWrite5m: w,
      cacheWrite1h: 0,
      output,
      reasoning: 0,
      inputAudio: a,
      outputAudio: ca,
      webSearches: 0,
      requests: 1,
      batch: false,
      serviceTier: "standard",
      longContext: false,
      billedCostMicros: billed,
      currency: "USD",
    },
    ctx,
  );
}

function isHeliconeCsv(cols: readonly string[]): boolean {
  return cols.includes("response_id") && cols.includes("request_created_at") && cols.includes("prompt_tokens") && cols.includes("completion_tokens");
}

function isHeliconeObject(cols: readonly string[]): boolean {
  return (
    cols.includes("request_id") &&
    cols.includes("request_created_at") &&
    cols.includes("prompt_tokens") &&
    (cols.includes("provider") || cols.includes("helicone_user") || cols.includes("request_properties"))
  );
}

/** Helicone request exports (JSON, JSONL, CSV). Streams rows; each is validated before its record is yielded. */
export const heliconeImporter: Importer = {
  source: "helicone",
  buffersFile: false,
  rowLocal: true,
  detect: ({ container, firstBytes, columns }) => {
    if (container === "json" || (container === "jsonl" && columns.includes("data")))
      return /"request_created_at"\s*:/.test(firstBytes) && /"request_id"\s*:/.test(firstBytes) && /"prompt_tokens"\s*:/.test(firstBytes);
    return isHeliconeCsv(columns) || isHeliconeObject(columns);
  },
  async *parse(input, ctx) {
    let first = true;
    for await (const row of pageRows(ctx.fileName, input.rows())) {
      if (first && (input.container === "csv" || input.container === "parquet")) {
        const cols = Object.keys(row.values);
        requireColumns(ctx.fileName, cols, ["request_created_at", "prompt_tokens", "completion_tokens"]);
        if (!cols.includes("request_id") && !cols.includes("response_id")) requireColumns(ctx.fileName, cols, ["request_id"]);
      }
      first = false;
      const r = heliconeRecord(row, ctx);
      if (r) yield r;
    }
    if (first) await rejectEmptyFile(input, ctx);
  },
};
