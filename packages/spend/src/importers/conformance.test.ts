/**
 * Conformance suite run against every importer: golden files with hand-computed totals, the
 * accepted input forms, malformed inputs (a SpendImportError naming record and field, and nothing
 * yielded) and fast-check properties (order and split invariance, idempotent keys).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addTotals, importFailure as importFailureAs, importText, type Json, TEST_DATA, totalsJson } from "../../test-support/conformance.js";
import { SpendImportError } from "../errors.js";
import type { Importer } from "../importer.js";
import { bytesSource, openByteSource } from "../input.js";
import { UsageRecordSchema } from "../record.js";
import { totalsOf } from "../totals.js";
import { anthropicUsageImporter } from "./anthropic-usage.js";
import { IMPORTERS } from "./index.js";
import { openaiUsageImporter } from "./openai-usage.js";

/** The malformed cases name the file `bad.json`. */
const importFailure = (importer: Importer, text: string) => importFailureAs(importer, text, "bad.json");

interface MalformedCase {
  name: string;
  /** Mutates a clone of the first golden page, or replaces the text. */
  mutate?: (page: Json) => void;
  text?: (golden: string) => string;
  record?: string;
  field?: string;
  reason: RegExp;
  line?: boolean;
}

interface Suite {
  importer: Importer;
  golden: string;
  malformed: MalformedCase[];
  /** Builds one page from buckets (start offset in days or hours, results). */
  page: (buckets: { start: number; results: Json[] }[]) => Json;
  result: fc.Arbitrary<Json>;
}

const BASE = 1_761_955_200; // 2025-11-01T00:00:00Z

const openaiSuite: Suite = {
  importer: openaiUsageImporter,
  golden: "openai-usage",
  page: (buckets) => ({
    object: "page",
    data: buckets.map((b) => ({ object: "bucket", start_time: BASE + b.start * 3600, end_time: BASE + (b.start + 1) * 3600, results: b.results })),
    has_more: false,
    next_page: null,
  }),
  result: fc
    .record({
      cached: fc.nat(5_000_000),
      extra: fc.nat(5_000_000),
      output_tokens: fc.nat(5_000_000),
      num_model_requests: fc.nat(10_000),
      model: fc.constantFrom("gpt-4o-mini-2024-07-18", "gpt-5-2025-08-07", "gpt-4.1", "o3", null, "unknown-model-q"),
      project_id: fc.constantFrom("proj_a", "proj_b", null),
      api_key_id: fc.constantFrom("key_1", null),
      batch: fc.boolean(),
      service_tier: fc.constantFrom("default", "flex", "priority", undefined),
    })
    .map(({ cached, extra, ...r }) => ({ object: "organization.usage.completions.result", input_tokens: cached + extra, input_cached_tokens: cached, ...r })),
  malformed: [
    { name: "truncated file", text: (g) => g.slice(0, Math.floor(g.length * 0.6)), reason: /truncated JSON/, line: true },
    {
      name: "wrong type",
      mutate: (p) => (p.data[0].results[1].input_tokens = "2000000"),
      record: "page 1 data[0].results[1]",
      field: "input_tokens",
      reason: /integer/,
    },
    {
      name: "missing field",
      mutate: (p) => delete p.data[1].results[0].num_model_requests,
      record: "page 1 data[1].results[0]",
      field: "num_model_requests",
      reason: /is required/,
    },
    { name: "bad date", mutate: (p) => (p.data[1].start_time = "2025-11-02"), record: "page 1 data[1]", field: "start_time", reason: /unix time/ },
    {
      name: "milliseconds date",
      mutate: (p) => (p.data[0].start_time = 1_761_955_200_000),
      record: "page 1 data[0]",
      field: "start_time",
      reason: /unix time/,
    },
    { name: "end before start", mutate: (p) => (p.data[0].end_time = p.data[0].start_time), record: "page 1 data[0]", field: "end_time", reason: /after/ },
    {
      name: "negative count",
      mutate: (p) => (p.data[1].results[1].output_tokens = -5),
      record: "page 1 data[1].results[1]",
      field: "output_tokens",
      reason: /negative/,
    },
    {
      name: "cached exceeds input",
      mutate: (p) => (p.data[0].results[0].input_cached_tokens = 2_000_000),
      record: "page 1 data[0].results[0]",
      field: "input_cached_tokens",
      reason: /exceed/,
    },
    { name: "results not an array", mutate: (p) => (p.data[0].results = {}), record: "page 1 data[0]", field: "results", reason: /array/ },
    { name: "empty file", text: () => "  \n", reason: /empty/ },
  ],
};

const anthropicSuite: Suite = {
  importer: anthropicUsageImporter,
  golden: "anthropic-usage",
  page: (buckets) => ({
    data: buckets.map((b) => ({
      starting_at: new Date((BASE + b.start * 86_400) * 1000).toISOString(),
      ending_at: new Date((BASE + (b.start + 1) * 86_400) * 1000).toISOString(),
      results: b.results,
    })),
    has_more: false,
    next_page: null,
  }),
  result: fc.record({
    uncached_input_tokens: fc.nat(5_000_000),
    cache_read_input_tokens: fc.nat(5_000_000),
    cache_creation: fc.record({ ephemeral_5m_input_tokens: fc.nat(1_000_000), ephemeral_1h_input_tokens: fc.nat(1_000_000) }),
    output_tokens: fc.nat(1_000_000),
    server_tool_use: fc.option(fc.record({ web_search_requests: fc.nat(100) })),
    model: fc.constantFrom("claude-sonnet-4-20250514", "claude-haiku-4-5-20251001", "claude-opus-4-5-20251101", "claude-sonnet-4-5-20250929", null),
    workspace_id: fc.constantFrom("wrkspc_a", null),
    api_key_id: fc.constantFrom("apikey_a", "apikey_b", null),
    service_tier: fc.constantFrom("standard", "batch", "priority"),
    context_window: fc.constantFrom("0-200k", "200k-1M"),
  }),
  malformed: [
    { name: "truncated file", text: (g) => g.slice(0, Math.floor(g.length * 0.6)), reason: /truncated JSON/, line: true },
    {
      name: "wrong type",
      mutate: (p) => (p.data[0].results[0].cache_read_input_tokens = "200"),
      record: "page 1 data[0].results[0]",
      field: "cache_read_input_tokens",
      reason: /integer/,
    },
    {
      name: "missing field",
      mutate: (p) => delete p.data[0].results[2].cache_creation,
      record: "page 1 data[0].results[2]",
      field: "cache_creation",
      reason: /is required/,
    },
    {
      name: "missing nested field",
      mutate: (p) => delete p.data[0].results[1].cache_creation.ephemeral_1h_input_tokens,
      record: "page 1 data[0].results[1]",
      field: "cache_creation.ephemeral_1h_input_tokens",
      reason: /is required/,
    },
    { name: "bad date", mutate: (p) => (p.data[1].starting_at = "2025-11-02"), record: "page 1 data[1]", field: "starting_at", reason: /RFC 3339/ },
    { name: "end before start", mutate: (p) => (p.data[1].ending_at = "2025-11-01T00:00:00Z"), record: "page 1 data[1]", field: "ending_at", reason: /after/ },
    {
      name: "negative count",
      mutate: (p) => (p.data[1].results[0].output_tokens = -1),
      record: "page 1 data[1].results[0]",
      field: "output_tokens",
      reason: /negative/,
    },
    {
      name: "fractional count",
      mutate: (p) => (p.data[0].results[0].output_tokens = 1.5),
      record: "page 1 data[0].results[0]",
      field: "output_tokens",
      reason: /integer/,
    },
    { name: "data missing", mutate: (p) => delete p.data, record: "page 1", field: "data", reason: /array/ },
    { name: "empty file", text: () => "", reason: /empty/ },
  ],
};

const SUITES: Suite[] = [openaiSuite, anthropicSuite];

it("every registered importer has a conformance suite and golden files", () => {
  const here = import.meta.dirname;
  for (const importer of IMPORTERS) {
    const file = importer.source === "csv" ? "generic-csv" : importer.source;
    const own = existsSync(join(here, `${file}.test.ts`)) && readFileSync(join(here, `${file}.test.ts`), "utf8").includes("describeImporter(");
    const inline = SUITES.some((s) => s.importer.source === importer.source);
    expect(own || inline, `${importer.source} has no conformance suite`).toBe(true);
    expect(
      readdirSync(join(TEST_DATA, importer.source)).some((f) => f.endsWith(".expected.json")),
      `${importer.source} has no golden files`,
    ).toBe(true);
  }
});

for (const suite of SUITES) {
  const { importer } = suite;
  const dir = join(TEST_DATA, suite.golden);
  const goldens = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"));
  const firstGolden = readFileSync(join(dir, goldens[0] ?? ""), "utf8");

  describe(`importer ${importer.source}`, () => {
    it("has golden files", () => expect(goldens.length).toBeGreaterThan(0));

    for (const file of goldens) {
      const text = readFileSync(join(dir, file), "utf8");
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.json$/, ".expected.json")), "utf8"));

      it(`${file}: hand-computed totals`, async () => {
        const records = await importText(importer, text, { fileName: file });
        const { _comment, days, hours, ...totals } = expected;
        expect(totalsJson(totalsOf(records))).toEqual(totals);
        expect([...new Set(records.map((r) => r.day))].sort()).toEqual(days);
        expect([...new Set(records.map((r) => r.hour))].sort()).toEqual(hours);
        for (const r of records) {
          expect(UsageRecordSchema.parse(r)).toEqual(r);
          expect(r.source).toBe(importer.source);
          expect(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/"(key|apikey)_[A-Za-z0-9]/);
        }
        expect(new Set(records.map((r) => r.recordKey)).size).toBe(records.length);
      });

      it(`${file}: detected by content, by this importer only`, async () => {
        const { sample } = await openByteSource(bytesSource("export.json", new TextEncoder().encode(text)));
        expect(IMPORTERS.filter((i) => i.detect(sample)).map((i) => i.source)).toEqual([importer.source]);
      });

      it(`${file}: same records as one page, an array of pages, JSONL, and in any chunking`, async () => {
        const parsed = JSON.parse(text);
        const pages: Json[] = Array.isArray(parsed) ? parsed : [parsed];
        const base = await importText(importer, text);
        const jsonl = pages.map((p) => JSON.stringify(p)).join("\n");
        expect(await importText(importer, `${jsonl}\n`)).toEqual(base);
        expect(await importText(importer, JSON.stringify(pages, null, 1))).toEqual(base);
        await fc.assert(
          fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
            expect(await importText(importer, text, { chunkSizes: sizes })).toEqual(base);
          }),
          { numRuns: 25 },
        );
      });

      it(`${file}: re-import gives the same record keys`, async () => {
        const a = await importText(importer, text);
        const b = await importText(importer, text);
        expect(b.map((r) => r.recordKey)).toEqual(a.map((r) => r.recordKey));
      });
    }

    for (const c of suite.malformed) {
      it(`rejects ${c.name} with nothing yielded`, async () => {
        let text: string;
        if (c.text) text = c.text(firstGolden);
        else {
          const page = JSON.parse(firstGolden);
          c.mutate?.(Array.isArray(page) ? page[0] : page);
          text = JSON.stringify(page, null, 2);
        }
        const { error, yielded } = await importFailure(importer, text);
        expect(yielded).toBe(0);
        expect(error).toBeInstanceOf(SpendImportError);
        const e = error as SpendImportError;
        expect(e.code).toBe("validation");
        expect(e.file).toBe("bad.json");
        expect(e.reason).toMatch(c.reason);
        if (c.record !== undefined) expect(e.record).toBe(c.record);
        if (c.field !== undefined) expect(e.field).toBe(c.field);
        if (c.line) expect(e.line).toBeGreaterThan(0);
        expect(e.message).toContain("bad.json");
      });
    }

    it("names the line of a bad JSONL page", async () => {
      const page = JSON.stringify(JSON.parse(firstGolden));
      const { error, yielded } = await importFailure(importer, `${page}\n${page.slice(0, 40)}\n${page}\n`);
      expect(yielded).toBe(0);
      expect((error as SpendImportError).line).toBe(2);
    });

    it("names the page of a bad page in JSONL", async () => {
      const good = JSON.parse(firstGolden);
      const bad = { data: "nope" };
      const { error } = await importFailure(importer, [good, good, bad].map((p) => JSON.stringify(p)).join("\n"));
      expect(error).toMatchObject({ line: 3, record: "page 3", field: "data" });
    });

    const buckets = fc.array(fc.record({ start: fc.nat(47), results: fc.array(suite.result, { maxLength: 5 }) }), { minLength: 1, maxLength: 6 });

    it("property: totals are invariant under record order", async () => {
      await fc.assert(
        fc.asyncProperty(buckets, fc.nat(), async (bs, seed) => {
          const shuffled = [...bs]
            .reverse()
            .map((b, i) => ({ ...b, results: [...b.results].sort(() => ((seed + i) % 3) - 1) }))
            .sort((a, b) => ((seed % 2) * 2 - 1) * (a.start - b.start));
          const a = await importText(importer, JSON.stringify(suite.page(bs)));
          const b = await importText(importer, JSON.stringify(suite.page(shuffled)));
          expect(totalsOf(b)).toEqual(totalsOf(a));
          expect(b.map((r) => r.recordKey).sort()).toEqual(a.map((r) => r.recordKey).sort());
        }),
        { numRuns: 40 },
      );
    });

    it("property: totals are invariant under splitting a file into two", async () => {
      await fc.assert(
        fc.asyncProperty(buckets, fc.nat(), async (bs, at) => {
          const pairs = bs.flatMap((b) => b.results.map((r: Json) => ({ start: b.start, results: [r] })));
          const k = pairs.length === 0 ? 0 : at % (pairs.length + 1);
          const whole = await importText(importer, JSON.stringify(suite.page(bs)));
          const first = await importText(importer, JSON.stringify(suite.page(pairs.slice(0, k))));
          const second = await importText(importer, JSON.stringify([suite.page(pairs.slice(k))]));
          expect(addTotals(totalsOf(first), totalsOf(second))).toEqual(totalsOf(whole));
          expect([...first, ...second].map((r) => r.recordKey).sort()).toEqual(whole.map((r) => r.recordKey).sort());
        }),
        { numRuns: 40 },
      );
    });
  });
}

describe("money sums", () => {
  it("no rounding drift over a million records (bigint micro-units)", async () => {
    const [one] = await importText(openaiUsageImporter, readFileSync(join(TEST_DATA, "openai-usage", "daily-by-model.json"), "utf8"));
    if (!one) throw new Error("golden file yielded nothing");
    const n = 1_000_000;
    const records = function* () {
      for (let i = 0; i < n; i++) yield { ...one, listCostMicros: BigInt(i % 1000) * 100_003n + 1n };
    };
    // Σ (i mod 1000) over 1,000,000 = 1000 × (0 + … + 999) = 499,500,000; × 100,003 + n × 1.
    const expected = 499_500_000n * 100_003n + BigInt(n);
    expect(totalsOf(records()).listCostMicros).toBe(expected);
    // The same sum in binary-float dollars drifts.
    let dollars = 0;
    for (let i = 0; i < n; i++) dollars += ((i % 1000) * 100_003 + 1) / 1e6;
    expect(Math.round(dollars * 1e6)).not.toBe(Number(expected));
  });
});
