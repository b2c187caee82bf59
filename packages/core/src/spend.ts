/** The normalized usage record every spend importer produces (the contract between spend, db, server and web). */
import { z } from "zod";

/** Where a usage record came from; one value per supported export format. */
export const SpendSourceSchema = z.enum([
  "openai-usage",
  "openai-costs",
  "anthropic-usage",
  "anthropic-cost",
  "aws-cur",
  "azure-cost",
  "gcp-billing",
  "focus",
  "otel",
  "litellm",
  "langfuse",
  "helicone",
  "csv",
]);
/** A source id such as `openai-usage`. */
export type SpendSource = z.infer<typeof SpendSourceSchema>;

/** Service tier, normalized across vendors. `batch` is also flagged by {@link UsageRecord.batch}. */
export const ServiceTierSchema = z.enum(["standard", "batch", "flex", "priority", "unknown"]);
/** A normalized service tier. */
export type ServiceTier = z.infer<typeof ServiceTierSchema>;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const micros = z.bigint().nullable();
const optionalId = z.string().min(1).max(300).nullable();

/**
 * One normalized usage record: the usage of one time bucket for one combination of dimensions.
 *
 * Token counts are disjoint: `uncachedInput + cacheRead + cacheWrite5m + cacheWrite1h` is the whole
 * input; `reasoning` and the audio counts are "of which" figures already included in `output` /
 * input and are never priced on top. Money is integer micro-units of `currency` (bigint).
 */
export const UsageRecordSchema = z.object({
  /** Stable hash of the identifying dimensions, see {@link recordKeyOf}. */
  recordKey: z.string().regex(/^[0-9a-f]{64}$/),
  source: SpendSourceSchema,
  /** UTC day of the bucket start, YYYY-MM-DD. */
  day: z.iso.date(),
  /** UTC hour of the bucket start when the bucket is shorter than a day. */
  hour: z.number().int().min(0).max(23).nullable(),
  /** Bucket bounds as ISO 8601 UTC instants (end exclusive). */
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
  /** Provider id as used by the price catalog (`openai`, `anthropic`, …). */
  provider: z.string().min(1).max(100),
  /** Canonical model id (the catalog's id when the model is known, else the reported id). */
  model: z.string().min(1).max(300),
  /** The model exactly as the source reported it (null when the source did not group by model). */
  modelReported: z.string().max(300).nullable(),
  projectId: optionalId,
  workspaceId: optionalId,
  /** SHA-256 (hex) of `provider:key id`; a raw key or key id is never stored. */
  apiKeyHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  userId: optionalId,
  team: optionalId,
  /** Further grouping dimensions reported by the source (e.g. `inference_geo`) and user tags. */
  tags: z.record(z.string().max(100), z.string().max(300)),
  uncachedInput: count,
  cacheRead: count,
  cacheWrite5m: count,
  cacheWrite1h: count,
  output: count,
  /** Reasoning tokens, included in `output`. */
  reasoning: count,
  /** Audio tokens included in the input buckets and in `output` (informational). */
  inputAudio: count,
  outputAudio: count,
  /** Server-side web searches (billed per 1,000). */
  webSearches: count,
  requests: count,
  batch: z.boolean(),
  serviceTier: ServiceTierSchema,
  /** True when the usage was billed at the long-context rate (e.g. Anthropic `200k-1M`). */
  longContext: z.boolean(),
  /** Cost as billed by the source, when it states one: the figure of record. */
  billedCostMicros: micros,
  /** Cost at catalog (or negotiated) prices, when the model is priced. */
  listCostMicros: micros,
  currency: z.string().regex(/^[A-Z]{3}$/),
});
/** A normalized usage record. */
export type UsageRecord = z.infer<typeof UsageRecordSchema>;

/** Micro-units on the wire: a non-negative integer as a decimal string (JSON has no bigint). */
const wireMicros = z
  .string()
  .regex(/^\d{1,20}$/, "must be a whole number of micro-units as a string")
  .nullable()
  .transform((v) => (v === null ? null : BigInt(v)));

/** A usage record as JSON: the same fields, money as decimal strings of micro-units. */
export const UsageRecordWireSchema = UsageRecordSchema.extend({ billedCostMicros: wireMicros, listCostMicros: wireMicros }).strict();

/** One file's records, uploaded in one request and stored all or nothing. */
export const UsageImportSchema = z
  .object({
    source: SpendSourceSchema,
    fileName: z.string().min(1).max(500),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex"),
    records: z.array(UsageRecordWireSchema).max(500_000, "at most 500000 records per upload; split the file"),
  })
  .strict();
export type UsageImport = z.infer<typeof UsageImportSchema>;

export const ImportSummarySchema = z.object({
  importId: z.uuid(),
  source: z.string(),
  fileName: z.string(),
  recordsRead: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  dayFrom: z.string().nullable(),
  dayTo: z.string().nullable(),
  costMicros: z.string(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const SPEND_DIMENSIONS = ["provider", "model", "month", "day", "source", "project", "workspace"] as const;
export const SpendQuerySchema = z
  .object({
    by: z.enum(SPEND_DIMENSIONS).default("provider"),
    from: z.iso.date({ message: "must be a date as YYYY-MM-DD" }).optional(),
    to: z.iso.date({ message: "must be a date as YYYY-MM-DD" }).optional(),
  })
  .strict();
export type SpendQuery = z.infer<typeof SpendQuerySchema>;

export const SpendRowSchema = z.object({
  key: z.string(),
  costMicros: z.string(),
  billedMicros: z.string(),
  listMicros: z.string(),
  inputTokens: z.string(),
  outputTokens: z.string(),
  requests: z.string(),
  records: z.number().int(),
});
export type SpendRow = z.infer<typeof SpendRowSchema>;

/** A record as JSON for upload (bigints as strings). */
export function toWireRecord(r: UsageRecord): z.input<typeof UsageRecordWireSchema> {
  return { ...r, billedCostMicros: r.billedCostMicros?.toString() ?? null, listCostMicros: r.listCostMicros?.toString() ?? null };
}
