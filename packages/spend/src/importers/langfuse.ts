/**
 * Langfuse observations: pages of the public API (`GET /api/public/observations` and
 * `/api/public/v2/observations`: `{data:[…], meta:{…}}`), JSON arrays or JSONL of observations,
 * and CSV exports (JSON objects in cells).
 *
 * One record per GENERATION observation that carries usage or cost; SPAN and EVENT (and any other
 * observation type) are skipped. `requestId` is the observation `id`, the period is the UTC hour
 * containing `startTime`.
 *
 * Token buckets. Langfuse stores `usageDetails` as ingested, with one convention: usage types are
 * disjoint parts and `total` is their sum. Its OpenAI usage mapping (Completions and Responses
 * schemas) moves every `prompt_tokens_details` / `completion_tokens_details` key out of `input` /
 * `output` (`input = prompt_tokens − cached_tokens − audio_tokens`, `output = completion_tokens −
 * reasoning_tokens − …`, keys flattened as `input_cached_tokens`, `output_reasoning_tokens`, …;
 * langfuse/langfuse packages/shared ingestion types), and Anthropic-style keys
 * (`cache_read_input_tokens`, `cache_creation_input_tokens`) are disjoint from Anthropic's
 * `input_tokens` already; Langfuse's docs say a missing `total` "is derived from input +
 * cache_read_input_tokens + output". So by default:
 *   uncachedInput = input + other input-side keys (e.g. input_audio_tokens)
 *   cacheRead     = keys containing `cache_read` or `cached`
 *   cacheWrite    = keys containing `cache_creation` / `cache_write` (1h when the key says `1h`);
 *                   Anthropic `ephemeral_5m/1h` keys, when present, split the generic creation key
 *   output        = output + other output-side keys (reasoning, audio, predictions)
 *   reasoning     = output-side keys containing `reasoning` (of which, inside output)
 * Some SDKs ingest `input` *including* the cached tokens (OpenTelemetry-style). When the
 * observation has a `total` and the parts add up to more than it, the excess tells which parts were
 * double counted (the cache keys, the other output keys, or both) and they are taken as included;
 * otherwise the keys are taken as disjoint. Keys that are neither input- nor output-side (e.g.
 * `image`, `requests`) are ignored. The legacy `usage {input, output}` object is used only when
 * `usageDetails` is absent.
 *
 * Money: `costDetails.total` (USD) is the billed cost — a Langfuse-computed or ingested estimate,
 * not a provider bill, but the figure the source states. Without `total`, the sum of the other
 * cost keys; without any, `totalCost` (v2 API) or the deprecated `calculatedTotalCost`. Negative
 * costs are rejected (Langfuse has no credits).
 *
 * Provider: Langfuse does not store one. Taken from `metadata.provider` / `metadata.ls_provider`
 * (LangChain) / `metadata["gen_ai.provider.name"]` / `metadata["gen_ai.system"]` when present,
 * else inferred from the model name (see {@link providerFromModel}), else `unknown`.
 * Model: `model` (v1 API) or `providedModelName` (v2 API). Dimensions: `projectId` (the Langfuse
 * project; v2 API), `metadata.team` → team, `userId` (v2 API and trace-joined exports; dropped when
 * it looks like an email), tags `environment`, `prompt` (promptName) and `project`
 * (metadata.project). Inputs, outputs and prompt bodies are never read.
 */
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer, ImportInput } from "../importer.js";
import type { SourceRow } from "../input.js";
import type { UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { moneyToMicros, parseDecimal, RowFields } from "./row-fields.js";

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by the Helicone and generic CSV importers).

const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  openai: "openai",
  "azure.ai.openai": "azure",
  "azure.ai.inference": "azure",
  azure: "azure",
  azure_openai: "azure",
  "azure-openai": "azure",
  azureopenai: "azure",
  anthropic: "anthropic",
  bedrock: "aws",
  aws: "aws",
  "aws.bedrock": "aws",
  amazon_bedrock: "aws",
  "amazon-bedrock": "aws",
  google: "google",
  gemini: "google",
  google_genai: "google",
  google_vertexai: "google",
  vertex: "google",
  vertexai: "google",
  vertex_ai: "google",
  "gcp.gemini": "google",
  "gcp.vertex_ai": "google",
  "gcp.gen_ai": "google",
  mistral: "mistral",
  mistralai: "mistral",
  mistral_ai: "mistral",
  groq: "groq",
  deepseek: "deepseek",
  xai: "x-ai",
  x_ai: "x-ai",
  "x-ai": "x-ai",
  cohere: "cohere",
  together: "together",
  togetherai: "together",
  together_ai: "together",
  fireworks: "fireworks",
  fireworks_ai: "fireworks",
  openrouter: "openrouter",
  perplexity: "perplexity",
};

/**
 * A provider name as the catalog spells it (`OPENAI` → `openai`, `bedrock` → `aws`, `vertex_ai` →
 * `google`, OpenTelemetry `gen_ai.provider.name` values…); null when the name is not a known alias.
 */
export function knownProvider(name: string): string | null {
  return PROVIDER_ALIASES[name.trim().toLowerCase()] ?? null;
}

const BEDROCK_ID = /^(?:(?:us|eu|apac|global|jp|au|us-gov)\.)?(?:anthropic|amazon|meta|cohere|ai21|mistral|deepseek|openai|qwen|writer)\.[a-z0-9]/;
const OPENAI_MODEL =
  /^(?:gpt-|chatgpt|o[1-9](?:$|-)|text-embedding-|text-moderation|omni-moderation|davinci|babbage|whisper|tts-|dall-e|gpt-image|codex|computer-use)/;

/**
 * The provider a model name implies: `gpt-*`, `o1`/`o3`/`o4…`, embeddings, whisper, tts, dall-e →
 * openai; `claude*` → anthropic; `gemini*`, `gemma*` → google; Bedrock model ids
 * (`anthropic.claude…`, `us.anthropic…`, `amazon.nova…`, `meta.llama…`) → aws;
 * `mistral*`/`mixtral*`/`codestral*`/`magistral*`/`ministral*`/`pixtral*` → mistral;
 * `deepseek*` → deepseek; `grok*` → x-ai; `command*` → cohere; a `provider/model` prefix
 * (OpenRouter style) names its provider. Null when nothing matches (e.g. `llama-3…`, served by many).
 */
export function providerFromModel(model: string): string | null {
  const m = model.trim().toLowerCase();
  if (m === "") return null;
  if (BEDROCK_ID.test(m)) return "aws";
  const slash = m.indexOf("/");
  if (slash > 0) {
    const prefix = m.slice(0, slash);
    if (prefix === "models") return providerFromModel(m.slice(slash + 1));
    return knownProvider(prefix) ?? providerFromModel(m.slice(slash + 1));
  }
  if (OPENAI_MODEL.test(m)) return "openai";
  if (m.startsWith("claude")) return "anthropic";
  if (m.startsWith("gemini") || m.startsWith("gemma")) return "google";
  if (/^(?:mistral|mixtral|codestral|magistral|ministral|pixtral|devstral|open-mistral)/.test(m)) return "mistral";
  if (m.startsWith("deepseek")) return "deepseek";
  if (m.startsWith("grok")) return "x-ai";
  if (m.startsWith("command")) return "cohere";
  return null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** True when a value looks like an email address (never stored in records). */
export function looksLikeEmail(s: string): boolean {
  return s.includes("@") && EMAIL.test(s.trim());
}

/** The UTC hour containing an ISO instant, as a one-hour period. */
export function hourPeriod(iso: string): { periodStart: string; periodEnd: string } {
  const ms = Date.parse(iso);
  const start = ms - (((ms % 3_600_000) + 3_600_000) % 3_600_000);
  return { periodStart: new Date(start).toISOString(), periodEnd: new Date(start + 3_600_000).toISOString() };
}

/**
 * Throws when a file that yielded no rows is empty (a header-only CSV is a valid, empty export; a
 * file with nothing in it is more likely a failed or truncated download). Reads the text only then.
 */
export async function rejectEmptyFile(input: ImportInput, ctx: ImportContext): Promise<void> {
  if (input.container === "parquet") return;
  // String.prototype.trim also removes a byte-order mark.
  for await (const chunk of input.text()) if (chunk.trim() !== "") return;
  throw new SpendImportError({ file: ctx.fileName }, "the file is empty");
}

/**
 * Rows, with API pages saved one per line (`{"data":[…], …}` objects in JSONL) expanded into
 * their elements; an element keeps its page's line for errors.
 */
export async function* pageRows(fileName: string, rows: AsyncIterable<SourceRow>): AsyncIterable<SourceRow> {
  let index = 0;
  for await (const row of rows) {
    const data = row.values.data;
    if (Array.isArray(data) && row.line !== undefined) {
      for (const [i, v] of data.entries()) {
        index++;
        if (typeof v !== "object" || v === null || Array.isArray(v))
          throw new SpendImportError({ file: fileName, line: row.line, record: `data[${i}]` }, "must be a JSON object");
        yield { index, line: row.line, values: v as Record<string, unknown> };
      }
    } else {
      index++;
      yield { ...row, index };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Langfuse

interface Split {
  uncachedInput: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  reasoning: number;
  inputAudio: number;
  outputAudio: number;
}

/** An object value (JSON or a JSON string cell); undefined when absent. */
function objectField(f: RowFields, col: string): Record<string, unknown> | undefined {
  const v = f.json(col);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) f.fail(col, "must be an object");
  return v as Record<string, unknown>;
}

function countIn(f: RowFields, col: string, key: string, v: unknown): number {
  if (v === null || v === undefined) return 0;
  // Inside a JSON object a count is a JSON number (a string is a wrong type, even "12").
  const d = typeof v === "number" || typeof v === "bigint" ? parseDecimal(v) : undefined;
  if (!d) f.fail(`${col}.${key}`, "must be a non-negative integer");
  if (d.digits < 0n) f.fail(`${col}.${key}`, "must not be negative");
  const div = 10n ** BigInt(d.scale);
  if (d.digits % div !== 0n) f.fail(`${col}.${key}`, "must be a whole number");
  const n = d.digits / div;
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) f.fail(`${col}.${key}`, "is too large");
  return Number(n);
}

/** Splits Langfuse usage types into disjoint buckets (see the module comment). */
export function splitUsageDetails(f: RowFields, col: string, usage: Record<string, unknown>): Split | null {
  let input = 0;
  let inputOther = 0;
  let inputAudio = 0;
  let output = 0;
  let outputOther = 0;
  let outputAudio = 0;
  let reasoning = 0;
  let cacheRead = 0;
  let write5m = 0;
  let write1h = 0;
  let eph5m = 0;
  let eph1h = 0;
  let ephemeral = false;
  let total: number | null = null;
  let any = false;
  for (const [rawKey, v] of Object.entries(usage)) {
    const n = countIn(f, col, rawKey, v);
    const k = rawKey.toLowerCase();
    any = true;
    if (k === "total") total = n;
    else if (k === "input") input += n;
    else if (k === "output") output += n;
    else if (k.includes("ephemeral")) {
      ephemeral = true;
      if (k.includes("1h")) eph1h += n;
      else eph5m += n;
    } else if (k.includes("cache_read") || k.includes("cached")) {
      cacheRead += n;
      if (k.includes("audio")) inputAudio += n;
    } else if (k.includes("cache_creation") || k.includes("cache_write")) {
      if (k.includes("1h")) write1h += n;
      else write5m += n;
    } else if (k.includes("output") || k.includes("completion") || k.includes("reasoning")) {
      outputOther += n;
      if (k.includes("reasoning")) reasoning += n;
      if (k.includes("audio")) outputAudio += n;
    } else if (k.includes("input") || k.includes("prompt")) {
      inputOther += n;
      if (k.includes("audio")) inputAudio += n;
    }
    // Anything else (image, requests, characters…) is not a token bucket we price: ignored.
  }
  if (!any) return null;
  if (ephemeral) {
    // Anthropic: cache_creation_input_tokens is the sum of the ephemeral 5m and 1h writes.
    const generic = write5m + write1h;
    write5m = eph5m + Math.max(0, generic - eph5m - eph1h);
    write1h = eph1h;
  }
  const cache = cacheRead + write5m + write1h;
  let inputIncludesCache = false;
  let inputIncludesOther = false;
  let outputIncludesOther = false;
  if (total !== null && total > 0) {
    const excess = input + inputOther + cache + output + outputOther - total;
    if (excess > 0) {
      if (excess === cache + inputOther + outputOther) {
        inputIncludesCache = inputIncludesOther = outputIncludesOther = true;
      } else if (excess === cache + inputOther) {
        inputIncludesCache = inputIncludesOther = true;
      } else if (excess === cache + outputOther) {
        inputIncludesCache = outputIncludesOther = true;
      } else if (excess === cache) {
        inputIncludesCache = true;
      } else if (excess === outputOther) {
        outputIncludesOther = true;
      }
    }
  }
  let uncachedInput = input + (inputIncludesOther ? 0 : inputOther) - (inputIncludesCache ? cache : 0);
  if (uncachedInput < 0) uncachedInput = 0;
  return {
    uncachedInput,
    cacheRead,
    cacheWrite5m: write5m,
    cacheWrite1h: write1h,
    output: output + (outputIncludesOther ? 0 : outputOther),
    reasoning,
    inputAudio,
    outputAudio,
  };
}

function costMicros(f: RowFields): bigint | null {
  const cost = objectField(f, "costDetails");
  const one = (key: string, v: unknown): bigint | null => {
    if (v === null || v === undefined) return null;
    const m = typeof v === "number" ? moneyToMicros(v, 1) : undefined;
    if (m === undefined) f.fail(`costDetails.${key}`, "must be a number of US dollars");
    if (m < 0n) f.fail(`costDetails.${key}`, "must not be negative");
    return m;
  };
  if (cost) {
    if ("total" in cost) return one("total", cost.total);
    let sum: bigint | null = null;
    for (const [k, v] of Object.entries(cost)) {
      const m = one(k, v);
      if (m !== null) sum = (sum ?? 0n) + m;
    }
    if (sum !== null) return sum;
  }
  for (const col of ["totalCost", "calculatedTotalCost"]) {
    const m = f.money(col, 1);
    if (m !== null && m < 0n) f.fail(col, "must not be negative");
    if (m !== null) return m;
  }
  return null;
}

function metadataOf(f: RowFields): Record<string, unknown> {
  const v = f.raw("metadata");
  let m: unknown = v;
  if (typeof v === "string") {
    try {
      m = JSON.parse(v);
    } catch {
      return {};
    }
  }
  return typeof m === "object" && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
}

function simpleString(v: unknown, max: number): string | null {
  return typeof v === "string" && v.trim() !== "" && v.length <= max ? v : null;
}

const PROVIDER_METADATA_KEYS = ["provider", "ls_provider", "gen_ai.provider.name", "gen_ai.system"] as const;

function providerOf(meta: Record<string, unknown>, model: string | null): string {
  for (const k of PROVIDER_METADATA_KEYS) {
    const v = simpleString(meta[k], 100);
    if (v) return knownProvider(v) ?? v.trim().toLowerCase();
  }
  return (model ? providerFromModel(model) : null) ?? "unknown";
}

/** One observation row → a record, or null when it is not a generation with usage. */
export function langfuseRecord(row: SourceRow, ctx: ImportContext): UsageRecord | null {
  const f = new RowFields(ctx.fileName, row);
  const type = f.reqStr("type", 50);
  if (type.toUpperCase() !== "GENERATION") return null;
  const id = f.reqStr("id");
  const start = f.instant("startTime") as string;
  const model = f.str("model") ?? f.str("providedModelName");
  const details = objectField(f, "usageDetails");
  let split = details ? splitUsageDetails(f, "usageDetails", details) : null;
  if (!details) {
    const legacy = objectField(f, "usage");
    if (legacy) {
      const u: Record<string, unknown> = {};
      for (const k of ["input", "output", "total"]) if (legacy[k] !== undefined && legacy[k] !== null) u[k] = legacy[k];
      split = splitUsageDetails(f, "usage", u);
    }
  }
  const billed = costMicros(f);
  const s = split ?? { uncachedInput: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0, inputAudio: 0, outputAudio: 0 };
  const tokens = s.uncachedInput + s.cacheRead + s.cacheWrite5m + s.cacheWrite1h + s.output;
  if (tokens === 0 && (billed === null || billed === 0n)) return null;

  const meta = metadataOf(f);
  const tags: Record<string, string> = {};
  const env = f.str("environment");
  if (env) tags.environment = env;
  const prompt = f.str("promptName");
  if (prompt) tags.prompt = prompt;
  const metaProject = simpleString(meta.project, 300);
  if (metaProject) tags.project = metaProject;
  const user = f.str("userId");
  return buildRecord(
    {
      source: "langfuse",
      ...hourPeriod(start),
      provider: providerOf(meta, model),
      modelReported: model,
      projectId: f.str("projectId"),
      workspaceId: null,
      apiKeyHash: null,
      userId: user && !looksLikeEmail(user) ? user : null,
      team: simpleString(meta.team, 300),
      requestId: id,
      tags,
      ...s,
      webSearches: 0,
      requests: 1,
      batch: false,
      serviceTier: "standard",
      longContext: false,
      billedCostMicros: billed,
      currency: "USD",
    },
    ctx,
  );
}

function hasLangfuseColumns(cols: readonly string[]): boolean {
  return cols.includes("traceId") && (cols.includes("usageDetails") || cols.includes("costDetails"));
}

/**
 * Langfuse observations (`/api/public/observations` pages, JSONL or CSV exports). Streams rows;
 * each is validated before its record is yielded.
 */
export const langfuseImporter: Importer = {
  source: "langfuse",
  buffersFile: false,
  rowLocal: true,
  detect: ({ container, firstBytes, columns }) => {
    if (container === "json" || (container === "jsonl" && columns.includes("data")))
      return /"traceId"\s*:/.test(firstBytes) && /"(?:usageDetails|costDetails)"\s*:/.test(firstBytes) && !firstBytes.includes('"resourceSpans"');
    return hasLangfuseColumns(columns);
  },
  async *parse(input, ctx) {
    let rows = 0;
    for await (const row of pageRows(ctx.fileName, input.rows())) {
      rows++;
      const r = langfuseRecord(row, ctx);
      if (r) yield r;
    }
    if (rows === 0) await rejectEmptyFile(input, ctx);
  },
};
