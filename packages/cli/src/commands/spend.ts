import { createHash } from "node:crypto";
import { createReadStream, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import {
  type ImportListItem,
  type ImportSummary,
  microsToDecimal,
  SPEND_DIMENSIONS,
  type SpendOverview,
  type SpendRate,
  type SpendRow,
  type SpendRule,
  type UsageRecord,
} from "@caio/core";
import {
  createPricer,
  detectImporter,
  IMPORTERS,
  type Importer,
  isSpendImportError,
  negotiatedHook,
  type OpenedInput,
  openImportFile,
  type ParallelPlan,
  type Pricer,
  parallelSettings,
  parseInBatches,
  parseInParallel,
  planParallel,
  type RateSetting,
} from "@caio/spend";
import type { Command } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { info, printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { type SerializedBatch, uploadRecords } from "../upload.js";
import { choice, resolveRef } from "./common.js";

const SUPPORTED = IMPORTERS.map((i) => i.source);
const IMPORT_EXTENSIONS = /\.(json|jsonl|ndjson|csv|parquet)(\.gz)?$/i;

function filesOf(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${p} does not exist`);
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p, { recursive: true }) as string[]) {
        const full = join(p, e);
        if (IMPORT_EXTENSIONS.test(e) && statSync(full).isFile()) out.push(full);
      }
    } else out.push(p);
  }
  return out.sort();
}

async function sha256(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** A one-line progress display on a terminal (stderr), silent otherwise. */
function progress(label: string, opened: OpenedInput, bytesRead: () => number = opened.bytesRead) {
  const tty = process.stderr.isTTY === true && !process.env.CI;
  let last = 0;
  let records = 0;
  const draw = (force = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!force && now - last < 250) return;
    last = now;
    const pct = opened.size > 0 ? Math.min(100, Math.floor((bytesRead() / opened.size) * 100)) : 100;
    process.stderr.write(`\r${style.dim(`${label}: ${pct}% · ${records.toLocaleString("en-US")} records`)}\x1b[K`);
  };
  return {
    tick(n: number) {
      records = n;
      draw();
    },
    done() {
      if (tty) process.stderr.write("\r\x1b[K");
    },
  };
}

/** Micro-units as dollars rounded half-up to cents, with thousands separators. */
export const money = (micros: string) => {
  const cents = (BigInt(micros) + 5_000n) / 10_000n;
  const [whole = "0", frac = "00"] = microsToDecimal(cents * 10_000n).split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac.padEnd(2, "0").slice(0, 2)}`;
};

/** The organization's negotiated rates, for pricing at import. */
async function orgRates(client: ApiClient, org: string): Promise<RateSetting[]> {
  const { items } = await client.request<{ items: SpendRate[] }>("GET", `/orgs/${enc(org)}/spend/rates`);
  return items;
}

type ImportStats = { n: number; dayFrom: string | null; dayTo: string | null; cost: bigint };

/** Parses a file as a stream of records, counting them and noting the day range and cost. */
async function* parsed(importer: Importer, opened: OpenedInput, pricer: Pricer, stats: ImportStats, onCount: (n: number) => void) {
  // In batches: one async step per batch rather than per record.
  for await (const batch of parseInBatches(importer, opened.input, { fileName: opened.sample.fileName, pricer })) {
    for (const r of batch) {
      stats.n++;
      if (stats.dayFrom === null || r.day < stats.dayFrom) stats.dayFrom = r.day;
      if (stats.dayTo === null || r.day > stats.dayTo) stats.dayTo = r.day;
      stats.cost += r.billedCostMicros ?? r.listCostMicros ?? 0n;
    }
    onCount(stats.n);
    yield batch as UsageRecord[];
  }
  onCount(stats.n);
}

/**
 * A large plain file parsed on every core (see @caio/spend parallel.ts): the same records and
 * errors as {@link parsed}, already serialized for the API, counted from each piece's day tally.
 */
async function* parsedInParallel(plan: ParallelPlan, stats: ImportStats, done: { bytes: number }, onCount: (n: number) => void) {
  for await (const piece of parseInParallel(plan)) {
    for (const d of piece.days) {
      if (stats.dayFrom === null || d.day < stats.dayFrom) stats.dayFrom = d.day;
      if (stats.dayTo === null || d.day > stats.dayTo) stats.dayTo = d.day;
      stats.cost += BigInt(d.costMicros);
    }
    stats.n += piece.records;
    done.bytes += piece.bytes;
    onCount(stats.n);
    yield* piece.batches satisfies SerializedBatch[];
  }
}

export function registerSpend(program: Command): void {
  program
    .command("import <paths...>")
    .description("import AI usage and cost exports (files or folders; JSON, JSONL, CSV, Parquet, gzip); each file is imported whole or not at all")
    .addOption(choice("--source <source>", "the export's format (default: detected from the content)", ["auto", ...SUPPORTED]).default("auto"))
    .option("--dry-run", "parse and price, but store nothing")
    .option("--json", "print the summaries as JSON")
    .addHelpText(
      "after",
      `
Formats: ${SUPPORTED.join(", ")}.
Files stream with flat memory: CSV, JSONL and Parquet of any size; a single JSON document is read whole.
Importing the same file twice, or overlapping exports, never double counts. See docs/spend.md.`,
    )
    .action(async (paths: string[], opts: { source: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const files = filesOf(paths);
      if (files.length === 0) throw new UsageError("no .json, .jsonl, .csv, .parquet or .gz files to import");
      let threads: ReturnType<typeof parallelSettings>;
      try {
        threads = parallelSettings();
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
      const run = async (client: ApiClient | null, org: string | null) => {
        const rates = client && org ? await orgRates(client, org) : [];
        const pricer = createPricer({ negotiated: negotiatedHook(rates) });
        const summaries: ImportSummary[] = [];
        let failed = 0;
        for (const file of files) {
          try {
            let opened: OpenedInput;
            try {
              opened = await openImportFile(file);
            } catch (e) {
              if (isSpendImportError(e)) throw new CliError(e.message.replace(basename(file), file));
              throw e;
            }
            const importer = opts.source === "auto" ? detectImporter(opened.sample) : IMPORTERS.find((i) => i.source === opts.source);
            if (!importer) throw new CliError(`${file}: cannot tell which export this is; pass --source (${SUPPORTED.join(", ")})`);
            const stats: ImportStats = { n: 0, dayFrom: null, dayTo: null, cost: 0n };
            let summary: ImportSummary;
            let bar: ReturnType<typeof progress> | undefined;
            try {
              // Large plain CSV and JSONL files are parsed on every core; the rest on this thread.
              const plan = await planParallel(file, opened, importer, { ...threads, rates, serialize: client !== null });
              if (plan && !opts.json) info(style.dim(`${file}: read on ${plan.workers} threads`));
              const done = { bytes: 0 };
              bar = progress(basename(file), opened, plan ? () => done.bytes : opened.bytesRead);
              const tick = bar.tick;
              const records = plan ? parsedInParallel(plan, stats, done, tick) : parsed(importer, opened, pricer, stats, tick);
              if (client && org) {
                const digest = await sha256(file);
                summary = await uploadRecords(client, org, { source: importer.source, fileName: basename(file), fileSha256: digest }, records);
              } else {
                for await (const _ of records) {
                  // dry run: parse and price only
                }
                summary = {
                  importId: "00000000-0000-0000-0000-000000000000",
                  source: importer.source,
                  fileName: basename(file),
                  recordsRead: stats.n,
                  imported: 0,
                  duplicates: 0,
                  dayFrom: stats.dayFrom,
                  dayTo: stats.dayTo,
                  costMicros: stats.cost.toString(),
                };
              }
            } catch (e) {
              if (isSpendImportError(e)) throw new CliError(`${e.message.replace(basename(file), file)} — nothing from this file was imported`);
              throw e;
            } finally {
              bar?.done();
            }
            summaries.push(summary);
            if (!opts.json) {
              const range = summary.dayFrom ? `${summary.dayFrom} … ${summary.dayTo}` : "no records";
              info(
                client
                  ? `${file} (${summary.source}): ${summary.recordsRead.toLocaleString("en-US")} records read, ${summary.imported.toLocaleString("en-US")} imported, ${summary.duplicates.toLocaleString("en-US")} already there; ${range}; ${money(summary.costMicros)} new`
                  : `${file} (${summary.source}): ${summary.recordsRead.toLocaleString("en-US")} records; ${range}; ${money(summary.costMicros)} (dry run, nothing stored)`,
              );
            }
          } catch (e) {
            failed += 1;
            process.stderr.write(`${style.red("error")}: ${e instanceof Error ? e.message : String(e)}\n`);
            if (e instanceof CliError) for (const d of e.details) process.stderr.write(`  - ${d}\n`);
          }
        }
        if (opts.json) printJson(summaries);
        if (failed) {
          info(`${failed} of ${files.length} file(s) failed and were not imported`);
          process.exitCode = 1;
        }
      };
      if (opts.dryRun) return run(null, null);
      await withOrg(cmd, async (client, org) => run(client, org));
    });

  program
    .command("imports")
    .description("the import history of the organization, newest first")
    .action(async (_opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: ImportListItem[] }>("GET", `/orgs/${enc(org)}/imports`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Imported", "Source", "File", "Read", "New", "Duplicates", "Days", "Cost", "By"],
          items.map((i) => [
            i.importedAt.slice(0, 16).replace("T", " "),
            i.source,
            i.fileName,
            i.recordsRead,
            i.imported,
            i.duplicates,
            i.dayFrom ? `${i.dayFrom} … ${i.dayTo}` : "",
            money(i.costMicros),
            i.actor,
          ]),
        );
      });
    });

  program
    .command("spend")
    .description("AI spend from imported usage, grouped by provider, model, system, team, month, day, source, project or workspace")
    .addOption(choice("--by <dimension>", "group by", SPEND_DIMENSIONS).default("provider"))
    .option("--from <date>", "first day, YYYY-MM-DD")
    .option("--to <date>", "last day, YYYY-MM-DD")
    .option("--json", "print JSON (money as micro-unit strings)")
    .action(async (opts: { by: string; from?: string; to?: string }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams({ by: opts.by });
        if (opts.from) q.set("from", opts.from);
        if (opts.to) q.set("to", opts.to);
        const { items } = await client.request<{ items: SpendRow[] }>("GET", `/orgs/${enc(org)}/spend?${q}`);
        if (globals(cmd).json || (opts as { json?: boolean }).json) return printJson(items);
        const overview = await client.request<SpendOverview>("GET", `/orgs/${enc(org)}/spend/overview?${q.toString().replace(/(^|&)by=[^&]*/, "")}`);
        if (items.length === 0) {
          process.stdout.write("no usage imported for this period: run `caio import FILE`\n");
          return;
        }
        const total = items.reduce((a, r) => a + BigInt(r.costMicros), 0n);
        printTable(
          [opts.by[0]?.toUpperCase() + opts.by.slice(1), "Cost", "Share", "Input tokens", "Output tokens", "Requests"],
          items.map((r) => [
            r.key,
            money(r.costMicros),
            total > 0n ? `${(Number((BigInt(r.costMicros) * 10000n) / total) / 100).toFixed(1)}%` : "",
            Number(r.inputTokens).toLocaleString("en-US"),
            Number(r.outputTokens).toLocaleString("en-US"),
            Number(r.requests).toLocaleString("en-US"),
          ]),
        );
        process.stdout.write(`total ${money(total.toString())} (billed cost where the source states it, list price otherwise)\n`);
        if (BigInt(overview.unattributedMicros) > 0n) {
          process.stdout.write(`${money(overview.unattributedMicros)} is attributed to no system: add rules with \`caio attribution add\`\n`);
        }
        if (overview.supersededRecords > 0) {
          process.stdout.write(
            style.dim(`${overview.supersededRecords} record(s) not counted: a higher-precedence source covers the same provider and day (see docs/spend.md)\n`),
          );
        }
        if (overview.otherCurrencyRecords > 0)
          process.stdout.write(style.dim(`${overview.otherCurrencyRecords} record(s) in another currency than ${overview.currency} are left out\n`));
      });
    });
}

function ruleMatch(r: SpendRule): string {
  if (r.field === "tag") return `tag ${r.key} = ${r.value}`;
  if (r.field === "api_key") return `api key ${r.hint ?? "(hashed)"}`;
  return `${r.field} = ${r.value}`;
}

/** `caio attribution`: the rules that assign usage to systems and teams. */
export function registerAttribution(program: Command): void {
  const attribution = program
    .command("attribution")
    .description("rules that assign spend to inventory systems and teams (first match wins; unmatched spend is unattributed)");

  attribution
    .command("list")
    .description("the rules in the order they are tried, with the spend each attributes")
    .action(async (_opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: SpendRule[] }>("GET", `/orgs/${enc(org)}/spend/rules`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["#", "Match", "System", "Team", "Spend", "Id"],
          items.map((r) => [r.position, ruleMatch(r), r.systemName ?? "", r.team ?? "", money(r.matchedMicros), r.id]),
        );
      });
    });

  attribution
    .command("add")
    .description('add a rule, e.g. `caio attribution add --project proj_abc --system "Support assistant" --team Support`')
    .option("--project <id>", "match a provider project id")
    .option("--workspace <id>", "match a workspace id")
    .option("--api-key <id>", "match an API key id (hashed at once; needs --provider)")
    .option("--user <id>", "match a user id")
    .option("--source-team <name>", "match the team the source reported (e.g. LiteLLM team_id)")
    .option("--tag <name=value>", "match a tag")
    .option("--model <model>", "match a model (canonical or as reported)")
    .option("--for-provider <provider>", "match every record of a provider")
    .option("--provider <provider>", "the provider of --api-key")
    .option("--system <name-or-id>", "the inventory system to attribute to")
    .option("--team <name>", "the team to attribute to")
    .option("--position <n>", "where to insert (default: last)")
    .option("--note <text>", "why this rule exists")
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const matches = (
        [
          ["project", opts.project],
          ["workspace", opts.workspace],
          ["api_key", opts.apiKey],
          ["user", opts.user],
          ["team", opts.sourceTeam],
          ["tag", opts.tag],
          ["model", opts.model],
          ["provider", opts.forProvider],
        ] as const
      ).filter(([, v]) => v !== undefined);
      if (matches.length !== 1)
        throw new UsageError("give exactly one of --project, --workspace, --api-key, --user, --source-team, --tag, --model, --for-provider");
      const [field, raw] = matches[0] as [string, string];
      let key: string | undefined;
      let value = raw;
      if (field === "tag") {
        const eq = raw.indexOf("=");
        if (eq <= 0) throw new UsageError("--tag must look like name=value");
        key = raw.slice(0, eq);
        value = raw.slice(eq + 1);
      }
      if (!opts.system && !opts.team) throw new UsageError("give --system, --team, or both");
      let position: number | undefined;
      if (opts.position !== undefined) {
        position = Number(opts.position);
        if (!Number.isInteger(position) || position < 0) throw new UsageError("--position must be a whole number ≥ 0");
      }
      await withOrg(cmd, async (client, org) => {
        const systemId = opts.system ? await resolveRef(client, org, "systems", opts.system, "system") : undefined;
        const rule = await client.request<SpendRule>("POST", `/orgs/${enc(org)}/spend/rules`, {
          field,
          key,
          value,
          provider: opts.provider,
          systemId,
          team: opts.team,
          note: opts.note,
          position,
        });
        if (globals(cmd).json) return printJson(rule);
        info(`rule ${rule.id} added: ${ruleMatch(rule)} → ${[rule.systemName, rule.team].filter(Boolean).join(", ")} (${money(rule.matchedMicros)} so far)`);
      });
    });

  attribution
    .command("rm <id>")
    .description("delete a rule")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        await client.request("DELETE", `/orgs/${enc(org)}/spend/rules/${enc(id)}`);
        info(`rule ${id} deleted`);
      });
    });

  const rates = program.command("rates").description("negotiated rates that override list prices (stored usage is repriced when they change)");
  rates
    .command("list")
    .description("the organization's negotiated rates")
    .action(async (_opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: SpendRate[] }>("GET", `/orgs/${enc(org)}/spend/rates`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Provider", "Model", "Rate", "Note", "Id"],
          items.map((r) => [
            r.provider,
            r.model ?? "(all models)",
            r.multiplier
              ? `${r.multiplier} × list`
              : Object.entries(r.prices ?? {})
                  .map(([k, v]) => `${k} $${v}`)
                  .join(", "),
            r.note,
            r.id,
          ]),
        );
      });
    });
  rates
    .command("set <provider>")
    .description("set a rate, e.g. `caio rates set openai --multiplier 0.85` or `caio rates set anthropic --model claude-sonnet-4-5 --input 2.5 --output 12`")
    .option("--model <model>", "only this model (default: all the provider's models)")
    .option("--multiplier <x>", "a multiplier on list price, e.g. 0.85 for 15% off")
    .option("--input <usd>", "USD per million uncached input tokens")
    .option("--cache-read <usd>", "USD per million cache-read tokens")
    .option("--cache-write <usd>", "USD per million cache-write tokens (5 minutes)")
    .option("--output <usd>", "USD per million output tokens")
    .option("--note <text>", "e.g. the contract it comes from")
    .action(async (provider: string, opts: Record<string, string | undefined>, cmd: Command) => {
      const prices = Object.fromEntries(
        (
          [
            ["inputMtok", opts.input],
            ["cacheReadMtok", opts.cacheRead],
            ["cacheWrite5mMtok", opts.cacheWrite],
            ["outputMtok", opts.output],
          ] as const
        ).filter(([, v]) => v !== undefined),
      );
      const hasPrices = Object.keys(prices).length > 0;
      if (!opts.multiplier === !hasPrices) throw new UsageError("give either --multiplier or prices (--input, --cache-read, --cache-write, --output)");
      await withOrg(cmd, async (client, org) => {
        const rate = await client.request<SpendRate & { repriced: number }>("PUT", `/orgs/${enc(org)}/spend/rates`, {
          provider,
          model: opts.model,
          multiplier: opts.multiplier,
          prices: hasPrices ? prices : undefined,
          note: opts.note,
        });
        if (globals(cmd).json) return printJson(rate);
        info(`rate for ${provider}${opts.model ? ` ${opts.model}` : ""} saved; ${rate.repriced} stored record(s) repriced`);
      });
    });
  rates
    .command("rm <id>")
    .description("remove a rate (the provider's usage is repriced at list prices)")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const r = await client.request<{ repriced: number }>("DELETE", `/orgs/${enc(org)}/spend/rates/${enc(id)}`);
        info(`rate removed; ${r.repriced} stored record(s) repriced`);
      });
    });
}
