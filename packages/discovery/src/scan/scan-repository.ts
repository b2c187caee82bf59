import type { RepositoryScan } from "@caio/core";
import { baseName } from "../text/paths.js";
import type { DetectContext, Detector } from "../types.js";
import { LOCKFILE_MAX_BYTES, LOCKFILE_NAMES } from "../walk/skip-rules.js";
import { walkFiles } from "../walk/walker.js";
import { FindingAggregator } from "./aggregate.js";
import { type FileOutcome, type FileTask, processFile } from "./process-file.js";
import { FileReader } from "./read-file.js";
import { repositoryName } from "./repo-name.js";
import type { ScanWorkerPool } from "./worker-pool.js";

/** Running totals shared by the repositories of one scan (for progress). */
export interface ScanTotals {
  files: number;
  bytes: number;
}

/** Options of {@link scanRepository}. */
export interface RepositoryScanOptions {
  context: DetectContext;
  maxFileBytes: number;
  totals: ScanTotals;
  /** Called after each file is scanned. */
  onFile?: (path: string) => void;
  /** Detectors to run in this thread (default: all). Worker threads always run all detectors. */
  detectors?: readonly Detector[];
  /**
   * Returns a worker pool once the repository proves large: the pool is started after a quarter of
   * `inlineFiles` (so the workers load while this thread keeps scanning) and used after `inlineFiles`
   * files; files are then scanned in batches on worker threads. Without it everything runs here.
   */
  pool?: () => ScanWorkerPool | null;
  /** Files scanned in this thread before batches go to the pool (default 1024). */
  inlineFiles?: number;
}

/** Files per batch sent to a worker. */
const BATCH = 256;
/** Batches in flight per worker (bounded, so memory stays flat). */
const IN_FLIGHT_PER_WORKER = 2;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scans one repository directory: streams its files through the detectors (in this thread, or in
 * bounded batches on worker threads for large trees) and aggregates findings in walk order. Memory
 * holds a few files and the findings, never the tree's contents.
 */
export async function scanRepository(root: string, options: RepositoryScanOptions): Promise<RepositoryScan> {
  const stats = { skipped: 0 };
  const aggregator = new FindingAggregator();
  const reader = new FileReader();
  const inlineFiles = options.inlineFiles ?? 1024;
  let filesScanned = 0;
  let bytesScanned = 0;
  let seen = 0;

  const record = (outcome: FileOutcome) => {
    if (!outcome.scanned) {
      stats.skipped++;
      return;
    }
    filesScanned++;
    bytesScanned += outcome.bytes;
    options.totals.files++;
    options.totals.bytes += outcome.bytes;
    for (const group of outcome.groups) {
      aggregator.addFile(group.hits, { file: outcome.path, scope: outcome.scope, detector: group.detector, ecosystem: group.ecosystem });
    }
    options.onFile?.(outcome.path);
  };

  let pool: ScanWorkerPool | null = null;
  let dispatch = false;
  let batch: FileTask[] = [];
  const inFlight: Promise<FileOutcome[]>[] = [];
  const send = (tasks: FileTask[]) => {
    const pending = pool?.process(tasks) ?? Promise.resolve([]);
    // Marked handled now; the rejection still surfaces when this batch is awaited in order.
    pending.catch(() => undefined);
    inFlight.push(pending);
  };
  const drainOne = async () => {
    const next = inFlight.shift();
    if (next) for (const outcome of await next) record(outcome);
  };

  for (const file of walkFiles(root, stats)) {
    const limit = LOCKFILE_NAMES.has(baseName(file.path)) ? Math.max(options.maxFileBytes, LOCKFILE_MAX_BYTES) : options.maxFileBytes;
    const task: FileTask = { absolute: file.absolute, path: file.path, limit };
    seen++;
    if (seen === Math.ceil(inlineFiles / 4) && options.pool) pool = options.pool();
    if (seen === inlineFiles + 1 && pool) dispatch = true;
    if (!pool || !dispatch) {
      record(processFile(task, reader, options.context, options.detectors));
      if (seen % 64 === 0) await yieldToEventLoop();
      continue;
    }
    batch.push(task);
    if (batch.length === BATCH) {
      send(batch);
      batch = [];
      if (inFlight.length >= pool.size * IN_FLIGHT_PER_WORKER) await drainOne();
    }
  }
  if (pool && dispatch && batch.length > 0) send(batch);
  while (inFlight.length > 0) await drainOne();
  return { name: repositoryName(root), filesScanned, bytesScanned, filesSkipped: stats.skipped, findings: aggregator.findings() };
}
