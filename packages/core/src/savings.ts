/** Savings recommendations, reconciliation and the organization's model policy: the API contract. */
import { z } from "zod";

export const RECOMMENDATION_TYPES = ["downshift", "batch", "caching", "consolidation", "unused-capacity", "long-context", "priority-tier"] as const;
export const RecommendationTypeSchema = z.enum(RECOMMENDATION_TYPES);
export type RecommendationType = z.infer<typeof RecommendationTypeSchema>;

export const SAVINGS_CONFIDENCES = ["high", "medium", "low"] as const;
export const SavingsConfidenceSchema = z.enum(SAVINGS_CONFIDENCES);
export type SavingsConfidence = z.infer<typeof SavingsConfidenceSchema>;

export const RECOMMENDATION_STATUSES = ["open", "accepted", "dismissed", "done"] as const;
export const RecommendationStatusSchema = z.enum(RECOMMENDATION_STATUSES);
export type RecommendationStatus = z.infer<typeof RecommendationStatusSchema>;

/** Micro-units of USD as a decimal string (may be negative only where documented). */
const Micros = z.string().regex(/^-?\d{1,20}$/);

/** The analysis window every figure of a savings report comes from. */
export const SavingsWindowSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.number().int().positive(),
});
export type SavingsWindow = z.infer<typeof SavingsWindowSchema>;

/** One figure behind a recommendation, e.g. "average output per request: 62 tokens". */
export const EvidenceItemSchema = z.object({ label: z.string(), value: z.string() });
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const RecommendationSchema = z.object({
  /** Stable id (16 hex characters) of the recommendation's type and scope; survives re-computation. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  type: RecommendationTypeSchema,
  title: z.string(),
  /** What to do, in one sentence. */
  action: z.string(),
  systems: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** What the recommendation covers when it is not a system, e.g. "project proj_sandbox". */
  scope: z.string(),
  providers: z.array(z.string()),
  models: z.array(z.string()),
  vendors: z.array(z.string()),
  baselineMonthlyMicros: Micros,
  projectedMonthlyMicros: Micros,
  monthlySavingMicros: Micros,
  annualSavingMicros: Micros,
  confidence: SavingsConfidenceSchema,
  assumptions: z.array(z.string()),
  evidence: z.array(EvidenceItemSchema),
  /** For model changes: how to check quality before switching. */
  evaluationPlan: z.array(z.string()),
  /** True when the system may be high-risk: the change needs re-validation before it ships. */
  requiresRevalidation: z.boolean(),
  /** Link to the Spend page filtered to the evidence, relative to the organization. */
  spendQuery: z.object({ by: z.string(), from: z.iso.date(), to: z.iso.date() }).nullable(),
  status: RecommendationStatusSchema,
  statusNote: z.string(),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const SavingsSummarySchema = z.object({
  monthlySpendMicros: Micros,
  /** Open and accepted recommendations, combined per workload (not added), per month. */
  identifiedMonthlyMicros: Micros,
  identifiedAnnualMicros: Micros,
  /** Commitments paid but not used, per month (the unused-capacity recommendations on contracts). */
  unusedCommitmentMicros: Micros,
  /** Seat and subscription contracts covered by consolidation recommendations, per month. */
  contractsMonthlyMicros: Micros,
  /** identified / (spend + unused commitments + those contracts) as a decimal fraction with 4 digits, e.g. "0.1834". */
  shareOfSpend: z.string(),
  /** Recommendations marked done, at the saving they showed when marked. */
  realizedMonthlyMicros: Micros,
  byType: z.array(z.object({ type: RecommendationTypeSchema, count: z.number().int(), monthlySavingMicros: Micros })),
  byStatus: z.array(z.object({ status: RecommendationStatusSchema, count: z.number().int(), monthlySavingMicros: Micros })),
});
export type SavingsSummary = z.infer<typeof SavingsSummarySchema>;

export const SavingsReportSchema = z.object({
  currency: z.literal("USD"),
  window: SavingsWindowSchema.nullable(),
  summary: SavingsSummarySchema,
  recommendations: z.array(RecommendationSchema),
});
export type SavingsReport = z.infer<typeof SavingsReportSchema>;

export const SavingsQuerySchema = z
  .object({
    to: z.iso.date({ message: "must be a date as YYYY-MM-DD" }).optional(),
    days: z.coerce.number().int().min(7, "must be at least 7").max(366, "must be at most 366").default(90),
  })
  .strict();
export type SavingsQuery = z.infer<typeof SavingsQuerySchema>;

export const RecommendationStatusChangeSchema = z
  .object({
    status: RecommendationStatusSchema,
    note: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
  })
  .strict();
export type RecommendationStatusChange = z.infer<typeof RecommendationStatusChangeSchema>;

/**
 * Counted usage of one workload slice over a day range: one system (or none), provider, model,
 * project or workspace, service tier, batch and long-context flags, and UTC hour (null for daily
 * buckets). Token sums are decimal strings; `costMicros` is the counted cost (billed where stated).
 */
export interface WorkloadSlice {
  systemId: string | null;
  systemName: string | null;
  provider: string;
  model: string;
  scope: string | null;
  serviceTier: string;
  batch: boolean;
  longContext: boolean;
  /** Tags (names or values) mention batch, nightly, offline, backfill, cron or ETL work. */
  batchTagged: boolean;
  hour: number | null;
  uncachedInput: string;
  cacheRead: string;
  cacheWrite5m: string;
  cacheWrite1h: string;
  output: string;
  requests: string;
  costMicros: string;
  listMicros: string;
  /** Counted records without a list price (the counterfactual cannot be priced for them). */
  unpriced: number;
  records: number;
  days: number;
  firstDay: string;
  lastDay: string;
}

/** Where usage came from (project, workspace or API key), when it was last seen, and its cost in the range. */
export interface UsageActivity {
  provider: string;
  field: "project" | "workspace" | "api_key" | "none";
  value: string | null;
  model: string;
  systemId: string | null;
  firstDay: string;
  lastDay: string;
  costMicros: string;
}

// ---- model policy ----

const Pattern = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/**
 * Which providers and models the organization allows, in the same shape as the CI gate's
 * `caio-policy.yaml`: globs with `*` and `?`, case-insensitive; `deny` wins over `allow`; an
 * omitted `allow` allows everything.
 */
export const ModelPolicySchema = z
  .object({
    providers: z
      .object({ allow: z.array(Pattern).max(200) })
      .strict()
      .optional(),
    models: z
      .object({ allow: z.array(Pattern).max(500).optional(), deny: z.array(Pattern).max(500).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type ModelPolicy = z.infer<typeof ModelPolicySchema>;

export const StoredModelPolicySchema = z.object({
  policy: ModelPolicySchema.nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type StoredModelPolicy = z.infer<typeof StoredModelPolicySchema>;

/** True when `text` matches the glob (`*` any run, `?` one character), ignoring case. */
export function globMatches(glob: string, text: string): boolean {
  const g = glob.toLowerCase();
  const t = text.toLowerCase();
  // Iterative wildcard matching with backtracking to the last star: linear in practice, no regex.
  let gi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (gi < g.length && (g[gi] === "?" || g[gi] === t[ti])) {
      gi++;
      ti++;
    } else if (gi < g.length && g[gi] === "*") {
      star = gi++;
      mark = ti;
    } else if (star !== -1) {
      gi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (gi < g.length && g[gi] === "*") gi++;
  return gi === g.length;
}

/** Why a provider/model is not allowed by the policy, or null when it is allowed. */
export function policyVerdict(policy: ModelPolicy | null, provider: string | null, model: string | null): string | null {
  if (!policy) return null;
  if (provider && policy.providers && !policy.providers.allow.some((p) => globMatches(p, provider)))
    return `provider ${provider} is not in the allowed providers`;
  if (model && policy.models) {
    const denied = policy.models.deny?.find((p) => globMatches(p, model));
    if (denied) return `model ${model} matches the denied pattern ${denied}`;
    if (policy.models.allow && !policy.models.allow.some((p) => globMatches(p, model))) return `model ${model} is not in the allowed models`;
  }
  return null;
}

// ---- reconciliation ----

export const ReconciliationSchema = z.object({
  currency: z.literal("USD"),
  window: SavingsWindowSchema.nullable(),
  counts: z.object({
    stale: z.number().int(),
    unattributed: z.number().int(),
    shadow: z.number().int(),
    vendors: z.number().int(),
    models: z.number().int(),
  }),
  /** Registered systems (not retired) with neither code evidence nor attributed usage. */
  stale: z.array(
    z.object({
      systemId: z.uuid(),
      name: z.string(),
      stage: z.string(),
      components: z.number().int(),
      reason: z.string(),
    }),
  ),
  unattributedMicros: Micros,
  /** Spend no attribution rule assigns to a system, grouped by what a rule could match. */
  unattributed: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      field: z.enum(["project", "workspace", "api_key", "none"]),
      value: z.string().nullable(),
      costMicros: Micros,
      lastDay: z.iso.date(),
    }),
  ),
  /** Open runtime findings that match no registered system. */
  shadow: z.array(
    z.object({
      findingId: z.uuid(),
      repository: z.string(),
      kind: z.string(),
      name: z.string(),
      provider: z.string().nullable(),
      location: z.string().nullable(),
    }),
  ),
  /** Providers with spend whose vendor is missing, has no contract, or has no DPA on record. */
  vendors: z.array(
    z.object({
      provider: z.string(),
      vendorId: z.uuid().nullable(),
      vendorName: z.string().nullable(),
      costMicros: Micros,
      issues: z.array(z.enum(["no-vendor", "no-contract", "no-dpa"])),
    }),
  ),
  /** Models in use (spend, code or inventory) that the model policy does not allow. */
  models: z.array(
    z.object({
      provider: z.string().nullable(),
      model: z.string(),
      reason: z.string(),
      seenIn: z.array(z.string()),
      costMicros: Micros,
    }),
  ),
  policySet: z.boolean(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
