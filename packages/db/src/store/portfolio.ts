import {
  ConflictError,
  decimalToMicros,
  type KpiActual,
  type KpiActualCreate,
  type LabelKind,
  microsToDecimal,
  NotFoundError,
  type PortfolioExport,
  portfolioViews,
  type UseCase,
  type UseCaseCreate,
  type UseCaseListQuery,
  type UseCasePatch,
  type UseCaseView,
  useCaseIssues,
  ValidationError,
} from "@caio/core";
import type { Queryable } from "../driver.js";
import { type Change, recordChange } from "./audit.js";
import { type Actor, iso, pgCode, type StoreContext } from "./context.js";
import { assertRefs } from "./refs.js";

/** A `date` column as YYYY-MM-DD (both drivers return strings; a Date is tolerated). */
function day(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

/** Records a change in the audit ledger and keeps the full snapshot as a new version (per-entity history). */
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

interface UseCaseRow {
  id: string;
  name: string;
  problem: string;
  owner: string;
  kpi_type: UseCase["kpiType"];
  kpi_name: string;
  kpi_unit: string;
  kpi_baseline: unknown;
  kpi_target: unknown;
  annual_value_micros: string | number;
  build_cost_micros: string | number;
  run_cost_micros: string | number;
  data_readiness: UseCase["dataReadiness"];
  dependencies: string[];
  system_id: string | null;
  system_name: string | null;
  labels: string[];
  differentiating: boolean;
  vendor_trend: UseCase["vendorTrend"];
  commoditizing: boolean;
  stage: UseCase["stage"];
  pilot_started_on: unknown;
  production_on: unknown;
  funded: boolean;
  funded_on: unknown;
  recommendation: PortfolioExport["useCases"][number]["recommendation"];
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface ActualRow {
  id: string;
  use_case_id: string;
  measured_on: unknown;
  value: unknown;
  note: string;
  recorded_by: string;
  created_at: Date;
}

const SELECT = "select u.*, s.name as system_name from use_cases u left join systems s on s.org_id = u.org_id and s.id = u.system_id";

function actualOf(r: ActualRow): KpiActual {
  return {
    id: r.id,
    useCaseId: r.use_case_id,
    on: day(r.measured_on) ?? "",
    value: Number(r.value),
    note: r.note,
    recordedBy: r.recorded_by,
    createdAt: iso(r.created_at),
  };
}

/** Label kinds of the latest classification of each system (the same rows as `governance.latest`). */
async function classificationKinds(q: Queryable, orgId: string, systemIds: string[]): Promise<Map<string, LabelKind[]>> {
  const out = new Map<string, LabelKind[]>();
  if (systemIds.length === 0) return out;
  const rows = (
    await q.query<{ system_id: string; result: unknown }>(
      `select distinct on (c.system_id) c.system_id, c.result from classifications c
       where c.org_id = $1 and c.system_id = any($2::uuid[]) order by c.system_id, c.created_at desc, c.id desc`,
      [orgId, systemIds],
    )
  ).rows;
  for (const r of rows) {
    const result = json<{ labels?: { kind: LabelKind }[] }>(r.result);
    out.set(r.system_id, [...new Set((result.labels ?? []).map((l) => l.kind))]);
  }
  return out;
}

async function hydrate(q: Queryable, orgId: string, rows: UseCaseRow[]): Promise<UseCase[]> {
  if (rows.length === 0) return [];
  const kinds = await classificationKinds(
    q,
    orgId,
    rows.map((r) => r.system_id).filter((s): s is string => s !== null),
  );
  const actuals = (
    await q.query<ActualRow>("select * from kpi_actuals where org_id = $1 and use_case_id = any($2::uuid[]) order by measured_on, created_at, id", [
      orgId,
      rows.map((r) => r.id),
    ])
  ).rows.map(actualOf);
  return rows.map((r) => {
    const classificationLabels = r.system_id ? (kinds.get(r.system_id) ?? []) : [];
    const labels = r.labels ?? [];
    const seen = new Set<string>();
    const riskLabels = [...classificationLabels, ...labels].filter((l) => {
      const k = l.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return {
      id: r.id,
      name: r.name,
      problem: r.problem,
      owner: r.owner,
      kpiType: r.kpi_type,
      kpiName: r.kpi_name,
      kpiUnit: r.kpi_unit,
      kpiBaseline: num(r.kpi_baseline),
      kpiTarget: num(r.kpi_target),
      annualValue: microsToDecimal(BigInt(r.annual_value_micros)),
      buildCost: microsToDecimal(BigInt(r.build_cost_micros)),
      annualRunCost: microsToDecimal(BigInt(r.run_cost_micros)),
      dataReadiness: r.data_readiness,
      dependencies: r.dependencies ?? [],
      systemId: r.system_id,
      systemName: r.system_name,
      labels,
      classificationLabels,
      riskLabels,
      differentiating: r.differentiating,
      vendorTrend: r.vendor_trend,
      commoditizing: r.commoditizing,
      stage: r.stage,
      pilotStartedOn: day(r.pilot_started_on),
      productionOn: day(r.production_on),
      funded: r.funded,
      fundedOn: day(r.funded_on),
      actuals: actuals.filter((a) => a.useCaseId === r.id),
      version: r.version,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
  });
}

export async function getUseCase(q: Queryable, orgId: string, id: string): Promise<UseCase | null> {
  const rows = (await q.query<UseCaseRow>(`${SELECT} where u.org_id = $1 and u.id = $2`, [orgId, id])).rows;
  const [u] = await hydrate(q, orgId, rows);
  return u ?? null;
}

/** The audited snapshot of a use case: its own fields, without the derived labels and the actuals (audited on their own). */
function snapshot(u: UseCase): Omit<UseCase, "actuals" | "classificationLabels" | "riskLabels"> {
  const { actuals: _a, classificationLabels: _c, riskLabels: _r, ...rest } = u;
  return rest;
}

type Fields = UseCaseCreate;
const params = (u: Fields) => [
  u.name,
  u.problem,
  u.owner,
  u.kpiType,
  u.kpiName,
  u.kpiUnit,
  u.kpiBaseline,
  u.kpiTarget,
  decimalToMicros(u.annualValue).toString(),
  decimalToMicros(u.buildCost).toString(),
  decimalToMicros(u.annualRunCost).toString(),
  u.dataReadiness,
  u.dependencies,
  u.systemId,
  u.labels,
  u.differentiating,
  u.vendorTrend,
  u.commoditizing,
  u.stage,
  u.pilotStartedOn,
  u.productionOn,
  u.funded,
  u.fundedOn,
];

function conflictOnName(e: unknown, name: string): never {
  if (pgCode(e) === "23505")
    throw new ConflictError(`a use case named "${name}" already exists`, [{ path: "name", message: "is already used by another use case" }]);
  throw e;
}

/**
 * Fills what follows from the stage and the funding decision: the pilot start and production day
 * default to today when the stage moves there without one; funding without a day is funded today;
 * unfunding clears the day. Then checks the dates (not after today) and the cross-field rules.
 */
function settle(u: Fields, today: string): Fields {
  const out = { ...u };
  if (out.stage === "pilot" && !out.pilotStartedOn) out.pilotStartedOn = today;
  if (out.stage === "production" && !out.productionOn) out.productionOn = today;
  if (out.funded && !out.fundedOn) out.fundedOn = today;
  if (!out.funded) out.fundedOn = null;
  const issues = [
    ...(
      [
        ["pilotStartedOn", out.pilotStartedOn],
        ["productionOn", out.productionOn],
        ["fundedOn", out.fundedOn],
      ] as const
    )
      .filter(([, v]) => v !== null && v > today)
      .map(([path]) => ({ path, message: `must not be after today (${today})` })),
    ...useCaseIssues(out),
  ];
  if (issues.length) throw new ValidationError("the use case is not consistent", issues);
  return out;
}

/** The use-case portfolio: use cases with their computed assessment, gates and ROI, and KPI actuals; every change audited. */
export function portfolioRepo(ctx: StoreContext) {
  const { db } = ctx;
  const today = () => ctx.now().slice(0, 10);

  /** Every use case of the organization, computed on today; keeps the stored recommendation in step. */
  async function views(orgId: string): Promise<UseCaseView[]> {
    const rows = (await db.query<UseCaseRow>(`${SELECT} where u.org_id = $1 order by lower(u.name), u.id`, [orgId])).rows;
    const computed = portfolioViews(await hydrate(db, orgId, rows), today());
    for (const v of computed) {
      const row = rows.find((r) => r.id === v.id);
      if (row && row.recommendation !== v.assessment.recommendation)
        await db.query("update use_cases set recommendation = $3 where org_id = $1 and id = $2", [orgId, v.id, v.assessment.recommendation]);
    }
    return computed;
  }

  const get = async (orgId: string, id: string): Promise<UseCaseView | null> => (await views(orgId)).find((v) => v.id === id) ?? null;

  return {
    today,
    /** Use cases by priority (highest first), then name, with scores, recommendation, gates and ROI. */
    async list(orgId: string, query: UseCaseListQuery = {}): Promise<{ items: UseCaseView[]; total: number }> {
      const items = (await views(orgId))
        .filter((v) => (!query.stage || v.stage === query.stage) && (!query.recommendation || v.assessment.recommendation === query.recommendation))
        .sort((a, b) => b.assessment.scores.priority - a.assessment.scores.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return { items, total: items.length };
    },
    /** Every use case, computed, in name order (for the roadmap and ROI). */
    all: views,
    get,
    async create(orgId: string, input: UseCaseCreate, actor: Actor): Promise<UseCaseView> {
      const id = await db.transaction(async (tx) => {
        if (input.systemId) await assertRefs(tx, orgId, "systems", [input.systemId], "systemId", "system");
        const u = settle(input, today());
        const id = ctx.newId();
        const at = ctx.now();
        await tx
          .query(
            `insert into use_cases (id, org_id, name, problem, owner, kpi_type, kpi_name, kpi_unit, kpi_baseline, kpi_target, annual_value_micros, build_cost_micros,
               run_cost_micros, data_readiness, dependencies, system_id, labels, differentiating, vendor_trend, commoditizing, stage, pilot_started_on, production_on,
               funded, funded_on, created_at, updated_at)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$26)`,
            [id, orgId, ...params(u), at],
          )
          .catch((e) => conflictOnName(e, u.name));
        const after = await getUseCase(tx, orgId, id);
        if (!after) throw new Error("use case vanished");
        await recordWithVersion(tx, orgId, actor, at, {
          entityType: "use-case",
          entityId: id,
          entityLabel: u.name,
          action: "create",
          before: null,
          after: snapshot(after),
        });
        return id;
      });
      return (await get(orgId, id)) as UseCaseView;
    },
    async update(orgId: string, id: string, patch: UseCasePatch, actor: Actor): Promise<UseCaseView> {
      await db.transaction(async (tx) => {
        const before = await getUseCase(tx, orgId, id);
        if (!before) throw new NotFoundError("use case");
        if (patch.systemId) await assertRefs(tx, orgId, "systems", [patch.systemId], "systemId", "system");
        const {
          id: _id,
          systemName: _s,
          classificationLabels: _c,
          riskLabels: _r,
          actuals: _a,
          version: _v,
          createdAt: _ca,
          updatedAt: _ua,
          ...current
        } = before;
        const merged = settle({ ...current, ...patch }, today());
        const at = ctx.now();
        await tx
          .query(
            `update use_cases set name=$3, problem=$4, owner=$5, kpi_type=$6, kpi_name=$7, kpi_unit=$8, kpi_baseline=$9, kpi_target=$10, annual_value_micros=$11,
               build_cost_micros=$12, run_cost_micros=$13, data_readiness=$14, dependencies=$15, system_id=$16, labels=$17, differentiating=$18, vendor_trend=$19,
               commoditizing=$20, stage=$21, pilot_started_on=$22, production_on=$23, funded=$24, funded_on=$25, version = version + 1, updated_at=$26
             where org_id = $1 and id = $2`,
            [orgId, id, ...params(merged), at],
          )
          .catch((e) => conflictOnName(e, merged.name));
        const after = await getUseCase(tx, orgId, id);
        if (!after) throw new Error("use case vanished");
        await recordWithVersion(tx, orgId, actor, at, {
          entityType: "use-case",
          entityId: id,
          entityLabel: merged.name,
          action: "update",
          before: snapshot(before),
          after: snapshot(after),
        });
      });
      return (await get(orgId, id)) as UseCaseView;
    },
    async remove(orgId: string, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await getUseCase(tx, orgId, id);
        if (!before) throw new NotFoundError("use case");
        await tx.query("delete from use_cases where org_id = $1 and id = $2", [orgId, id]);
        await recordWithVersion(tx, orgId, actor, ctx.now(), {
          entityType: "use-case",
          entityId: id,
          entityLabel: before.name,
          action: "delete",
          before: snapshot(before),
          after: null,
        });
      });
    },
    /** Records a KPI actual of a use case (not after today); audited as a "kpi-actual". */
    async recordActual(orgId: string, useCaseId: string, input: KpiActualCreate, actor: Actor): Promise<KpiActual> {
      return db.transaction(async (tx) => {
        const u = await getUseCase(tx, orgId, useCaseId);
        if (!u) throw new NotFoundError("use case");
        if (input.on > today()) throw new ValidationError("a date is in the future", [{ path: "on", message: `must not be after today (${today()})` }]);
        const id = ctx.newId();
        const at = ctx.now();
        await tx.query(
          "insert into kpi_actuals (id, org_id, use_case_id, measured_on, value, note, recorded_by, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8)",
          [id, orgId, useCaseId, input.on, input.value, input.note, actor.label, at],
        );
        const actual: KpiActual = { id, useCaseId, on: input.on, value: input.value, note: input.note, recordedBy: actor.label, createdAt: at };
        await recordWithVersion(tx, orgId, actor, at, {
          entityType: "kpi-actual",
          entityId: id,
          entityLabel: `${u.name}: ${u.kpiName || "KPI"} ${input.value}${u.kpiUnit ? ` ${u.kpiUnit}` : ""} on ${input.on}`,
          action: "create",
          before: null,
          after: actual,
        });
        return actual;
      });
    },
  };
}

export async function exportPortfolio(tx: Queryable, orgId: string): Promise<PortfolioExport> {
  const rows = (await tx.query<UseCaseRow>(`${SELECT} where u.org_id = $1 order by u.id`, [orgId])).rows;
  const useCases = (await hydrate(tx, orgId, rows)).map((u) => {
    const { systemName: _s, classificationLabels: _c, riskLabels: _r, actuals: _a, ...rest } = u;
    return { ...rest, recommendation: rows.find((r) => r.id === u.id)?.recommendation ?? null };
  });
  const actuals = (await tx.query<ActualRow>("select * from kpi_actuals where org_id = $1 order by id", [orgId])).rows.map(actualOf);
  return { useCases, actuals };
}

export async function restorePortfolio(tx: Queryable, orgId: string, x: PortfolioExport): Promise<void> {
  for (const u of x.useCases) {
    await tx.query(
      `insert into use_cases (id, org_id, name, problem, owner, kpi_type, kpi_name, kpi_unit, kpi_baseline, kpi_target, annual_value_micros, build_cost_micros,
         run_cost_micros, data_readiness, dependencies, system_id, labels, differentiating, vendor_trend, commoditizing, stage, pilot_started_on, production_on,
         funded, funded_on, created_at, updated_at, recommendation, version)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29)`,
      [u.id, orgId, ...params(u), u.createdAt, u.updatedAt, u.recommendation, u.version],
    );
  }
  for (const a of x.actuals) {
    await tx.query("insert into kpi_actuals (id, org_id, use_case_id, measured_on, value, note, recorded_by, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8)", [
      a.id,
      orgId,
      a.useCaseId,
      a.on,
      a.value,
      a.note,
      a.recordedBy,
      a.createdAt,
    ]);
  }
}
