import type { SpendImportError } from "./errors.js";
import type { Pricer } from "./pricing.js";
import type { SpendSource, UsageRecord } from "./record.js";

/** The start of a file, for format detection. */
export interface DetectSample {
  fileName: string;
  /** The first few KiB of the file, decoded as UTF-8. */
  firstBytes: string;
}

/** What an importer needs besides the input. */
export interface ImportContext {
  /** File name used in errors. */
  fileName: string;
  /** Prices records at list (or negotiated) rates and gives canonical model ids. */
  pricer: Pricer;
}

/**
 * One export format. `parse` reads the file as text chunks (any split: lines or arbitrary pieces)
 * and yields normalized records; on malformed input it throws a {@link SpendImportError}.
 *
 * Atomicity contract: an importer declares `buffersFile`. When true, it validates the whole file
 * before yielding its first record, so a bad file yields nothing. When false (formats that must
 * stream files larger than memory), records may be yielded before an error: the caller must store
 * a file's records in one transaction and roll back on error. Callers should always use a
 * transaction; `buffersFile` only says whether partial output can be observed.
 */
export interface Importer {
  readonly source: SpendSource;
  readonly buffersFile: boolean;
  /** True when the sample looks like this format (by content, not only by name). */
  detect(sample: DetectSample): boolean;
  parse(input: AsyncIterable<string>, ctx: ImportContext): AsyncIterable<UsageRecord>;
}

/** Type guard for the error importers throw. */
export function isSpendImportError(e: unknown): e is SpendImportError {
  return e instanceof Error && e.name === "SpendImportError";
}
