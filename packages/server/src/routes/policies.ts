import {
  PolicyApproveSchema,
  PolicyEditSchema,
  PolicyGenerateResultSchema,
  PolicyGenerateSchema,
  PolicyListSchema,
  PolicyRejectSchema,
  PolicyVersionDetailSchema,
  ValidationError,
} from "@caio/core";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { orgAccess } from "../auth.js";
import type { AppEnv } from "../env.js";
import { body, errors, json, OrgIdParams, OrgParams, security } from "../openapi.js";
import { generatePolicies, policyList, versionDetail } from "../services/policies.js";

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };

/**
 * The policy frame: the four policies generated from the organization's facts, their versions with
 * diffs, and review and approval ("board sign-off"), each step in the audit ledger with the digest.
 */
export function policyRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const tags = ["policies"];

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/policies",
      tags,
      security,
      summary: "The four policies, each with its latest version, its approved version and every version (newest first), without the text",
      request: { params: OrgParams },
      responses: { 200: json(PolicyListSchema, "Policies"), ...readErrors },
    }),
    async (c) => {
      const { org } = await orgAccess(c, c.req.valid("param").org);
      return c.json(await policyList(c.var.deps.store, org.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/policies/generate",
      tags,
      security,
      summary:
        "Generate policies (default: all four) from the organization's current facts: a new draft version where the text changed, nothing where it is the same or a version is in review",
      request: { params: OrgParams, body: body(PolicyGenerateSchema) },
      responses: { 200: json(PolicyGenerateResultSchema, "What happened to each policy"), ...errors },
    }),
    async (c) => {
      const { org, actor } = await orgAccess(c, c.req.valid("param").org, "editor");
      return c.json({ items: await generatePolicies(c.var.deps.store, org.id, c.req.valid("json").kinds, actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/orgs/{org}/policies/versions/{id}",
      tags,
      security,
      summary: "One version of a policy: its Markdown, digest, status, approval details and the line diff against the previous version",
      request: { params: OrgIdParams },
      responses: { 200: json(PolicyVersionDetailSchema, "Policy version"), ...readErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org } = await orgAccess(c, p.org);
      const store = c.var.deps.store;
      return c.json(await versionDetail(store, org.id, await store.policies.get(org.id, p.id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/orgs/{org}/policies/versions/{id}",
      tags,
      security,
      summary:
        "Edit: save new Markdown on top of this version, which must be the policy's latest and not in review; the text becomes the next version, a draft (an approved version never changes)",
      request: { params: OrgIdParams, body: body(PolicyEditSchema) },
      responses: { 200: json(PolicyVersionDetailSchema, "The new version"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      const store = c.var.deps.store;
      const base = await store.policies.get(org.id, p.id);
      const { created, version } = await store.policies.createVersion(org.id, base.kind, c.req.valid("json").markdown, "edited", actor, { basedOn: base.id });
      if (!created) throw new ValidationError("nothing to save", [{ path: "markdown", message: `is the same as version ${version.version}` }]);
      return c.json(await versionDetail(store, org.id, version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/policies/versions/{id}/submit",
      tags,
      security,
      summary: "Submit a draft (the policy's latest version) for review; recorded in the audit ledger with its digest",
      request: { params: OrgIdParams },
      responses: { 200: json(PolicyVersionDetailSchema, "The version, in review"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "editor");
      const store = c.var.deps.store;
      return c.json(await versionDetail(store, org.id, await store.policies.submit(org.id, p.id, actor)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/policies/versions/{id}/approve",
      tags,
      security,
      summary:
        "Approve a version in review (approver role: board sign-off); the previously approved version is superseded. Recorded in the audit ledger with the digest; with `digest`, refused unless it matches",
      request: { params: OrgIdParams, body: body(PolicyApproveSchema) },
      responses: { 200: json(PolicyVersionDetailSchema, "The approved version"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "approver");
      const store = c.var.deps.store;
      const b = c.req.valid("json");
      return c.json(await versionDetail(store, org.id, await store.policies.approve(org.id, p.id, { note: b.note, digest: b.digest }, actor)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/orgs/{org}/policies/versions/{id}/reject",
      tags,
      security,
      summary: "Reject a version in review with a reason (approver role): it goes back to draft; recorded in the audit ledger",
      request: { params: OrgIdParams, body: body(PolicyRejectSchema) },
      responses: { 200: json(PolicyVersionDetailSchema, "The version, back to draft"), ...errors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { org, actor } = await orgAccess(c, p.org, "approver");
      const store = c.var.deps.store;
      return c.json(await versionDetail(store, org.id, await store.policies.reject(org.id, p.id, c.req.valid("json").reason, actor)), 200);
    },
  );

  return app;
}
