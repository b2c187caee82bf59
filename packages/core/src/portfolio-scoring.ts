/**
 * The use-case portfolio's rules, as data with their thresholds visible: the four scores and
 * priority, build / buy / wait / stop with the reasons that fired, the fund marks, the stage
 * gates, ROI and payback, and the roadmap by quarter. Pure functions of the stored use cases and
 * the day (`today`, YYYY-MM-DD, UTC): no I/O, no clock. docs/portfolio.md explains each rule.
 */
import { decimalToMicros, microsToDecimal } from "./money.js";
import type {
  DataReadiness,
  KpiActual,
  PortfolioReason,
  PortfolioRecommendation,
  Roadmap,
  RoadmapItem,
  RoadmapQuarter,
  RoiReport,
  StageGate,
  UseCase,
  UseCaseAssessment,
  UseCaseGates,
  UseCaseRoi,
  UseCaseScores,
  UseCaseView,
} from "./portfolio.js";
import { daysBetween } from "./risks.js";

// ---- thresholds ----

/**
 * Value score from the estimated annual value (USD): $1M and more is 5, $500k 4, $250k 3,
 * $100k 2, less 1. Sized for a mid-sized company (hundreds of employees), where a use case worth
 * $1M a year is among the best it has.
 */
export const VALUE_SCORE_BANDS: readonly { minUsd: number; score: number }[] = [
  { minUsd: 1_000_000, score: 5 },
  { minUsd: 500_000, score: 4 },
  { minUsd: 250_000, score: 3 },
  { minUsd: 100_000, score: 2 },
];

/** Points of data readiness, the base of feasibility and of time to value. */
export const READINESS_POINTS: Readonly<Record<DataReadiness, number>> = { ready: 5, partial: 3, none: 1 };

/** Feasibility penalty by number of dependencies: 2 or 3 dependencies −1, 4 or more −2. */
export const DEPENDENCY_PENALTIES: readonly { atLeast: number; minus: number }[] = [
  { atLeast: 4, minus: 2 },
  { atLeast: 2, minus: 1 },
];

/**
 * Feasibility adjustment by build cost relative to annual value: at most a quarter of a year's
 * value +1; more than one year's value −1; more than two years' value (or no value at all) −2.
 */
export const BUILD_TO_VALUE = { cheapAtMost: 0.25, costlyAbove: 1, veryCostlyAbove: 2 } as const;

/**
 * Risk score: starts at 5 (little risk) and loses points per label: AI Act high-risk −2,
 * systemic-risk general-purpose model −1, transparency duties −1, and −1 once for any other
 * label (free labels such as "personal-data"). "minimal" and "out-of-scope" cost nothing.
 * A "prohibited" label sets it to 1 and the recommendation to stop.
 */
export const RISK_LABEL_PENALTIES: Readonly<Record<string, number>> = { "high-risk": 2, "gpai-systemic-risk": 1, transparency: 1 };
export const OTHER_LABEL_PENALTY = 1;
export const HARMLESS_LABELS: readonly string[] = ["minimal", "out-of-scope", "art6-3-exempt"];

/** Time-to-value adjustment by build cost (USD): $50k or less +1, from $150k −1, from $500k −2. */
export const BUILD_COST_TIME = { quickAtMostUsd: 50_000, slowFromUsd: 150_000, verySlowFromUsd: 500_000 } as const;

/** Weights of the priority (they add up to 1): value first, then feasibility, time to value and risk. */
export const PRIORITY_WEIGHTS = { value: 0.4, feasibility: 0.25, timeToValue: 0.2, risk: 0.15 } as const;

/** Days a pilot has to show its KPI moving past the baseline before "value unproven" stops it. */
export const PILOT_WINDOW_DAYS = 90;

/** Stage gates: a funded use case starts its pilot within 30 days; a pilot reaches production within 90 days. */
export const PILOT_GATE_DAYS = 30;
export const PRODUCTION_GATE_DAYS = 90;

/** The top build/buy use cases by priority marked "fund": at most 3, and only from priority 3.0. */
export const FUND_SLOTS = 3;
export const FUND_MIN_PRIORITY = 3;

/** Credit for beating the KPI target is capped at 150 % of the planned value. */
export const MAX_PROGRESS = 1.5;

/** The build cost counts against ROI spread over three years. */
export const BUILD_AMORTIZATION_YEARS = 3;

/** Roadmap: new pilots starting per quarter, quarters from pilot start to production, quarters shown at least and at most. */
export const PILOTS_PER_QUARTER = 2;
export const PILOT_TO_PRODUCTION_QUARTERS = 1;
export const ROADMAP_MIN_QUARTERS = 4;
export const ROADMAP_MAX_QUARTERS = 12;

// ---- helpers ----

const MICROS_PER_USD = 1_000_000n;
const usd = (amount: string) => decimalToMicros(amount);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
const money = (micros: bigint) => `$${Number(micros / MICROS_PER_USD).toLocaleString("en-US")}`;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The latest actual: by measurement day, then by when it was recorded. */
export function latestActual(actuals: readonly KpiActual[]): KpiActual | null {
  let best: KpiActual | null = null;
  for (const a of actuals) if (!best || a.on > best.on || (a.on === best.on && a.createdAt > best.createdAt)) best = a;
  return best;
}

/**
 * How far a KPI value has moved from the baseline toward the target: 0 at the baseline, 1 at the
 * target, negative when worse than the baseline (works for KPIs that should fall, too). Null
 * without a baseline and a target.
 */
export function kpiProgress(u: Pick<UseCase, "kpiBaseline" | "kpiTarget">, value: number): number | null {
  if (u.kpiBaseline === null || u.kpiTarget === null || u.kpiBaseline === u.kpiTarget) return null;
  return (value - u.kpiBaseline) / (u.kpiTarget - u.kpiBaseline);
}

// ---- scores ----

export function valueScore(annualValue: string): number {
  const micros = usd(annualValue);
  for (const b of VALUE_SCORE_BANDS) if (micros >= BigInt(b.minUsd) * MICROS_PER_USD) return b.score;
  return 1;
}

export function feasibilityScore(u: Pick<UseCase, "dataReadiness" | "dependencies" | "buildCost" | "annualValue">): number {
  let s = READINESS_POINTS[u.dataReadiness];
  const dep = DEPENDENCY_PENALTIES.find((d) => u.dependencies.length >= d.atLeast);
  if (dep) s -= dep.minus;
  const value = usd(u.annualValue);
  const build = usd(u.buildCost);
  if (value === 0n) s -= build > 0n ? 2 : 0;
  else {
    const ratio = Number(build) / Number(value);
    if (ratio > BUILD_TO_VALUE.veryCostlyAbove) s -= 2;
    else if (ratio > BUILD_TO_VALUE.costlyAbove) s -= 1;
    else if (ratio <= BUILD_TO_VALUE.cheapAtMost) s += 1;
  }
  return clamp(s, 1, 5);
}

export function riskScore(riskLabels: readonly string[]): number {
  const labels = riskLabels.map((l) => l.toLowerCase());
  if (labels.includes("prohibited")) return 1;
  let s = 5;
  let other = false;
  for (const l of new Set(labels)) {
    const p = RISK_LABEL_PENALTIES[l];
    if (p !== undefined) s -= p;
    else if (!HARMLESS_LABELS.includes(l)) other = true;
  }
  if (other) s -= OTHER_LABEL_PENALTY;
  return clamp(s, 1, 5);
}

export function timeToValueScore(u: Pick<UseCase, "dataReadiness" | "buildCost">): number {
  let s = READINESS_POINTS[u.dataReadiness];
  const build = usd(u.buildCost);
  const at = (n: number) => BigInt(n) * MICROS_PER_USD;
  if (build >= at(BUILD_COST_TIME.verySlowFromUsd)) s -= 2;
  else if (build >= at(BUILD_COST_TIME.slowFromUsd)) s -= 1;
  else if (build <= at(BUILD_COST_TIME.quickAtMostUsd)) s += 1;
  return clamp(s, 1, 5);
}

export function scoreUseCase(u: UseCase): UseCaseScores {
  const value = valueScore(u.annualValue);
  const feasibility = feasibilityScore(u);
  const risk = riskScore(u.riskLabels);
  const timeToValue = timeToValueScore(u);
  const w = PRIORITY_WEIGHTS;
  const priority = round(w.value * value + w.feasibility * feasibility + w.timeToValue * timeToValue + w.risk * risk, 1);
  return { value, feasibility, risk, timeToValue, priority: clamp(priority, 1, 5) };
}

// ---- recommendation ----

/**
 * Build / buy / wait / stop for one use case on `today`, with every reason that fired: the
 * deciding rule first. Rules, in order: prohibited → stop; stopped by decision → stop; pilot
 * older than the window without any KPI actual better than the baseline → stop; in production
 * → build (keep running); commoditizing within 12 months → wait; not differentiating and a
 * vendor's offering rising → buy; not differentiating and a vendor offering it → buy; no data
 * → wait; otherwise build.
 */
export function recommend(u: UseCase, today: string): { recommendation: PortfolioRecommendation; reasons: PortfolioReason[] } {
  const labels = u.riskLabels.map((l) => l.toLowerCase());
  const supporting: PortfolioReason[] = [];
  if (labels.includes("high-risk"))
    supporting.push({
      code: "high-risk",
      text: "High-risk under the EU AI Act: conformity, oversight and logging obligations add cost and time (risk score −2).",
    });
  if (u.kpiBaseline === null || u.kpiTarget === null)
    supporting.push({ code: "no-kpi", text: "No KPI baseline and target yet: the value cannot be measured until both are set." });
  if (valueScore(u.annualValue) === 1)
    supporting.push({ code: "low-value", text: `Estimated value under ${money(BigInt(VALUE_SCORE_BANDS.at(-1)?.minUsd ?? 0) * MICROS_PER_USD)} a year.` });

  const decide = (recommendation: PortfolioRecommendation, reason: PortfolioReason) => ({ recommendation, reasons: [reason, ...supporting] });

  if (labels.includes("prohibited"))
    return decide("stop", {
      code: "prohibited",
      text: "Prohibited practice under EU AI Act Art 5 (from the classification or a label): it may not be placed on the market or used.",
    });
  if (u.stage === "stopped") return decide("stop", { code: "stopped", text: "Stopped by decision." });

  const improved = u.actuals.some((a) => (kpiProgress(u, a.value) ?? 0) > 0);
  if (u.stage === "pilot" && u.pilotStartedOn) {
    const age = daysBetween(u.pilotStartedOn, today);
    if (age > PILOT_WINDOW_DAYS && !improved)
      return decide("stop", {
        code: "unproven-after-pilot",
        text: `Value unproven: the pilot started ${u.pilotStartedOn}, ${age} days ago (window ${PILOT_WINDOW_DAYS} days), and no KPI actual is better than the baseline.`,
      });
    if (age <= PILOT_WINDOW_DAYS && !improved)
      supporting.push({
        code: "pilot-window",
        text: `${PILOT_WINDOW_DAYS - age} of the ${PILOT_WINDOW_DAYS} pilot days left to show the KPI moving past the baseline.`,
      });
  }
  if (u.stage === "production")
    return decide("build", {
      code: "in-production",
      text: `In production${u.productionOn ? ` since ${u.productionOn}` : ""}: keep it running and funded while its ROI holds.`,
    });
  if (u.commoditizing)
    return decide("wait", {
      code: "commoditizing",
      text: "The market is expected to commoditize this within 12 months: wait and adopt it cheaply then, rather than build now.",
    });
  if (!u.differentiating && u.vendorTrend === "rising")
    return decide("buy", {
      code: "vendor-rising",
      text: "Vendors' offerings are improving fast and the capability does not set the company apart: buy rather than build.",
    });
  if (!u.differentiating && u.vendorTrend === "flat")
    return decide("buy", { code: "vendor-available", text: "A vendor offers it and it does not set the company apart: buy rather than build." });
  if (u.dataReadiness === "none")
    return decide("wait", { code: "no-data", text: "The data it needs is not available yet (data readiness: none): wait until it is." });
  if (u.differentiating)
    return decide("build", {
      code: "differentiating",
      text:
        u.vendorTrend === "none"
          ? "Differentiating and no vendor offers it: build it in-house."
          : "Differentiating: build it in-house to keep the advantage, even though vendors offer something similar.",
    });
  return decide("build", { code: "no-vendor", text: "No vendor offers it: build it, keeping the scope small." });
}

/** Scores and recommendations for the whole portfolio, with the top build/buy use cases by priority marked "fund". */
export function assessPortfolio(useCases: readonly UseCase[], today: string): Map<string, UseCaseAssessment> {
  const out = new Map<string, UseCaseAssessment>();
  for (const u of useCases) {
    const r = recommend(u, today);
    out.set(u.id, { scores: scoreUseCase(u), recommendation: r.recommendation, reasons: r.reasons, fund: false, rank: null });
  }
  const ranked = useCases
    .filter((u) => {
      const a = out.get(u.id);
      return a && (a.recommendation === "build" || a.recommendation === "buy");
    })
    .sort((a, b) => (out.get(b.id)?.scores.priority ?? 0) - (out.get(a.id)?.scores.priority ?? 0) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  ranked.forEach((u, i) => {
    const a = out.get(u.id);
    if (!a) return;
    a.rank = i + 1;
    if (i < FUND_SLOTS && a.scores.priority >= FUND_MIN_PRIORITY) {
      a.fund = true;
      a.reasons.push({ code: "fund", text: `Rank ${i + 1} by priority (${a.scores.priority}) among build and buy: recommended for funding.` });
    }
  });
  return out;
}

// ---- stage gates ----

function gate(from: string | null, days: number, passedOn: string | null, passed: boolean, today: string): StageGate {
  if (passed && (passedOn === null || from === null)) return { state: "met", from, dueDate: from ? addDays(from, days) : null, daysLeft: null };
  if (from === null) return { state: "not-started", from: null, dueDate: null, daysLeft: null };
  const dueDate = addDays(from, days);
  if (passed && passedOn) return { state: passedOn <= dueDate ? "met" : "late", from, dueDate, daysLeft: null };
  const daysLeft = daysBetween(today, dueDate);
  return { state: daysLeft < 0 ? "overdue" : "due", from, dueDate, daysLeft };
}

/**
 * The stage gates on `today`. Pilot: the clock starts when the use case is funded (its funding
 * day, or its creation day when funded without one) and runs 30 days; unfunded ideas have no
 * clock. Production: the clock starts on the pilot's first day and runs 90 days. On the due day
 * a gate is still due; the day after it is overdue (or late, once passed). A stopped use case's
 * pending gates do not apply.
 */
export function stageGates(u: UseCase, today: string): UseCaseGates {
  const fundedFrom = u.fundedOn ?? (u.funded ? u.createdAt.slice(0, 10) : null);
  const pilotPassed = u.pilotStartedOn !== null || u.stage === "production";
  let pilot = gate(fundedFrom, PILOT_GATE_DAYS, u.pilotStartedOn, pilotPassed, today);
  let production = gate(u.pilotStartedOn, PRODUCTION_GATE_DAYS, u.productionOn, u.stage === "production" || u.productionOn !== null, today);
  if (u.stage === "stopped") {
    const na = (g: StageGate): StageGate => (g.state === "due" || g.state === "overdue" ? { ...g, state: "not-applicable", daysLeft: null } : g);
    pilot = na(pilot);
    production = na(production);
  }
  return { pilot, production, stalled: pilot.state === "overdue" || production.state === "overdue" };
}

// ---- ROI ----

/**
 * ROI of one use case. Realized annual value = estimated annual value × the latest actual's
 * progress from baseline to target (0 below the baseline, at most {@link MAX_PROGRESS}); annual
 * cost = annual run cost + build cost / 3; ROI = (realized − annual cost) / annual cost; payback
 * = build cost / ((realized − run cost) / 12) months, none when that is not positive.
 */
export function useCaseRoi(u: UseCase): UseCaseRoi {
  const planned = usd(u.annualValue);
  const build = usd(u.buildCost);
  const run = usd(u.annualRunCost);
  const latest = latestActual(u.actuals);
  const raw = latest ? kpiProgress(u, latest.value) : null;
  const progress = raw === null ? null : round(clamp(raw, 0, MAX_PROGRESS), 4);
  const realized = progress === null ? 0n : (planned * BigInt(Math.round(progress * 10_000))) / 10_000n;
  const annualCost = run + build / BigInt(BUILD_AMORTIZATION_YEARS);
  const net = realized - annualCost;
  const monthlyNet = Number(realized - run) / 12;
  const paybackMonths = build === 0n ? 0 : monthlyNet > 0 ? round(Number(build) / monthlyNet, 1) : null;
  return {
    plannedAnnualValue: microsToDecimal(planned),
    realizedAnnualValue: microsToDecimal(realized),
    progress,
    annualCost: microsToDecimal(annualCost),
    annualNet: microsToDecimal(net),
    roi: annualCost > 0n ? round(Number(net) / Number(annualCost), 4) : null,
    paybackMonths,
    latestActual: latest,
    actualCount: u.actuals.length,
  };
}

/** Every use case with its assessment, gates and ROI on `today`. */
export function portfolioViews(useCases: readonly UseCase[], today: string): UseCaseView[] {
  const assessed = assessPortfolio(useCases, today);
  return useCases.map((u) => ({ ...u, assessment: assessed.get(u.id) as UseCaseAssessment, gates: stageGates(u, today), roi: useCaseRoi(u) }));
}

/** The ROI report: every use case in pilot or production, or with actuals, and portfolio totals. */
export function roiReport(views: readonly UseCaseView[], today: string): RoiReport {
  const items = views.filter((v) => v.stage === "pilot" || v.stage === "production" || v.actuals.length > 0);
  const signed = (s: string) => (s.startsWith("-") ? -usd(s.slice(1)) : usd(s));
  const sum = (f: (v: UseCaseView) => string) => items.reduce((s, v) => s + signed(f(v)), 0n);
  const cost = sum((v) => v.roi.annualCost);
  const net = sum((v) => v.roi.annualNet);
  return {
    today,
    items: items.map((v) => ({
      id: v.id,
      name: v.name,
      stage: v.stage,
      kpiType: v.kpiType,
      kpiName: v.kpiName,
      kpiUnit: v.kpiUnit,
      kpiBaseline: v.kpiBaseline,
      kpiTarget: v.kpiTarget,
      funded: v.funded,
      gates: v.gates,
      roi: v.roi,
      actuals: v.actuals,
    })),
    totals: {
      plannedAnnualValue: microsToDecimal(sum((v) => v.roi.plannedAnnualValue)),
      realizedAnnualValue: microsToDecimal(sum((v) => v.roi.realizedAnnualValue)),
      annualCost: microsToDecimal(cost),
      annualNet: microsToDecimal(net),
      roi: cost > 0n ? round(Number(net) / Number(cost), 4) : null,
      stalled: items.filter((v) => v.gates.stalled).length,
    },
  };
}

// ---- roadmap ----

/** The quarter index of a day counted from the quarter of `today` (0 = this quarter). */
function quarterIndex(date: string, today: string): number {
  const q = (d: string) => Number(d.slice(0, 4)) * 4 + Math.floor((Number(d.slice(5, 7)) - 1) / 3);
  return q(date) - q(today);
}

/** "2026-Q3" and the first and last day of the quarter `index` quarters from the quarter of `today`. */
export function quarterOf(today: string, index: number): { key: string; start: string; end: string } {
  const abs = Number(today.slice(0, 4)) * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3) + index;
  const year = Math.floor(abs / 4);
  const q = abs - year * 4;
  const start = `${String(year).padStart(4, "0")}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  const nextStart = q === 3 ? `${String(year + 1).padStart(4, "0")}-01-01` : `${String(year).padStart(4, "0")}-${String(q * 3 + 4).padStart(2, "0")}-01`;
  return { key: `${year}-Q${q + 1}`, start, end: addDays(nextStart, -1) };
}

/**
 * The roadmap from the quarter of `today`: the funded use cases (or, when none is funded, the
 * ones recommended for funding), stopped ones left out. Already in production: running from the
 * start. In pilot: production in the quarter its 90-day gate falls in (this quarter at the
 * earliest). Ideas: placed by dependencies first (a use case whose dependency names another
 * roadmap use case starts its pilot the quarter after that one reaches production), then by
 * priority, at most {@link PILOTS_PER_QUARTER} new pilots a quarter; production one quarter
 * after the pilot. Investment per quarter: the build cost in the pilot quarter, and a quarter of
 * the annual run cost in every quarter from the production quarter on.
 */
export function buildRoadmap(views: readonly UseCaseView[], today: string): Roadmap {
  const live = views.filter((v) => v.stage !== "stopped");
  const funded = live.filter((v) => v.funded);
  const basis: Roadmap["basis"] = funded.length > 0 ? "funded" : "recommended";
  const chosen = (basis === "funded" ? funded : live.filter((v) => v.assessment.fund)).sort(
    (a, b) => b.assessment.scores.priority - a.assessment.scores.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const notes: string[] = [];
  if (basis === "recommended" && chosen.length > 0) notes.push("No use case is funded yet: the roadmap shows the ones recommended for funding.");
  for (const v of chosen)
    if (v.assessment.recommendation === "stop" || v.assessment.recommendation === "wait")
      notes.push(`${v.name} is funded but recommended to ${v.assessment.recommendation}: ${v.assessment.reasons[0]?.text ?? ""}`);
  const byName = new Map(chosen.map((v) => [v.name.toLowerCase(), v]));
  const allNames = new Set(views.map((v) => v.name.toLowerCase()));
  const deps = new Map<string, UseCaseView[]>();
  for (const v of chosen) {
    const inRoadmap: UseCaseView[] = [];
    for (const d of v.dependencies) {
      const target = byName.get(d.toLowerCase());
      if (target && target.id !== v.id) inRoadmap.push(target);
      else if (allNames.has(d.toLowerCase()) && !target) notes.push(`${v.name} depends on ${d}, which is not on the roadmap.`);
    }
    deps.set(v.id, inRoadmap);
  }

  const placed = new Map<string, { pilot: number | null; production: number }>();
  const pilotsIn = new Map<number, number>();
  for (const v of chosen) {
    if (v.stage === "production") {
      placed.set(v.id, {
        pilot: v.pilotStartedOn ? quarterIndex(v.pilotStartedOn, today) : null,
        production: Math.min(0, v.productionOn ? quarterIndex(v.productionOn, today) : 0),
      });
    } else if (v.stage === "pilot") {
      const start = v.pilotStartedOn ?? today;
      placed.set(v.id, { pilot: quarterIndex(start, today), production: Math.max(0, quarterIndex(addDays(start, PRODUCTION_GATE_DAYS), today)) });
    }
  }
  const ideas = chosen.filter((v) => v.stage === "idea");
  while (ideas.length > 0) {
    let i = ideas.findIndex((v) => (deps.get(v.id) ?? []).every((d) => placed.has(d.id)));
    if (i < 0) {
      i = 0;
      notes.push(`Dependencies of ${ideas[0]?.name} form a cycle: it is placed by priority alone.`);
    }
    const [v] = ideas.splice(i, 1);
    if (!v) break;
    let q = 0;
    for (const d of deps.get(v.id) ?? []) {
      const p = placed.get(d.id);
      if (p && d.stage !== "production") q = Math.max(q, p.production + 1);
    }
    while ((pilotsIn.get(q) ?? 0) >= PILOTS_PER_QUARTER) q++;
    pilotsIn.set(q, (pilotsIn.get(q) ?? 0) + 1);
    placed.set(v.id, { pilot: q, production: q + PILOT_TO_PRODUCTION_QUARTERS });
  }

  const last = Math.max(-1, ...[...placed.values()].map((p) => p.production));
  const count = clamp(last + 2, ROADMAP_MIN_QUARTERS, ROADMAP_MAX_QUARTERS);
  const quarters: RoadmapQuarter[] = [];
  let total = 0n;
  for (let i = 0; i < count; i++) {
    const { key, start, end } = quarterOf(today, i);
    let investment = 0n;
    const pilots: string[] = [];
    const productions: string[] = [];
    const running: string[] = [];
    for (const v of chosen) {
      const p = placed.get(v.id);
      if (!p) continue;
      if (p.pilot === i) {
        pilots.push(v.id);
        investment += usd(v.buildCost);
      }
      if (p.production === i) productions.push(v.id);
      if (p.production < i) running.push(v.id);
      if (p.production <= i) investment += usd(v.annualRunCost) / 4n;
    }
    total += investment;
    quarters.push({ key, start, end, investment: microsToDecimal(investment), pilots, productions, running });
  }

  const items: RoadmapItem[] = chosen.map((v) => {
    const p = placed.get(v.id) ?? { pilot: 0, production: 1 };
    return {
      id: v.id,
      name: v.name,
      stage: v.stage,
      recommendation: v.assessment.recommendation,
      priority: v.assessment.scores.priority,
      funded: v.funded,
      pilotQuarter: p.pilot === null || (v.stage === "production" && p.pilot < 0) ? null : quarterOf(today, p.pilot).key,
      productionQuarter: quarterOf(today, p.production).key,
      dependsOn: (deps.get(v.id) ?? []).map((d) => d.name),
      otherDependencies: v.dependencies.filter((d) => !byName.has(d.toLowerCase()) || byName.get(d.toLowerCase())?.id === v.id),
      buildCost: v.buildCost,
      annualRunCost: v.annualRunCost,
    };
  });
  return { today, basis, quarters, items, totalInvestment: microsToDecimal(total), notes };
}
