import type { UsageRecord } from "./record.js";

/** Sums over records, all as bigint so no total drifts or overflows. */
export interface SpendTotals {
  records: bigint;
  uncachedInput: bigint;
  cacheRead: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
  output: bigint;
  reasoning: bigint;
  webSearches: bigint;
  requests: bigint;
  /** Sum of list costs of the priced records. */
  listCostMicros: bigint;
  /** Records without a list cost (unknown model). */
  unpriced: bigint;
  billedCostMicros: bigint;
}

/** Zero totals. */
export function emptyTotals(): SpendTotals {
  return {
    records: 0n,
    uncachedInput: 0n,
    cacheRead: 0n,
    cacheWrite5m: 0n,
    cacheWrite1h: 0n,
    output: 0n,
    reasoning: 0n,
    webSearches: 0n,
    requests: 0n,
    listCostMicros: 0n,
    unpriced: 0n,
    billedCostMicros: 0n,
  };
}

/** Adds one record to totals in place and returns them. */
export function addToTotals(t: SpendTotals, r: UsageRecord): SpendTotals {
  t.records += 1n;
  t.uncachedInput += BigInt(r.uncachedInput);
  t.cacheRead += BigInt(r.cacheRead);
  t.cacheWrite5m += BigInt(r.cacheWrite5m);
  t.cacheWrite1h += BigInt(r.cacheWrite1h);
  t.output += BigInt(r.output);
  t.reasoning += BigInt(r.reasoning);
  t.webSearches += BigInt(r.webSearches);
  t.requests += BigInt(r.requests);
  if (r.listCostMicros === null) t.unpriced += 1n;
  else t.listCostMicros += r.listCostMicros;
  if (r.billedCostMicros !== null) t.billedCostMicros += r.billedCostMicros;
  return t;
}

/** Totals of a list of records. */
export function totalsOf(records: Iterable<UsageRecord>): SpendTotals {
  const t = emptyTotals();
  for (const r of records) addToTotals(t, r);
  return t;
}
