/**
 * The input side of an import: one file (or an in-memory text or byte buffer) as decompressed text
 * chunks or as rows. CSV, JSONL and Parquet are read as streams with flat memory; a single JSON
 * document is parsed whole. Every problem is a {@link SpendImportError} naming the file and line
 * (or row) and the reason.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse as csvParse } from "csv-parse";
import { type AsyncBuffer, asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { type CsvBatch, CsvTokenizer } from "./csv-tokenizer.js";
import { SpendImportError } from "./errors.js";

/** How the file's content is laid out. */
export type Container = "json" | "jsonl" | "csv" | "parquet";

/**
 * One row of a tabular input: a CSV record (values are strings), a JSONL line or an element of a
 * JSON array (parsed values), or a Parquet row (typed values: numbers, bigints, Dates, strings).
 */
export interface SourceRow {
  /** 1-based position among the file's rows. */
  index: number;
  /** 1-based line where the row starts (CSV, JSONL); undefined for Parquet and JSON arrays. */
  line: number | undefined;
  values: Record<string, unknown>;
}

/** The start of a file, for format detection. */
export interface DetectSample {
  fileName: string;
  container: Container;
  /** The first few KiB of the (decompressed) file as UTF-8; empty for Parquet. */
  firstBytes: string;
  /** Column names of a CSV header or Parquet schema, or the keys of the first JSONL object. */
  columns: string[];
  /** The first row (CSV, JSONL, Parquet), when there is one. */
  firstRow: Record<string, unknown> | undefined;
}

/** An input handed to an importer. */
export interface ImportInput {
  readonly fileName: string;
  readonly container: Container;
  /** Decompressed text in chunks of any size. Throws for Parquet. */
  text(): AsyncIterable<string>;
  /** Rows (see {@link SourceRow}). For `json`, the elements of a top-level array or of its `data` array. */
  rows(): AsyncIterable<SourceRow>;
  /**
   * The same rows in order, in non-empty batches (for large files: the per-row cost of an async
   * iteration is paid once per batch). Optional for hand-made inputs; use {@link rowBatchesOf}.
   */
  rowBatches?(): AsyncIterable<SourceRow[]>;
}

const SAMPLE_BYTES = 16 * 1024;

/** Guesses the container from the first characters of a text file. */
export function sniffContainer(start: string): Exclude<Container, "parquet"> {
  const text = start.replace(/^\uFEFF/, "");
  const first = text.trimStart()[0];
  if (first === "[") return "json";
  if (first === "{") {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length < 2) return "json";
    try {
      const v = JSON.parse(lines[0] ?? "");
      return typeof v === "object" && v !== null && !Array.isArray(v) ? "jsonl" : "json";
    } catch {
      return "json";
    }
  }
  return "csv";
}

function jsonReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return /end of JSON input|Unterminated|Expected/.test(msg) ? `invalid or truncated JSON (${msg})` : `invalid JSON (${msg})`;
}

async function* jsonlRowBatches(fileName: string, chunks: AsyncIterable<string>, start?: ChunkStart): AsyncIterable<SourceRow[]> {
  let rest = "";
  let line = start ? start.firstLine - 1 : 0;
  let index = 0;
  const one = (raw: string, rows: SourceRow[]): void => {
    line++;
    const l = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    // Lines starting with "{" are not blank; others are checked.
    if (l.charCodeAt(0) !== 123 && l.trim() === "") return;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw new SpendImportError({ file: fileName, line }, jsonReason(e), e);
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new SpendImportError({ file: fileName, line }, "each line must be a JSON object");
    index++;
    rows.push({ index, line, values: v as Record<string, unknown> });
  };
  for await (const chunk of chunks) {
    const text = rest === "" ? chunk : rest + chunk;
    const rows: SourceRow[] = [];
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
      one(text.slice(start, nl), rows);
      start = nl + 1;
    }
    rest = start === 0 ? text : text.slice(start);
    if (rows.length > 0) yield rows;
  }
  if (rest.trim() !== "") {
    const rows: SourceRow[] = [];
    one(rest, rows);
    if (rows.length > 0) yield rows;
  }
}

async function* jsonRows(fileName: string, chunks: AsyncIterable<string>): AsyncIterable<SourceRow> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  const text = parts.join("").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new SpendImportError({ file: fileName }, "the file is empty");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const pos = m ? Number(m[1]) : text.length;
    let line = 1;
    for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    throw new SpendImportError({ file: fileName, line }, jsonReason(e), e);
  }
  const list = Array.isArray(doc)
    ? doc
    : typeof doc === "object" && doc !== null && Array.isArray((doc as { data?: unknown }).data)
      ? (doc as { data: unknown[] }).data
      : undefined;
  if (!list) throw new SpendImportError({ file: fileName }, "expected a JSON array of records, or an object with a `data` array");
  let index = 0;
  for (const v of list) {
    index++;
    if (typeof v !== "object" || v === null || Array.isArray(v))
      throw new SpendImportError({ file: fileName, record: `record ${index}` }, "must be a JSON object");
    yield { index, line: undefined, values: v as Record<string, unknown> };
  }
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

const COLUMN_COUNT = "the row has a different number of columns than the header (truncated or malformed CSV)";

/** Checks the header (first record) of a CSV file: trimmed names, no duplicates. */
function csvHeader(fileName: string, fields: string[], line: number): string[] {
  const header = fields.map((h) => h.trim());
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw new SpendImportError({ file: fileName, line, field: dup }, "the header names this column twice");
  return header;
}

/** A SourceRow's values from a CSV record and its header (one object shape per file). */
function csvValues(header: readonly string[], fields: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) values[header[i] as string] = fields[i];
  return values;
}

/**
 * Where a piece of a file starts, for reading a file in pieces (see parallel.ts): the line number
 * of its first line and, for CSV, the file's header. Rows of a piece carry the file's line numbers;
 * their `index` counts from the piece's start.
 */
export interface ChunkStart {
  firstLine: number;
  /** The file's CSV header (already checked); the piece holds data rows only. */
  header?: readonly string[];
}

/**
 * CSV rows in batches (one per text chunk). The fast {@link CsvTokenizer} reads the file; when it
 * meets something it does not read exactly as csv-parse does (malformed quotes, unusual line
 * endings), the file is read again with csv-parse from the start and the rows not yet given out
 * follow from there, so the rows and errors are csv-parse's in every case.
 */
async function* csvRowBatches(fileName: string, chunks: () => AsyncIterable<string>, start?: ChunkStart): AsyncIterable<SourceRow[]> {
  const tokenizer = new CsvTokenizer(start?.firstLine);
  const out: CsvBatch = { fields: [], lines: [] };
  let header: readonly string[] | undefined = start?.header;
  let index = 0;
  const take = (): SourceRow[] => {
    const { fields, lines } = out;
    const rows: SourceRow[] = [];
    let i = 0;
    if (header === undefined && fields.length > 0) {
      header = csvHeader(fileName, fields[0] as string[], lines[0] as number);
      i = 1;
    }
    const h = header as readonly string[];
    for (; i < fields.length; i++) {
      const f = fields[i] as string[];
      if (f.length !== h.length) throw new SpendImportError({ file: fileName, line: lines[i] }, COLUMN_COUNT);
      index++;
      rows.push({ index, line: lines[i], values: csvValues(h, f) });
    }
    out.fields = [];
    out.lines = [];
    return rows;
  };
  let ok = true;
  for await (const chunk of chunks()) {
    ok = tokenizer.push(chunk, out);
    const rows = take();
    if (rows.length > 0) yield rows;
    if (!ok) break;
  }
  if (ok) {
    ok = tokenizer.end(out);
    const rows = take();
    if (rows.length > 0) yield rows;
  }
  if (!ok) yield* csvParseBatches(fileName, chunks(), index, start);
}

/** CSV rows read with csv-parse, in batches, after skipping the first `skip` data rows. */
async function* csvParseBatches(fileName: string, chunks: AsyncIterable<string>, skip: number, start?: ChunkStart): AsyncIterable<SourceRow[]> {
  // Records as arrays (mapped to the header here) are markedly faster than csv-parse's `columns`.
  const parser = Readable.from(chunks).pipe(csvParse({ bom: true, skip_empty_lines: true, info: true, relax_quotes: false, trim: false }));
  let header: readonly string[] | undefined = start?.header;
  // csv-parse numbers lines from 1 at the start of what it reads.
  const offset = start ? start.firstLine - 1 : 0;
  let index = 0;
  let batch: SourceRow[] = [];
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const fields = rec.record;
      const line = rec.info.lines + offset;
      if (header === undefined) {
        header = csvHeader(fileName, fields, line);
        continue;
      }
      if (fields.length !== header.length) throw new SpendImportError({ file: fileName, line }, COLUMN_COUNT);
      index++;
      if (index <= skip) continue;
      batch.push({ index, line, values: csvValues(header, fields) });
      if (batch.length >= 1024) {
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    if (e instanceof SpendImportError) throw e;
    const err = e as CsvError;
    const reason =
      err.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" ||
      err.code === "CSV_RECORD_INCONSISTENT_COLUMNS" ||
      err.code === "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH"
        ? COLUMN_COUNT
        : err.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted field is not closed (truncated CSV)"
          : // csv-parse names its own line in the message: the file's line, for a piece of a file.
            `malformed CSV (${offset === 0 ? err.message : err.message.replace(/\bat line (\d+)/g, (_m, n: string) => `at line ${Number(n) + offset}`)})`;
    throw new SpendImportError({ file: fileName, line: err.lines === undefined ? undefined : err.lines + offset }, reason, e);
  }
  if (batch.length > 0) yield batch;
}

/** Flattens row batches. */
async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  for await (const b of batches) yield* b;
}

/** Groups rows into batches of at most `size`. */
async function* batched<T>(items: AsyncIterable<T>, size = 1024): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** An input's rows in batches: its own {@link ImportInput.rowBatches} when it has one. */
export function rowBatchesOf(input: ImportInput): AsyncIterable<SourceRow[]> {
  return input.rowBatches ? input.rowBatches() : batched(input.rows());
}

/**
 * An input over decompressed text chunks (CSV, JSON or JSONL). With `start`, the text is a piece of
 * a CSV or JSONL file that begins at a row boundary (see {@link ChunkStart}).
 */
export function textInput(fileName: string, container: Exclude<Container, "parquet">, chunks: () => AsyncIterable<string>, start?: ChunkStart): ImportInput {
  return {
    fileName,
    container,
    text: chunks,
    rows: () =>
      container === "csv"
        ? flatten(csvRowBatches(fileName, chunks, start))
        : container === "jsonl"
          ? flatten(jsonlRowBatches(fileName, chunks(), start))
          : jsonRows(fileName, chunks()),
    rowBatches: () =>
      container === "csv"
        ? csvRowBatches(fileName, chunks, start)
        : container === "jsonl"
          ? jsonlRowBatches(fileName, chunks(), start)
          : batched(jsonRows(fileName, chunks())),
  };
}

function normalizeParquetValue(v: unknown): unknown {
  if (typeof v === "bigint") return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  return v;
}

async function* parquetRowBatches(fileName: string, file: AsyncBuffer): AsyncIterable<SourceRow[]> {
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new SpendImportError({ file: fileName }, `not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`, e);
  }
  let rowStart = 0;
  let index = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = (await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors })) as Record<string, unknown>[];
    } catch (e) {
      throw new SpendImportError(
        { file: fileName, record: `row ${index + 1}` },
        `unreadable Parquet row group (${e instanceof Error ? e.message : String(e)})`,
        e,
      );
    }
    const batch: SourceRow[] = [];
    for (const r of rows) {
      index++;
      const values: Record<string, unknown> = {};
      for (const k of Object.keys(r)) values[k] = normalizeParquetValue(r[k]);
      batch.push({ index, line: undefined, values });
    }
    if (batch.length > 0) yield batch;
    rowStart = rowEnd;
  }
}

/** An input over a Parquet file (random access; one row group in memory at a time). */
export function parquetInput(fileName: string, file: AsyncBuffer): ImportInput {
  return {
    fileName,
    container: "parquet",
    text: () => {
      throw new SpendImportError({ file: fileName }, "this format is not read from Parquet; export it as JSON or CSV");
    },
    rows: () => flatten(parquetRowBatches(fileName, file)),
    rowBatches: () => parquetRowBatches(fileName, file),
  };
}

async function* chunkText(text: string, sizes: readonly number[]): AsyncIterable<string> {
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = sizes.length > 0 ? Math.max(1, sizes[k++ % sizes.length] ?? 1) : text.length;
    yield text.slice(i, i + n);
    i += n;
  }
}

/** An input over a string (tests, API pulls); the container is sniffed unless given. */
export function inputFromText(
  text: string,
  options: { fileName?: string; container?: Exclude<Container, "parquet">; chunkSizes?: readonly number[] } = {},
): ImportInput {
  const container = options.container ?? sniffContainer(text.slice(0, SAMPLE_BYTES));
  return textInput(options.fileName ?? "input", container, () => chunkText(text, options.chunkSizes ?? []));
}

const PARQUET_MAGIC = "PAR1";

function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

function isParquet(b: Uint8Array): boolean {
  return b.length >= 8 && String.fromCharCode(b[0] ?? 0, b[1] ?? 0, b[2] ?? 0, b[3] ?? 0) === PARQUET_MAGIC;
}

async function* gunzipChunks(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const gunzip = createGunzip();
  const out = Readable.from(source).pipe(gunzip);
  yield* out as AsyncIterable<Uint8Array>;
}

async function* decode(source: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for await (const b of source) yield decoder.decode(b, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Reads the first `n` decompressed bytes of a byte stream. */
async function head(source: AsyncIterable<Uint8Array>, n: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const b of source) {
    parts.push(b);
    size += b.length;
    if (size >= n) break;
  }
  const all = Buffer.concat(parts).subarray(0, n);
  // Cut at the last full line so a split multi-byte character or row does not confuse detection.
  return new TextDecoder("utf-8").decode(all);
}

/** A byte source that can be read more than once (a file, or bytes in memory). */
export interface ByteSource {
  fileName: string;
  size: number;
  /** The first bytes (at least 8 when the file is that long). */
  start: Uint8Array;
  stream(): AsyncIterable<Uint8Array>;
  /** Random access, for Parquet. */
  asyncBuffer(): Promise<AsyncBuffer>;
}

/** An opened import file: the input, its detection sample, and progress in bytes. */
export interface OpenedInput {
  input: ImportInput;
  sample: DetectSample;
  gzip: boolean;
  size: number;
  /** Compressed bytes read so far by the last `text()`/`rows()` pass. */
  bytesRead(): number;
}

/** The error for a file that is not UTF-8 text (also raised for a piece read by a worker thread). */
export function utf8Error(fileName: string, e: unknown): SpendImportError {
  return new SpendImportError({ file: fileName }, "the file is not UTF-8 text (nor gzip or Parquet)", e);
}

/** Opens a byte source: gzip by magic bytes, Parquet by magic bytes, otherwise text sniffed as CSV, JSON or JSONL. */
export async function openByteSource(src: ByteSource): Promise<OpenedInput> {
  const { fileName } = src;
  let read = 0;
  const counted = async function* () {
    read = 0;
    for await (const b of src.stream()) {
      read += b.length;
      yield b;
    }
  };
  if (isParquet(src.start)) {
    const buffer = await src.asyncBuffer();
    const input = parquetInput(fileName, buffer);
    let columns: string[] = [];
    let firstRow: Record<string, unknown> | undefined;
    try {
      const metadata = await parquetMetadataAsync(buffer);
      columns = metadata.schema.slice(1).map((s) => s.name);
      if (Number(metadata.num_rows) > 0) {
        const rows = (await parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: 1, compressors })) as Record<string, unknown>[];
        firstRow = rows[0];
      }
    } catch (e) {
      throw new SpendImportError({ file: fileName }, `not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`, e);
    }
    return { input, sample: { fileName, container: "parquet", firstBytes: "", columns, firstRow }, gzip: false, size: src.size, bytesRead: () => src.size };
  }
  const gzip = isGzip(src.start);
  const bytes = () => (gzip ? gunzipChunks(counted()) : counted());
  let firstBytes: string;
  try {
    firstBytes = await head(gzip ? gunzipChunks(src.stream()) : src.stream(), SAMPLE_BYTES);
  } catch (e) {
    throw new SpendImportError({ file: fileName }, `cannot decompress the file (${e instanceof Error ? e.message : String(e)})`, e);
  }
  if (gzip && isParquet(new TextEncoder().encode(firstBytes.slice(0, 8)))) {
    throw new SpendImportError({ file: fileName }, "a gzip-compressed Parquet file cannot be read; decompress it first (Parquet compresses its own pages)");
  }
  const container = sniffContainer(firstBytes);
  const text = async function* () {
    try {
      yield* decode(bytes());
    } catch (e) {
      if (e instanceof SpendImportError) throw e;
      if (e instanceof TypeError) throw utf8Error(fileName, e);
      throw new SpendImportError({ file: fileName }, `cannot read the file (${e instanceof Error ? e.message : String(e)}); is it truncated?`, e);
    }
  };
  const input = textInput(fileName, container, text);
  let columns: string[] = [];
  let firstRow: Record<string, unknown> | undefined;
  if (container !== "json") {
    const lines = firstBytes.split("\n");
    const complete = lines.length > 1 ? lines.slice(0, -1).join("\n") : firstBytes;
    try {
      for await (const row of textInput(fileName, container, () => chunkText(complete, [])).rows()) {
        firstRow = row.values;
        break;
      }
    } catch {
      firstRow = undefined;
    }
    if (container === "csv") {
      const header = (complete.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "").split(",");
      columns = header.map((h) => h.trim().replace(/^"|"$/g, ""));
    } else columns = firstRow ? Object.keys(firstRow) : [];
  }
  return { input, sample: { fileName, container, firstBytes, columns, firstRow }, gzip, size: src.size, bytesRead: () => read };
}

/** A byte source over bytes in memory. */
export function bytesSource(fileName: string, bytes: Uint8Array, chunkSize = 64 * 1024): ByteSource {
  return {
    fileName,
    size: bytes.length,
    start: bytes.subarray(0, 8),
    async *stream() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
    asyncBuffer: async () => ({
      byteLength: bytes.length,
      slice: (start: number, end?: number) => bytes.slice(start, end).buffer as ArrayBuffer,
    }),
  };
}

/** A byte source over a file on disk. */
export async function fileSource(path: string, fileName = basename(path)): Promise<ByteSource> {
  const fh = await open(path, "r");
  let size: number;
  const start = new Uint8Array(8);
  try {
    size = (await fh.stat()).size;
    await fh.read(start, 0, 8, 0);
  } finally {
    await fh.close();
  }
  return {
    fileName,
    size,
    start: start.subarray(0, Math.min(8, size)),
    stream: () => createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>,
    asyncBuffer: () => asyncBufferFromFile(path),
  };
}

/** Opens a file for import (see {@link openByteSource}). */
export async function openImportFile(path: string, fileName?: string): Promise<OpenedInput> {
  return openByteSource(await fileSource(path, fileName));
}
