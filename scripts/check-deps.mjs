#!/usr/bin/env node
// Keeps the dependency direction true: cli, server -> db, spend, rules -> core; web -> core only.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ALLOWED = {
  core: [],
  db: ["core"],
  discovery: ["core"],
  spend: ["core"],
  rules: ["core"],
  report: ["core"],
  server: ["core", "db", "spend", "rules", "report"],
  cli: ["core", "db", "discovery", "spend", "rules", "report", "server"],
  web: ["core"],
};

function files(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx)$/.test(e)) out.push(p);
  }
  return out;
}

const problems = [];
for (const [pkg, allowed] of Object.entries(ALLOWED)) {
  const manifest = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"));
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
    const m = /^@caio\/(.+)$/.exec(dep);
    if (m && !allowed.includes(m[1])) problems.push(`packages/${pkg}/package.json depends on ${dep}`);
  }
  for (const file of files(join(root, "packages", pkg, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/from\s+["']@caio\/([a-z-]+)(?:\/[^"']*)?["']/g)) {
      if (!allowed.includes(m[1])) problems.push(`${file.slice(root.length + 1)} imports @caio/${m[1]}`);
    }
    if (pkg === "web" && /from\s+["']@caio\/core\/node["']/.test(text)) problems.push(`${file.slice(root.length + 1)} imports the Node-only @caio/core/node`);
    if (pkg === "core" && /from\s+["'](node:fs|node:net|node:http|pg|@electric-sql)/.test(text))
      problems.push(`${file.slice(root.length + 1)}: core must not do I/O`);
  }
}
if (problems.length) {
  process.stderr.write(`dependency direction violated:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stderr.write("dependency direction ok\n");
