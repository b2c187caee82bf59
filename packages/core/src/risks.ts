/** The risk register and incidents with their regulatory reporting clocks: the API contract. */
import { z } from "zod";
import { DateSchema, IdSchema, longText, shortText, TimestampSchema } from "./common.js";

// ---- risk register ----

export const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const;
export const RiskStatusSchema = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatusSchema>;

/** Rating bands of a risk's score (likelihood × severity, 1 to 25). */
export const RISK_RATINGS = ["low", "medium", "high", "critical"] as const;
export const RiskRatingSchema = z.enum(RISK_RATINGS);
export type RiskRating = z.infer<typeof RiskRatingSchema>;

/**
 * The score range of each rating band: low 1–4, medium 5–9, high 10–16, critical 17–25. On a
 * 5 × 5 grid that makes 20 and 25 critical (a likely or almost certain, severe outcome), 10 to 16
 * high, 5 to 9 medium and 1 to 4 low.
 */
export const RISK_BANDS: Readonly<Record<RiskRating, { min: number; max: number }>> = {
  low: { min: 1, max: 4 },
  medium: { min: 5, max: 9 },
  high: { min: 10, max: 16 },
  critical: { min: 17, max: 25 },
};

/** The rating band of a score (likelihood × severity). */
export function riskRating(score: number): RiskRating {
  if (score >= RISK_BANDS.critical.min) return "critical";
  if (score >= RISK_BANDS.high.min) return "high";
  if (score >= RISK_BANDS.medium.min) return "medium";
  return "low";
}

/** Likelihood or severity on a 1 (rare / negligible) to 5 (almost certain / severe) scale. */
const Level = z
  .number({ message: "must be a whole number from 1 to 5" })
  .int("must be a whole number from 1 to 5")
  .min(1, "must be from 1 to 5")
  .max(5, "must be from 1 to 5");

/**
 * An obligation id as the rules and policies name them, e.g. "aia.art26.oversight" or
 * "ob.aia.73": lowercase letters and digits in at least two parts joined by dots (dashes and
 * underscores inside a part).
 */
export const ObligationRefSchema = z
  .string()
  .trim()
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/, 'must be an obligation id such as "aia.art26.oversight"');

const riskFields = {
  title: shortText(200).pipe(z.string().min(1, "is required")),
  description: longText(4000),
  likelihood: Level,
  severity: Level,
  owner: shortText(120),
  mitigation: longText(4000),
  status: RiskStatusSchema,
  reviewDate: DateSchema.nullable(),
  systemIds: z.array(IdSchema).max(100, "at most 100 systems"),
  obligationIds: z
    .array(ObligationRefSchema)
    .max(50, "at most 50 obligations")
    .refine((v) => new Set(v).size === v.length, "must not repeat an obligation"),
};

/** Body to add a risk. Title, likelihood and severity are required. */
export const RiskCreateSchema = z
  .object({
    title: riskFields.title,
    description: riskFields.description.default(""),
    likelihood: riskFields.likelihood,
    severity: riskFields.severity,
    owner: riskFields.owner.default(""),
    mitigation: riskFields.mitigation.default(""),
    status: riskFields.status.default("open"),
    reviewDate: riskFields.reviewDate.default(null),
    systemIds: riskFields.systemIds.default([]),
    obligationIds: riskFields.obligationIds.default([]),
  })
  .strict();
export type RiskCreate = z.infer<typeof RiskCreateSchema>;
export type RiskCreateInput = z.input<typeof RiskCreateSchema>;

/** Body to change a risk: any subset of the fields. */
export const RiskPatchSchema = z
  .object(riskFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type RiskPatch = z.infer<typeof RiskPatchSchema>;

export const RiskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  likelihood: z.number().int().min(1).max(5),
  severity: z.number().int().min(1).max(5),
  /** likelihood × severity, 1 to 25. */
  score: z.number().int().min(1).max(25),
  rating: RiskRatingSchema,
  owner: z.string(),
  mitigation: z.string(),
  status: RiskStatusSchema,
  reviewDate: DateSchema.nullable(),
  systems: z.array(z.object({ id: IdSchema, name: z.string() })),
  obligationIds: z.array(z.string()),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Risk = z.infer<typeof RiskSchema>;

export const RiskListQuerySchema = z
  .object({
    status: RiskStatusSchema.optional(),
    systemId: IdSchema.optional(),
    rating: RiskRatingSchema.optional(),
  })
  .strict();
export type RiskListQuery = z.infer<typeof RiskListQuerySchema>;

// ---- incidents ----

/**
 * How serious an incident is for AI Act Art 73: the three severities with a reporting clock
 * (their days come from the rules package), or "not-serious" (recorded, no regulatory clock).
 */
export const INCIDENT_SEVERITY_VALUES = ["serious", "death", "widespread-or-critical-infrastructure", "not-serious"] as const;
export const IncidentSeverityValueSchema = z.enum(INCIDENT_SEVERITY_VALUES);
export type IncidentSeverityValue = z.infer<typeof IncidentSeverityValueSchema>;

export const INCIDENT_STATUSES = ["open", "reported", "closed"] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** Where an incident stands against its reporting deadline. */
export const INCIDENT_CLOCK_STATES = ["due", "overdue", "reported-on-time", "reported-late", "no-clock"] as const;
export const IncidentClockStateSchema = z.enum(INCIDENT_CLOCK_STATES);
export type IncidentClockState = z.infer<typeof IncidentClockStateSchema>;

const incidentFields = {
  title: shortText(200).pipe(z.string().min(1, "is required")),
  description: longText(10_000),
  systemId: IdSchema.nullable(),
  occurredAt: TimestampSchema.nullable(),
  awareOn: DateSchema,
  severity: IncidentSeverityValueSchema,
  status: IncidentStatusSchema,
  reportedOn: DateSchema.nullable(),
  notes: longText(10_000),
};

type IncidentShape = { occurredAt: string | null; awareOn: string; status: IncidentStatus; reportedOn: string | null };

/** Cross-field rules of an incident, applied to the whole (merged) incident. */
export function incidentIssues(i: IncidentShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (i.occurredAt && i.occurredAt.slice(0, 10) > i.awareOn)
    issues.push({ path: "awareOn", message: "awareness date must not be before the day the incident occurred" });
  if (i.status === "reported" && !i.reportedOn) issues.push({ path: "reportedOn", message: "is required when the status is reported" });
  if (i.status === "open" && i.reportedOn) issues.push({ path: "status", message: "must be reported or closed when a report date is given" });
  if (i.reportedOn && i.reportedOn < i.awareOn) issues.push({ path: "reportedOn", message: "report date must not be before the awareness date" });
  return issues;
}

/** Body to record an incident. Title, awareness date and severity are required. */
export const IncidentCreateSchema = z
  .object({
    title: incidentFields.title,
    description: incidentFields.description.default(""),
    systemId: incidentFields.systemId.default(null),
    occurredAt: incidentFields.occurredAt.default(null),
    awareOn: incidentFields.awareOn,
    severity: incidentFields.severity,
    status: incidentFields.status.default("open"),
    reportedOn: incidentFields.reportedOn.default(null),
    notes: incidentFields.notes.default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const i of incidentIssues(v)) ctx.addIssue({ code: "custom", message: i.message, path: [i.path] });
  });
export type IncidentCreate = z.infer<typeof IncidentCreateSchema>;
export type IncidentCreateInput = z.input<typeof IncidentCreateSchema>;

/** Body to change an incident: any subset of the fields; the cross-field rules apply to the result. */
export const IncidentPatchSchema = z
  .object(incidentFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>;

/** An incident as stored. */
export const IncidentRecordSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  systemId: IdSchema.nullable(),
  /** The system's name, null when none is linked (or it was deleted). */
  systemName: z.string().nullable(),
  occurredAt: TimestampSchema.nullable(),
  awareOn: DateSchema,
  severity: IncidentSeverityValueSchema,
  status: IncidentStatusSchema,
  reportedOn: DateSchema.nullable(),
  notes: z.string(),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type IncidentRecord = z.infer<typeof IncidentRecordSchema>;

/** The reporting deadline of an incident with a regulatory clock. */
export const IncidentDeadlineSchema = z.object({
  /** The last day to report: the awareness date plus `days` calendar days. */
  dueDate: DateSchema,
  days: z.number().int(),
  /** Legal basis, e.g. ["AI Act Art 73(2)", "AI Act Art 73(5)"]. */
  cite: z.array(z.string()),
});
export type IncidentDeadline = z.infer<typeof IncidentDeadlineSchema>;

/** An incident with its deadline and where it stands, relative to the server's day (`today`). */
export const IncidentSchema = IncidentRecordSchema.extend({
  deadline: IncidentDeadlineSchema.nullable(),
  /** Days from today to the due date (negative when overdue); null without a clock or once reported. */
  daysLeft: z.number().int().nullable(),
  state: IncidentClockStateSchema,
  /** The server's day the countdown is counted from (UTC). */
  today: DateSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentListQuerySchema = z
  .object({
    status: IncidentStatusSchema.optional(),
    systemId: IdSchema.optional(),
    /** "true": only incidents not closed. */
    active: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type IncidentListQuery = z.infer<typeof IncidentListQuerySchema>;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where an incident stands against its deadline on `today`: reported on or before the due date
 * (on time) or after it (late); otherwise due (days left ≥ 0, 0 on the due day) or overdue.
 */
export function incidentClock(
  deadline: { dueDate: string } | null,
  reportedOn: string | null,
  today: string,
): { daysLeft: number | null; state: IncidentClockState } {
  if (!deadline) return { daysLeft: null, state: "no-clock" };
  if (reportedOn) return { daysLeft: null, state: reportedOn <= deadline.dueDate ? "reported-on-time" : "reported-late" };
  const daysLeft = daysBetween(today, deadline.dueDate);
  return { daysLeft, state: daysLeft < 0 ? "overdue" : "due" };
}

/** The risk register and incidents as stored, for export and restore. */
export const RisksExportSchema = z
  .object({
    risks: z.array(
      z.object({
        id: IdSchema,
        title: z.string(),
        description: z.string(),
        likelihood: z.number().int().min(1).max(5),
        severity: z.number().int().min(1).max(5),
        owner: z.string(),
        mitigation: z.string(),
        status: RiskStatusSchema,
        reviewDate: DateSchema.nullable(),
        systemIds: z.array(IdSchema),
        obligationIds: z.array(z.string()),
        version: z.number().int(),
        createdAt: TimestampSchema,
        updatedAt: TimestampSchema,
      }),
    ),
    incidents: z.array(IncidentRecordSchema.omit({ systemName: true })),
  })
  .strict();
export type RisksExport = z.infer<typeof RisksExportSchema>;
