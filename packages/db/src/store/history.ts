import { type EntityType, type EntityVersion, NotFoundError } from "@caio/core";
import type { Queryable } from "../driver.js";
import { iso } from "./context.js";

interface VersionRow {
  entity_type: EntityType;
  entity_id: string;
  version: number;
  action: EntityVersion["action"];
  actor: string;
  at: Date;
  data: Record<string, unknown> | string | null;
}

export function toVersion(r: VersionRow): EntityVersion {
  return {
    entityType: r.entity_type,
    entityId: r.entity_id,
    version: r.version,
    action: r.action,
    actor: r.actor,
    at: iso(r.at),
    data: typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
  };
}

/** Every stored version of one entity, newest first. 404 when the organization never had it. */
export async function entityHistory(q: Queryable, orgId: string, entityType: EntityType, entityId: string): Promise<EntityVersion[]> {
  const rows = (
    await q.query<VersionRow>("select * from entity_versions where org_id = $1 and entity_type = $2 and entity_id = $3 order by version desc", [
      orgId,
      entityType,
      entityId,
    ])
  ).rows;
  if (rows.length === 0) throw new NotFoundError(entityType);
  return rows.map(toVersion);
}

export async function allHistory(q: Queryable, orgId: string): Promise<EntityVersion[]> {
  return (await q.query<VersionRow>("select * from entity_versions where org_id = $1 order by entity_type, entity_id, version", [orgId])).rows.map(toVersion);
}

/** Every stored version of every entity of one type, oldest first per entity (for reports over a period). */
export async function historyOfType(q: Queryable, orgId: string, entityType: EntityType): Promise<EntityVersion[]> {
  return (
    await q.query<VersionRow>("select * from entity_versions where org_id = $1 and entity_type = $2 order by entity_id, version", [orgId, entityType])
  ).rows.map(toVersion);
}
