#!/usr/bin/env node
// Foundation benchmark: embedded database start-up, demo seeding, and API latency for the
// inventory routes on the demo organization. Writes bench/results/foundation.json.
// Run with `npm run bench` (after `npm run build`).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStore, DEMO_ORG, openDatabase, seedDemo } from "@caio/db";
import { argon2Hasher, createApp } from "@caio/server";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ms = (t0) => Number((performance.now() - t0).toFixed(1));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2));
};

const dir = mkdtempSync(join(tmpdir(), "caio-bench-"));
const results = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, figures: {} };
try {
  let t0 = performance.now();
  const db = await openDatabase({ dataDir: dir });
  results.figures.coldOpenAndMigrateMs = ms(t0);
  const store = createStore({ db, hasher: argon2Hasher });
  t0 = performance.now();
  await seedDemo(store);
  results.figures.seedDemoMs = ms(t0);

  const app = createApp({ store, localOperator: "bench" });
  const routes = {
    listSystems: `/api/v1/orgs/${DEMO_ORG.slug}/systems`,
    searchSystems: `/api/v1/orgs/${DEMO_ORG.slug}/systems?q=forecast&stage=production`,
    listVendors: `/api/v1/orgs/${DEMO_ORG.slug}/vendors`,
    auditPage: `/api/v1/orgs/${DEMO_ORG.slug}/audit?limit=100`,
    verifyLedger: `/api/v1/orgs/${DEMO_ORG.slug}/audit/verify`,
  };
  for (const [name, path] of Object.entries(routes)) {
    for (let i = 0; i < 20; i++) await app.request(path); // warm up
    const samples = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const res = await app.request(path);
      await res.arrayBuffer();
      samples.push(performance.now() - t);
    }
    results.figures[`${name}P50Ms`] = pct(samples, 50);
    results.figures[`${name}P95Ms`] = pct(samples, 95);
  }
  const writes = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await app.request(`/api/v1/orgs/${DEMO_ORG.slug}/systems`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `Bench system ${i}`, stage: "idea" }),
    });
    writes.push(performance.now() - t);
  }
  results.figures.createSystemP50Ms = pct(writes, 50);
  results.figures.createSystemP95Ms = pct(writes, 95);
  await db.close();

  t0 = performance.now();
  execFileSync(process.execPath, [join(root, "packages/cli/bin/caio.js"), "systems", "list", "--json", "--org", DEMO_ORG.slug], {
    env: { ...process.env, CAIO_DATA_DIR: dir },
    stdio: "pipe",
  });
  results.figures.cliSystemsListWallMs = ms(t0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/foundation.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results.figures, null, 2)}\n`);
