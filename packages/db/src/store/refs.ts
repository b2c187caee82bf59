import { type FieldIssue, ValidationError } from "@caio/core";
import type { Queryable } from "../driver.js";

/**
 * Checks that every id in `ids` names a row of `table` in this organization; ids from another
 * organization look exactly like ids that do not exist.
 */
export async function assertRefs(
  tx: Queryable,
  orgId: string,
  table: "systems" | "components" | "vendors",
  ids: readonly string[],
  path: string,
  what: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await tx.query<{ id: string }>(`select id from ${table} where org_id = $1 and id = any($2::uuid[])`, [orgId, [...ids]])).rows.map((r) => r.id),
  );
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    if (!found.has(id))
      issues.push({ path: ids.length === 1 && !path.endsWith("Ids") ? path : `${path}.${i}`, message: `no such ${what} in this organization` });
  });
  if (issues.length) throw new ValidationError(`unknown ${what} reference`, issues);
}

/** Rejects duplicate ids in a list, naming the position of the repeat. */
export function assertUnique(ids: readonly string[], path: string): void {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.push({ path: `${path}.${i}`, message: "is listed twice" });
    seen.add(id);
  });
  if (issues.length) throw new ValidationError("duplicate reference", issues);
}
