/**
 * Shared pieces of the provider cost-report importers (OpenAI Costs API, Anthropic cost report):
 * API pages of daily buckets whose results state billed money but no usage.
 */
import { z } from "zod";
import type { ImportContext } from "../importer.js";
import type { UsageRecord } from "../record.js";
import { buildRecord, type RecordDraft } from "./build-record.js";
import { type LocatedPage, pageIssue, readAll, splitPages } from "./json-pages.js";
import { parseDecimal } from "./row-fields.js";

/** The usage part of a cost record: a cost result carries no token or request counts. */
export const NO_USAGE = {
  uncachedInput: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 0,
  reasoning: 0,
  inputAudio: 0,
  outputAudio: 0,
  webSearches: 0,
  requests: 0,
} as const;

/** A three-letter ISO 4217 code in any case (OpenAI writes `usd`), stored upper-case. */
export const currencyCode = () =>
  z
    .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a three-letter ISO 4217 currency code such as USD") })
    .regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 4217 currency code such as USD")
    .transform((s) => s.toUpperCase());

/** True when `v` is a decimal number or decimal string (exponent allowed). */
export function isDecimal(v: unknown): boolean {
  return parseDecimal(v) !== undefined;
}

/** True when `v` is a decimal that is not below zero. */
export function isNonNegativeDecimal(v: unknown): boolean {
  const d = parseDecimal(v);
  return d !== undefined && d.digits >= 0n;
}

/**
 * Completes a cost record. The billed amount is the figure of record; there are no token counts,
 * so there is nothing to price at list rates and `listCostMicros` is null (not a misleading 0,
 * which the catalog would give for a known model with zero tokens).
 */
export function costRecord(draft: RecordDraft & { billedCostMicros: bigint; currency: string }, ctx: ImportContext): UsageRecord {
  return { ...buildRecord(draft, ctx), listCostMicros: null };
}

/**
 * Reads a page export (one page, an array of pages, or JSONL of pages), validates every page
 * against `schema` and maps it to records. The whole file is validated before anything is
 * returned, so a bad file yields nothing.
 */
export async function importCostPages<T>(
  text: AsyncIterable<string>,
  ctx: ImportContext,
  schema: z.ZodType<T>,
  toRecords: (page: T, where: LocatedPage) => UsageRecord[],
): Promise<UsageRecord[]> {
  const pages = splitPages(await readAll(text), ctx.fileName);
  return pages.flatMap((page) => {
    const parsed = schema.safeParse(page.value);
    if (!parsed.success) pageIssue(ctx.fileName, page, parsed.error.issues[0] ?? { path: [], message: "invalid page" });
    return toRecords(parsed.data, page);
  });
}
