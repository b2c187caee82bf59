/**
 * Strategy: the leadership-need assessment and the 30/60/90-day plan (the API contract).
 * The use-case portfolio has its own contract in portfolio.ts.
 */
import { z } from "zod";
import { DateSchema, IdSchema, TimestampSchema } from "./common.js";

/** What the assessment can recommend. */
export const LEADERSHIP_OUTCOMES = [
  "fractional-caio",
  "fractional-cto",
  "fractional-cio",
  "combined-cto-ai",
  "ai-advisor",
  "ai-strategy-sprint",
  "full-time-caio",
] as const;
export const LeadershipOutcomeSchema = z.enum(LEADERSHIP_OUTCOMES);
export type LeadershipOutcome = z.infer<typeof LeadershipOutcomeSchema>;

/** "What technology should we use?" versus "how should we use AI?". */
export const GAP_KINDS = ["technology", "adoption"] as const;
export const GapKindSchema = z.enum(GAP_KINDS);
export type GapKind = z.infer<typeof GapKindSchema>;

/** How much help the organization wants: one-off advice, a plan, or ongoing leadership. */
export const APPETITES = ["one-off", "plan", "ongoing"] as const;
export const AppetiteSchema = z.enum(APPETITES);
export type Appetite = z.infer<typeof AppetiteSchema>;

export const TALENT_POSTURES = ["thin-in-house", "deep-in-house", "hybrid-vendor-led"] as const;
export const TalentPostureSchema = z.enum(TALENT_POSTURES);
export type TalentPosture = z.infer<typeof TalentPostureSchema>;

const count = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative").max(10_000_000);
const usd = z.number({ error: "must be a number" }).int("must be whole US dollars").min(0, "must not be negative").max(1e13);
const flag = z.boolean({ error: "must be true or false" });

/** The assessment's answers; null means not known (yet). */
export const AssessmentAnswersSchema = z
  .object({
    employees: count.nullable().default(null),
    engineers: count.nullable().default(null),
    productionWorkloads: count.nullable().default(null),
    annualAiSpendUsd: usd.nullable().default(null),
    customerFacingAi: flag.nullable().default(null),
    coreSystemsInPlace: flag.nullable().default(null),
    pressureCustomers: flag.nullable().default(null),
    pressureRegulators: flag.nullable().default(null),
    pressureBoard: flag.nullable().default(null),
    aiRevenueMeaningful: flag.nullable().default(null),
    gap: GapKindSchema.nullable().default(null),
    appetite: AppetiteSchema.nullable().default(null),
  })
  .strict();
export type AssessmentAnswers = z.infer<typeof AssessmentAnswersSchema>;
export type AssessmentAnswersInput = z.input<typeof AssessmentAnswersSchema>;
export const ASSESSMENT_QUESTION_IDS = Object.keys(AssessmentAnswersSchema.shape) as (keyof AssessmentAnswers)[];
export type AssessmentQuestionId = keyof AssessmentAnswers;

export const AssessmentQuestionSchema = z.object({
  id: z.enum(ASSESSMENT_QUESTION_IDS as [AssessmentQuestionId, ...AssessmentQuestionId[]]),
  text: z.string(),
  help: z.string(),
  kind: z.enum(["count", "usd", "yes-no", "choice"]),
  choices: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type AssessmentQuestion = z.infer<typeof AssessmentQuestionSchema>;

/** A named threshold with the sentence it comes from. */
export const LeadershipThresholdSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.enum(["engineers", "employees", "workloads", "usd-per-year"]),
  source: z.string(),
});
export type LeadershipThreshold = z.infer<typeof LeadershipThresholdSchema>;

export const AssessmentReasonSchema = z.object({
  text: z.string(),
  /** The threshold the reason compares against, if any. */
  threshold: z.string().nullable(),
  /** The answer it is based on, as shown. */
  value: z.string().nullable(),
  source: z.string(),
});
export type AssessmentReason = z.infer<typeof AssessmentReasonSchema>;

export const CostOptionSchema = z.object({
  option: LeadershipOutcomeSchema,
  label: z.string(),
  /** What the price is for, e.g. "$15–40K/month for 3–5 days a month". */
  basis: z.string(),
  /** USD for the period; high null means "over low". Both null: no figure in the sources. */
  lowUsd: z.number().int().nullable(),
  highUsd: z.number().int().nullable(),
  period: z.enum(["one-off", "year"]),
  recommended: z.boolean(),
  source: z.string(),
});
export type CostOption = z.infer<typeof CostOptionSchema>;

export const AssessmentResultSchema = z.object({
  rulesVersion: z.string(),
  recommendation: LeadershipOutcomeSchema,
  title: z.string(),
  summary: z.string(),
  /** firm: every answer the verdict depends on is known; provisional: unknown answers could change it. */
  confidence: z.enum(["firm", "provisional"]),
  ruleId: z.string(),
  reasons: z.array(AssessmentReasonSchema),
  /** Answers still unknown that could change the verdict. */
  unknowns: z.array(z.object({ question: z.string(), text: z.string() })),
  whatWouldChange: z.array(z.object({ text: z.string(), outcome: LeadershipOutcomeSchema, threshold: z.string().nullable() })),
  costs: z.array(CostOptionSchema),
  talent: z.object({ posture: TalentPostureSchema, title: z.string(), reason: z.string(), source: z.string() }),
});
export type AssessmentResult = z.infer<typeof AssessmentResultSchema>;

export const StoredAssessmentSchema = z.object({
  id: IdSchema,
  answers: AssessmentAnswersSchema,
  result: AssessmentResultSchema,
  createdBy: z.string(),
  createdAt: TimestampSchema,
});
export type StoredAssessment = z.infer<typeof StoredAssessmentSchema>;

/** A value the product found in its own data (or an earlier answer), with where it came from. */
export const AssessmentPrefillSchema = z.object({
  question: z.string(),
  value: z.union([z.number(), z.boolean(), z.string()]),
  source: z.string(),
});
export type AssessmentPrefill = z.infer<typeof AssessmentPrefillSchema>;

export const AssessmentViewSchema = z.object({
  questions: z.array(AssessmentQuestionSchema),
  thresholds: z.array(LeadershipThresholdSchema),
  prefill: z.array(AssessmentPrefillSchema),
  latest: StoredAssessmentSchema.nullable(),
});
export type AssessmentView = z.infer<typeof AssessmentViewSchema>;

export const AssessmentRequestSchema = z.object({ answers: AssessmentAnswersSchema }).strict();
export type AssessmentRequest = z.infer<typeof AssessmentRequestSchema>;

export const AssessmentListSchema = z.object({
  items: z.array(
    z.object({
      id: IdSchema,
      recommendation: LeadershipOutcomeSchema,
      confidence: z.enum(["firm", "provisional"]),
      createdBy: z.string(),
      createdAt: TimestampSchema,
    }),
  ),
});
export type AssessmentList = z.infer<typeof AssessmentListSchema>;

/* ---------- 30/60/90-day plan ---------- */

export const PLAN_WORKSTREAMS = ["inventory-assessment", "governance-baseline", "strategic-roadmap"] as const;
export const PlanWorkstreamSchema = z.enum(PLAN_WORKSTREAMS);
export type PlanWorkstream = z.infer<typeof PlanWorkstreamSchema>;

export const MILESTONE_STATUSES = ["done", "on-track", "at-risk", "overdue"] as const;
export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

export const PlanMilestoneSchema = z.object({
  id: z.string(),
  workstream: PlanWorkstreamSchema,
  title: z.string(),
  /** How progress is measured, in one sentence. */
  measure: z.string(),
  dueDay: z.union([z.literal(30), z.literal(60), z.literal(90)]),
  dueDate: DateSchema,
  /** 0–100, whole percent. */
  progress: z.number().int().min(0).max(100),
  /** The figures, e.g. "9 of 16 systems classified". */
  figures: z.string(),
  status: MilestoneStatusSchema,
  /** Where to act: the web app section, relative to the organization (e.g. "obligations"). */
  link: z.string(),
});
export type PlanMilestone = z.infer<typeof PlanMilestoneSchema>;

export const PlanSchema = z.object({
  start: DateSchema,
  startSource: z.enum(["organization-created", "set"]),
  startSetBy: z.string().nullable(),
  today: DateSchema,
  /** Days since the start (day 0 is the start date; negative before it). */
  day: z.number().int(),
  progress: z.number().int().min(0).max(100),
  workstreams: z.array(
    z.object({ id: PlanWorkstreamSchema, title: z.string(), progress: z.number().int().min(0).max(100), milestones: z.array(PlanMilestoneSchema) }),
  ),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanStartSchema = z.object({ start: DateSchema.nullable() }).strict();
export type PlanStart = z.infer<typeof PlanStartSchema>;

/** Export of the strategy data (assessments and the plan's start date). */
export const StrategyExportSchema = z.object({
  assessments: z.array(StoredAssessmentSchema),
  planStart: z.object({ start: DateSchema, updatedBy: z.string(), updatedAt: TimestampSchema }).nullable(),
});
export type StrategyExport = z.infer<typeof StrategyExportSchema>;
