import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { createGunzip, gunzipSync } from "node:zlib";
import { type ImportSummary, microsToDecimal, SPEND_DIMENSIONS, type SpendRow, toWireRecord, type UsageRecord } from "@caio/core";
import { createPricer, detectImporter, IMPORTERS, type Importer, isSpendImportError } from "@caio/spend";
import type { Command } from "commander";
import { CliError, UsageError } from "../errors.js";
import { info, printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice } from "./common.js";

const SUPPORTED = IMPORTERS.map((i) => i.source);
const IMPORT_EXTENSIONS = /\.(json|jsonl|ndjson)(\.gz)?$/i;

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

function sample(path: string): string {
  const buf = readFileSync(path);
  const text = path.endsWith(".gz") ? gunzipSync(buf).subarray(0, 8192) : buf.subarray(0, 8192);
  return text.toString("utf8");
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

async function* chunks(path: string): AsyncIterable<string> {
  const raw = createReadStream(path);
  const stream = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  stream.setEncoding("utf8");
  for await (const chunk of stream) yield chunk as string;
}

/** Micro-units as dollars rounded half-up to cents, with thousands separators. */
export const money = (micros: string) => {
  const cents = (BigInt(micros) + 5_000n) / 10_000n;
  const [whole = "0", frac = "00"] = microsToDecimal(cents * 10_000n).split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac.padEnd(2, "0").slice(0, 2)}`;
};

async function parseFile(path: string, importer: Importer): Promise<UsageRecord[]> {
  const records: UsageRecord[] = [];
  try {
    for await (const r of importer.parse(chunks(path), { fileName: basename(path), pricer: createPricer() })) records.push(r);
  } catch (e) {
    if (isSpendImportError(e)) throw new CliError(`${e.message.replace(basename(path), path)} — nothing from this file was imported`);
    throw e;
  }
  return records;
}

export function registerSpend(program: Command): void {
  program
    .command("import <paths...>")
    .description("import AI usage and cost exports (files or folders; JSON, JSONL, gzip); each file is imported whole or not at all")
    .addOption(choice("--source <source>", "the export's format (default: detected from the content)", ["auto", ...SUPPORTED]).default("auto"))
    .option("--dry-run", "parse and price, but store nothing")
    .option("--json", "print the summaries as JSON")
    .addHelpText(
      "after",
      `\nSupported now: ${SUPPORTED.join(", ")}. More sources (costs APIs, AWS CUR, Azure, GCP, FOCUS, OpenTelemetry, LiteLLM, Langfuse, Helicone, CSV) are on the way.`,
    )
    .action(async (paths: string[], opts: { source: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const files = filesOf(paths);
      if (files.length === 0) throw new UsageError("no .json, .jsonl or .gz files to import");
      const plan = files.map((file) => ({ file }));
      const importerFor = (f: string): Importer => {
        const importer =
          opts.source === "auto" ? detectImporter({ fileName: basename(f), firstBytes: sample(f) }) : IMPORTERS.find((i) => i.source === opts.source);
        if (!importer) throw new CliError(`${f}: cannot tell which export this is; pass --source (${SUPPORTED.join(", ")})`);
        return importer;
      };
      const run = async (store: ((f: string, source: Importer["source"], recs: UsageRecord[]) => Promise<ImportSummary>) | null) => {
        const summaries: ImportSummary[] = [];
        let failed = 0;
        for (const { file } of plan) {
          try {
            const importer = importerFor(file);
            const records = await parseFile(file, importer);
            const summary: ImportSummary = store
              ? await store(file, importer.source, records)
              : {
                  importId: "00000000-0000-0000-0000-000000000000",
                  source: importer.source,
                  fileName: basename(file),
                  recordsRead: records.length,
                  imported: 0,
                  duplicates: 0,
                  dayFrom: records.reduce<string | null>((a, r) => (a === null || r.day < a ? r.day : a), null),
                  dayTo: records.reduce<string | null>((a, r) => (a === null || r.day > a ? r.day : a), null),
                  costMicros: records.reduce((a, r) => a + (r.billedCostMicros ?? r.listCostMicros ?? 0n), 0n).toString(),
                };
            summaries.push(summary);
            if (!opts.json) {
              const range = summary.dayFrom ? `${summary.dayFrom} … ${summary.dayTo}` : "no records";
              info(
                store
                  ? `${file} (${summary.source}): ${summary.recordsRead} records read, ${summary.imported} imported, ${summary.duplicates} already there; ${range}; ${money(summary.costMicros)} new`
                  : `${file} (${summary.source}): ${summary.recordsRead} records; ${range}; ${money(summary.costMicros)} (dry run, nothing stored)`,
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
          info(`${failed} of ${plan.length} file(s) failed and were not imported`);
          process.exitCode = 1;
        }
      };
      if (opts.dryRun) return run(null);
      await withOrg(cmd, async (client, org) =>
        run((file, source, records) =>
          client.request<ImportSummary>("POST", `/orgs/${enc(org)}/imports`, {
            source,
            fileName: basename(file),
            fileSha256: sha256(file),
            records: records.map(toWireRecord),
          }),
        ),
      );
    });

  program
    .command("spend")
    .description("AI spend from imported usage, grouped by provider, model, month, day, source, project or workspace")
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
        if (globals(cmd).json) return printJson(items);
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
      });
    });
}
