import { hash } from "node:crypto";

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped.
 * Two structurally equal values always serialize to the same string, so digests are stable.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return JSON.stringify(value.toString());
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("non-finite number");
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  // One-shot hashing (Node ≥ 20.12) is several times faster than createHash for short inputs.
  return hash("sha256", text, "hex");
}

/** Digest of a value's canonical JSON; null stays null (no before-state on create, no after-state on delete). */
export function digestOf(value: unknown): string | null {
  return value === null || value === undefined ? null : sha256Hex(canonicalJson(value));
}
