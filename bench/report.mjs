#!/usr/bin/env node
// Board-pack benchmark, as a new user meets it: `caio demo` into an empty data directory, then
// `caio report --quarter <this quarter> --format pdf|html|md --out FILE`, each the whole CLI process
// timed by the wall clock (median of 3 runs; every run also stores its snapshot, as it would for a
// user). The bar is under ten seconds for the demo organization, PDF included.
// Writes bench/results/report.json. Run with `npm run bench:report` (builds first).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { quarterOfDate } from "@caio/core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const caio = join(root, "packages/cli/bin/caio.js");
const RUNS = 3;
const ms = (t0) => Number((performance.now() - t0).toFixed(1));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const dir = mkdtempSync(join(tmpdir(), "caio-bench-report-"));
const env = { ...process.env, CAIO_DATA_DIR: join(dir, "data"), NO_COLOR: "1" };
const run = (args) => execFileSync(process.execPath, [caio, ...args], { env, cwd: dir, stdio: "pipe", encoding: "utf8" });

const quarter = quarterOfDate(new Date().toISOString());
// The one-minute load average at the start: timings on a busy machine are not comparable.
const results = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverage: Number(loadavg()[0].toFixed(2)),
  quarter,
  runs: RUNS,
  figures: {},
};
try {
  let t0 = performance.now();
  run(["demo"]);
  results.figures.demoLoadWallMs = ms(t0);

  for (const format of ["pdf", "html", "md"]) {
    const samples = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const out = join(dir, `pack-${i}.${format}`);
      t0 = performance.now();
      run(["report", "--quarter", quarter, "--format", format, "--out", out]);
      samples.push(ms(t0));
      bytes = statSync(out).size;
    }
    results.figures[`${format}WallMsMedian`] = median(samples);
    results.figures[`${format}WallMsRuns`] = samples;
    results.figures[`${format}Bytes`] = bytes;
  }
  const info = spawnSync("pdfinfo", [join(dir, "pack-0.pdf")], { encoding: "utf8" });
  if (info.status === 0) results.figures.pdfPages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
  results.figures.pdfUnderTenSeconds = results.figures.pdfWallMsMedian < 10_000;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/report.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results.figures, null, 2)}\n`);
