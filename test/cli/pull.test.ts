/**
 * `caio pull` (the built binary) against a local HTTP server that serves the documented shapes of
 * the OpenAI and Anthropic organization usage and cost APIs, with pagination and a rate-limit
 * answer. No test reaches the internet: every pull is pointed at 127.0.0.1 with --base-url.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ANTHROPIC_COST_BUCKETS, ANTHROPIC_COST_MICROS, OPENAI_COST_BUCKETS, OPENAI_COST_MICROS } from "../../packages/spend/test-support/pull-fixtures.js";
import { CAIO_BIN, type CliResult, caio, tempDataDir } from "../helpers/cli.js";

const DATA = fileURLToPath(new URL("../../packages/spend/test-data", import.meta.url));
const OPENAI_KEY = "sk-admin-CLITESTKEY0123456789abcdefghijklmnopqrstuv";
const ANTHROPIC_KEY = "sk-ant-admin01-CLITESTKEY0123456789abcdefghijklm";

// biome-ignore lint/suspicious/noExplicitAny: fixtures are plain JSON
type Json = any;

const golden = (name: string): Json => JSON.parse(readFileSync(join(DATA, name), "utf8"));
const bucketsOf = (doc: Json): Json[] => (Array.isArray(doc) ? doc.flatMap((p: Json) => p.data) : doc.data);
const listCost = (name: string): bigint => BigInt(golden(name.replace(/\.json$/, ".expected.json")).listCostMicros);

interface Seen {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

/**
 * A fake of both providers' APIs: the four endpoints, one bucket per page (next_page cursors),
 * buckets filtered to the requested window, 401 for a wrong key, and a 429 (Retry-After: 0) as
 * the first answer of every endpoint when `rateLimitFirst` is set.
 */
async function fakeProviders(opts: { openaiUsage?: Json[]; rateLimitFirst?: boolean; status?: number } = {}): Promise<{ base: string; requests: Seen[] }> {
  const requests: Seen[] = [];
  const limited = new Set<string>();
  const routes: Record<string, { provider: "openai" | "anthropic"; buckets: Json[] }> = {
    "/v1/organization/usage/completions": { provider: "openai", buckets: opts.openaiUsage ?? bucketsOf(golden("openai-usage/daily-by-model.json")) },
    "/v1/organization/costs": { provider: "openai", buckets: OPENAI_COST_BUCKETS },
    "/v1/organizations/usage_report/messages": { provider: "anthropic", buckets: bucketsOf(golden("anthropic-usage/daily-by-model.json")) },
    "/v1/organizations/cost_report": { provider: "anthropic", buckets: ANTHROPIC_COST_BUCKETS },
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const route = routes[url.pathname];
    if (!route) return send(404, { error: { message: "not found" } });
    if (opts.status) return send(opts.status, { error: { message: `Incorrect API key provided: ${req.headers["x-api-key"] ?? req.headers.authorization}` } });
    const authed = route.provider === "openai" ? req.headers.authorization === `Bearer ${OPENAI_KEY}` : req.headers["x-api-key"] === ANTHROPIC_KEY;
    if (!authed) return send(401, { error: { message: "invalid key" } });
    if (opts.rateLimitFirst && !limited.has(url.pathname)) {
      limited.add(url.pathname);
      return send(429, { error: { message: "Rate limit reached" } }, { "retry-after": "0" });
    }
    const q = url.searchParams;
    const [from, to] =
      route.provider === "openai"
        ? [Number(q.get("start_time")) * 1000, Number(q.get("end_time")) * 1000]
        : [Date.parse(q.get("starting_at") ?? ""), Date.parse(q.get("ending_at") ?? "")];
    const start = (b: Json) => (typeof b.start_time === "number" ? b.start_time * 1000 : Date.parse(b.starting_at));
    const inRange = route.buckets.filter((b) => start(b) >= from && start(b) < to);
    const offset = q.has("page") ? Number(String(q.get("page")).replace(/^page_/, "")) : 0;
    const data = inRange.slice(offset, offset + 1);
    const hasMore = offset + 1 < inRange.length;
    send(200, { ...(route.provider === "openai" ? { object: "page" } : {}), data, has_more: hasMore, next_page: hasMore ? `page_${offset + 1}` : null });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** Runs the built binary without blocking this process (the fake API runs in it). */
function caioAsync(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CAIO_BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

interface Summary {
  source: string;
  fileName: string;
  recordsRead: number;
  imported: number;
  duplicates: number;
  dayFrom: string | null;
  dayTo: string | null;
}

function spendTotal(env: Record<string, string>): { cost: bigint; keys: string[] } {
  const r = caio(["spend", "--json"], env);
  expect(r.code, r.stderr).toBe(0);
  const rows = JSON.parse(r.stdout) as { key: string; costMicros: string }[];
  return { cost: rows.reduce((a, x) => a + BigInt(x.costMicros), 0n), keys: rows.map((x) => x.key).sort() };
}

function initOrg(extra: Record<string, string> = {}): Record<string, string> {
  const env = { CAIO_DATA_DIR: tempDataDir(), ...extra };
  const r = caio(["init", "--org", "Pull Co", "--admin", "a@pull.example"], env);
  expect(r.code, r.stderr).toBe(0);
  return env;
}

// Each run of the binary starts a process (and most open the embedded database): allow for a loaded machine.
describe("caio pull (real binary, local fake API)", { timeout: 240_000 }, () => {
  it("pulls OpenAI usage and costs, `caio spend` shows the billed total, and a re-pull adds nothing", async () => {
    const api = await fakeProviders({ rateLimitFirst: true });
    const env = initOrg({ OPENAI_ADMIN_KEY: OPENAI_KEY });
    const args = ["pull", "openai", "--since", "2025-11-01", "--until", "2025-11-02", "--base-url", api.base, "--json"];
    const first = await caioAsync(args, env);
    expect(first.code, first.stderr).toBe(0);
    const summaries = JSON.parse(first.stdout) as Summary[];
    expect(summaries.map((s) => [s.source, s.recordsRead, s.imported, s.duplicates, s.dayFrom, s.dayTo])).toEqual([
      ["openai-usage", 4, 4, 0, "2025-11-01", "2025-11-02"],
      ["openai-costs", 5, 5, 0, "2025-11-01", "2025-11-02"],
    ]);
    expect(summaries[0]?.fileName).toBe("openai usage API 2025-11-01…2025-11-02");
    // the 429 was retried (Retry-After: 0), and said so on stderr
    expect(first.stderr).toMatch(/openai usage: HTTP 429: Rate limit reached; retrying in 0\.0 s \(attempt 2 of 6\)/);
    // both endpoints were paginated (one bucket a page) with the documented query
    const usage = api.requests.filter((r) => r.path === "/v1/organization/usage/completions");
    expect(usage.map((r) => r.query.get("page"))).toEqual([null, null, "page_1"]);
    expect(usage[0]?.query.get("start_time")).toBe("1761955200");
    expect(usage[0]?.query.get("end_time")).toBe("1762128000");
    expect(usage[0]?.query.getAll("group_by")).toEqual(["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"]);
    expect(api.requests.filter((r) => r.path === "/v1/organization/costs").length).toBe(3);

    // Billed statements cover both days, so they are the figure of record.
    const total = spendTotal(env);
    expect(total.cost).toBe(OPENAI_COST_MICROS);
    expect(total.keys).toEqual(["openai"]);

    const again = await caioAsync(args, env);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as Summary[]).map((s) => [s.recordsRead, s.imported, s.duplicates])).toEqual([
      [4, 0, 4],
      [5, 0, 5],
    ]);
    expect(spendTotal(env)).toEqual(total);
    for (const out of [first.stdout, first.stderr, again.stdout, again.stderr]) expect(out).not.toContain(OPENAI_KEY);
  });

  it("Anthropic: usage only (--no-costs, --key-env) at list price, then the cost report takes over", async () => {
    const api = await fakeProviders();
    const env = initOrg({ MY_ANTHROPIC_KEY: ` ${ANTHROPIC_KEY}\n` });
    const base = ["pull", "anthropic", "--key-env", "MY_ANTHROPIC_KEY", "--since", "2025-11-01", "--until", "2025-11-02", "--base-url", api.base];
    const usageOnly = await caioAsync([...base, "--no-costs"], env);
    expect(usageOnly.code, usageOnly.stderr).toBe(0);
    expect(usageOnly.stderr).toMatch(
      /anthropic usage API 2025-11-01…2025-11-02 \(anthropic-usage\): 4 records read, 4 imported, 0 already there; 2025-11-01 … 2025-11-02; \$5\.10 new/,
    );
    expect(api.requests.every((r) => r.path === "/v1/organizations/usage_report/messages")).toBe(true);
    expect(api.requests[0]?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(api.requests[0]?.query.getAll("group_by[]")).toEqual(["model", "workspace_id", "api_key_id", "service_tier", "context_window"]);
    // hand-computed in the golden file
    expect(spendTotal(env).cost).toBe(listCost("anthropic-usage/daily-by-model.json"));

    const withCosts = await caioAsync(base, env);
    expect(withCosts.code, withCosts.stderr).toBe(0);
    expect(withCosts.stderr).toMatch(/\(anthropic-usage\): 4 records read, 0 imported, 4 already there/);
    expect(withCosts.stderr).toMatch(/anthropic costs API 2025-11-01…2025-11-02 \(anthropic-cost\): 6 records read, 6 imported, 0 already there/);
    const total = spendTotal(env);
    expect(total.cost).toBe(ANTHROPIC_COST_MICROS);
    for (const out of [usageOnly.stdout, usageOnly.stderr, withCosts.stdout, withCosts.stderr]) expect(out).not.toContain(ANTHROPIC_KEY);
  });

  it("hourly buckets (--bucket 1h): limit 168, hand-computed list total", async () => {
    const api = await fakeProviders({ openaiUsage: bucketsOf(golden("openai-usage/hourly-tiers.json")) });
    const env = initOrg({ OPENAI_ADMIN_KEY: OPENAI_KEY });
    const r = await caioAsync(
      ["pull", "openai", "--since", "2025-11-03", "--until", "2025-11-03", "--bucket", "1h", "--no-costs", "--base-url", api.base],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/openai usage API 2025-11-03…2025-11-03 hourly \(openai-usage\): 2 records read, 2 imported/);
    expect(api.requests[0]?.query.get("bucket_width")).toBe("1h");
    expect(api.requests[0]?.query.get("limit")).toBe("168");
    expect(spendTotal(env).cost).toBe(listCost("openai-usage/hourly-tiers.json"));
  });

  it("--dry-run pulls and parses but stores nothing; CAIO_PULL_BASE_URL works too", async () => {
    const api = await fakeProviders();
    const env = initOrg({ OPENAI_ADMIN_KEY: OPENAI_KEY, CAIO_PULL_BASE_URL: api.base });
    const r = await caioAsync(["pull", "openai", "--since", "2025-11-01", "--until", "2025-11-02", "--dry-run"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\(openai-usage\): 4 records; 2025-11-01 … 2025-11-02; .*\(dry run, nothing stored\)/);
    expect(r.stderr).toMatch(/\(openai-costs\): 5 records; .*\$2\.87 \(dry run, nothing stored\)/);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(spendTotal(env).cost).toBe(0n);
  });

  it("401 and 403: a clear error, exit 1, nothing stored, the key never printed", async () => {
    const env = initOrg({ OPENAI_ADMIN_KEY: OPENAI_KEY });
    for (const status of [401, 403]) {
      const api = await fakeProviders({ status });
      const r = await caioAsync(["pull", "openai", "--since", "2025-11-01", "--until", "2025-11-02", "--base-url", api.base], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(status === 401 ? /rejected the key \(HTTP 401/ : /not allowed to read OpenAI usage API \(HTTP 403/);
      expect(r.stderr).toMatch(/admin key/);
      expect(`${r.stdout}${r.stderr}`).not.toContain(OPENAI_KEY);
      // a key that does not work is not tried on the costs API
      expect(api.requests.map((x) => x.path)).toEqual(["/v1/organization/usage/completions"]);
    }
    expect(spendTotal(env).cost).toBe(0n);
  });

  it("validates flags before any request, naming the variable but never the key", async () => {
    const api = await fakeProviders();
    // Flags are checked before the database is opened, so no organization is needed.
    const env = { CAIO_DATA_DIR: tempDataDir() };
    const pull = (args: string[], extra: Record<string, string> = {}) =>
      caioAsync(["pull", ...args], { ...env, CAIO_PULL_BASE_URL: api.base, OPENAI_ADMIN_KEY: OPENAI_KEY, ...extra });
    const unknown = await pull(["azure", "--since", "2025-11-01"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Allowed choices are openai, anthropic/);

    const missing = await pull(["anthropic", "--since", "2025-11-01"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the environment variable ANTHROPIC_ADMIN_KEY is not set/);

    const empty = await pull(["openai", "--since", "2025-11-01", "--key-env", "EMPTY_KEY"], { EMPTY_KEY: "  " });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/EMPTY_KEY is empty/);

    const pasted = await pull(["openai", "--since", "2025-11-01", "--key-env", OPENAI_KEY]);
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toMatch(/--key-env takes the NAME of an environment variable/);
    expect(pasted.stderr).not.toContain(OPENAI_KEY);

    expect((await pull(["openai"])).stderr).toMatch(/--since/);
    const badDate = await pull(["openai", "--since", "2025-02-30"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--since must be a date as YYYY-MM-DD/);
    const reversed = await pull(["openai", "--since", "2025-11-02", "--until", "2025-11-01"]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/--since 2025-11-02 is after --until 2025-11-01/);
    const future = await pull(["openai", "--since", "2025-11-01", "--until", "2999-01-01"]);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/--until 2999-01-01 is in the future/);
    const badBucket = await pull(["openai", "--since", "2025-11-01", "--bucket", "1m"]);
    expect(badBucket.code).toBe(2);
    const plainHttp = await pull(["openai", "--since", "2025-11-01", "--base-url", "http://api.example.com"]);
    expect(plainHttp.code).toBe(2);
    expect(plainHttp.stderr).toMatch(/refusing to send the admin key over plain http to api\.example\.com/);

    expect(api.requests).toHaveLength(0);
    const help = caio(["pull", "--help"]);
    expect(help.stdout).toMatch(/--key-env/);
    expect(help.stdout).not.toMatch(/--base-url/);
  });
});
