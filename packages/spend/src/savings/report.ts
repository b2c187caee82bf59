import {
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_TYPES,
  type Recommendation,
  type RecommendationStatus,
  type SavingsReport,
  type SavingsSummary,
  type SavingsWindow,
} from "@caio/core";
import type { ComputedRecommendation } from "./types.js";

/** A stored decision about a recommendation (the store's `savings_decisions` row). */
export interface DecisionInput {
  id: string;
  status: RecommendationStatus;
  note: string;
  monthlySavingMicros: string;
  decidedBy: string;
  decidedAt: string;
}

const savingOf = (r: ComputedRecommendation) => r.baselineMonthlyMicros - r.projectedMonthlyMicros;

/**
 * Identified savings of several recommendations: those on one workload combine (each applies to
 * what the previous ones left: batch after a downshift saves half of the smaller bill), the rest
 * add. Never more than the baselines.
 */
export function combinedSaving(recs: readonly ComputedRecommendation[]): bigint {
  let total = 0n;
  const byWorkload = new Map<string, ComputedRecommendation[]>();
  for (const r of recs) {
    if (r.workloadKey === null) total += savingOf(r);
    else byWorkload.set(r.workloadKey, [...(byWorkload.get(r.workloadKey) ?? []), r]);
  }
  for (const group of byWorkload.values()) {
    // The workload's own monthly cost is the largest baseline among its recommendations.
    const base = group.reduce((m, r) => (r.baselineMonthlyMicros > m ? r.baselineMonthlyMicros : m), 0n);
    if (base === 0n) continue;
    let remaining = base;
    for (const r of [...group].sort((a, b) => (savingOf(b) > savingOf(a) ? 1 : -1))) {
      remaining -= (remaining * savingOf(r)) / base;
    }
    total += base - remaining;
  }
  return total;
}

/** Merges stored statuses into computed recommendations and summarizes them against monthly spend. */
export function buildSavingsReport(
  computed: readonly ComputedRecommendation[],
  decisions: readonly DecisionInput[],
  monthlySpendMicros: bigint,
  window: SavingsWindow | null,
): SavingsReport {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const recommendations: Recommendation[] = computed.map((r) => {
    const d = byId.get(r.id);
    const saving = savingOf(r);
    const { workloadKey: _w, ...rest } = r;
    return {
      ...rest,
      baselineMonthlyMicros: r.baselineMonthlyMicros.toString(),
      projectedMonthlyMicros: r.projectedMonthlyMicros.toString(),
      monthlySavingMicros: saving.toString(),
      annualSavingMicros: (saving * 12n).toString(),
      status: d?.status ?? "open",
      statusNote: d?.note ?? "",
      statusChangedAt: d?.decidedAt ?? null,
      statusChangedBy: d?.decidedBy ?? null,
    };
  });
  const statusOf = new Map(recommendations.map((r) => [r.id, r.status]));
  const live = computed.filter((r) => {
    const s = statusOf.get(r.id);
    return s === "open" || s === "accepted";
  });
  const identified = combinedSaving(live);
  // Done recommendations count at the saving they showed when marked done (they may no longer be computed).
  const realized = decisions.filter((d) => d.status === "done").reduce((a, d) => a + BigInt(d.monthlySavingMicros), 0n);
  // What the company pays per month is its usage plus commitments it pays for but does not use.
  // Contracts appear in the denominator too: unused commitments, and the seat contracts a consolidation covers.
  const unused = computed.filter((r) => r.type === "unused-capacity" && r.vendors.length > 0).reduce((a, r) => a + savingOf(r), 0n);
  const seats = computed.filter((r) => r.type === "consolidation").reduce((a, r) => a + r.baselineMonthlyMicros, 0n);
  const cost = monthlySpendMicros + unused + seats;
  const share = cost > 0n ? Number((identified * 10_000n) / cost) / 10_000 : 0;
  const summary: SavingsSummary = {
    monthlySpendMicros: monthlySpendMicros.toString(),
    identifiedMonthlyMicros: identified.toString(),
    identifiedAnnualMicros: (identified * 12n).toString(),
    unusedCommitmentMicros: unused.toString(),
    contractsMonthlyMicros: seats.toString(),
    shareOfSpend: share.toFixed(4),
    realizedMonthlyMicros: realized.toString(),
    byType: RECOMMENDATION_TYPES.map((type) => {
      const of = live.filter((r) => r.type === type);
      return { type, count: of.length, monthlySavingMicros: combinedSaving(of).toString() };
    }).filter((t) => t.count > 0),
    byStatus: RECOMMENDATION_STATUSES.map((status) => {
      const of = computed.filter((r) => statusOf.get(r.id) === status);
      return { status, count: of.length, monthlySavingMicros: of.reduce((a, r) => a + savingOf(r), 0n).toString() };
    }),
  };
  return { currency: "USD", window, summary, recommendations };
}
