import { z } from "zod";
import type { ImportContext, Importer } from "../importer.js";
import type { ServiceTier, UsageRecord } from "../record.js";
import { costRecord, currencyCode, importCostPages, isDecimal, isNonNegativeDecimal, NO_USAGE } from "./cost-pages.js";
import { optionalKey, rfc3339 } from "./fields.js";
import { moneyToMicros } from "./row-fields.js";

const CENTS = 'must be a decimal string of cents such as "123.45"';

const ResultSchema = z.looseObject({
  // The lowest currency unit (cents for USD) as a decimal STRING: "123.45" is $1.2345. A JSON
  // number is rejected rather than guessed at, since the documented type is a string.
  amount: z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? "is required"
          : typeof iss.input === "number"
            ? `${CENTS}, not a JSON number (the cost report writes amounts as strings)`
            : CENTS,
    })
    .refine(isDecimal, CENTS)
    // The cost report documents charges only; a negative amount (credit or refund) is rejected
    // rather than netted, so a file never produces negative micro-units.
    .refine(isNonNegativeDecimal, "must not be negative (credits and refunds are not imported from the cost report)"),
  // "Currently always USD". Amounts are in the currency's lowest unit, which is only known (cents)
  // for USD, so any other currency is rejected instead of being scaled wrongly.
  currency: currencyCode().refine((c) => c === "USD", "must be USD, the only currency of the cost report (amounts are in cents)"),
  // Breakdown fields: null unless the report was grouped by description (and null for non-token
  // costs such as web_search); workspace_id is null for the default workspace or when not grouped.
  cost_type: optionalKey(),
  token_type: optionalKey(),
  model: optionalKey(),
  service_tier: optionalKey(),
  context_window: optionalKey(),
  inference_geo: optionalKey(),
  speed: optionalKey(),
  description: optionalKey(),
  workspace_id: optionalKey(),
});

const BucketSchema = z
  .looseObject({ starting_at: rfc3339(), ending_at: rfc3339(), results: z.array(ResultSchema, { error: "must be an array of results" }) })
  .refine((b) => Date.parse(b.ending_at) > Date.parse(b.starting_at), { message: "must be after starting_at", path: ["ending_at"] });

const PageSchema = z.looseObject({ data: z.array(BucketSchema, { error: "must be an array of buckets" }) }, { error: "a page must be an object" });

type Result = z.infer<typeof ResultSchema>;

/**
 * The documented tiers are `standard` and `batch`. Null means the costs were not broken down by
 * tier (not grouped by description, or a non-token cost), so the tier is unknown. Priority Tier
 * costs are absent from the cost report (recompute them from the usage report).
 */
function tierOf(t: string | null | undefined): ServiceTier {
  if (t === undefined || t === null) return "unknown";
  if (t === "standard" || t === "batch" || t === "priority" || t === "flex") return t;
  return "unknown";
}

// Tags, in this order, when present. token_type keeps the token types of one model and day apart.
const TAG_FIELDS = ["cost_type", "token_type", "description", "context_window", "inference_geo", "speed"] as const;

function toRecord(r: Result, start: string, end: string, ctx: ImportContext): UsageRecord {
  const tier = tierOf(r.service_tier);
  const tags: Record<string, string> = {};
  for (const k of TAG_FIELDS) {
    const v = r[k];
    if (typeof v === "string" && v !== "") tags[k] = v;
  }
  return costRecord(
    {
      source: "anthropic-cost",
      periodStart: new Date(start).toISOString(),
      periodEnd: new Date(end).toISOString(),
      provider: "anthropic",
      modelReported: r.model ?? null,
      projectId: null,
      workspaceId: r.workspace_id ?? null,
      apiKeyHash: null,
      userId: null,
      team: null,
      tags,
      ...NO_USAGE,
      batch: tier === "batch",
      serviceTier: tier,
      longContext: r.context_window === "200k-1M",
      // Cents → micro-units (× 10,000), rounded half-even once per result ("123.78912" → 1,237,891).
      billedCostMicros: moneyToMicros(r.amount, 100) ?? 0n,
      currency: r.currency,
    },
    ctx,
  );
}

/**
 * Anthropic Admin API cost report (`GET /v1/organizations/cost_report`): pages of daily
 * `data[].results[]`, each a billed amount in cents for one bucket and (when grouped) one workspace
 * and cost description (model, token type, tier, context window). Accepts one page, an array of
 * pages or JSONL of pages. Buffers the file: nothing is yielded unless the whole file is valid.
 */
export const anthropicCostImporter: Importer = {
  source: "anthropic-cost",
  buffersFile: true,
  // The bucket envelope is shared with the usage report; cost_type and amount are not.
  detect: ({ container, firstBytes }) =>
    container !== "csv" &&
    container !== "parquet" &&
    /"starting_at"\s*:/.test(firstBytes) &&
    (/"cost_type"\s*:/.test(firstBytes) || /"amount"\s*:/.test(firstBytes)),
  async *parse(input, ctx) {
    const records = await importCostPages(input.text(), ctx, PageSchema, (page) =>
      page.data.flatMap((bucket) => bucket.results.map((r) => toRecord(r, bucket.starting_at, bucket.ending_at, ctx))),
    );
    yield* records;
  },
};
