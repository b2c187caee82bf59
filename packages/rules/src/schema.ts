/**
 * The shape of the rule content. Everything under `content/` is plain data checked against these
 * schemas (in tests, and by `validateRuleSet`): questions, derived conditions, label, role and
 * conformity rules, obligations with their dated schedules, extra checks, penalties, the NIST AI RMF
 * and ISO/IEC 42001 catalogues, and the crosswalk. Conditions are data too (see `Condition`).
 */
import { ANSWERS, LABEL_KINDS, LAW_STATUSES, LAW_VERSIONS, OPERATOR_ROLES } from "@caio/core";
import { z } from "zod";

const cite = z.string().trim().min(1, "a citation must not be empty");
const cites = z.array(cite).min(1, "needs at least one citation");
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "ids are lower-case dotted words");
const isoDate = z.iso.date();

/**
 * The condition language, evaluated over the answers with four truth values: true, false,
 * unknown (an answer the result depends on is "unknown") and missing (a question that matters is
 * not answered yet).
 *
 * - `{ all: [...] }`, `{ any: [...] }`, `{ not: c }`, `{ atLeast: n, of: [...] }`
 * - `{ answer: "question.id", is: "yes" | "no" | "unknown" }`: false when the question is not asked
 * - `{ ref: "definition.id" }`: a named condition from `definitions`
 * - `{ law: "original" | "omnibus" }`: which text of the AI Act the dates are read from
 * - `{ const: true | false }`
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { atLeast: number; of: Condition[] }
  | { answer: string; is: (typeof ANSWERS)[number] }
  | { ref: string }
  | { law: (typeof LAW_VERSIONS)[number] }
  | { const: boolean };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema) }),
    z.strictObject({ any: z.array(ConditionSchema) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ atLeast: z.number().int().min(1), of: z.array(ConditionSchema).min(1) }),
    z.strictObject({ answer: id, is: z.enum(ANSWERS) }),
    z.strictObject({ ref: id }),
    z.strictObject({ law: z.enum(LAW_VERSIONS) }),
    z.strictObject({ const: z.boolean() }),
  ]),
);

/** Inventory facts a pre-fill can look at (`SystemFacts`). */
export const FACT_NAMES = ["customerFacing", "decisionsAffectingPeople", "stage", "affectedPeople", "personalData", "euNexus", "tags"] as const;

/**
 * Conditions over inventory facts, used only to suggest answers (pre-fill), never to answer.
 *
 * - `{ fact: "customerFacing", is: true }`
 * - `{ fact: "stage", in: ["pilot", "production"] }` (single-valued facts)
 * - `{ fact: "tags", includesAny: ["hr"] }`, `{ fact: "euNexus", only: ["none"] }` (list facts)
 * - `{ component: { kind?, hosting?, provider? }, some: true | every: true }`: components that match
 * - `{ text: ["recruit", "applicant"] }`: words in the system's name or purpose (case-insensitive prefixes)
 * - `{ asOfBefore: "2026-08-02" }`: the classification's as-of day is before that day
 */
export type FactCondition =
  | { all: FactCondition[] }
  | { any: FactCondition[] }
  | { not: FactCondition }
  | { fact: "customerFacing"; is: boolean }
  | { fact: "decisionsAffectingPeople" | "stage" | "affectedPeople"; in: string[] }
  | { fact: "personalData" | "euNexus" | "tags"; includesAny: string[] }
  | { fact: "personalData" | "euNexus" | "tags"; only: string[] }
  | { components: { kind?: string[]; hosting?: string[]; provider?: string[]; notProvider?: string[] }; match: "some" | "every" }
  | { text: string[] }
  | { asOfBefore: string };

const componentMatch = z.strictObject({
  kind: z.array(z.string()).optional(),
  hosting: z.array(z.string()).optional(),
  provider: z.array(z.string()).optional(),
  notProvider: z.array(z.string()).optional(),
});

export const FactConditionSchema: z.ZodType<FactCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(FactConditionSchema) }),
    z.strictObject({ any: z.array(FactConditionSchema) }),
    z.strictObject({ not: FactConditionSchema }),
    z.strictObject({ fact: z.literal("customerFacing"), is: z.boolean() }),
    z.strictObject({ fact: z.enum(["decisionsAffectingPeople", "stage", "affectedPeople"]), in: z.array(z.string()).min(1) }),
    z.strictObject({ fact: z.enum(["personalData", "euNexus", "tags"]), includesAny: z.array(z.string()).min(1) }),
    z.strictObject({ fact: z.enum(["personalData", "euNexus", "tags"]), only: z.array(z.string()).min(1) }),
    z.strictObject({ components: componentMatch, match: z.enum(["some", "every"]) }),
    z.strictObject({ text: z.array(z.string().min(2)).min(1) }),
    z.strictObject({ asOfBefore: isoDate }),
  ]),
);

/** A suggested answer when the facts match; the first matching rule wins. */
export const PrefillRuleSchema = z.strictObject({ when: FactConditionSchema, answer: z.enum(["yes", "no"]), reason: z.string().min(1) });

/** Question sections, in the order they are asked. */
export const SECTIONS = ["scope", "prohibitions", "annex-i", "annex-iii", "art6-3", "transparency", "gpai", "roles", "conformity", "extra"] as const;
export const SectionSchema = z.enum(SECTIONS);

export const FRAMEWORKS = ["eu-ai-act", "gdpr", "nyc-ll144", "colorado-ai", "us"] as const;
export const FrameworkSchema = z.enum(FRAMEWORKS);

/** A yes | no | unknown question, asked when `askIf` holds (always when absent). */
export const QuestionSchema = z.strictObject({
  id,
  framework: FrameworkSchema,
  section: SectionSchema,
  text: z.string().min(10),
  help: z.string().min(10),
  cite: cites,
  askIf: ConditionSchema.optional(),
  prefill: z.array(PrefillRuleSchema).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** A rule that emits a label when its condition holds. Terminal labels (out of scope, prohibited) suppress all others. */
export const LabelRuleSchema = z.strictObject({
  id,
  kind: z.enum(LABEL_KINDS),
  basis: z.string().min(5),
  cite: cites,
  when: ConditionSchema,
  terminal: z.boolean().optional(),
  penalty: id.optional(),
});
export type LabelRule = z.infer<typeof LabelRuleSchema>;

/** A rule that gives the organization a role for the system, with why. */
export const RoleRuleSchema = z.strictObject({ id, role: z.enum(OPERATOR_ROLES), when: ConditionSchema, reason: z.string().min(5), cite: cites });
export type RoleRule = z.infer<typeof RoleRuleSchema>;

/** The conformity-assessment route; the first rule that holds wins. */
export const ConformityRuleSchema = z.strictObject({
  id,
  route: z.enum(["internal-control", "notified-body", "sectoral"]),
  when: ConditionSchema,
  reason: z.string().min(5),
  cite: cites,
});
export type ConformityRule = z.infer<typeof ConformityRuleSchema>;

/**
 * The law a date comes from: the AI Act as published ("2024/1689"), as amended by the Digital
 * Omnibus ("omnibus-2026"), or another law (e.g. "nyc-ll144", "colorado-sb26-189", "gdpr").
 */
export const AI_ACT_LAWS = { original: "2024/1689", omnibus: "omnibus-2026" } as const;

export const ScheduleEntrySchema = z.strictObject({
  from: isoDate,
  law: z.string().min(2),
  status: z.enum(LAW_STATUSES),
  cite: cites,
  note: z.string().optional(),
});
export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;

/** When a group of duties applies, per law. */
export const ScheduleSchema = z.strictObject({ id, title: z.string().min(5), entries: z.array(ScheduleEntrySchema).min(1) });
export type Schedule = z.infer<typeof ScheduleSchema>;

/** A maximum fine or sanction. */
export const PenaltySchema = z.strictObject({ id, cite: cites, maximum: z.string().min(5), note: z.string().optional() });
export type Penalty = z.infer<typeof PenaltySchema>;

/**
 * An obligation, derived when `when` holds. Its due date is the first `dates` variant whose
 * condition holds (or has none) and whose schedule has a date for the law version; no variants
 * means the duty is event-driven (due date null).
 */
export const ObligationSchema = z.strictObject({
  id,
  framework: FrameworkSchema,
  title: z.string().min(5),
  summary: z.string().min(10),
  cite: cites,
  roles: z.array(z.enum(OPERATOR_ROLES)),
  when: ConditionSchema,
  dates: z.array(z.strictObject({ schedule: id, when: ConditionSchema.optional() })),
  evidence: z.array(z.string().min(3)).min(1),
  penalty: id.optional(),
});
export type Obligation = z.infer<typeof ObligationSchema>;

/** A check under another law, reported as applies yes | no | needs-review. Shown when `showIf` holds (always when absent). */
export const ExtraCheckRuleSchema = z.strictObject({
  id,
  framework: FrameworkSchema,
  title: z.string().min(5),
  showIf: ConditionSchema.optional(),
  when: ConditionSchema,
  yes: z.string().min(10),
  no: z.string().min(10),
  cite: cites,
  status: z.enum(LAW_STATUSES),
  schedule: id.optional(),
});
export type ExtraCheckRule = z.infer<typeof ExtraCheckRuleSchema>;

export const NIST_FUNCTIONS = ["GOVERN", "MAP", "MEASURE", "MANAGE"] as const;
export const NistSubcategorySchema = z.strictObject({
  id: z.string().regex(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/, 'NIST ids look like "GOVERN 1.1"'),
  function: z.enum(NIST_FUNCTIONS),
  gist: z.string().min(5),
});
export type NistSubcategory = z.infer<typeof NistSubcategorySchema>;

export const IsoItemSchema = z.strictObject({
  id: z.string().regex(/^(A\.\d+(\.\d+){1,2}|\d+(\.\d+){0,2})$/, 'ISO ids look like "A.6.2.4" or "6.1.2"'),
  kind: z.enum(["clause", "annex-a"]),
  group: z.string().min(3),
  title: z.string().min(3),
});
export type IsoItem = z.infer<typeof IsoItemSchema>;

/** Crosswalk from an obligation to NIST AI RMF subcategories and ISO/IEC 42001 clauses or Annex A controls. */
export const CrosswalkEntrySchema = z.strictObject({ obligation: id, nist: z.array(z.string()), iso42001: z.array(z.string()) });
export type CrosswalkEntry = z.infer<typeof CrosswalkEntrySchema>;

export const ChangelogEntrySchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'versions look like "2026.11.0"'),
  date: isoDate,
  changes: z.array(z.string().min(5)).min(1),
});

/** The whole rule set. */
export const RuleSetSchema = z.strictObject({
  id,
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
  changelog: z.array(ChangelogEntrySchema).min(1),
  questions: z.array(QuestionSchema),
  definitions: z.record(id, ConditionSchema),
  labels: z.array(LabelRuleSchema),
  roles: z.array(RoleRuleSchema),
  conformity: z.array(ConformityRuleSchema),
  obligations: z.array(ObligationSchema),
  schedules: z.array(ScheduleSchema),
  penalties: z.array(PenaltySchema),
  extraChecks: z.array(ExtraCheckRuleSchema),
  nist: z.array(NistSubcategorySchema),
  iso42001: z.array(IsoItemSchema),
  crosswalk: z.array(CrosswalkEntrySchema),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;

/** One content module: the part of the rule set a framework or topic contributes. */
export type ContentModule = Partial<
  Pick<RuleSet, "questions" | "definitions" | "labels" | "roles" | "conformity" | "obligations" | "schedules" | "extraChecks">
>;
