import {
  CommitImportSchema,
  ImportListItemSchema,
  ImportSessionCreateSchema,
  ImportSessionSchema,
  ImportSummarySchema,
  SpendOverviewSchema,
  SpendQuerySchema,
  SpendRateInputSchema,
  SpendRateSchema,
  SpendRowSchema,
  SpendRuleInputSchema,
  SpendRuleSchema,
  StageRecordsSchema,
  UsageImportSchema,
} from "@caio/core";
import type { Store } from "@caio/db";
import { createPricer, negotiatedHook } from "@caio/spend";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";

const RangeQuerySchema = SpendQuerySchema.omit({ by: true });
const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };

/**
 * Reprices a provider's stored records at the organization's current negotiated rates (after a
 * rate changes). Returns how many records changed.
 */
export async function repriceProvider(store: Store, orgId: string, provider: string): Promise<number> {
  const pricer = createPricer({ negotiated: negotiatedHook(await store.spendRules.listRates(orgId)) });
  const updates: { recordKey: string; listCostMicros: string | null }[] = [];
  for (const row of await store.spendRules.pricingRows(orgId, provider)) {
    const priced = pricer.price(provider, row.modelReported, new Date(row.periodStart), row);
    const next = priced?.micros.toString() ?? null;
    if (next !== row.listCostMicros) updates.push({ recordKey: row.recordKey, listCostMicros: next });
  }
  return store.spendRules.setListCosts(orgId, updates);
}

/** The spend ledger: imports (one request, or staged in batches), rollups, attribution rules and negotiated rates. */
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
      path: "/orgs/{org}/imports",
      tags,
      security,
      summary: "The import history, newest first",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(ImportListItemSchema) }), "Imports"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.spend.listImports(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/import-sessions",
      tags,
      security,
      summary: "Open a staged import for a file too large for one request; send batches, then commit (all or nothing) or delete",
      request: { params: OrgParams, body: body(ImportSessionCreateSchema) },
      responses: { 201: json(ImportSessionSchema, "Opened"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json(await c.var.deps.store.spend.openSession(org.id, c.req.valid("json"), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/import-sessions/{id}/records",
      tags,
      security,
      summary: "Add a batch of up to 50,000 records to a staged import",
      request: { params: OrgIdParams, body: body(StageRecordsSchema) },
      responses: { 200: json(z.object({ recordsStaged: z.number().int() }), "Staged"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org } = await orgAccess(c, p.org, "editor");
      return c.json({ recordsStaged: await c.var.deps.store.spend.stage(org.id, p.id, c.req.valid("json").records) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/import-sessions/{id}/commit",
      tags,
      security,
      summary: "Store a staged import in one transaction; records already stored, or overlapping stored buckets of the same series, count as duplicates",
      request: { params: OrgIdParams, body: body(CommitImportSchema) },
      responses: { 201: json(ImportSummarySchema, "Imported"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      return c.json(await c.var.deps.store.spend.commit(org.id, p.id, c.req.valid("json").fileSha256, actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{org}/import-sessions/{id}",
      tags,
      security,
      summary: "Abandon a staged import; nothing from it is stored",
      request: { params: OrgIdParams },
      responses: { 204: { description: "Dropped" }, ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org } = await orgAccess(c, p.org, "editor");
      await c.var.deps.store.spend.abort(org.id, p.id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/spend",
      tags,
      security,
      summary: "Spend grouped by provider, model, system, team, month, day, source, project or workspace (micro-units as decimal strings)",
      request: { params: OrgParams, query: SpendQuerySchema },
      responses: { 200: json(z.object({ items: z.array(SpendRowSchema) }), "Rollup"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const q = c.req.valid("query");
      return c.json({ items: await c.var.deps.store.spend.rollup(org.id, q.by, { from: q.from, to: q.to }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/spend/overview",
      tags,
      security,
      summary: "Total spend, the monthly trend, unattributed spend and records left out (superseded or in another currency)",
      request: { params: OrgParams, query: RangeQuerySchema },
      responses: { 200: json(SpendOverviewSchema, "Overview"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      const q = c.req.valid("query");
      return c.json(await c.var.deps.store.spend.overview(org.id, { from: q.from, to: q.to }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/spend/rules",
      tags,
      security,
      summary: "Attribution rules in the order they are tried, with the spend each attributes",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(SpendRuleSchema) }), "Rules"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.spendRules.listRules(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/spend/rules",
      tags,
      security,
      summary: "Add an attribution rule (applies to all usage, past and future)",
      request: { params: OrgParams, body: body(SpendRuleInputSchema) },
      responses: { 201: json(SpendRuleSchema, "Created"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json(await c.var.deps.store.spendRules.createRule(org.id, c.req.valid("json"), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/orgs/{org}/spend/rules/{id}",
      tags,
      security,
      summary: "Replace an attribution rule",
      request: { params: OrgIdParams, body: body(SpendRuleInputSchema) },
      responses: { 200: json(SpendRuleSchema, "Updated"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      return c.json(await c.var.deps.store.spendRules.updateRule(org.id, p.id, c.req.valid("json"), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{org}/spend/rules/{id}",
      tags,
      security,
      summary: "Delete an attribution rule",
      request: { params: OrgIdParams },
      responses: { 204: { description: "Deleted" }, ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      await c.var.deps.store.spendRules.removeRule(org.id, p.id, actor);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/spend/rates",
      tags,
      security,
      summary: "Negotiated rates that override list prices",
      request: { params: OrgParams },
      responses: { 200: json(z.object({ items: z.array(SpendRateSchema) }), "Rates"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json({ items: await c.var.deps.store.spendRules.listRates(org.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/orgs/{org}/spend/rates",
      tags,
      security,
      summary: "Set the negotiated rate of a provider (or one of its models) and reprice its stored usage",
      request: { params: OrgParams, body: body(SpendRateInputSchema) },
      responses: { 200: json(SpendRateSchema.extend({ repriced: z.number().int() }), "Saved"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "admin");
      const store = c.var.deps.store;
      const rate = await store.spendRules.setRate(org.id, c.req.valid("json"), actor);
      return c.json({ ...rate, repriced: await repriceProvider(store, org.id, rate.provider) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/orgs/{org}/spend/rates/{id}",
      tags,
      security,
      summary: "Remove a negotiated rate and reprice the provider's stored usage at list prices",
      request: { params: OrgIdParams },
      responses: { 200: json(z.object({ repriced: z.number().int() }), "Removed"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "admin");
      const store = c.var.deps.store;
      const removed = await store.spendRules.removeRate(org.id, p.id, actor);
      return c.json({ repriced: await repriceProvider(store, org.id, removed.provider) }, 200);
    },
  );
  return app;
}
