import { ConflictError, type Organization, type OrganizationCreate, type OrganizationWithRole, type Role } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, pgCode, type StoreContext } from "./context.js";

interface OrgRow {
  id: string;
  slug: string;
  name: string;
  created_at: Date | string;
}

function toOrg(r: OrgRow): Organization {
  return { id: r.id, slug: r.slug, name: r.name, createdAt: iso(r.created_at) };
}

export function orgsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    async create(input: OrganizationCreate, actor: Actor, opts: { adminUserId?: string } = {}): Promise<Organization> {
      try {
        return await db.transaction(async (tx) => {
          const org: Organization = { id: ctx.newId(), slug: input.slug, name: input.name, createdAt: ctx.now() };
          await tx.query("insert into organizations (id, slug, name, created_at) values ($1,$2,$3,$4)", [org.id, org.slug, org.name, org.createdAt]);
          await recordChange(tx, org.id, actor, org.createdAt, {
            entityType: "organization",
            entityId: org.id,
            entityLabel: org.name,
            action: "create",
            before: null,
            after: org,
          });
          if (opts.adminUserId) await addMembership(tx, ctx, org.id, opts.adminUserId, "admin", actor);
          return org;
        });
      } catch (e) {
        if (pgCode(e) === "23505")
          throw new ConflictError(`an organization with slug "${input.slug}" already exists`, [{ path: "slug", message: "is already taken" }]);
        throw e;
      }
    },
    async bySlug(slug: string): Promise<Organization | null> {
      const r = (await db.query<OrgRow>("select id, slug, name, created_at from organizations where slug = $1", [slug])).rows[0];
      return r ? toOrg(r) : null;
    },
    async byId(id: string): Promise<Organization | null> {
      const r = (await db.query<OrgRow>("select id, slug, name, created_at from organizations where id = $1", [id])).rows[0];
      return r ? toOrg(r) : null;
    },
    async all(): Promise<Organization[]> {
      return (await db.query<OrgRow>("select id, slug, name, created_at from organizations order by name, slug")).rows.map(toOrg);
    },
    async forUser(userId: string): Promise<OrganizationWithRole[]> {
      const rows = (
        await db.query<OrgRow & { role: Role }>(
          "select o.id, o.slug, o.name, o.created_at, m.role from organizations o join memberships m on m.org_id = o.id where m.user_id = $1 order by o.name, o.slug",
          [userId],
        )
      ).rows;
      return rows.map((r) => ({ ...toOrg(r), role: r.role }));
    },
    async remove(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        // Staged import rows have no foreign key to cascade from (they are written in bulk).
        await tx.query("delete from usage_staged where org_id = $1", [id]);
        await tx.query("delete from organizations where id = $1", [id]);
      });
    },
  };
}

export async function addMembership(tx: Queryable, ctx: StoreContext, orgId: string, userId: string, role: Role, actor: Actor): Promise<void> {
  const at = ctx.now();
  const user = (await tx.query<{ email: string }>("select email from users where id = $1", [userId])).rows[0];
  if (!user) throw new Error("user not found");
  const prev = (await tx.query<{ role: Role }>("select role from memberships where org_id = $1 and user_id = $2", [orgId, userId])).rows[0];
  await tx.query(
    "insert into memberships (org_id, user_id, role, created_at) values ($1,$2,$3,$4) on conflict (org_id, user_id) do update set role = excluded.role",
    [orgId, userId, role, at],
  );
  await recordChange(tx, orgId, actor, at, {
    entityType: "membership",
    entityId: userId,
    entityLabel: user.email,
    action: prev ? "update" : "create",
    before: prev ? { userId, email: user.email, role: prev.role } : null,
    after: { userId, email: user.email, role },
  });
}
