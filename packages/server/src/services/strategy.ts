import {
  type AssessmentAnswers,
  type AssessmentPrefill,
  type AssessmentView,
  type Organization,
  type Plan,
  SHADOW_KINDS,
  type StoredAssessment,
} from "@caio/core";
import type { Actor, Store } from "@caio/db";
import { ASSESSMENT_QUESTIONS, assessLeadership, buildPlan, LEADERSHIP_THRESHOLDS, type PlanFacts } from "@caio/rules";
import { obligationRows, todayOf } from "./governance.js";
import { computeSavings } from "./savings.js";

const DAY = 86_400_000;

/**
 * Annual AI spend from the spend store: counted spend over the last 12 months of data (ending at
 * the last day with usage), annualized when there is less than a year of it. Null without usage.
 */
export async function annualSpend(store: Store, orgId: string): Promise<{ usd: number; from: string; to: string; days: number } | null> {
  const span = await store.spend.dataSpan(orgId);
  if (!span) return null;
  const to = span.last;
  let from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY).toISOString().slice(0, 10);
  if (from < span.first) from = span.first;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
  const cost = BigInt((await store.spend.overview(orgId, { from, to })).costMicros);
  // Whole dollars; annualized linearly over the days covered.
  const usd = Number((cost * 365n) / BigInt(days) / 1_000_000n);
  return { usd, from, to, days };
}

/** Values the assessment can take from the organization's data, and earlier answers for the rest. */
export async function assessmentPrefill(store: Store, orgId: string, latest: StoredAssessment | null): Promise<AssessmentPrefill[]> {
  const out: AssessmentPrefill[] = [];
  const production = await store.systems.list(orgId, { stage: "production", sort: "name", order: "asc", limit: 500, offset: 0 });
  out.push({
    question: "productionWorkloads",
    value: production.total,
    source: `inventory: ${production.total} system(s) in stage production`,
  });
  if (production.total > 0) {
    const facing = production.items.filter((s) => s.customerFacing);
    out.push({
      question: "customerFacingAi",
      value: facing.length > 0,
      source: facing.length
        ? `inventory: customer-facing in production: ${facing.map((s) => s.name).join(", ")}`
        : "inventory: no production system is customer-facing",
    });
  }
  const spend = await annualSpend(store, orgId);
  if (spend)
    out.push({
      question: "annualAiSpendUsd",
      value: spend.usd,
      source:
        spend.days >= 365
          ? `spend: counted spend ${spend.from} to ${spend.to}`
          : `spend: counted spend ${spend.from} to ${spend.to} (${spend.days} days), annualized`,
    });
  if (latest) {
    const found = new Set(out.map((p) => p.question));
    for (const [k, v] of Object.entries(latest.answers) as [keyof AssessmentAnswers, AssessmentAnswers[keyof AssessmentAnswers]][]) {
      if (v === null || found.has(k)) continue;
      out.push({ question: k, value: v, source: `previous answer (${latest.createdBy}, ${latest.createdAt.slice(0, 10)})` });
    }
  }
  return out;
}

export async function assessmentView(store: Store, orgId: string): Promise<AssessmentView> {
  const latest = await store.strategy.latestAssessment(orgId);
  return { questions: [...ASSESSMENT_QUESTIONS], thresholds: LEADERSHIP_THRESHOLDS, prefill: await assessmentPrefill(store, orgId, latest), latest };
}

/** Runs the rules over the answers and stores the result. */
export async function runAssessment(store: Store, orgId: string, answers: AssessmentAnswers, actor: Actor): Promise<StoredAssessment> {
  return store.strategy.saveAssessment(orgId, answers, assessLeadership(answers), actor);
}

/** Gathers the plan's measures from the product's data. */
export async function planFacts(store: Store, orgId: string): Promise<PlanFacts> {
  const [counts, findings, obligations, savings, useCases] = await Promise.all([
    store.strategy.planCounts(orgId),
    store.discovery.findings(orgId, { status: "open", scope: "runtime" }),
    obligationRows(store, orgId),
    computeSavings(store, orgId),
    store.strategy.useCaseCounts(orgId),
  ]);
  const runtime = findings.filter((f) => SHADOW_KINDS.includes(f.kind));
  const recs = savings.report.recommendations;
  return {
    ...counts,
    runtimeFindings: runtime.length,
    shadowFindings: runtime.filter((f) => f.shadow).length,
    obligations: obligations.length,
    obligationsOwned: obligations.filter((o) => o.owner.trim() !== "").length,
    savingsRecommendations: recs.length,
    savingsDecided: recs.filter((r) => r.status !== "open").length,
    useCases,
  };
}

/** The 30/60/90-day plan: starts on the stored start date, else on the organization's creation day. */
export async function computePlan(store: Store, org: Organization): Promise<Plan> {
  const [facts, stored] = await Promise.all([planFacts(store, org.id), store.strategy.planStart(org.id)]);
  return buildPlan(facts, {
    start: stored?.start ?? org.createdAt.slice(0, 10),
    startSource: stored ? "set" : "organization-created",
    startSetBy: stored?.updatedBy ?? null,
    today: todayOf(store),
  });
}
