/**
 * The rules engine: evaluates the rule content (`content/`) for one system's answers. It never
 * treats "unknown" as "no": conditions that depend on an unknown answer stay undecided and the
 * result is "needs-review". Pre-fills from inventory facts are only suggestions; `classify` reads
 * answers alone.
 */
import {
  type Answer,
  type ClassificationResult,
  type DerivedObligation,
  type ExtraCheck,
  type Label,
  type LawVersion,
  OPERATOR_ROLES,
  type OperatorRole,
  type Penalty,
  type QuestionView,
} from "@caio/core";
import type { ClassifyInput, RulesEngine } from "./api.js";
import { RULESET } from "./content/index.js";
import { diffResults } from "./diff.js";
import { Evaluator, matchFacts, type Truth } from "./evaluate.js";
import { incidentDeadline } from "./incidents.js";
import { AI_ACT_LAWS, type Question, type RuleSet, type Schedule, type ScheduleEntry, SECTIONS } from "./schema.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(asOf: string): void {
  const time = Date.parse(`${asOf}T00:00:00Z`);
  // The round trip rejects days that do not exist (2026-02-30), which Date.parse accepts.
  if (!DATE.test(asOf) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== asOf) throw new RangeError(`not a date: ${asOf}`);
}

/** The entry of a schedule that holds under a law version: the Omnibus date when the Omnibus changes it, else the published one. */
export function scheduleEntry(schedule: Schedule, law: LawVersion): ScheduleEntry | undefined {
  const live = schedule.entries.filter((e) => e.status !== "repealed");
  const aiAct = live.filter((e) => e.law === AI_ACT_LAWS.original || e.law === AI_ACT_LAWS.omnibus);
  if (aiAct.length === 0) return live[0];
  if (law === "omnibus") return aiAct.find((e) => e.law === AI_ACT_LAWS.omnibus) ?? aiAct.find((e) => e.law === AI_ACT_LAWS.original);
  return aiAct.find((e) => e.law === AI_ACT_LAWS.original);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Builds an engine over a rule set (the bundled one by default; tests pass their own). */
export function createRulesEngine(ruleset: RuleSet = RULESET): RulesEngine {
  const questionsById = new Map(ruleset.questions.map((q) => [q.id, q]));
  const ordered: Question[] = [...ruleset.questions].sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  const schedules = new Map(ruleset.schedules.map((s) => [s.id, s]));
  const penalties = new Map(ruleset.penalties.map((p) => [p.id, p]));
  const crosswalk = new Map(ruleset.crosswalk.map((c) => [c.obligation, c]));

  const evaluatorFor = (input: ClassifyInput) => new Evaluator(ruleset, questionsById, input.answers, input.law);
  const asked = (value: Truth) => value === "T" || value === "U";

  const penaltyOf = (id: string | undefined): { penalty?: Penalty } => {
    if (!id) return {};
    const p = penalties.get(id);
    if (!p) throw new Error(`unknown penalty: ${id}`);
    return { penalty: { cite: [...p.cite], maximum: p.maximum, ...(p.note ? { note: p.note } : {}) } };
  };

  function questions(input: ClassifyInput): QuestionView[] {
    checkDate(input.asOf);
    const ev = evaluatorFor(input);
    return ordered
      .filter((q) => asked(ev.relevance(q.id)))
      .map((q) => {
        const rule = q.prefill?.find((p) => matchFacts(p.when, input.facts, input.asOf));
        return {
          id: q.id,
          framework: q.framework,
          section: q.section,
          text: q.text,
          help: q.help,
          cite: [...q.cite],
          prefill: rule ? { answer: rule.answer, reason: rule.reason } : null,
        };
      });
  }

  function classify(input: ClassifyInput): ClassificationResult {
    checkDate(input.asOf);
    const ev = evaluatorFor(input);

    const relevant = ordered.filter((q) => asked(ev.relevance(q.id)));
    const pending = relevant.filter((q) => input.answers[q.id] === undefined).map((q) => q.id);
    const unknowns = relevant.filter((q) => input.answers[q.id] === "unknown").map((q) => ({ questionId: q.id, text: q.text }));

    const fired = ruleset.labels.filter((rule) => ev.evaluate(rule.when) === "T");
    const terminal = fired.filter((rule) => rule.terminal);
    const labels: Label[] = (terminal.length > 0 ? terminal : fired).map((rule) => ({
      kind: rule.kind,
      basis: rule.basis,
      cite: [...rule.cite],
      ruleId: rule.id,
      ...penaltyOf(rule.penalty),
    }));

    const byRole = new Map<OperatorRole, { reasons: string[]; cite: string[] }>();
    for (const rule of ruleset.roles) {
      if (ev.evaluate(rule.when) !== "T") continue;
      const entry = byRole.get(rule.role) ?? { reasons: [], cite: [] };
      entry.reasons.push(rule.reason);
      for (const c of rule.cite) if (!entry.cite.includes(c)) entry.cite.push(c);
      byRole.set(rule.role, entry);
    }
    const roles = OPERATOR_ROLES.filter((role) => byRole.has(role)).map((role) => {
      const entry = byRole.get(role) as { reasons: string[]; cite: string[] };
      return { role, reason: entry.reasons.join(" "), cite: entry.cite };
    });

    let conformityRoute: ClassificationResult["conformityRoute"] = null;
    for (const rule of ruleset.conformity) {
      const value = ev.evaluate(rule.when);
      if (value === "F") continue;
      if (value === "T") conformityRoute = { route: rule.route, reason: rule.reason, cite: [...rule.cite] };
      break;
    }

    const obligations: DerivedObligation[] = [];
    for (const o of ruleset.obligations) {
      if (ev.evaluate(o.when) !== "T") continue;
      let entry: ScheduleEntry | undefined;
      for (const variant of o.dates) {
        if (variant.when && ev.evaluate(variant.when) !== "T") continue;
        const schedule = schedules.get(variant.schedule);
        if (!schedule) throw new Error(`unknown schedule: ${variant.schedule}`);
        entry = scheduleEntry(schedule, input.law);
        if (entry) break;
      }
      const xw = crosswalk.get(o.id);
      obligations.push({
        id: o.id,
        framework: o.framework,
        title: o.title,
        summary: o.summary,
        cite: [...o.cite],
        roles: [...o.roles],
        dueDate: entry ? entry.from : null,
        dateBasis: entry ? { law: entry.law, status: entry.status } : null,
        evidence: [...o.evidence],
        crosswalk: { nist: [...(xw?.nist ?? [])], iso42001: [...(xw?.iso42001 ?? [])] },
        ...penaltyOf(o.penalty),
      });
    }

    const extraChecks: ExtraCheck[] = [];
    for (const check of ruleset.extraChecks) {
      if (check.showIf && !asked(ev.evaluate(check.showIf))) continue;
      const value = ev.evaluate(check.when);
      if (value === "M") continue;
      const applies = value === "T" ? "yes" : value === "F" ? "no" : "needs-review";
      let reason = applies === "yes" ? check.yes : applies === "no" ? check.no : `An answer this check depends on is unknown. If it applies: ${check.yes}`;
      const schedule = check.schedule ? schedules.get(check.schedule) : undefined;
      const entry = schedule ? scheduleEntry(schedule, input.law) : undefined;
      if (entry && applies !== "no") {
        const days = daysBetween(input.asOf, entry.from);
        reason += days > 0 ? ` Takes effect on ${entry.from} (in ${days} ${days === 1 ? "day" : "days"}).` : ` In force since ${entry.from}.`;
      }
      extraChecks.push({ id: check.id, title: check.title, applies, reason, cite: [...check.cite], status: check.status });
    }

    const status: ClassificationResult["status"] = pending.length > 0 ? "incomplete" : unknowns.length > 0 ? "needs-review" : "complete";
    return {
      rulesetVersion: ruleset.version,
      law: input.law,
      asOf: input.asOf,
      status,
      labels,
      roles,
      conformityRoute,
      obligations,
      extraChecks,
      unknowns,
      pending,
    };
  }

  return {
    ruleset: { id: ruleset.id, version: ruleset.version, changelog: ruleset.changelog },
    questions,
    classify,
    diff: diffResults,
    incidentDeadline,
  };
}

/**
 * Where an obligation stands on a day: "applies" from its due date on (days is 0 or negative: days
 * since), "upcoming" before it (days left), "event-driven" when it has no fixed date.
 */
export function obligationTiming(dueDate: string | null, asOf: string): { state: "applies" | "upcoming" | "event-driven"; days: number | null } {
  checkDate(asOf);
  if (dueDate === null) return { state: "event-driven", days: null };
  const days = daysBetween(asOf, dueDate);
  return { state: days > 0 ? "upcoming" : "applies", days };
}

/** The engine over the bundled rule set. */
export const rules: RulesEngine = createRulesEngine();

/** A convenience for callers that hold answers with who and when: the bare answers by question id. */
export function answersOf(recorded: Readonly<Record<string, { answer: Answer }>>): Record<string, Answer> {
  return Object.fromEntries(Object.entries(recorded).map(([id, r]) => [id, r.answer]));
}
