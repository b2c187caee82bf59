/**
 * The board pack's pure derivations: the period a quarter covers on a given day, promotions and
 * stops from use-case history, the decisions the board must take and the executive summary. The
 * server gathers the figures; everything here is computed from them without I/O.
 */
import { ValidationError } from "./errors.js";
import { microsToDecimal } from "./money.js";
import type { BoardDecision, BoardReport } from "./report.js";
import { QuarterSchema, quarterRange } from "./report.js";
import { daysBetween } from "./risks.js";

/** The earliest year a board pack can cover. */
export const FIRST_REPORT_YEAR = 2000;
/** Vendor contracts whose end or renewal notice date falls within this many days after asOf are listed. */
export const RENEWAL_HORIZON_DAYS = 180;
/** Renewals, obligations and the like within this many days after asOf need a decision. */
export const DECISION_HORIZON_DAYS = 90;
/** At most this many lines in the executive summary. */
export const SUMMARY_LINES = 5;

/**
 * The period a quarter's pack covers on `today` (YYYY-MM-DD): the quarter's first and last day,
 * and asOf = the last day the figures cover (the quarter's end, or today while it runs).
 * A malformed quarter, one before {@link FIRST_REPORT_YEAR}, or one that has not started is a
 * validation error on the field `quarter`.
 */
export function reportPeriod(quarter: string, today: string): BoardReport["period"] {
  const parsed = QuarterSchema.safeParse(quarter);
  if (!parsed.success) throw new ValidationError("quarter is invalid", [{ path: "quarter", message: "must be a quarter as YYYY-Qn, e.g. 2026-Q4" }]);
  if (Number(quarter.slice(0, 4)) < FIRST_REPORT_YEAR)
    throw new ValidationError("quarter is invalid", [{ path: "quarter", message: `must be ${FIRST_REPORT_YEAR}-Q1 or later` }]);
  const { from, to } = quarterRange(quarter);
  if (from > today)
    throw new ValidationError(`quarter ${quarter} has not started yet (today is ${today})`, [
      { path: "quarter", message: `has not started yet: it begins on ${from} and today is ${today}` },
    ]);
  const complete = today > to;
  return { from, to, asOf: complete ? to : today, complete };
}

// ---- promotions and stops from use-case history ----

/** One stored version of a use case (entity_versions), oldest first per use case. */
export interface UseCaseVersion {
  entityId: string;
  version: number;
  action: string;
  /** ISO timestamp of the change. */
  at: string;
  data: Record<string, unknown> | null;
}

const STAGE_ORDER: Record<string, number> = { idea: 0, pilot: 1, production: 2 };
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/**
 * Promotions (idea → pilot → production) and stops whose day falls within [from, to], read from
 * the use cases' version history. A move to pilot is dated by the pilot start recorded with it
 * (else the day of the change); to production by the production day; a stop by the day of the
 * change. A use case recorded straight into pilot or production counts as promoted on its stage
 * dates when those fall in the period.
 */
export function stageMoves(
  versions: readonly UseCaseVersion[],
  from: string,
  to: string,
): { promoted: BoardReport["capability"]["promoted"]; stopped: BoardReport["capability"]["stopped"] } {
  const byId = new Map<string, UseCaseVersion[]>();
  for (const v of versions) byId.set(v.entityId, [...(byId.get(v.entityId) ?? []), v]);
  const promoted: BoardReport["capability"]["promoted"] = [];
  const stopped: BoardReport["capability"]["stopped"] = [];
  const within = (d: string | null): d is string => d !== null && d >= from && d <= to;
  for (const [id, list] of byId) {
    const ordered = [...list].sort((a, b) => a.version - b.version);
    const name = str([...ordered].reverse().find((v) => v.data)?.data?.name) ?? "(unnamed use case)";
    let prev: string | null = null;
    for (const v of ordered) {
      if (!v.data) continue;
      const stage = str(v.data.stage) ?? "idea";
      const day = v.at.slice(0, 10);
      const pilotOn = str(v.data.pilotStartedOn);
      const productionOn = str(v.data.productionOn);
      if (stage !== prev) {
        if (stage === "stopped") {
          if (within(day)) stopped.push({ id, name, at: day });
        } else if (stage in STAGE_ORDER && (prev === null || prev === "stopped" || (STAGE_ORDER[stage] ?? 0) > (STAGE_ORDER[prev] ?? 0))) {
          const start = prev === null || prev === "stopped" ? "idea" : prev;
          if (stage === "production" && start === "idea" && pilotOn && within(pilotOn)) promoted.push({ id, name, from: "idea", to: "pilot", at: pilotOn });
          if (stage === "pilot" && within(pilotOn ?? day)) promoted.push({ id, name, from: start, to: "pilot", at: pilotOn ?? day });
          if (stage === "production" && within(productionOn ?? day))
            promoted.push({ id, name, from: start === "idea" && pilotOn ? "pilot" : start, to: "production", at: productionOn ?? day });
        }
      }
      prev = stage;
    }
  }
  const order = (a: { at: string; name: string }, b: { at: string; name: string }) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name);
  return { promoted: promoted.sort(order), stopped: stopped.sort(order) };
}

// ---- decisions needed from the board ----

export interface DecisionInput {
  asOf: string;
  renewals: BoardReport["risk"]["renewals"];
  /** Policy versions in review, waiting for an approver. */
  awaitingApproval: { id: string; name: string; version: number }[];
  /** Use cases whose stage gate is overdue. */
  stalled: BoardReport["capability"]["stalled"];
  /** Use cases (not stopped) the portfolio recommends stopping, with the reason. */
  stopRecommended: { id: string; name: string; stage: string; reason: string }[];
  /** Use cases recommended for funding and not funded yet. */
  fundRecommended: { id: string; name: string; plannedAnnualValue: string }[];
  /** Obligations past their due date and not done. */
  overdueObligations: { systemId: string; systemName: string; title: string; dueDate: string | null }[];
  /** Serious incidents (with a reporting clock) not closed. */
  seriousIncidents: { id: string; title: string; severity: string; status: string; reportDue: string | null }[];
}

/** An overdue-obligations decision names at most this many obligations. */
const OBLIGATIONS_NAMED = 3;

const KIND_ORDER = ["incident", "renewal", "obligation", "policy-approval", "continue-or-stop", "funding"];

/** A decimal USD amount ("120000.5") as "$120,000.50". */
function usdDecimal(amount: string): string {
  const negative = amount.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? amount.slice(1) : amount).split(".");
  const cents = `${frac}00`.slice(0, 2);
  return `${negative ? "-" : ""}$${BigInt(whole).toLocaleString("en-US")}.${cents}`;
}

/** Integer micro-dollars as "$12,345.67" (rounded half-even to cents). */
export function usdMicros(micros: string | bigint): string {
  const m = BigInt(micros);
  const q = m / 10_000n;
  const r = m % 10_000n;
  const abs = r < 0n ? -r : r;
  let cents = q;
  if (abs > 5_000n || (abs === 5_000n && q % 2n !== 0n)) cents += m < 0n ? -1n : 1n;
  return usdDecimal(microsToDecimal(cents * 10_000n));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What the board must decide: vendor renewals whose notice date or end falls within
 * {@link DECISION_HORIZON_DAYS} days, policy versions awaiting approval, continue-or-stop calls
 * for stalled pilots and use cases recommended "stop", funding for recommended use cases,
 * overdue obligations (one per system) and open serious incidents. Soonest first.
 */
export function boardDecisions(input: DecisionInput): BoardDecision[] {
  const out: BoardDecision[] = [];
  for (const r of input.renewals) {
    if (r.daysLeft > DECISION_HORIZON_DAYS) continue;
    const notice = r.renewalNoticeDate && r.renewalNoticeDate >= input.asOf ? r.renewalNoticeDate : null;
    const parts = [
      notice ? `renewal notice due ${notice}` : null,
      r.end ? `contract ends ${r.end}` : null,
      r.annualCommitmentMicros ? `commitment ${usdMicros(r.annualCommitmentMicros)} a year` : null,
    ].filter((p): p is string => p !== null);
    out.push({
      kind: "renewal",
      title: `Renew, renegotiate or exit ${r.vendor}`,
      detail: `${parts.join("; ")} (${plural(r.daysLeft, "day")} left).`,
      due: notice ?? r.end,
      ref: { type: "vendor", id: r.vendorId },
    });
  }
  for (const p of input.awaitingApproval)
    out.push({
      kind: "policy-approval",
      title: `Approve ${p.name} v${p.version}`,
      detail: `Version ${p.version} is in review and waits for an approver's sign-off.`,
      due: null,
      ref: { type: "policy", id: p.id },
    });
  const seen = new Set<string>();
  for (const s of input.stalled) {
    seen.add(s.id);
    out.push({
      kind: "continue-or-stop",
      title: `Continue or stop ${s.name}`,
      detail: `${s.detail}.`,
      due: null,
      ref: { type: "use-case", id: s.id },
    });
  }
  for (const s of input.stopRecommended) {
    if (seen.has(s.id)) continue;
    out.push({
      kind: "continue-or-stop",
      title: `Continue or stop ${s.name}`,
      detail: `The portfolio recommends stopping this ${s.stage} use case: ${s.reason}`,
      due: null,
      ref: { type: "use-case", id: s.id },
    });
  }
  for (const f of input.fundRecommended)
    out.push({
      kind: "funding",
      title: `Fund ${f.name}`,
      detail: `Recommended for funding by priority; planned value ${usdDecimal(f.plannedAnnualValue)} a year.`,
      due: null,
      ref: { type: "use-case", id: f.id },
    });
  const bySystem = new Map<string, DecisionInput["overdueObligations"]>();
  for (const o of input.overdueObligations) bySystem.set(o.systemId, [...(bySystem.get(o.systemId) ?? []), o]);
  for (const [systemId, list] of bySystem) {
    const first = list[0];
    if (!first) continue;
    const shown = list.slice(0, OBLIGATIONS_NAMED).map((o) => `${o.title}${o.dueDate ? ` (due ${o.dueDate})` : ""}`);
    const more = list.length > OBLIGATIONS_NAMED ? `; and ${list.length - OBLIGATIONS_NAMED} more` : "";
    out.push({
      kind: "obligation",
      title: `Resolve ${plural(list.length, "overdue obligation")} of ${first.systemName}`,
      detail: `${shown.join("; ")}${more}.`,
      due: null,
      ref: { type: "system", id: systemId },
    });
  }
  for (const i of input.seriousIncidents)
    out.push({
      kind: "incident",
      title: `Oversee the ${i.severity} incident "${i.title}"`,
      detail:
        i.status === "reported"
          ? "Reported to the authority; the incident is still open."
          : i.reportDue
            ? `Not closed; the authority must have the report by ${i.reportDue}.`
            : "Not closed.",
      due: i.status === "open" ? i.reportDue : null,
      ref: { type: "incident", id: i.id },
    });
  return out.sort(
    (a, b) =>
      (a.due ?? "9999-12-31").localeCompare(b.due ?? "9999-12-31") || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title),
  );
}

/** The days left from `asOf` to a vendor's next contract date, or null when none falls within `horizon` days. */
export function renewalDaysLeft(asOf: string, end: string | null, notice: string | null, horizon = RENEWAL_HORIZON_DAYS): number | null {
  const upcoming = [notice, end].filter((d): d is string => d !== null && d >= asOf).sort();
  const next = upcoming[0];
  if (!next) return null;
  const days = daysBetween(asOf, next);
  return days <= horizon ? days : null;
}

// ---- executive summary ----

const pct = (f: number) => `${(Math.abs(f) * 100).toFixed(1)}%`;

/**
 * At most {@link SUMMARY_LINES} lines a director reads first, each with a number: spend and its
 * change, savings, capability, risk posture and the decisions needed.
 */
export function executiveSummary(r: Omit<BoardReport, "summary">): string[] {
  const lines: string[] = [];
  const s = r.spend;
  const q = r.quarter;
  const prev = BigInt(s.previousQuarterMicros);
  const before = s.trend[s.trend.length - 2]?.quarter ?? "the quarter before";
  if (r.period.complete) {
    const change =
      s.change === null
        ? prev === 0n
          ? "; no spend was recorded the quarter before"
          : ""
        : s.change === 0
          ? `, unchanged from ${before}`
          : `, ${s.change > 0 ? "up" : "down"} ${pct(s.change)} from ${usdMicros(prev)} in ${before}`;
    lines.push(`AI spend was ${usdMicros(s.quarterMicros)} in ${q}${change}.`);
  } else {
    // A running quarter is compared at its pace, not as a part against the whole previous quarter.
    const covered = daysBetween(r.period.from, r.period.asOf) + 1;
    const all = daysBetween(r.period.from, r.period.to) + 1;
    const pace = s.projectedMicros ?? s.quarterMicros;
    const vs =
      s.projectedChange === null
        ? prev === 0n
          ? "; no spend was recorded the quarter before"
          : ""
        : s.projectedChange === 0
          ? `, the same as ${before}`
          : `, ${pct(Math.abs(s.projectedChange))} ${s.projectedChange > 0 ? "above" : "below"} ${before} (${usdMicros(prev)})`;
    lines.push(
      `AI spend was ${usdMicros(s.quarterMicros)} in ${q} so far (${covered} of ${all} days, to ${r.period.asOf}); at this pace about ${usdMicros(pace)} for the quarter${vs}.`,
    );
  }

  const sv = s.savings;
  if (BigInt(sv.identifiedMonthlyMicros) > 0n || BigInt(sv.realizedMonthlyMicros) > 0n)
    lines.push(
      `Savings identified: ${usdMicros(sv.identifiedAnnualMicros)} a year (${usdMicros(sv.identifiedMonthlyMicros)} a month, ${pct(Number(sv.shareOfSpend))} of spend) in ${plural(sv.open, "open recommendation")}; ${usdMicros(sv.realizedMonthlyMicros)} a month realized.`,
    );
  else lines.push(`Savings identified: $0.00 — no recommendation is open.`);

  const c = r.capability;
  const count = (stage: string) => c.useCasesByStage.find((x) => x.stage === stage)?.count ?? 0;
  const value =
    c.funded.length > 0
      ? `; funded use cases realize ${usdDecimal(c.roiTotals.realizedAnnualValue)} of ${usdDecimal(c.roiTotals.plannedAnnualValue)} planned a year`
      : "";
  lines.push(
    `${plural(count("production"), "use case")} in production and ${count("pilot")} in pilot; ${c.promoted.length} promoted and ${c.stopped.length} stopped this quarter${value}.`,
  );

  const k = r.risk;
  const high = k.systemsByLabel.find((l) => l.label === "high-risk")?.count ?? 0;
  lines.push(
    `${plural(high, "system")} classified high-risk; ${plural(k.obligations.overdue, "obligation")} overdue and ${k.obligations.dueSoon} due within ${DECISION_HORIZON_DAYS} days; ${plural(k.incidents.open, "incident")} open.`,
  );

  const d = r.decisions;
  if (d.length === 0) lines.push("0 decisions are needed from the board this quarter.");
  else {
    const kinds = new Map<string, number>();
    for (const x of d) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
    const words: Record<string, [string, string]> = {
      renewal: ["vendor renewal", "vendor renewals"],
      "policy-approval": ["policy approval", "policy approvals"],
      "continue-or-stop": ["continue-or-stop call", "continue-or-stop calls"],
      funding: ["funding decision", "funding decisions"],
      obligation: ["system with overdue obligations", "systems with overdue obligations"],
      incident: ["serious incident", "serious incidents"],
    };
    const parts = KIND_ORDER.filter((kind) => kinds.has(kind)).map((kind) => {
      const n = kinds.get(kind) ?? 0;
      const [one, many] = words[kind] ?? [kind, kind];
      return `${n} ${n === 1 ? one : many}`;
    });
    lines.push(`${plural(d.length, "decision")} ${d.length === 1 ? "is" : "are"} needed from the board: ${parts.join(", ")}.`);
  }
  return lines.slice(0, SUMMARY_LINES);
}
