/**
 * Evaluates the leadership rules (content.ts) over the answers: the first rule that holds decides,
 * with the answers and thresholds that made it hold as reasons. Rules before it that could not be
 * decided because an answer is unknown make the result provisional and are listed, never read as "no".
 */
import {
  type AssessmentAnswers,
  type AssessmentAnswersInput,
  AssessmentAnswersSchema,
  type AssessmentReason,
  type AssessmentResult,
  type CostOption,
  type LeadershipOutcome,
  type TalentPosture,
} from "@caio/core";
import {
  LEADERSHIP_RULES,
  LEADERSHIP_RULES_VERSION,
  type LeadershipCondition,
  type LeadershipRule,
  OUTCOME_TITLES,
  PRICES,
  QUESTIONS,
  SOURCES,
  TALENT,
  THRESHOLDS,
  type ThresholdKey,
} from "./content.js";

type Truth = true | false | "unknown";

const NAMES: Record<keyof AssessmentAnswers, string> = {
  employees: "Employees",
  engineers: "Engineers",
  productionWorkloads: "AI workloads in production",
  annualAiSpendUsd: "Annual AI spend",
  customerFacingAi: "AI in the customer-facing critical path",
  coreSystemsInPlace: "Core systems in place",
  pressureCustomers: "Pressure from customers",
  pressureRegulators: "Pressure from regulators",
  pressureBoard: "Pressure from the board",
  aiRevenueMeaningful: "AI a meaningful share of revenue",
  gap: "Gap",
  appetite: "Wanted",
};

const OP_TEXT = { ">=": "≥", "<=": "≤", "<": "<" } as const;

function fmt(q: keyof AssessmentAnswers, v: number): string {
  return q === "annualAiSpendUsd" ? `$${v.toLocaleString("en-US")}/yr` : v.toLocaleString("en-US");
}

function choiceLabel(q: "gap" | "appetite", v: string): string {
  return QUESTIONS.find((x) => x.id === q)?.choices.find((c) => c.value === v)?.label ?? v;
}

interface Eval {
  truth: Truth;
  /** Reasons supporting the truth value (for true: why it holds; for false: why not). */
  reasons: AssessmentReason[];
  /** Questions whose unknown answer left the condition undecided. */
  unknown: (keyof AssessmentAnswers)[];
}

function leaf(truth: Truth, reason: AssessmentReason | null, unknown: (keyof AssessmentAnswers)[] = []): Eval {
  return { truth, reasons: reason ? [reason] : [], unknown };
}

function evaluate(c: LeadershipCondition, a: AssessmentAnswers): Eval {
  if ("number" in c) {
    const v = a[c.number];
    if (v === null) return leaf("unknown", null, [c.number]);
    const t = THRESHOLDS[c.threshold];
    const holds = c.op === ">=" ? v >= t.value : c.op === "<=" ? v <= t.value : v < t.value;
    const text = `${NAMES[c.number]}: ${fmt(c.number, v)}${holds ? " " : ", not "}${OP_TEXT[c.op]} ${fmt(c.number, t.value)} (${t.label})`;
    return leaf(holds, { text, threshold: t.id, value: fmt(c.number, v), source: t.source });
  }
  if ("flag" in c) {
    const v = a[c.flag];
    if (v === null) return leaf("unknown", null, [c.flag]);
    return leaf(v === c.is, { text: `${NAMES[c.flag]}: ${v ? "yes" : "no"}`, threshold: null, value: v ? "yes" : "no", source: "answer" });
  }
  if ("choice" in c) {
    const v = a[c.choice];
    if (v === null) return leaf("unknown", null, [c.choice]);
    return leaf(c.in.includes(v), { text: `${NAMES[c.choice]}: ${choiceLabel(c.choice, v)}`, threshold: null, value: v, source: "answer" });
  }
  if ("not" in c) {
    const e = evaluate(c.not, a);
    return { ...e, truth: e.truth === "unknown" ? "unknown" : !e.truth };
  }
  if ("atLeast" in c) {
    const parts = c.of.map((x) => evaluate(x, a));
    const yes = parts.filter((p) => p.truth === true);
    const unknown = parts.filter((p) => p.truth === "unknown");
    if (yes.length >= c.atLeast) return { truth: true, reasons: yes.flatMap((p) => p.reasons), unknown: [] };
    if (yes.length + unknown.length >= c.atLeast) return { truth: "unknown", reasons: [], unknown: unknown.flatMap((p) => p.unknown) };
    const why = parts.filter((p) => p.truth === false).flatMap((p) => p.reasons);
    return {
      truth: false,
      reasons: [{ text: `Not ${c.label}: ${why.map((r) => r.text).join("; ")}`, threshold: null, value: null, source: SOURCES.triggers }],
      unknown: [],
    };
  }
  const parts = ("all" in c ? c.all : c.any).map((x) => evaluate(x, a));
  const isAll = "all" in c;
  const decisive = parts.filter((p) => p.truth === !isAll);
  if (decisive.length) return { truth: !isAll, reasons: decisive.flatMap((p) => p.reasons), unknown: [] };
  const unknown = parts.filter((p) => p.truth === "unknown");
  if (unknown.length) return { truth: "unknown", reasons: [], unknown: unknown.flatMap((p) => p.unknown) };
  return { truth: isAll, reasons: parts.flatMap((p) => p.reasons), unknown: [] };
}

/** The first rule that holds, and the unknown answers of the undecided rules before it. */
function decide(a: AssessmentAnswers): { rule: LeadershipRule; reasons: AssessmentReason[]; unknown: (keyof AssessmentAnswers)[] } {
  const unknown = new Set<keyof AssessmentAnswers>();
  for (const rule of LEADERSHIP_RULES) {
    const e = evaluate(rule.when, a);
    if (e.truth === true) {
      const seen = new Set<string>();
      const reasons = e.reasons.filter((r) => !seen.has(r.text) && seen.add(r.text));
      return { rule, reasons, unknown: [...unknown] };
    }
    if (e.truth === "unknown") for (const q of e.unknown) unknown.add(q);
  }
  throw new Error("the leadership rules have no default rule");
}

function talentPosture(a: AssessmentAnswers): AssessmentResult["talent"] {
  const t = THRESHOLDS.thinEmployees;
  const make = (posture: TalentPosture, reason: string) => ({ posture, title: TALENT[posture].title, reason, source: SOURCES.talent });
  if (a.aiRevenueMeaningful === true) return make("deep-in-house", "AI is a meaningful share of revenue (AI is the product): build the team in house.");
  if (a.employees !== null && a.employees < t.value && a.customerFacingAi !== true)
    return make(
      "thin-in-house",
      `${a.employees.toLocaleString("en-US")} employees, under ~${t.value}, and AI in supporting workloads${a.customerFacingAi === null ? " (customer-facing AI unknown)" : ""}: keep a thin in-house team.`,
    );
  const why =
    a.employees === null
      ? "employees unknown"
      : a.employees >= t.value
        ? `${a.employees.toLocaleString("en-US")} employees, ~${t.value} or more`
        : "AI in the customer-facing critical path";
  return make("hybrid-vendor-led", `${why}, and AI is not the product: a small platform team over frontier APIs and vendors.`);
}

function costs(outcome: LeadershipOutcome): CostOption[] {
  const fractional = outcome === "fractional-caio" || outcome === "fractional-cto" || outcome === "fractional-cio";
  return PRICES.map((p) => ({
    ...p,
    recommended: p.option === outcome || (fractional && p.option === "fractional-caio"),
    source: SOURCES.prices,
  }));
}

const NUMBER_QUESTIONS = ["employees", "engineers", "productionWorkloads", "annualAiSpendUsd"] as const;
const FLAG_QUESTIONS = ["customerFacingAi", "coreSystemsInPlace", "pressureCustomers", "pressureRegulators", "pressureBoard", "aiRevenueMeaningful"] as const;

/** The thresholds the rules compare a numeric answer against, with the operator. */
function thresholdsOf(q: (typeof NUMBER_QUESTIONS)[number]): { key: ThresholdKey; op: ">=" | "<=" | "<" }[] {
  const out: { key: ThresholdKey; op: ">=" | "<=" | "<" }[] = [];
  const walk = (c: LeadershipCondition): void => {
    if ("number" in c) {
      if (c.number === q && !out.some((o) => o.key === c.threshold && o.op === c.op)) out.push({ key: c.threshold, op: c.op });
    } else if ("not" in c) walk(c.not);
    else if ("atLeast" in c) c.of.forEach(walk);
    else if ("all" in c) c.all.forEach(walk);
    else if ("any" in c) c.any.forEach(walk);
  };
  for (const r of LEADERSHIP_RULES) walk(r.when);
  return out;
}

/** The nearest answers, one threshold away, that change the recommendation. */
function whatWouldChange(a: AssessmentAnswers, outcome: LeadershipOutcome): AssessmentResult["whatWouldChange"] {
  const out: AssessmentResult["whatWouldChange"] = [];
  for (const q of NUMBER_QUESTIONS) {
    const v = a[q];
    if (v === null) continue;
    const candidates = thresholdsOf(q).map(({ key, op }) => {
      const t = THRESHOLDS[key].value;
      // The first value on the other side of the threshold.
      const inside = op === ">=" ? v >= t : op === "<=" ? v <= t : v < t;
      const edge = op === "<=" ? (inside ? t + 1 : t) : op === "<" ? (inside ? t : t - 1) : inside ? t - 1 : t;
      return { key, value: edge };
    });
    const up = candidates.filter((c) => c.value > v).sort((x, y) => x.value - y.value);
    const down = candidates.filter((c) => c.value < v && c.value >= 0).sort((x, y) => y.value - x.value);
    for (const list of [up, down]) {
      for (const c of list) {
        const next = decide({ ...a, [q]: c.value }).rule.outcome;
        if (next === outcome) continue;
        const more = c.value > v;
        const noun = q === "productionWorkloads" ? "AI workloads in production" : q;
        const unit = q === "annualAiSpendUsd" ? ` a year ${more ? "or more" : "or less"}` : ` ${noun} ${more ? "or more" : "or fewer"}`;
        const amount = q === "annualAiSpendUsd" ? `$${c.value.toLocaleString("en-US")}` : c.value.toLocaleString("en-US");
        out.push({ text: `At ${amount}${unit}: ${OUTCOME_TITLES[next]} (${THRESHOLDS[c.key].label})`, outcome: next, threshold: THRESHOLDS[c.key].id });
        break;
      }
    }
  }
  for (const q of FLAG_QUESTIONS) {
    const v = a[q];
    if (v === null) continue;
    const next = decide({ ...a, [q]: !v }).rule.outcome;
    if (next !== outcome) out.push({ text: `If "${NAMES[q]}" were ${v ? "no" : "yes"}: ${OUTCOME_TITLES[next]}`, outcome: next, threshold: null });
  }
  for (const q of ["gap", "appetite"] as const) {
    const v = a[q];
    if (v === null) continue;
    for (const c of QUESTIONS.find((x) => x.id === q)?.choices ?? []) {
      if (c.value === v) continue;
      const next = decide({ ...a, [q]: c.value } as AssessmentAnswers).rule.outcome;
      if (next !== outcome) out.push({ text: `If ${NAMES[q].toLowerCase()} were "${c.label}": ${OUTCOME_TITLES[next]}`, outcome: next, threshold: null });
    }
  }
  return out;
}

/** Recommends the leadership the organization needs, with reasons, what would change it, costs and talent posture. */
export function assessLeadership(input: AssessmentAnswersInput): AssessmentResult {
  const a = AssessmentAnswersSchema.parse(input);
  const { rule, reasons, unknown } = decide(a);
  const title = OUTCOME_TITLES[rule.outcome];
  return {
    rulesVersion: LEADERSHIP_RULES_VERSION,
    recommendation: rule.outcome,
    title,
    summary: `${title}: ${rule.because}`,
    confidence: unknown.length ? "provisional" : "firm",
    ruleId: rule.id,
    reasons: [{ text: rule.because, threshold: null, value: null, source: rule.source }, ...reasons],
    unknowns: unknown.map((q) => ({ question: q, text: QUESTIONS.find((x) => x.id === q)?.text ?? q })),
    whatWouldChange: whatWouldChange(a, rule.outcome),
    costs: costs(rule.outcome),
    talent: talentPosture(a),
  };
}

/** Every threshold, for display. */
export const LEADERSHIP_THRESHOLDS = Object.values(THRESHOLDS);
