import type { EvidenceItem, RecommendationType, SavingsConfidence, SavingsWindow } from "@caio/core";
import type { Pricer } from "../pricing.js";

/** Counted usage of one workload slice (the shape the store's `workloads` query returns). */
export interface SliceInput {
  systemId: string | null;
  systemName: string | null;
  provider: string;
  model: string;
  /** Project or workspace id. */
  scope: string | null;
  serviceTier: string;
  batch: boolean;
  longContext: boolean;
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
  unpriced: number;
  records: number;
  days: number;
  firstDay: string;
  lastDay: string;
}

/** What the optimizer needs to know about a system. */
export interface SystemFacts {
  id: string;
  name: string;
  stage: string;
  customerFacing: boolean;
  decisionsAffectingPeople: string;
  personalData: readonly string[];
  /** Set when a classification labels the system high-risk (governance); facts decide otherwise. */
  highRisk?: boolean;
}

/** A vendor with its contract and the providers its usage appears under. */
export interface VendorFacts {
  id: string;
  name: string;
  services: readonly string[];
  providers: readonly string[];
  contract: {
    start: string | null;
    end: string | null;
    renewalNoticeDate: string | null;
    commitmentAmount: string | null;
    commitmentCurrency: string;
  };
  dpaSigned: boolean;
}

/** Where usage came from and when it was last seen (the store's `activity` query). */
export interface ActivityInput {
  provider: string;
  field: "project" | "workspace" | "api_key" | "none";
  value: string | null;
  model: string;
  systemId: string | null;
  firstDay: string;
  lastDay: string;
  costMicros: string;
}

export interface OptimizerInput {
  window: SavingsWindow;
  slices: readonly SliceInput[];
  systems: readonly SystemFacts[];
  vendors: readonly VendorFacts[];
  activity: readonly ActivityInput[];
  pricer: Pricer;
}

/** A recommendation as computed, before its stored status is merged in. */
export interface ComputedRecommendation {
  id: string;
  type: RecommendationType;
  title: string;
  action: string;
  systems: { id: string; name: string }[];
  scope: string;
  providers: string[];
  models: string[];
  vendors: string[];
  baselineMonthlyMicros: bigint;
  projectedMonthlyMicros: bigint;
  confidence: SavingsConfidence;
  assumptions: string[];
  evidence: EvidenceItem[];
  evaluationPlan: string[];
  requiresRevalidation: boolean;
  spendQuery: { by: string; from: string; to: string } | null;
  /** Recommendations on one workload combine (multiply), they do not add; null for contract-level ones. */
  workloadKey: string | null;
}
