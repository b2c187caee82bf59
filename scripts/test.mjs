#!/usr/bin/env node
// `npm test`: builds, lints, type-checks and runs every test. The storage conformance suite runs on
// the embedded database and on a real PostgreSQL server: TEST_DATABASE_URL if set, otherwise a
// throwaway cluster when PostgreSQL is installed. Browser tests use Chromium (CHROMIUM_PATH or
// /usr/bin/chromium) and poppler-utils for the PDF checks. Under CI=true a missing PostgreSQL,
// Chromium or poppler-utils is an error, not a skip.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTempPostgres } from "./pg-temp.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ci = process.env.CI === "true" || process.env.CI === "1";
const log = (m) => process.stderr.write(`[test] ${m}\n`);
const bin = (name) => join(root, "node_modules", ".bin", name);
const step = (name, cmd, args) => {
  log(name);
  try {
    execFileSync(cmd, args, { cwd: root, stdio: "inherit" });
  } catch {
    log(`${name} failed`);
    process.exit(1);
  }
};

step("build", process.execPath, [join(root, "scripts/build.mjs")]);
step("lint", bin("biome"), ["check", "."]);
step("dependency direction", process.execPath, [join(root, "scripts/check-deps.mjs")]);
step("type-check tests", bin("tsc"), ["-p", "tsconfig.test.json"]);

const env = { ...process.env };
let pg = null;
if (!env.TEST_DATABASE_URL) {
  try {
    pg = await startTempPostgres();
  } catch (e) {
    log(`could not start a temporary PostgreSQL: ${e.message}`);
  }
  if (pg) {
    env.TEST_DATABASE_URL = pg.url;
    log(`started a temporary PostgreSQL for the conformance suite`);
  } else if (ci) {
    log("CI: PostgreSQL is required (apt-get install postgresql) or set TEST_DATABASE_URL");
    process.exit(1);
  } else {
    log("PostgreSQL not found: the conformance suite runs on the embedded database only (install postgresql or set TEST_DATABASE_URL)");
  }
}
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (ci) {
    log(`CI: Chromium is required at ${chromium} (apt-get install chromium)`);
    pg?.stop();
    process.exit(1);
  }
  log(`Chromium not found at ${chromium}: browser tests will be skipped (apt-get install chromium)`);
  env.CAIO_SKIP_BROWSER = "1";
}
// The board pack's PDF checks count pages with pdfinfo and rasterize a page with pdftoppm.
const poppler = ["pdftoppm", "pdfinfo"].every((tool) => spawnSync(tool, ["-v"], { stdio: "ignore" }).error === undefined);
if (!poppler && !env.CAIO_SKIP_BROWSER) {
  if (ci) {
    log("CI: poppler-utils is required for the board pack's PDF checks (apt-get install poppler-utils)");
    pg?.stop();
    process.exit(1);
  }
  log("poppler-utils not found: the board pack's PDF page-count and raster check will be skipped (apt-get install poppler-utils)");
}

const report = join(root, ".tmp", "vitest-report.json");
rmSync(report, { force: true });
const r = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
pg?.stop();
// One plain closing line that any CI can read.
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, "utf8"));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  process.stdout.write(`\nTests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped\n`);
  if (j.numTotalTests === 0) {
    log("no test ran");
    process.exit(1);
  }
}
process.exit(r.status ?? 1);
