import {
  EntityVersionSchema,
  IncidentCreateSchema,
  IncidentListQuerySchema,
  IncidentPatchSchema,
  IncidentSchema,
  NotFoundError,
  RiskCreateSchema,
  RiskListQuerySchema,
  RiskPatchSchema,
  RiskSchema,
} from "@caio/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";
import { incidentView } from "../services/incidents.js";
import { crudRoutes } from "./crud.js";

/** The risk register: list (by score), create, read, change, delete and history. */
export const riskRoutes = () =>
  crudRoutes({
    path: "risks",
    entityType: "risk",
    label: "risk",
    schema: RiskSchema,
    createSchema: RiskCreateSchema,
    patchSchema: RiskPatchSchema,
    listQuery: RiskListQuerySchema,
    repo: (c) => c.var.deps.store.risks,
  });

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const IncidentListSchema = z.object({ items: z.array(IncidentSchema), total: z.number().int(), today: z.iso.date() });

/**
 * Incidents with their AI Act Art 73 reporting clocks. Every answer carries the deadline and the
 * days left counted from the server's day, so the CLI and the web app show the same countdown.
 * Incidents are never deleted: close them.
 */
export function incidentRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["incidents"];
  const base = "/orgs/{org}/incidents";
  const today = (c: { var: AppEnv["Variables"] }) => c.var.deps.store.now().slice(0, 10);

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      security,
      summary: "List incidents (open, then reported, then closed; earliest awareness first) with their reporting deadlines",
      request: { params: OrgParams, query: IncidentListQuerySchema },
      responses: { 200: json(IncidentListSchema, "Incidents"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const day = today(c);
      const items = (await c.var.deps.store.incidents.list(org.id, c.req.valid("query"))).map((r) => incidentView(r, day));
      return c.json({ items, total: items.length, today: day }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      security,
      summary: "Record an incident; serious ones get their Art 73 reporting deadline from the awareness date and severity (audited)",
      request: { params: OrgParams, body: body(IncidentCreateSchema) },
      responses: { 201: json(IncidentSchema, "Created"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      const created = await c.var.deps.store.incidents.create(org.id, c.req.valid("json"), actor);
      return c.json(incidentView(created, today(c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags,
      security,
      summary: "Read one incident with its reporting deadline",
      request: { params: OrgIdParams },
      responses: { 200: json(IncidentSchema, "Incident"), ...readErrors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      const found = await c.var.deps.store.incidents.get(org.id, id);
      if (!found) throw new NotFoundError("incident");
      return c.json(incidentView(found, today(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      tags,
      security,
      summary:
        "Change an incident (send only the fields to change); a new severity or awareness date moves the deadline. Mark it reported with status and reportedOn (audited)",
      request: { params: OrgIdParams, body: body(IncidentPatchSchema) },
      responses: { 200: json(IncidentSchema, "Updated"), ...errors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org, actor } = await orgAccess(c, slug, "editor");
      const updated = await c.var.deps.store.incidents.update(org.id, id, c.req.valid("json"), actor);
      return c.json(incidentView(updated, today(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}/history`,
      tags,
      security,
      summary: "Every version of an incident, newest first",
      request: { params: OrgIdParams },
      responses: { 200: json(z.object({ items: z.array(EntityVersionSchema) }), "Versions"), ...readErrors },
    }),
    async (c) => {
      const { org: slug, id } = c.req.valid("param");
      const { org } = await orgAccess(c, slug);
      return c.json({ items: await c.var.deps.store.history(org.id, "incident", id) }, 200);
    },
  );

  return app;
}
