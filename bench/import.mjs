#!/usr/bin/env node
// Import benchmark. Generates N usage records (default 10 million) in caio's generic usage format
// as JSONL and as CSV, then for each file:
//   - caio: streams the file through the real import pipeline (open + sniff, csv/jsonl row reader,
//     the `csv` importer's validation and normalization, catalog pricing, record keys) and keeps
//     a daily rollup (records, input and output tokens, cost) in memory;
//   - DuckDB (@duckdb/node-api, a development dependency): computes the same daily rollup from the
//     same file with read_csv / read_json.
// Also: the same file through the path `caio import` takes for large plain files, parsed on every
// core (worker threads: validation, pricing, record keys and a tally per day, as a dry run does),
// and again with the records serialized for the API, as an import sends them.
// Reports records/s, the time ratio caio/DuckDB, and peak RSS at N/10 and N records (flat memory
// means the two peaks are close). Then measures storage: staged import of --store N records into
// the embedded database (PGlite), as `caio import` does it; and end to end: `caio import` of a
// CSV file of --cli N records (and N/4) into a fresh embedded database, in its own process, with
// its wall time and peak RSS. Writes bench/results/import.json.
// Run with `npm run bench:import` (builds first). Options: --records N, --store N, --cli N, --keep.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = argValue("--records", 10_000_000);
const STORE_N = argValue("--store", 200_000);
const CLI_N = argValue("--cli", 200_000);
const keep = process.argv.includes("--keep");

let seed = 0x1badcafe;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const MODELS = [
  ["openai", "gpt-4o-mini"],
  ["openai", "gpt-4o"],
  ["openai", "gpt-4.1-mini"],
  ["anthropic", "claude-sonnet-4-5"],
  ["anthropic", "claude-haiku-4-5"],
];
const PROJECTS = ["support", "search", "docs", "sales", "ops", "legal", "data", "lab"];
const COLUMNS = ["id", "date", "provider", "model", "project", "input_tokens", "cache_read_tokens", "output_tokens", "requests", "cost_usd"];

function row(i) {
  const [provider, model] = MODELS[i % MODELS.length];
  const day = 1 + (i % 28);
  const input = 200 + Math.floor(random() * 4000);
  const cached = Math.floor(random() * 2) * 128 * Math.floor(random() * 8);
  const output = 20 + Math.floor(random() * 800);
  const cost = (input * 3 + cached * 0.3 + output * 15) / 1e6;
  return {
    id: `req-${i}`,
    date: `2026-10-${String(day).padStart(2, "0")}`,
    provider,
    model,
    project: PROJECTS[i % PROJECTS.length],
    input_tokens: input,
    cache_read_tokens: cached,
    output_tokens: output,
    requests: 1,
    cost_usd: cost.toFixed(6),
  };
}

async function write(path, n, format) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf = format === "csv" ? `${COLUMNS.join(",")}\n` : "";
  seed = 0x1badcafe;
  for (let i = 0; i < n; i++) {
    const r = row(i);
    buf += format === "csv" ? `${COLUMNS.map((c) => r[c]).join(",")}\n` : `${JSON.stringify(r)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((res) => out.once("drain", res));
      buf = "";
    }
  }
  out.end(buf);
  await new Promise((res) => out.on("finish", res));
}

/** Runs one measurement in a fresh worker so peak RSS belongs to it alone. */
function inWorker(task) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: task, argv: [] });
    w.once("message", resolve);
    w.once("error", reject);
  });
}

/**
 * A daily rollup (records, input and output tokens, cost) filled by `fill(add)`, which returns the
 * number of records read; timed, with the peak RSS sampled while it runs.
 */
async function timedRollup(fill) {
  const days = new Map();
  const add = (day, records, input, output, cost) => {
    let d = days.get(day);
    if (!d) {
      d = { records: 0, input: 0, output: 0, cost: 0n };
      days.set(day, d);
    }
    d.records += records;
    d.input += input;
    d.output += output;
    d.cost += cost;
  };
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const records = await fill(add);
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const total = [...days.values()].reduce((a, d) => a + d.cost, 0n);
  return { records, ms, peakRssMb: Math.round(peak / 2 ** 20), days: days.size, costMicros: total.toString() };
}

async function caioRollup(path) {
  const { openImportFile, csvImporter, createPricer, parseInBatches } = await import("@caio/spend");
  const opened = await openImportFile(path);
  return timedRollup(async (add) => {
    let n = 0;
    // Batches of records, as `caio import` reads them (parseInBatches).
    for await (const batch of parseInBatches(csvImporter, opened.input, { fileName: opened.sample.fileName, pricer: createPricer() })) {
      for (const r of batch) {
        n++;
        add(r.day, 1, r.uncachedInput + r.cacheRead + r.cacheWrite5m + r.cacheWrite1h, r.output, r.billedCostMicros ?? r.listCostMicros ?? 0n);
      }
    }
    return n;
  });
}

async function caioParallelRollup(path, serialize) {
  const { openImportFile, csvImporter, planParallel, parseInParallel } = await import("@caio/spend");
  const opened = await openImportFile(path);
  const plan = await planParallel(path, opened, csvImporter, { minBytes: 0, serialize });
  if (!plan) throw new Error(`${path} cannot be read in parallel on this machine (one core?)`);
  const result = await timedRollup(async (add) => {
    let n = 0;
    for await (const piece of parseInParallel(plan)) {
      n += piece.records;
      for (const t of piece.days) add(t.day, t.records, t.inputTokens, t.outputTokens, BigInt(t.costMicros));
    }
    return n;
  });
  return { ...result, workers: plan.workers };
}

async function duckdbRollup(path, format) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:", { threads: String(cpus().length) });
  const c = await db.connect();
  const reader =
    format === "csv"
      ? `read_csv('${path}', header = true, columns = {'id': 'VARCHAR', 'date': 'DATE', 'provider': 'VARCHAR', 'model': 'VARCHAR', 'project': 'VARCHAR', 'input_tokens': 'BIGINT', 'cache_read_tokens': 'BIGINT', 'output_tokens': 'BIGINT', 'requests': 'BIGINT', 'cost_usd': 'DECIMAL(18,6)'})`
      : `read_json('${path}', format = 'newline_delimited', columns = {'id': 'VARCHAR', 'date': 'DATE', 'provider': 'VARCHAR', 'model': 'VARCHAR', 'project': 'VARCHAR', 'input_tokens': 'BIGINT', 'cache_read_tokens': 'BIGINT', 'output_tokens': 'BIGINT', 'requests': 'BIGINT', 'cost_usd': 'DECIMAL(18,6)'})`;
  const t0 = performance.now();
  const res = await c.runAndReadAll(
    `select date, count(*) as records, sum(input_tokens + cache_read_tokens) as input, sum(output_tokens) as output, sum(cost_usd) as cost from ${reader} group by date order by date`,
  );
  const rows = res.getRows();
  const ms = performance.now() - t0;
  const total = rows.reduce((a, r) => a + Number(r[1]), 0);
  return { records: total, ms, days: rows.length };
}

async function storeBench(n) {
  const { openDatabase, createStore } = await import("@caio/db");
  const { csvImporter, createPricer, inputFromText } = await import("@caio/spend");
  const dir = mkdtempSync(join(tmpdir(), "caio-bench-store-"));
  const db = await openDatabase({ dataDir: dir });
  const store = createStore({ db, hasher: { hash: async () => "x", verify: async () => false } });
  const actor = { label: "local:bench" };
  const org = (await store.orgs.create({ name: "Bench", slug: "bench" }, actor)).id;
  seed = 0x1badcafe;
  let text = `${COLUMNS.join(",")}\n`;
  for (let i = 0; i < n; i++) {
    const r = row(i);
    text += `${COLUMNS.map((c) => r[c]).join(",")}\n`;
  }
  const t0 = performance.now();
  const session = await store.spend.openSession(org, { source: "csv", fileName: "bench.csv" }, actor);
  let batch = [];
  for await (const r of csvImporter.parse(inputFromText(text, { fileName: "bench.csv", container: "csv" }), {
    fileName: "bench.csv",
    pricer: createPricer(),
  })) {
    batch.push(r);
    if (batch.length === 20_000) {
      await store.spend.stage(org, session.id, batch);
      batch = [];
    }
  }
  if (batch.length) await store.spend.stage(org, session.id, batch);
  const summary = await store.spend.commit(org, session.id, "0".repeat(64), actor);
  const ms = performance.now() - t0;
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return { records: summary.imported, ms };
}

/**
 * `caio import` of an n-record CSV in a child process with a fresh data directory, parsing on
 * `workers` threads (1: on the main thread): wall time and peak RSS.
 */
async function cliImport(dir, n, workers) {
  const caio = join(root, "packages/cli/bin/caio.js");
  const file = join(dir, `cli-${n}.csv`);
  await write(file, n, "csv");
  const data = mkdtempSync(join(dir, "cli-data-"));
  const env = { ...process.env, CAIO_DATA_DIR: data, NO_COLOR: "1", CAIO_IMPORT_WORKERS: String(workers), CAIO_IMPORT_PARALLEL_MIN_BYTES: "0" };
  const init = spawnSync(process.execPath, [caio, "init", "--org", "Bench", "--admin", "bench@example.com", "--json"], { env, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`caio init failed: ${init.stderr}`);
  // The child reports its own peak RSS (kilobytes) as its last line on stderr.
  const peak = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))";
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--import", peak, caio, "import", file], { env, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`caio import failed: ${run.stderr}`);
  if (!`${run.stdout}${run.stderr}`.includes(`${n.toLocaleString("en-US")} imported`))
    throw new Error(`caio import did not import ${n} records: ${run.stderr}`);
  const kb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  rmSync(data, { recursive: true, force: true });
  rmSync(file);
  if (workers > 1 && !run.stderr.includes(`read on ${workers} threads`)) throw new Error(`caio import did not read on ${workers} threads: ${run.stderr}`);
  return { records: n, workers, ms: Math.round(ms), recordsPerSecond: Math.round(n / (ms / 1000)), peakRssMb: Math.round(kb / 1024), database: "PGlite" };
}

const { isMainThread, workerData, parentPort } = await import("node:worker_threads");
if (!isMainThread) {
  const t = workerData;
  const result =
    t.kind === "caio"
      ? await caioRollup(t.path)
      : t.kind === "parallel"
        ? await caioParallelRollup(t.path, t.serialize)
        : t.kind === "duckdb"
          ? await duckdbRollup(t.path, t.format)
          : await storeBench(t.n);
  parentPort.postMessage(result);
} else {
  const dir = mkdtempSync(join(tmpdir(), "caio-bench-import-"));
  const results = { date: new Date().toISOString(), cpus: cpus().length, node: process.version, records: N, files: {} };
  try {
    for (const format of ["csv", "jsonl"]) {
      const small = join(dir, `usage-small.${format}`);
      const big = join(dir, `usage.${format}`);
      process.stderr.write(`generating ${N.toLocaleString("en-US")} records as ${format}…\n`);
      await write(small, Math.max(1, Math.floor(N / 10)), format);
      await write(big, N, format);
      const smallRun = await inWorker({ kind: "caio", path: small });
      const caio = await inWorker({ kind: "caio", path: big });
      const smallPar = await inWorker({ kind: "parallel", path: small, serialize: false });
      const par = await inWorker({ kind: "parallel", path: big, serialize: false });
      const smallWire = await inWorker({ kind: "parallel", path: small, serialize: true });
      const wire = await inWorker({ kind: "parallel", path: big, serialize: true });
      const duck = await inWorker({ kind: "duckdb", path: big, format });
      if (caio.records !== N || par.records !== N || wire.records !== N || duck.records !== N)
        throw new Error(`record counts differ: caio ${caio.records}, parallel ${par.records}/${wire.records}, duckdb ${duck.records}, expected ${N}`);
      if (caio.costMicros !== par.costMicros || caio.costMicros !== wire.costMicros)
        throw new Error(`totals differ: one thread ${caio.costMicros}, parallel ${par.costMicros}/${wire.costMicros} micro-units`);
      const r = {
        bytes: statSync(big).size,
        caio: {
          ms: Math.round(caio.ms),
          recordsPerSecond: Math.round(N / (caio.ms / 1000)),
          peakRssMb: caio.peakRssMb,
          peakRssMbAtTenth: smallRun.peakRssMb,
          days: caio.days,
        },
        parallel: {
          workers: par.workers,
          ms: Math.round(par.ms),
          recordsPerSecond: Math.round(N / (par.ms / 1000)),
          peakRssMb: par.peakRssMb,
          peakRssMbAtTenth: smallPar.peakRssMb,
          days: par.days,
        },
        // The same, with the records serialized for the API as `caio import` sends them.
        parallelForImport: {
          ms: Math.round(wire.ms),
          recordsPerSecond: Math.round(N / (wire.ms / 1000)),
          peakRssMb: wire.peakRssMb,
          peakRssMbAtTenth: smallWire.peakRssMb,
        },
        duckdb: { ms: Math.round(duck.ms), recordsPerSecond: Math.round(N / (duck.ms / 1000)), days: duck.days },
        ratio: Number((caio.ms / duck.ms).toFixed(2)),
        parallelRatio: Number((par.ms / duck.ms).toFixed(2)),
      };
      results.files[format] = r;
      process.stderr.write(
        `${format}: caio ${r.caio.recordsPerSecond.toLocaleString("en-US")} records/s (${r.caio.ms} ms, peak RSS ${r.caio.peakRssMb} MB; ${r.caio.peakRssMbAtTenth} MB at N/10), ` +
          `on ${r.parallel.workers} threads ${r.parallel.recordsPerSecond.toLocaleString("en-US")} records/s (${r.parallel.ms} ms, peak RSS ${r.parallel.peakRssMb} MB; ${r.parallel.peakRssMbAtTenth} MB at N/10), ` +
          `serialized for the API ${r.parallelForImport.recordsPerSecond.toLocaleString("en-US")} records/s (peak RSS ${r.parallelForImport.peakRssMb} MB; ${r.parallelForImport.peakRssMbAtTenth} MB at N/10), ` +
          `DuckDB ${r.duckdb.ms} ms, ratio ${r.ratio}× (${r.parallelRatio}× on ${r.parallel.workers} threads)\n`,
      );
      rmSync(small);
      if (!keep) rmSync(big);
    }
    process.stderr.write(`storing ${STORE_N.toLocaleString("en-US")} records in the embedded database…\n`);
    const st = await inWorker({ kind: "store", n: STORE_N });
    results.store = { records: st.records, ms: Math.round(st.ms), recordsPerSecond: Math.round(st.records / (st.ms / 1000)), database: "PGlite" };
    process.stderr.write(`store: ${results.store.recordsPerSecond.toLocaleString("en-US")} records/s into PGlite (${results.store.ms} ms)\n`);
    results.cli = [];
    const threads = Math.min(8, cpus().length);
    for (const n of [Math.max(1, Math.floor(CLI_N / 4)), CLI_N]) {
      for (const workers of threads > 1 ? [1, threads] : [1]) {
        process.stderr.write(`caio import of ${n.toLocaleString("en-US")} CSV records into a fresh embedded database, parsed on ${workers} thread(s)…\n`);
        results.cli.push(await cliImport(dir, n, workers));
        const last = results.cli.at(-1);
        process.stderr.write(`cli: ${last.recordsPerSecond.toLocaleString("en-US")} records/s (${last.ms} ms, peak RSS ${last.peakRssMb} MB)\n`);
      }
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(join(root, "bench", "results", "import.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write("wrote bench/results/import.json\n");
}
