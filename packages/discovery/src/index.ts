/** caio's repository scanner: finds AI SDKs, models, providers, services and secrets in code and configuration. */
import { SCANNER_VERSION as VERSION } from "./version.js";

export { type ClassifyOptions, classifyModel, type ModelMatch, PREFILTER_LITERALS } from "./catalog/index.js";
export { DETECTORS } from "./detectors/index.js";
export { FindingAggregator, type HitSource, MAX_EVIDENCE } from "./scan/aggregate.js";
export { createFingerprinter } from "./scan/fingerprint.js";
export { DEFAULT_MAX_FILE_BYTES, type ScanOptions, type ScanProgress } from "./scan/options.js";
export { repositoryName } from "./scan/repo-name.js";
export { type DetectorHits, scanBytes, scanText } from "./scan/scan-file.js";
export { scanPaths } from "./scan/scan-paths.js";
export { type RepositoryScanOptions, type ScanTotals, scanRepository } from "./scan/scan-repository.js";
export { scopeOf } from "./scope.js";
export type { DetectContext, Detector, Hit, Signal, SourceFile } from "./types.js";
export { type WalkedFile, type WalkStats, walkFiles } from "./walk/walker.js";

/** Version of the scanner and its catalogue (ScanResult.tool.version). */
export const SCANNER_VERSION: string = VERSION;

export * from "./emit/index.js";
export * from "./policy.js";
