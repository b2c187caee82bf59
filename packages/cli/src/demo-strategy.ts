import { type AssessmentAnswers, AssessmentAnswersSchema, type LeadershipOutcome } from "@caio/core";
import type { Store } from "@caio/db";
import { assessmentPrefill, runAssessment } from "@caio/server";

/**
 * Meridian's leadership-need assessment: ~400 employees and ~60 engineers (asked), production
 * workloads and customer-facing AI from the inventory, annual spend from the ledger (prefilled),
 * regulators and customers pressing, core systems in place, an adoption gap, ongoing help wanted.
 * The 30/60/90-day plan started 40 days ago.
 */
export async function seedDemoStrategy(store: Store, orgId: string, actor: string): Promise<{ recommendation: LeadershipOutcome }> {
  const prefill = await assessmentPrefill(store, orgId, null);
  const found = Object.fromEntries(prefill.map((p) => [p.question, p.value]));
  const answers: AssessmentAnswers = AssessmentAnswersSchema.parse({
    employees: 400,
    engineers: 60,
    ...found,
    coreSystemsInPlace: true,
    pressureCustomers: true,
    pressureRegulators: true,
    pressureBoard: false,
    aiRevenueMeaningful: false,
    gap: "adoption",
    appetite: "ongoing",
  });
  const stored = await runAssessment(store, orgId, answers, { label: actor });
  // The officer started 40 days ago: the day-30 milestones are due, the day-60 ones under way.
  const start = new Date(Date.parse(store.now()) - 40 * 86_400_000).toISOString().slice(0, 10);
  await store.strategy.setPlanStart(orgId, start, { label: actor });
  return { recommendation: stored.result.recommendation };
}
