import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

const DATA = fileURLToPath(new URL("../../packages/spend/test-data", import.meta.url));
const expected = (name: string) => JSON.parse(readFileSync(join(DATA, name), "utf8")) as { listCostMicros: string };

describe("caio import and caio spend (real binary)", () => {
  it("imports documented exports with the right totals, once", () => {
    const env = { CAIO_DATA_DIR: tempDataDir() };
    expect(caio(["init", "--org", "Spend Co", "--admin", "a@s.example"], env).code).toBe(0);
    const files = ["openai-usage/daily-by-model.json", "openai-usage/hourly-tiers.json", "anthropic-usage/daily-by-model.json"].map((f) => join(DATA, f));
    const first = caio(["import", ...files, "--json"], env);
    expect(first.code, first.stderr).toBe(0);
    const summaries = JSON.parse(first.stdout) as { imported: number; duplicates: number }[];
    expect(summaries.every((s) => s.imported > 0 && s.duplicates === 0)).toBe(true);
    const total = ["openai-usage/daily-by-model", "openai-usage/hourly-tiers", "anthropic-usage/daily-by-model"]
      .map((n) => BigInt(expected(`${n}.expected.json`).listCostMicros))
      .reduce((a, b) => a + b, 0n);
    const byProvider = JSON.parse(caio(["spend", "--json"], env).stdout) as { key: string; costMicros: string }[];
    expect(byProvider.reduce((a, r) => a + BigInt(r.costMicros), 0n)).toBe(total);
    expect(byProvider.map((r) => r.key).sort()).toEqual(["anthropic", "openai"]);
    // re-import is a no-op
    const again = JSON.parse(caio(["import", ...files, "--json"], env).stdout) as { imported: number }[];
    expect(again.map((s) => s.imported)).toEqual([0, 0, 0]);
    expect(JSON.parse(caio(["spend", "--json"], env).stdout)).toEqual(byProvider);
    const table = caio(["spend", "--by", "model"], env);
    expect(table.stdout).toMatch(/gpt-4o/);
    expect(table.stdout).toMatch(/^total \$/m);
  });

  it("rejects a malformed file naming where and why, storing nothing from it", () => {
    const env = { CAIO_DATA_DIR: tempDataDir() };
    expect(caio(["init", "--org", "Spend Co", "--admin", "a@s.example"], env).code).toBe(0);
    const good = readFileSync(join(DATA, "openai-usage/daily-by-model.json"), "utf8");
    const bad = join(env.CAIO_DATA_DIR, "bad.json");
    writeFileSync(bad, good.replace(/"output_tokens":\s*\d+/, '"output_tokens": -5'));
    const r = caio(["import", bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output_tokens/);
    expect(r.stderr).toMatch(/nothing from this file was imported/);
    expect(JSON.parse(caio(["spend", "--json"], env).stdout)).toEqual([]);
    writeFileSync(bad, good.slice(0, good.length / 2));
    expect(caio(["import", "--source", "openai-usage", bad], env).code).toBe(1);
    expect(JSON.parse(caio(["spend", "--json"], env).stdout)).toEqual([]);
    expect(caio(["import", join(env.CAIO_DATA_DIR, "missing.json")], env).code).toBe(2);
    const dry = caio(["import", "--dry-run", join(DATA, "openai-usage/daily-by-model.json")], env);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/dry run, nothing stored/);
    expect(JSON.parse(caio(["spend", "--json"], env).stdout)).toEqual([]);
  });

  it("reads a large plain CSV on several threads with the same result as one thread", () => {
    // A file in caio's generic format with quoted fields, hourly and daily rows and one negotiated
    // rate; CAIO_IMPORT_PARALLEL_MIN_BYTES=0 makes even this small file take the parallel path.
    const rows = ["date,provider,model,project,input_tokens,cache_read_tokens,output_tokens,cost_usd,id,tag:env"];
    for (let i = 0; i < 3000; i++) {
      const model = i % 3 === 0 ? "claude-sonnet-4-5" : "gpt-4o-mini";
      const date =
        i % 4 === 0
          ? `2026-10-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00Z`
          : `2026-11-${String(1 + (i % 30)).padStart(2, "0")}`;
      const project = i % 5 === 0 ? '"search, ""beta"""' : `p${i % 7}`;
      rows.push(
        `${date},${model.startsWith("claude") ? "anthropic" : "openai"},${model},${project},${100 + i},${i % 64},${i % 90},${i % 6 === 0 ? "" : (i % 50) / 100},req-${i},"multi\nline ${i % 3}"`,
      );
    }
    const run = (workers: string) => {
      const env = { CAIO_DATA_DIR: tempDataDir(), CAIO_IMPORT_WORKERS: workers, CAIO_IMPORT_PARALLEL_MIN_BYTES: "0" };
      expect(caio(["init", "--org", "Spend Co", "--admin", "a@s.example"], env).code).toBe(0);
      expect(caio(["rates", "set", "openai", "--multiplier", "0.8"], env).code).toBe(0);
      const path = join(env.CAIO_DATA_DIR, "usage.csv");
      writeFileSync(path, `${rows.join("\n")}\n`);
      const imported = caio(["import", path], env);
      expect(imported.code, imported.stderr).toBe(0);
      const dry = caio(["import", "--dry-run", path], env);
      return { env, path, imported, dry: dry.stderr, byDay: JSON.parse(caio(["spend", "--by", "day", "--json"], env).stdout) as unknown[] };
    };
    const one = run("1");
    const many = run("2");
    expect(one.imported.stderr).not.toMatch(/threads/);
    expect(many.imported.stderr).toMatch(/read on 2 threads/);
    expect(many.imported.stderr).toMatch(/3,000 records read, 3,000 imported/);
    expect(many.imported.stderr.replace(/.*threads\n/, "").replaceAll(many.path, "F")).toBe(one.imported.stderr.replaceAll(one.path, "F"));
    expect(many.dry.replace(/.*threads\n/, "").replaceAll(many.path, "F")).toBe(one.dry.replaceAll(one.path, "F"));
    expect(many.byDay).toEqual(one.byDay);
    expect(many.byDay.length).toBeGreaterThan(30);
    // Re-import is a no-op; a bad row late in the file stores nothing and names its line.
    expect(caio(["import", many.path], many.env).stderr).toMatch(/3,000 records read, 0 imported/);
    const bad = join(many.env.CAIO_DATA_DIR, "bad.csv");
    writeFileSync(bad, `${[...rows.slice(0, 2900), "2026-11-31,openai,gpt-4o,p,1,0,1,,req-bad,x", ...rows.slice(2900)].join("\n")}\n`);
    const r = caio(["import", bad], many.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/read on 2 threads/);
    expect(r.stderr).toMatch(/bad\.csv, line \d{4}, date: must be a valid date — nothing from this file was imported/);
    expect(JSON.parse(caio(["spend", "--by", "day", "--json"], many.env).stdout)).toEqual(one.byDay);
    // A thread setting that is not a whole number is a usage error, before anything is read.
    const wrong = caio(["import", many.path], { ...many.env, CAIO_IMPORT_WORKERS: "two" });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/CAIO_IMPORT_WORKERS must be a whole number of 0 or more, not "two"/);
  });
});
