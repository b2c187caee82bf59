#!/usr/bin/env node
// Builds every package: TypeScript project references (incremental), then the web app when its
// sources changed since the last build (always with --force).
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");
const quiet = process.argv.includes("--quiet");
const log = (m) => quiet || process.stderr.write(`[build] ${m}\n`);

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const bin = (name) => join(root, "node_modules", ".bin", name);
if (!existsSync(bin("tsc"))) {
  log("dependencies are not installed yet: run `npm ci` first");
  process.exit(1);
}

log("compiling TypeScript packages");
execFileSync(bin("tsc"), ["-b", "tsconfig.json"], { cwd: root, stdio: "inherit" });
chmodSync(join(root, "packages/cli/dist/bin.js"), 0o755);

const webIndex = join(root, "packages/web/dist/index.html");
const webSources = Math.max(
  newest(join(root, "packages/web/src")),
  newest(join(root, "packages/core/src")),
  statSync(join(root, "packages/web/index.html")).mtimeMs,
);
if (force || !existsSync(webIndex) || statSync(webIndex).mtimeMs < webSources) {
  log("building the web app");
  execFileSync(bin("vite"), ["build", "--logLevel", "warn"], { cwd: join(root, "packages/web"), stdio: "inherit" });
} else {
  log("web app is up to date");
}
