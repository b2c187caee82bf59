import {
  ApiTokenCreatedSchema,
  ApiTokenCreateSchema,
  ApiTokenSchema,
  AuditEntrySchema,
  AuditListQuerySchema,
  AuditVerifySchema,
  ConflictError,
  ForbiddenError,
  MemberAddSchema,
  MemberPatchSchema,
  MemberSchema,
  NotFoundError,
  OrganizationCreateSchema,
  OrganizationExportSchema,
  OrganizationSchema,
  OrganizationWithRoleSchema,
  roleAtLeast,
  ValidationError,
} from "@caio/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf, orgAccess, requirePrincipal } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";

const OrgUserParams = OrgParams.extend({ userId: z.uuid({ message: "must be a UUID" }) });

export function orgRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs",
      tags: ["organizations"],
      security,
      summary: "Organizations the caller belongs to, with the caller's role",
      responses: { 200: json(z.object({ items: z.array(OrganizationWithRoleSchema) }), "Organizations"), 401: errors[401] },
    }),
    async (c) => {
      const p = requirePrincipal(c);
      const { store } = c.var.deps;
      if (p.kind === "session") return c.json({ items: await store.orgs.forUser(p.userId) }, 200);
      if (p.kind === "token") {
        const o = await store.orgs.byId(p.orgId);
        return c.json({ items: o ? [{ ...o, role: p.role }] : [] }, 200);
      }
      return c.json({ items: (await store.orgs.all()).map((o) => ({ ...o, role: "admin" as const })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs",
      tags: ["organizations"],
      security,
      summary: "Create an organization; a signed-in creator becomes its admin",
      request: { body: body(OrganizationCreateSchema) },
      responses: { 201: json(OrganizationWithRoleSchema, "Created"), ...errors },
    }),
    async (c) => {
      const p = requirePrincipal(c);
      if (p.kind === "token") throw new ForbiddenError("API tokens belong to one organization and cannot create others; sign in instead");
      const org = await c.var.deps.store.orgs.create(c.req.valid("json"), actorOf(p), p.kind === "session" ? { adminUserId: p.userId } : {});
      return c.json({ ...org, role: "admin" as const }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}",
      tags: ["organizations"],
      security,
      summary: "One organization and the caller's role in it",
      request: { params: OrgParams },
      responses: { 200: json(OrganizationWithRoleSchema, "Organization"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org, role } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ ...org, role }, 200);
    },
  );

  // Members
  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/members",
      tags: ["members"],
      security,
      summary: "Members and their roles",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(MemberSchema) }), "Members"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.users.members(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/members",
      tags: ["members"],
      security,
      summary: "Add a member (creating the user when new, which needs a password)",
      request: { params: OrgParams, body: body(MemberAddSchema) },
      responses: { 201: json(MemberSchema, "Added"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "admin");
      const input = c.req.valid("json");
      const { store } = c.var.deps;
      let user = await store.users.byEmail(input.email);
      if (!user) {
        if (!input.password) throw new ValidationError("a new user needs a password", [{ path: "password", message: "is required for a new user" }]);
        user = await store.users.create(input.email, input.name, input.password);
      } else if (await store.users.roleIn(org.id, user.id)) {
        throw new ConflictError(`${input.email} is already a member`, [{ path: "email", message: "is already a member" }]);
      }
      await store.users.setRole(org.id, user.id, input.role, actor);
      const member = (await store.users.members(org.id)).find((m) => m.userId === user.id);
      return c.json(member as z.infer<typeof MemberSchema>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/orgs/{org}/members/{userId}",
      tags: ["members"],
      security,
      summary: "Change a member's role",
      request: { params: OrgUserParams, body: body(MemberPatchSchema) },
      responses: { 200: json(MemberSchema, "Updated"), ...errors },
    }),
    async (c) => {
      const { org: slug, userId } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "admin");
      const { store } = c.var.deps;
      const current = await store.users.roleIn(org.id, userId);
      if (!current) throw new NotFoundError("member");
      const { role } = c.req.valid("json");
      if (current === "admin" && role !== "admin" && (await store.users.adminCount(org.id)) <= 1) {
        throw new ConflictError("an organization needs at least one admin");
      }
      await store.users.setRole(org.id, userId, role, actor);
      const member = (await store.users.members(org.id)).find((m) => m.userId === userId);
      return c.json(member as z.infer<typeof MemberSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{org}/members/{userId}",
      tags: ["members"],
      security,
      summary: "Remove a member (and their API tokens for this organization)",
      request: { params: OrgUserParams },
      responses: { 204: { description: "Removed" }, ...errors },
    }),
    async (c) => {
      const { org: slug, userId } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "admin");
      const { store } = c.var.deps;
      const current = await store.users.roleIn(org.id, userId);
      if (!current) throw new NotFoundError("member");
      if (current === "admin" && (await store.users.adminCount(org.id)) <= 1) throw new ConflictError("an organization needs at least one admin");
      await store.users.removeMember(org.id, userId, actor);
      return c.body(null, 204);
    },
  );

  // API tokens
  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/tokens",
      tags: ["tokens"],
      security,
      summary: "Active API tokens (never their secrets)",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(ApiTokenSchema) }), "Tokens"), ...errors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org, "admin");
      return c.json({ items: await c.var.deps.store.tokens.list(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/tokens",
      tags: ["tokens"],
      security,
      summary: "Create an API token; the secret is in this response only",
      request: { params: OrgParams, body: body(ApiTokenCreateSchema) },
      responses: { 201: json(ApiTokenCreatedSchema, "Created"), ...errors },
    }),
    async (c) => {
      const { org, role, actor, principal } = await orgAccess(c, c.req.valid("param").org, "editor");
      const input = c.req.valid("json");
      const tokenRole = input.role ?? role;
      if (!roleAtLeast(role, tokenRole)) throw new ForbiddenError(`a token cannot have more rights than you (${role})`);
      const userId = principal.kind === "session" ? principal.userId : principal.kind === "token" ? principal.userId : null;
      return c.json(await c.var.deps.store.tokens.create(org.id, userId, input.name, tokenRole, actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{org}/tokens/{id}",
      tags: ["tokens"],
      security,
      summary: "Revoke an API token",
      request: { params: OrgIdParams },
      responses: { 204: { description: "Revoked" }, ...errors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "admin");
      await c.var.deps.store.tokens.revoke(org.id, id, actor);
      return c.body(null, 204);
    },
  );

  // Audit ledger
  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/audit",
      tags: ["audit"],
      security,
      summary: "Audit ledger entries, newest first",
      request: { params: OrgParams, query: AuditListQuerySchema },
      responses: {
        200: json(z.object({ items: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }), "Entries"),
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await c.var.deps.store.audit.list(org.id, c.req.valid("query")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/audit/verify",
      tags: ["audit"],
      security,
      summary: "Recompute the hash chain and name the first broken entry, if any",
      request: { params: OrgParams },
      responses: { 200: json(AuditVerifySchema, "Verdict"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await c.var.deps.store.audit.verify(org.id), 200);
    },
  );

  // Export and restore
  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/export",
      tags: ["transfer"],
      security,
      summary: "The whole organization as JSON (inventory, members without credentials, history, audit ledger)",
      request: { params: OrgParams },
      responses: { 200: json(OrganizationExportSchema, "Export"), ...errors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org, "admin");
      return c.json(await c.var.deps.store.exportOrg(org.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/restore",
      tags: ["transfer"],
      security,
      summary: "Restore an exported organization into this installation (its slug and ids must be free)",
      request: { body: body(OrganizationExportSchema) },
      responses: {
        201: json(z.object({ organization: OrganizationSchema, usersCreated: z.array(z.string()) }), "Restored"),
        ...errors,
      },
    }),
    async (c) => {
      const p = requirePrincipal(c);
      if (p.kind === "token") throw new ForbiddenError("restore needs a signed-in user or the local CLI");
      const { store } = c.var.deps;
      const result = await store.restoreOrg(c.req.valid("json"));
      if (p.kind === "session") {
        const role = await store.users.roleIn(result.organization.id, p.userId);
        if (role !== "admin") await store.users.setRole(result.organization.id, p.userId, "admin", actorOf(p));
      }
      return c.json(result, 201);
    },
  );
  return app;
}
