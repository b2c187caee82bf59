import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

const DATA = fileURLToPath(new URL("../../packages/spend/test-data", import.meta.url));
const GOLDEN = /\.(json|jsonl|csv|parquet)$/;

interface Summary {
  source: string;
  fileName: string;
  recordsRead: number;
  imported: number;
  duplicates: number;
}

describe("every documented export format through the real binary", () => {
  it("imports each source's golden files from one folder, detected by content, with the hand-computed record counts; re-import adds nothing", () => {
    const env = { CAIO_DATA_DIR: tempDataDir() };
    expect(caio(["init", "--org", "Sources Co", "--admin", "a@s.example"], env).code).toBe(0);
    const folder = join(env.CAIO_DATA_DIR, "exports");
    const expected = new Map<string, { source: string; records: number }>();
    for (const source of readdirSync(DATA)) {
      for (const f of readdirSync(join(DATA, source))) {
        if (!GOLDEN.test(f) || f.endsWith(".expected.json")) continue;
        const exp = JSON.parse(readFileSync(join(DATA, source, f.replace(GOLDEN, ".expected.json")), "utf8")) as { records: string };
        expected.set(`${source}/${f}`, { source, records: Number(exp.records) });
        mkdirSync(join(folder, source), { recursive: true });
        copyFileSync(join(DATA, source, f), join(folder, source, f));
      }
    }
    const first = caio(["import", folder, "--json"], env);
    expect(first.code, first.stderr).toBe(0);
    const summaries = JSON.parse(first.stdout) as Summary[];
    // The folder is named after the source, so `source/file` also checks that detection picked the right importer.
    expect(summaries.map((s) => `${s.source}/${s.fileName}`).sort()).toEqual([...expected.keys()].sort());
    for (const s of summaries) {
      const e = expected.get(`${s.source}/${s.fileName}`);
      expect(s.recordsRead, s.fileName).toBe(e?.records);
      expect(s.imported + s.duplicates).toBe(s.recordsRead);
    }
    const sources = JSON.parse(caio(["spend", "--by", "source", "--json"], env).stdout) as { key: string }[];
    expect(sources.length).toBeGreaterThan(5);
    const again = JSON.parse(caio(["import", folder, "--json"], env).stdout) as Summary[];
    expect(again.every((s) => s.imported === 0)).toBe(true);
  });
});
