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
  /**
   * The source's own id of the line or request, for sources that export one row per request or
   * per bill line (LiteLLM, Langfuse, Helicone, OpenTelemetry, cloud bills). It makes the row its
   * own record; records without one are buckets, deduplicated by their dimensions and period.
   */
  requestId: z.string().min(1).max(300).nullable().default(null),
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

export const SPEND_DIMENSIONS = ["provider", "model", "system", "team", "month", "day", "source", "project", "workspace"] as const;
export type SpendDimension = (typeof SPEND_DIMENSIONS)[number];
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

/** The key shown for spend no rule assigns to a system or team. */
export const UNATTRIBUTED = "(unattributed)";

/** Opens a staged import: records are then sent in batches and committed all or nothing. */
export const ImportSessionCreateSchema = z.object({ source: SpendSourceSchema, fileName: z.string().min(1).max(500) }).strict();
export const ImportSessionSchema = z.object({
  id: z.uuid(),
  source: z.string(),
  fileName: z.string(),
  recordsStaged: z.number().int(),
  createdAt: z.string(),
});
export type ImportSession = z.infer<typeof ImportSessionSchema>;

/** One batch of a staged import. */
export const StageRecordsSchema = z.object({ records: z.array(UsageRecordWireSchema).min(1).max(50_000, "at most 50000 records per batch") }).strict();
export const CommitImportSchema = z.object({ fileSha256: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex") }).strict();

/** What an attribution rule matches on. `tag` needs `key` (the tag name). */
export const RULE_FIELDS = ["project", "workspace", "api_key", "user", "team", "tag", "model", "provider", "source"] as const;
export const RuleFieldSchema = z.enum(RULE_FIELDS);
export type RuleField = z.infer<typeof RuleFieldSchema>;

const ruleText = z.string().trim().min(1).max(300);

/**
 * An attribution rule: usage whose `field` equals `value` belongs to a system and/or a team. Rules
 * are tried in `position` order and the first match wins; they apply to all usage, past and future.
 * For `api_key` rules the key id is hashed on arrival (with `provider`) and only a hint is kept.
 */
export const SpendRuleInputSchema = z
  .object({
    field: RuleFieldSchema,
    key: ruleText.nullish(),
    value: ruleText,
    provider: ruleText.nullish(),
    systemId: z.uuid().nullish(),
    team: ruleText.nullish(),
    note: z.string().max(1000).optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.systemId && !r.team) ctx.addIssue({ code: "custom", path: ["systemId"], message: "a rule must assign a system, a team, or both" });
    if (r.field === "tag" && !r.key) ctx.addIssue({ code: "custom", path: ["key"], message: "is required for a tag rule (the tag name)" });
    if (r.field !== "tag" && r.key) ctx.addIssue({ code: "custom", path: ["key"], message: "is only used by tag rules" });
    if (r.field === "api_key" && !r.provider)
      ctx.addIssue({ code: "custom", path: ["provider"], message: "is required for an api_key rule (key ids are hashed per provider)" });
  });
export type SpendRuleInput = z.infer<typeof SpendRuleInputSchema>;

export const SpendRuleSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  field: RuleFieldSchema,
  key: z.string().nullable(),
  /** The matched value; for `api_key` rules the key hash. */
  value: z.string(),
  /** What to show for the value (for `api_key` rules, a shortened key id). */
  hint: z.string().nullable(),
  systemId: z.uuid().nullable(),
  systemName: z.string().nullable(),
  team: z.string().nullable(),
  note: z.string(),
  /** Spend this rule attributes (the first matching rule wins), decimal micro-units, over all time. */
  matchedMicros: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SpendRule = z.infer<typeof SpendRuleSchema>;

const decimalText = z.string().regex(/^\d{1,6}(\.\d{1,9})?$/, "must be a non-negative decimal such as 0.85");
export const UnitPricesSchema = z
  .object({
    inputMtok: decimalText.optional(),
    cacheReadMtok: decimalText.optional(),
    cacheWrite5mMtok: decimalText.optional(),
    cacheWrite1hMtok: decimalText.optional(),
    outputMtok: decimalText.optional(),
    webSearchesKcount: decimalText.optional(),
    requestsKcount: decimalText.optional(),
  })
  .strict();

/** A negotiated rate for a provider (all its models, or one model): a multiplier on list price, or explicit prices per million tokens. */
export const SpendRateInputSchema = z
  .object({
    provider: ruleText,
    model: ruleText.nullish(),
    multiplier: decimalText.nullish(),
    prices: UnitPricesSchema.nullish(),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.multiplier ? 1 : 0) + (r.prices ? 1 : 0) !== 1)
      ctx.addIssue({ code: "custom", path: ["multiplier"], message: "give either a multiplier or prices, not both" });
    if (r.prices && Object.keys(r.prices).length === 0) ctx.addIssue({ code: "custom", path: ["prices"], message: "must name at least one price" });
  });
export type SpendRateInput = z.infer<typeof SpendRateInputSchema>;

export const SpendRateSchema = z.object({
  id: z.uuid(),
  provider: z.string(),
  model: z.string().nullable(),
  multiplier: z.string().nullable(),
  prices: UnitPricesSchema.nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SpendRate = z.infer<typeof SpendRateSchema>;

/** The Spend page header: totals, the monthly trend and what was left out. */
export const SpendOverviewSchema = z.object({
  currency: z.string(),
  costMicros: z.string(),
  billedMicros: z.string(),
  listMicros: z.string(),
  unattributedMicros: z.string(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  months: z.array(z.object({ month: z.string(), costMicros: z.string(), unattributedMicros: z.string() })),
  records: z.number().int(),
  /** Records not counted because a higher-precedence source covers the same provider and day. */
  supersededRecords: z.number().int(),
  /** Records in another currency than `currency`, left out of every sum. */
  otherCurrencyRecords: z.number().int(),
  imports: z.number().int(),
});
export type SpendOverview = z.infer<typeof SpendOverviewSchema>;

export const ImportListItemSchema = ImportSummarySchema.extend({ actor: z.string(), importedAt: z.string() });
export type ImportListItem = z.infer<typeof ImportListItemSchema>;
