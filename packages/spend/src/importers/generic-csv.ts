/**
 * caio's generic usage format (docs/spend-csv-format.md): CSV (or JSONL objects, or Parquet) with
 * one row per usage bucket or per request, for sources caio has no importer for — internal
 * gateways, spreadsheets, benchmarks.
 *
 * Columns: `date` (YYYY-MM-DD for a daily bucket, or an instant with a zone for an hourly bucket),
 * `provider`, `model`, token columns `input_tokens` (uncached input), `cache_read_tokens`,
 * `cache_write_tokens` (5-minute), `cache_write_1h_tokens`, `output_tokens`, `reasoning_tokens`
 * (of which, inside output), `web_searches`, `requests`, `cost_usd` (billed cost in major units of
 * `currency`; empty = none stated, list price from the catalog only), `currency` (default USD),
 * `batch`, `service_tier`, `long_context`, `project`, `workspace`, `api_key_id` (stored hashed),
 * `user`, `team`, `id` (row id → requestId) and `tag:<name>` columns. Unknown columns are an error.
 *
 * Rows without an `id` are buckets: two such rows with the same dimensions describe the same usage
 * and get the same record key (the second replaces the first on import). Per-request rows need an
 * `id`. An hourly bucket without an `id` must start on the hour.
 *
 * Built for large files (a 10-million-row benchmark): no schema library per row, no regex compiled
 * per row, plain-digit counts parsed without BigInt, and derived values cached per distinct
 * provider, date, currency and API key.
 */

import { sha256Hex } from "@caio/core/node";
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import { type Container, type ImportInput, rowBatchesOf, type SourceRow } from "../input.js";
import { hashApiKey, type RecordIdentity, type ServiceTier, type UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { knownProvider, looksLikeEmail, rejectEmptyFile } from "./langfuse.js";
import { moneyToMicros, parseDecimal, rowLocation } from "./row-fields.js";

/** Token columns; a file needs at least one of them. */
const TOKEN_COLUMNS = ["input_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "output_tokens"] as const;

/** Every column the format knows, besides `tag:<name>`. */
export const CSV_COLUMNS: readonly string[] = [
  "date",
  "provider",
  "model",
  ...TOKEN_COLUMNS,
  "reasoning_tokens",
  "web_searches",
  "requests",
  "cost_usd",
  "currency",
  "batch",
  "service_tier",
  "long_context",
  "project",
  "workspace",
  "api_key_id",
  "user",
  "team",
  "id",
];
const KNOWN = new Set(CSV_COLUMNS);
const TAG_PREFIX = "tag:";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const MIN_MS = 946_684_800_000; // 2000-01-01
const MAX_MS = 4_102_444_800_000; // 2100-01-01
const CACHE_LIMIT = 50_000;

interface Period {
  periodStart: string;
  periodEnd: string;
  /** The bucket start (shared by every row of the bucket; never mutated). */
  at: Date;
  day: string;
  /** UTC hour for hourly buckets, null for days. */
  hour: number | null;
  /** True for an hourly value that does not start on the hour (allowed only with an id). */
  offHour: boolean;
}

/** Raises errors located at the current row (one per file, pointed at each row in turn). */
class Fail {
  constructor(
    readonly file: string,
    public row: SourceRow,
  ) {}
  at(field: string, reason: string): never {
    throw new SpendImportError(rowLocation(this.file, this.row, field), reason);
  }
}

/** A bounded memo: cleared when it grows past {@link CACHE_LIMIT} distinct keys. */
class Memo<V> {
  private readonly map = new Map<string, V>();
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): V {
    if (this.map.size >= CACHE_LIMIT) this.map.clear();
    this.map.set(k, v);
    return v;
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/** A non-negative integer; empty is 0. Plain digit strings take a fast path. */
function count(v: unknown, col: string, fail: Fail): number {
  if (typeof v === "string") {
    const n = v.length;
    if (n === 0) return 0;
    if (n <= 15) {
      let digits = true;
      for (let i = 0; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c < 48 || c > 57) {
          digits = false;
          break;
        }
      }
      if (digits) return Number(v);
    }
  } else if (typeof v === "number") {
    if (Number.isSafeInteger(v) && v >= 0) return v;
  } else if (v === undefined || v === null) return 0;
  else if (typeof v !== "bigint") fail.at(col, "must be a non-negative integer");
  const d = parseDecimal(v);
  if (!d) return fail.at(col, "must be a non-negative integer");
  if (d.digits < 0n) fail.at(col, "must not be negative");
  const div = 10n ** BigInt(d.scale);
  if (d.digits % div !== 0n) fail.at(col, "must be a whole number");
  const n = d.digits / div;
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) fail.at(col, "is too large");
  return Number(n);
}

/** Optional text; numbers and booleans (JSONL) become their text. */
function text(v: unknown, col: string, max: number, fail: Fail): string | null {
  if (typeof v === "string") {
    if (v === "") return null;
    if (v.length > max) fail.at(col, `must be at most ${max} characters`);
    return v;
  }
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return text(String(v), col, max, fail);
  return fail.at(col, "must be text");
}

function bool(v: unknown, col: string, fail: Fail): boolean {
  if (v === true || v === false) return v;
  if (isEmpty(v)) return false;
  switch (String(v).trim().toLowerCase()) {
    case "true":
    case "1":
    case "yes":
      return true;
    case "false":
    case "0":
    case "no":
      return false;
    default:
      return fail.at(col, "must be true or false");
  }
}

/** Billed cost in major units → micro-units. Up to six decimals skip BigInt division. */
function cost(v: unknown, fail: Fail): bigint | null {
  if (isEmpty(v)) return null;
  if (typeof v === "string") {
    const dot = v.indexOf(".");
    const whole = dot === -1 ? v : v.slice(0, dot);
    const frac = dot === -1 ? "" : v.slice(dot + 1);
    if (whole.length > 0 && whole.length <= 9 && frac.length <= 6 && isDigits(whole) && isDigits(frac)) {
      return BigInt(Number(whole) * 1_000_000 + (frac === "" ? 0 : Number(frac) * 10 ** (6 - frac.length)));
    }
  } else if (typeof v !== "number" && typeof v !== "bigint") return fail.at("cost_usd", "must be a decimal amount");
  const m = moneyToMicros(v, 1);
  if (m === undefined) return fail.at("cost_usd", "must be a decimal amount");
  if (m < 0n) fail.at("cost_usd", "must not be negative (credits and refunds are not usage)");
  return m;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function tierOf(v: unknown, fail: Fail): ServiceTier | null {
  if (isEmpty(v)) return null;
  switch (String(v).trim().toLowerCase()) {
    case "standard":
    case "default":
    case "auto":
      return "standard";
    case "batch":
      return "batch";
    case "flex":
      return "flex";
    case "priority":
      return "priority";
    default:
      return fail.at("service_tier", "must be one of standard, batch, flex, priority (or empty)");
  }
}

/** Parses `date` (cached per distinct value). */
function periodOf(raw: unknown, fail: Fail, memo: Memo<Period>): Period {
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (!Number.isFinite(ms) || ms < MIN_MS || ms >= MAX_MS) return fail.at("date", "must be a date between 2000 and 2100");
    // A Parquet DATE (midnight UTC) is a day; any other timestamp an hour.
    return ms % DAY_MS === 0 ? makePeriod(ms, DAY_MS, false) : makePeriod(ms - (ms % HOUR_MS), HOUR_MS, ms % HOUR_MS !== 0);
  }
  if (typeof raw !== "string" || raw === "")
    return fail.at("date", isEmpty(raw) ? "is required" : "must be a date (YYYY-MM-DD) or a date-time with a time zone");
  const hit = memo.get(raw);
  if (hit) return hit;
  const s = raw.trim();
  const day = ISO_DAY.exec(s);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (new Date(ms).toISOString().slice(0, 10) !== s) return fail.at("date", "must be a valid date");
    if (ms < MIN_MS || ms >= MAX_MS) return fail.at("date", "must be a date between 2000 and 2100");
    return memo.set(raw, makePeriod(ms, DAY_MS, false));
  }
  if (!ISO_ZONED.test(s)) {
    return fail.at("date", "must be a date (YYYY-MM-DD) or a date-time with a time zone, such as 2025-11-01T13:00:00Z");
  }
  const ms = Date.parse(s.replace(" ", "T"));
  if (!Number.isFinite(ms)) return fail.at("date", "must be a valid date-time");
  if (ms < MIN_MS || ms >= MAX_MS) return fail.at("date", "must be a date between 2000 and 2100");
  const off = ((ms % HOUR_MS) + HOUR_MS) % HOUR_MS;
  return memo.set(raw, makePeriod(ms - off, HOUR_MS, off !== 0));
}

function makePeriod(start: number, length: number, offHour: boolean): Period {
  const at = new Date(start);
  const periodStart = at.toISOString();
  return {
    periodStart,
    periodEnd: new Date(start + length).toISOString(),
    at,
    day: periodStart.slice(0, 10),
    hour: length < DAY_MS ? at.getUTCHours() : null,
    offHour,
  };
}

/** What is checked once per column layout (CSV header, Parquet schema) or per JSONL object. */
interface Layout {
  tags: readonly string[];
  /** The tag columns by tag name in canonical (sorted) order, with the name as JSON. */
  tagOrder: readonly { col: string; name: string; json: string }[];
  /** The keys this layout was made from (JSONL: reused while the next object has the same keys). */
  keys: readonly string[];
}

function layoutOf(file: string, row: SourceRow, keys: readonly string[], container: Container): Layout {
  const where = (field: string) => (container === "csv" ? { file, line: 1, field } : rowLocation(file, row, field));
  const tags: string[] = [];
  for (const k of keys) {
    if (KNOWN.has(k)) continue;
    if (k.startsWith(TAG_PREFIX)) {
      const name = k.slice(TAG_PREFIX.length);
      if (name === "" || name.length > 100) throw new SpendImportError(where(k), "a tag column must be named tag:<name> with a name of 1 to 100 characters");
      tags.push(k);
      continue;
    }
    throw new SpendImportError(
      where(k),
      `unknown column ${JSON.stringify(k)}; the columns are ${CSV_COLUMNS.join(", ")} and tag:<name> (see docs/spend-csv-format.md)`,
    );
  }
  const missing = ["date", "provider", "model"].filter((c) => !keys.includes(c));
  if (missing.length > 0) {
    throw new SpendImportError(
      where(missing[0] ?? "date"),
      container === "jsonl" || container === "json"
        ? `missing field${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`
        : `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    );
  }
  if (!TOKEN_COLUMNS.some((c) => keys.includes(c))) {
    throw new SpendImportError(where(TOKEN_COLUMNS[0]), `needs at least one token column: ${TOKEN_COLUMNS.join(", ")}`);
  }
  const tagOrder = tags
    .map((col) => ({ col, name: col.slice(TAG_PREFIX.length), json: q(col.slice(TAG_PREFIX.length)) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { tags, tagOrder, keys };
}

/** Per-file caches of derived values. */
class Caches {
  readonly periods = new Memo<Period>();
  readonly providers = new Memo<string>();
  readonly currencies = new Memo<string>();
  readonly keys = new Memo<string>();
  /** Whether the fast record path matched buildRecord on the file's first record (undefined: not checked yet). */
  fast: boolean | undefined = undefined;

  /** provider → model → what is derived from them for one period (see modelInfo). */
  private readonly models = new Map<Period, Map<string, Map<string, ModelInfo>>>();
  private modelCount = 0;
  private readonly quoted = new Memo<string>();

  /** The catalog's model id and the record key's model and period part, per provider, model and period. */
  modelInfo(provider: string, model: string, period: Period, ctx: ImportContext): ModelInfo {
    let byProvider = this.models.get(period);
    if (byProvider === undefined) {
      byProvider = new Map();
      this.models.set(period, byProvider);
    }
    let byModel = byProvider.get(provider);
    if (byModel === undefined) {
      byModel = new Map();
      byProvider.set(provider, byModel);
    }
    const hit = byModel.get(model);
    if (hit !== undefined) return hit;
    if (++this.modelCount > CACHE_LIMIT) {
      this.models.clear();
      this.modelCount = 0;
    }
    const info: ModelInfo = {
      canonical: ctx.pricer.catalogModel(provider, model, period.at) ?? model,
      keyPart: `"modelReported":${q(model)},"periodEnd":${q(period.periodEnd)},"periodStart":${q(period.periodStart)},`,
    };
    byModel.set(model, info);
    return info;
  }

  /** A value as JSON text (cached per distinct value; for the record key). */
  json(v: string | null): string {
    if (v === null) return "null";
    return this.quoted.get(v) ?? this.quoted.set(v, q(v));
  }
}

interface ModelInfo {
  canonical: string;
  /** `"modelReported":…,"periodEnd":…,"periodStart":…,` of the record key's JSON. */
  keyPart: string;
}

function providerOf(v: unknown, fail: Fail, caches: Caches): string {
  if (typeof v === "string" && v !== "") {
    const hit = caches.providers.get(v);
    if (hit) return hit;
  }
  const raw = text(v, "provider", 100, fail);
  if (raw === null || raw.trim() === "") return fail.at("provider", "is required");
  return caches.providers.set(raw, knownProvider(raw) ?? raw.trim().toLowerCase());
}

function currencyOf(v: unknown, fail: Fail, caches: Caches): string {
  if (isEmpty(v)) return "USD";
  const s = typeof v === "string" ? v : String(v);
  const hit = caches.currencies.get(s);
  if (hit) return hit;
  const c = s.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) return fail.at("currency", "must be a three-letter ISO 4217 code such as USD");
  return caches.currencies.set(s, c);
}

function keyHashOf(provider: string, v: unknown, fail: Fail, caches: Caches): string | null {
  const id = text(v, "api_key_id", 300, fail);
  if (id === null) return null;
  const k = `${provider}\u0000${id}`;
  return caches.keys.get(k) ?? caches.keys.set(k, hashApiKey(provider, id));
}

function csvRecord(row: SourceRow, layout: Layout, ctx: ImportContext, caches: Caches, fail: Fail): UsageRecord {
  const v = row.values;
  fail.row = row;
  const id = text(v.id, "id", 300, fail);
  const period = periodOf(v.date, fail, caches.periods);
  if (period.offHour && id === null) {
    fail.at("date", "an hourly bucket must start on the hour (e.g. 2025-11-01T13:00:00Z); rows for single requests need an id column");
  }
  const provider = providerOf(v.provider, fail, caches);
  const model = text(v.model, "model", 300, fail);
  if (model === null) return fail.at("model", "is required");
  const output = count(v.output_tokens, "output_tokens", fail);
  const reasoning = count(v.reasoning_tokens, "reasoning_tokens", fail);
  if (reasoning > output) fail.at("reasoning_tokens", "must not exceed output_tokens, which includes them");
  const batch = bool(v.batch, "batch", fail);
  let tier = tierOf(v.service_tier, fail);
  if (batch) {
    if (tier !== null && tier !== "batch") fail.at("service_tier", `contradicts batch=true (service_tier ${tier})`);
    tier = "batch";
  }
  const user = text(v.user, "user", 300, fail);
  if (user !== null && looksLikeEmail(user)) fail.at("user", "must not be an email address; use an opaque user id");
  const tags: Record<string, string> = {};
  for (const col of layout.tags) {
    const t = text(v[col], col, 300, fail);
    if (t !== null) tags[col.slice(TAG_PREFIX.length)] = t;
  }
  // One object literal in a fixed field order (one hidden class for every record); the key, the
  // canonical model and the list cost are filled in below, as buildRecord would.
  const record: UsageRecord = {
    recordKey: "",
    source: "csv",
    day: period.day,
    hour: period.hour,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    provider,
    model,
    modelReported: model,
    projectId: text(v.project, "project", 300, fail),
    workspaceId: text(v.workspace, "workspace", 300, fail),
    apiKeyHash: keyHashOf(provider, v.api_key_id, fail, caches),
    userId: user,
    team: text(v.team, "team", 300, fail),
    requestId: id,
    tags,
    uncachedInput: count(v.input_tokens, "input_tokens", fail),
    cacheRead: count(v.cache_read_tokens, "cache_read_tokens", fail),
    cacheWrite5m: count(v.cache_write_tokens, "cache_write_tokens", fail),
    cacheWrite1h: count(v.cache_write_1h_tokens, "cache_write_1h_tokens", fail),
    output,
    reasoning,
    inputAudio: 0,
    outputAudio: 0,
    webSearches: count(v.web_searches, "web_searches", fail),
    // A request row counts as one request unless it says otherwise; a bucket without the column has no count.
    requests: isEmpty(v.requests) ? (id !== null ? 1 : 0) : count(v.requests, "requests", fail),
    batch: tier === "batch",
    serviceTier: tier ?? "standard",
    longContext: bool(v.long_context, "long_context", fail),
    billedCostMicros: cost(v.cost_usd, fail),
    listCostMicros: null,
    currency: currencyOf(v.currency, fail, caches),
  };
  if (caches.fast === false) return buildRecord(record, ctx);
  const info = caches.modelInfo(provider, model, period, ctx);
  record.model = info.canonical;
  record.listCostMicros = ctx.pricer.price(provider, model, period.at, record)?.micros ?? null;
  record.recordKey = csvRecordKey(record, info, layout, caches);
  if (caches.fast === undefined) {
    // Self-check on each file's first record: the fast path must give exactly what buildRecord
    // gives; if the shared record code ever changes, this file falls back to buildRecord.
    const reference = buildRecord(record, ctx);
    caches.fast = sameRecord(record, reference);
    if (!caches.fast) return reference;
  }
  return record;
}

function sameRecord(a: UsageRecord, b: UsageRecord): boolean {
  const json = (r: UsageRecord) =>
    JSON.stringify(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k as keyof UsageRecord]]),
      (_k, v) => (typeof v === "bigint" ? `${v}n` : v),
    );
  return json(a) === json(b);
}

const q = JSON.stringify;

/** JSON text of a string: JSON.stringify's result, without calling it for plain printable text. */
function quoteOnce(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c < 0xe000)) return q(s);
  }
  return `"${s}"`;
}

const SOURCE_JSON = q("csv");

/**
 * {@link fastRecordKey} for this importer's records: the same canonical JSON, with the parts that
 * repeat across rows (model and period, quoted values, tag names in order) cached.
 */
function csvRecordKey(r: UsageRecord, info: ModelInfo, layout: Layout, caches: Caches): string {
  let tags = "{}";
  if (layout.tagOrder.length > 0) {
    tags = "{";
    let first = true;
    for (const t of layout.tagOrder) {
      const v = r.tags[t.name];
      if (v === undefined) continue;
      tags += `${first ? "" : ","}${t.json}:${caches.json(v)}`;
      first = false;
    }
    tags += "}";
  }
  const json =
    `{"apiKeyHash":${caches.json(r.apiKeyHash)},"batch":${r.batch},"longContext":${r.longContext},${info.keyPart}` +
    `"projectId":${caches.json(r.projectId)},"provider":${caches.json(r.provider)},${r.requestId ? `"requestId":${quoteOnce(r.requestId)},` : ""}` +
    `"serviceTier":${caches.json(r.serviceTier)},"source":${SOURCE_JSON},"tags":${tags},"userId":${caches.json(r.userId)},"v":1,"workspaceId":${caches.json(r.workspaceId)}}`;
  return sha256Hex(json);
}

/**
 * {@link recordKeyOf} without the generic canonical-JSON walk: the same canonical JSON (keys in
 * sorted order, tags sorted, `requestId` only when set) written out directly, then SHA-256.
 * Tested against recordKeyOf, and checked at run time on each file's first record.
 */
export function fastRecordKey(r: RecordIdentity): string {
  const keys = Object.keys(r.tags);
  if (keys.length > 1) keys.sort();
  let tags = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    tags += `${i === 0 ? "" : ","}${q(k)}:${q(r.tags[k])}`;
  }
  tags += "}";
  const json =
    `{"apiKeyHash":${q(r.apiKeyHash)},"batch":${r.batch},"longContext":${r.longContext},"modelReported":${q(r.modelReported)},` +
    `"periodEnd":${q(r.periodEnd)},"periodStart":${q(r.periodStart)},"projectId":${q(r.projectId)},"provider":${q(r.provider)},` +
    `${r.requestId ? `"requestId":${q(r.requestId)},` : ""}"serviceTier":${q(r.serviceTier)},"source":${q(r.source)},"tags":${tags},` +
    `"userId":${q(r.userId)},"v":1,"workspaceId":${q(r.workspaceId)}}`;
  return sha256Hex(json);
}

function isCsvFormat(columns: readonly string[]): boolean {
  return columns.includes("date") && columns.includes("provider") && columns.includes("model") && TOKEN_COLUMNS.some((c) => columns.includes(c));
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The records of a file in batches (one per batch of rows). */
async function* csvBatches(input: ImportInput, ctx: ImportContext): AsyncIterable<UsageRecord[]> {
  const caches = new Caches();
  let fail: Fail | undefined;
  // CSV and Parquet rows share one column layout; JSON objects may differ row by row.
  const fixed = input.container === "csv" || input.container === "parquet";
  let layout: Layout | undefined;
  for await (const rows of rowBatchesOf(input)) {
    const records: UsageRecord[] = [];
    for (const row of rows) {
      if (layout === undefined) layout = layoutOf(ctx.fileName, row, Object.keys(row.values), input.container);
      else if (!fixed) {
        const keys = Object.keys(row.values);
        if (!sameKeys(keys, layout.keys)) layout = layoutOf(ctx.fileName, row, keys, input.container);
      }
      fail ??= new Fail(ctx.fileName, row);
      records.push(csvRecord(row, layout, ctx, caches, fail));
    }
    if (records.length > 0) yield records;
  }
  if (layout === undefined) await rejectEmptyFile(input, ctx);
}

/**
 * caio's generic usage format (CSV, JSONL, Parquet). Last in detection order. Streams: the columns
 * are checked before the first record, each row before its record is yielded.
 */
export const csvImporter: Importer = {
  source: "csv",
  buffersFile: false,
  rowLocal: true,
  detect: ({ container, columns }) => container !== "json" && isCsvFormat(columns),
  parseBatches: csvBatches,
  async *parse(input, ctx) {
    for await (const records of csvBatches(input, ctx)) yield* records;
  },
};
