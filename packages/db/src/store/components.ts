import { type Component, type ComponentCreate, type ComponentListQuery, type ComponentPatch, NotFoundError } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, type StoreContext } from "./context.js";
import { assertRefs, assertUnique } from "./refs.js";

interface ComponentRow {
  id: string;
  kind: Component["kind"];
  name: string;
  provider: string;
  identifier: string;
  software_version: string;
  hosting: Component["hosting"];
  vendor_id: string | null;
  vendor_name: string | null;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  system_ids: string[] | null;
}

const SELECT = `
  select c.*, v.name as vendor_name,
    coalesce((select array_agg(sc.system_id order by sc.system_id) from system_components sc where sc.org_id = c.org_id and sc.component_id = c.id), '{}') as system_ids
  from components c left join vendors v on v.org_id = c.org_id and v.id = c.vendor_id`;

function toComponent(r: ComponentRow): Component {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    provider: r.provider,
    identifier: r.identifier,
    version: r.software_version,
    hosting: r.hosting,
    vendorId: r.vendor_id,
    vendorName: r.vendor_name,
    notes: r.notes,
    systemIds: r.system_ids ?? [],
    entityVersion: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function getComponent(q: Queryable, orgId: string, id: string): Promise<Component | null> {
  const r = (await q.query<ComponentRow>(`${SELECT} where c.org_id = $1 and c.id = $2`, [orgId, id])).rows[0];
  return r ? toComponent(r) : null;
}

async function setSystems(tx: Queryable, orgId: string, componentId: string, systemIds: readonly string[]): Promise<void> {
  await tx.query("delete from system_components where org_id = $1 and component_id = $2", [orgId, componentId]);
  for (const sid of systemIds) {
    await tx.query("insert into system_components (org_id, system_id, component_id) values ($1,$2,$3)", [orgId, sid, componentId]);
  }
}

export function componentsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    async list(orgId: string, query: ComponentListQuery): Promise<{ items: Component[]; total: number }> {
      const params: unknown[] = [orgId];
      let where = "c.org_id = $1";
      if (query.q) {
        params.push(`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        const p = `$${params.length}`;
        where += ` and (c.name ilike ${p} or c.provider ilike ${p} or c.identifier ilike ${p} or coalesce(v.name,'') ilike ${p})`;
      }
      if (query.kind) {
        params.push(query.kind);
        where += ` and c.kind = $${params.length}`;
      }
      if (query.vendorId) {
        params.push(query.vendorId);
        where += ` and c.vendor_id = $${params.length}`;
      }
      const total = Number(
        (
          await db.query<{ n: string }>(
            `select count(*) as n from components c left join vendors v on v.org_id = c.org_id and v.id = c.vendor_id where ${where}`,
            params,
          )
        ).rows[0]?.n ?? 0,
      );
      params.push(query.limit, query.offset);
      const items = (
        await db.query<ComponentRow>(
          `${SELECT} where ${where} order by c.kind, lower(c.name), c.id limit $${params.length - 1} offset $${params.length}`,
          params,
        )
      ).rows.map(toComponent);
      return { items, total };
    },
    get: (orgId: string, id: string) => getComponent(db, orgId, id),
    async create(orgId: string, input: ComponentCreate, actor: Actor): Promise<Component> {
      return db.transaction(async (tx) => {
        if (input.vendorId) await assertRefs(tx, orgId, "vendors", [input.vendorId], "vendorId", "vendor");
        assertUnique(input.systemIds, "systemIds");
        await assertRefs(tx, orgId, "systems", input.systemIds, "systemIds", "system");
        const id = ctx.newId();
        const at = ctx.now();
        await tx.query(
          `insert into components (id, org_id, kind, name, provider, identifier, software_version, hosting, vendor_id, notes, created_at, updated_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11)`,
          [id, orgId, input.kind, input.name, input.provider, input.identifier, input.version, input.hosting, input.vendorId, input.notes, at],
        );
        await setSystems(tx, orgId, id, input.systemIds);
        const after = await getComponent(tx, orgId, id);
        await recordChange(tx, orgId, actor, at, { entityType: "component", entityId: id, entityLabel: input.name, action: "create", before: null, after });
        return after as Component;
      });
    },
    async update(orgId: string, id: string, patch: ComponentPatch, actor: Actor): Promise<Component> {
      return db.transaction(async (tx) => {
        const before = await getComponent(tx, orgId, id);
        if (!before) throw new NotFoundError("component");
        if (patch.vendorId) await assertRefs(tx, orgId, "vendors", [patch.vendorId], "vendorId", "vendor");
        if (patch.systemIds) {
          assertUnique(patch.systemIds, "systemIds");
          await assertRefs(tx, orgId, "systems", patch.systemIds, "systemIds", "system");
        }
        const m = { ...before, ...patch };
        const at = ctx.now();
        await tx.query(
          `update components set kind=$3, name=$4, provider=$5, identifier=$6, software_version=$7, hosting=$8, vendor_id=$9, notes=$10,
             version = version + 1, updated_at=$11 where org_id = $1 and id = $2`,
          [orgId, id, m.kind, m.name, m.provider, m.identifier, m.version, m.hosting, m.vendorId, m.notes, at],
        );
        if (patch.systemIds) await setSystems(tx, orgId, id, patch.systemIds);
        const after = await getComponent(tx, orgId, id);
        await recordChange(tx, orgId, actor, at, { entityType: "component", entityId: id, entityLabel: m.name, action: "update", before, after });
        return after as Component;
      });
    },
    async remove(orgId: string, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await getComponent(tx, orgId, id);
        if (!before) throw new NotFoundError("component");
        await tx.query("delete from components where org_id = $1 and id = $2", [orgId, id]);
        await recordChange(tx, orgId, actor, ctx.now(), {
          entityType: "component",
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
