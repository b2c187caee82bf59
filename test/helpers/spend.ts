import type { UsageRecord } from "@caio/core";
import { recordKeyOf } from "@caio/spend";

/** A normalized usage record for tests, with its real record key. */
export function usageRecord(day: string, cost: bigint | null, extra: Partial<UsageRecord> = {}): UsageRecord {
  const model = extra.model ?? "gpt-4o";
  const base = {
    source: "openai-usage" as const,
    day,
    hour: null,
    periodStart: `${day}T00:00:00.000Z`,
    periodEnd: `${day}T23:59:59.999Z`,
    provider: "openai",
    model,
    modelReported: model,
    projectId: "proj_1",
    workspaceId: null,
    apiKeyHash: null,
    userId: null,
    team: null,
    tags: {},
    uncachedInput: 1000,
    cacheRead: 200,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: 300,
    reasoning: 0,
    inputAudio: 0,
    outputAudio: 0,
    webSearches: 0,
    requests: 7,
    batch: false,
    serviceTier: "standard" as const,
    longContext: false,
    billedCostMicros: null,
    listCostMicros: cost,
    currency: "USD",
    requestId: null,
    ...extra,
  };
  return { ...base, recordKey: recordKeyOf(base) };
}
