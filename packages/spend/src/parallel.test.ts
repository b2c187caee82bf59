import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { toWireRecord } from "@caio/core";
import { describe, expect, it } from "vitest";
import { type Importer, parseInBatches } from "./importer.js";
import { csvImporter } from "./importers/generic-csv.js";
import { IMPORTERS } from "./importers/index.js";
import { openImportFile } from "./input.js";
import { lastRowEnd, type ParallelOptions, parseInParallel, planParallel } from "./parallel.js";
import { createPricer } from "./pricing.js";

// The workers run the compiled package (dist/parallel-worker.js): `npm test` builds first.

const dir = mkdtempSync(join(tmpdir(), "caio-parallel-"));
let fileNo = 0;
function file(content: string | Uint8Array, ext = "csv"): string {
  const path = join(dir, `f${++fileNo}.${ext}`);
  writeFileSync(path, content);
  return path;
}

const HEADER = "date,provider,model,project,user,input_tokens,output_tokens,cost_usd,id,tag:env";
const MODELS = ["gpt-4o-mini", "claude-sonnet-4-5", "gpt-4.1", "an unknown model"];
const AWKWARD = ["plain", '"with, comma"', '"two\nlines"', '"a ""quoted"" word"', '"ünïcødé ✓ 𝄞"', '"three\n\nlines, and ""more"""', ""];

/** A generic-format CSV with awkward quoted fields (commas, line breaks, quotes, astral characters), blank lines and hourly rows. */
function awkwardCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const model = MODELS[i % MODELS.length] as string;
    const provider = model.startsWith("claude") ? "anthropic" : "openai";
    const date =
      i % 3 === 0
        ? `2026-10-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00Z`
        : `2026-11-${String(1 + (i % 30)).padStart(2, "0")}`;
    const project = AWKWARD[i % AWKWARD.length] as string;
    const cost = i % 5 === 0 ? "" : `${(i % 97) / 100}`;
    lines.push(`${date},${provider},${model},${project},u${i % 7},${100 + i},${i % 50},${cost},req-${i},${AWKWARD[(i + 3) % AWKWARD.length]}`);
    if (i % 41 === 0) lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

function awkwardJsonl(rows: number): string {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    out.push(
      JSON.stringify({
        date: `2026-11-${String(1 + (i % 30)).padStart(2, "0")}`,
        provider: i % 2 ? "openai" : "anthropic",
        model: i % 2 ? "gpt-4o" : "claude-haiku-4-5",
        project: `p "${i % 5}"\n`,
        input_tokens: 10 * i,
        output_tokens: i % 13,
        requests: 1 + (i % 3),
        "tag:team": "ünï ✓",
      }),
    );
    if (i % 17 === 0) out.push("   ");
  }
  return `${out.join("\n")}\n`;
}

/** Everything a one-thread import gives: the wire records and the error, if any. */
async function sequential(path: string, importer: Importer = csvImporter) {
  const opened = await openImportFile(path);
  const records: unknown[] = [];
  try {
    for await (const batch of parseInBatches(importer, opened.input, { fileName: opened.sample.fileName, pricer: createPricer() }))
      for (const r of batch) records.push(toWireRecord(r));
    return { records, error: undefined };
  } catch (e) {
    return { records, error: (e as Error).message };
  }
}

async function parallel(path: string, options: ParallelOptions = {}, importer: Importer = csvImporter) {
  const opened = await openImportFile(path);
  const plan = await planParallel(path, opened, importer, { minBytes: 0, workers: 2, pieceBytes: 97, ...options });
  if (!plan) throw new Error("not planned");
  const records: unknown[] = [];
  const days = new Map<string, { records: number; cost: bigint }>();
  let pieces = 0;
  try {
    for await (const piece of parseInParallel(plan)) {
      pieces++;
      let n = 0;
      for (const b of piece.batches) {
        const list = JSON.parse(b.json) as unknown[];
        expect(list).toHaveLength(b.count);
        records.push(...list);
        n += b.count;
      }
      if (plan.serialize) expect(n).toBe(piece.records);
      for (const d of piece.days) {
        const t = days.get(d.day) ?? { records: 0, cost: 0n };
        t.records += d.records;
        t.cost += BigInt(d.costMicros);
        days.set(d.day, t);
      }
    }
    return { records, days, pieces, error: undefined };
  } catch (e) {
    return { records, days, pieces, error: (e as Error).message };
  }
}

/** The day tally of wire records: records and billed-else-list cost per day. */
function tallyOf(records: unknown[]) {
  const days = new Map<string, { records: number; cost: bigint }>();
  for (const r of records as { day: string; billedCostMicros: string | null; listCostMicros: string | null }[]) {
    const t = days.get(r.day) ?? { records: 0, cost: 0n };
    t.records++;
    t.cost += BigInt(r.billedCostMicros ?? r.listCostMicros ?? "0");
    days.set(r.day, t);
  }
  return days;
}

describe("lastRowEnd", () => {
  it("cuts after the last line feed outside quotes", () => {
    const b = Buffer.from('a,b\n"x\ny",z\n"open\nstill');
    expect(lastRowEnd(b, b.length, true)).toBe(12);
    expect(lastRowEnd(b, b.length, false)).toBe(b.length - 5);
    const none = Buffer.from('"a\nb\nc');
    expect(lastRowEnd(none, none.length, true)).toBe(0);
    expect(lastRowEnd(Buffer.from("abc"), 3, false)).toBe(0);
  });
});

describe("parseInParallel", () => {
  it("gives a CSV file's records exactly as one thread does, cut anywhere", async () => {
    const path = file(awkwardCsv(900));
    const one = await sequential(path);
    expect(one.error).toBeUndefined();
    expect(one.records).toHaveLength(900);
    for (const pieceBytes of [97, 4096]) {
      const many = await parallel(path, { pieceBytes });
      expect(many.error).toBeUndefined();
      expect(many.records).toEqual(one.records);
      expect(many.days).toEqual(tallyOf(one.records));
      if (pieceBytes < 4096) expect(many.pieces).toBeGreaterThan(20);
    }
    // A piece per row.
    const small = file(awkwardCsv(60));
    const each = await parallel(small, { pieceBytes: 1 });
    expect(each.records).toEqual((await sequential(small)).records);
    expect(each.pieces).toBeGreaterThanOrEqual(60);
  });

  it("gives a JSONL file's records exactly as one thread does", async () => {
    const path = file(awkwardJsonl(500), "jsonl");
    const one = await sequential(path);
    expect(one.error).toBeUndefined();
    const many = await parallel(path, { pieceBytes: 301 });
    expect(many.records).toEqual(one.records);
    expect(many.days).toEqual(tallyOf(one.records));
  });

  it("tallies without serializing when asked (a dry run)", async () => {
    const path = file(awkwardCsv(300));
    const one = await sequential(path);
    const many = await parallel(path, { serialize: false });
    expect(many.records).toEqual([]);
    expect(many.days).toEqual(tallyOf(one.records));
  });

  it("raises the file's first error with the file's line, as one thread does", async () => {
    const lines = awkwardCsv(400).split("\n");
    // Two bad rows far apart: the earlier one is the error, wherever the pieces are cut.
    const early = lines.findIndex((l, i) => i > 150 && l.startsWith("2026-11"));
    const late = lines.findIndex((l, i) => i > 350 && l.startsWith("2026-11"));
    lines[early] = (lines[early] as string).replace(/,u(\d),(\d+),/, ",u$1,-$2,");
    lines[late] = (lines[late] as string).replace(/^2026-11-\d\d/, "2026-13-45");
    const path = file(lines.join("\n"));
    const one = await sequential(path);
    expect(one.error).toMatch(/input_tokens/);
    expect(one.error).toMatch(/line \d+/);
    for (const pieceBytes of [53, 1000]) {
      const many = await parallel(path, { pieceBytes });
      expect(many.error).toBe(one.error);
    }
    // Only the late one: still found, in the last pieces.
    lines[early] = (lines[early] as string).replace(/,-(\d+),/, ",$1,");
    const path2 = file(lines.join("\n"));
    const one2 = await sequential(path2);
    expect(one2.error).toMatch(/date/);
    expect((await parallel(path2)).error).toBe(one2.error);
  });

  it("names a row with the wrong number of columns, a stray quote and bad UTF-8 as one thread does", async () => {
    // Rows without quoted line breaks, so that a row is a line.
    const base = awkwardCsv(200)
      .replaceAll("\n\n", "\n")
      .replaceAll('"two\nlines"', "two lines")
      .replaceAll('"three\n\nlines, and ""more"""', "three")
      .split("\n");
    const cases: (string | Uint8Array)[] = [];
    const short = [...base];
    short[150] = "2026-11-02,openai,gpt-4o,p,u1,5";
    cases.push(short.join("\n"));
    const stray = [...base];
    stray[120] = '2026-11-02,openai,gpt-4o,p"q,u1,5,5,,req-x,';
    cases.push(stray.join("\n"));
    const text = Buffer.from(base.join("\n"));
    const at = text.indexOf("\n", Math.floor(text.length * 0.8));
    cases.push(Buffer.concat([text.subarray(0, at + 1), Buffer.from([0xff, 0xfe]), text.subarray(at + 1)]));
    for (const c of cases) {
      const path = file(c);
      const one = await sequential(path);
      expect(one.error).toBeDefined();
      expect((await parallel(path)).error).toBe(one.error);
    }
  });

  it("reads on one thread what cannot be cut safely", async () => {
    const csv = awkwardCsv(50);
    const plan = async (path: string, options: ParallelOptions = {}, importer = csvImporter) =>
      planParallel(path, await openImportFile(path), importer, { minBytes: 0, workers: 2, ...options });
    expect(await plan(file(csv))).not.toBeNull();
    expect(await plan(file(csv.replaceAll("\n", "\r\n"))), "CRLF").toBeNull();
    expect(await plan(file(csv.replace("date,", '"date",'))), "quoted header").toBeNull();
    expect(await plan(file(`\n${csv}`)), "empty first line").toBeNull();
    expect(await plan(file(gzipSync(csv), "csv.gz")), "gzip").toBeNull();
    expect(await plan(file(csv), { workers: 1 }), "one worker").toBeNull();
    expect(await plan(file(csv), { minBytes: Buffer.byteLength(csv) + 1 }), "small").toBeNull();
    // An importer that does not declare its rows independent of each other is never cut.
    expect(await plan(file(csv), {}, { ...csvImporter, rowLocal: undefined }), "not row-local").toBeNull();
    // A CSV file ending in blank lines: the blank pieces add nothing and raise nothing.
    const path = file(`${csv}${"\n".repeat(500)}`);
    const one = await sequential(path);
    const many = await parallel(path, { pieceBytes: 50 });
    expect(many.error).toBeUndefined();
    expect(many.records).toEqual(one.records);
  });

  // Every importer that declares its rows independent, on each of its plain CSV and JSONL golden
  // files (and the same file with a bad value in its last row), cut into a piece per row.
  const TEST_DATA = new URL("../test-data/", import.meta.url);
  for (const importer of IMPORTERS.filter((i) => i.rowLocal)) {
    it(`gives ${importer.source}'s golden files exactly as one thread does`, async () => {
      const dirUrl = new URL(`${importer.source}/`, TEST_DATA);
      const names = readdirSync(dirUrl).filter((n) => /\.(csv|jsonl)$/.test(n) && !n.includes("expected"));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const text = readFileSync(new URL(name, dirUrl), "utf8");
        const ext = name.endsWith(".csv") ? "csv" : "jsonl";
        const path = file(text, ext);
        const plan = await planParallel(path, await openImportFile(path), importer, { minBytes: 0, workers: 2 });
        if (plan === null) continue; // e.g. CRLF: read on one thread
        const one = await sequential(path, importer);
        expect(one.error, name).toBeUndefined();
        expect(one.records.length, name).toBeGreaterThan(0);
        for (const pieceBytes of [1, 64]) {
          const many = await parallel(path, { pieceBytes }, importer);
          expect(many.error, name).toBeUndefined();
          expect(many.records, `${name} cut at ${pieceBytes}`).toEqual(one.records);
        }
        // The last row cut in half: the same error, on the same line.
        const lines = text.trimEnd().split("\n");
        const last = lines.at(-1) as string;
        const half = last.slice(0, Math.floor(last.length / 2));
        const bad = file([...lines.slice(0, -1), half].join("\n"), ext);
        const oneBad = await sequential(bad, importer);
        expect(oneBad.error, `${name}: ${half}`).toMatch(/line \d+/);
        expect((await parallel(bad, { pieceBytes: 1 }, importer)).error, name).toBe(oneBad.error);
      }
    });
  }
});
