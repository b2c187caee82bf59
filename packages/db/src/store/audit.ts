import type { AuditAction, AuditEntry, AuditListQuery, EntityType } from "@caio/core";
import { type ChainVerdict, digestOf, entryHash, GENESIS_HASH, type StoredLedgerEntry, verifyChain } from "@caio/core/node";
import type { Queryable } from "../driver.js";
import { type Actor, iso } from "./context.js";

export interface Change {
  entityType: EntityType;
  entityId: string;
  entityLabel: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

/**
 * Records one change: the full snapshot in entity_versions (for per-entity history) and an entry
 * in the organization's hash-chained audit ledger. Must run inside the transaction that made the change.
 */
export async function recordChange(tx: Queryable, orgId: string, actor: Actor, at: string, change: Change): Promise<void> {
  // "for no key update" serializes writers per organization without deadlocking against the
  // key-share locks that foreign-key checks on the same row take earlier in the transaction.
  const head = await tx.query<{ audit_seq: string; audit_head: string }>("select audit_seq, audit_head from organizations where id = $1 for no key update", [
    orgId,
  ]);
  const row = head.rows[0];
  if (!row) throw new Error("organization vanished during a change");
  const seq = Number(row.audit_seq) + 1;
  const prevHash = seq === 1 ? GENESIS_HASH : row.audit_head;
  const fields = {
    orgId,
    seq,
    at,
    actor: actor.label,
    entityType: change.entityType,
    entityId: change.entityId,
    entityLabel: change.entityLabel,
    action: change.action,
    beforeDigest: digestOf(change.before),
    afterDigest: digestOf(change.after),
    prevHash,
  };
  const hash = entryHash(fields);
  await tx.query(
    `insert into audit_entries (org_id, seq, at, actor, entity_type, entity_id, entity_label, action, before_digest, after_digest, prev_hash, hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      orgId,
      seq,
      at,
      fields.actor,
      fields.entityType,
      fields.entityId,
      fields.entityLabel,
      fields.action,
      fields.beforeDigest,
      fields.afterDigest,
      prevHash,
      hash,
    ],
  );
  await tx.query("update organizations set audit_seq = $2, audit_head = $3 where id = $1", [orgId, seq, hash]);
  if (change.entityType === "system" || change.entityType === "vendor" || change.entityType === "component") {
    const v = await tx.query<{ v: number | null }>("select max(version) as v from entity_versions where org_id = $1 and entity_type = $2 and entity_id = $3", [
      orgId,
      change.entityType,
      change.entityId,
    ]);
    const version = (v.rows[0]?.v ?? 0) + 1;
    await tx.query("insert into entity_versions (org_id, entity_type, entity_id, version, action, actor, at, data) values ($1,$2,$3,$4,$5,$6,$7,$8)", [
      orgId,
      change.entityType,
      change.entityId,
      version,
      change.action,
      actor.label,
      at,
      change.after === null ? null : JSON.stringify(change.after),
    ]);
  }
}

interface AuditRow {
  org_id: string;
  seq: string;
  at: Date | string;
  actor: string;
  entity_type: string;
  entity_id: string;
  entity_label: string;
  action: string;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
}

function toStored(r: AuditRow): StoredLedgerEntry {
  return {
    orgId: r.org_id,
    seq: Number(r.seq),
    at: iso(r.at),
    actor: r.actor,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityLabel: r.entity_label,
    action: r.action,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function toAuditEntry(e: StoredLedgerEntry): AuditEntry {
  const { orgId: _orgId, ...rest } = e;
  return rest as AuditEntry;
}

export async function listAudit(q: Queryable, orgId: string, query: AuditListQuery): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  const params: unknown[] = [orgId];
  let where = "org_id = $1";
  if (query.entityType) {
    params.push(query.entityType);
    where += ` and entity_type = $${params.length}`;
  }
  if (query.entityId) {
    params.push(query.entityId);
    where += ` and entity_id = $${params.length}`;
  }
  if (query.before) {
    params.push(query.before);
    where += ` and seq < $${params.length}`;
  }
  params.push(query.limit + 1);
  const rows = (await q.query<AuditRow>(`select * from audit_entries where ${where} order by seq desc limit $${params.length}`, params)).rows;
  const page = rows.slice(0, query.limit).map((r) => toAuditEntry(toStored(r)));
  const last = page[page.length - 1];
  return { items: page, nextBefore: rows.length > query.limit && last ? last.seq : null };
}

/** All entries in chain order, for verification and export. */
export async function allAudit(q: Queryable, orgId: string): Promise<StoredLedgerEntry[]> {
  return (await q.query<AuditRow>("select * from audit_entries where org_id = $1 order by seq asc", [orgId])).rows.map(toStored);
}

export async function verifyAudit(q: Queryable, orgId: string): Promise<ChainVerdict> {
  const head = (await q.query<{ audit_seq: string; audit_head: string }>("select audit_seq, audit_head from organizations where id = $1", [orgId])).rows[0];
  if (!head) throw new Error("organization not found");
  return verifyChain(await allAudit(q, orgId), { seq: Number(head.audit_seq), hash: head.audit_head });
}
