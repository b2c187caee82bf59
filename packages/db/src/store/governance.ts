import { type ClassificationResult, NotFoundError, type ObligationStatus, type RecordedAnswer } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, type StoreContext } from "./context.js";

/** A system's inventory facts, as the rules engine reads them. */
export interface SystemFactsRow {
  id: string;
  name: string;
  purpose: string;
  businessOwner: string;
  technicalOwner: string;
  stage: string;
  customerFacing: boolean;
  decisionsAffectingPeople: string;
  personalData: string[];
  affectedPeople: string;
  euNexus: string[];
  tags: string[];
  components: { kind: string; provider: string; identifier: string; hosting: string; name: string }[];
}

/** A stored classification of a system. */
export interface StoredClassification {
  id: string;
  systemId: string;
  systemName: string;
  rulesetVersion: string;
  law: "original" | "omnibus";
  asOf: string;
  answers: Record<string, RecordedAnswer>;
  result: ClassificationResult;
  createdBy: string;
  createdAt: string;
}

/** The tracking of one obligation of one system. */
export interface ObligationTracking {
  systemId: string;
  obligationId: string;
  owner: string;
  status: ObligationStatus;
  evidence: string;
  updatedBy: string;
  updatedAt: string;
}

const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function classificationOf(r: Record<string, unknown>): StoredClassification {
  return {
    id: String(r.id),
    systemId: String(r.system_id),
    systemName: String(r.system_name),
    rulesetVersion: String(r.ruleset_version),
    law: r.law as StoredClassification["law"],
    asOf: day(r.as_of),
    answers: json(r.answers),
    result: json(r.result),
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
  };
}

function trackingOf(r: Record<string, unknown>): ObligationTracking {
  return {
    systemId: String(r.system_id),
    obligationId: String(r.obligation_id),
    owner: String(r.owner),
    status: r.status as ObligationStatus,
    evidence: String(r.evidence),
    updatedBy: String(r.updated_by),
    updatedAt: iso(r.updated_at),
  };
}

const SELECT = "select c.*, s.name as system_name from classifications c join systems s on s.org_id = c.org_id and s.id = c.system_id";

async function assertSystem(q: Queryable, orgId: string, systemId: string): Promise<string> {
  const r = (await q.query<{ name: string }>("select name from systems where org_id = $1 and id = $2", [orgId, systemId])).rows[0];
  if (!r) throw new NotFoundError("no such system in this organization");
  return r.name;
}

export async function allClassifications(q: Queryable, orgId: string): Promise<StoredClassification[]> {
  return (await q.query<Record<string, unknown>>(`${SELECT} where c.org_id = $1 order by c.created_at, c.id`, [orgId])).rows.map(classificationOf);
}

export async function allTracking(q: Queryable, orgId: string): Promise<ObligationTracking[]> {
  return (await q.query<Record<string, unknown>>("select * from obligation_tracking where org_id = $1 order by system_id, obligation_id", [orgId])).rows.map(
    trackingOf,
  );
}

/** Classifications (kept as history, newest wins) and obligation tracking. */
export function governanceRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    /** Stores a classification of a system; the previous ones stay as history. */
    async saveClassification(
      orgId: string,
      systemId: string,
      c: { law: "original" | "omnibus"; asOf: string; answers: Record<string, RecordedAnswer>; result: ClassificationResult },
      actor: Actor,
    ): Promise<StoredClassification> {
      return db.transaction(async (tx) => {
        const name = await assertSystem(tx, orgId, systemId);
        const id = ctx.newId();
        const at = ctx.now();
        await tx.query(
          `insert into classifications (id, org_id, system_id, ruleset_version, law, as_of, answers, result, created_by, created_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
          [id, orgId, systemId, c.result.rulesetVersion, c.law, c.asOf, JSON.stringify(c.answers), JSON.stringify(c.result), actor.label, at],
        );
        await recordChange(tx, orgId, actor, at, {
          entityType: "classification",
          entityId: id,
          entityLabel: name,
          action: "create",
          before: null,
          after: { systemId, law: c.law, asOf: c.asOf, answers: c.answers, result: c.result },
        });
        return {
          id,
          systemId,
          systemName: name,
          rulesetVersion: c.result.rulesetVersion,
          law: c.law,
          asOf: c.asOf,
          answers: c.answers,
          result: c.result,
          createdBy: actor.label,
          createdAt: at,
        };
      });
    },

    /** The latest classification of every system that has one. */
    async latest(orgId: string): Promise<StoredClassification[]> {
      return (
        await db.query<Record<string, unknown>>(
          `select distinct on (c.system_id) c.*, s.name as system_name
           from classifications c join systems s on s.org_id = c.org_id and s.id = c.system_id
           where c.org_id = $1 order by c.system_id, c.created_at desc, c.id desc`,
          [orgId],
        )
      ).rows
        .map(classificationOf)
        .sort((a, b) => a.systemName.localeCompare(b.systemName));
    },

    /** A system's classifications, newest first. */
    async history(orgId: string, systemId: string): Promise<StoredClassification[]> {
      await assertSystem(db, orgId, systemId);
      return (
        await db.query<Record<string, unknown>>(`${SELECT} where c.org_id = $1 and c.system_id = $2 order by c.created_at desc, c.id desc`, [orgId, systemId])
      ).rows.map(classificationOf);
    },

    tracking: (orgId: string) => allTracking(db, orgId),

    /** Each system's owners (the default owners of its obligations). */
    async owners(orgId: string): Promise<Map<string, { businessOwner: string; technicalOwner: string }>> {
      const rows = (
        await db.query<{ id: string; business_owner: string; technical_owner: string }>(
          "select id, business_owner, technical_owner from systems where org_id = $1",
          [orgId],
        )
      ).rows;
      return new Map(rows.map((r) => [String(r.id), { businessOwner: r.business_owner, technicalOwner: r.technical_owner }]));
    },

    /** The inventory facts the rules pre-fill answers from. */
    async facts(orgId: string, systemId: string): Promise<SystemFactsRow> {
      const r = (await db.query<Record<string, unknown>>("select * from systems where org_id = $1 and id = $2", [orgId, systemId])).rows[0];
      if (!r) throw new NotFoundError("no such system in this organization");
      const components = (
        await db.query<{ kind: string; provider: string; identifier: string; hosting: string; name: string }>(
          `select c.kind, c.provider, c.identifier, c.hosting, c.name from system_components sc
           join components c on c.org_id = sc.org_id and c.id = sc.component_id
           where sc.org_id = $1 and sc.system_id = $2 order by c.kind, c.name`,
          [orgId, systemId],
        )
      ).rows;
      return {
        id: String(r.id),
        name: String(r.name),
        purpose: String(r.purpose),
        businessOwner: String(r.business_owner),
        technicalOwner: String(r.technical_owner),
        stage: String(r.stage),
        customerFacing: Boolean(r.customer_facing),
        decisionsAffectingPeople: String(r.decisions_affecting_people),
        personalData: (r.personal_data as string[] | null) ?? [],
        affectedPeople: String(r.affected_people),
        euNexus: (r.eu_nexus as string[] | null) ?? [],
        tags: (r.tags as string[] | null) ?? [],
        components,
      };
    },

    /** Sets the owner, status and evidence of a system's obligation. */
    async track(
      orgId: string,
      systemId: string,
      obligationId: string,
      t: { owner: string; status: ObligationStatus; evidence: string },
      actor: Actor,
    ): Promise<ObligationTracking> {
      return db.transaction(async (tx) => {
        const name = await assertSystem(tx, orgId, systemId);
        const at = ctx.now();
        const before = (
          await tx.query<Record<string, unknown>>("select * from obligation_tracking where org_id = $1 and system_id = $2 and obligation_id = $3 for update", [
            orgId,
            systemId,
            obligationId,
          ])
        ).rows[0];
        await tx.query(
          `insert into obligation_tracking (org_id, system_id, obligation_id, owner, status, evidence, updated_by, updated_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8)
           on conflict (org_id, system_id, obligation_id) do update set owner = excluded.owner, status = excluded.status,
             evidence = excluded.evidence, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [orgId, systemId, obligationId, t.owner, t.status, t.evidence, actor.label, at],
        );
        const prior = before ? trackingOf(before) : null;
        await recordChange(tx, orgId, actor, at, {
          entityType: "obligation",
          entityId: `${systemId}:${obligationId}`,
          entityLabel: `${name}: ${obligationId}`,
          action: prior ? "update" : "create",
          before: prior ? { owner: prior.owner, status: prior.status, evidence: prior.evidence } : null,
          after: t,
        });
        return { systemId, obligationId, ...t, updatedBy: actor.label, updatedAt: at };
      });
    },
  };
}
