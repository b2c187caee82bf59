import {
  ClassificationPreviewSchema,
  ClassificationViewSchema,
  ClassifyRequestSchema,
  NotFoundError,
  ObligationQuerySchema,
  ObligationRowSchema,
  ObligationUpdateSchema,
  RulesetInfoSchema,
  StoredClassificationSchema,
} from "@caio/core";
import { rules } from "@caio/rules";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";
import { classificationView, classifySystem, obligationRows, previewClassification } from "../services/governance.js";

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const ObligationParams = OrgIdParams.extend({
  obligationId: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "must be an obligation id such as aia.art26.oversight"),
});

/** Classification of systems under the rule-set, and the obligations that follow. */
export function governanceRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["governance"];

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/rules",
      tags,
      security,
      summary: "The rule-set in force: id, version and changelog",
      request: { params: OrgParams },
      responses: { 200: json(RulesetInfoSchema, "Rule-set"), ...readErrors },
    }),
    async (c) => {
      await orgAccess(c, c.req.valid("param").org);
      const { id, version, changelog } = rules.ruleset;
      return c.json({ id, version, changelog: changelog.map((e) => ({ version: e.version, date: e.date, changes: [...e.changes] })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/systems/{id}/classification",
      tags,
      security,
      summary: "A system's latest classification, the questions that matter (answered or not, with pre-fills) and whether the rules changed since",
      request: { params: OrgIdParams },
      responses: { 200: json(ClassificationViewSchema, "Classification"), ...readErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org } = await orgAccess(c, p.org);
      return c.json(await classificationView(c.var.deps.store, org.id, p.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/systems/{id}/classification/preview",
      tags,
      security,
      summary: "The questions and result for answers not stored yet (nothing is recorded)",
      request: { params: OrgIdParams, body: body(ClassifyRequestSchema) },
      responses: { 200: json(ClassificationPreviewSchema, "Preview"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org } = await orgAccess(c, p.org, "editor");
      return c.json(await previewClassification(c.var.deps.store, org.id, p.id, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/systems/{id}/classification",
      tags,
      security,
      summary:
        "Classify a system: the stored answers with the changes sent (each recorded with who and when), stored with the rule-set version; `changes` says what moved",
      request: { params: OrgIdParams, body: body(ClassifyRequestSchema) },
      responses: { 201: json(ClassificationViewSchema, "Classified"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      return c.json(await classifySystem(c.var.deps.store, org.id, p.id, c.req.valid("json"), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/systems/{id}/classifications",
      tags,
      security,
      summary: "A system's classifications, newest first",
      request: { params: OrgIdParams },
      responses: { 200: json(z.object({ items: z.array(StoredClassificationSchema) }), "History"), ...readErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org } = await orgAccess(c, p.org);
      return c.json({ items: await c.var.deps.store.governance.history(org.id, p.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/obligations",
      tags,
      security,
      summary: "Obligations of every classified system with owner, status, due date and days left (`dueWithin` includes overdue ones)",
      request: { params: OrgParams, query: ObligationQuerySchema },
      responses: { 200: json(z.object({ items: z.array(ObligationRowSchema) }), "Obligations"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await obligationRows(c.var.deps.store, org.id, c.req.valid("query")) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/orgs/{org}/systems/{id}/obligations/{obligationId}",
      tags,
      security,
      summary: "Set an obligation's owner, status or evidence (audited)",
      request: { params: ObligationParams, body: body(ObligationUpdateSchema) },
      responses: { 200: json(ObligationRowSchema, "Obligation"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      const store = c.var.deps.store;
      const current = (await obligationRows(store, org.id, { system: p.id })).find((r) => r.obligation.id === p.obligationId);
      if (!current) throw new NotFoundError(`system has no obligation ${p.obligationId} in its latest classification`);
      const u = c.req.valid("json");
      await store.governance.track(
        org.id,
        p.id,
        p.obligationId,
        { owner: u.owner ?? current.owner, status: u.status ?? current.status, evidence: u.evidence ?? current.evidence },
        actor,
      );
      const updated = (await obligationRows(store, org.id, { system: p.id })).find((r) => r.obligation.id === p.obligationId);
      if (!updated) throw new NotFoundError(`no obligation ${p.obligationId}`);
      return c.json(updated, 200);
    },
  );

  return app;
}
