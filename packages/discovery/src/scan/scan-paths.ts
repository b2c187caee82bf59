import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, resolve } from "node:path";
import type { RepositoryScan, ScanResult } from "@caio/core";
import type { DetectContext } from "../types.js";
import { SCANNER_VERSION } from "../version.js";
import { FindingAggregator } from "./aggregate.js";
import { createFingerprinter } from "./fingerprint.js";
import { DEFAULT_MAX_FILE_BYTES, type ScanOptions } from "./options.js";
import { processFile } from "./process-file.js";
import { FileReader } from "./read-file.js";
import { type ScanTotals, scanRepository } from "./scan-repository.js";
import { ScanWorkerPool, workersAvailable } from "./worker-pool.js";

/** Scans a single file as a one-file repository named after its directory. */
function scanSingleFile(path: string, context: DetectContext, maxFileBytes: number, totals: ScanTotals): RepositoryScan {
  const name = basename(path);
  const outcome = processFile({ absolute: path, path: name, limit: maxFileBytes }, new FileReader(), context);
  const aggregator = new FindingAggregator();
  if (outcome.scanned) {
    totals.files++;
    totals.bytes += outcome.bytes;
  }
  for (const group of outcome.groups)
    aggregator.addFile(group.hits, { file: name, scope: outcome.scope, detector: group.detector, ecosystem: group.ecosystem });
  return {
    name: basename(dirname(path)),
    filesScanned: outcome.scanned ? 1 : 0,
    bytesScanned: outcome.bytes,
    filesSkipped: outcome.scanned ? 0 : 1,
    findings: aggregator.findings(),
  };
}

function keyBytes(secretKey: string | Buffer): Buffer {
  return Buffer.isBuffer(secretKey) ? Buffer.from(secretKey) : Buffer.from(secretKey, "utf8");
}

/**
 * Scans each path (a repository directory, or a single file) for AI usage and returns one
 * {@link RepositoryScan} per path. Files are streamed (large trees in bounded batches on worker
 * threads); secrets are reported only as keyed fingerprints under `secretKey`.
 */
export async function scanPaths(paths: readonly string[], options: ScanOptions): Promise<ScanResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const context: DetectContext = { fingerprint: createFingerprinter(options.secretKey) };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const workerCount = Math.max(0, Math.floor(options.workers ?? Math.min(4, availableParallelism())));
  const totals: ScanTotals = { files: 0, bytes: 0 };
  let lastPath = "";
  const report = () => options.onProgress?.({ files: totals.files, bytes: totals.bytes, path: lastPath });
  const workers: { pool: ScanWorkerPool | null } = { pool: null };
  const getPool = () => {
    if (!workers.pool && workerCount > 0 && workersAvailable()) workers.pool = new ScanWorkerPool(workerCount, keyBytes(options.secretKey));
    return workers.pool;
  };
  const repositories: RepositoryScan[] = [];
  try {
    for (const input of paths) {
      const path = resolve(input);
      let isFile: boolean;
      try {
        isFile = statSync(path).isFile();
      } catch {
        throw new Error(`cannot scan ${input}: no such file or directory`);
      }
      if (isFile) {
        repositories.push(scanSingleFile(path, context, maxFileBytes, totals));
        lastPath = basename(path);
        report();
        continue;
      }
      const repository = await scanRepository(path, {
        context,
        maxFileBytes,
        totals,
        pool: getPool,
        onFile: (file) => {
          lastPath = file;
          if (totals.files % 64 === 0) report();
        },
      });
      repositories.push(repository);
      report();
    }
  } finally {
    await workers.pool?.close();
  }
  return { tool: { name: "caio", version: SCANNER_VERSION }, startedAt, finishedAt: now().toISOString(), repositories };
}
