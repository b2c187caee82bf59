import { type EntityType, EntityVersionSchema, NotFoundError, type Role } from "@caio/core";
import type { Actor } from "@caio/db";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";

interface Repo<T, C, P, Q> {
  list(orgId: string, query: Q): Promise<{ items: T[]; total: number }>;
  get(orgId: string, id: string): Promise<T | null>;
  create(orgId: string, input: C, actor: Actor): Promise<T>;
  update(orgId: string, id: string, patch: P, actor: Actor): Promise<T>;
  remove(orgId: string, id: string, actor: Actor): Promise<void>;
}

export interface CrudSpec<T, C, P, Q> {
  /** URL segment, e.g. "systems". */
  path: string;
  entityType: EntityType;
  /** Human name for messages and docs, e.g. "AI system". */
  label: string;
  schema: z.ZodType<T>;
  createSchema: z.ZodType<C>;
  patchSchema: z.ZodType<P>;
  listQuery: z.ZodType<Q>;
  repo: (c: { var: AppEnv["Variables"] }) => Repo<T, C, P, Q>;
  /** Minimum role to change records (default editor). */
  writeRole?: Role;
}

/** List, create, read, update, delete and history routes for one inventory entity. */
export function crudRoutes<T, C, P, Q>(spec: CrudSpec<T, C, P, Q>) {
  const app = new OpenAPIHono<AppEnv>();
  const tags = [spec.path];
  const write = spec.writeRole ?? "editor";
  const base = `/orgs/{org}/${spec.path}`;
  const ListSchema = z.object({ items: z.array(spec.schema), total: z.number().int() });

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      security,
      summary: `List ${spec.label}s`,
      request: { params: OrgParams, query: spec.listQuery as z.ZodType<Q> & z.ZodObject },
      responses: { 200: json(ListSchema, `${spec.label}s`), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const result = await spec.repo(c).list(org.id, c.req.valid("query") as Q);
      return c.json(result as z.infer<typeof ListSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      security,
      summary: `Create a ${spec.label}`,
      request: { params: OrgParams, body: body(spec.createSchema) },
      responses: { 201: json(spec.schema, "Created"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, write);
      const created = await spec.repo(c).create(org.id, c.req.valid("json") as C, actor);
      return c.json(created as never, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags,
      security,
      summary: `Read one ${spec.label}`,
      request: { params: OrgIdParams },
      responses: { 200: json(spec.schema, spec.label), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      const found = await spec.repo(c).get(org.id, id);
      if (!found) throw new NotFoundError(spec.label);
      return c.json(found as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      tags,
      security,
      summary: `Change a ${spec.label} (send only the fields to change)`,
      request: { params: OrgIdParams, body: body(spec.patchSchema) },
      responses: { 200: json(spec.schema, "Updated"), ...errors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, write);
      const updated = await spec.repo(c).update(org.id, id, c.req.valid("json") as P, actor);
      return c.json(updated as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{id}`,
      tags,
      security,
      summary: `Delete a ${spec.label} (its history and audit entries remain)`,
      request: { params: OrgIdParams },
      responses: { 204: { description: "Deleted" }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, write);
      await spec.repo(c).remove(org.id, id, actor);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}/history`,
      tags,
      security,
      summary: `Every version of a ${spec.label}, newest first (also after deletion)`,
      request: { params: OrgIdParams },
      responses: { 200: json(z.object({ items: z.array(EntityVersionSchema) }), "Versions"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      return c.json({ items: await c.var.deps.store.history(org.id, spec.entityType, id) }, 200);
    },
  );
  return app;
}
