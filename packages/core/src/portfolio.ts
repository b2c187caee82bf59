/**
 * The use-case portfolio: candidate AI use cases with their KPI, value and costs, market signals
 * and stage; KPI actuals over time; the computed scores, build / buy / wait / stop
 * recommendation, stage gates, ROI and roadmap (the API contract). The rules themselves are in
 * portfolio-scoring.ts.
 */
import { z } from "zod";
import { DateSchema, IdSchema, longText, MoneyAmountSchema, shortText, TagSchema, TimestampSchema } from "./common.js";
import { LabelKindSchema } from "./governance.js";

/** What the use case moves on the P&L: more revenue, less cost, or less risk. */
export const KPI_TYPES = ["revenue", "cost", "risk"] as const;
export const KpiTypeSchema = z.enum(KPI_TYPES);
export type KpiType = z.infer<typeof KpiTypeSchema>;

/** Whether the data the use case needs exists and can be used. */
export const DATA_READINESS = ["none", "partial", "ready"] as const;
export const DataReadinessSchema = z.enum(DATA_READINESS);
export type DataReadiness = z.infer<typeof DataReadinessSchema>;

/** How vendors' offerings for this capability are moving: improving fast, stable, or none on the market. */
export const VENDOR_TRENDS = ["rising", "flat", "none"] as const;
export const VendorTrendSchema = z.enum(VENDOR_TRENDS);
export type VendorTrend = z.infer<typeof VendorTrendSchema>;

export const USE_CASE_STAGES = ["idea", "pilot", "production", "stopped"] as const;
export const UseCaseStageSchema = z.enum(USE_CASE_STAGES);
export type UseCaseStage = z.infer<typeof UseCaseStageSchema>;

export const PORTFOLIO_RECOMMENDATIONS = ["build", "buy", "wait", "stop"] as const;
export const PortfolioRecommendationSchema = z.enum(PORTFOLIO_RECOMMENDATIONS);
export type PortfolioRecommendation = z.infer<typeof PortfolioRecommendationSchema>;

/** A KPI figure in the KPI's own unit (hours, %, claims per month…). */
const KpiNumber = z
  .number({ message: "must be a number" })
  .refine((n) => Number.isFinite(n), "must be a finite number")
  .refine((n) => Math.abs(n) < 1e12, "must be less than 10^12 in size");

const useCaseFields = {
  name: shortText(200).pipe(z.string().min(1, "is required")),
  problem: longText(4000),
  owner: shortText(120),
  kpiType: KpiTypeSchema,
  kpiName: shortText(120),
  kpiUnit: shortText(40),
  kpiBaseline: KpiNumber.nullable(),
  kpiTarget: KpiNumber.nullable(),
  /** Estimated value per year once the KPI reaches its target, USD. */
  annualValue: MoneyAmountSchema,
  /** One-off cost to build or buy and roll out, USD. */
  buildCost: MoneyAmountSchema,
  /** Cost per year to run (licences, inference, people), USD. */
  annualRunCost: MoneyAmountSchema,
  dataReadiness: DataReadinessSchema,
  /** What must be in place first: other use cases (by name) or anything else in words. */
  dependencies: z
    .array(shortText(200).pipe(z.string().min(1, "must not be empty")))
    .max(20, "at most 20 dependencies")
    .refine((v) => new Set(v.map((d) => d.toLowerCase())).size === v.length, "must not repeat a dependency"),
  /** The AI system in the inventory this use case runs as (its classification labels apply). */
  systemId: IdSchema.nullable(),
  /** Risk labels beyond the linked system's classification, e.g. "personal-data". */
  labels: z
    .array(TagSchema)
    .max(20, "at most 20 labels")
    .refine((v) => new Set(v.map((d) => d.toLowerCase())).size === v.length, "must not repeat a label"),
  /** Does the capability set the company apart from its competitors? */
  differentiating: z.boolean(),
  vendorTrend: VendorTrendSchema,
  /** Is the capability expected to become a cheap commodity within 12 months? */
  commoditizing: z.boolean(),
  stage: UseCaseStageSchema,
  pilotStartedOn: DateSchema.nullable(),
  productionOn: DateSchema.nullable(),
  /** The officer's decision to fund it (the recommendation to fund is computed separately). */
  funded: z.boolean(),
  /** The day it was funded; set to today when `funded` is switched on without a date. */
  fundedOn: DateSchema.nullable(),
};

type UseCaseShape = {
  kpiBaseline: number | null;
  kpiTarget: number | null;
  stage: UseCaseStage;
  pilotStartedOn: string | null;
  productionOn: string | null;
};

/** Cross-field rules of a use case, applied to the whole (merged) use case. */
export function useCaseIssues(u: UseCaseShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (u.kpiBaseline !== null && u.kpiTarget !== null && u.kpiBaseline === u.kpiTarget)
    issues.push({ path: "kpiTarget", message: "must differ from the baseline" });
  if (u.pilotStartedOn && u.productionOn && u.productionOn < u.pilotStartedOn)
    issues.push({ path: "productionOn", message: "must not be before the pilot started" });
  if (u.stage === "idea" && u.productionOn) issues.push({ path: "productionOn", message: "must be empty while the use case is an idea" });
  return issues;
}

/** Body to add a use case. Only the name is required. */
export const UseCaseCreateSchema = z
  .object({
    name: useCaseFields.name,
    problem: useCaseFields.problem.default(""),
    owner: useCaseFields.owner.default(""),
    kpiType: useCaseFields.kpiType.default("cost"),
    kpiName: useCaseFields.kpiName.default(""),
    kpiUnit: useCaseFields.kpiUnit.default(""),
    kpiBaseline: useCaseFields.kpiBaseline.default(null),
    kpiTarget: useCaseFields.kpiTarget.default(null),
    annualValue: useCaseFields.annualValue.default("0"),
    buildCost: useCaseFields.buildCost.default("0"),
    annualRunCost: useCaseFields.annualRunCost.default("0"),
    dataReadiness: useCaseFields.dataReadiness.default("partial"),
    dependencies: useCaseFields.dependencies.default([]),
    systemId: useCaseFields.systemId.default(null),
    labels: useCaseFields.labels.default([]),
    differentiating: useCaseFields.differentiating.default(false),
    vendorTrend: useCaseFields.vendorTrend.default("none"),
    commoditizing: useCaseFields.commoditizing.default(false),
    stage: useCaseFields.stage.default("idea"),
    pilotStartedOn: useCaseFields.pilotStartedOn.default(null),
    productionOn: useCaseFields.productionOn.default(null),
    funded: useCaseFields.funded.default(false),
    fundedOn: useCaseFields.fundedOn.default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const i of useCaseIssues(v)) ctx.addIssue({ code: "custom", message: i.message, path: [i.path] });
  });
export type UseCaseCreate = z.infer<typeof UseCaseCreateSchema>;
export type UseCaseCreateInput = z.input<typeof UseCaseCreateSchema>;

/** Body to change a use case: any subset of the fields; the cross-field rules apply to the result. */
export const UseCasePatchSchema = z
  .object(useCaseFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type UseCasePatch = z.infer<typeof UseCasePatchSchema>;

/** One KPI measurement of a use case. */
export const KpiActualSchema = z.object({
  id: IdSchema,
  useCaseId: IdSchema,
  /** The day the value was measured. */
  on: DateSchema,
  value: z.number(),
  note: z.string(),
  recordedBy: z.string(),
  createdAt: TimestampSchema,
});
export type KpiActual = z.infer<typeof KpiActualSchema>;

/** Body to record a KPI actual. */
export const KpiActualCreateSchema = z
  .object({
    on: DateSchema,
    value: KpiNumber,
    note: longText(2000).default(""),
  })
  .strict();
export type KpiActualCreate = z.infer<typeof KpiActualCreateSchema>;
export type KpiActualCreateInput = z.input<typeof KpiActualCreateSchema>;

/** A use case as stored, with the linked system's classification labels and its KPI actuals (oldest first). */
export const UseCaseSchema = z.object({
  id: IdSchema,
  name: z.string(),
  problem: z.string(),
  owner: z.string(),
  kpiType: KpiTypeSchema,
  kpiName: z.string(),
  kpiUnit: z.string(),
  kpiBaseline: z.number().nullable(),
  kpiTarget: z.number().nullable(),
  annualValue: MoneyAmountSchema,
  buildCost: MoneyAmountSchema,
  annualRunCost: MoneyAmountSchema,
  dataReadiness: DataReadinessSchema,
  dependencies: z.array(z.string()),
  systemId: IdSchema.nullable(),
  /** The linked system's name; null when none is linked (or it was deleted). */
  systemName: z.string().nullable(),
  labels: z.array(z.string()),
  /** Label kinds of the linked system's latest classification (e.g. "high-risk"). */
  classificationLabels: z.array(LabelKindSchema),
  /** Classification labels and free labels together, without repeats. */
  riskLabels: z.array(z.string()),
  differentiating: z.boolean(),
  vendorTrend: VendorTrendSchema,
  commoditizing: z.boolean(),
  stage: UseCaseStageSchema,
  pilotStartedOn: DateSchema.nullable(),
  productionOn: DateSchema.nullable(),
  funded: z.boolean(),
  fundedOn: DateSchema.nullable(),
  actuals: z.array(KpiActualSchema),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type UseCase = z.infer<typeof UseCaseSchema>;

// ---- computed: scores, recommendation, gates, ROI ----

/** A reason that fired, with a stable code for tests and tools and the sentence people read. */
export const PortfolioReasonSchema = z.object({ code: z.string(), text: z.string() });
export type PortfolioReason = z.infer<typeof PortfolioReasonSchema>;

const Score = z.number().min(1).max(5);

export const UseCaseScoresSchema = z.object({
  /** 1–5 from the estimated annual value. */
  value: Score,
  /** 1–5 from data readiness, dependencies and build cost relative to value. */
  feasibility: Score,
  /** 1–5, 5 = little risk: lowered by high-risk and other risk labels. */
  risk: Score,
  /** 1–5 from data readiness and build cost. */
  timeToValue: Score,
  /** Weighted combination of the four, 1–5 with one decimal. */
  priority: Score,
});
export type UseCaseScores = z.infer<typeof UseCaseScoresSchema>;

export const UseCaseAssessmentSchema = z.object({
  scores: UseCaseScoresSchema,
  recommendation: PortfolioRecommendationSchema,
  /** The rule that decided the recommendation first, then the other reasons that fired. */
  reasons: z.array(PortfolioReasonSchema),
  /** Recommended for funding: among the top build/buy use cases by priority. */
  fund: z.boolean(),
  /** Position by priority among build/buy use cases (1 = highest); null for wait and stop. */
  rank: z.number().int().nullable(),
});
export type UseCaseAssessment = z.infer<typeof UseCaseAssessmentSchema>;

export const GATE_STATES = ["not-started", "due", "met", "late", "overdue", "not-applicable"] as const;
export const GateStateSchema = z.enum(GATE_STATES);
export type GateState = z.infer<typeof GateStateSchema>;

/** One stage gate: pilot within 30 days of funding, production within 90 days of the pilot start. */
export const StageGateSchema = z.object({
  state: GateStateSchema,
  /** The day the clock started (funding or pilot start); null while it has not. */
  from: DateSchema.nullable(),
  /** The last day to pass the gate on time. */
  dueDate: DateSchema.nullable(),
  /** Days from today to the due date (negative when overdue); null when met, late or not running. */
  daysLeft: z.number().int().nullable(),
});
export type StageGate = z.infer<typeof StageGateSchema>;

export const UseCaseGatesSchema = z.object({
  pilot: StageGateSchema,
  production: StageGateSchema,
  /** A gate is overdue: the pilot has not started, or not reached production, in time. */
  stalled: z.boolean(),
});
export type UseCaseGates = z.infer<typeof UseCaseGatesSchema>;

/** ROI of one use case; money as USD decimal strings (may be negative where noted). */
export const UseCaseRoiSchema = z.object({
  /** The estimated annual value (the plan). */
  plannedAnnualValue: z.string(),
  /** The plan × the KPI's progress from baseline toward target (latest actual). */
  realizedAnnualValue: z.string(),
  /** Share of the KPI's way from baseline to target reached by the latest actual, capped; null without actuals or baseline/target. */
  progress: z.number().nullable(),
  /** Annual run cost + build cost / 3. */
  annualCost: z.string(),
  /** Realized annual value − annual cost (may be negative). */
  annualNet: z.string(),
  /** annualNet / annualCost as a ratio (0.5 = 50 %); null without costs. */
  roi: z.number().nullable(),
  /** Months for the build cost to be paid back by (realized value − run cost); null when it never is at the current rate. */
  paybackMonths: z.number().nullable(),
  latestActual: KpiActualSchema.nullable(),
  actualCount: z.number().int(),
});
export type UseCaseRoi = z.infer<typeof UseCaseRoiSchema>;

/** A use case with everything computed for it on the server's day. */
export const UseCaseViewSchema = UseCaseSchema.extend({
  assessment: UseCaseAssessmentSchema,
  gates: UseCaseGatesSchema,
  roi: UseCaseRoiSchema,
});
export type UseCaseView = z.infer<typeof UseCaseViewSchema>;

export const UseCaseListSchema = z.object({
  items: z.array(UseCaseViewSchema),
  total: z.number().int(),
  /** The server's day every gate and window is counted from (UTC). */
  today: DateSchema,
});
export type UseCaseList = z.infer<typeof UseCaseListSchema>;

// ---- roadmap ----

export const RoadmapItemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  stage: UseCaseStageSchema,
  recommendation: PortfolioRecommendationSchema,
  priority: z.number(),
  funded: z.boolean(),
  /** Quarter keys such as "2026-Q3"; the pilot quarter is null for a use case already in production before the roadmap starts. */
  pilotQuarter: z.string().nullable(),
  productionQuarter: z.string(),
  /** Other roadmap use cases this one waits for (by name). */
  dependsOn: z.array(z.string()),
  /** Dependencies that are not use cases on the roadmap, in words. */
  otherDependencies: z.array(z.string()),
  buildCost: z.string(),
  annualRunCost: z.string(),
});
export type RoadmapItem = z.infer<typeof RoadmapItemSchema>;

export const RoadmapQuarterSchema = z.object({
  key: z.string(),
  start: DateSchema,
  end: DateSchema,
  /** Build cost of the pilots starting in it + a quarter of the run cost of everything in production. */
  investment: z.string(),
  pilots: z.array(IdSchema),
  productions: z.array(IdSchema),
  running: z.array(IdSchema),
});
export type RoadmapQuarter = z.infer<typeof RoadmapQuarterSchema>;

export const RoadmapSchema = z.object({
  today: DateSchema,
  /** "funded": the officer's funded use cases; "recommended": none is funded, so the recommended ones. */
  basis: z.enum(["funded", "recommended"]),
  quarters: z.array(RoadmapQuarterSchema),
  items: z.array(RoadmapItemSchema),
  totalInvestment: z.string(),
  notes: z.array(z.string()),
});
export type Roadmap = z.infer<typeof RoadmapSchema>;

// ---- ROI report ----

export const RoiReportItemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  stage: UseCaseStageSchema,
  kpiType: KpiTypeSchema,
  kpiName: z.string(),
  kpiUnit: z.string(),
  kpiBaseline: z.number().nullable(),
  kpiTarget: z.number().nullable(),
  funded: z.boolean(),
  gates: UseCaseGatesSchema,
  roi: UseCaseRoiSchema,
  actuals: z.array(KpiActualSchema),
});
export type RoiReportItem = z.infer<typeof RoiReportItemSchema>;

export const RoiReportSchema = z.object({
  today: DateSchema,
  items: z.array(RoiReportItemSchema),
  totals: z.object({
    plannedAnnualValue: z.string(),
    realizedAnnualValue: z.string(),
    annualCost: z.string(),
    annualNet: z.string(),
    roi: z.number().nullable(),
    stalled: z.number().int(),
  }),
});
export type RoiReport = z.infer<typeof RoiReportSchema>;

export const UseCaseListQuerySchema = z
  .object({
    stage: UseCaseStageSchema.optional(),
    recommendation: PortfolioRecommendationSchema.optional(),
  })
  .strict();
export type UseCaseListQuery = z.infer<typeof UseCaseListQuerySchema>;

/** Use cases and their KPI actuals as stored, for export and restore. */
export const PortfolioExportSchema = z
  .object({
    useCases: z.array(
      UseCaseSchema.omit({ systemName: true, classificationLabels: true, riskLabels: true, actuals: true }).extend({
        recommendation: PortfolioRecommendationSchema.nullable(),
      }),
    ),
    actuals: z.array(KpiActualSchema),
  })
  .strict();
export type PortfolioExport = z.infer<typeof PortfolioExportSchema>;
