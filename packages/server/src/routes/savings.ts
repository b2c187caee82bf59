import {
  ModelPolicySchema,
  NotFoundError,
  RecommendationSchema,
  RecommendationStatusChangeSchema,
  ReconciliationSchema,
  SavingsQuerySchema,
  SavingsReportSchema,
  StoredModelPolicySchema,
} from "@caio/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgParams, security } from "../openapi.js";
import { computeReconciliation, computeSavings } from "../services/savings.js";

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const RecParams = OrgParams.extend({ id: z.string().regex(/^[0-9a-f]{16}$/, "must be a recommendation id (16 hex characters)") });

/** Savings recommendations with their statuses, reconciliation, and the organization's model policy. */
export function savingsRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["savings"];

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/savings",
      tags,
      security,
      summary:
        "Savings recommendations computed from usage over a window (default: the 90 days ending at the last day with usage), with statuses and a summary",
      request: { params: OrgParams, query: SavingsQuerySchema },
      responses: { 200: json(SavingsReportSchema, "Recommendations"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const { report } = await computeSavings(c.var.deps.store, org.id, c.req.valid("query"));
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/orgs/{org}/savings/{id}/status",
      tags,
      security,
      summary: "Set a recommendation's status (open, accepted, dismissed, done) with a note; recorded in the audit ledger",
      request: { params: RecParams, query: SavingsQuerySchema, body: body(RecommendationStatusChangeSchema) },
      responses: { 200: json(RecommendationSchema, "The recommendation with its new status"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      const store = c.var.deps.store;
      const change = c.req.valid("json");
      const { computed } = await computeSavings(store, org.id, c.req.valid("query"));
      const rec = computed.find((r) => r.id === p.id);
      if (!rec) throw new NotFoundError(`no recommendation ${p.id} in this organization's current savings`);
      await store.savings.setStatus(
        org.id,
        { id: rec.id, type: rec.type, title: rec.title, monthlySavingMicros: rec.baselineMonthlyMicros - rec.projectedMonthlyMicros },
        change.status,
        change.note,
        actor,
      );
      const { report } = await computeSavings(store, org.id, c.req.valid("query"));
      const updated = report.recommendations.find((r) => r.id === rec.id);
      if (!updated) throw new NotFoundError(`no recommendation ${p.id}`);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/reconciliation",
      tags,
      security,
      summary: "Stale systems, unattributed spend, shadow AI, vendors without contract or DPA, and models the policy does not allow",
      request: { params: OrgParams, query: SavingsQuerySchema },
      responses: { 200: json(ReconciliationSchema, "Reconciliation"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await computeReconciliation(c.var.deps.store, org.id, c.req.valid("query")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/model-policy",
      tags,
      security,
      summary: "The organization's model policy (allowed providers, allowed and denied models), or null",
      request: { params: OrgParams },
      responses: { 200: json(StoredModelPolicySchema, "Model policy"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await c.var.deps.store.savings.modelPolicy(org.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/orgs/{org}/model-policy",
      tags,
      security,
      summary: "Replace the model policy (admin); recorded in the audit ledger",
      request: { params: OrgParams, body: body(ModelPolicySchema) },
      responses: { 200: json(StoredModelPolicySchema, "Model policy"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "admin");
      return c.json(await c.var.deps.store.savings.setModelPolicy(org.id, c.req.valid("json"), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{org}/model-policy",
      tags,
      security,
      summary: "Remove the model policy (admin): every model is allowed",
      request: { params: OrgParams },
      responses: { 200: json(StoredModelPolicySchema, "Model policy removed"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "admin");
      return c.json(await c.var.deps.store.savings.setModelPolicy(org.id, null, actor), 200);
    },
  );

  return app;
}
