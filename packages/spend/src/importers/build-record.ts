import type { ImportContext } from "../importer.js";
import { recordKeyOf, type UsageRecord } from "../record.js";

/** A record before its key, canonical model and list cost are filled in. */
export type RecordDraft = Omit<UsageRecord, "recordKey" | "model" | "listCostMicros" | "day" | "hour" | "billedCostMicros" | "currency" | "requestId"> & {
  requestId?: string | null;
  billedCostMicros?: bigint | null;
  currency?: string;
};

/**
 * Completes a draft: UTC day and hour (the hour only for buckets shorter than a day), canonical
 * model from the catalog, list cost from the pricer and the record key.
 */
export function buildRecord(draft: RecordDraft, ctx: ImportContext): UsageRecord {
  const start = new Date(draft.periodStart);
  const end = new Date(draft.periodEnd);
  const subDaily = end.getTime() - start.getTime() < 86_400_000;
  const reported = draft.modelReported;
  const model = reported === null ? "unknown" : (ctx.pricer.catalogModel(draft.provider, reported, start) ?? reported);
  const priced = reported === null ? null : ctx.pricer.price(draft.provider, reported, start, draft);
  return {
    ...draft,
    requestId: draft.requestId ?? null,
    recordKey: recordKeyOf(draft),
    day: draft.periodStart.slice(0, 10),
    hour: subDaily ? start.getUTCHours() : null,
    model,
    billedCostMicros: draft.billedCostMicros ?? null,
    listCostMicros: priced?.micros ?? null,
    currency: draft.currency ?? "USD",
  };
}

/** Unix seconds → ISO 8601 UTC. */
export function isoFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
