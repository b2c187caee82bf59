import { z } from "zod";
import type { ImportContext, Importer } from "../importer.js";
import { hashApiKey, type UsageRecord } from "../record.js";
import { isoFromUnix } from "./build-record.js";
import { costRecord, currencyCode, importCostPages, NO_USAGE } from "./cost-pages.js";
import { optionalKey, unixSeconds } from "./fields.js";
import { moneyToMicros } from "./row-fields.js";

const RESULT_OBJECT = "organization.costs.result";

const AmountSchema = z.looseObject(
  {
    // Dollars as a JSON number. A number is read through its shortest decimal form (`String(n)`),
    // which is exactly the decimal the API wrote for any value of up to 15 significant digits;
    // float noise such as 0.30000000000000004 disappears when rounding to micro-units.
    value: z
      .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a number of dollars (a JSON number, not a string)") })
      // The Costs API documents charges only. A negative value (a credit or refund) is rejected
      // rather than netted, so a file never produces negative micro-units.
      .min(0, "must not be negative (credits and refunds are not imported from the Costs API)"),
    currency: currencyCode(),
  },
  { error: (iss) => (iss.input === undefined ? "is required" : "must be an object with value and currency") },
);

const ResultSchema = z.looseObject({
  // Required by the spec; tolerated when absent, but a usage result is not a cost result.
  object: z
    .literal(RESULT_OBJECT, {
      error: (iss) => `must be "${RESULT_OBJECT}", not ${JSON.stringify(iss.input)} (usage pages are imported as openai-usage)`,
    })
    .optional(),
  // The spec marks `amount` optional, but a cost result without an amount carries nothing.
  amount: AmountSchema,
  line_item: optionalKey(),
  project_id: optionalKey(),
  // Not in the Costs API spec (group_by is project_id and line_item); read when present so results
  // grouped by key in a newer API never collapse into one record.
  api_key_id: optionalKey(),
});

const BucketSchema = z
  .looseObject({ start_time: unixSeconds(), end_time: unixSeconds(), results: z.array(ResultSchema, { error: "must be an array of results" }) })
  .refine((b) => b.end_time > b.start_time, { message: "must be after start_time", path: ["end_time"] });

const PageSchema = z.looseObject({ data: z.array(BucketSchema, { error: "must be an array of buckets" }) }, { error: "a page must be an object" });

type Result = z.infer<typeof ResultSchema>;

function toRecord(r: Result, start: number, end: number, ctx: ImportContext): UsageRecord {
  const tags: Record<string, string> = {};
  // line_item (e.g. "gpt-4o-2024-08-06, input", "Image models") is part of the record identity, so
  // two line items of the same day and project stay two records.
  if (r.line_item) tags.line_item = r.line_item;
  return costRecord(
    {
      source: "openai-costs",
      periodStart: isoFromUnix(start),
      periodEnd: isoFromUnix(end),
      provider: "openai",
      // Costs have no model column; the line item names it only in free text.
      modelReported: null,
      projectId: r.project_id ?? null,
      workspaceId: null,
      apiKeyHash: r.api_key_id ? hashApiKey("openai", r.api_key_id) : null,
      userId: null,
      team: null,
      tags,
      ...NO_USAGE,
      batch: false,
      // A cost result does not say which tier its charges came from.
      serviceTier: "unknown",
      longContext: false,
      // Dollars (major units); rounded half-even to micro-units once per result.
      billedCostMicros: moneyToMicros(r.amount.value, 1) ?? 0n,
      currency: r.amount.currency,
    },
    ctx,
  );
}

/**
 * OpenAI Costs API (`GET /v1/organization/costs`): pages of daily `data[].results[]`, each the
 * billed amount in dollars for one bucket and (when grouped) one project and line item. Accepts one
 * page, an array of pages or JSONL of pages. Buffers the file: nothing is yielded unless the whole
 * file is valid.
 */
export const openaiCostsImporter: Importer = {
  source: "openai-costs",
  buffersFile: true,
  // The envelope is shared with the Usage API; the result object (or amount beside line_item) is not.
  detect: ({ container, firstBytes }) =>
    container !== "csv" &&
    container !== "parquet" &&
    (firstBytes.includes(`"${RESULT_OBJECT}"`) || (/"amount"\s*:/.test(firstBytes) && /"line_item"\s*:/.test(firstBytes))),
  async *parse(input, ctx) {
    const records = await importCostPages(input.text(), ctx, PageSchema, (page) =>
      page.data.flatMap((bucket) => bucket.results.map((r) => toRecord(r, bucket.start_time, bucket.end_time, ctx))),
    );
    yield* records;
  },
};
