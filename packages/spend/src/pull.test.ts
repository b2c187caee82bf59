/**
 * `pullPages` against a real local HTTP server (127.0.0.1, port 0) that serves the documented
 * response shapes of the four endpoints with multi-page pagination; no test reaches the internet.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ANTHROPIC_COST_BUCKETS, ANTHROPIC_COST_MICROS, OPENAI_COST_BUCKETS, OPENAI_COST_MICROS } from "../test-support/pull-fixtures.js";
import { createPricer } from "./pricing.js";
import {
  collectPages,
  isPullError,
  PullError,
  type PullOptions,
  type PullPage,
  type PullRetry,
  pagesSha256,
  pullPages,
  pullWindow,
  recordsFromPages,
  retryAfterMs,
  scrubSecrets,
} from "./pull.js";
import type { UsageRecord } from "./record.js";
import { totalsOf } from "./totals.js";

const TEST_DATA = join(import.meta.dirname, "..", "test-data");
const pricer = createPricer();
const OPENAI_KEY = "sk-admin-TESTKEY0123456789abcdefghijklmnopqrstuvwxyz";
const ANTHROPIC_KEY = "sk-ant-admin01-TESTKEY0123456789abcdefghijklmnop";

// biome-ignore lint/suspicious/noExplicitAny: test fixtures are plain JSON
type Json = any;

const golden = (path: string): Json => JSON.parse(readFileSync(join(TEST_DATA, path), "utf8"));
const goldenExpected = (path: string): Record<string, string> => golden(path.replace(/\.json$/, ".expected.json"));
/** The buckets of a golden file (one page or an array of pages). */
const bucketsOf = (doc: Json): Json[] => (Array.isArray(doc) ? doc.flatMap((p: Json) => p.data) : doc.data);

// ---------------------------------------------------------------------------------------------
// The fake provider API

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Never answer (for timeouts). */
  hang?: boolean;
  /** Drop the connection without an answer. */
  destroy?: boolean;
}

interface Seen {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

interface FakeApi {
  base: string;
  requests: Seen[];
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function fakeApi(handler: (req: Seen, n: number) => Reply | Promise<Reply>): Promise<FakeApi> {
  const requests: Seen[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const seen: Seen = { path: url.pathname, query: url.searchParams, headers: req.headers };
    requests.push(seen);
    const reply = await handler(seen, requests.length);
    if (reply.hang) return;
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const bucketStart = (b: Json): number => (typeof b.start_time === "number" ? b.start_time * 1000 : Date.parse(b.starting_at));

/**
 * Serves `buckets` the way the APIs do: only buckets starting inside the requested window,
 * `perPage` buckets a page (at most `limit`), `has_more`/`next_page` with an opaque cursor.
 */
function paginated(buckets: Json[], perPage: number, provider: "openai" | "anthropic") {
  return (req: Seen): Reply => {
    const q = req.query;
    const from = provider === "openai" ? Number(q.get("start_time")) * 1000 : Date.parse(q.get("starting_at") ?? "");
    const to = provider === "openai" ? Number(q.get("end_time")) * 1000 : Date.parse(q.get("ending_at") ?? "");
    const inRange = buckets.filter((b) => bucketStart(b) >= from && bucketStart(b) < to);
    const page = q.get("page");
    const offset = page === null ? 0 : Number(Buffer.from(page.replace(/^page_/, ""), "base64").toString());
    const size = Math.min(perPage, Number(q.get("limit")));
    const data = inRange.slice(offset, offset + size);
    const hasMore = offset + size < inRange.length;
    const next = hasMore ? `page_${Buffer.from(String(offset + size)).toString("base64")}` : null;
    return { body: provider === "openai" ? { object: "page", data, has_more: hasMore, next_page: next } : { data, has_more: hasMore, next_page: next } };
  };
}

const NOV_1 = new Date("2025-11-01T00:00:00Z");
const NOV_3 = new Date("2025-11-03T00:00:00Z");

function options(api: FakeApi, extra: Partial<PullOptions> & Pick<PullOptions, "provider" | "report">): PullOptions {
  return {
    key: extra.provider === "openai" ? OPENAI_KEY : ANTHROPIC_KEY,
    start: NOV_1,
    end: NOV_3,
    baseUrl: api.base,
    sleep: async () => {},
    random: () => 0.5,
    ...extra,
  };
}

async function records(provider: "openai" | "anthropic", report: "usage" | "costs", pages: PullPage[]): Promise<UsageRecord[]> {
  const out: UsageRecord[] = [];
  for await (const r of recordsFromPages(provider, report, pages, { fileName: `${provider} ${report} API`, pricer })) out.push(r);
  return out;
}

async function failure(o: PullOptions): Promise<PullError> {
  try {
    await collectPages(o);
  } catch (e) {
    if (isPullError(e)) return e;
    throw e;
  }
  throw new Error("expected the pull to fail");
}

// ---------------------------------------------------------------------------------------------
// Cost fixtures in the documented shapes (the golden files only cover usage).

// ---------------------------------------------------------------------------------------------

describe("pullPages: pagination, query strings and headers", () => {
  it("OpenAI usage: follows next_page, sends the documented query and the Bearer admin key", async () => {
    const doc = golden("openai-usage/daily-by-model.json");
    const api = await fakeApi(paginated(bucketsOf(doc), 1, "openai"));
    const progress: number[] = [];
    const pages = await collectPages(options(api, { provider: "openai", report: "usage", onPage: (p) => progress.push(p.totalBuckets) }));
    expect(pages).toHaveLength(2);
    expect(progress).toEqual([1, 2]);
    expect(api.requests).toHaveLength(2);
    const [first, second] = api.requests;
    expect(first?.path).toBe("/v1/organization/usage/completions");
    expect(first?.query.get("start_time")).toBe("1761955200");
    expect(first?.query.get("end_time")).toBe("1762128000");
    expect(first?.query.get("bucket_width")).toBe("1d");
    expect(first?.query.get("limit")).toBe("31");
    expect(first?.query.getAll("group_by")).toEqual(["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"]);
    expect(first?.query.has("page")).toBe(false);
    expect(second?.query.get("page")).toBe(pages[0]?.next_page);
    expect(first?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    expect(first?.headers["x-api-key"]).toBeUndefined();
    expect(first?.headers["user-agent"]).toMatch(/^caio/);
    // The pages import exactly like the golden file: same hand-computed totals.
    const recs = await records("openai", "usage", pages);
    const t = totalsOf(recs);
    const want = goldenExpected("openai-usage/daily-by-model.json");
    expect(t.records.toString()).toBe(want.records);
    expect(t.listCostMicros.toString()).toBe(want.listCostMicros);
    expect(t.uncachedInput.toString()).toBe(want.uncachedInput);
    expect(recs.every((r) => r.source === "openai-usage")).toBe(true);
  });

  it("OpenAI usage, hourly: bucket_width=1h and limit=168", async () => {
    const doc = golden("openai-usage/hourly-tiers.json");
    const api = await fakeApi(paginated(bucketsOf(doc), 1, "openai"));
    const pages = await collectPages(
      options(api, { provider: "openai", report: "usage", bucketWidth: "1h", start: new Date("2025-11-03T00:00:00Z"), end: new Date("2025-11-04T00:00:00Z") }),
    );
    expect(pages).toHaveLength(2);
    expect(api.requests[0]?.query.get("bucket_width")).toBe("1h");
    expect(api.requests[0]?.query.get("limit")).toBe("168");
    const t = totalsOf(await records("openai", "usage", pages));
    expect(t.listCostMicros.toString()).toBe(goldenExpected("openai-usage/hourly-tiers.json").listCostMicros);
  });

  it("Anthropic usage: RFC 3339 window, group_by[] and the x-api-key / anthropic-version headers", async () => {
    const doc = golden("anthropic-usage/daily-by-model.json");
    const api = await fakeApi(paginated(bucketsOf(doc), 1, "anthropic"));
    const pages = await collectPages(options(api, { provider: "anthropic", report: "usage" }));
    expect(pages).toHaveLength(bucketsOf(doc).length);
    const [first, second] = api.requests;
    expect(first?.path).toBe("/v1/organizations/usage_report/messages");
    expect(first?.query.get("starting_at")).toBe("2025-11-01T00:00:00Z");
    expect(first?.query.get("ending_at")).toBe("2025-11-03T00:00:00Z");
    expect(first?.query.get("bucket_width")).toBe("1d");
    expect(first?.query.get("limit")).toBe("31");
    expect(first?.query.getAll("group_by[]")).toEqual(["model", "workspace_id", "api_key_id", "service_tier", "context_window"]);
    expect(second?.query.get("page")).toBe(pages[0]?.next_page);
    expect(first?.headers["x-api-key"]).toBe(ANTHROPIC_KEY);
    expect(first?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(first?.headers.authorization).toBeUndefined();
    const t = totalsOf(await records("anthropic", "usage", pages));
    const want = goldenExpected("anthropic-usage/daily-by-model.json");
    expect(t.records.toString()).toBe(want.records);
    expect(t.listCostMicros.toString()).toBe(want.listCostMicros);
  });

  it("OpenAI costs: /v1/organization/costs, daily, grouped by project and line item, limit 180", async () => {
    const api = await fakeApi(paginated(OPENAI_COST_BUCKETS, 1, "openai"));
    const pages = await collectPages(options(api, { provider: "openai", report: "costs" }));
    expect(pages).toHaveLength(2);
    expect(api.requests[0]?.path).toBe("/v1/organization/costs");
    expect(api.requests[0]?.query.get("bucket_width")).toBe("1d");
    expect(api.requests[0]?.query.get("limit")).toBe("180");
    expect(api.requests[0]?.query.getAll("group_by")).toEqual(["project_id", "line_item"]);
    expect(api.requests[1]?.query.get("page")).toBe(pages[0]?.next_page);
  });

  it("Anthropic cost report: /v1/organizations/cost_report, grouped by workspace and description, limit 31", async () => {
    const api = await fakeApi(paginated(ANTHROPIC_COST_BUCKETS, 1, "anthropic"));
    const pages = await collectPages(options(api, { provider: "anthropic", report: "costs" }));
    expect(pages).toHaveLength(2);
    expect(api.requests[0]?.path).toBe("/v1/organizations/cost_report");
    expect(api.requests[0]?.query.get("limit")).toBe("31");
    expect(api.requests[0]?.query.getAll("group_by[]")).toEqual(["workspace_id", "description"]);
    expect(api.requests[0]?.headers["x-api-key"]).toBe(ANTHROPIC_KEY);
  });

  it("OpenAI costs pages import as billed records: hand total $2.868728", async () => {
    const api = await fakeApi(paginated(OPENAI_COST_BUCKETS, 1, "openai"));
    const recs = await records("openai", "costs", await collectPages(options(api, { provider: "openai", report: "costs" })));
    const t = totalsOf(recs);
    expect(t.records).toBe(5n);
    expect(t.billedCostMicros).toBe(OPENAI_COST_MICROS);
    expect(recs.every((r) => r.source === "openai-costs" && r.currency === "USD")).toBe(true);
  });

  it("Anthropic cost report pages import as billed records: hand total $1.187", async () => {
    const api = await fakeApi(paginated(ANTHROPIC_COST_BUCKETS, 1, "anthropic"));
    const recs = await records("anthropic", "costs", await collectPages(options(api, { provider: "anthropic", report: "costs" })));
    const t = totalsOf(recs);
    expect(t.records).toBe(6n);
    expect(t.billedCostMicros).toBe(ANTHROPIC_COST_MICROS);
    expect(recs.every((r) => r.source === "anthropic-cost" && r.currency === "USD")).toBe(true);
  });

  it("a window with no buckets is one empty page; a base URL with a path prefix and trailing slash works", async () => {
    const api = await fakeApi(paginated([], 1, "openai"));
    const pages = await collectPages(options(api, { provider: "openai", report: "usage", baseUrl: `${api.base}/proxy/openai/` }));
    expect(pages).toEqual([{ object: "page", data: [], has_more: false, next_page: null }]);
    expect(api.requests[0]?.path).toBe("/proxy/openai/v1/organization/usage/completions");
    expect(await records("openai", "usage", pages)).toEqual([]);
  });

  it("the pages digest is stable under key order", () => {
    const a = [{ data: [], has_more: false, next_page: null }] as PullPage[];
    const b = [{ next_page: null, has_more: false, data: [] }] as PullPage[];
    expect(pagesSha256(a)).toBe(pagesSha256(b));
    expect(pagesSha256(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("pullPages: retries, backoff and rate limits", () => {
  const okPage = { object: "page", data: [], has_more: false, next_page: null };

  it("429 with Retry-After (seconds): waits that long, then succeeds", async () => {
    const api = await fakeApi((_, n) =>
      n === 1 ? { status: 429, headers: { "retry-after": "2" }, body: { error: { message: "Too many requests" } } } : { body: okPage },
    );
    const sleeps: number[] = [];
    const retries: PullRetry[] = [];
    const pages = await collectPages(
      options(api, {
        provider: "openai",
        report: "usage",
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        onRetry: (r) => retries.push(r),
      }),
    );
    expect(pages).toHaveLength(1);
    expect(api.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(retries).toEqual([
      { provider: "openai", report: "usage", page: 1, attempt: 1, maxAttempts: 6, delayMs: 2000, reason: "HTTP 429: Too many requests" },
    ]);
  });

  it("429 with Retry-After as an HTTP date, and OpenAI's x-ratelimit-reset-requests duration", async () => {
    const now = Date.parse("2025-11-05T12:00:00Z");
    const h = (o: Record<string, string>) => new Headers(o);
    expect(retryAfterMs(h({ "retry-after": "Wed, 05 Nov 2025 12:00:07 GMT" }), 429, now)).toBe(7000);
    expect(retryAfterMs(h({ "retry-after": "Wed, 05 Nov 2025 11:00:00 GMT" }), 503, now)).toBe(0);
    expect(retryAfterMs(h({ "retry-after-ms": "250" }), 429, now)).toBe(250);
    expect(retryAfterMs(h({ "x-ratelimit-reset-requests": "1.5s" }), 429, now)).toBe(1500);
    expect(retryAfterMs(h({ "x-ratelimit-reset-requests": "6m0s" }), 429, now)).toBe(360_000);
    expect(retryAfterMs(h({ "x-ratelimit-reset-requests": "20ms" }), 429, now)).toBe(20);
    expect(retryAfterMs(h({ "anthropic-ratelimit-requests-reset": "2025-11-05T12:00:03Z" }), 429, now)).toBe(3000);
    // The limit-reset headers only mean "wait" on a 429.
    expect(retryAfterMs(h({ "x-ratelimit-reset-requests": "1s" }), 503, now)).toBeUndefined();
    expect(retryAfterMs(h({}), 429, now)).toBeUndefined();

    const api = await fakeApi((_, n) => (n === 1 ? { status: 429, headers: { "x-ratelimit-reset-requests": "1.5s" } } : { body: okPage }));
    const sleeps: number[] = [];
    await collectPages(
      options(api, {
        provider: "openai",
        report: "usage",
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      }),
    );
    expect(sleeps).toEqual([1500]);
  });

  it("a Retry-After longer than we are willing to wait fails at once as rate-limited", async () => {
    const api = await fakeApi(() => ({ status: 429, headers: { "retry-after": "3600" } }));
    const e = await failure(options(api, { provider: "anthropic", report: "usage" }));
    expect(e.code).toBe("rate-limited");
    expect(e.message).toMatch(/asked to wait 3600 s/);
    expect(api.requests).toHaveLength(1);
  });

  it("500 then success: exponential backoff with full jitter (base 500 ms)", async () => {
    const api = await fakeApi((_, n) => (n <= 2 ? { status: n === 1 ? 500 : 503, body: { error: { message: "upstream" } } } : { body: okPage }));
    const sleeps: number[] = [];
    const pages = await collectPages(
      options(api, {
        provider: "openai",
        report: "costs",
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      }),
    );
    expect(pages).toHaveLength(1);
    expect(sleeps).toEqual([250, 500]); // 0.5 × 500, 0.5 × 1000
  });

  it("retries 408 and 409 too, and a dropped connection", async () => {
    const api = await fakeApi((_, n) => (n === 1 ? { status: 408 } : n === 2 ? { status: 409 } : n === 3 ? { destroy: true } : { body: okPage }));
    const reasons: string[] = [];
    await collectPages(options(api, { provider: "openai", report: "usage", onRetry: (r) => reasons.push(r.reason) }));
    expect(api.requests).toHaveLength(4);
    expect(reasons[0]).toBe("HTTP 408");
    expect(reasons[1]).toBe("HTTP 409");
    expect(reasons[2]).toMatch(/^network error/);
  });

  it("gives up after 6 attempts; the backoff grows and is capped at 30 s", async () => {
    const api = await fakeApi(() => ({ status: 503, body: "Service Unavailable" }));
    const sleeps: number[] = [];
    const e = await failure(
      options(api, {
        provider: "anthropic",
        report: "costs",
        random: () => 0.999,
        baseDelayMs: 5000,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      }),
    );
    expect(e.code).toBe("server");
    expect(e.status).toBe(503);
    expect(e.attempts).toBe(6);
    expect(e.message).toMatch(/failed 6 times for page 1; giving up \(last: HTTP 503: Service Unavailable\)/);
    expect(api.requests).toHaveLength(6);
    expect(sleeps).toEqual([4995, 9990, 19980, 29970, 29970]);
  });

  it("a timeout is retried; a server that never answers fails with a timeout", async () => {
    const api = await fakeApi((_, n) => (n === 1 ? { hang: true } : { body: okPage }));
    const reasons: string[] = [];
    const pages = await collectPages(options(api, { provider: "openai", report: "usage", timeoutMs: 200, onRetry: (r) => reasons.push(r.reason) }));
    expect(pages).toHaveLength(1);
    expect(reasons).toEqual(["no complete answer within 0.2 s (timeout)"]);

    const silent = await fakeApi(() => ({ hang: true }));
    const e = await failure(options(silent, { provider: "anthropic", report: "usage", timeoutMs: 100, maxAttempts: 2 }));
    expect(e.code).toBe("timeout");
    expect(e.message).toMatch(/failed 2 times .*timeout/);
    expect(silent.requests).toHaveLength(2);
  });

  it("a refused connection is a network error after the retries", async () => {
    const api = await fakeApi(() => ({ body: okPage }));
    await api.close();
    const e = await failure(options(api, { provider: "openai", report: "usage", maxAttempts: 3 }));
    expect(e.code).toBe("network");
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  it("cancelling stops the pull", async () => {
    const api = await fakeApi(() => ({ status: 500 }));
    const ctl = new AbortController();
    const e = await failure(
      options(api, {
        provider: "openai",
        report: "usage",
        signal: ctl.signal,
        sleep: async () => {
          ctl.abort();
        },
      }),
    );
    expect(e.code).toBe("cancelled");
    expect(api.requests).toHaveLength(1);
  });
});

describe("pullPages: errors are clear and final", () => {
  it("401: the key is not an admin key (not retried)", async () => {
    const api = await fakeApi(() => ({
      status: 401,
      body: { error: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" } },
    }));
    const e = await failure(options(api, { provider: "openai", report: "usage" }));
    expect(e.code).toBe("auth");
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/the OpenAI usage API rejected the key \(HTTP 401: Incorrect API key provided\.\)/);
    expect(e.message).toMatch(/organization admin key/);
    expect(api.requests).toHaveLength(1);

    const project = await failure(options(api, { provider: "openai", report: "usage", key: "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789" }));
    expect(project.message).toMatch(/does not start with sk-admin-, so it is probably a regular API key/);
  });

  it("403: the key lacks permission (Anthropic error shape)", async () => {
    const api = await fakeApi(() => ({ status: 403, body: { type: "error", error: { type: "permission_error", message: "Admin API access required" } } }));
    const e = await failure(options(api, { provider: "anthropic", report: "costs" }));
    expect(e.code).toBe("auth");
    expect(e.message).toMatch(/not allowed to read Anthropic cost report API \(HTTP 403: Admin API access required\)/);
    expect(e.message).toMatch(/Admin API key/);
    expect(api.requests).toHaveLength(1);
  });

  it("400: the API's own message", async () => {
    const api = await fakeApi(() => ({
      status: 400,
      body: { type: "error", error: { type: "invalid_request_error", message: "starting_at: must be before ending_at" } },
    }));
    const e = await failure(options(api, { provider: "anthropic", report: "usage" }));
    expect(e.code).toBe("bad-request");
    expect(e.message).toBe("the Anthropic usage report API refused the request (HTTP 400: starting_at: must be before ending_at)");
    expect(api.requests).toHaveLength(1);
  });

  it("malformed JSON, a body that is not a page, and broken pagination", async () => {
    const bad = await fakeApi(() => ({ body: '{"object":"page","data":[{"object":"bucket",' }));
    const e1 = await failure(options(bad, { provider: "openai", report: "usage" }));
    expect(e1.code).toBe("bad-response");
    expect(e1.message).toMatch(/^the OpenAI usage API returned page 1 that is not valid JSON \(HTTP 200: /);
    expect(bad.requests).toHaveLength(1);

    const notPage = await fakeApi(() => ({ body: { results: [] } }));
    expect((await failure(options(notPage, { provider: "openai", report: "usage" }))).message).toMatch(/without a `data` array/);

    const noCursor = await fakeApi(() => ({ body: { data: [], has_more: true, next_page: null } }));
    expect((await failure(options(noCursor, { provider: "anthropic", report: "usage" }))).message).toMatch(/has_more` true but no `next_page`/);

    const loop = await fakeApi(() => ({ body: { data: [], has_more: true, next_page: "page_same" } }));
    const e4 = await failure(options(loop, { provider: "anthropic", report: "usage" }));
    expect(e4.message).toMatch(/same next_page cursor twice/);
    expect(loop.requests).toHaveLength(2);
  });

  it("a redirect is not followed (the key would go with it)", async () => {
    const api = await fakeApi(() => ({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } }));
    const e = await failure(options(api, { provider: "openai", report: "usage" }));
    expect(e.code).toBe("bad-response");
    expect(e.message).toMatch(/redirect \(HTTP 302/);
    expect(api.requests).toHaveLength(1);
  });

  it("rejects bad options before any request", async () => {
    const api = await fakeApi(() => ({ body: {} }));
    expect((await failure(options(api, { provider: "openai", report: "costs", bucketWidth: "1h" }))).message).toMatch(/only offers 1d buckets/);
    expect((await failure(options(api, { provider: "openai", report: "usage", start: NOV_3, end: NOV_1 }))).code).toBe("invalid-request");
    expect((await failure(options(api, { provider: "openai", report: "usage", key: "" }))).code).toBe("invalid-key");
    expect(api.requests).toHaveLength(0);
  });
});

describe("the key never appears in errors or progress", () => {
  const everything = (e: unknown, extra: unknown[] = []) =>
    [String(e), inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e), JSON.stringify(extra)].join("\n");

  it("even when the server echoes it back in error bodies", async () => {
    for (const [provider, key] of [
      ["openai", OPENAI_KEY],
      ["anthropic", ANTHROPIC_KEY],
    ] as const) {
      for (const status of [400, 401, 403, 404, 500]) {
        const api = await fakeApi(() => ({ status, body: { error: { message: `bad key ${key} (also ${key.slice(0, 12)}****${key.slice(-4)})` } } }));
        const retries: PullRetry[] = [];
        const e = await failure(options(api, { provider, report: "usage", maxAttempts: 2, onRetry: (r) => retries.push(r) }));
        const text = everything(e, retries);
        expect(text).not.toContain(key);
        expect(text).not.toContain(key.slice(-12));
        expect(e.message).toMatch(/sk-\[redacted\]|\[redacted\]/);
      }
      const garbled = await fakeApi(() => ({ body: `not json ${key}` }));
      expect(everything(await failure(options(garbled, { provider, report: "usage" })))).not.toContain(key);
    }
  });

  it("a key that cannot go into a header is refused without being quoted", async () => {
    const api = await fakeApi(() => ({ body: {} }));
    for (const key of [`${OPENAI_KEY}\n`, `Bearer ${OPENAI_KEY}`, `${OPENAI_KEY}é`]) {
      const e = await failure(options(api, { provider: "openai", report: "usage", key }));
      expect(e.code).toBe("invalid-key");
      expect(everything(e)).not.toContain(OPENAI_KEY);
    }
    expect(api.requests).toHaveLength(0);
  });

  it("scrubSecrets", () => {
    expect(scrubSecrets(`Incorrect API key provided: ${OPENAI_KEY}.`, OPENAI_KEY)).toBe("Incorrect API key provided: [redacted].");
    expect(scrubSecrets("Incorrect API key provided: sk-admin-****************wxyz.")).toBe("Incorrect API key provided: sk-[redacted].");
    expect(scrubSecrets("line\nbreak\u0007")).toBe("line break");
    expect(scrubSecrets("x".repeat(400))).toHaveLength(300);
  });
});

describe("pullWindow", () => {
  const at = (iso: string) => Date.parse(iso);

  it("covers since 00:00 UTC to the end of until", () => {
    const w = pullWindow("2025-11-01", "2025-11-02", "1d", at("2025-12-01T10:00:00Z"));
    expect(w).toEqual({ start: NOV_1, end: NOV_3, firstDay: "2025-11-01", lastDay: "2025-11-02", clipped: false });
  });

  it("leaves out the bucket still in progress (the ledger keeps the first version of a bucket)", () => {
    const daily = pullWindow("2025-11-01", "2025-11-05", "1d", at("2025-11-05T10:30:00Z"));
    expect(daily?.end.toISOString()).toBe("2025-11-05T00:00:00.000Z");
    expect(daily?.lastDay).toBe("2025-11-04");
    expect(daily?.clipped).toBe(true);
    const hourly = pullWindow("2025-11-01", "2025-11-05", "1h", at("2025-11-05T10:30:00Z"));
    expect(hourly?.end.toISOString()).toBe("2025-11-05T10:00:00.000Z");
    expect(hourly?.lastDay).toBe("2025-11-05");
    expect(pullWindow("2025-11-05", "2025-11-05", "1d", at("2025-11-05T10:30:00Z"))).toBeUndefined();
  });
});

describe("pullPages is lazy", () => {
  it("requests the next page only when asked", async () => {
    const api = await fakeApi(paginated(bucketsOf(golden("anthropic-usage/daily-by-model.json")), 1, "anthropic"));
    for await (const _ of pullPages(options(api, { provider: "anthropic", report: "usage" }))) break;
    expect(api.requests).toHaveLength(1);
  });
});

describe("PullError", () => {
  it("is recognisable", () => {
    const e = new PullError("auth", "x", { status: 401, attempts: 1 });
    expect(isPullError(e)).toBe(true);
    expect(isPullError(new Error("x"))).toBe(false);
    expect(e.name).toBe("PullError");
  });
});
