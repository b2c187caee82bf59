/**
 * Typed access to the fields of one {@link SourceRow}, for tabular importers. CSV values arrive as
 * strings, JSON values as JSON types and Parquet values as numbers, bigints, Dates and strings;
 * each reader accepts all of these and throws a {@link SpendImportError} naming the file, line (or
 * row), column and reason.
 */
import { divRoundHalfEven } from "../decimal.js";
import { SpendImportError } from "../errors.js";
import type { SourceRow } from "../input.js";

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;

/** A decimal (number or string, exponent allowed) as an exact fraction `digits / 10^scale`. */
export function parseDecimal(value: unknown): { digits: bigint; scale: number } | undefined {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === "bigint") return { digits: value, scale: 0 };
  else if (typeof value === "string") text = value.trim();
  else return undefined;
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const sign = (m[1] ?? m[5]) === "-" ? -1n : 1n;
  const whole = m[2] ?? "0";
  const frac = m[3] ?? m[6] ?? "";
  const exp = Number(m[4] ?? m[7] ?? "0");
  let digits = BigInt(`${whole}${frac}`) * sign;
  let scale = frac.length - exp;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/**
 * A money amount as integer micro-units, rounded half-even once. `unitsPerMajor` says how the
 * source counts: 1 for dollars, 100 for cents, 1e9 for nano-dollars.
 */
export function moneyToMicros(value: unknown, unitsPerMajor = 1): bigint | undefined {
  const d = parseDecimal(value);
  if (!d) return undefined;
  // micros = digits / 10^scale / unitsPerMajor × 1e6
  return divRoundHalfEven(d.digits * 1_000_000n, 10n ** BigInt(d.scale) * BigInt(unitsPerMajor));
}

/** Where a row is, for errors: CSV/JSONL rows by line, Parquet and JSON-array rows by number. */
export function rowLocation(file: string, row: SourceRow, field?: string) {
  return row.line === undefined ? { file, record: `row ${row.index}`, field } : { file, line: row.line, field };
}

const MONTHS_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_NAIVE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Field readers bound to one row. */
export class RowFields {
  constructor(
    readonly file: string,
    readonly row: SourceRow,
  ) {}

  /** Throws a SpendImportError for `field`. */
  fail(field: string | undefined, reason: string): never {
    throw new SpendImportError(rowLocation(this.file, this.row, field), reason);
  }

  /** The raw value; `undefined` when the column is absent. */
  raw(col: string): unknown {
    return this.row.values[col];
  }

  /** True when the column holds a non-empty value. */
  has(col: string): boolean {
    const v = this.row.values[col];
    return v !== undefined && v !== null && v !== "";
  }

  /** A string, or null when absent or empty. Numbers are turned into their decimal text. */
  str(col: string, max = 300): string | null {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") return null;
    let s: string;
    if (typeof v === "string") s = v;
    else if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") s = String(v);
    else this.fail(col, "must be text");
    if (s.length > max) this.fail(col, `must be at most ${max} characters`);
    return s;
  }

  /** A required non-empty string. */
  reqStr(col: string, max = 300): string {
    const s = this.str(col, max);
    if (s === null) this.fail(col, this.row.values[col] === undefined ? "is required (column missing)" : "is required");
    return s;
  }

  /** A non-negative integer count; absent or empty gives `dflt` (or throws when `dflt` is undefined). */
  count(col: string, dflt?: number): number {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") {
      if (dflt === undefined) this.fail(col, "is required");
      return dflt;
    }
    const d = parseDecimal(v);
    if (!d) this.fail(col, "must be a non-negative integer");
    if (d.digits < 0n) this.fail(col, "must not be negative");
    const div = 10n ** BigInt(d.scale);
    if (d.digits % div !== 0n) this.fail(col, "must be a whole number");
    const n = d.digits / div;
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(col, "is too large");
    return Number(n);
  }

  /** A decimal as an exact fraction; absent or empty gives null. */
  decimal(col: string): { digits: bigint; scale: number } | null {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") return null;
    const d = parseDecimal(v);
    if (!d) this.fail(col, "must be a number");
    return d;
  }

  /** Money as micro-units (see {@link moneyToMicros}); absent or empty gives null. */
  money(col: string, unitsPerMajor = 1): bigint | null {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") return null;
    const m = moneyToMicros(v, unitsPerMajor);
    if (m === undefined) this.fail(col, "must be a decimal amount");
    return m;
  }

  /** A boolean from true/false, 1/0, yes/no; absent or empty gives `dflt`. */
  bool(col: string, dflt = false): boolean {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") return dflt;
    if (typeof v === "boolean") return v;
    const s = String(v).trim().toLowerCase();
    if (s === "true" || s === "1" || s === "yes") return true;
    if (s === "false" || s === "0" || s === "no") return false;
    return this.fail(col, "must be true or false");
  }

  /**
   * An instant as ISO 8601 UTC. Accepts Dates, RFC 3339 strings with a zone, unix seconds or
   * milliseconds (numbers), and — when `naiveIsUtc` — zone-less `YYYY-MM-DD HH:MM[:SS]` and dates.
   */
  instant(col: string, options: { naiveIsUtc?: boolean; required?: boolean } = {}): string | null {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") {
      if (options.required ?? true) this.fail(col, "is required");
      return null;
    }
    let ms: number | undefined;
    if (v instanceof Date) ms = v.getTime();
    else if (typeof v === "number" || typeof v === "bigint") {
      const n = Number(v);
      ms = n > 1e14 ? n / 1e6 : n > 1e11 ? n : n * 1000;
    } else if (typeof v === "string") {
      const s = v.trim();
      if (ISO_ZONED.test(s)) ms = Date.parse(s.replace(" ", "T"));
      else if (options.naiveIsUtc && ISO_NAIVE.test(s)) ms = Date.parse(`${s.replace(" ", "T")}Z`);
      else if (options.naiveIsUtc && ISO_DATE.test(s)) ms = Date.parse(`${s}T00:00:00Z`);
    }
    if (ms === undefined || !Number.isFinite(ms)) {
      this.fail(
        col,
        options.naiveIsUtc ? "must be a date-time such as 2025-11-01T00:00:00Z" : "must be a date-time with a time zone, such as 2025-11-01T00:00:00Z",
      );
    }
    if (ms < 946_684_800_000 || ms > 4_102_444_800_000) this.fail(col, "must be a date between 2000 and 2100");
    return new Date(ms).toISOString();
  }

  /** A UTC day as YYYY-MM-DD from a date, a date-time, a Date, or a US `MM/DD/YYYY` date. */
  day(col: string): string {
    const v = this.row.values[col];
    if (typeof v === "string") {
      const s = v.trim();
      const us = MONTHS_US.exec(s);
      if (us) {
        const iso = `${us[3]}-${(us[1] ?? "").padStart(2, "0")}-${(us[2] ?? "").padStart(2, "0")}`;
        if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) this.fail(col, "must be a valid date");
        return iso;
      }
      if (ISO_DATE.test(s)) {
        const ms = Date.parse(`${s}T00:00:00Z`);
        if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== s) this.fail(col, "must be a valid date");
        return s;
      }
    }
    return (this.instant(col, { naiveIsUtc: true }) ?? "").slice(0, 10);
  }

  /** A JSON value: parsed from a string, or taken as is from JSON/Parquet input. Absent or empty gives undefined. */
  json(col: string): unknown {
    const v = this.row.values[col];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return this.fail(col, "must be valid JSON");
    }
  }
}

/** Throws when any of `required` is missing from the columns of a tabular file. */
export function requireColumns(file: string, columns: readonly string[], required: readonly string[]): void {
  const have = new Set(columns);
  const missing = required.filter((c) => !have.has(c));
  if (missing.length > 0) {
    throw new SpendImportError({ file, line: 1, field: missing[0] }, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  }
}
