import type { AssessmentAnswers, AssessmentResult, StoredAssessment, StrategyExport } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, type StoreContext } from "./context.js";

const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const n = (v: unknown) => Number(v ?? 0);

function assessmentOf(r: Record<string, unknown>): StoredAssessment {
  return {
    id: String(r.id),
    answers: json<AssessmentAnswers>(r.answers),
    result: json<AssessmentResult>(r.result),
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
  };
}

export interface PlanStartRow {
  start: string;
  updatedBy: string;
  updatedAt: string;
}

async function planStartOf(q: Queryable, orgId: string): Promise<PlanStartRow | null> {
  const r = (await q.query<Record<string, unknown>>("select * from plan_settings where org_id = $1", [orgId])).rows[0];
  return r ? { start: day(r.start_on), updatedBy: String(r.updated_by), updatedAt: iso(r.updated_at) } : null;
}

/** Counts the plan measures from the inventory, discovery, spend, governance and risk tables. */
export interface PlanCounts {
  liveSystems: number;
  liveSystemsOwned: number;
  activeSystems: number;
  productionSystems: number;
  productionSystemsWithRisk: number;
  risks: number;
  repositoriesScanned: number;
  usageRecords: number;
  vendors: number;
  vendorsWithContract: number;
  classifiedSystems: number;
  completeClassifications: number;
  policiesApproved: number;
  assessments: number;
}

/**
 * Use cases of the portfolio, counted only when its table exists (the portfolio is a separate
 * feature; this reads nothing else of it). Null when there is no `use_cases` table.
 */
export async function useCaseCounts(q: Queryable, orgId: string): Promise<{ total: number; scored: number; funded: number; piloted: number } | null> {
  const present = (await q.query<{ t: string | null }>("select to_regclass('use_cases')::text as t")).rows[0]?.t;
  if (!present) return null;
  const r = (
    await q.query<Record<string, unknown>>(
      `select count(*) as total,
              count(*) filter (where recommendation is not null) as scored,
              count(*) filter (where funded) as funded,
              count(*) filter (where pilot_started_on is not null or stage in ('pilot', 'production')) as piloted
       from use_cases where org_id = $1`,
      [orgId],
    )
  ).rows[0];
  return { total: n(r?.total), scored: n(r?.scored), funded: n(r?.funded), piloted: n(r?.piloted) };
}

export async function exportStrategy(q: Queryable, orgId: string): Promise<StrategyExport> {
  const assessments = (await q.query<Record<string, unknown>>("select * from assessments where org_id = $1 order by created_at, id", [orgId])).rows.map(
    assessmentOf,
  );
  return { assessments, planStart: await planStartOf(q, orgId) };
}

export async function restoreStrategy(tx: Queryable, orgId: string, x: StrategyExport): Promise<void> {
  for (const a of x.assessments) {
    await tx.query("insert into assessments (id, org_id, answers, result, recommendation, created_by, created_at) values ($1,$2,$3,$4,$5,$6,$7)", [
      a.id,
      orgId,
      JSON.stringify(a.answers),
      JSON.stringify(a.result),
      a.result.recommendation,
      a.createdBy,
      a.createdAt,
    ]);
  }
  if (x.planStart)
    await tx.query("insert into plan_settings (org_id, start_on, updated_by, updated_at) values ($1,$2,$3,$4)", [
      orgId,
      x.planStart.start,
      x.planStart.updatedBy,
      x.planStart.updatedAt,
    ]);
}

/** Leadership-need assessments (with history) and the 30/60/90-day plan's start date. */
export function strategyRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    /** Stores an assessment's answers and result; recorded in the audit ledger. */
    async saveAssessment(orgId: string, answers: AssessmentAnswers, result: AssessmentResult, actor: Actor): Promise<StoredAssessment> {
      return db.transaction(async (tx) => {
        const at = ctx.now();
        const id = ctx.newId();
        await tx.query("insert into assessments (id, org_id, answers, result, recommendation, created_by, created_at) values ($1,$2,$3,$4,$5,$6,$7)", [
          id,
          orgId,
          JSON.stringify(answers),
          JSON.stringify(result),
          result.recommendation,
          actor.label,
          at,
        ]);
        const before = (
          await tx.query<Record<string, unknown>>("select * from assessments where org_id = $1 and id <> $2 order by created_at desc, id desc limit 1", [
            orgId,
            id,
          ])
        ).rows[0];
        await recordChange(tx, orgId, actor, at, {
          entityType: "assessment",
          entityId: id,
          entityLabel: `leadership assessment: ${result.title}`,
          action: "create",
          before: before ? { answers: json(before.answers), recommendation: String(before.recommendation) } : null,
          after: { answers, recommendation: result.recommendation, rulesVersion: result.rulesVersion },
        });
        return { id, answers, result, createdBy: actor.label, createdAt: at };
      });
    },

    async latestAssessment(orgId: string): Promise<StoredAssessment | null> {
      const r = (await db.query<Record<string, unknown>>("select * from assessments where org_id = $1 order by created_at desc, id desc limit 1", [orgId]))
        .rows[0];
      return r ? assessmentOf(r) : null;
    },

    /** Every assessment, newest first. */
    async assessments(orgId: string): Promise<StoredAssessment[]> {
      return (await db.query<Record<string, unknown>>("select * from assessments where org_id = $1 order by created_at desc, id desc", [orgId])).rows.map(
        assessmentOf,
      );
    },

    planStart: (orgId: string) => planStartOf(db, orgId),

    /** Sets the plan's start date (null: back to the organization's creation day); recorded in the audit ledger. */
    async setPlanStart(orgId: string, start: string | null, actor: Actor): Promise<PlanStartRow | null> {
      return db.transaction(async (tx) => {
        const at = ctx.now();
        const before = await planStartOf(tx, orgId);
        if (start === null) {
          if (!before) return null;
          await tx.query("delete from plan_settings where org_id = $1", [orgId]);
        } else {
          await tx.query(
            `insert into plan_settings (org_id, start_on, updated_by, updated_at) values ($1,$2,$3,$4)
             on conflict (org_id) do update set start_on = excluded.start_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
            [orgId, start, actor.label, at],
          );
        }
        await recordChange(tx, orgId, actor, at, {
          entityType: "plan",
          entityId: orgId,
          entityLabel: "30/60/90-day plan start",
          action: start === null ? "delete" : before ? "update" : "create",
          before: before ? { start: before.start } : null,
          after: start === null ? null : { start },
        });
        return start === null ? null : { start, updatedBy: actor.label, updatedAt: at };
      });
    },

    /** The plan's measures that are plain counts over the organization's tables. */
    async planCounts(orgId: string): Promise<PlanCounts> {
      const s = (
        await db.query<Record<string, unknown>>(
          `select count(*) filter (where stage in ('pilot', 'production')) as live,
                  count(*) filter (where stage in ('pilot', 'production') and business_owner <> '' and technical_owner <> '') as live_owned,
                  count(*) filter (where stage <> 'retired') as active,
                  count(*) filter (where stage = 'production') as production,
                  count(*) filter (where stage = 'production' and exists (
                    select 1 from risk_systems rs where rs.org_id = s.org_id and rs.system_id = s.id)) as production_with_risk
           from systems s where s.org_id = $1`,
          [orgId],
        )
      ).rows[0];
      const one = async (sql: string) => n((await db.query<{ n: string }>(sql, [orgId])).rows[0]?.n);
      const classified = (
        await db.query<{ status: string }>(
          `select distinct on (c.system_id) c.result->>'status' as status
           from classifications c join systems s on s.org_id = c.org_id and s.id = c.system_id
           where c.org_id = $1 and s.stage <> 'retired' order by c.system_id, c.created_at desc, c.id desc`,
          [orgId],
        )
      ).rows;
      return {
        liveSystems: n(s?.live),
        liveSystemsOwned: n(s?.live_owned),
        activeSystems: n(s?.active),
        productionSystems: n(s?.production),
        productionSystemsWithRisk: n(s?.production_with_risk),
        risks: await one("select count(*) as n from risks where org_id = $1"),
        repositoriesScanned: await one(
          "select count(*) as n from repositories r where r.org_id = $1 and exists (select 1 from scans x where x.org_id = r.org_id and x.repository_id = r.id)",
        ),
        usageRecords: await one("select count(*) as n from usage_records where org_id = $1"),
        vendors: await one("select count(*) as n from vendors where org_id = $1"),
        vendorsWithContract: await one(
          "select count(*) as n from vendors where org_id = $1 and (contract_start is not null or contract_end is not null or commitment_micros is not null)",
        ),
        classifiedSystems: classified.length,
        completeClassifications: classified.filter((c) => c.status === "complete").length,
        policiesApproved: await one("select count(distinct kind) as n from policy_versions where org_id = $1 and status = 'approved'"),
        assessments: await one("select count(*) as n from assessments where org_id = $1"),
      };
    },

    useCaseCounts: (orgId: string) => useCaseCounts(db, orgId),
  };
}
