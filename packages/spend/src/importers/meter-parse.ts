/**
 * Helpers shared by the cloud-bill importers (AWS CUR, Azure cost details): billing units turned
 * into exact token counts, case-insensitive column lookup, map-valued cells (CSV JSON text or
 * Parquet maps) and tag keys that fit the record's limits.
 */
import { sha256Hex } from "@caio/core/node";
import type { RowFields } from "./row-fields.js";
import { parseDecimal } from "./row-fields.js";

const UNIT_SIZES: Record<string, bigint> = { "": 1n, k: 1_000n, thousand: 1_000n, m: 1_000_000n, mm: 1_000_000n, million: 1_000_000n };

/**
 * How many tokens one billed unit holds, for a unit text such as `tokens`, `1K tokens`, `1M`,
 * `1,000 Tokens`, `10K` or `Million tokens`; undefined when the text is not a token unit (e.g.
 * `1 Hour`, `Units`, `Requests`).
 */
export function tokensPerUnit(unit: string): bigint | undefined {
  const s = unit.trim().toLowerCase().replace(/,/g, "");
  const m = /^(\d+)?\s*(k|thousand|mm|m|million)?\s*(tokens?)?$/.exec(s);
  if (!m || s === "") return undefined;
  const [, count, size, word] = m;
  // A bare size word ("K") or a bare number ("1000") is a token unit only on a token meter; the
  // callers only ask for token meters.
  if (count === undefined && size === undefined && word === undefined) return undefined;
  const n = BigInt(count ?? "1");
  const per = UNIT_SIZES[size ?? ""];
  if (per === undefined || n === 0n) return undefined;
  return n * per;
}

/**
 * `quantity × tokensPerUnit` as a whole token count, exactly (no float arithmetic). Throws a
 * SpendImportError on `col` when the quantity is not a number, is negative, or does not come to
 * a whole number of tokens.
 */
export function scaledTokens(f: RowFields, col: string, perUnit: bigint, unitText: string): number {
  const raw = f.raw(col);
  if (raw === undefined || raw === null || raw === "") f.fail(col, "is required");
  const d = parseDecimal(raw);
  if (!d) f.fail(col, "must be a number");
  if (d.digits < 0n) f.fail(col, "must not be negative");
  const num = d.digits * perUnit;
  const den = 10n ** BigInt(d.scale);
  if (num % den !== 0n) {
    f.fail(col, `${String(raw).trim()} × ${perUnit} tokens per unit (${unitText}) is not a whole number of tokens; the export's quantity or unit is wrong`);
  }
  const tokens = num / den;
  if (tokens > BigInt(Number.MAX_SAFE_INTEGER)) f.fail(col, "is too large");
  return Number(tokens);
}

/** A non-negative decimal check without conversion (quantities of non-token lines). */
export function requireNonNegative(f: RowFields, col: string): void {
  const d = f.decimal(col);
  if (d === null) f.fail(col, "is required");
  if (d.digits < 0n) f.fail(col, "must not be negative");
}

/** Column names of a row, looked up case-insensitively (Azure EA exports use PascalCase, MCA camelCase). */
export class ColumnNames {
  private readonly byLower = new Map<string, string>();
  constructor(columns: Iterable<string>) {
    for (const c of columns) {
      const k = c.trim().toLowerCase();
      if (!this.byLower.has(k)) this.byLower.set(k, c);
    }
  }

  /** The actual name of the first of `names` present, or undefined. */
  find(...names: string[]): string | undefined {
    for (const n of names) {
      const hit = this.byLower.get(n.toLowerCase());
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
}

/**
 * A map-valued cell as a plain string map: JSON object text (CSV exports), an object (JSON and
 * Parquet maps) or an array of `{key, value}` pairs (Parquet maps read as repeated groups).
 * Absent or empty gives `{}`; anything else is an error on `col`.
 */
export function mapCell(f: RowFields, col: string): Record<string, string> {
  const v = f.json(col);
  if (v === undefined || v === null) return {};
  const out: Record<string, string> = {};
  const put = (k: unknown, val: unknown) => {
    if (typeof k !== "string" || val === undefined || val === null || val === "") return;
    out[k] = typeof val === "string" ? val : String(val);
  };
  if (Array.isArray(v)) {
    for (const e of v) {
      if (typeof e !== "object" || e === null) f.fail(col, "must be a map of strings");
      const o = e as Record<string, unknown>;
      put(o.key, o.value);
    }
    return out;
  }
  if (typeof v !== "object") f.fail(col, "must be a map of strings (a JSON object)");
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val === "object" && val !== null) f.fail(col, `must be a map of strings; "${k}" is not a string`);
    put(k, val);
  }
  return out;
}

/** Adds a user tag as `tag:<key>`, cut to the record's limits (keys 100, values 300 characters). */
export function putUserTag(tags: Record<string, string>, key: string, value: string): void {
  const k = key.trim();
  const v = value.trim();
  if (k === "" || v === "") return;
  tags[`tag:${k}`.slice(0, 100)] = v.slice(0, 300);
}

/** A short, stable pseudonym for an identifier that must not be stored as is (e.g. an e-mail address). */
export function pseudonym(kind: string, value: string): string {
  return `~${sha256Hex(`caio-spend-pseudonym:v1:${kind}:${value}`).slice(0, 16)}`;
}
