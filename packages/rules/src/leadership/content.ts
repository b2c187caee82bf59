/**
 * The leadership-need assessment as data: its questions, the thresholds with the sentence each
 * comes from (PRODUCT.md, "which leadership do we need?"), the typical prices, and the ordered
 * rules. `assessLeadership` (assess.ts) only evaluates this content; changing a figure here
 * changes the verdict, the reasons and "what would change" together.
 */
import type { AssessmentQuestion, LeadershipOutcome, LeadershipThreshold, TalentPosture } from "@caio/core";

export const LEADERSHIP_RULES_VERSION = "2025.1";

/** The sentences of the source the figures come from. */
export const SOURCES = {
  combined: "a combined CTO+AI seat (works under ~100 engineers, AI spend under ~$2M/yr, no AI product in the customer-facing critical path)",
  fullTime: "a full-time CAIO (usually once AI spend passes ~$10M/yr or AI is a meaningful share of revenue)",
  triggers: "Triggers for a CAIO: two or more AI workloads in production, AI budget past ~$1–2M/yr, external pressure (customers, regulators, board).",
  prices:
    "Typical prices: advisor $3–5K/day; sprint $30–120K; fractional retainer $15–40K/month for 3–5 days (larger: $35–70K for 5–8 days); full-time CAIO $400–600K base, over $700K loaded in year one.",
  talent:
    "Talent posture: thin in-house (under ~200 employees, AI in supporting workloads), deep in-house (AI is the product), hybrid vendor-led (small platform team over frontier APIs).",
  gap: "the kind of gap: “what technology should we use?” versus “how should we use AI?”",
  foundation: "AI builds on the core systems (data, ERP, CRM, identity): where they are not in place, information-systems leadership comes first.",
  appetite: "a one-day advisor, a 4–8 week strategy sprint, or ongoing (fractional or full-time) leadership",
} as const;

export const QUESTIONS: readonly AssessmentQuestion[] = [
  { id: "employees", text: "How many employees does the organization have?", help: "Headcount, full-time equivalent.", kind: "count", choices: [] },
  { id: "engineers", text: "How many engineers?", help: "Software, data and ML engineers.", kind: "count", choices: [] },
  {
    id: "productionWorkloads",
    text: "How many AI workloads are in production?",
    help: "Systems in stage production in the inventory.",
    kind: "count",
    choices: [],
  },
  {
    id: "annualAiSpendUsd",
    text: "What is the annual AI spend, in US dollars?",
    help: "Model usage, AI vendors and platforms over the last 12 months.",
    kind: "usd",
    choices: [],
  },
  {
    id: "customerFacingAi",
    text: "Is AI in the customer-facing critical path?",
    help: "A production AI system customers use directly, or one the customer experience depends on.",
    kind: "yes-no",
    choices: [],
  },
  {
    id: "coreSystemsInPlace",
    text: "Are the core systems in place (data platform, ERP/CRM, identity)?",
    help: "The foundation AI builds on.",
    kind: "yes-no",
    choices: [],
  },
  {
    id: "pressureCustomers",
    text: "Are customers asking how you use and govern AI?",
    help: "Questionnaires, contract clauses, RFPs.",
    kind: "yes-no",
    choices: [],
  },
  {
    id: "pressureRegulators",
    text: "Are regulators a source of pressure?",
    help: "EU AI Act, sector regulators, data-protection authorities.",
    kind: "yes-no",
    choices: [],
  },
  { id: "pressureBoard", text: "Is the board asking for an AI strategy or AI oversight?", help: "", kind: "yes-no", choices: [] },
  {
    id: "aiRevenueMeaningful",
    text: "Is AI a meaningful share of revenue (AI is the product)?",
    help: "Products sold for their AI, or revenue that depends on it.",
    kind: "yes-no",
    choices: [],
  },
  {
    id: "gap",
    text: "What is the gap?",
    help: "Choosing and building technology, or deciding how the business should use AI.",
    kind: "choice",
    choices: [
      { value: "technology", label: "What technology should we use?" },
      { value: "adoption", label: "How should we use AI?" },
    ],
  },
  {
    id: "appetite",
    text: "What kind of help do you want?",
    help: "",
    kind: "choice",
    choices: [
      { value: "one-off", label: "One-off advice" },
      { value: "plan", label: "A plan" },
      { value: "ongoing", label: "Ongoing leadership" },
    ],
  },
];

export const THRESHOLDS = {
  combinedMaxEngineers: {
    id: "combined.max-engineers",
    label: "combined CTO+AI seat: at most ~100 engineers",
    value: 100,
    unit: "engineers",
    source: SOURCES.combined,
  },
  combinedMaxSpend: {
    id: "combined.max-spend",
    label: "combined CTO+AI seat: AI spend under ~$2M/yr",
    value: 2_000_000,
    unit: "usd-per-year",
    source: SOURCES.combined,
  },
  fullTimeSpend: {
    id: "full-time.spend",
    label: "full-time CAIO: AI spend past ~$10M/yr",
    value: 10_000_000,
    unit: "usd-per-year",
    source: SOURCES.fullTime,
  },
  triggerWorkloads: {
    id: "trigger.workloads",
    label: "CAIO trigger: two or more AI workloads in production",
    value: 2,
    unit: "workloads",
    source: SOURCES.triggers,
  },
  triggerSpend: {
    id: "trigger.spend",
    label: "CAIO trigger: AI budget past ~$1–2M/yr (lower end)",
    value: 1_000_000,
    unit: "usd-per-year",
    source: SOURCES.triggers,
  },
  thinEmployees: {
    id: "talent.thin-employees",
    label: "thin in-house talent: under ~200 employees",
    value: 200,
    unit: "employees",
    source: SOURCES.talent,
  },
} as const satisfies Record<string, LeadershipThreshold>;
export type ThresholdKey = keyof typeof THRESHOLDS;

export const OUTCOME_TITLES: Record<LeadershipOutcome, string> = {
  "fractional-caio": "Fractional Chief AI Officer",
  "fractional-cto": "Fractional CTO",
  "fractional-cio": "Fractional CIO",
  "combined-cto-ai": "Combined CTO + AI seat",
  "ai-advisor": "AI advisor (one day)",
  "ai-strategy-sprint": "AI strategy sprint (4–8 weeks)",
  "full-time-caio": "Full-time Chief AI Officer",
};

/** Prices per option, in USD for the period (fractional retainers: × 12 months). */
export const PRICES: readonly {
  option: LeadershipOutcome;
  label: string;
  basis: string;
  lowUsd: number | null;
  highUsd: number | null;
  period: "one-off" | "year";
}[] = [
  { option: "ai-advisor", label: OUTCOME_TITLES["ai-advisor"], basis: "$3–5K per day; typically one day", lowUsd: 3_000, highUsd: 5_000, period: "one-off" },
  {
    option: "ai-strategy-sprint",
    label: OUTCOME_TITLES["ai-strategy-sprint"],
    basis: "$30–120K for a 4–8 week sprint",
    lowUsd: 30_000,
    highUsd: 120_000,
    period: "one-off",
  },
  {
    option: "fractional-caio",
    label: `${OUTCOME_TITLES["fractional-caio"]} (CTO, CIO alike)`,
    basis: "$15–40K/month for 3–5 days a month, × 12",
    lowUsd: 180_000,
    highUsd: 480_000,
    period: "year",
  },
  {
    option: "fractional-caio",
    label: `${OUTCOME_TITLES["fractional-caio"]}, larger retainer`,
    basis: "$35–70K/month for 5–8 days a month, × 12",
    lowUsd: 420_000,
    highUsd: 840_000,
    period: "year",
  },
  {
    option: "combined-cto-ai",
    label: OUTCOME_TITLES["combined-cto-ai"],
    basis: "the AI remit added to a CTO seat: no separate AI salary (no figure in the sources)",
    lowUsd: null,
    highUsd: null,
    period: "year",
  },
  {
    option: "full-time-caio",
    label: OUTCOME_TITLES["full-time-caio"],
    basis: "$400–600K base; over $700K loaded in year one",
    lowUsd: 700_000,
    highUsd: null,
    period: "year",
  },
];

export const TALENT: Record<TalentPosture, { title: string; when: string }> = {
  "thin-in-house": { title: "Thin in-house", when: "under ~200 employees and AI in supporting workloads" },
  "deep-in-house": { title: "Deep in-house", when: "AI is the product" },
  "hybrid-vendor-led": { title: "Hybrid vendor-led", when: "a small platform team over frontier APIs" },
};

/**
 * The condition language of the rules, evaluated with three truth values (true, false,
 * unknown when an answer it needs is not known).
 */
export type LeadershipCondition =
  | { all: LeadershipCondition[] }
  | { any: LeadershipCondition[] }
  | { not: LeadershipCondition }
  | { atLeast: number; of: LeadershipCondition[]; label: string }
  | { number: "employees" | "engineers" | "productionWorkloads" | "annualAiSpendUsd"; op: ">=" | "<=" | "<"; threshold: ThresholdKey }
  | {
      flag: "customerFacingAi" | "coreSystemsInPlace" | "pressureCustomers" | "pressureRegulators" | "pressureBoard" | "aiRevenueMeaningful";
      is: boolean;
    }
  | { choice: "gap" | "appetite"; in: string[] };

export interface LeadershipRule {
  id: string;
  outcome: LeadershipOutcome;
  /** Why this outcome, in one sentence, when the rule fires. */
  because: string;
  source: string;
  when: LeadershipCondition;
}

const caioTrigger: LeadershipCondition[] = [
  { number: "productionWorkloads", op: ">=", threshold: "triggerWorkloads" },
  { number: "annualAiSpendUsd", op: ">=", threshold: "triggerSpend" },
  { flag: "pressureCustomers", is: true },
  { flag: "pressureRegulators", is: true },
  { flag: "pressureBoard", is: true },
];

const combinedFits: LeadershipCondition = {
  all: [
    { number: "engineers", op: "<=", threshold: "combinedMaxEngineers" },
    { number: "annualAiSpendUsd", op: "<", threshold: "combinedMaxSpend" },
    { flag: "customerFacingAi", is: false },
  ],
};

/** The rules in order: the first that holds decides. */
export const LEADERSHIP_RULES: readonly LeadershipRule[] = [
  {
    id: "full-time-caio",
    outcome: "full-time-caio",
    because: "AI is large enough to need a full-time executive.",
    source: SOURCES.fullTime,
    when: {
      any: [
        { number: "annualAiSpendUsd", op: ">=", threshold: "fullTimeSpend" },
        { flag: "aiRevenueMeaningful", is: true },
      ],
    },
  },
  {
    id: "foundation-first",
    outcome: "fractional-cio",
    because: "The core systems are not in place: information-systems leadership comes before AI leadership.",
    source: SOURCES.foundation,
    when: { flag: "coreSystemsInPlace", is: false },
  },
  {
    id: "combined-seat",
    outcome: "combined-cto-ai",
    because: "The gap is technology and the organization is small enough for one seat to cover technology and AI.",
    source: SOURCES.combined,
    when: { all: [{ choice: "gap", in: ["technology"] }, combinedFits] },
  },
  {
    id: "technology-gap",
    outcome: "fractional-cto",
    because: "The gap is technology and no CAIO trigger fired: technology leadership, not AI leadership.",
    source: SOURCES.gap,
    when: { all: [{ choice: "gap", in: ["technology"] }, { not: { atLeast: 1, of: caioTrigger, label: "a CAIO trigger" } }] },
  },
  {
    id: "caio-triggers",
    outcome: "fractional-caio",
    because: "CAIO triggers fired, but AI spend and revenue are below the full-time level: a fractional CAIO.",
    source: SOURCES.triggers,
    when: {
      any: [
        { atLeast: 2, of: caioTrigger, label: "two or more CAIO triggers" },
        {
          all: [
            { atLeast: 1, of: caioTrigger, label: "a CAIO trigger" },
            { choice: "appetite", in: ["ongoing"] },
          ],
        },
      ],
    },
  },
  {
    id: "one-off",
    outcome: "ai-advisor",
    because: "One-off advice was asked for and at most one CAIO trigger fired: a one-day advisor.",
    source: SOURCES.appetite,
    when: { choice: "appetite", in: ["one-off"] },
  },
  {
    id: "plan-first",
    outcome: "ai-strategy-sprint",
    because: "Start with a plan: a 4–8 week strategy sprint before committing to ongoing leadership.",
    source: SOURCES.appetite,
    when: { any: [{ choice: "appetite", in: ["plan"] }, { not: { atLeast: 1, of: caioTrigger, label: "a CAIO trigger" } }] },
  },
  {
    id: "default",
    outcome: "ai-strategy-sprint",
    because: "Too little is known to decide between the options: a strategy sprint establishes the facts first (answer the open questions to firm this up).",
    source: SOURCES.appetite,
    when: { all: [] },
  },
];
