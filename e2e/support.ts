/**
 * Shared helpers of the browser tests: Chromium through playwright-core, signing in,
 * accessibility checks with axe-core. Each test file launches its own browser and uses
 * fresh contexts, so no cookie or storage leaks between files or tests.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, openDatabase } from "@caio/db";
import { argon2Hasher, startServer } from "@caio/server";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startTestServer, type TestServer, WEB_DIST } from "../test/helpers/server.js";

export const TIMEOUT = 15_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * Starts the real server (demo organization seeded) and a browser for one test file, and stops
 * both after it. Read `ctx.server` and `ctx.browser` inside tests.
 */
export function useServerAndBrowser(): { server: TestServer; browser: Browser } {
  const ctx = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [ctx.server, ctx.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Starts the real server with the whole demo exactly as `npm start` loads it (`caio demo`): the
 * inventory, risks and incidents, scanned repositories, six months of usage with attribution rules,
 * a negotiated rate and the model policy, classifications and the policy frame.
 */
export async function startFullDemoServer(): Promise<TestServer> {
  // The CLI's demo loader (and the scanner it brings) loads only for the files that use it.
  const { loadDemo } = await import("../packages/cli/src/demo-load.js");
  const dir = mkdtempSync(join(tmpdir(), "caio-e2e-demo-"));
  const db = await openDatabase({ dataDir: dir });
  const store = createStore({ db, hasher: argon2Hasher });
  await loadDemo(store);
  const server = await startServer({ store, webDir: WEB_DIST }, { port: 0, host: "127.0.0.1" });
  return {
    url: server.url.replace("localhost", "127.0.0.1"),
    async close() {
      await server.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
    demo: {
      org: DEMO_ORG.slug,
      adminEmail: DEMO_USERS[0].email,
      editorEmail: DEMO_USERS[1].email,
      viewerEmail: DEMO_USERS[3].email,
      password: DEMO_PASSWORD,
    },
  };
}

/** {@link useServerAndBrowser} with the full demo (see {@link startFullDemoServer}). */
export function useFullDemoServerAndBrowser(): { server: TestServer; browser: Browser } {
  const ctx = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [ctx.server, ctx.browser] = await Promise.all([startFullDemoServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context (no cookies, no storage) with one page. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: "en-US",
    reducedMotion: "reduce",
    // Only for injecting axe-core: the server's Content-Security-Policy forbids inline scripts.
    bypassCSP: options.bypassCSP ?? false,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  return { context, page };
}

/**
 * Signs in through the login form and waits for the organization's inventory. Without `next` the
 * app opens the user's first organization, which need not be `org`.
 */
export async function signIn(page: Page, email: string, password: string, org: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(`/o/${org}/systems`)}`);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**/o/${org}/systems`);
  await page.getByRole("heading", { level: 1, name: "AI inventory" }).waitFor();
}

export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "visible" });
}

export async function gone(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "detached" });
}

/** Names of the systems in the inventory table, in display order. */
export async function systemNames(page: Page): Promise<string[]> {
  return page.getByRole("table", { name: "AI systems" }).getByRole("link").allTextContents();
}

/** Picks an option of a Mantine Select (an input that opens a listbox). */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("textbox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Saves a screenshot to the temp directory (handy when a test fails); returns its path. */
export async function snap(page: Page, name: string): Promise<string> {
  const dir = join(tmpdir(), "caio-e2e");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

const require = createRequire(import.meta.url);
const axeSource: string = (require("axe-core") as { source: string }).source;

/**
 * Runs axe-core on the current page and returns its violations. The page's context must be
 * opened with `bypassCSP: true`, since the script is injected inline.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate("typeof window.axe !== 'undefined'");
  if (!loaded) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type AxeResult = { violations: (Omit<AxeViolation, "nodes"> & { nodes: { target: unknown[]; html: string }[] })[] };
    const g = globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<AxeResult> }; document: unknown };
    const result = await g.axe.run(g.document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
}

/** The violations axe rates "critical", printed in a readable way when the assertion fails. */
export function critical(violations: AxeViolation[]): string[] {
  return violations.filter((v) => v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(" | ")})`);
}

/** A signed-in API session (cookie and CSRF token), as the web app holds one. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API. */
export async function apiSignIn(url: string, email: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed with ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrfToken };
}

/** A write through the API with a session. */
export async function apiPost(url: string, session: ApiSession, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrfToken },
    body: JSON.stringify(body),
  });
}

/** Signs in through the API and creates an editor token, as a CI job running `caio scan|import --server` would hold. */
export async function createToken(url: string, email: string, password: string, org: string, name: string): Promise<string> {
  const res = await apiPost(url, await apiSignIn(url, email, password), `/orgs/${org}/tokens`, { name, role: "editor" });
  if (res.status !== 201) throw new Error(`creating a token failed with ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** How far the page overflows horizontally, in pixels (0 when it fits). */
export function noOverflow(page: Page): Promise<number> {
  return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") as Promise<number>;
}

/** Micro-units as the pages show US dollars, computed independently of the web app: "$1,234.57". */
export function usd(micros: string | bigint): string {
  const cents = (BigInt(micros) + 5_000n) / 10_000n;
  return `$${(cents / 100n).toLocaleString("en-US")}.${(cents % 100n).toString().padStart(2, "0")}`;
}

/**
 * The demo organization's API with an editor token of the demo admin (created on first use):
 * `api<T>(path, init)` answers the parsed JSON and fails the test, naming the request and status,
 * on anything but success.
 */
export function demoOrgApi(ctx: { server: TestServer }, tokenName: string): <T>(path: string, init?: RequestInit) => Promise<T> {
  let token = "";
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const { url, demo } = ctx.server;
    token ||= await createToken(url, demo.adminEmail, demo.password, demo.org, tokenName);
    const res = await fetch(`${url}/api/v1/orgs/${demo.org}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
    expect(res.ok, `${init.method ?? "GET"} ${path}: ${res.status} ${res.ok ? "" : await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}
