import { z } from "zod";
import { SpendImportError } from "../errors.js";
import type { ImportContext, Importer } from "../importer.js";
import { hashApiKey, type ServiceTier, type UsageRecord } from "../record.js";
import { buildRecord, isoFromUnix } from "./build-record.js";
import { countField, optionalCount, optionalKey, unixSeconds } from "./fields.js";
import { type LocatedPage, pageIssue, readAll, splitPages } from "./json-pages.js";

const ResultSchema = z.looseObject({
  input_tokens: countField(),
  output_tokens: countField(),
  num_model_requests: countField(),
  input_cached_tokens: optionalCount(),
  input_cache_write_tokens: optionalCount(),
  input_audio_tokens: optionalCount(),
  output_audio_tokens: optionalCount(),
  project_id: optionalKey(),
  user_id: optionalKey(),
  api_key_id: optionalKey(),
  model: optionalKey(),
  batch: z.boolean({ error: "must be true, false or null" }).nullish(),
  service_tier: optionalKey(),
  api_source: optionalKey(),
});

const BucketSchema = z
  .looseObject({ start_time: unixSeconds(), end_time: unixSeconds(), results: z.array(ResultSchema, { error: "must be an array of results" }) })
  .refine((b) => b.end_time > b.start_time, { message: "must be after start_time", path: ["end_time"] });

const PageSchema = z.looseObject({ data: z.array(BucketSchema, { error: "must be an array of buckets" }) }, { error: "a page must be an object" });

type Result = z.infer<typeof ResultSchema>;

function tierOf(r: Result): ServiceTier {
  if (r.batch === true) return "batch";
  switch (r.service_tier ?? "default") {
    case "default":
    case "auto":
    case "standard":
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

function toRecord(r: Result, start: number, end: number, where: { file: string; line: number | undefined; record: string }, ctx: ImportContext): UsageRecord {
  const cached = r.input_cached_tokens ?? 0;
  const cacheWrite = r.input_cache_write_tokens ?? 0;
  // Trap: input_tokens INCLUDES cached (and cache-write) tokens; our buckets are disjoint.
  const uncached = r.input_tokens - cached - cacheWrite;
  if (uncached < 0)
    throw new SpendImportError({ ...where, field: "input_cached_tokens" }, "cached and cache-write tokens exceed input_tokens, which includes them");
  const tier = tierOf(r);
  const tags: Record<string, string> = {};
  if (r.api_source) tags.api_source = r.api_source;
  return buildRecord(
    {
      source: "openai-usage",
      periodStart: isoFromUnix(start),
      periodEnd: isoFromUnix(end),
      provider: "openai",
      modelReported: r.model ?? null,
      projectId: r.project_id ?? null,
      workspaceId: null,
      apiKeyHash: r.api_key_id ? hashApiKey("openai", r.api_key_id) : null,
      userId: r.user_id ?? null,
      team: null,
      tags,
      uncachedInput: uncached,
      cacheRead: cached,
      // OpenAI reports cache writes without a TTL; they are counted as 5-minute writes.
      cacheWrite5m: cacheWrite,
      cacheWrite1h: 0,
      output: r.output_tokens,
      reasoning: 0,
      inputAudio: r.input_audio_tokens ?? 0,
      outputAudio: r.output_audio_tokens ?? 0,
      webSearches: 0,
      requests: r.num_model_requests,
      batch: tier === "batch",
      serviceTier: tier,
      longContext: false,
    },
    ctx,
  );
}

function pageRecords(page: LocatedPage, ctx: ImportContext): UsageRecord[] {
  const parsed = PageSchema.safeParse(page.value);
  if (!parsed.success) pageIssue(ctx.fileName, page, parsed.error.issues[0] ?? { path: [], message: "invalid page" });
  const out: UsageRecord[] = [];
  parsed.data.data.forEach((bucket, b) => {
    bucket.results.forEach((r, i) => {
      out.push(toRecord(r, bucket.start_time, bucket.end_time, { file: ctx.fileName, line: page.line, record: `${page.label} data[${b}].results[${i}]` }, ctx));
    });
  });
  return out;
}

/**
 * OpenAI Usage API, completions (`GET /v1/organization/usage/completions`): pages of
 * `data[].results[]`. Accepts one page, an array of pages or JSONL of pages. Buffers the file:
 * nothing is yielded unless the whole file is valid.
 */
export const openaiUsageImporter: Importer = {
  source: "openai-usage",
  buffersFile: true,
  detect: ({ firstBytes }) =>
    firstBytes.includes('"organization.usage.completions.result"') || (/"num_model_requests"\s*:/.test(firstBytes) && /"input_tokens"\s*:/.test(firstBytes)),
  async *parse(input, ctx) {
    const pages = splitPages(await readAll(input.text()), ctx.fileName);
    const records = pages.flatMap((p) => pageRecords(p, ctx));
    yield* records;
  },
};
