/** Governance: classification results, obligations and their statuses (the API contract). */
import { z } from "zod";

/** An answer to a classification question. `unknown` never counts as "no": it makes the result "needs review". */
export const ANSWERS = ["yes", "no", "unknown"] as const;
export const AnswerSchema = z.enum(ANSWERS);
export type Answer = z.infer<typeof AnswerSchema>;

/** Which text of the law dates are read from: Regulation (EU) 2024/1689 as published, or as amended by the Digital Omnibus. */
export const LAW_VERSIONS = ["original", "omnibus"] as const;
export const LawVersionSchema = z.enum(LAW_VERSIONS);
export type LawVersion = z.infer<typeof LawVersionSchema>;

/** Legal status of a date or rule. */
export const LAW_STATUSES = ["in-force", "adopted-pending-publication", "repealed"] as const;
export const LawStatusSchema = z.enum(LAW_STATUSES);
export type LawStatus = z.infer<typeof LawStatusSchema>;

export const LABEL_KINDS = ["out-of-scope", "prohibited", "high-risk", "art6-3-exempt", "transparency", "gpai", "gpai-systemic-risk", "minimal"] as const;
export const LabelKindSchema = z.enum(LABEL_KINDS);
export type LabelKind = z.infer<typeof LabelKindSchema>;

/** The maximum fine or sanction attached to a label or obligation, e.g. AI Act Art 99(4). */
export const PenaltySchema = z.object({ cite: z.array(z.string()), maximum: z.string(), note: z.string().optional() });
export type Penalty = z.infer<typeof PenaltySchema>;

/** One label of a classification, with its legal basis. */
export const LabelSchema = z.object({
  kind: LabelKindSchema,
  /** The basis in words, e.g. "Annex III point 4(a): recruitment and selection". */
  basis: z.string(),
  /** Citations, e.g. ["AI Act Art 6(2)", "AI Act Annex III point 4(a)"]. */
  cite: z.array(z.string()),
  /** The rule that produced it. */
  ruleId: z.string(),
  penalty: PenaltySchema.optional(),
});
export type Label = z.infer<typeof LabelSchema>;

export const OPERATOR_ROLES = ["provider", "deployer", "importer", "distributor", "product-manufacturer", "authorised-representative"] as const;
export const OperatorRoleSchema = z.enum(OPERATOR_ROLES);
export type OperatorRole = z.infer<typeof OperatorRoleSchema>;

export const ObligationStatusSchema = z.enum(["open", "in-progress", "done", "not-applicable"]);
export type ObligationStatus = z.infer<typeof ObligationStatusSchema>;

/** An obligation that follows from a classification, with its due date under the chosen law version. */
export const DerivedObligationSchema = z.object({
  id: z.string(),
  framework: z.string(),
  title: z.string(),
  summary: z.string(),
  cite: z.array(z.string()),
  roles: z.array(OperatorRoleSchema),
  /** The day the obligation applies from under the law version (null: no fixed date, e.g. event-driven). */
  dueDate: z.iso.date().nullable(),
  dateBasis: z.object({ law: z.string(), status: LawStatusSchema }).nullable(),
  evidence: z.array(z.string()),
  crosswalk: z.object({ nist: z.array(z.string()), iso42001: z.array(z.string()) }),
  penalty: PenaltySchema.optional(),
});
export type DerivedObligation = z.infer<typeof DerivedObligationSchema>;

export const ExtraCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  applies: z.enum(["yes", "no", "needs-review"]),
  reason: z.string(),
  cite: z.array(z.string()),
  status: LawStatusSchema,
});
export type ExtraCheck = z.infer<typeof ExtraCheckSchema>;

/** What the rules conclude for one system. */
export const ClassificationResultSchema = z.object({
  rulesetVersion: z.string(),
  law: LawVersionSchema,
  asOf: z.iso.date(),
  /** complete: every question that matters is answered; needs-review: some answer is unknown; incomplete: questions remain. */
  status: z.enum(["complete", "needs-review", "incomplete"]),
  labels: z.array(LabelSchema),
  roles: z.array(z.object({ role: OperatorRoleSchema, reason: z.string(), cite: z.array(z.string()) })),
  conformityRoute: z.object({ route: z.enum(["internal-control", "notified-body", "sectoral"]), reason: z.string(), cite: z.array(z.string()) }).nullable(),
  obligations: z.array(DerivedObligationSchema),
  extraChecks: z.array(ExtraCheckSchema),
  /** Questions answered "unknown" that the result depends on. */
  unknowns: z.array(z.object({ questionId: z.string(), text: z.string() })),
  /** Questions still to answer, in order. */
  pending: z.array(z.string()),
});
export type ClassificationResult = z.infer<typeof ClassificationResultSchema>;

/** A question as the API shows it: asked only when it matters, maybe pre-filled from inventory facts. */
export const QuestionViewSchema = z.object({
  id: z.string(),
  framework: z.string(),
  section: z.string(),
  text: z.string(),
  help: z.string(),
  cite: z.array(z.string()),
  /** A suggested answer from the system's inventory facts, with why. */
  prefill: z.object({ answer: AnswerSchema, reason: z.string() }).nullable(),
});
export type QuestionView = z.infer<typeof QuestionViewSchema>;

/** An answer as recorded: who gave it and when. */
export const RecordedAnswerSchema = z.object({ answer: AnswerSchema, by: z.string(), at: z.string() });
export type RecordedAnswer = z.infer<typeof RecordedAnswerSchema>;

const QuestionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "must be a question id such as aia.scope.eu");

/** Answers to classify with: changed answers are recorded with who and when; omitted ones keep their stored value. */
export const ClassifyRequestSchema = z
  .object({
    answers: z.record(QuestionIdSchema, AnswerSchema).default({}),
    law: LawVersionSchema.default("original"),
    asOf: z.iso.date({ message: "must be a date as YYYY-MM-DD" }).optional(),
    /** Start over: drop the stored answers. */
    reset: z.boolean().default(false),
  })
  .strict();
export type ClassifyRequest = z.infer<typeof ClassifyRequestSchema>;

export const StoredClassificationSchema = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  systemName: z.string(),
  rulesetVersion: z.string(),
  law: LawVersionSchema,
  asOf: z.iso.date(),
  answers: z.record(z.string(), RecordedAnswerSchema),
  result: ClassificationResultSchema,
  createdBy: z.string(),
  createdAt: z.string(),
});
export type StoredClassificationView = z.infer<typeof StoredClassificationSchema>;

/** A system's classification state: the latest stored classification, what is left to ask, and whether the rules moved on. */
export const ClassificationViewSchema = z.object({
  system: z.object({ id: z.uuid(), name: z.string() }),
  rulesetVersion: z.string(),
  classification: StoredClassificationSchema.nullable(),
  /** The stored result came from another rule-set version: classify again to see what changed. */
  stale: z.boolean(),
  /** Questions that matter given the stored answers (answered ones included, in order), with pre-fills. */
  questions: z.array(QuestionViewSchema.extend({ answer: AnswerSchema.nullable() })),
  /** What changed against the previous classification (after a classify call). */
  changes: z.array(z.string()),
});
export type ClassificationView = z.infer<typeof ClassificationViewSchema>;

/** A preview: the questions and result for answers not stored yet (the wizard's next step). */
export const ClassificationPreviewSchema = z.object({
  questions: z.array(QuestionViewSchema.extend({ answer: AnswerSchema.nullable() })),
  result: ClassificationResultSchema,
});
export type ClassificationPreview = z.infer<typeof ClassificationPreviewSchema>;

export const ObligationRowSchema = z.object({
  systemId: z.uuid(),
  systemName: z.string(),
  obligation: DerivedObligationSchema,
  owner: z.string(),
  status: ObligationStatusSchema,
  evidence: z.string(),
  /** Days from today to the due date (negative: overdue); null without a fixed date. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ObligationRow = z.infer<typeof ObligationRowSchema>;

export const ObligationQuerySchema = z
  .object({
    dueWithin: z.coerce.number().int().min(0, "must be 0 or more").max(3650, "must be at most 3650").optional(),
    status: ObligationStatusSchema.optional(),
    system: z.uuid({ message: "must be a system id" }).optional(),
  })
  .strict();
export type ObligationQuery = z.infer<typeof ObligationQuerySchema>;

export const ObligationUpdateSchema = z
  .object({
    owner: z.string().trim().max(200, "must be at most 200 characters").optional(),
    status: ObligationStatusSchema.optional(),
    evidence: z.string().trim().max(4000, "must be at most 4000 characters").optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type ObligationUpdate = z.infer<typeof ObligationUpdateSchema>;

export const RulesetInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  changelog: z.array(z.object({ version: z.string(), date: z.string(), changes: z.array(z.string()) })),
});
