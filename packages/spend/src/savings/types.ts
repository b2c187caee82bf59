import type { EvidenceItem, RecommendationType, SavingsConfidence, SavingsWindow, UsageActivity, WorkloadSlice } from "@caio/core";
import type { Pricer } from "../pricing.js";

/** Counted usage of one workload slice (the store's `workloads` query). */
export type SliceInput = WorkloadSlice;

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
export type ActivityInput = UsageActivity;

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
