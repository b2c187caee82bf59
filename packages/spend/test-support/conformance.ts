/**
 * The importer conformance suite. Every importer's test file calls {@link describeImporter} with its
 * golden files (test-data/<dir>/<name>.<ext> beside <name>.expected.json, totals computed by hand),
 * its malformed cases and, optionally, a row generator for the property tests. The suite checks:
 * hand-computed totals, schema validity, detection by content (by this importer only), the same
 * records under any chunking, gzip and (for CSV goldens) Parquet, stable record keys, malformed
 * input rejected with its location and nothing yielded, and totals invariant under record order and
 * file splitting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { SpendImportError } from "../src/errors.js";
import type { Importer } from "../src/importer.js";
import { IMPORTERS } from "../src/importers/index.js";
import { bytesSource, type ImportInput, inputFromText, openByteSource } from "../src/input.js";
import { createPricer } from "../src/pricing.js";
import { type UsageRecord, UsageRecordSchema } from "../src/record.js";
import { type SpendTotals, totalsOf } from "../src/totals.js";

export const TEST_DATA = join(import.meta.dirname, "..", "test-data");
export const pricer = createPricer();

// biome-ignore lint/suspicious/noExplicitAny: golden rows are mutated freely
export type Json = any;

/** Runs an importer over an input and collects its records. */
export async function collect(importer: Importer, input: ImportInput): Promise<UsageRecord[]> {
  const out: UsageRecord[] = [];
  for await (const r of importer.parse(input, { fileName: input.fileName, pricer })) out.push(r);
  return out;
}

/** Imports a text with optional chunk sizes. */
export function importText(importer: Importer, text: string, options: { fileName?: string; chunkSizes?: number[] } = {}): Promise<UsageRecord[]> {
  return collect(importer, inputFromText(text, { fileName: options.fileName ?? "input", chunkSizes: options.chunkSizes }));
}

/** Imports bytes as a file would be (gzip and Parquet detected by magic bytes). */
export async function importBytes(importer: Importer, bytes: Uint8Array, fileName = "input"): Promise<UsageRecord[]> {
  const { input } = await openByteSource(bytesSource(fileName, bytes, 997));
  return collect(importer, input);
}

/** Imports and reports the error and how many records were yielded before it. */
export async function importFailure(importer: Importer, text: string, fileName = "bad.input"): Promise<{ error: unknown; yielded: number }> {
  let yielded = 0;
  try {
    const { input } = await openByteSource(bytesSource(fileName, new TextEncoder().encode(text), 97));
    for await (const _ of importer.parse(input, { fileName, pricer })) yielded++;
  } catch (error) {
    return { error, yielded };
  }
  return { error: undefined, yielded };
}

export function totalsJson(t: SpendTotals): Record<string, string> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.toString()]));
}

export function addTotals(a: SpendTotals, b: SpendTotals): SpendTotals {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof SpendTotals]])) as unknown as SpendTotals;
}

/** CSV text → a Parquet file with every column as a string (how many exports type their columns varies). */
export async function csvToParquet(text: string): Promise<Uint8Array> {
  const rows: Record<string, unknown>[] = [];
  for await (const r of inputFromText(text, { container: "csv" }).rows()) rows.push(r.values);
  const names = Object.keys(rows[0] ?? {});
  const buf = parquetWriteBuffer({
    columnData: names.map((name) => ({ name, data: rows.map((r) => (r[name] === "" ? null : (r[name] as string))), type: "STRING" as const })),
  });
  return new Uint8Array(buf);
}

export interface MalformedCase {
  name: string;
  /** The bad file, made from the first golden file's text. */
  input: (golden: string) => string;
  /** `true` means "some line"; a number is that line. */
  line?: number | true;
  record?: string;
  field?: string;
  reason: RegExp;
}

export interface ImporterSuite {
  importer: Importer;
  /** Folder under test-data. */
  dir: string;
  malformed: MalformedCase[];
  /** Builds a file from generated rows, for the order and split properties. */
  property?: { build: (rows: Json[]) => string; row: fc.Arbitrary<Json> };
  /** Whether two goldens' records may share a key (per-request sources never should). Default true: keys unique. */
  uniqueKeys?: boolean;
}

const GOLDEN = /\.(json|jsonl|csv|parquet)$/;

/** Registers the conformance tests of one importer. */
export function describeImporter(suite: ImporterSuite): void {
  const { importer } = suite;
  const dir = join(TEST_DATA, suite.dir);
  const goldens = readdirSync(dir).filter((f) => GOLDEN.test(f) && !f.endsWith(".expected.json"));
  const textGoldens = goldens.filter((f) => !f.endsWith(".parquet"));
  const firstGolden = readFileSync(join(dir, textGoldens[0] ?? goldens[0] ?? ""), "utf8");

  describe(`importer ${importer.source}`, () => {
    it("has golden files", () => expect(goldens.length).toBeGreaterThan(0));

    for (const file of goldens) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const expected = JSON.parse(readFileSync(join(dir, file.replace(GOLDEN, ".expected.json")), "utf8"));

      it(`${file}: hand-computed totals`, async () => {
        const records = await importBytes(importer, bytes, file);
        const { _comment, days, hours, ...totals } = expected;
        expect(totalsJson(totalsOf(records))).toEqual(totals);
        expect([...new Set(records.map((r) => r.day))].sort()).toEqual(days);
        expect([...new Set(records.map((r) => r.hour))].sort()).toEqual(hours);
        for (const r of records) {
          expect(UsageRecordSchema.parse(r)).toEqual(r);
          expect(r.source).toBe(importer.source);
        }
        if (suite.uniqueKeys ?? true) expect(new Set(records.map((r) => r.recordKey)).size).toBe(records.length);
      });

      it(`${file}: detected by content, by this importer only`, async () => {
        const { sample } = await openByteSource(bytesSource("export.data", bytes));
        expect(IMPORTERS.filter((i) => i.detect(sample)).map((i) => i.source)).toEqual([importer.source]);
      });

      it(`${file}: same records gzip-compressed, in any chunking, and on re-import`, async () => {
        const base = await importBytes(importer, bytes, file);
        expect(await importBytes(importer, new Uint8Array(gzipSync(bytes)), file)).toEqual(base);
        if (!file.endsWith(".parquet")) {
          const text = new TextDecoder().decode(bytes);
          await fc.assert(
            fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }), async (sizes) => {
              expect(await importText(importer, text, { fileName: file, chunkSizes: sizes })).toEqual(base);
            }),
            { numRuns: 15 },
          );
        }
        const again = await importBytes(importer, bytes, file);
        expect(again.map((r) => r.recordKey)).toEqual(base.map((r) => r.recordKey));
      });

      if (file.endsWith(".csv")) {
        it(`${file}: same records from Parquet`, async () => {
          const base = await importBytes(importer, bytes, file);
          const parquet = await csvToParquet(new TextDecoder().decode(bytes));
          expect(await importBytes(importer, parquet, file)).toEqual(base);
        });
      }
    }

    for (const c of suite.malformed) {
      it(`rejects ${c.name} with nothing yielded`, async () => {
        const { error, yielded } = await importFailure(importer, c.input(firstGolden));
        expect(error).toBeInstanceOf(SpendImportError);
        if (importer.buffersFile) expect(yielded).toBe(0);
        const e = error as SpendImportError;
        expect(e.file).toBe("bad.input");
        expect(e.reason).toMatch(c.reason);
        if (c.line === true) expect(e.line).toBeGreaterThan(0);
        else if (c.line !== undefined) expect(e.line).toBe(c.line);
        if (c.record !== undefined) expect(e.record).toBe(c.record);
        if (c.field !== undefined) expect(e.field).toBe(c.field);
        expect(e.message).toContain("bad.input");
      });
    }

    const property = suite.property;
    if (property) {
      const rows = fc.array(property.row, { minLength: 1, maxLength: 12 });
      it("property: totals and keys are invariant under record order", async () => {
        await fc.assert(
          fc.asyncProperty(rows, fc.nat(), async (rs, seed) => {
            const shuffled = [...rs]
              .map((r, i) => ({ r, k: (i * 7919 + seed) % 101 }))
              .sort((a, b) => a.k - b.k)
              .map((x) => x.r);
            const a = await importText(importer, property.build(rs));
            const b = await importText(importer, property.build(shuffled));
            expect(totalsOf(b)).toEqual(totalsOf(a));
            expect(b.map((r) => r.recordKey).sort()).toEqual(a.map((r) => r.recordKey).sort());
          }),
          { numRuns: 30 },
        );
      });
      it("property: totals are invariant under splitting a file into two", async () => {
        await fc.assert(
          fc.asyncProperty(rows, fc.nat(), async (rs, at) => {
            const k = at % (rs.length + 1);
            const whole = await importText(importer, property.build(rs));
            const first = k === 0 ? [] : await importText(importer, property.build(rs.slice(0, k)));
            const second = k === rs.length ? [] : await importText(importer, property.build(rs.slice(k)));
            expect(addTotals(totalsOf(first), totalsOf(second))).toEqual(totalsOf(whole));
            expect([...first, ...second].map((r) => r.recordKey).sort()).toEqual(whole.map((r) => r.recordKey).sort());
          }),
          { numRuns: 30 },
        );
      });
    }
  });
}
