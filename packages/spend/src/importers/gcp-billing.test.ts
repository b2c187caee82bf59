import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collect, describeImporter, importText, type Json, TEST_DATA } from "../../test-support/conformance.js";
import { cells, csvCell } from "../../test-support/csv-edit.js";
import type { ImportInput } from "../input.js";
import { gcpBillingImporter } from "./gcp-billing.js";
import { parseGeminiSku } from "./sku-parse.js";

const JSONL = readFileSync(join(TEST_DATA, "gcp-billing", "hourly-vertex-and-gemini-api.jsonl"), "utf8");
const CSV = readFileSync(join(TEST_DATA, "gcp-billing", "query-results-flattened.csv"), "utf8");

/** The JSONL golden with row `index` (0-based) changed by `edit`. */
function editJsonl(index: number, edit: (row: Json) => void): string {
  const rows = JSONL.trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  edit(rows[index]);
  return `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
}

const csvLine = (vs: string[]) => vs.map(csvCell).join(",");

/** The CSV golden with `column` of data row `index` (0-based) set, or the column dropped when value is undefined. */
function editCsv(index: number, column: string, value: string | undefined): string {
  const lines = CSV.trim().split("\n").map(cells);
  const header = lines[0] ?? [];
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  if (value === undefined) return `${lines.map((l) => csvLine(l.filter((_, i) => i !== col))).join("\n")}\n`;
  const row = lines[index + 1];
  if (row) row[col] = value;
  return `${lines.map(csvLine).join("\n")}\n`;
}

/** Flattens one nested export row into the dotted CSV columns of a query export. */
function flatRow(r: Json): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, o: Json) => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (Array.isArray(v)) out[key] = JSON.stringify(v);
      else if (v !== null && typeof v === "object") walk(key, v);
      else out[key] = v === null ? "" : String(v);
    }
  };
  walk("", r);
  return out;
}

const HOURS = ["2025-11-03 14:00:00 UTC", "2025-11-03 15:00:00 UTC", "2025-11-03 16:00:00 UTC", "2025-11-04 02:00:00 UTC", "2025-11-04 03:00:00 UTC"];
const SKUS: [string, string, string][] = [
  ["Vertex AI", "A121-E2B5-1418", "Gemini 2.5 Pro Text Input - Predictions"],
  ["Vertex AI", "F5AB-3B1C-8E42", "Gemini 2.5 Pro Text Output - Predictions"],
  ["Vertex AI", "B6D0-4F18-93C2", "Gemini 2.5 Flash GA Input Text Caching"],
  ["Vertex AI", "C2F9-77A4-0B5E", "Gemini 2.5 Flash GA Input Text Caching Storage"],
  ["Generative Language API", "981A-C057-0BF9", "Generate content input token count gemini 2.5 flash short input text"],
  ["Generative Language API", "D7A5-90E1-3B28", "Grounding with Google Search"],
  ["Compute Engine", "CF4E-A0C7-E3BF", "N2 Instance Core running in Americas"],
];

const propertyRow = fc
  .record({
    sku: fc.constantFrom(...SKUS),
    hour: fc.nat(HOURS.length - 2),
    amount: fc.nat(5_000_000),
    costMicros: fc.nat(10_000_000),
    creditMicros: fc.nat(3_000_000),
    project: fc.constantFrom("search-prod-417", "gen-lang-client-0412345678", null),
    team: fc.constantFrom("search", "ads", null),
    exportSecond: fc.nat(59),
  })
  .map((r) => ({
    billing_account_id: "01A2B3-C4D5E6-F7A8B9",
    service: { id: "svc", description: r.sku[0] },
    sku: { id: r.sku[1], description: r.sku[2] },
    usage_start_time: HOURS[r.hour],
    usage_end_time: HOURS[r.hour + 1] === "2025-11-04 02:00:00 UTC" ? "2025-11-03 17:00:00 UTC" : HOURS[r.hour + 1],
    ...(r.project ? { project: { id: r.project, name: r.project } } : {}),
    labels: r.team ? [{ key: "team", value: r.team }] : [],
    location: { location: "us-central1", region: "us-central1" },
    export_time: `2025-11-04 08:00:${String(r.exportSecond).padStart(2, "0")} UTC`,
    cost: r.costMicros / 1e6,
    currency: "USD",
    usage: { amount: r.amount, unit: r.sku[2].includes("Storage") ? "hour" : "count" },
    credits: r.creditMicros > 0 ? [{ name: "Promo", amount: -r.creditMicros / 1e6, type: "PROMOTION" }] : [],
    invoice: { month: "202511" },
    cost_type: "regular",
  }));

describeImporter({
  importer: gcpBillingImporter,
  dir: "gcp-billing",
  property: { build: (rows) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`, row: propertyRow },
  malformed: [
    {
      name: "truncated file",
      input: () => {
        const lines = JSONL.split("\n");
        return `${lines.slice(0, 4).join("\n")}\n${(lines[4] ?? "").slice(0, 150)}`;
      },
      line: 5,
      reason: /truncated JSON/,
    },
    {
      name: "missing usage_start_time",
      input: () => editJsonl(0, (r) => delete r.usage_start_time),
      line: 1,
      field: "usage_start_time",
      reason: /is required/,
    },
    { name: "cost of the wrong type", input: () => editJsonl(1, (r) => (r.cost = "n/a")), line: 2, field: "cost", reason: /decimal amount/ },
    {
      name: "usage amount of the wrong type",
      input: () => editJsonl(2, (r) => (r.usage.amount = true)),
      line: 3,
      field: "usage.amount",
      reason: /must be a number/,
    },
    {
      name: "bad timestamp",
      input: () => editJsonl(3, (r) => (r.usage_start_time = "2025-11-03 25:00:00 UTC")),
      line: 4,
      field: "usage_start_time",
      reason: /date-time/,
    },
    {
      name: "end before start",
      input: () => editJsonl(0, (r) => (r.usage_end_time = r.usage_start_time)),
      line: 1,
      field: "usage_end_time",
      reason: /after usage_start_time/,
    },
    {
      name: "negative usage amount",
      input: () => editJsonl(4, (r) => (r.usage.amount = -2000000)),
      line: 5,
      field: "usage.amount",
      reason: /negative/,
    },
    { name: "credits not a list", input: () => editJsonl(0, (r) => (r.credits = { amount: -1 })), line: 1, field: "credits", reason: /list of credits/ },
    {
      name: "credit amount of the wrong type",
      input: () => editJsonl(1, (r) => (r.credits[0].amount = "minus two")),
      line: 2,
      field: "credits",
      reason: /amount must be a decimal/,
    },
    { name: "bad currency", input: () => editJsonl(0, (r) => (r.currency = "US$")), line: 1, field: "currency", reason: /currency code/ },
    { name: "CSV missing column", input: () => editCsv(0, "usage.amount", undefined), line: 1, field: "usage.amount", reason: /missing column/ },
    { name: "truncated CSV", input: () => CSV.slice(0, CSV.indexOf('"[{""key"":""app""') + 12), line: true, reason: /truncated/ },
    { name: "CSV labels not JSON", input: () => editCsv(1, "labels", "team=ads"), line: 3, field: "labels", reason: /valid JSON/ },
    { name: "CSV cost not a number", input: () => editCsv(3, "cost", "0.15 USD"), line: 5, field: "cost", reason: /decimal amount/ },
  ],
});

describe("gcp-billing specifics", () => {
  it("parses the SKU description forms of Vertex AI and the Gemini API", () => {
    const p = (s: string) => {
      const r = parseGeminiSku(s);
      return r && { model: r.model, kind: r.kind, long: r.longContext, tier: r.tier, thinking: r.thinking, modality: r.modality };
    };
    expect(p("Gemini 2.5 Pro Online Prediction Input (text, image, video ≤ 200k tokens)")).toMatchObject({
      model: "gemini-2.5-pro",
      kind: "input",
      long: false,
    });
    expect(p("Gemini 2.5 Pro Online Prediction Input (text, image, video > 200k tokens)")).toMatchObject({ long: true });
    expect(p("Gemini 2.5 Flash Batch Prediction Output")).toMatchObject({ model: "gemini-2.5-flash", kind: "output", tier: "batch" });
    expect(p("Gemini 2.0 Flash Cached Input Text")).toMatchObject({ model: "gemini-2.0-flash", kind: "cache_read" });
    expect(p("Gemini 2.5 Flash GA Input Text Caching (Long)")).toMatchObject({ kind: "cache_read", long: true });
    expect(p("Gemini 3 Flash Text Input Caching Storage")).toMatchObject({ model: "gemini-3-flash", kind: "storage" });
    expect(p("Gemini 2.5 Pro Thinking Text Output - Predictions")).toMatchObject({ kind: "output", thinking: true });
    expect(p("Gemini 2.5 Flash Text Output (Thinking On) - Batch Predictions")).toMatchObject({ kind: "output", thinking: false, tier: "batch" });
    // "short input" is the context tier of an output SKU, not its direction.
    expect(p("Generate content output token count gemini 2.5 flash short input text")).toMatchObject({ kind: "output", long: false });
    expect(p("Generate content output token count gemini 2.5 flash lite short output text non-thinking")).toMatchObject({
      model: "gemini-2.5-flash-lite",
      thinking: false,
    });
    expect(p("Generate content input token count Gemini 2.5 Pro long input text")).toMatchObject({ long: true });
    expect(p("Generate_content text cached input token count for gemini 3 pro short")).toMatchObject({ model: "gemini-3-pro", kind: "cache_read" });
    expect(p("Generate content input token count gemini 3.1 flash lite preview text")).toMatchObject({ model: "gemini-3.1-flash-lite-preview" });
    expect(p("GenerateContent audio input token count for Gemini 2.0 Flash")).toMatchObject({ kind: "input", modality: "audio" });
    expect(p("EmbedContent input token count for gemini-embedding-001")).toMatchObject({ model: "gemini-embedding-001", kind: "input" });
    expect(p("Gemini 1.5 Flash-8B Text Input - Predictions")).toMatchObject({ model: "gemini-1.5-flash-8b" });
    expect(p("Grounding with Google Search")).toBeNull();
    expect(p("N2 Instance Core running in Americas")).toBeNull();
  });

  it("maps a nested row: buckets, tags, project, net cost and a derived request id", async () => {
    const records = await importText(gcpBillingImporter, JSONL);
    const [first] = records;
    expect(first).toMatchObject({
      provider: "google",
      model: "gemini-2.5-pro",
      modelReported: "gemini-2.5-pro",
      projectId: "search-prod-417",
      periodStart: "2025-11-03T14:00:00.000Z",
      periodEnd: "2025-11-03T15:00:00.000Z",
      hour: 14,
      tags: { "label:env": "prod", "label:team": "search", region: "us-central1" },
      uncachedInput: 1_200_000,
      billedCostMicros: 1_000_000n,
      listCostMicros: 1_500_000n,
      currency: "USD",
    });
    expect(first?.requestId).toMatch(/^[0-9a-f]{64}$/);
    // Credits larger than the cost bill nothing, never a negative amount.
    expect(records[1]).toMatchObject({ output: 300_000, billedCostMicros: 0n });
    const storage = records.find(
      (r) => r.tags["label:team"] === "search" && r.uncachedInput + r.cacheRead + r.output === 0 && r.billedCostMicros === 2_000_000n,
    );
    expect(storage).toMatchObject({ model: "gemini-2.5-flash", listCostMicros: null });
    const chars = records.find((r) => r.modelReported === "gemini-1.0-pro");
    expect(chars).toMatchObject({ uncachedInput: 0, billedCostMicros: 62_500n, listCostMicros: null });
    const grounding = records.find((r) => r.webSearches > 0);
    expect(grounding).toMatchObject({ model: "unknown", modelReported: null, webSearches: 40, billedCostMicros: 1_400_000n });
  });

  it("gives the same records for the nested JSONL row and its flattened CSV form", async () => {
    const rows = JSONL.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const flat = rows.map(flatRow);
    const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))].reverse();
    const csv = `${[columns.join(","), ...flat.map((r) => csvLine(columns.map((c) => r[c] ?? "")))].join("\n")}\n`;
    expect(await importText(gcpBillingImporter, csv)).toEqual(await importText(gcpBillingImporter, JSONL));
  });

  it("re-exported rows dedupe (same request ids); changed content does not", async () => {
    const a = await importText(gcpBillingImporter, JSONL);
    const reordered = `${JSONL.trim().split("\n").reverse().join("\n")}\n`;
    const b = await importText(gcpBillingImporter, reordered);
    expect(b.map((r) => r.requestId).sort()).toEqual(a.map((r) => r.requestId).sort());
    const later = await importText(
      gcpBillingImporter,
      editJsonl(0, (r) => (r.export_time = "2025-11-03 21:00:00 UTC")),
    );
    expect(later[0]?.requestId).not.toBe(a[0]?.requestId);
    expect(later[1]?.requestId).toBe(a[1]?.requestId);
  });

  it("accepts RFC 3339 timestamps, a JSON array, and Parquet rows with nested structs and Dates", async () => {
    const rows = JSONL.trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .slice(0, 3);
    const base = await importText(gcpBillingImporter, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const rfc = rows.map((r) => ({ ...r, usage_start_time: "2025-11-03T14:00:00Z", usage_end_time: "2025-11-03T07:00:00-08:00" }));
    expect(await importText(gcpBillingImporter, JSON.stringify(rfc))).toEqual(base);
    const typed = rows.map((r) => ({
      ...r,
      usage_start_time: new Date("2025-11-03T14:00:00Z"),
      usage_end_time: new Date("2025-11-03T15:00:00Z"),
      export_time: new Date(Date.parse(r.export_time.replace(" UTC", "Z").replace(" ", "T"))),
    }));
    const parquet: ImportInput = {
      fileName: "export.parquet",
      container: "parquet",
      text: () => {
        throw new Error("not text");
      },
      async *rows() {
        let index = 0;
        for (const values of typed) yield { index: ++index, line: undefined, values };
      },
    };
    expect(await collect(gcpBillingImporter, parquet)).toEqual(base);
  });

  it("skips other services, adjustments and non-Gemini Vertex AI SKUs", async () => {
    const text = editJsonl(0, (r) => (r.sku.description = "Custom Training N1 Predefined Instance Core"));
    const records = await importText(gcpBillingImporter, text);
    expect(records).toHaveLength(11);
    expect(
      await importText(
        gcpBillingImporter,
        editJsonl(0, (r) => (r.cost_type = "tax")),
      ),
    ).toHaveLength(11);
    expect(
      await importText(
        gcpBillingImporter,
        editJsonl(0, (r) => (r.service.description = "Cloud Run")),
      ),
    ).toHaveLength(11);
  });
});
