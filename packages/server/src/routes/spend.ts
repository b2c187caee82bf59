import { ImportSummarySchema, SpendQuerySchema, SpendRowSchema, UsageImportSchema } from "@caio/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgParams, security } from "../openapi.js";

/** The spend ledger: imports of normalized usage records and rollups. */
export function spendRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["spend"];

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/imports",
      tags,
      security,
      summary: "Store one file's normalized usage records, all or nothing; records already stored count as duplicates",
      request: { params: OrgParams, body: body(UsageImportSchema) },
      responses: { 201: json(ImportSummarySchema, "Imported"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      const { records, ...file } = c.req.valid("json");
      return c.json(await c.var.deps.store.spend.importRecords(org.id, file, records, actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/spend",
      tags,
      security,
      summary: "Spend grouped by provider, model, month, day, source, project or workspace (micro-units as decimal strings)",
      request: { params: OrgParams, query: SpendQuerySchema },
      responses: { 200: json(z.object({ items: z.array(SpendRowSchema) }), "Rollup"), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const q = c.req.valid("query");
      return c.json({ items: await c.var.deps.store.spend.rollup(org.id, q.by, { from: q.from, to: q.to }) }, 200);
    },
  );
  return app;
}
