/**
 * OpenTelemetry GenAI spans (semantic conventions for generative AI, see
 * ../shared/reference/spend-data.md §1.9) in OTLP/JSON, as the OpenTelemetry Collector `file`
 * exporter writes them: JSONL, one `ExportTraceServiceRequest` a line
 * (`{resourceSpans:[{resource:{attributes}, scopeSpans:[{scope, spans:[…]}]}]}`). A single JSON
 * document with `resourceSpans` (or an array of them) is accepted too.
 *
 * One record per model-call span that carries GenAI usage attributes; every other span is skipped.
 * JSONL is streamed line by line (`buffersFile: false`): each line is validated whole before its
 * records are yielded.
 *
 * Assumptions where the conventions are silent (all attributes are "Development" stability):
 * - `gen_ai.usage.input_tokens` includes `gen_ai.usage.cache_read.input_tokens` and
 *   `gen_ai.usage.cache_creation.input_tokens` (as the conventions say), so both are subtracted to
 *   get the uncached input; a span whose cache tokens exceed its input is rejected. Cache creation
 *   has no TTL attribute and is counted as 5-minute cache writes.
 * - `gen_ai.usage.reasoning.output_tokens` is included in output; a span whose reasoning exceeds
 *   its output is rejected.
 * - Before the conventions had cache and reasoning attributes, OpenLLMetry wrote
 *   `gen_ai.usage.cache_read_input_tokens`, `gen_ai.usage.cache_creation_input_tokens` and
 *   `gen_ai.usage.reasoning_tokens` with the same "included" meaning; they are read when the
 *   convention's names are absent, as are the deprecated `gen_ai.usage.prompt_tokens` /
 *   `completion_tokens` and `gen_ai.system`.
 * - Spans whose `gen_ai.operation.name` is `invoke_agent`, `create_agent`, `invoke_workflow` or
 *   `execute_tool` are skipped even when they carry usage: the agent conventions let an agent span
 *   report the sum of its child inference spans, and counting both would double the usage.
 * - Values of the OTLP/JSON `intValue` (an int64, so a string) or a number are accepted for counts;
 *   a whole `doubleValue` is accepted too; anything else is an error.
 * - The service tier comes from `openai.response.service_tier` (what was served), else
 *   `openai.request.service_tier`, the pre-1.37 `gen_ai.openai.request.service_tier`, or
 *   `gen_ai.request.service_tier`; none means standard.
 * - The user is `enduser.id` (or `user.id`) when it is not an email address; conversation ids,
 *   prompts and completions are never read.
 */
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import type { ServiceTier, UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { splitPages } from "./json-pages.js";

// Attribute names, as local constants (the npm semantic-conventions package marks them experimental and deprecated).
const PROVIDER = "gen_ai.provider.name";
const SYSTEM_LEGACY = "gen_ai.system";
const OPERATION = "gen_ai.operation.name";
const RESPONSE_MODEL = "gen_ai.response.model";
const REQUEST_MODEL = "gen_ai.request.model";
const INPUT = "gen_ai.usage.input_tokens";
const OUTPUT = "gen_ai.usage.output_tokens";
const PROMPT_LEGACY = "gen_ai.usage.prompt_tokens";
const COMPLETION_LEGACY = "gen_ai.usage.completion_tokens";
const CACHE_READ = "gen_ai.usage.cache_read.input_tokens";
const CACHE_CREATION = "gen_ai.usage.cache_creation.input_tokens";
const REASONING = "gen_ai.usage.reasoning.output_tokens";
// Names OpenLLMetry used before the conventions had cache and reasoning attributes (same "included" semantics).
const CACHE_READ_LEGACY = "gen_ai.usage.cache_read_input_tokens";
const CACHE_CREATION_LEGACY = "gen_ai.usage.cache_creation_input_tokens";
const REASONING_LEGACY = "gen_ai.usage.reasoning_tokens";
const TIER_ATTRIBUTES = ["openai.response.service_tier", "openai.request.service_tier", "gen_ai.openai.request.service_tier", "gen_ai.request.service_tier"];
const USER_ATTRIBUTES = ["enduser.id", "user.id"];
const SERVICE_NAME = "service.name";

/** Operations whose usage (if any) aggregates child inference spans. */
const AGGREGATE_OPERATIONS = new Set(["invoke_agent", "create_agent", "invoke_workflow", "execute_tool"]);

/** `gen_ai.provider.name` (and legacy `gen_ai.system`) values → catalog provider ids; others pass through. */
const PROVIDERS: Record<string, string> = {
  openai: "openai",
  anthropic: "anthropic",
  "aws.bedrock": "aws",
  "azure.ai.openai": "azure",
  "azure.ai.inference": "azure",
  "az.ai.openai": "azure",
  "az.ai.inference": "azure",
  "gcp.gemini": "google",
  "gcp.vertex_ai": "google",
  "gcp.gen_ai": "google",
  gemini: "google",
  vertex_ai: "google",
  mistral_ai: "mistral",
  x_ai: "x-ai",
  xai: "x-ai",
  cohere: "cohere",
  deepseek: "deepseek",
  groq: "groq",
  perplexity: "perplexity",
};

const HEX_TRACE = /^[0-9a-f]{32}$/i;
const HEX_SPAN = /^[0-9a-f]{16}$/i;
const NANOS = /^\d{1,20}$/;
const MIN_MS = 946_684_800_000n; // 2000-01-01
const MAX_MS = 4_102_444_800_000n; // 2100-01-01

interface Where {
  file: string;
  line: number | undefined;
  record: string;
}

function fail(where: Where, field: string | undefined, reason: string): never {
  throw new SpendImportError({ ...where, field }, reason);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An optional repeated field: absent (proto3 JSON omits empty lists) gives []. */
function list(v: unknown, where: Where, field: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(where, field, "must be an array");
  return v;
}

/** OTLP `KeyValue[]` → key → AnyValue. */
function attributeMap(v: unknown, where: Where): Map<string, unknown> {
  const out = new Map<string, unknown>();
  list(v, where, "attributes").forEach((kv, i) => {
    if (!isObject(kv) || typeof kv.key !== "string") fail(where, `attributes[${i}]`, "must be an object with a string key");
    out.set(kv.key, kv.value);
  });
  return out;
}

function stringAttr(attrs: Map<string, unknown>, key: string, where: Where, max = 300): string | null {
  const v = attrs.get(key);
  if (v === undefined) return null;
  if (!isObject(v) || typeof v.stringValue !== "string") fail(where, key, "must be a string (stringValue)");
  const s = v.stringValue.trim();
  if (s.length > max) fail(where, key, `must be at most ${max} characters`);
  return s === "" ? null : s;
}

function countAttr(attrs: Map<string, unknown>, key: string, where: Where): number | undefined {
  const v = attrs.get(key);
  if (v === undefined) return undefined;
  let n: number | undefined;
  if (isObject(v) && "intValue" in v) {
    const raw = v.intValue;
    if (typeof raw === "string" && /^-?\d+$/.test(raw.trim())) n = Number(raw.trim());
    else if (typeof raw === "number" && Number.isInteger(raw)) n = raw;
  } else if (isObject(v) && "doubleValue" in v) {
    const raw = v.doubleValue;
    if (typeof raw === "number" && Number.isFinite(raw)) {
      if (!Number.isInteger(raw)) fail(where, key, "must be a whole number");
      n = raw;
    }
  }
  if (n === undefined) fail(where, key, "must be a non-negative integer (intValue)");
  if (n < 0) fail(where, key, "must not be negative");
  if (n > Number.MAX_SAFE_INTEGER) fail(where, key, "is too large");
  return n;
}

/** Unix nanoseconds (a string in OTLP/JSON, or a number) → epoch milliseconds. */
function nanosToMs(v: unknown, where: Where, field: string): number {
  if (v === undefined || v === null || v === "") fail(where, field, "is required");
  let nanos: bigint | undefined;
  if (typeof v === "string" && NANOS.test(v)) nanos = BigInt(v);
  else if (typeof v === "number" && Number.isInteger(v) && v >= 0) nanos = BigInt(v);
  if (nanos === undefined) fail(where, field, "must be unix time in nanoseconds (a string of digits)");
  const ms = nanos / 1_000_000n;
  if (ms < MIN_MS || ms > MAX_MS) fail(where, field, "must be a unix time in nanoseconds between 2000 and 2100");
  return Number(ms);
}

function tierOf(value: string | null): ServiceTier {
  switch (value?.toLowerCase() ?? "default") {
    case "default":
    case "auto":
    case "standard":
    case "on_demand":
      return "standard";
    case "flex":
      return "flex";
    case "priority":
      return "priority";
    case "batch":
      return "batch";
    default:
      return "unknown";
  }
}

interface Resource {
  service: string | null;
}

/** The record of one span, or null when the span is not a model call with usage. */
function spanRecord(span: unknown, resource: Resource, where: Where, ctx: ImportContext): UsageRecord | null {
  if (!isObject(span)) fail(where, undefined, "a span must be an object");
  const attrs = attributeMap(span.attributes, where);
  const input = countAttr(attrs, INPUT, where) ?? countAttr(attrs, PROMPT_LEGACY, where);
  const output = countAttr(attrs, OUTPUT, where) ?? countAttr(attrs, COMPLETION_LEGACY, where);
  if (input === undefined && output === undefined) return null;
  const operation = stringAttr(attrs, OPERATION, where, 100);
  if (operation !== null && AGGREGATE_OPERATIONS.has(operation)) return null;

  const inputField = attrs.has(INPUT) ? INPUT : PROMPT_LEGACY;
  const totalInput = input ?? 0;
  const readField = attrs.has(CACHE_READ) ? CACHE_READ : CACHE_READ_LEGACY;
  const creationField = attrs.has(CACHE_CREATION) ? CACHE_CREATION : CACHE_CREATION_LEGACY;
  const cacheRead = countAttr(attrs, readField, where) ?? 0;
  const cacheWrite = countAttr(attrs, creationField, where) ?? 0;
  if (cacheRead + cacheWrite > totalInput)
    fail(where, cacheRead > totalInput ? readField : creationField, `cache tokens exceed ${inputField}, which includes them`);
  const out = output ?? 0;
  const reasoningField = attrs.has(REASONING) ? REASONING : REASONING_LEGACY;
  const reasoning = countAttr(attrs, reasoningField, where) ?? 0;
  if (reasoning > out) fail(where, reasoningField, `exceeds ${attrs.has(OUTPUT) ? OUTPUT : COMPLETION_LEGACY}, which includes it`);

  const providerName = stringAttr(attrs, PROVIDER, where, 100) ?? stringAttr(attrs, SYSTEM_LEGACY, where, 100);
  if (providerName === null) fail(where, PROVIDER, `is required (or the legacy ${SYSTEM_LEGACY})`);
  const provider = PROVIDERS[providerName.toLowerCase()] ?? providerName.toLowerCase();
  const model = stringAttr(attrs, RESPONSE_MODEL, where) ?? stringAttr(attrs, REQUEST_MODEL, where);

  const traceId = span.traceId;
  const spanId = span.spanId;
  if (typeof traceId !== "string" || !HEX_TRACE.test(traceId) || /^0+$/.test(traceId))
    fail(where, "traceId", traceId === undefined ? "is required" : "must be a 32-digit hex trace id");
  if (typeof spanId !== "string" || !HEX_SPAN.test(spanId) || /^0+$/.test(spanId))
    fail(where, "spanId", spanId === undefined ? "is required" : "must be a 16-digit hex span id");
  const startMs = nanosToMs(span.startTimeUnixNano, where, "startTimeUnixNano");
  const endMs = nanosToMs(span.endTimeUnixNano, where, "endTimeUnixNano");
  if (endMs < startMs) fail(where, "endTimeUnixNano", "must not be before startTimeUnixNano");

  let tier: ServiceTier = "standard";
  for (const key of TIER_ATTRIBUTES) {
    const t = stringAttr(attrs, key, where, 100);
    if (t !== null) {
      tier = tierOf(t);
      break;
    }
  }
  let userId: string | null = null;
  for (const key of USER_ATTRIBUTES) {
    const u = stringAttr(attrs, key, where);
    // An email address is personal data: it is dropped rather than stored.
    if (u !== null && !u.includes("@")) {
      userId = u;
      break;
    }
  }
  const tags: Record<string, string> = {};
  if (resource.service) tags.service = resource.service;
  if (operation) tags.operation = operation;

  return buildRecord(
    {
      source: "otel",
      periodStart: new Date(startMs).toISOString(),
      periodEnd: new Date(endMs).toISOString(),
      provider,
      modelReported: model,
      projectId: null,
      workspaceId: null,
      apiKeyHash: null,
      userId,
      team: null,
      requestId: `${traceId.toLowerCase()}:${spanId.toLowerCase()}`,
      tags,
      uncachedInput: totalInput - cacheRead - cacheWrite,
      cacheRead,
      // The conventions give no cache TTL: cache creation is counted as 5-minute writes.
      cacheWrite5m: cacheWrite,
      cacheWrite1h: 0,
      output: out,
      reasoning,
      inputAudio: 0,
      outputAudio: 0,
      webSearches: 0,
      requests: 1,
      batch: tier === "batch",
      serviceTier: tier,
      longContext: false,
    },
    ctx,
  );
}

/** The records of one `ExportTraceServiceRequest`, validated whole. */
function requestRecords(doc: unknown, prefix: string, line: number | undefined, ctx: ImportContext): UsageRecord[] {
  const top: Where = { file: ctx.fileName, line, record: prefix === "" ? "request" : prefix.trim() };
  if (!isObject(doc)) fail(top, undefined, "must be an ExportTraceServiceRequest object");
  if (!("resourceSpans" in doc)) fail(top, "resourceSpans", "is required (is this an OTLP/JSON trace export?)");
  const out: UsageRecord[] = [];
  list(doc.resourceSpans, top, "resourceSpans").forEach((rs, r) => {
    const rsWhere: Where = { ...top, record: `${prefix}resourceSpans[${r}]` };
    if (!isObject(rs)) fail(rsWhere, undefined, "must be an object");
    let service: string | null = null;
    if (rs.resource !== undefined && rs.resource !== null) {
      if (!isObject(rs.resource)) fail(rsWhere, "resource", "must be an object");
      service = stringAttr(attributeMap(rs.resource.attributes, { ...rsWhere, record: `${rsWhere.record}.resource` }), SERVICE_NAME, rsWhere);
    }
    list(rs.scopeSpans, rsWhere, "scopeSpans").forEach((ss, s) => {
      const ssWhere: Where = { ...top, record: `${rsWhere.record}.scopeSpans[${s}]` };
      if (!isObject(ss)) fail(ssWhere, undefined, "must be an object");
      list(ss.spans, ssWhere, "spans").forEach((span, i) => {
        const rec = spanRecord(span, { service }, { ...top, record: `${ssWhere.record}.spans[${i}]` }, ctx);
        if (rec) out.push(rec);
      });
    });
  });
  return out;
}

function syntaxReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return /end of JSON input|Unterminated|Expected/.test(msg) ? `invalid or truncated JSON (${msg})` : `invalid JSON (${msg})`;
}

/** The lines of a text stream (without their line breaks), numbered from 1. Long lines are joined once. */
async function* textLines(chunks: AsyncIterable<string>): AsyncIterable<{ line: number; text: string }> {
  let parts: string[] = [];
  let line = 0;
  const take = (): { line: number; text: string } => {
    line++;
    let text = parts.join("");
    parts = [];
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { line, text: text.endsWith("\r") ? text.slice(0, -1) : text };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", start)) {
      parts.push(chunk.slice(start, nl));
      yield take();
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  }
  if (parts.length > 0) yield take();
}

/** The records of one JSON value of a line or document: a request, or an array of requests. */
function valueRecords(value: unknown, line: number | undefined, ctx: ImportContext, arrayPrefix = "request"): UsageRecord[] {
  if (!Array.isArray(value)) return requestRecords(value, "", line, ctx);
  return value.flatMap((v, i) => requestRecords(v, `${arrayPrefix} ${i + 1} `, line, ctx));
}

/**
 * OpenTelemetry GenAI spans in OTLP/JSON: Collector `file` exporter JSONL (streamed line by line,
 * each line validated whole before its records are yielded), or one JSON document (read whole).
 */
export const otelImporter: Importer = {
  source: "otel",
  buffersFile: false,
  detect: ({ container, firstBytes }) => (container === "json" || container === "jsonl") && /"resourceSpans"\s*:/.test(firstBytes),
  async *parse(input, ctx) {
    // The first non-empty line decides: a whole JSON value means JSON lines; otherwise the file is
    // one (pretty-printed) document and is read whole.
    let jsonl: boolean | undefined;
    const buffered: string[] = [];
    for await (const { line, text } of textLines(input.text())) {
      if (jsonl === false) {
        buffered.push(text);
        continue;
      }
      if (text.trim() === "") {
        if (jsonl === undefined) buffered.push(text);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        if (jsonl === undefined) {
          jsonl = false;
          buffered.push(text);
          continue;
        }
        throw new SpendImportError({ file: ctx.fileName, line }, syntaxReason(e), e);
      }
      if (typeof value !== "object" || value === null) throw new SpendImportError({ file: ctx.fileName, line }, "each line must be a JSON object");
      jsonl = true;
      yield* valueRecords(value, line, ctx);
    }
    if (jsonl === true) return;
    const pages = splitPages(buffered.join("\n"), ctx.fileName);
    const many = pages.length > 1;
    for (const [i, page] of pages.entries())
      yield* many ? requestRecords(page.value, `request ${i + 1} `, page.line, ctx) : valueRecords(page.value, page.line, ctx);
  },
};
