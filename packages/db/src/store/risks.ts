import {
  type IncidentCreate,
  type IncidentListQuery,
  type IncidentPatch,
  type IncidentRecord,
  incidentIssues,
  NotFoundError,
  type Risk,
  type RiskCreate,
  type RiskListQuery,
  type RiskPatch,
  type RisksExport,
  riskRating,
  ValidationError,
} from "@caio/core";
import type { Queryable } from "../driver.js";
import { type Change, recordChange } from "./audit.js";
import { type Actor, iso, isoOrNull, type StoreContext } from "./context.js";
import { assertRefs, assertUnique } from "./refs.js";

/** A `date` column as YYYY-MM-DD (both drivers return strings; a Date is tolerated). */
function day(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/**
 * Records a change in the audit ledger and, like systems, vendors and components, keeps the full
 * snapshot as a new version in `entity_versions` (per-entity history).
 */
async function recordWithVersion(tx: Queryable, orgId: string, actor: Actor, at: string, change: Change): Promise<void> {
  await recordChange(tx, orgId, actor, at, change);
  const v = await tx.query<{ v: number | null }>("select max(version) as v from entity_versions where org_id = $1 and entity_type = $2 and entity_id = $3", [
    orgId,
    change.entityType,
    change.entityId,
  ]);
  await tx.query("insert into entity_versions (org_id, entity_type, entity_id, version, action, actor, at, data) values ($1,$2,$3,$4,$5,$6,$7,$8)", [
    orgId,
    change.entityType,
    change.entityId,
    (v.rows[0]?.v ?? 0) + 1,
    change.action,
    actor.label,
    at,
    change.after === null ? null : JSON.stringify(change.after),
  ]);
}

/** Rejects dates after the store's today (the injectable clock), naming the field. */
function notInFuture(ctx: StoreContext, fields: [string, string | null | undefined][]): void {
  const today = ctx.now().slice(0, 10);
  const issues = fields
    .filter(([, v]) => v !== null && v !== undefined && v.slice(0, 10) > today)
    .map(([path]) => ({ path, message: `must not be after today (${today})` }));
  if (issues.length) throw new ValidationError("a date is in the future", issues);
}

// ---- risks ----

interface RiskRow {
  id: string;
  title: string;
  description: string;
  likelihood: number;
  severity: number;
  owner: string;
  mitigation: string;
  status: Risk["status"];
  review_date: unknown;
  obligation_ids: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

async function withSystems(q: Queryable, orgId: string, rows: RiskRow[]): Promise<Risk[]> {
  if (rows.length === 0) return [];
  const links = (
    await q.query<{ risk_id: string; id: string; name: string }>(
      `select rs.risk_id, s.id, s.name from risk_systems rs join systems s on s.org_id = rs.org_id and s.id = rs.system_id
       where rs.org_id = $1 and rs.risk_id = any($2::uuid[]) order by lower(s.name), s.id`,
      [orgId, rows.map((r) => r.id)],
    )
  ).rows;
  return rows.map((r) => {
    const likelihood = Number(r.likelihood);
    const severity = Number(r.severity);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      likelihood,
      severity,
      score: likelihood * severity,
      rating: riskRating(likelihood * severity),
      owner: r.owner,
      mitigation: r.mitigation,
      status: r.status,
      reviewDate: day(r.review_date),
      systems: links.filter((l) => l.risk_id === r.id).map((l) => ({ id: l.id, name: l.name })),
      obligationIds: r.obligation_ids ?? [],
      version: r.version,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
  });
}

export async function getRisk(q: Queryable, orgId: string, id: string): Promise<Risk | null> {
  const rows = (await q.query<RiskRow>("select * from risks where org_id = $1 and id = $2", [orgId, id])).rows;
  const [r] = await withSystems(q, orgId, rows);
  return r ?? null;
}

async function setRiskSystems(tx: Queryable, orgId: string, riskId: string, systemIds: readonly string[]): Promise<void> {
  await tx.query("delete from risk_systems where org_id = $1 and risk_id = $2", [orgId, riskId]);
  for (const sid of systemIds) await tx.query("insert into risk_systems (org_id, risk_id, system_id) values ($1,$2,$3)", [orgId, riskId, sid]);
}

async function checkSystems(tx: Queryable, orgId: string, systemIds: readonly string[]): Promise<void> {
  assertUnique(systemIds, "systemIds");
  await assertRefs(tx, orgId, "systems", systemIds, "systemIds", "system");
}

type RiskFields = Omit<RiskCreate, "systemIds">;
const riskParams = (r: RiskFields) => [r.title, r.description, r.likelihood, r.severity, r.owner, r.mitigation, r.status, r.reviewDate, r.obligationIds];

/** The risk register: add, read, change and delete risks; every change goes to the audit ledger with a snapshot. */
export function risksRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    /** Risks by score (highest first), then severity, then title. */
    async list(orgId: string, query: RiskListQuery): Promise<{ items: Risk[]; total: number }> {
      const params: unknown[] = [orgId];
      let where = "r.org_id = $1";
      if (query.status) {
        params.push(query.status);
        where += ` and r.status = $${params.length}`;
      }
      if (query.systemId) {
        params.push(query.systemId);
        where += ` and exists (select 1 from risk_systems rs where rs.org_id = r.org_id and rs.risk_id = r.id and rs.system_id = $${params.length})`;
      }
      const rows = (
        await db.query<RiskRow>(`select r.* from risks r where ${where} order by r.likelihood * r.severity desc, r.severity desc, lower(r.title), r.id`, params)
      ).rows;
      const items = (await withSystems(db, orgId, rows)).filter((r) => !query.rating || r.rating === query.rating);
      return { items, total: items.length };
    },
    get: (orgId: string, id: string) => getRisk(db, orgId, id),
    async create(orgId: string, input: RiskCreate, actor: Actor): Promise<Risk> {
      return db.transaction(async (tx) => {
        await checkSystems(tx, orgId, input.systemIds);
        const id = ctx.newId();
        const at = ctx.now();
        await tx.query(
          `insert into risks (id, org_id, title, description, likelihood, severity, owner, mitigation, status, review_date, obligation_ids, created_at, updated_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12)`,
          [id, orgId, ...riskParams(input), at],
        );
        await setRiskSystems(tx, orgId, id, input.systemIds);
        const after = await getRisk(tx, orgId, id);
        await recordWithVersion(tx, orgId, actor, at, { entityType: "risk", entityId: id, entityLabel: input.title, action: "create", before: null, after });
        return after as Risk;
      });
    },
    async update(orgId: string, id: string, patch: RiskPatch, actor: Actor): Promise<Risk> {
      return db.transaction(async (tx) => {
        const before = await getRisk(tx, orgId, id);
        if (!before) throw new NotFoundError("risk");
        if (patch.systemIds) await checkSystems(tx, orgId, patch.systemIds);
        const merged = { ...before, ...patch };
        const at = ctx.now();
        await tx.query(
          `update risks set title=$3, description=$4, likelihood=$5, severity=$6, owner=$7, mitigation=$8, status=$9, review_date=$10, obligation_ids=$11,
             version = version + 1, updated_at=$12
           where org_id = $1 and id = $2`,
          [orgId, id, ...riskParams(merged), at],
        );
        if (patch.systemIds) await setRiskSystems(tx, orgId, id, patch.systemIds);
        const after = await getRisk(tx, orgId, id);
        await recordWithVersion(tx, orgId, actor, at, { entityType: "risk", entityId: id, entityLabel: merged.title, action: "update", before, after });
        return after as Risk;
      });
    },
    async remove(orgId: string, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await getRisk(tx, orgId, id);
        if (!before) throw new NotFoundError("risk");
        await tx.query("delete from risks where org_id = $1 and id = $2", [orgId, id]);
        await recordWithVersion(tx, orgId, actor, ctx.now(), {
          entityType: "risk",
          entityId: id,
          entityLabel: before.title,
          action: "delete",
          before,
          after: null,
        });
      });
    },
  };
}

// ---- incidents ----

interface IncidentRow {
  id: string;
  title: string;
  description: string;
  system_id: string | null;
  system_name: string | null;
  occurred_at: Date | null;
  aware_on: unknown;
  severity: IncidentRecord["severity"];
  status: IncidentRecord["status"];
  reported_on: unknown;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const INCIDENT_SELECT = `select i.*, s.name as system_name from incidents i left join systems s on s.org_id = i.org_id and s.id = i.system_id`;

function incidentOf(r: IncidentRow): IncidentRecord {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    systemId: r.system_id,
    systemName: r.system_name,
    occurredAt: isoOrNull(r.occurred_at),
    awareOn: day(r.aware_on) ?? "",
    severity: r.severity,
    status: r.status,
    reportedOn: day(r.reported_on),
    notes: r.notes,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function getIncident(q: Queryable, orgId: string, id: string): Promise<IncidentRecord | null> {
  const r = (await q.query<IncidentRow>(`${INCIDENT_SELECT} where i.org_id = $1 and i.id = $2`, [orgId, id])).rows[0];
  return r ? incidentOf(r) : null;
}

type IncidentFields = IncidentCreate;
const incidentParams = (i: IncidentFields) => [i.title, i.description, i.systemId, i.occurredAt, i.awareOn, i.severity, i.status, i.reportedOn, i.notes];

/** Checks what the schema cannot: the linked system belongs to the organization and no date lies after today. */
async function checkIncident(ctx: StoreContext, tx: Queryable, orgId: string, i: IncidentFields): Promise<void> {
  if (i.systemId) await assertRefs(tx, orgId, "systems", [i.systemId], "systemId", "system");
  notInFuture(ctx, [
    ["occurredAt", i.occurredAt],
    ["awareOn", i.awareOn],
    ["reportedOn", i.reportedOn],
  ]);
}

/**
 * Incidents: recorded, changed and reported, never deleted (close them instead). The reporting
 * deadline is computed when read, from the awareness date and severity stored here.
 */
export function incidentsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    /** Incidents, open before reported before closed, then by awareness date (earliest first). */
    async list(orgId: string, query: IncidentListQuery): Promise<IncidentRecord[]> {
      const params: unknown[] = [orgId];
      let where = "i.org_id = $1";
      if (query.status) {
        params.push(query.status);
        where += ` and i.status = $${params.length}`;
      }
      if (query.active === "true") where += " and i.status <> 'closed'";
      if (query.active === "false") where += " and i.status = 'closed'";
      if (query.systemId) {
        params.push(query.systemId);
        where += ` and i.system_id = $${params.length}`;
      }
      const rows = (
        await db.query<IncidentRow>(
          `${INCIDENT_SELECT} where ${where}
           order by array_position(array['open','reported','closed'], i.status), i.aware_on, lower(i.title), i.id`,
          params,
        )
      ).rows;
      return rows.map(incidentOf);
    },
    get: (orgId: string, id: string) => getIncident(db, orgId, id),
    async create(orgId: string, input: IncidentCreate, actor: Actor): Promise<IncidentRecord> {
      return db.transaction(async (tx) => {
        await checkIncident(ctx, tx, orgId, input);
        const id = ctx.newId();
        const at = ctx.now();
        await tx.query(
          `insert into incidents (id, org_id, title, description, system_id, occurred_at, aware_on, severity, status, reported_on, notes, created_at, updated_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12)`,
          [id, orgId, ...incidentParams(input), at],
        );
        const after = await getIncident(tx, orgId, id);
        await recordWithVersion(tx, orgId, actor, at, {
          entityType: "incident",
          entityId: id,
          entityLabel: input.title,
          action: "create",
          before: null,
          after,
        });
        return after as IncidentRecord;
      });
    },
    /** Changes an incident; the cross-field rules (report date and status, dates in order) apply to the result. */
    async update(orgId: string, id: string, patch: IncidentPatch, actor: Actor): Promise<IncidentRecord> {
      return db.transaction(async (tx) => {
        const before = await getIncident(tx, orgId, id);
        if (!before) throw new NotFoundError("incident");
        const merged: IncidentFields = {
          title: patch.title ?? before.title,
          description: patch.description ?? before.description,
          systemId: patch.systemId === undefined ? before.systemId : patch.systemId,
          occurredAt: patch.occurredAt === undefined ? before.occurredAt : patch.occurredAt,
          awareOn: patch.awareOn ?? before.awareOn,
          severity: patch.severity ?? before.severity,
          status: patch.status ?? before.status,
          reportedOn: patch.reportedOn === undefined ? before.reportedOn : patch.reportedOn,
          notes: patch.notes ?? before.notes,
        };
        const issues = incidentIssues(merged);
        if (issues.length) throw new ValidationError("the incident's dates and status do not fit together", issues);
        // Only the values being changed must be checked: an unchanged link to a system is kept as it is.
        await checkIncident(ctx, tx, orgId, {
          ...merged,
          systemId: patch.systemId ?? null,
          occurredAt: patch.occurredAt ?? null,
          awareOn: patch.awareOn ?? merged.awareOn,
          reportedOn: patch.reportedOn ?? null,
        });
        const at = ctx.now();
        await tx.query(
          `update incidents set title=$3, description=$4, system_id=$5, occurred_at=$6, aware_on=$7, severity=$8, status=$9, reported_on=$10, notes=$11,
             version = version + 1, updated_at=$12
           where org_id = $1 and id = $2`,
          [orgId, id, ...incidentParams(merged), at],
        );
        const after = await getIncident(tx, orgId, id);
        await recordWithVersion(tx, orgId, actor, at, { entityType: "incident", entityId: id, entityLabel: merged.title, action: "update", before, after });
        return after as IncidentRecord;
      });
    },
  };
}

// ---- export and restore ----

/** Risks (with their system links) and incidents of one organization, in a stable order. */
export async function exportRisks(tx: Queryable, orgId: string): Promise<RisksExport> {
  const rows = (await tx.query<RiskRow>("select * from risks where org_id = $1 order by id", [orgId])).rows;
  const links = (
    await tx.query<{ risk_id: string; system_id: string }>("select risk_id, system_id from risk_systems where org_id = $1 order by risk_id, system_id", [orgId])
  ).rows;
  const risks = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    likelihood: Number(r.likelihood),
    severity: Number(r.severity),
    owner: r.owner,
    mitigation: r.mitigation,
    status: r.status,
    reviewDate: day(r.review_date),
    systemIds: links.filter((l) => l.risk_id === r.id).map((l) => l.system_id),
    obligationIds: r.obligation_ids ?? [],
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
  const incidents = (await tx.query<IncidentRow>(`${INCIDENT_SELECT} where i.org_id = $1 order by i.id`, [orgId])).rows.map((r) => {
    const { systemName: _name, ...rest } = incidentOf(r);
    return rest;
  });
  return { risks, incidents };
}

export async function restoreRisks(tx: Queryable, orgId: string, x: RisksExport): Promise<void> {
  for (const r of x.risks) {
    await tx.query(
      `insert into risks (id, org_id, title, description, likelihood, severity, owner, mitigation, status, review_date, obligation_ids, version, created_at, updated_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        r.id,
        orgId,
        r.title,
        r.description,
        r.likelihood,
        r.severity,
        r.owner,
        r.mitigation,
        r.status,
        r.reviewDate,
        r.obligationIds,
        r.version,
        r.createdAt,
        r.updatedAt,
      ],
    );
    for (const sid of r.systemIds) await tx.query("insert into risk_systems (org_id, risk_id, system_id) values ($1,$2,$3)", [orgId, r.id, sid]);
  }
  for (const i of x.incidents) {
    await tx.query(
      `insert into incidents (id, org_id, title, description, system_id, occurred_at, aware_on, severity, status, reported_on, notes, version, created_at, updated_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        i.id,
        orgId,
        i.title,
        i.description,
        i.systemId,
        i.occurredAt,
        i.awareOn,
        i.severity,
        i.status,
        i.reportedOn,
        i.notes,
        i.version,
        i.createdAt,
        i.updatedAt,
      ],
    );
  }
}
