import { z } from "zod";
import type { ImportContext, Importer } from "../importer.js";
import { hashApiKey, type ServiceTier, type UsageRecord } from "../record.js";
import { buildRecord } from "./build-record.js";
import { countField, optionalKey, rfc3339 } from "./fields.js";
import { type LocatedPage, pageIssue, readAll, splitPages } from "./json-pages.js";

const ResultSchema = z.looseObject({
  uncached_input_tokens: countField(),
  cache_read_input_tokens: countField(),
  cache_creation: z.looseObject(
    { ephemeral_5m_input_tokens: countField(), ephemeral_1h_input_tokens: countField() },
    { error: (iss) => (iss.input === undefined ? "is required" : "must be an object with ephemeral_5m_input_tokens and ephemeral_1h_input_tokens") },
  ),
  output_tokens: countField(),
  server_tool_use: z.looseObject({ web_search_requests: countField().nullish() }, { error: "must be an object or null" }).nullish(),
  model: optionalKey(),
  workspace_id: optionalKey(),
  api_key_id: optionalKey(),
  service_tier: optionalKey(),
  context_window: optionalKey(),
  inference_geo: optionalKey(),
  speed: optionalKey(),
  account_id: optionalKey(),
  service_account_id: optionalKey(),
});

const BucketSchema = z
  .looseObject({ starting_at: rfc3339(), ending_at: rfc3339(), results: z.array(ResultSchema, { error: "must be an array of results" }) })
  .refine((b) => Date.parse(b.ending_at) > Date.parse(b.starting_at), { message: "must be after starting_at", path: ["ending_at"] });

const PageSchema = z.looseObject({ data: z.array(BucketSchema, { error: "must be an array of buckets" }) }, { error: "a page must be an object" });

type Result = z.infer<typeof ResultSchema>;

function tierOf(t: string | null | undefined): ServiceTier {
  if (t === undefined || t === null || t === "standard") return "standard";
  if (t === "batch" || t === "priority" || t === "flex") return t;
  return "unknown";
}

const TAG_FIELDS = ["inference_geo", "speed", "account_id", "service_account_id"] as const;

function toRecord(r: Result, start: string, end: string, ctx: ImportContext): UsageRecord {
  const tier = tierOf(r.service_tier);
  const tags: Record<string, string> = {};
  for (const k of TAG_FIELDS) {
    const v = r[k];
    if (typeof v === "string" && v !== "") tags[k] = v;
  }
  return buildRecord(
    {
      source: "anthropic-usage",
      periodStart: new Date(start).toISOString(),
      periodEnd: new Date(end).toISOString(),
      provider: "anthropic",
      modelReported: r.model ?? null,
      projectId: null,
      // null is the default workspace, or "not grouped by workspace": the export cannot tell them apart.
      workspaceId: r.workspace_id ?? null,
      apiKeyHash: r.api_key_id ? hashApiKey("anthropic", r.api_key_id) : null,
      userId: null,
      team: null,
      tags,
      // Anthropic's input buckets are already disjoint.
      uncachedInput: r.uncached_input_tokens,
      cacheRead: r.cache_read_input_tokens,
      cacheWrite5m: r.cache_creation.ephemeral_5m_input_tokens,
      cacheWrite1h: r.cache_creation.ephemeral_1h_input_tokens,
      output: r.output_tokens,
      reasoning: 0,
      inputAudio: 0,
      outputAudio: 0,
      webSearches: r.server_tool_use?.web_search_requests ?? 0,
      // The usage report has no request count.
      requests: 0,
      batch: tier === "batch",
      serviceTier: tier,
      longContext: r.context_window === "200k-1M",
    },
    ctx,
  );
}

function pageRecords(page: LocatedPage, ctx: ImportContext): UsageRecord[] {
  const parsed = PageSchema.safeParse(page.value);
  if (!parsed.success) pageIssue(ctx.fileName, page, parsed.error.issues[0] ?? { path: [], message: "invalid page" });
  return parsed.data.data.flatMap((bucket) => bucket.results.map((r) => toRecord(r, bucket.starting_at, bucket.ending_at, ctx)));
}

/**
 * Anthropic Admin API usage report (`GET /v1/organizations/usage_report/messages`): pages of
 * `data[].results[]` with disjoint input buckets. Accepts one page, an array of pages or JSONL of
 * pages. Buffers the file: nothing is yielded unless the whole file is valid.
 */
export const anthropicUsageImporter: Importer = {
  source: "anthropic-usage",
  buffersFile: true,
  detect: ({ firstBytes }) =>
    /"uncached_input_tokens"\s*:/.test(firstBytes) || (/"cache_creation"\s*:/.test(firstBytes) && /"starting_at"\s*:/.test(firstBytes)),
  async *parse(input, ctx) {
    const pages = splitPages(await readAll(input.text()), ctx.fileName);
    const records = pages.flatMap((p) => pageRecords(p, ctx));
    yield* records;
  },
};
