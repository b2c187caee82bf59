import { ConflictError, NotFoundError, type System, type SystemCreate, type SystemListQuery, type SystemPatch } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, pgCode, type StoreContext } from "./context.js";
import { assertRefs, assertUnique } from "./refs.js";

interface SystemRow {
  id: string;
  name: string;
  purpose: string;
  business_owner: string;
  technical_owner: string;
  department: string;
  stage: System["stage"];
  customer_facing: boolean;
  decisions_affecting_people: System["decisionsAffectingPeople"];
  personal_data: System["personalData"];
  affected_people: System["affectedPeople"];
  eu_nexus: System["euNexus"];
  notes: string;
  tags: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface RefRow {
  system_id: string;
  id: string;
  kind: string;
  name: string;
  provider: string;
  identifier: string;
  vendor_id: string | null;
  vendor_name: string | null;
}

async function withComponents(q: Queryable, orgId: string, rows: SystemRow[]): Promise<System[]> {
  if (rows.length === 0) return [];
  const refs = (
    await q.query<RefRow>(
      `select sc.system_id, c.id, c.kind, c.name, c.provider, c.identifier, c.vendor_id, v.name as vendor_name
       from system_components sc
       join components c on c.org_id = sc.org_id and c.id = sc.component_id
       left join vendors v on v.org_id = c.org_id and v.id = c.vendor_id
       where sc.org_id = $1 and sc.system_id = any($2::uuid[])
       order by c.kind, lower(c.name), c.id`,
      [orgId, rows.map((r) => r.id)],
    )
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    businessOwner: r.business_owner,
    technicalOwner: r.technical_owner,
    department: r.department,
    stage: r.stage,
    customerFacing: r.customer_facing,
    decisionsAffectingPeople: r.decisions_affecting_people,
    personalData: r.personal_data,
    affectedPeople: r.affected_people,
    euNexus: r.eu_nexus,
    notes: r.notes,
    tags: r.tags,
    components: refs
      .filter((c) => c.system_id === r.id)
      .map((c) => ({ id: c.id, kind: c.kind, name: c.name, provider: c.provider, identifier: c.identifier, vendorId: c.vendor_id, vendorName: c.vendor_name })),
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
}

export async function getSystem(q: Queryable, orgId: string, id: string): Promise<System | null> {
  const rows = (await q.query<SystemRow>("select * from systems where org_id = $1 and id = $2", [orgId, id])).rows;
  const [s] = await withComponents(q, orgId, rows);
  return s ?? null;
}

async function setComponents(tx: Queryable, orgId: string, systemId: string, componentIds: readonly string[]): Promise<void> {
  await tx.query("delete from system_components where org_id = $1 and system_id = $2", [orgId, systemId]);
  for (const cid of componentIds) {
    await tx.query("insert into system_components (org_id, system_id, component_id) values ($1,$2,$3)", [orgId, systemId, cid]);
  }
}

function conflictOnName(e: unknown, name: string): never {
  if (pgCode(e) === "23505")
    throw new ConflictError(`a system named "${name}" already exists`, [{ path: "name", message: "is already used by another system" }]);
  throw e;
}

const SORT_COLUMNS = {
  name: "lower(s.name)",
  stage: "array_position(array['idea','pilot','production','retired'], s.stage)",
  updatedAt: "s.updated_at",
  department: "lower(s.department)",
} as const;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export function systemsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    async list(orgId: string, query: SystemListQuery): Promise<{ items: System[]; total: number }> {
      const params: unknown[] = [orgId];
      let where = "s.org_id = $1";
      if (query.q) {
        params.push(like(query.q));
        const p = `$${params.length}`;
        where += ` and (s.name ilike ${p} or s.purpose ilike ${p} or s.business_owner ilike ${p} or s.technical_owner ilike ${p} or s.department ilike ${p} or array_to_string(s.tags, ' ') ilike ${p})`;
      }
      if (query.stage) {
        params.push(query.stage);
        where += ` and s.stage = $${params.length}`;
      }
      if (query.customerFacing) {
        params.push(query.customerFacing === "true");
        where += ` and s.customer_facing = $${params.length}`;
      }
      if (query.vendorId) {
        params.push(query.vendorId);
        where += ` and exists (select 1 from system_components sc join components c on c.org_id = sc.org_id and c.id = sc.component_id
                    where sc.org_id = s.org_id and sc.system_id = s.id and c.vendor_id = $${params.length})`;
      }
      const total = Number((await db.query<{ n: string }>(`select count(*) as n from systems s where ${where}`, params)).rows[0]?.n ?? 0);
      const order = `${SORT_COLUMNS[query.sort]} ${query.order === "desc" ? "desc" : "asc"}, lower(s.name), s.id`;
      params.push(query.limit, query.offset);
      const rows = (
        await db.query<SystemRow>(`select s.* from systems s where ${where} order by ${order} limit $${params.length - 1} offset $${params.length}`, params)
      ).rows;
      return { items: await withComponents(db, orgId, rows), total };
    },
    get: (orgId: string, id: string) => getSystem(db, orgId, id),
    async create(orgId: string, input: SystemCreate, actor: Actor): Promise<System> {
      try {
        return await db.transaction(async (tx) => {
          assertUnique(input.componentIds, "componentIds");
          await assertRefs(tx, orgId, "components", input.componentIds, "componentIds", "component");
          const id = ctx.newId();
          const at = ctx.now();
          await tx.query(
            `insert into systems (id, org_id, name, purpose, business_owner, technical_owner, department, stage, customer_facing,
               decisions_affecting_people, personal_data, affected_people, eu_nexus, notes, tags, created_at, updated_at)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16)`,
            [id, orgId, ...fieldParams(input), at],
          );
          await setComponents(tx, orgId, id, input.componentIds);
          const after = await getSystem(tx, orgId, id);
          await recordChange(tx, orgId, actor, at, { entityType: "system", entityId: id, entityLabel: input.name, action: "create", before: null, after });
          return after as System;
        });
      } catch (e) {
        return conflictOnName(e, input.name);
      }
    },
    async update(orgId: string, id: string, patch: SystemPatch, actor: Actor): Promise<System> {
      try {
        return await db.transaction(async (tx) => {
          const before = await getSystem(tx, orgId, id);
          if (!before) throw new NotFoundError("system");
          if (patch.componentIds) {
            assertUnique(patch.componentIds, "componentIds");
            await assertRefs(tx, orgId, "components", patch.componentIds, "componentIds", "component");
          }
          const merged = { ...before, ...patch };
          const at = ctx.now();
          await tx.query(
            `update systems set name=$3, purpose=$4, business_owner=$5, technical_owner=$6, department=$7, stage=$8, customer_facing=$9,
               decisions_affecting_people=$10, personal_data=$11, affected_people=$12, eu_nexus=$13, notes=$14, tags=$15,
               version = version + 1, updated_at=$16
             where org_id = $1 and id = $2`,
            [orgId, id, ...fieldParams(merged), at],
          );
          if (patch.componentIds) await setComponents(tx, orgId, id, patch.componentIds);
          const after = await getSystem(tx, orgId, id);
          await recordChange(tx, orgId, actor, at, { entityType: "system", entityId: id, entityLabel: merged.name, action: "update", before, after });
          return after as System;
        });
      } catch (e) {
        return conflictOnName(e, patch.name ?? "");
      }
    },
    async remove(orgId: string, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await getSystem(tx, orgId, id);
        if (!before) throw new NotFoundError("system");
        await tx.query("delete from systems where org_id = $1 and id = $2", [orgId, id]);
        await recordChange(tx, orgId, actor, ctx.now(), {
          entityType: "system",
          entityId: id,
          entityLabel: before.name,
          action: "delete",
          before,
          after: null,
        });
      });
    },
  };
}

type SystemFields = Omit<SystemCreate, "componentIds">;

function fieldParams(s: SystemFields): unknown[] {
  return [
    s.name,
    s.purpose,
    s.businessOwner,
    s.technicalOwner,
    s.department,
    s.stage,
    s.customerFacing,
    s.decisionsAffectingPeople,
    s.personalData,
    s.affectedPeople,
    s.euNexus,
    s.notes,
    s.tags,
  ];
}
