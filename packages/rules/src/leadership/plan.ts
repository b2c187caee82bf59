/**
 * The 30/60/90-day plan as data: three parallel workstreams with milestones due at day 30, 60
 * and 90 from the plan's start, each measured from the product's own data (`PlanFacts`), never
 * ticked by hand. `buildPlan` turns the facts and the clock into progress and status.
 */
import type { MilestoneStatus, Plan, PlanMilestone, PlanWorkstream } from "@caio/core";

/** Counts gathered from the organization's data. */
export interface PlanFacts {
  /** Systems in stage pilot or production, and those with both a business and a technical owner. */
  liveSystems: number;
  liveSystemsOwned: number;
  repositoriesScanned: number;
  usageRecords: number;
  /** Open runtime AI findings (the kinds that can be shadow AI), and those not registered (shadow). */
  runtimeFindings: number;
  shadowFindings: number;
  vendors: number;
  vendorsWithContract: number;
  /** Systems not retired, and those with a classification. */
  activeSystems: number;
  classifiedSystems: number;
  /** Latest classifications whose status is complete (not needs-review or incomplete). */
  completeClassifications: number;
  obligations: number;
  obligationsOwned: number;
  /** Of the four policies, how many have an approved version. */
  policiesApproved: number;
  productionSystems: number;
  productionSystemsWithRisk: number;
  risks: number;
  savingsRecommendations: number;
  savingsDecided: number;
  assessments: number;
  /** Use cases (null when the portfolio is not there). */
  useCases: { total: number; scored: number; funded: number; piloted: number } | null;
}

export const WORKSTREAM_TITLES: Record<PlanWorkstream, string> = {
  "inventory-assessment": "Inventory and assessment",
  "governance-baseline": "Governance baseline",
  "strategic-roadmap": "Strategic roadmap",
};

type Measure = (f: PlanFacts) => { done: number; of: number; figures: string };

export interface MilestoneDef {
  id: string;
  workstream: PlanWorkstream;
  dueDay: 30 | 60 | 90;
  title: string;
  measure: string;
  link: string;
  progress: Measure;
}

const share = (done: number, of: number, what: string) => ({ done, of, figures: `${done} of ${of} ${what}` });
const atLeast = (n: number, target: number, what: string) => ({ done: Math.min(n, target), of: target, figures: `${n} ${what} (target ${target})` });

export const MILESTONES: readonly MilestoneDef[] = [
  {
    id: "inventory.owners",
    workstream: "inventory-assessment",
    dueDay: 30,
    title: "Pilot and production systems registered with owners",
    measure: "Share of systems in pilot or production with both a business and a technical owner.",
    link: "systems",
    progress: (f) =>
      f.liveSystems === 0
        ? { done: 0, of: 1, figures: "no pilot or production systems registered yet" }
        : share(f.liveSystemsOwned, f.liveSystems, "pilot and production systems have both owners"),
  },
  {
    id: "inventory.scan",
    workstream: "inventory-assessment",
    dueDay: 30,
    title: "Repositories scanned for AI",
    measure: "At least one repository scanned with caio scan.",
    link: "discovery",
    progress: (f) => atLeast(f.repositoriesScanned, 1, "repositories scanned"),
  },
  {
    id: "inventory.spend",
    workstream: "inventory-assessment",
    dueDay: 30,
    title: "AI spend imported",
    measure: "Any usage records imported.",
    link: "spend",
    progress: (f) => ({ done: f.usageRecords > 0 ? 1 : 0, of: 1, figures: `${f.usageRecords.toLocaleString("en-US")} usage records imported` }),
  },
  {
    id: "inventory.shadow",
    workstream: "inventory-assessment",
    dueDay: 30,
    title: "Shadow AI resolved",
    measure: "Share of open runtime AI findings that are registered in the inventory (not shadow AI).",
    link: "discovery",
    progress: (f) =>
      f.runtimeFindings === 0
        ? f.repositoriesScanned > 0
          ? { done: 1, of: 1, figures: "no runtime AI findings in the scanned repositories" }
          : { done: 0, of: 1, figures: "nothing scanned yet" }
        : share(f.runtimeFindings - f.shadowFindings, f.runtimeFindings, `runtime AI findings registered (${f.shadowFindings} shadow)`),
  },
  {
    id: "inventory.contracts",
    workstream: "inventory-assessment",
    dueDay: 30,
    title: "Vendor contracts on file",
    measure: "Share of vendors with contract data (start, end or commitment).",
    link: "vendors",
    progress: (f) =>
      f.vendors === 0 ? { done: 0, of: 1, figures: "no vendors registered yet" } : share(f.vendorsWithContract, f.vendors, "vendors with contract data"),
  },
  {
    id: "inventory.savings",
    workstream: "inventory-assessment",
    dueDay: 90,
    title: "Savings recommendations decided",
    measure: "Share of current savings recommendations accepted, dismissed or done.",
    link: "savings",
    progress: (f) =>
      f.savingsRecommendations === 0
        ? f.usageRecords > 0
          ? { done: 1, of: 1, figures: "no savings recommendations to decide" }
          : { done: 0, of: 1, figures: "no spend imported yet" }
        : share(f.savingsDecided, f.savingsRecommendations, "savings recommendations decided"),
  },
  {
    id: "inventory.assessment",
    workstream: "inventory-assessment",
    dueDay: 90,
    title: "Leadership-need assessment done",
    measure: "A stored leadership-need assessment.",
    link: "assessment",
    progress: (f) => ({ done: f.assessments > 0 ? 1 : 0, of: 1, figures: f.assessments > 0 ? `${f.assessments} assessment(s) stored` : "not assessed yet" }),
  },
  {
    id: "governance.classified",
    workstream: "governance-baseline",
    dueDay: 60,
    title: "Every system classified",
    measure: "Share of systems (not retired) with a classification.",
    link: "systems",
    progress: (f) =>
      f.activeSystems === 0 ? { done: 0, of: 1, figures: "no systems registered yet" } : share(f.classifiedSystems, f.activeSystems, "systems classified"),
  },
  {
    id: "governance.complete",
    workstream: "governance-baseline",
    dueDay: 60,
    title: "Classifications complete",
    measure: "Share of latest classifications that are complete (not needs-review or incomplete).",
    link: "systems",
    progress: (f) =>
      f.classifiedSystems === 0
        ? { done: 0, of: 1, figures: "no classifications yet" }
        : share(f.completeClassifications, f.classifiedSystems, "classifications complete"),
  },
  {
    id: "governance.obligation-owners",
    workstream: "governance-baseline",
    dueDay: 60,
    title: "Obligations have owners",
    measure: "Share of obligations from the classifications with an owner.",
    link: "obligations",
    progress: (f) =>
      f.obligations === 0 ? { done: 0, of: 1, figures: "no obligations derived yet" } : share(f.obligationsOwned, f.obligations, "obligations with an owner"),
  },
  {
    id: "governance.policies",
    workstream: "governance-baseline",
    dueDay: 90,
    title: "The four AI policies approved",
    measure: "Policies with an approved version, of the four (acceptable use, third-party data, generated content, customer-facing).",
    link: "policies",
    progress: (f) => share(f.policiesApproved, 4, "policies approved"),
  },
  {
    id: "governance.risks",
    workstream: "governance-baseline",
    dueDay: 90,
    title: "Risks registered for production systems",
    measure: "Share of production systems with at least one risk in the register (any risk when none is in production).",
    link: "risks",
    progress: (f) =>
      f.productionSystems === 0
        ? { done: f.risks > 0 ? 1 : 0, of: 1, figures: `${f.risks} risks registered` }
        : share(f.productionSystemsWithRisk, f.productionSystems, "production systems with a registered risk"),
  },
  {
    id: "roadmap.scored",
    workstream: "strategic-roadmap",
    dueDay: 30,
    title: "Use cases scored",
    measure: "At least three use cases in the portfolio with a build / buy / wait / stop recommendation.",
    link: "portfolio",
    progress: (f) => (f.useCases ? atLeast(f.useCases.scored, 3, "use cases scored") : { done: 0, of: 1, figures: "no use-case portfolio yet" }),
  },
  {
    id: "roadmap.funded",
    workstream: "strategic-roadmap",
    dueDay: 60,
    title: "Two or three use cases funded",
    measure: "At least two use cases marked funded (two or three is the target).",
    link: "portfolio",
    progress: (f) => (f.useCases ? atLeast(f.useCases.funded, 2, "use cases funded") : { done: 0, of: 1, figures: "no use-case portfolio yet" }),
  },
  {
    id: "roadmap.pilot",
    workstream: "strategic-roadmap",
    dueDay: 90,
    title: "A pilot started",
    measure: "At least one use case in pilot or production.",
    link: "portfolio",
    progress: (f) => (f.useCases ? atLeast(f.useCases.piloted, 1, "use cases piloted") : { done: 0, of: 1, figures: "no use-case portfolio yet" }),
  },
];

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/**
 * Status by the clock: done at 100%; overdue when the due date has passed; at risk when progress
 * is behind the share of the milestone's window already elapsed; otherwise on track.
 */
export function milestoneStatus(progress: number, start: string, dueDay: number, today: string): MilestoneStatus {
  if (progress >= 100) return "done";
  const elapsed = daysBetween(start, today);
  if (elapsed > dueDay) return "overdue";
  if (elapsed <= 0) return "on-track";
  return progress < Math.floor((elapsed / dueDay) * 100) ? "at-risk" : "on-track";
}

const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((s, x) => s + x, 0) / xs.length) : 0);

/** The plan from the facts, the start date and today. */
export function buildPlan(facts: PlanFacts, opts: { start: string; startSource: Plan["startSource"]; startSetBy: string | null; today: string }): Plan {
  const milestones: PlanMilestone[] = MILESTONES.map((m) => {
    const p = m.progress(facts);
    const progress = p.of <= 0 ? 0 : Math.min(100, Math.floor((p.done / p.of) * 100));
    return {
      id: m.id,
      workstream: m.workstream,
      title: m.title,
      measure: m.measure,
      dueDay: m.dueDay,
      dueDate: addDays(opts.start, m.dueDay),
      progress,
      figures: p.figures,
      status: milestoneStatus(progress, opts.start, m.dueDay, opts.today),
      link: m.link,
    };
  });
  const workstreams = (Object.keys(WORKSTREAM_TITLES) as PlanWorkstream[]).map((id) => {
    const ms = milestones.filter((m) => m.workstream === id).sort((a, b) => a.dueDay - b.dueDay);
    return { id, title: WORKSTREAM_TITLES[id], progress: avg(ms.map((m) => m.progress)), milestones: ms };
  });
  return {
    start: opts.start,
    startSource: opts.startSource,
    startSetBy: opts.startSetBy,
    today: opts.today,
    day: daysBetween(opts.start, opts.today),
    progress: avg(milestones.map((m) => m.progress)),
    workstreams,
  };
}
