/** caio's spend ledger: importers for provider and cloud usage/cost exports, normalization and pricing. */
export const SPEND_VERSION = "0.1.0";

export { divRoundHalfEven, toScaled } from "./decimal.js";
export { type ImportLocation, SpendImportError } from "./errors.js";
export { type DetectSample, type ImportContext, type Importer, isSpendImportError } from "./importer.js";
export { anthropicUsageImporter, detectImporter, IMPORTERS, openaiUsageImporter } from "./importers/index.js";
export {
  createPricer,
  type NegotiatedRate,
  type NegotiatedRateHook,
  type PricedUsage,
  type PriceResult,
  type Pricer,
  type PricerOptions,
  type UnitPrices,
} from "./pricing.js";
export {
  hashApiKey,
  type RecordIdentity,
  recordKeyOf,
  type ServiceTier,
  ServiceTierSchema,
  type SpendSource,
  SpendSourceSchema,
  totalInput,
  type UsageRecord,
  UsageRecordSchema,
} from "./record.js";
export { TIER_MULTIPLIERS, tierMultiplier } from "./tier-multipliers.js";
export { addToTotals, emptyTotals, type SpendTotals, totalsOf } from "./totals.js";
