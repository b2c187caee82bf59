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
});
