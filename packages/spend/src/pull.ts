/**
 * `caio pull`: a small client for the providers' organization usage and cost APIs (OpenAI Usage
 * and Costs APIs, Anthropic Admin API usage and cost reports). It follows the cursor pagination,
 * retries transient failures with exponential backoff and full jitter, honours the servers'
 * rate-limit hints, and yields the raw pages; the importers turn the pages into records, exactly
 * as if the pages had been saved to a file and imported.
 *
 * The admin key is sent only in the authentication header. It is never logged, and no error or
 * progress report contains it (messages from the API are scrubbed of it and of anything that looks
 * like a key before they are shown).
 */
import { setTimeout as delay } from "node:timers/promises";
import { canonicalJson, sha256Hex } from "@caio/core/node";
import type { ImportContext, Importer } from "./importer.js";
import { anthropicCostImporter, anthropicUsageImporter, openaiCostsImporter, openaiUsageImporter } from "./importers/index.js";
import { inputFromText } from "./input.js";
import type { SpendSource, UsageRecord } from "./record.js";

/** Providers `caio pull` can read from. */
export const PULL_PROVIDERS = ["openai", "anthropic"] as const;
export type PullProvider = (typeof PULL_PROVIDERS)[number];
/** The two reports of each provider: token usage, and billed cost. */
export type PullReport = "usage" | "costs";
/** Bucket widths `caio pull` asks for (the APIs also offer `1m`, which is not useful for a ledger). */
export type PullBucketWidth = "1d" | "1h";

/** One page as the API returned it (plain JSON): `data` (the time buckets), `has_more`, `next_page`. */
export type PullPage = Record<string, unknown> & { data: unknown[] };

interface Endpoint {
  provider: PullProvider;
  report: PullReport;
  /** Shown in messages, e.g. "the OpenAI usage API". */
  label: string;
  path: string;
  source: SpendSource;
  importer: Importer;
  /** The documented maximum `limit` (buckets per page) for each bucket width the endpoint offers. */
  limits: Partial<Record<PullBucketWidth, number>>;
  /** Every grouping the importer keeps, so no dimension is summed away. */
  groupBy: readonly string[];
}

/**
 * The four endpoints. Limits are the documented maxima: OpenAI usage 31 daily / 168 hourly buckets,
 * OpenAI costs 1–180 (daily only), Anthropic usage 31 / 168, Anthropic cost report 1–31 (daily only).
 */
const ENDPOINTS: Record<PullProvider, Record<PullReport, Endpoint>> = {
  openai: {
    usage: {
      provider: "openai",
      report: "usage",
      label: "the OpenAI usage API",
      path: "/v1/organization/usage/completions",
      source: "openai-usage",
      importer: openaiUsageImporter,
      limits: { "1d": 31, "1h": 168 },
      groupBy: ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"],
    },
    costs: {
      provider: "openai",
      report: "costs",
      label: "the OpenAI costs API",
      path: "/v1/organization/costs",
      source: "openai-costs",
      importer: openaiCostsImporter,
      limits: { "1d": 180 },
      groupBy: ["project_id", "line_item"],
    },
  },
  anthropic: {
    usage: {
      provider: "anthropic",
      report: "usage",
      label: "the Anthropic usage report API",
      path: "/v1/organizations/usage_report/messages",
      source: "anthropic-usage",
      importer: anthropicUsageImporter,
      limits: { "1d": 31, "1h": 168 },
      groupBy: ["model", "workspace_id", "api_key_id", "service_tier", "context_window"],
    },
    costs: {
      provider: "anthropic",
      report: "costs",
      label: "the Anthropic cost report API",
      path: "/v1/organizations/cost_report",
      source: "anthropic-cost",
      importer: anthropicCostImporter,
      limits: { "1d": 31 },
      groupBy: ["workspace_id", "description"],
    },
  },
};

/** Default API bases (without `/v1`). */
export const PULL_DEFAULT_BASE_URLS: Readonly<Record<PullProvider, string>> = {
  openai: "https://api.openai.com",
  anthropic: "https://api.anthropic.com",
};

/** The environment variable `caio pull` reads the key from unless told otherwise. */
export const PULL_DEFAULT_KEY_ENV: Readonly<Record<PullProvider, string>> = {
  openai: "OPENAI_ADMIN_KEY",
  anthropic: "ANTHROPIC_ADMIN_KEY",
};

/** The ledger source the pages of a report are imported as. */
export function pullSource(provider: PullProvider, report: PullReport): SpendSource {
  return ENDPOINTS[provider][report].source;
}

/** Bucket widths a report offers (the cost reports are daily only). */
export function pullBucketWidths(provider: PullProvider, report: PullReport): PullBucketWidth[] {
  return Object.keys(ENDPOINTS[provider][report].limits) as PullBucketWidth[];
}

/** What went wrong, for callers that react differently (e.g. stop at once on `auth`). */
export type PullErrorCode =
  | "invalid-key" // the key cannot be sent (empty, whitespace, control characters)
  | "invalid-request" // bad options (window, bucket width, base URL)
  | "auth" // 401 / 403
  | "bad-request" // another 4xx: the API's own message
  | "rate-limited" // 429 after every retry, or a Retry-After longer than we wait
  | "server" // 408 / 409 / 5xx after every retry
  | "network" // connection failures after every retry
  | "timeout" // no complete answer within the timeout, after every retry
  | "bad-response" // not JSON, not a page, broken pagination, a redirect
  | "cancelled";

/** A failed pull. The message never contains the key. */
export class PullError extends Error {
  readonly code: PullErrorCode;
  /** The last HTTP status, when there was one. */
  readonly status: number | undefined;
  /** Requests made for the failing page. */
  readonly attempts: number;

  constructor(code: PullErrorCode, message: string, options: { status?: number | undefined; attempts?: number } = {}) {
    super(message);
    this.name = "PullError";
    this.code = code;
    this.status = options.status;
    this.attempts = options.attempts ?? 0;
  }
}

/** Type guard for {@link PullError}. */
export function isPullError(e: unknown): e is PullError {
  return e instanceof Error && e.name === "PullError";
}

/** Progress after each page. */
export interface PullProgress {
  provider: PullProvider;
  report: PullReport;
  /** 1-based page number. */
  page: number;
  /** Buckets and results on this page, and so far. */
  buckets: number;
  results: number;
  totalBuckets: number;
  totalResults: number;
  hasMore: boolean;
}

/** A retry about to happen. */
export interface PullRetry {
  provider: PullProvider;
  report: PullReport;
  page: number;
  /** The attempt that failed (1-based) and how many are allowed. */
  attempt: number;
  maxAttempts: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** e.g. `HTTP 429`, `timeout`, `network error (ECONNRESET)`. */
  reason: string;
}

export interface PullOptions {
  provider: PullProvider;
  report: PullReport;
  /** The admin key. Sent only in the authentication header. */
  key: string;
  /** First instant (inclusive) and end (exclusive) of the window; the APIs snap buckets to UTC. */
  start: Date;
  end: Date;
  /** Default `1d`. The cost reports only offer `1d`. */
  bucketWidth?: PullBucketWidth;
  /** API base without `/v1` (default: the provider's public API); for tests and proxies. */
  baseUrl?: string;
  /** Per-request timeout, including reading the body (default 60 s). */
  timeoutMs?: number;
  /** Requests per page before giving up (default 6). */
  maxAttempts?: number;
  /** Backoff: full jitter over `min(maxDelayMs, baseDelayMs × 2^(attempt-1))` (defaults 500 ms, 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest server-requested wait (Retry-After) the client accepts before failing (default 120 s). */
  maxRetryAfterMs?: number;
  /** Safety stop for a server that never ends pagination (default 10,000 pages). */
  maxPages?: number;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Cancels the whole pull. */
  signal?: AbortSignal;
  userAgent?: string;
  onPage?: (progress: PullProgress) => void;
  onRetry?: (retry: PullRetry) => void;
}

const DEFAULTS = {
  timeoutMs: 60_000,
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  maxPages: 10_000,
  userAgent: "caio-spend-pull/0.1",
} as const;

const ANTHROPIC_VERSION = "2023-06-01";

/** Visible ASCII only: anything else cannot go in a header, and the runtime's error would quote the value. */
const KEY_SHAPE = /^[\x21-\x7e]+$/;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, signal ? { signal } : undefined);
}

/**
 * Removes the key, and anything shaped like a provider key (`sk-…`, including the masked forms
 * APIs echo back, such as `sk-admin-****abcd`), from text shown to the user; trims it to 300 characters.
 */
export function scrubSecrets(text: string, key?: string): string {
  let out = key && key.length > 0 ? text.split(key).join("[redacted]") : text;
  out = out.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, "sk-[redacted]");
  out = out.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}

/** The error message in an API error body: OpenAI `{error:{message}}`, Anthropic `{type:"error",error:{type,message}}`. */
function apiMessage(body: string, key: string): string {
  let msg: string | undefined;
  try {
    const v = JSON.parse(body) as unknown;
    if (typeof v === "object" && v !== null) {
      const err = (v as { error?: unknown }).error;
      if (typeof err === "string") msg = err;
      else if (typeof err === "object" && err !== null && typeof (err as { message?: unknown }).message === "string")
        msg = (err as { message: string }).message;
      else if (typeof (v as { message?: unknown }).message === "string") msg = (v as { message: string }).message;
    }
  } catch {
    msg = body.trim() === "" ? undefined : body;
  }
  return msg ? scrubSecrets(msg, key) : "";
}

/** Parses a Go-style duration as OpenAI's `x-ratelimit-reset-requests` uses (`1s`, `6m0s`, `20ms`). */
function parseDuration(v: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = "";
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    total += m[2] === "ms" ? n : m[2] === "s" ? n * 1000 : m[2] === "m" ? n * 60_000 : n * 3_600_000;
    matched += m[0];
  }
  return matched !== "" && matched === v.trim() ? Math.ceil(total) : undefined;
}

/**
 * How long the server asks us to wait, in ms: `retry-after-ms`, `Retry-After` (seconds or an HTTP
 * date), and on 429 the reset of the request limit (OpenAI `x-ratelimit-reset-requests` as a
 * duration, Anthropic `anthropic-ratelimit-requests-reset` as an RFC 3339 instant).
 */
export function retryAfterMs(headers: Headers, status: number, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const ra = headers.get("retry-after");
  if (ra !== null) {
    const t = ra.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Math.ceil(Number(t) * 1000);
    const at = Date.parse(t);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  if (status !== 429) return undefined;
  const reset = headers.get("x-ratelimit-reset-requests");
  if (reset !== null) {
    const d = parseDuration(reset);
    if (d !== undefined) return d;
  }
  const anthropicReset = headers.get("anthropic-ratelimit-requests-reset");
  if (anthropicReset !== null) {
    const at = Date.parse(anthropicReset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.000Z$/, "Z");
}

function requestUrl(base: string, ep: Endpoint, o: { start: Date; end: Date; bucketWidth: PullBucketWidth; limit: number }, page: string | undefined): URL {
  const url = new URL(`${base.replace(/\/+$/, "")}${ep.path}`);
  const q = url.searchParams;
  if (ep.provider === "openai") {
    q.set("start_time", String(Math.floor(o.start.getTime() / 1000)));
    q.set("end_time", String(Math.floor(o.end.getTime() / 1000)));
    q.set("bucket_width", o.bucketWidth);
    // OpenAI's OpenAPI spec declares the arrays as form/explode query parameters, and its cookbook
    // sends them as repeated keys (`group_by=model&group_by=project_id`).
    for (const g of ep.groupBy) q.append("group_by", g);
  } else {
    q.set("starting_at", rfc3339(o.start));
    q.set("ending_at", rfc3339(o.end));
    q.set("bucket_width", o.bucketWidth);
    // Anthropic's docs and SDKs use the bracket form (`group_by[]=model`).
    for (const g of ep.groupBy) q.append("group_by[]", g);
  }
  q.set("limit", String(o.limit));
  if (page !== undefined) q.set("page", page);
  return url;
}

function authHeaders(provider: PullProvider, key: string, userAgent: string): Record<string, string> {
  const common = { accept: "application/json", "user-agent": userAgent };
  return provider === "openai" ? { ...common, authorization: `Bearer ${key}` } : { ...common, "x-api-key": key, "anthropic-version": ANTHROPIC_VERSION };
}

function authError(ep: Endpoint, status: number, message: string, key: string, attempts: number): PullError {
  const detail = message ? `: ${message}` : "";
  const admin =
    ep.provider === "openai"
      ? {
          prefix: "sk-admin-",
          how: "an organization admin key (create one under Organization settings → Admin keys at https://platform.openai.com/settings/organization/admin-keys; only organization owners can)",
        }
      : {
          prefix: "sk-ant-admin",
          how: "an Admin API key (create one in the Claude Console under Settings → Admin keys; only organization admins can, and individual accounts have none)",
        };
  const shape = key.startsWith(admin.prefix) ? "" : ` The key does not start with ${admin.prefix}, so it is probably a regular API key.`;
  const text =
    status === 401
      ? `${ep.label} rejected the key (HTTP 401${detail}). The ${ep.report} report needs ${admin.how}.${shape}`
      : `the key is not allowed to read ${ep.label.replace(/^the /, "")} (HTTP 403${detail}). It must be ${admin.how}.${shape}`;
  return new PullError("auth", text, { status, attempts });
}

function describeNetworkError(e: unknown): string {
  if (!(e instanceof Error)) return "network error";
  const cause = (e as { cause?: unknown }).cause;
  const code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  if (typeof code === "string") return `network error (${code})`;
  const cm = cause instanceof Error ? cause.message : undefined;
  return `network error (${cm ?? e.message})`;
}

type Attempt = { ok: true; page: PullPage } | { ok: false; retryable: boolean; reason: string; status?: number; hintMs?: number; error?: PullError };

function checkPage(value: unknown, ep: Endpoint, pageNo: number): PullPage {
  const where = `${ep.label} returned page ${pageNo}`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new PullError("bad-response", `${where} that is not a JSON object`);
  const page = value as Record<string, unknown>;
  if (!Array.isArray(page.data)) throw new PullError("bad-response", `${where} without a \`data\` array of buckets`);
  if (page.has_more !== undefined && page.has_more !== null && typeof page.has_more !== "boolean")
    throw new PullError("bad-response", `${where} with a \`has_more\` that is not true or false`);
  if (page.has_more === true && (typeof page.next_page !== "string" || page.next_page === ""))
    throw new PullError("bad-response", `${where} with \`has_more\` true but no \`next_page\` cursor`);
  return page as PullPage;
}

/**
 * Pulls every page of one report for the window, following `next_page` while `has_more`.
 * Transient failures (network errors, timeouts, 408, 409, 429, 5xx) are retried with exponential
 * backoff and full jitter, or after the server's Retry-After; everything else throws a
 * {@link PullError} at once.
 */
export async function* pullPages(options: PullOptions): AsyncIterable<PullPage> {
  const ep = ENDPOINTS[options.provider]?.[options.report];
  if (!ep) throw new PullError("invalid-request", `cannot pull ${String(options.report)} from ${String(options.provider)}`);
  const key = options.key;
  if (typeof key !== "string" || key.length === 0) throw new PullError("invalid-key", "the key is empty");
  if (!KEY_SHAPE.test(key))
    throw new PullError("invalid-key", "the key contains spaces, line breaks or other characters a key cannot have; check how it was stored");
  const bucketWidth = options.bucketWidth ?? "1d";
  const limit = ep.limits[bucketWidth];
  if (limit === undefined) throw new PullError("invalid-request", `${ep.label} only offers ${Object.keys(ep.limits).join(", ")} buckets, not ${bucketWidth}`);
  const { start, end } = options;
  if (!(start instanceof Date) || !(end instanceof Date) || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start)
    throw new PullError("invalid-request", "the window must have a valid start before its end");
  const base = options.baseUrl ?? PULL_DEFAULT_BASE_URLS[ep.provider];
  try {
    requestUrl(base, ep, { start, end, bucketWidth, limit }, undefined);
  } catch {
    throw new PullError("invalid-request", "the API base URL is not a valid URL");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts);
  const baseDelay = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelay = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const maxRetryAfter = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const maxPages = options.maxPages ?? DEFAULTS.maxPages;
  const headers = authHeaders(ep.provider, key, options.userAgent ?? DEFAULTS.userAgent);
  const cancelled = () => new PullError("cancelled", `the pull from ${ep.label} was cancelled`);

  const attempt = async (url: URL, pageNo: number): Promise<Attempt> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Response;
    let body: string;
    try {
      res = await fetchImpl(url, { method: "GET", headers, signal, redirect: "manual" });
      body = await res.text();
    } catch (e) {
      if (options.signal?.aborted) throw cancelled();
      if (timeout.aborted || (e instanceof Error && e.name === "TimeoutError"))
        return { ok: false, retryable: true, reason: `no complete answer within ${Math.round(timeoutMs / 100) / 10} s (timeout)` };
      return { ok: false, retryable: true, reason: scrubSecrets(describeNetworkError(e), key) };
    }
    const status = res.status;
    if (status >= 200 && status < 300) {
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch (e) {
        const why = scrubSecrets(e instanceof Error ? e.message : String(e), key);
        return {
          ok: false,
          retryable: false,
          reason: "invalid JSON",
          error: new PullError("bad-response", `${ep.label} returned page ${pageNo} that is not valid JSON (HTTP ${status}: ${why})`, { status }),
        };
      }
      return { ok: true, page: checkPage(value, ep, pageNo) };
    }
    if (status >= 300 && status < 400) {
      const to = res.headers.get("location");
      return {
        ok: false,
        retryable: false,
        reason: `HTTP ${status}`,
        error: new PullError(
          "bad-response",
          `${ep.label} answered with a redirect (HTTP ${status}${to ? ` to ${scrubSecrets(to, key)}` : ""}); the key is not sent on redirects. Check the API base URL.`,
          { status },
        ),
      };
    }
    const message = apiMessage(body, key);
    if (status === 401 || status === 403)
      return { ok: false, retryable: false, reason: `HTTP ${status}`, status, error: authError(ep, status, message, key, 0) };
    if (isRetryableStatus(status))
      return { ok: false, retryable: true, reason: `HTTP ${status}${message ? `: ${message}` : ""}`, status, hintMs: retryAfterMs(res.headers, status, now()) };
    return {
      ok: false,
      retryable: false,
      reason: `HTTP ${status}`,
      status,
      error: new PullError("bad-request", `${ep.label} refused the request (HTTP ${status}${message ? `: ${message}` : ""})`, { status }),
    };
  };

  const fetchPage = async (url: URL, pageNo: number): Promise<PullPage> => {
    for (let n = 1; ; n++) {
      if (options.signal?.aborted) throw cancelled();
      const r = await attempt(url, pageNo);
      if (r.ok) return r.page;
      if (r.error) throw new PullError(r.error.code, r.error.message, { status: r.error.status, attempts: n });
      const last = n >= maxAttempts;
      let wait: number;
      if (r.hintMs !== undefined) {
        if (r.hintMs > maxRetryAfter)
          throw new PullError(
            r.status === 429 ? "rate-limited" : "server",
            `${ep.label} asked to wait ${Math.ceil(r.hintMs / 1000)} s before retrying (${r.reason}); try again later`,
            { status: r.status, attempts: n },
          );
        wait = r.hintMs;
      } else wait = Math.floor(random() * Math.min(maxDelay, baseDelay * 2 ** (n - 1)));
      if (last) {
        const code: PullErrorCode =
          r.status === 429 ? "rate-limited" : r.status !== undefined ? "server" : r.reason.includes("timeout") ? "timeout" : "network";
        throw new PullError(code, `${ep.label} failed ${n} time${n === 1 ? "" : "s"} for page ${pageNo}; giving up (last: ${r.reason})`, {
          status: r.status,
          attempts: n,
        });
      }
      options.onRetry?.({ provider: ep.provider, report: ep.report, page: pageNo, attempt: n, maxAttempts, delayMs: wait, reason: r.reason });
      try {
        await sleep(wait, options.signal);
      } catch (e) {
        if (options.signal?.aborted) throw cancelled();
        throw e;
      }
    }
  };

  const seen = new Set<string>();
  let cursor: string | undefined;
  let totalBuckets = 0;
  let totalResults = 0;
  for (let pageNo = 1; ; pageNo++) {
    if (pageNo > maxPages) throw new PullError("bad-response", `${ep.label} kept returning more pages after ${maxPages}; stopping`);
    const page = await fetchPage(requestUrl(base, ep, { start, end, bucketWidth, limit }, cursor), pageNo);
    const buckets = page.data.length;
    const results = page.data.reduce<number>((a, b) => {
      const r = typeof b === "object" && b !== null ? (b as { results?: unknown }).results : undefined;
      return a + (Array.isArray(r) ? r.length : 0);
    }, 0);
    totalBuckets += buckets;
    totalResults += results;
    const hasMore = page.has_more === true;
    options.onPage?.({ provider: ep.provider, report: ep.report, page: pageNo, buckets, results, totalBuckets, totalResults, hasMore });
    yield page;
    if (!hasMore) return;
    const next = page.next_page as string;
    if (seen.has(next)) throw new PullError("bad-response", `${ep.label} returned the same next_page cursor twice (page ${pageNo}); stopping to avoid a loop`);
    seen.add(next);
    cursor = next;
  }
}

/** Collects every page of a pull (see {@link pullPages}). */
export async function collectPages(options: PullOptions): Promise<PullPage[]> {
  const pages: PullPage[] = [];
  for await (const p of pullPages(options)) pages.push(p);
  return pages;
}

/** SHA-256 of the canonical JSON of the pulled pages: the "file" digest of a pull in the import history. */
export function pagesSha256(pages: readonly PullPage[]): string {
  return sha256Hex(canonicalJson(pages));
}

/**
 * Turns pulled pages into records with the report's importer, exactly as importing a JSON file
 * holding the array of pages would (the importer validates every page; nothing is yielded from a
 * malformed pull).
 */
export function recordsFromPages(provider: PullProvider, report: PullReport, pages: readonly PullPage[], ctx: ImportContext): AsyncIterable<UsageRecord> {
  const ep = ENDPOINTS[provider][report];
  return ep.importer.parse(inputFromText(JSON.stringify(pages), { fileName: ctx.fileName, container: "json" }), ctx);
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The window of a pull, in whole UTC days or hours. */
export interface PullWindow {
  start: Date;
  /** Exclusive. */
  end: Date;
  /** First and last UTC day covered (inclusive), YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /** True when the requested range reached into a bucket that has not ended yet, which was left out. */
  clipped: boolean;
}

/**
 * The window for `since`…`until` (inclusive UTC days): from `since` 00:00 UTC to the end of `until`,
 * but never past the start of the current bucket. A bucket still in progress is left out because
 * the ledger keeps the first version of a bucket it sees (records are idempotent by key): pulling
 * a partial day would freeze it. Returns undefined when no complete bucket is in range.
 */
export function pullWindow(since: string, until: string, bucketWidth: PullBucketWidth, now: number = Date.now()): PullWindow | undefined {
  const start = Date.parse(`${since}T00:00:00Z`);
  const requestedEnd = Date.parse(`${until}T00:00:00Z`) + DAY_MS;
  if (Number.isNaN(start) || Number.isNaN(requestedEnd)) throw new RangeError("dates must be YYYY-MM-DD");
  const step = bucketWidth === "1h" ? HOUR_MS : DAY_MS;
  const current = Math.floor(now / step) * step;
  const end = Math.min(requestedEnd, current);
  if (end <= start) return undefined;
  return {
    start: new Date(start),
    end: new Date(end),
    firstDay: since,
    lastDay: new Date(end - 1).toISOString().slice(0, 10),
    clipped: end < requestedEnd,
  };
}
