import { FindingListQuerySchema, RepositorySummarySchema, ScanStoredSchema, ScanUploadSchema, StoredFindingSchema } from "@caio/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgParams, security } from "../openapi.js";

/** Repository scans (`caio scan`), their findings, and shadow AI. */
export function discoveryRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["discovery"];

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/discovery/key",
      tags,
      security,
      summary: "The organization's key for secret fingerprints, so fingerprints from every scanner agree (never a secret itself)",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ fingerprintKey: z.string() }), "Key"), ...errors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json({ fingerprintKey: await c.var.deps.store.discovery.fingerprintKey(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/scans",
      tags,
      security,
      summary: "Store a scan: findings per repository; findings no longer seen are marked gone",
      request: { params: OrgParams, body: body(ScanUploadSchema) },
      responses: { 201: json(ScanStoredSchema, "Stored"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json(await c.var.deps.store.discovery.recordScan(org.id, c.req.valid("json"), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/repositories",
      tags,
      security,
      summary: "Scanned repositories with finding counts",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(RepositorySummarySchema) }), "Repositories"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.discovery.repositories(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/findings",
      tags,
      security,
      summary: "Findings, with the inventory component and systems each matches",
      request: { params: OrgParams, query: FindingListQuerySchema },
      responses: { 200: json(z.object({ items: z.array(StoredFindingSchema) }), "Findings"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.discovery.findings(org.id, c.req.valid("query")) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/shadow",
      tags,
      security,
      summary: "Shadow AI: runtime AI found in code that belongs to no registered system",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(StoredFindingSchema) }), "Shadow AI"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.discovery.findings(org.id, { status: "open", shadow: "true" }) }, 200);
    },
  );
  return app;
}
