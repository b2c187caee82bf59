/** caio's spend ledger: importers for provider and cloud usage/cost exports, normalization and pricing. */
export const SPEND_VERSION = "0.1.0";

export { divRoundHalfEven, toScaled } from "./decimal.js";
export { type ImportLocation, SpendImportError } from "./errors.js";
export { type ImportContext, type Importer, isSpendImportError, parseInBatches } from "./importer.js";
export {
  anthropicCostImporter,
  anthropicUsageImporter,
  awsCurImporter,
  azureCostImporter,
  csvImporter,
  detectImporter,
  focusImporter,
  gcpBillingImporter,
  heliconeImporter,
  IMPORTERS,
  langfuseImporter,
  litellmImporter,
  openaiCostsImporter,
  openaiUsageImporter,
  otelImporter,
} from "./importers/index.js";
export { moneyToMicros, parseDecimal, RowFields, requireColumns, rowLocation } from "./importers/row-fields.js";
export {
  type ByteSource,
  bytesSource,
  type ChunkStart,
  type Container,
  type DetectSample,
  fileSource,
  type ImportInput,
  inputFromText,
  type OpenedInput,
  openByteSource,
  openImportFile,
  parquetInput,
  rowBatchesOf,
  type SourceRow,
  sniffContainer,
  textInput,
} from "./input.js";
export {
  type DayTally,
  type ParallelOptions,
  type ParallelPlan,
  type ParsedPiece,
  parallelSettings,
  parseInParallel,
  planParallel,
} from "./parallel.js";
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
  collectPages,
  isPullError,
  PULL_DEFAULT_BASE_URLS,
  PULL_DEFAULT_KEY_ENV,
  PULL_PROVIDERS,
  type PullBucketWidth,
  PullError,
  type PullErrorCode,
  type PullOptions,
  type PullPage,
  type PullProgress,
  type PullProvider,
  type PullReport,
  type PullRetry,
  type PullWindow,
  pagesSha256,
  pullBucketWidths,
  pullPages,
  pullSource,
  pullWindow,
  recordsFromPages,
  retryAfterMs,
  scrubSecrets,
} from "./pull.js";
export { negotiatedHook, type RateSetting } from "./rates.js";
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
export * from "./savings/index.js";
export { TIER_MULTIPLIERS, tierMultiplier } from "./tier-multipliers.js";
export { addToTotals, emptyTotals, type SpendTotals, totalsOf } from "./totals.js";
