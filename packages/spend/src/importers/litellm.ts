/**
 * LiteLLM proxy spend logs: rows of the `LiteLLM_SpendLogs` table (../shared/reference/spend-data.md
 * §1.10), exported as CSV (PostgreSQL `\copy … CSV HEADER`, columns named as in the Prisma schema),
 * as the JSON array the `/spend/logs` API returns (or an object with a `data` array), as JSONL, or
 * as Parquet. One record per row; `request_id` (the table's primary key) is the record's request id.
 * Rows are streamed (`buffersFile: false`) and each is validated before it is yielded.
 *
 * Normalization (where LiteLLM's docs are silent, from its source, BerriAI/litellm
 * `proxy/spend_tracking/spend_tracking_utils.py` and `litellm_core_utils/llm_cost_calc/utils.py`):
 * - `prompt_tokens` is the whole input. The table has no cache columns; LiteLLM copies the provider
 *   usage into `metadata.usage_object` (newer) and `metadata.additional_usage_values` (every usage
 *   key but the three totals). Cache reads are `prompt_tokens_details.cached_tokens` (else
 *   `cache_read_input_tokens`), cache writes `prompt_tokens_details.cache_creation_tokens` (else
 *   `cache_creation_input_tokens`), split by TTL with `cache_creation_token_details` (or Anthropic's
 *   `cache_creation`) `ephemeral_1h_input_tokens`; writes without a TTL count as 5-minute writes.
 *   Following LiteLLM's own cost calculator (text tokens = prompt − cached − cache creation), both
 *   are subtracted from `prompt_tokens`; a row whose cache tokens exceed it is rejected. (Some older
 *   LiteLLM versions left Anthropic cache writes out of `prompt_tokens`; such rows are rejected
 *   rather than guessed.)
 * - Reasoning is `completion_tokens_details.reasoning_tokens`, capped at `completion_tokens`
 *   (LiteLLM estimates Anthropic thinking tokens with a tokenizer, so it can overshoot).
 * - `spend` is the billed cost in USD, parsed exactly from its decimal text (a JSON number through
 *   its shortest decimal form); a negative spend is rejected.
 * - LiteLLM-cache hits (`cache_hit` True: no provider call, spend 0) and failed requests (`status`
 *   failure) are kept as one request each, with their spend, but with zero tokens (the provider
 *   billed no tokens), tagged `cache_hit=true` / `status=failure`.
 * - `custom_llm_provider` maps to the catalog provider (bedrock→aws, vertex_ai/gemini→google, …);
 *   the provider prefix LiteLLM puts on `model` (`bedrock/…`, `anthropic/…`, and Bedrock's
 *   `converse/`/`invoke/` routes) is stripped. Azure deployment names are reported as they are.
 * - `api_key` is already a SHA-256 of the virtual key; it is hashed again and never stored.
 * - `user` (the LiteLLM internal user), else `end_user` (the customer), is the user id unless it is
 *   an email address (dropped). Messages, responses, request bodies, IP addresses and session ids
 *   are never read.
 */
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import { hashApiKey, type UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { RowFields, requireColumns } from "./row-fields.js";

/** Columns every export must have (the rest are read when present). */
const REQUIRED = ["request_id", "call_type", "spend", "prompt_tokens", "completion_tokens", "startTime", "endTime", "model"];

/** LiteLLM `custom_llm_provider` ids → catalog provider ids; others pass through. */
const PROVIDERS: Record<string, string> = {
  openai: "openai",
  "text-completion-openai": "openai",
  azure: "azure",
  azure_text: "azure",
  azure_ai: "azure",
  anthropic: "anthropic",
  anthropic_text: "anthropic",
  bedrock: "aws",
  vertex_ai: "google",
  vertex_ai_beta: "google",
  gemini: "google",
  mistral: "mistral",
  codestral: "mistral",
  xai: "x-ai",
  groq: "groq",
  deepseek: "deepseek",
  cohere: "cohere",
  cohere_chat: "cohere",
  perplexity: "perplexity",
  together_ai: "together",
  fireworks_ai: "fireworks",
  openrouter: "openrouter",
  cerebras: "cerebras",
  moonshot: "moonshotai",
  voyage: "voyageai",
};

/** Bedrock route prefixes LiteLLM keeps in the model name. */
const BEDROCK_ROUTES = /^(converse|invoke|converse_like|llama|deepseek_r1|nova)\//;

const TAG_KEY_MAX = 100;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An optional count inside the metadata JSON (absent or null gives undefined). */
function metaCount(f: RowFields, obj: unknown, key: string, path: string): number | undefined {
  if (!isObject(obj)) return undefined;
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) f.fail("metadata", `${path}.${key} must be a whole number`);
  if (v < 0) f.fail("metadata", `${path}.${key} must not be negative`);
  if (v > Number.MAX_SAFE_INTEGER) f.fail("metadata", `${path}.${key} is too large`);
  return v;
}

/** Provider and reported model from `custom_llm_provider` and `model`. */
function providerAndModel(rawProvider: string | null, rawModel: string | null): { provider: string; model: string | null } {
  let id = (rawProvider ?? "").toLowerCase();
  let model = rawModel;
  if (model !== null) {
    const slash = model.indexOf("/");
    if (slash > 0) {
      const head = model.slice(0, slash).toLowerCase();
      if (head === id || (id === "" && head in PROVIDERS)) {
        model = model.slice(slash + 1);
        id = head;
      }
    }
    if (id === "bedrock") model = model.replace(BEDROCK_ROUTES, "");
    if (model === "") model = null;
  }
  return { provider: PROVIDERS[id] ?? (id === "" ? "unknown" : id), model };
}

/** A user id unless it looks like an email address (personal data, dropped). */
function nonEmail(v: string | null): string | null {
  return v !== null && !v.includes("@") ? v : null;
}

interface Tokens {
  uncachedInput: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  reasoning: number;
  webSearches: number;
}

/** Splits `prompt_tokens` into disjoint buckets with the usage LiteLLM copied into the metadata. */
function tokens(f: RowFields, metadata: Record<string, unknown>, prompt: number, completion: number): Tokens {
  const fromObject = isObject(metadata.usage_object);
  const usage = fromObject ? metadata.usage_object : isObject(metadata.additional_usage_values) ? metadata.additional_usage_values : {};
  const path = fromObject ? "usage_object" : "additional_usage_values";
  const details = isObject(usage) ? usage.prompt_tokens_details : undefined;
  const cacheRead = metaCount(f, details, "cached_tokens", `${path}.prompt_tokens_details`) ?? metaCount(f, usage, "cache_read_input_tokens", path) ?? 0;
  let cacheWrite =
    metaCount(f, details, "cache_creation_tokens", `${path}.prompt_tokens_details`) ?? metaCount(f, usage, "cache_creation_input_tokens", path) ?? 0;
  const ttl =
    isObject(details) && isObject(details.cache_creation_token_details)
      ? details.cache_creation_token_details
      : isObject(usage)
        ? usage.cache_creation
        : undefined;
  const ttlPath =
    isObject(details) && isObject(details.cache_creation_token_details)
      ? `${path}.prompt_tokens_details.cache_creation_token_details`
      : `${path}.cache_creation`;
  const w5 = metaCount(f, ttl, "ephemeral_5m_input_tokens", ttlPath);
  const w1h = metaCount(f, ttl, "ephemeral_1h_input_tokens", ttlPath) ?? 0;
  if (cacheWrite === 0 && (w5 ?? 0) + w1h > 0) cacheWrite = (w5 ?? 0) + w1h;
  if (w1h > cacheWrite) f.fail("metadata", `${ttlPath}.ephemeral_1h_input_tokens exceeds the cache creation tokens`);
  const uncachedInput = prompt - cacheRead - cacheWrite;
  if (uncachedInput < 0)
    f.fail("metadata", `cache tokens in metadata.${path} (${cacheRead} read + ${cacheWrite} written) exceed prompt_tokens (${prompt}), which includes them`);
  const reasoning = metaCount(f, isObject(usage) ? usage.completion_tokens_details : undefined, "reasoning_tokens", `${path}.completion_tokens_details`) ?? 0;
  const webSearches = metaCount(f, isObject(usage) ? usage.server_tool_use : undefined, "web_search_requests", `${path}.server_tool_use`) ?? 0;
  return {
    uncachedInput,
    cacheRead,
    cacheWrite5m: cacheWrite - w1h,
    cacheWrite1h: w1h,
    output: completion,
    reasoning: Math.min(reasoning, completion),
    webSearches,
  };
}

const ZERO: Tokens = { uncachedInput: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0, webSearches: 0 };

function metaString(metadata: Record<string, unknown>, key: string): string | null {
  const v = metadata[key];
  return typeof v === "string" && v.trim() !== "" && v.length <= 300 ? v.trim() : null;
}

function rowRecord(f: RowFields, ctx: ImportContext): UsageRecord {
  const requestId = f.reqStr("request_id");
  const callType = f.reqStr("call_type", 100);
  const spend = f.money("spend");
  if (spend === null) f.fail("spend", f.raw("spend") === undefined ? "is required (column missing)" : "is required");
  if (spend < 0n) f.fail("spend", "must not be negative");
  const prompt = f.count("prompt_tokens", 0);
  const completion = f.count("completion_tokens", 0);
  if (f.raw("model") === undefined) f.fail("model", "is required (column missing)");
  const start = f.instant("startTime", { naiveIsUtc: true }) ?? "";
  const end = f.instant("endTime", { naiveIsUtc: true }) ?? "";
  if (Date.parse(end) < Date.parse(start)) f.fail("endTime", "must not be before startTime");

  const rawMetadata = f.json("metadata");
  if (rawMetadata !== undefined && !isObject(rawMetadata)) f.fail("metadata", "must be a JSON object");
  const metadata = rawMetadata ?? {};
  const rawTags = f.json("request_tags");
  if (rawTags !== undefined && !Array.isArray(rawTags)) f.fail("request_tags", "must be a JSON array");

  const cacheHit = (f.str("cache_hit", 20) ?? "").toLowerCase() === "true";
  const failed = (f.str("status", 50) ?? "").toLowerCase() === "failure";
  const usage = tokens(f, metadata, prompt, completion);
  const counted = cacheHit || failed ? ZERO : usage;
  const { provider, model } = providerAndModel(f.str("custom_llm_provider", 100), f.str("model"));
  const batch = /batch/.test(callType);

  const tags: Record<string, string> = { call_type: callType };
  const modelGroup = f.str("model_group");
  if (modelGroup) tags.model_group = modelGroup;
  const teamAlias = metaString(metadata, "user_api_key_team_alias");
  if (teamAlias) tags.team_alias = teamAlias;
  const org = f.str("organization_id");
  if (org) tags.organization_id = org;
  const agent = f.str("agent_id");
  if (agent) tags.agent_id = agent;
  const tool = f.str("mcp_namespaced_tool_name");
  if (tool) tags.mcp_tool = tool;
  if (cacheHit) tags.cache_hit = "true";
  if (failed) tags.status = "failure";
  // Request tags become `tag:<value>` = "true"; a tag too long for a tag key is left out.
  for (const t of rawTags ?? []) {
    if (typeof t !== "string" && typeof t !== "number" && typeof t !== "boolean") continue;
    const key = `tag:${String(t)}`;
    if (String(t) !== "" && key.length <= TAG_KEY_MAX) tags[key] = "true";
  }

  const user = nonEmail(f.str("user"));
  const endUser = nonEmail(f.str("end_user"));
  if (endUser && user && endUser !== user) tags.end_user = endUser;
  const apiKey = f.str("api_key", 1000);
  const spendMetadata = isObject(metadata.spend_logs_metadata) ? metadata.spend_logs_metadata : {};
  const projectId = metaString(metadata, "project_id") ?? metaString(spendMetadata, "project_id");

  return buildRecord(
    {
      source: "litellm",
      periodStart: start,
      periodEnd: end,
      provider,
      modelReported: model,
      projectId,
      workspaceId: null,
      apiKeyHash: apiKey ? hashApiKey("litellm", apiKey) : null,
      userId: user ?? endUser,
      team: f.str("team_id"),
      requestId,
      tags,
      ...counted,
      inputAudio: 0,
      outputAudio: 0,
      requests: 1,
      batch,
      serviceTier: batch ? "batch" : "standard",
      longContext: false,
      billedCostMicros: spend,
      currency: "USD",
    },
    ctx,
  );
}

/** LiteLLM `LiteLLM_SpendLogs` rows (CSV, JSON from `/spend/logs`, JSONL or Parquet), streamed. */
export const litellmImporter: Importer = {
  source: "litellm",
  buffersFile: false,
  rowLocal: true,
  detect: ({ container, columns, firstBytes }) => {
    if (container === "json") return ["request_id", "call_type", "spend"].every((k) => new RegExp(`"${k}"\\s*:`).test(firstBytes));
    const have = new Set(columns);
    return have.has("request_id") && have.has("call_type") && have.has("spend") && (have.has("startTime") || have.has("api_key"));
  },
  async *parse(input, ctx) {
    let first = true;
    for await (const row of input.rows()) {
      // Tabular files share one header: check it before the first row.
      if (first && (input.container === "csv" || input.container === "parquet")) requireColumns(ctx.fileName, Object.keys(row.values), REQUIRED);
      first = false;
      yield rowRecord(new RowFields(ctx.fileName, row), ctx);
    }
    // A CSV header without rows is a valid, empty export; a file with nothing in it is not.
    if (first && input.container === "csv") {
      for await (const chunk of input.text()) if (chunk.trim() !== "") return;
      throw new SpendImportError({ file: ctx.fileName }, "the file is empty");
    }
  },
};
