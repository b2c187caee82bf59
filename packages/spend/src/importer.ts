import type { SpendImportError } from "./errors.js";
import type { DetectSample, ImportInput } from "./input.js";
import type { Pricer } from "./pricing.js";
import type { SpendSource, UsageRecord } from "./record.js";

/** What an importer needs besides the input. */
export interface ImportContext {
  /** File name used in errors. */
  fileName: string;
  /** Prices records at list (or negotiated) rates and gives canonical model ids. */
  pricer: Pricer;
}

export type { DetectSample, ImportInput } from "./input.js";

/**
 * One export format. `parse` reads the input — as text chunks (`input.text()`, any split) or as
 * rows (`input.rows()`: CSV, JSONL, JSON arrays, Parquet) — and yields normalized records; on
 * malformed input it throws a {@link SpendImportError}.
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
  /**
   * True when each row becomes its records on its own (no state carried from row to row, rows read
   * with `input.rowBatches`/`rows`): the file may then be cut at row boundaries and its pieces
   * parsed on several threads (parallel.ts).
   */
  readonly rowLocal?: boolean;
  /** True when the sample looks like this format (by content, not only by name). */
  detect(sample: DetectSample): boolean;
  parse(input: ImportInput, ctx: ImportContext): AsyncIterable<UsageRecord>;
  /**
   * The records of {@link parse} in non-empty batches, for importers built for large files: the
   * cost of an async iteration is paid per batch instead of per record. Same records, same errors
   * (records of a batch that fails are not yielded). Use {@link parseInBatches} to call it.
   */
  parseBatches?(input: ImportInput, ctx: ImportContext): AsyncIterable<UsageRecord[]>;
}

/** An importer's records in batches: its own `parseBatches` when it has one, otherwise `parse` grouped. */
export async function* parseInBatches(importer: Importer, input: ImportInput, ctx: ImportContext, size = 1024): AsyncIterable<UsageRecord[]> {
  if (importer.parseBatches) {
    yield* importer.parseBatches(input, ctx);
    return;
  }
  let batch: UsageRecord[] = [];
  for await (const r of importer.parse(input, ctx)) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Type guard for the error importers throw. */
export function isSpendImportError(e: unknown): e is SpendImportError {
  return e instanceof Error && e.name === "SpendImportError";
}
