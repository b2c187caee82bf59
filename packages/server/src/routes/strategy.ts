import { AssessmentListSchema, AssessmentRequestSchema, AssessmentViewSchema, PlanSchema, PlanStartSchema, StoredAssessmentSchema } from "@caio/core";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgParams, security } from "../openapi.js";
import { assessmentView, computePlan, runAssessment } from "../services/strategy.js";

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };

/** The leadership-need assessment and the 30/60/90-day plan. */
export function strategyRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["strategy"];

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/assessment",
      tags,
      security,
      summary: "The leadership-need assessment: questions, thresholds with their sources, values prefilled from the inventory and spend, and the latest result",
      request: { params: OrgParams },
      responses: { 200: json(AssessmentViewSchema, "Assessment"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await assessmentView(c.var.deps.store, org.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/assessment",
      tags,
      security,
      summary: "Run the assessment rules over the answers and store the result (editor); recorded in the audit ledger",
      request: { params: OrgParams, body: body(AssessmentRequestSchema) },
      responses: { 201: json(StoredAssessmentSchema, "The stored assessment with its recommendation"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json(await runAssessment(c.var.deps.store, org.id, c.req.valid("json").answers, actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/assessments",
      tags,
      security,
      summary: "Every stored assessment, newest first",
      request: { params: OrgParams },
      responses: { 200: json(AssessmentListSchema, "Assessment history"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const items = (await c.var.deps.store.strategy.assessments(org.id)).map((a) => ({
        id: a.id,
        recommendation: a.result.recommendation,
        confidence: a.result.confidence,
        createdBy: a.createdBy,
        createdAt: a.createdAt,
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/plan",
      tags,
      security,
      summary: "The 30/60/90-day plan: three workstreams with milestones, progress measured from the organization's data, status by the clock",
      request: { params: OrgParams },
      responses: { 200: json(PlanSchema, "Plan"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await computePlan(c.var.deps.store, org), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/orgs/{org}/plan",
      tags,
      security,
      summary: "Set the plan's start date (admin; null: the organization's creation day); recorded in the audit ledger",
      request: { params: OrgParams, body: body(PlanStartSchema) },
      responses: { 200: json(PlanSchema, "Plan"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "admin");
      await c.var.deps.store.strategy.setPlanStart(org.id, c.req.valid("json").start, actor);
      return c.json(await computePlan(c.var.deps.store, org), 200);
    },
  );

  return app;
}
