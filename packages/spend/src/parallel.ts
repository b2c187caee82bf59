/**
 * Reading one large file on every core. A plain (not compressed) CSV or JSONL file is cut into
 * pieces at row boundaries; worker threads parse, validate and price the pieces with the same
 * importer code as a single-threaded import, and hand back each piece's records as the JSON the
 * API takes (records as objects would cost more to copy between threads than to parse), plus a
 * tally per day. Pieces come back in file order, so the first error in the file is the one raised,
 * with the file's own line numbers.
 *
 * Only files whose rows can be cut apart safely take this path (see {@link planParallel}); anything
 * else is read by {@link parseInBatches} on one thread, with the same records and errors.
 */
import { existsSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { SpendImportError } from "./errors.js";
import type { Importer } from "./importer.js";
import type { OpenedInput } from "./input.js";
import type { RateSetting } from "./rates.js";

/** Files smaller than this are read on one thread (starting workers costs more than it saves). */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** Bytes per piece (a piece grows past this only when a row is longer). */
export const PIECE_BYTES = 1024 * 1024;
/** Most worker threads used. */
export const MAX_WORKERS = 8;

/** Records per JSON batch handed back (the API takes at most 50,000 a request). */
const BATCH_RECORDS = 20_000;

/** What one UTC day of a piece holds. */
export interface DayTally {
  day: string;
  records: number;
  /** Input tokens: uncached input, cache reads and cache writes. */
  inputTokens: number;
  outputTokens: number;
  /** Billed cost where stated, else list cost, in micro-units (decimal text). */
  costMicros: string;
}

/** The parsed records of one piece of the file. */
export interface ParsedPiece {
  /** Bytes of the file in this piece (for progress). */
  bytes: number;
  records: number;
  /**
   * The records as JSON arrays of wire records (`toWireRecord`), in file order, at most 20,000 each;
   * empty when the plan does not serialize.
   */
  batches: { json: string; count: number }[];
  days: DayTally[];
}

export interface ParallelOptions {
  /** Worker threads (default: {@link parallelSettings}). */
  workers?: number;
  /** Smallest file read in parallel (default: {@link parallelSettings}). */
  minBytes?: number;
  /** Bytes per piece (default {@link PIECE_BYTES}). */
  pieceBytes?: number;
  /** The organization's negotiated rates, priced in the workers as `createPricer` would. */
  rates?: readonly RateSetting[];
  /** False when only the day tallies are wanted (a dry run): the records are not serialized. */
  serialize?: boolean;
}

/** A file that can be read in parallel, and how. */
export interface ParallelPlan {
  path: string;
  fileName: string;
  source: Importer["source"];
  container: "csv" | "jsonl";
  size: number;
  workers: number;
  pieceBytes: number;
  /** CSV: the header's names and the byte offset of the first data row. */
  header: readonly string[] | undefined;
  dataStart: number;
  rates: readonly RateSetting[];
  serialize: boolean;
}

function envInt(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number of 0 or more, not ${JSON.stringify(v)}`);
  return n;
}

/**
 * Worker threads and the smallest file read in parallel, from CAIO_IMPORT_WORKERS (default: the
 * machine's cores, at most 8) and CAIO_IMPORT_PARALLEL_MIN_BYTES (default 16 MiB). Throws a
 * RangeError naming the variable when one is not a whole number.
 */
export function parallelSettings(): { workers: number; minBytes: number } {
  return {
    workers: envInt("CAIO_IMPORT_WORKERS") ?? Math.min(MAX_WORKERS, availableParallelism()),
    minBytes: envInt("CAIO_IMPORT_PARALLEL_MIN_BYTES") ?? PARALLEL_MIN_BYTES,
  };
}

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

/**
 * Whether `path` (opened as `opened`, to be read by `importer`) can be read in parallel, and how;
 * null when it is read on one thread: a compressed file, a single JSON document or Parquet, an
 * importer that reads across rows, a small file, one worker, or a CSV file with any carriage
 * return, a quoted header or an empty first line (whose rows might be read or numbered
 * differently when cut).
 */
export async function planParallel(path: string, opened: OpenedInput, importer: Importer, options: ParallelOptions = {}): Promise<ParallelPlan | null> {
  const defaults = options.workers === undefined || options.minBytes === undefined ? parallelSettings() : undefined;
  const workers = Math.min(MAX_WORKERS, options.workers ?? defaults?.workers ?? 1);
  const minBytes = options.minBytes ?? defaults?.minBytes ?? PARALLEL_MIN_BYTES;
  const { container } = opened.sample;
  if (importer.rowLocal !== true || opened.gzip || workers < 2 || opened.size < minBytes) return null;
  if (container !== "csv" && container !== "jsonl") return null;
  const base = {
    path,
    fileName: opened.sample.fileName,
    source: importer.source,
    container,
    size: opened.size,
    workers,
    pieceBytes: Math.max(1, options.pieceBytes ?? PIECE_BYTES),
    rates: options.rates ?? [],
    serialize: options.serialize ?? true,
  } as const;
  if (container === "jsonl") return { ...base, header: undefined, dataStart: 0 };
  const fh = await open(path, "r");
  try {
    // The header: the first line, read as the tokenizer reads an unquoted line.
    const first = await readUpTo(fh, 0, 64 * 1024);
    const nl = first.indexOf(LF);
    if (nl === -1 || first.subarray(0, nl).includes(QUOTE)) return null;
    let line = new TextDecoder("utf-8").decode(first.subarray(0, nl));
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    // A file that starts with an empty line has its header further down: one thread reads it.
    if (line === "") return null;
    const header = line.split(",").map((h) => h.trim());
    if (new Set(header).size !== header.length) return null; // the one-thread reader names the duplicate
    if (await hasByte(fh, CR)) return null;
    return { ...base, header, dataStart: nl + 1 };
  } finally {
    await fh.close();
  }
}

async function readUpTo(fh: FileHandle, position: number, n: number): Promise<Buffer> {
  const buf = Buffer.alloc(n);
  const { bytesRead } = await fh.read(buf, 0, n, position);
  return buf.subarray(0, bytesRead);
}

async function hasByte(fh: FileHandle, byte: number): Promise<boolean> {
  const buf = Buffer.allocUnsafe(1 << 20);
  for (let pos = 0; ; ) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) return false;
    if (buf.subarray(0, bytesRead).includes(byte)) return true;
    pos += bytesRead;
  }
}

/** The number of `byte`s in buf[from, to). */
function countByte(buf: Buffer, byte: number, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte, from); i !== -1 && i < to; i = buf.indexOf(byte, i + 1)) n++;
  return n;
}

/**
 * Where the last complete row of buf[0, len) ends (the offset after its line feed), or 0 when no
 * row ends in it. For CSV, a line feed inside a quoted field is not a row end: buf starts outside
 * quotes, and a line feed is outside them when an even number of quotes precede it.
 */
export function lastRowEnd(buf: Buffer, len: number, csv: boolean): number {
  let nl = buf.lastIndexOf(LF, len - 1);
  if (nl === -1) return 0;
  if (!csv) return nl + 1;
  let parity = countByte(buf, QUOTE, 0, len) & 1;
  let upTo = len;
  while (nl !== -1) {
    parity ^= countByte(buf, QUOTE, nl + 1, upTo) & 1;
    if (parity === 0) return nl + 1;
    upTo = nl + 1;
    nl = nl === 0 ? -1 : buf.lastIndexOf(LF, nl - 1);
  }
  return 0;
}

interface Piece {
  bytes: ArrayBuffer;
  length: number;
  firstLine: number;
}

/** Cuts the file into pieces at row ends, with each piece's first line number. */
async function* pieces(plan: ParallelPlan): AsyncIterable<Piece> {
  const fh = await open(plan.path, "r");
  try {
    const csv = plan.container === "csv";
    let pos = plan.dataStart;
    let line = csv ? 2 : 1;
    let carry = Buffer.alloc(0);
    for (;;) {
      const buf = Buffer.allocUnsafeSlow(carry.length + plan.pieceBytes);
      carry.copy(buf, 0);
      const { bytesRead } = await fh.read(buf, carry.length, plan.pieceBytes, pos);
      pos += bytesRead;
      const len = carry.length + bytesRead;
      const eof = bytesRead === 0;
      const cut = eof ? len : lastRowEnd(buf, len, csv);
      if (cut === 0) {
        // No row ends in what was read: read on (a row longer than a piece).
        carry = buf.subarray(0, len);
        if (eof) break;
        continue;
      }
      carry = Buffer.from(buf.subarray(cut, len));
      const firstLine = line;
      line += countByte(buf, LF, 0, cut);
      yield { bytes: buf.buffer as ArrayBuffer, length: cut, firstLine };
      if (eof) break;
    }
  } finally {
    await fh.close();
  }
}

/** What a worker is told once. */
export interface WorkerSetup {
  source: Importer["source"];
  fileName: string;
  container: "csv" | "jsonl";
  header: readonly string[] | undefined;
  rates: readonly RateSetting[];
  serialize: boolean;
  batchRecords: number;
}

/** A worker's answer for one piece. */
export type WorkerAnswer =
  | { id: number; ok: true; piece: ParsedPiece; blank: boolean }
  | { id: number; ok: false; error: { file?: string; line?: number; record?: string; field?: string; reason?: string; message: string } };

function workerUrl(): URL {
  // From the compiled package: next to this file. From the TypeScript sources (tests): the build.
  const here = new URL("./parallel-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../dist/parallel-worker.js", import.meta.url);
}

function errorOf(e: Extract<WorkerAnswer, { ok: false }>["error"]): Error {
  if (e.reason !== undefined && e.file !== undefined) return new SpendImportError({ file: e.file, line: e.line, record: e.record, field: e.field }, e.reason);
  return new Error(e.message);
}

/**
 * The file's records, piece by piece in file order, parsed on `plan.workers` threads. Throws the
 * first error in file order (a {@link SpendImportError} naming the file's line) and stops the
 * workers. Memory stays flat: at most two pieces per worker are read ahead.
 */
export async function* parseInParallel(plan: ParallelPlan): AsyncIterable<ParsedPiece> {
  const setup: WorkerSetup = {
    source: plan.source,
    fileName: plan.fileName,
    container: plan.container,
    header: plan.header,
    rates: plan.rates,
    serialize: plan.serialize,
    batchRecords: BATCH_RECORDS,
  };
  const url = workerUrl();
  const workers = Array.from({ length: plan.workers }, () => new Worker(url, { workerData: setup, execArgv: [] }));
  const waiting = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: unknown) => void }>();
  for (const w of workers) {
    w.on("message", (a: WorkerAnswer) => {
      const p = waiting.get(a.id);
      waiting.delete(a.id);
      p?.resolve(a);
    });
    const failAll = (e: unknown) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    };
    w.on("error", failAll);
    // A worker that stops while pieces wait on it (it never should) fails the read rather than hanging it.
    w.on("exit", (code) => failAll(new Error(`an import worker thread stopped (exit code ${code})`)));
  }
  const ahead = plan.workers + 1;
  const queue: Promise<WorkerAnswer>[] = [];
  let next = 0;
  let anyRows = false;
  const source = pieces(plan)[Symbol.asyncIterator]();
  try {
    let done = false;
    for (;;) {
      while (!done && queue.length < ahead) {
        const r = await source.next();
        if (r.done) {
          done = true;
          break;
        }
        const id = next++;
        const { bytes, length, firstLine } = r.value;
        queue.push(
          new Promise<WorkerAnswer>((resolve, reject) => {
            waiting.set(id, { resolve, reject });
            workers[id % workers.length]?.postMessage({ id, bytes, length, firstLine }, [bytes]);
          }),
        );
      }
      const head = queue.shift();
      if (head === undefined) break;
      const answer = await head;
      if (!answer.ok) throw errorOf(answer.error);
      if (!answer.blank) anyRows = true;
      yield answer.piece;
    }
    // As on one thread: JSONL with nothing but blank lines is empty (a CSV file has its header).
    if (!anyRows && plan.container === "jsonl") throw new SpendImportError({ file: plan.fileName }, "the file is empty");
  } finally {
    await source.return?.();
    // Answers still on their way must not count as unhandled once the workers are gone.
    for (const q of queue) q.catch(() => undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
