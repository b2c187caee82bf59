import type { ImportSummary, UsageRecord } from "@caio/core";
import {
  createPricer,
  isPullError,
  isSpendImportError,
  PULL_DEFAULT_KEY_ENV,
  PULL_PROVIDERS,
  type PullBucketWidth,
  type PullPage,
  type PullProvider,
  type PullReport,
  pagesSha256,
  pullPages,
  pullSource,
  pullWindow,
  recordsFromPages,
} from "@caio/spend";
import { Argument, type Command, Option } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { info, printJson, style } from "../output.js";
import { withOrg } from "../session.js";
import { type UploadFile, uploadRecords } from "../upload.js";
import { choice } from "./common.js";
import { money } from "./spend.js";

interface PullFlags {
  keyEnv?: string;
  since: string;
  until?: string;
  bucket: PullBucketWidth;
  costs: boolean;
  dryRun?: boolean;
  json?: boolean;
  baseUrl?: string;
}

const NAMES: Record<PullProvider, string> = { openai: "OpenAI", anthropic: "Anthropic" };
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const NO_IMPORT = "00000000-0000-0000-0000-000000000000";

const todayUtc = () => new Date().toISOString().slice(0, 10);

function day(flag: string, v: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
  if (!ok) throw new UsageError(`${flag} must be a date as YYYY-MM-DD (UTC), not "${v}"`);
  return v;
}

/** Reads the key from the environment; messages name the variable, never its value. */
function readKey(provider: PullProvider, keyEnv: string | undefined): string {
  const name = keyEnv ?? PULL_DEFAULT_KEY_ENV[provider];
  // Never echo a bad --key-env value: people paste the key itself there.
  if (!ENV_NAME.test(name))
    throw new UsageError("--key-env takes the NAME of an environment variable that holds the key (e.g. OPENAI_ADMIN_KEY), not the key itself");
  const value = process.env[name];
  if (value === undefined)
    throw new UsageError(
      `the environment variable ${name} is not set: put the ${NAMES[provider]} admin key in it (caio never takes a key on the command line)`,
    );
  const key = value.trim();
  if (key === "") throw new UsageError(`the environment variable ${name} is empty: put the ${NAMES[provider]} admin key in it`);
  return key;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** --base-url or CAIO_PULL_BASE_URL: an https URL, or plain http to this machine only (the key travels in a header). */
function baseUrlOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new UsageError("--base-url (or CAIO_PULL_BASE_URL) is not a valid URL");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new UsageError("--base-url must be an http(s) URL");
  if (u.username || u.password || u.search || u.hash) throw new UsageError("--base-url must not contain credentials, a query or a fragment");
  if (u.protocol === "http:" && !isLoopback(u.hostname))
    throw new UsageError(`refusing to send the admin key over plain http to ${u.host}; use https (plain http is allowed only for localhost)`);
  return u.toString().replace(/\/+$/, "");
}

/** A one-line status on stderr, redrawn in place; only when stderr is a terminal. */
function statusLine() {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    show(text: string) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}

async function pullOne(
  provider: PullProvider,
  report: PullReport,
  flags: PullFlags,
  ctx: { key: string; since: string; until: string; baseUrl: string | undefined },
  store: ((file: UploadFile, records: AsyncIterable<UsageRecord>) => Promise<ImportSummary>) | null,
): Promise<ImportSummary | undefined> {
  const bucket: PullBucketWidth = report === "usage" ? flags.bucket : "1d";
  const what = `${provider} ${report}`;
  const window = pullWindow(ctx.since, ctx.until, bucket);
  if (!window) {
    info(`${what}: nothing to pull yet; the ${bucket === "1h" ? "current hour" : "day"} has not ended (buckets still in progress are never pulled)`);
    return undefined;
  }
  // Without --until the window simply ends with the last complete bucket; say so only when a later day was asked for.
  if (window.clipped && flags.until !== undefined && !flags.json)
    info(
      style.dim(
        `${what}: pulling up to ${window.end.toISOString().replace(/:00\.000Z$/, "Z")}; the ${bucket === "1h" ? "current hour" : "current day"} is pulled once it has ended`,
      ),
    );
  const status = statusLine();
  const pages: PullPage[] = [];
  try {
    for await (const page of pullPages({
      provider,
      report,
      key: ctx.key,
      start: window.start,
      end: window.end,
      bucketWidth: bucket,
      ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : {}),
      onPage: (p) => status.show(`${what}: page ${p.page}, ${p.totalBuckets} buckets, ${p.totalResults} rows${p.hasMore ? " …" : ""}`),
      onRetry: (r) => {
        status.clear();
        info(`${what}: ${r.reason}; retrying in ${(r.delayMs / 1000).toFixed(1)} s (attempt ${r.attempt + 1} of ${r.maxAttempts})`);
      },
    }))
      pages.push(page);
  } finally {
    status.clear();
  }
  const source = pullSource(provider, report);
  const fileName = `${provider} ${report} API ${window.firstDay}…${window.lastDay}${bucket === "1h" ? " hourly" : ""}`;
  const records = recordsFromPages(provider, report, pages, { fileName, pricer: createPricer() });
  let summary: ImportSummary;
  try {
    if (store) summary = await store({ source, fileName, fileSha256: pagesSha256(pages) }, records);
    else {
      let n = 0;
      let cost = 0n;
      let dayFrom: string | null = null;
      let dayTo: string | null = null;
      for await (const r of records) {
        n++;
        cost += r.billedCostMicros ?? r.listCostMicros ?? 0n;
        if (dayFrom === null || r.day < dayFrom) dayFrom = r.day;
        if (dayTo === null || r.day > dayTo) dayTo = r.day;
      }
      summary = { importId: NO_IMPORT, source, fileName, recordsRead: n, imported: 0, duplicates: 0, dayFrom, dayTo, costMicros: cost.toString() };
    }
  } catch (e) {
    if (isSpendImportError(e)) throw new CliError(`${what}: the API returned data caio cannot read (${e.message}) — nothing from this pull was imported`);
    throw e;
  }
  if (!flags.json) {
    const range = summary.dayFrom ? `${summary.dayFrom} … ${summary.dayTo}` : "no records";
    info(
      store
        ? `${fileName} (${source}): ${summary.recordsRead} records read, ${summary.imported} imported, ${summary.duplicates} already there; ${range}; ${money(summary.costMicros)} new`
        : `${fileName} (${source}): ${summary.recordsRead} records; ${range}; ${money(summary.costMicros)} (dry run, nothing stored)`,
    );
  }
  return summary;
}

export function registerPull(program: Command): void {
  program
    .command("pull")
    .description("pull usage and billed cost from a provider's organization usage and cost APIs into the spend ledger (needs an admin key)")
    .addArgument(new Argument("<provider>", "where to pull from").choices(PULL_PROVIDERS as unknown as string[]))
    .requiredOption("--since <date>", "first day to pull, YYYY-MM-DD (UTC)")
    .option("--until <date>", "last day to pull, YYYY-MM-DD (UTC; default today: days and hours still in progress are left out)")
    .option("--key-env <name>", "environment variable holding the admin key (default OPENAI_ADMIN_KEY or ANTHROPIC_ADMIN_KEY)")
    .addOption(choice("--bucket <width>", "usage bucket width: 1d (daily) or 1h (hourly); costs are always daily", ["1d", "1h"]).default("1d"))
    .option("--no-costs", "pull usage only, not the billed costs")
    .option("--dry-run", "pull and parse, but store nothing")
    .option("--json", "print the import summaries as JSON")
    .addOption(new Option("--base-url <url>", "API base URL (tests and proxies; or CAIO_PULL_BASE_URL)").hideHelp())
    .addHelpText(
      "after",
      `
The key is read from an environment variable, never from the command line, and is never printed.
OpenAI needs an organization admin key (sk-admin-…); Anthropic an Admin API key (sk-ant-admin…).
Pulling the same days again imports nothing new: records are keyed by their bucket and dimensions.
Examples:
  OPENAI_ADMIN_KEY=… caio pull openai --since 2025-11-01
  caio pull anthropic --key-env ANTHROPIC_ADMIN_KEY --since 2025-11-01 --until 2025-11-30 --no-costs
See docs/spend-pull.md.`,
    )
    .action(async (provider: PullProvider, flags: PullFlags, cmd: Command) => {
      const since = day("--since", flags.since);
      const today = todayUtc();
      const until = flags.until === undefined ? today : day("--until", flags.until);
      if (since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
      if (until > today) throw new UsageError(`--until ${until} is in the future (today is ${today}, UTC)`);
      const baseUrl = baseUrlOf(flags.baseUrl ?? process.env.CAIO_PULL_BASE_URL);
      const key = readKey(provider, flags.keyEnv);
      const reports: PullReport[] = flags.costs ? ["usage", "costs"] : ["usage"];
      const ctx = { key, since, until, baseUrl };

      const run = async (client: ApiClient | null, org: string | null) => {
        const summaries: ImportSummary[] = [];
        let failed = 0;
        for (const report of reports) {
          try {
            const summary = await pullOne(
              provider,
              report,
              flags,
              ctx,
              client && org
                ? (file, records) => {
                    const status = statusLine();
                    return uploadRecords(client, org, file, records, (sent) => status.show(`${provider} ${report}: storing ${sent} records`)).finally(() =>
                      status.clear(),
                    );
                  }
                : null,
            );
            if (summary) summaries.push(summary);
          } catch (e) {
            // A key that does not work will not work for the next report either.
            if (isPullError(e) && (e.code === "auth" || e.code === "invalid-key" || e.code === "invalid-request" || e.code === "cancelled"))
              throw new CliError(e.message);
            failed += 1;
            process.stderr.write(`${style.red("error")}: ${e instanceof Error ? e.message : String(e)}\n`);
            if (e instanceof CliError) for (const d of e.details) process.stderr.write(`  - ${d}\n`);
          }
        }
        if (flags.json) printJson(summaries);
        if (failed) {
          info(`${failed} of ${reports.length} report(s) failed and were not imported`);
          process.exitCode = 1;
        }
      };
      if (flags.dryRun) return run(null, null);
      await withOrg(cmd, (client, org) => run(client, org));
    });
}
