import { canonicalJson, sha256Hex } from "@caio/core/node";

export {
  type ServiceTier,
  ServiceTierSchema,
  type SpendSource,
  SpendSourceSchema,
  type UsageRecord,
  UsageRecordSchema,
} from "@caio/core";

import type { UsageRecord } from "@caio/core";

/** The dimensions that identify a record; two records with equal dimensions describe the same usage. */
export type RecordIdentity = Pick<
  UsageRecord,
  | "source"
  | "periodStart"
  | "periodEnd"
  | "provider"
  | "modelReported"
  | "projectId"
  | "workspaceId"
  | "apiKeyHash"
  | "userId"
  | "serviceTier"
  | "batch"
  | "longContext"
  | "tags"
> & { requestId?: string | null };

/**
 * The record key: SHA-256 of the canonical JSON of the identifying dimensions (source, bucket
 * bounds, provider, reported model, project, workspace, key hash, user, tier, batch, long context,
 * tags). Re-importing the same bucket yields the same key, which makes imports idempotent.
 */
export function recordKeyOf(id: RecordIdentity): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      source: id.source,
      periodStart: id.periodStart,
      periodEnd: id.periodEnd,
      provider: id.provider,
      modelReported: id.modelReported,
      projectId: id.projectId,
      workspaceId: id.workspaceId,
      apiKeyHash: id.apiKeyHash,
      userId: id.userId,
      serviceTier: id.serviceTier,
      batch: id.batch,
      longContext: id.longContext,
      tags: id.tags,
      // Only per-request records carry an id, so bucket records keep their v1 keys.
      ...(id.requestId ? { requestId: id.requestId } : {}),
    }),
  );
}

export { hashApiKey } from "@caio/core/node";

/** Total input tokens of a record (all disjoint input buckets). */
export function totalInput(r: Pick<UsageRecord, "uncachedInput" | "cacheRead" | "cacheWrite5m" | "cacheWrite1h">): number {
  return r.uncachedInput + r.cacheRead + r.cacheWrite5m + r.cacheWrite1h;
}
