import { randomUUID } from "node:crypto";
import type { Database } from "../driver.js";

/** Who is making a change, as recorded in history and the audit ledger ("user:ana@example.com", "token:ci", "local:root"). */
export interface Actor {
  label: string;
}

export interface StoreDeps {
  db: Database;
  /** Injectable clock so deadlines and timestamps are testable. */
  clock?: () => Date;
  /** Injectable id generator. */
  newId?: () => string;
}

export interface StoreContext {
  db: Database;
  now(): string;
  newId(): string;
}

export function makeContext(deps: StoreDeps): StoreContext {
  const clock = deps.clock ?? (() => new Date());
  return {
    db: deps.db,
    now: () => clock().toISOString(),
    newId: deps.newId ?? randomUUID,
  };
}

export function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string") return new Date(v).toISOString();
  throw new TypeError(`not a timestamp: ${String(v)}`);
}

export function isoOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : iso(v);
}

/** PostgreSQL error codes we translate into user-facing errors. */
export function pgCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}
