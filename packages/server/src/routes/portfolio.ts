import {
  buildRoadmap,
  EntityVersionSchema,
  KpiActualCreateSchema,
  KpiActualSchema,
  NotFoundError,
  RoadmapSchema,
  RoiReportSchema,
  roiReport,
  UseCaseCreateSchema,
  UseCaseListQuerySchema,
  UseCaseListSchema,
  UseCasePatchSchema,
  UseCaseViewSchema,
} from "@caio/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };

/**
 * The use-case portfolio: use cases with their scores, build / buy / wait / stop recommendation
 * and reasons, fund marks, stage gates and ROI, all computed on the server's day; KPI actuals;
 * the roadmap by quarter and the ROI report.
 */
export function portfolioRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["portfolio"];
  const base = "/orgs/{org}/usecases";

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      security,
      summary: "List use cases, highest priority first, with scores, recommendation and reasons, fund marks, stage gates and ROI",
      request: { params: OrgParams, query: UseCaseListQuerySchema },
      responses: { 200: json(UseCaseListSchema, "Use cases"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const store = c.var.deps.store;
      const { items, total } = await store.portfolio.list(org.id, c.req.valid("query"));
      return c.json({ items, total, today: store.portfolio.today() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      security,
      summary: "Add a use case (audited); the linked system must belong to the organization",
      request: { params: OrgParams, body: body(UseCaseCreateSchema) },
      responses: { 201: json(UseCaseViewSchema, "Created"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json(await c.var.deps.store.portfolio.create(org.id, c.req.valid("json"), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags,
      security,
      summary: "Read one use case with its assessment, gates, ROI and KPI actuals",
      request: { params: OrgIdParams },
      responses: { 200: json(UseCaseViewSchema, "Use case"), ...readErrors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      const found = await c.var.deps.store.portfolio.get(org.id, id);
      if (!found) throw new NotFoundError("use case");
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      tags,
      security,
      summary: "Change a use case (send only the fields to change): stage, dates, funding decision and the rest (audited)",
      request: { params: OrgIdParams, body: body(UseCasePatchSchema) },
      responses: { 200: json(UseCaseViewSchema, "Updated"), ...errors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "editor");
      return c.json(await c.var.deps.store.portfolio.update(org.id, id, c.req.valid("json"), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{id}`,
      tags,
      security,
      summary: "Delete a use case and its KPI actuals (its history and audit entries remain)",
      request: { params: OrgIdParams },
      responses: { 204: { description: "Deleted" }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "editor");
      await c.var.deps.store.portfolio.remove(org.id, id, actor);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}/history`,
      tags,
      security,
      summary: "Every version of a use case, newest first (also after deletion)",
      request: { params: OrgIdParams },
      responses: { 200: json(z.object({ items: z.array(EntityVersionSchema) }), "Versions"), ...readErrors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      return c.json({ items: await c.var.deps.store.history(org.id, "use-case", id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/actuals`,
      tags,
      security,
      summary: "Record a KPI actual (day, value in the KPI's unit, note) of a use case (audited)",
      request: { params: OrgIdParams, body: body(KpiActualCreateSchema) },
      responses: { 201: json(KpiActualSchema, "Recorded"), ...errors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "editor");
      return c.json(await c.var.deps.store.portfolio.recordActual(org.id, id, c.req.valid("json"), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/roadmap",
      tags,
      security,
      summary:
        "The funded use cases (or the recommended ones when none is funded) by quarter from today: pilot and production quarters, dependencies, investment per quarter",
      request: { params: OrgParams },
      responses: { 200: json(RoadmapSchema, "Roadmap"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const store = c.var.deps.store;
      return c.json(buildRoadmap(await store.portfolio.all(org.id), store.portfolio.today()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/roi",
      tags,
      security,
      summary: "ROI of the use cases in pilot or production: realized value from KPI actuals, costs, ROI, payback, stage gates and stalled pilots",
      request: { params: OrgParams },
      responses: { 200: json(RoiReportSchema, "ROI"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const store = c.var.deps.store;
      return c.json(roiReport(await store.portfolio.all(org.id), store.portfolio.today()), 200);
    },
  );

  return app;
}
