/**
 * Parsers for the free-text SKU and meter strings of cloud bills (Google Cloud Billing SKU
 * descriptions, FOCUS `SkuMeter` / `ChargeDescription`, Azure meter names) and for unit strings.
 * Cloud bills carry the model, the token type, the service tier and the context tier only in these
 * strings, so the importers read them here. Every parser is total: an unknown string gives
 * `null` fields, never an exception.
 */
import { divRoundHalfEven } from "../decimal.js";
import type { ImportInput, SourceRow } from "../input.js";
import type { ServiceTier } from "../record.js";
import { parseDecimal, type RowFields } from "./row-fields.js";

/** The kind of tokens a bill line meters (`storage` is cache storage, token-hours, not tokens). */
export type TokenKind = "input" | "cache_read" | "cache_write" | "output" | "reasoning";

/** What a SKU or meter string says about the line. */
export interface SkuInfo {
  /** A model id in catalog style (`gemini-2.5-pro`, `gpt-4o-mini`), or null when none is named. */
  model: string | null;
  /** A four-digit `MMDD` model version (Azure meters: `gpt 4o 0513`), when present. */
  version: string | null;
  /** The token type, `storage` for cache storage, or null when the string names none. */
  kind: TokenKind | "storage" | null;
  /** Cache TTL of a cache-write line, when the string states it. */
  cacheTtl: "5m" | "1h" | null;
  modality: "text" | "image" | "video" | "audio" | null;
  /** True for the long-context (above 128k/200k tokens) rate. */
  longContext: boolean;
  tier: ServiceTier;
  /** True for a dedicated thinking-token output SKU (its tokens are reasoning tokens). */
  thinking: boolean;
}

function tierOf(lower: string): ServiceTier {
  if (/\bbatch\b/.test(lower)) return "batch";
  if (/\bflex\b/.test(lower)) return "flex";
  if (/\bpriority\b/.test(lower)) return "priority";
  return "standard";
}

/** Long context: `(Long)`, `long input`, `> 200k`, `>= 128K`; never `≤ 200k` or `short`. */
function isLong(lower: string): boolean {
  return /\(long\)|\blong\b|>\s*=?\s*\d+\s*k\b/.test(lower);
}

function modalityOf(lower: string): SkuInfo["modality"] {
  const m = /\b(text|image|video|audio)\b/.exec(lower);
  return (m?.[1] as SkuInfo["modality"]) ?? null;
}

const GEMINI_EMBEDDING = /\b(gemini-embedding-[\w.]+|text-(?:multilingual-)?embedding-[\w.]+)/i;
const GEMINI = /\bgemini[\s_-]*(\d+(?:\.\d+)?)?[\s_-]*(pro|flash|ultra|nano)\b(?:[\s_-]*(lite|8b)\b)?(?:[\s_-]*(preview)\b)?/i;

/**
 * A Google Cloud Billing SKU description of a Gemini model, in any of the forms Google uses:
 * - Vertex AI: `Gemini 2.5 Flash GA Text Input - Predictions`, `Gemini 2.5 Pro Thinking Text Output
 *   - Predictions`, `Gemini 2.5 Flash GA Input Text Caching (Long)`, `Gemini 2.0 Flash Text Input
 *   (Long) - Predictions`, `Gemini 2.5 Flash Text Output (Thinking On) - Batch Predictions`,
 *   `Gemini 3 Flash Text Input Caching Storage`, `Gemini 2.5 Pro Online Prediction Input (text,
 *   image, video ≤ 200k tokens)`, `Gemini 2.0 Flash Cached Input Text`;
 * - Gemini API (service "Generative Language API" / "Gemini API"): `Generate content input token
 *   count Gemini 2.5 Pro short input text`, `Generate content output token count gemini 2.5 flash
 *   short output text non-thinking`, `Generate content cached input token count gemini 2.5 pro short
 *   input`, `GenerateContent text input token count for Gemini 2.0 Flash`, `Generate_content text
 *   cached input token count for gemini 3 pro short`, `EmbedContent input token count for
 *   gemini-embedding-001`.
 * Returns null when the description names no Gemini model.
 *
 * The direction is the first of input/output in the string (`… output token count … short input
 * text` is output: "short input" is the context tier); any caching SKU is a cache read (Gemini has
 * no cache-write premium: writes bill as input) unless it is cache storage.
 */
export function parseGeminiSku(description: string): SkuInfo | null {
  const lower = description.toLowerCase();
  let model: string | null = null;
  const emb = GEMINI_EMBEDDING.exec(description);
  if (emb?.[1]) model = emb[1].toLowerCase();
  else {
    const m = GEMINI.exec(description);
    if (!m) return null;
    const [, ver, family, variant, preview] = m;
    model = ["gemini", ver, family, variant, preview]
      .filter((p): p is string => p !== undefined)
      .join("-")
      .toLowerCase();
  }
  let kind: SkuInfo["kind"] = null;
  if (/\bstorage\b/.test(lower)) kind = "storage";
  else if (/\bcach(e|ed|ing)\b/.test(lower)) kind = "cache_read";
  else {
    const d = /\b(input|output)\b/.exec(lower);
    if (d) kind = d[1] === "input" ? "input" : "output";
  }
  const thinking = kind === "output" && /\bthinking\s+(text\s+)?output\b/.test(lower) && !/non-thinking/.test(lower);
  return {
    model,
    version: null,
    kind,
    cacheTtl: null,
    modality: modalityOf(lower),
    longContext: isLong(lower),
    tier: tierOf(lower),
    thinking,
  };
}

/** Words of a meter name that describe the line, not the model (Azure meter abbreviations included). */
const METER_NOISE = new Set([
  "inp",
  "input",
  "inpt",
  "in",
  "outp",
  "output",
  "outpt",
  "out",
  "opt",
  "cached",
  "cache",
  "cchd",
  "caching",
  "read",
  "write",
  "creation",
  "reasoning",
  "glbl",
  "global",
  "gl",
  "regnl",
  "regional",
  "rgnl",
  "dzone",
  "dz",
  "data",
  "zone",
  "batch",
  "flex",
  "priority",
  "standard",
  "ptu",
  "tokens",
  "token",
  "count",
  "txt",
  "aud",
  "img",
  "1k",
  "1m",
  "5m",
  "1h",
  "on",
  "demand",
  "ondemand",
  "units",
  "unit",
  "storage",
  "context",
  "hours",
]);

/**
 * A generic meter string (FOCUS `SkuMeter`, Azure meter names such as `gpt-4o-mini-0718-Inp-glbl
 * Tokens`, `gpt 4o 0513 Input global Tokens`, `gpt 4.1 mini cached Inp glbl Tokens`, `GPT 5 Inpt
 * Glbl`, FOCUS examples such as `Cache Write Input Tokens`, AWS usage types such as
 * `USE1-Claude4.6Sonnet-cache-read-input-token-count`). The model is what remains after the
 * direction, deployment and unit words are removed (null when nothing remains); a four-digit
 * `MMDD` word is returned as the version.
 */
export function parseMeter(meter: string): SkuInfo {
  const lower = meter.toLowerCase();
  let kind: SkuInfo["kind"] = null;
  let cacheTtl: SkuInfo["cacheTtl"] = null;
  if (/\bstorage\b|token[\s-]*hours?/.test(lower)) kind = "storage";
  else if (/cache[\s_-]*(write|creation)|\bcchd?[\s_-]*wr/.test(lower)) {
    kind = "cache_write";
    cacheTtl = /\b1[\s_-]*h(ou)?r?\b/.test(lower) ? "1h" : /\b5[\s_-]*m(in)?\b/.test(lower) ? "5m" : null;
  } else if (/cache[\s_-]*read|\bcached\b|\bcchd\b|\bcache\b|\bcaching\b/.test(lower)) kind = "cache_read";
  else if (/\breasoning\b/.test(lower)) kind = "reasoning";
  else {
    const d = /\b(input|inpt|inp|in|output|outpt|outp|opt|out)\b/.exec(lower);
    if (d?.[1]) kind = d[1].startsWith("i") ? "input" : "output";
  }
  const words = lower
    .replace(/\(.*?\)/g, " ")
    .split(/[\s_-]+/)
    .filter((w) => w !== "");
  // AWS usage types start with a region code (USE1, USW2, EUC1, APN1).
  if (words.length > 1 && /^[a-z]{3}\d$/.test(words[0] ?? "")) words.shift();
  let version: string | null = null;
  const kept: string[] = [];
  for (const w of words) {
    if (METER_NOISE.has(w)) continue;
    if (/^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(w) && kept.length > 0 && version === null) {
      version = w;
      continue;
    }
    kept.push(w);
  }
  const model = kept.length > 0 ? kept.join("-") : null;
  return { model, version, kind, cacheTtl, modality: modalityOf(lower), longContext: isLong(lower), tier: tierOf(lower), thinking: false };
}

/** A unit string: whether it counts tokens, and how many units one unit of quantity is. */
export interface UnitInfo {
  /** True when the unit names tokens; false for a generic count (`Units`, `count`, `requests`, `1K`). */
  tokens: boolean;
  /** Units per quantity unit as an exact decimal (`1000 Tokens` → 1000, `1M Tokens` → 1,000,000). */
  scale: { digits: bigint; scale: number };
}

const MULTIPLIERS: Record<string, bigint> = { k: 1000n, thousand: 1000n, m: 1_000_000n, million: 1_000_000n, b: 1_000_000_000n, billion: 1_000_000_000n };

/**
 * Parses a FOCUS / cloud unit such as `Tokens`, `1000 Tokens`, `1000000 Tokens`, `1K Tokens`,
 * `1M Tokens`, `1 Million Tokens`, `Units`, `count`, `requests`, `1K`, `1M`. Returns null for
 * anything else (hours, token-hours, characters, images, GB…).
 */
export function parseUnit(unit: string | null): UnitInfo | null {
  if (unit === null) return null;
  const m = /^\s*(?:(\d+(?:\.\d+)?)\s*(k|m|b|thousand|million|billion)?)?\s*(tokens?|units?|count|counts|requests?)?\s*$/i.exec(unit);
  if (!m || (m[1] === undefined && m[3] === undefined)) return null;
  const num = parseDecimal(m[1] ?? "1");
  if (!num || num.digits <= 0n) return null;
  const mult = MULTIPLIERS[(m[2] ?? "").toLowerCase()] ?? 1n;
  return { tokens: /^tokens?$/i.test(m[3] ?? ""), scale: { digits: num.digits * mult, scale: num.scale } };
}

/** `quantity × scale` as whole tokens, rounded half-even (billing exports store FLOAT/decimal quantities). */
export function scaledCount(quantity: { digits: bigint; scale: number }, unit: UnitInfo["scale"]): bigint {
  return divRoundHalfEven(quantity.digits * unit.digits, 10n ** BigInt(quantity.scale + unit.scale));
}

/** A decimal as its shortest canonical text (`1.50` → `1.5`, `1e3` → `1000`), for stable row ids. */
export function canonicalDecimal(d: { digits: bigint; scale: number }): string {
  let { digits, scale } = d;
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  const negative = digits < 0n;
  const abs = (negative ? -digits : digits).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? abs : `${abs.slice(0, abs.length - scale)}.${abs.slice(abs.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** What {@link resolveModel} needs of the pricer. */
interface CatalogLookup {
  catalogModel(provider: string, model: string, at: Date): string | null;
}

/**
 * The model id to report for a model parsed from a SKU or meter, using the catalog to pick among
 * spellings: a meter's `MMDD` version becomes a dated id (`gpt-4o` + `0513` → `gpt-4o-2024-05-13`)
 * when the catalog has exactly that dated model (tried for 2023–2026; otherwise the undated id,
 * since the year is not in the meter), and a GA name the catalog only knows as a preview
 * (`gemini-3-pro` → `gemini-3-pro-preview`) gets the `-preview` suffix. Otherwise the parsed id.
 */
export function resolveModel(pricer: CatalogLookup, provider: string, model: string, version: string | null, at: Date): string {
  if (version !== null) {
    for (const year of ["2026", "2025", "2024", "2023"]) {
      const dated = `${model}-${year}-${version.slice(0, 2)}-${version.slice(2)}`;
      if (pricer.catalogModel(provider, dated, at) === dated) return dated;
    }
  }
  if (pricer.catalogModel(provider, model, at) !== null) return model;
  const preview = `${model}-preview`;
  if (!model.endsWith("-preview") && pricer.catalogModel(provider, preview, at) !== null) return preview;
  return model;
}

// Row helpers shared by the cloud-bill importers (gcp-billing, focus).

const MAX_COUNT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A timestamp as ISO 8601 UTC: RFC 3339, a Date (Parquet), BigQuery's `2025-11-03 14:00:00 UTC`,
 * or a zone-less date-time, read as UTC (BigQuery TIMESTAMPs and FOCUS date-times are UTC).
 * Note: rewrites a ` UTC` suffix to `Z` in the row's values (callers pass a copy).
 */
export function timestamp(f: RowFields, col: string, required = true): string | null {
  const v = f.raw(col);
  if (typeof v === "string") {
    const m = /^(.*\d)\s*UTC$/i.exec(v.trim());
    if (m) f.row.values[col] = `${m[1]}Z`;
  }
  return f.instant(col, { naiveIsUtc: true, required });
}

/** A required ISO 4217 currency code, upper-cased. */
export function currencyOf(f: RowFields, col: string): string {
  const c = f.reqStr(col).trim();
  if (!/^[A-Za-z]{3}$/.test(c)) f.fail(col, "must be a three-letter currency code such as USD");
  return c.toUpperCase();
}

/** A bigint count as a safe integer. */
export function toCount(f: RowFields, col: string, n: bigint): number {
  if (n > MAX_COUNT) f.fail(col, "is too large");
  return Number(n);
}

/**
 * The rows of a tabular input. A JSONL export with a single row is sniffed as one JSON document,
 * which `input.rows()` rejects (it wants an array); such a lone row object is read as one row.
 */
export async function* tableRows(input: ImportInput): AsyncIterable<SourceRow> {
  if (input.container === "json") {
    const parts: string[] = [];
    for await (const c of input.text()) parts.push(c);
    let doc: unknown;
    try {
      doc = JSON.parse(parts.join("").replace(/^\uFEFF/, ""));
    } catch {
      doc = undefined;
    }
    if (typeof doc === "object" && doc !== null && !Array.isArray(doc) && !Array.isArray((doc as { data?: unknown }).data)) {
      yield { index: 1, line: 1, values: doc as Record<string, unknown> };
      return;
    }
  }
  yield* input.rows();
}
