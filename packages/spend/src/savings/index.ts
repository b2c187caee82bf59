export { mayBeHighRisk, monthlyCommitment, optimize, peakWindowShare, perMonth, recommendationId, usd } from "./optimize.js";
export { type ReconcileInput, reconcile } from "./reconcile.js";
export { buildSavingsReport, combinedSaving, type DecisionInput } from "./report.js";
export { BATCH_PROVIDERS, CAPABILITIES, CLOUD_PROVIDERS, DOWNSHIFT_TARGETS, type DownshiftTarget, PROVIDER_NAMES, THRESHOLDS } from "./rules.js";
export type { ActivityInput, ComputedRecommendation, OptimizerInput, SliceInput, SystemFacts, VendorFacts } from "./types.js";
