/** Progress of a scan, reported after files are scanned. */
export interface ScanProgress {
  /** Files scanned so far in this scan (all paths). */
  files: number;
  /** Bytes scanned so far in this scan. */
  bytes: number;
  /** The file just scanned, relative to its repository. */
  path: string;
}

/** Options of {@link scanPaths}. */
export interface ScanOptions {
  /** HMAC key for secret fingerprints (the installation's secret). Required, non-empty. */
  secretKey: string | Buffer;
  /** Files larger than this are skipped (lockfiles may be up to 32 MiB). Default 1 MiB. */
  maxFileBytes?: number;
  /** Called as files are scanned (at most every 64 files, and after the last). */
  onProgress?: (progress: ScanProgress) => void;
  /** Clock for `startedAt`/`finishedAt` (tests). */
  now?: () => Date;
  /**
   * Worker threads for large repositories (each reads and scans one file at a time). Default: the
   * number of CPUs, at most 4; 0 scans in the calling thread only.
   */
  workers?: number;
}

/** Default size limit per file. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
