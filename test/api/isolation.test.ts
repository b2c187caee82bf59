import { randomUUID } from "node:crypto";
import { quarterOfDate, ROLES, type Role, roleAtLeast, SystemCreateSchema, toWireRecord, UseCaseCreateSchema, VendorCreateSchema } from "@caio/core";
import { buildBoardReport, computeSavings } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Fixture, fixture, PASSWORD } from "../helpers/api.js";
import { policyVersion } from "../helpers/policies.js";
import { sampleScan } from "../helpers/scan.js";
import { usageRecord } from "../helpers/spend.js";

interface RouteCase {
  /** Least role that may call the route. */
  min: Role;
  ok: number;
  body?: () => unknown;
  /** Creates a fresh target and returns the value for {id} / {userId}. */
  target?: (f: Fixture) => Promise<string>;
}

const actor = { label: "local:test" };
const TRACKED_OBLIGATION = "aia.art4.literacy";
const fresh = {
  system: async (f: Fixture) => (await f.store.systems.create(f.orgA.id, SystemCreateSchema.parse({ name: `tmp ${randomUUID()}` }), actor)).id,
  vendor: async (f: Fixture) => (await f.store.vendors.create(f.orgA.id, VendorCreateSchema.parse({ name: `tmp ${randomUUID()}` }), actor)).id,
  component: async (f: Fixture) =>
    (
      await f.store.components.create(
        f.orgA.id,
        {
          kind: "sdk",
          name: `tmp ${randomUUID()}`,
          provider: "",
          identifier: "",
          version: "",
          hosting: "self-hosted",
          vendorId: null,
          notes: "",
          systemIds: [],
        },
        actor,
      )
    ).id,
  member: async (f: Fixture) => {
    const u = await f.store.users.create(`m-${randomUUID()}@a.example`, "m", PASSWORD);
    await f.store.users.setRole(f.orgA.id, u.id, "viewer", actor);
    return u.id;
  },
  token: async (f: Fixture) => (await f.store.tokens.create(f.orgA.id, null, `tmp-${randomUUID()}`, "viewer", actor)).id,
  importSession: async (f: Fixture) => (await f.store.spend.openSession(f.orgA.id, { source: "csv", fileName: "tmp.csv" }, actor)).id,
  spendRule: async (f: Fixture) => (await f.store.spendRules.createRule(f.orgA.id, { field: "project", value: `p-${randomUUID()}`, team: "T" }, actor)).id,
  /** A system whose latest classification carries {@link TRACKED_OBLIGATION}. */
  classifiedSystem: async (f: Fixture) => {
    const id = (await f.store.systems.create(f.orgA.id, SystemCreateSchema.parse({ name: `tmp ${randomUUID()}` }), actor)).id;
    const obligation = {
      id: TRACKED_OBLIGATION,
      framework: "eu-ai-act",
      title: "AI literacy",
      summary: "",
      cite: ["AI Act Art 4"],
      roles: ["deployer" as const],
      dueDate: "2025-02-02",
      dateBasis: { law: "2024/1689", status: "in-force" as const },
      evidence: [],
      crosswalk: { nist: [], iso42001: [] },
    };
    const result = {
      rulesetVersion: "test",
      law: "original" as const,
      asOf: "2026-11-23",
      status: "complete" as const,
      labels: [],
      roles: [],
      conformityRoute: null,
      obligations: [obligation],
      extraChecks: [],
      unknowns: [],
      pending: [],
    };
    await f.store.governance.saveClassification(f.orgA.id, id, { law: "original", asOf: "2026-11-23", answers: {}, result }, actor);
    return id;
  },
  /** An API key with traffic only in January, quiet by March: a recommendation to retire it. */
  recommendation: async (f: Fixture) => {
    const key = randomUUID().replace(/-/g, "").padEnd(64, "0");
    await f.store.spend.importRecords(
      f.orgA.id,
      { source: "openai-usage", fileName: `quiet-${key}.json`, fileSha256: "0".repeat(64) },
      [usageRecord("2026-01-05", 10n, { apiKeyHash: key, projectId: null }), usageRecord("2026-03-20", 10n, { projectId: "proj_live" })],
      actor,
    );
    const { computed } = await computeSavings(f.store, f.orgA.id);
    const rec = computed.find((r) => r.type === "unused-capacity" && r.evidence.some((e) => e.label.includes(key.slice(0, 12))));
    if (!rec) throw new Error("the quiet-key recommendation was not computed");
    return rec.id;
  },
  spendRate: async (f: Fixture) => (await f.store.spendRules.setRate(f.orgA.id, { provider: `p-${randomUUID().slice(0, 8)}`, multiplier: "0.5" }, actor)).id,
  risk: async (f: Fixture) =>
    (
      await f.store.risks.create(
        f.orgA.id,
        {
          title: `risk ${randomUUID()}`,
          description: "",
          likelihood: 3,
          severity: 4,
          owner: "",
          mitigation: "",
          status: "open",
          reviewDate: null,
          systemIds: [f.orgA.systemId],
          obligationIds: [],
        },
        actor,
      )
    ).id,
  incident: async (f: Fixture) =>
    (
      await f.store.incidents.create(
        f.orgA.id,
        {
          title: `incident ${randomUUID()}`,
          description: "",
          systemId: f.orgA.systemId,
          occurredAt: null,
          awareOn: "2025-06-02",
          severity: "serious",
          status: "open",
          reportedOn: null,
          notes: "",
        },
        actor,
      )
    ).id,
  useCase: async (f: Fixture) =>
    (await f.store.portfolio.create(f.orgA.id, UseCaseCreateSchema.parse({ name: `use case ${randomUUID()}`, systemId: f.orgA.systemId }), actor)).id,
  /** A stored board pack of org A for the current quarter. */
  report: async (f: Fixture) => {
    const today = f.store.now().slice(0, 10);
    const quarter = quarterOfDate(today);
    const model = await buildBoardReport(f.store, { id: f.orgA.id, slug: f.orgA.slug, name: "A Corp" }, quarter, today);
    const content = new TextEncoder().encode(`# A Corp — AI board pack ${quarter}\n`);
    return (
      await f.store.reports.create(f.orgA.id, { quarter, format: "md", title: "A pack", mediaType: "text/markdown; charset=utf-8", content, model }, actor)
    ).id;
  },
};
const existing = (key: "systemId" | "vendorId" | "componentId") => async (f: Fixture) => f.orgA[key];

/** Every organization-scoped route, the role it needs and a valid call. The test fails when a route is missing here. */
const CASES: Record<string, RouteCase> = {
  "get /orgs/{org}": { min: "viewer", ok: 200 },
  "get /orgs/{org}/members": { min: "viewer", ok: 200 },
  "post /orgs/{org}/members": { min: "admin", ok: 201, body: () => ({ email: `n-${randomUUID()}@a.example`, role: "viewer", password: PASSWORD }) },
  "patch /orgs/{org}/members/{userId}": { min: "admin", ok: 200, body: () => ({ role: "editor" }), target: fresh.member },
  "delete /orgs/{org}/members/{userId}": { min: "admin", ok: 204, target: fresh.member },
  "get /orgs/{org}/tokens": { min: "admin", ok: 200 },
  "post /orgs/{org}/tokens": { min: "editor", ok: 201, body: () => ({ name: "t", role: "viewer" }) },
  "delete /orgs/{org}/tokens/{id}": { min: "admin", ok: 204, target: fresh.token },
  "get /orgs/{org}/audit": { min: "viewer", ok: 200 },
  "get /orgs/{org}/audit/verify": { min: "viewer", ok: 200 },
  "get /orgs/{org}/export": { min: "admin", ok: 200 },
  "get /orgs/{org}/systems": { min: "viewer", ok: 200 },
  "post /orgs/{org}/systems": { min: "editor", ok: 201, body: () => ({ name: `new ${randomUUID()}` }) },
  "get /orgs/{org}/systems/{id}": { min: "viewer", ok: 200, target: existing("systemId") },
  "patch /orgs/{org}/systems/{id}": { min: "editor", ok: 200, body: () => ({ notes: "changed" }), target: existing("systemId") },
  "delete /orgs/{org}/systems/{id}": { min: "editor", ok: 204, target: fresh.system },
  "get /orgs/{org}/systems/{id}/history": { min: "viewer", ok: 200, target: existing("systemId") },
  "get /orgs/{org}/components": { min: "viewer", ok: 200 },
  "post /orgs/{org}/components": { min: "editor", ok: 201, body: () => ({ kind: "model", name: `c ${randomUUID()}` }) },
  "get /orgs/{org}/components/{id}": { min: "viewer", ok: 200, target: existing("componentId") },
  "patch /orgs/{org}/components/{id}": { min: "editor", ok: 200, body: () => ({ notes: "changed" }), target: existing("componentId") },
  "delete /orgs/{org}/components/{id}": { min: "editor", ok: 204, target: fresh.component },
  "get /orgs/{org}/components/{id}/history": { min: "viewer", ok: 200, target: existing("componentId") },
  "get /orgs/{org}/vendors": { min: "viewer", ok: 200 },
  "post /orgs/{org}/vendors": { min: "editor", ok: 201, body: () => ({ name: `v ${randomUUID()}` }) },
  "get /orgs/{org}/vendors/{id}": { min: "viewer", ok: 200, target: existing("vendorId") },
  "patch /orgs/{org}/vendors/{id}": { min: "editor", ok: 200, body: () => ({ notes: "changed" }), target: existing("vendorId") },
  "delete /orgs/{org}/vendors/{id}": { min: "editor", ok: 204, target: fresh.vendor },
  "get /orgs/{org}/vendors/{id}/history": { min: "viewer", ok: 200, target: existing("vendorId") },
  "get /orgs/{org}/discovery/key": { min: "editor", ok: 200 },
  "post /orgs/{org}/scans": { min: "editor", ok: 201, body: () => sampleScan(`repo-${randomUUID()}`) },
  "get /orgs/{org}/repositories": { min: "viewer", ok: 200 },
  "get /orgs/{org}/findings": { min: "viewer", ok: 200 },
  "get /orgs/{org}/shadow": { min: "viewer", ok: 200 },
  "post /orgs/{org}/imports": {
    min: "editor",
    ok: 201,
    body: () => ({ source: "openai-usage", fileName: "empty.json", fileSha256: "0".repeat(64), records: [] }),
  },
  "get /orgs/{org}/spend": { min: "viewer", ok: 200 },
  "get /orgs/{org}/imports": { min: "viewer", ok: 200 },
  "post /orgs/{org}/import-sessions": { min: "editor", ok: 201, body: () => ({ source: "csv", fileName: "staged.csv" }) },
  "post /orgs/{org}/import-sessions/{id}/records": {
    min: "editor",
    ok: 200,
    body: () => ({ records: [toWireRecord(usageRecord("2026-01-05", 10n))] }),
    target: fresh.importSession,
  },
  "post /orgs/{org}/import-sessions/{id}/commit": { min: "editor", ok: 201, body: () => ({ fileSha256: "0".repeat(64) }), target: fresh.importSession },
  "delete /orgs/{org}/import-sessions/{id}": { min: "editor", ok: 204, target: fresh.importSession },
  "get /orgs/{org}/spend/overview": { min: "viewer", ok: 200 },
  "get /orgs/{org}/spend/rules": { min: "viewer", ok: 200 },
  "post /orgs/{org}/spend/rules": { min: "editor", ok: 201, body: () => ({ field: "project", value: `proj_${randomUUID()}`, team: "Ops" }) },
  "put /orgs/{org}/spend/rules/{id}": { min: "editor", ok: 200, body: () => ({ field: "model", value: "gpt-4o", team: "Ops" }), target: fresh.spendRule },
  "delete /orgs/{org}/spend/rules/{id}": { min: "editor", ok: 204, target: fresh.spendRule },
  "get /orgs/{org}/spend/rates": { min: "viewer", ok: 200 },
  "put /orgs/{org}/spend/rates": { min: "admin", ok: 200, body: () => ({ provider: "openai", multiplier: "0.9" }) },
  "delete /orgs/{org}/spend/rates/{id}": { min: "admin", ok: 200, target: fresh.spendRate },
  "get /orgs/{org}/savings": { min: "viewer", ok: 200 },
  "put /orgs/{org}/savings/{id}/status": { min: "editor", ok: 200, body: () => ({ status: "accepted", note: "checked" }), target: fresh.recommendation },
  "get /orgs/{org}/reconciliation": { min: "viewer", ok: 200 },
  "get /orgs/{org}/rules": { min: "viewer", ok: 200 },
  "get /orgs/{org}/systems/{id}/classification": { min: "viewer", ok: 200, target: existing("systemId") },
  "post /orgs/{org}/systems/{id}/classification/preview": {
    min: "editor",
    ok: 200,
    body: () => ({ answers: { "aia.scope.ai-system": "yes" } }),
    target: existing("systemId"),
  },
  "post /orgs/{org}/systems/{id}/classification": { min: "editor", ok: 201, body: () => ({ answers: { "aia.scope.ai-system": "yes" } }), target: fresh.system },
  "get /orgs/{org}/systems/{id}/classifications": { min: "viewer", ok: 200, target: existing("systemId") },
  "get /orgs/{org}/obligations": { min: "viewer", ok: 200 },
  "patch /orgs/{org}/systems/{id}/obligations/{obligationId}": {
    min: "editor",
    ok: 200,
    body: () => ({ status: "in-progress" }),
    target: fresh.classifiedSystem,
  },
  "get /orgs/{org}/model-policy": { min: "viewer", ok: 200 },
  "put /orgs/{org}/model-policy": { min: "admin", ok: 200, body: () => ({ models: { deny: ["o1*"] } }) },
  "delete /orgs/{org}/model-policy": { min: "admin", ok: 200 },
  "get /orgs/{org}/policies": { min: "viewer", ok: 200 },
  "post /orgs/{org}/policies/generate": { min: "editor", ok: 200, body: () => ({ kinds: ["acceptable-use"] }) },
  "get /orgs/{org}/policies/versions/{id}": { min: "viewer", ok: 200, target: (f) => policyVersion(f.store, f.orgA.id, "draft") },
  "put /orgs/{org}/policies/versions/{id}": {
    min: "editor",
    ok: 200,
    body: () => ({ markdown: `# Edited policy\n\n${randomUUID()}\n` }),
    target: (f) => policyVersion(f.store, f.orgA.id, "editable"),
  },
  "post /orgs/{org}/policies/versions/{id}/submit": { min: "editor", ok: 200, target: (f) => policyVersion(f.store, f.orgA.id, "draft") },
  "post /orgs/{org}/policies/versions/{id}/approve": {
    min: "approver",
    ok: 200,
    body: () => ({ note: "board sign-off" }),
    target: (f) => policyVersion(f.store, f.orgA.id, "in-review"),
  },
  "post /orgs/{org}/policies/versions/{id}/reject": {
    min: "approver",
    ok: 200,
    body: () => ({ reason: "needs work" }),
    target: (f) => policyVersion(f.store, f.orgA.id, "in-review"),
  },
  "get /orgs/{org}/risks": { min: "viewer", ok: 200 },
  "post /orgs/{org}/risks": { min: "editor", ok: 201, body: () => ({ title: `r ${randomUUID()}`, likelihood: 2, severity: 5 }) },
  "get /orgs/{org}/risks/{id}": { min: "viewer", ok: 200, target: fresh.risk },
  "patch /orgs/{org}/risks/{id}": { min: "editor", ok: 200, body: () => ({ status: "mitigating" }), target: fresh.risk },
  "delete /orgs/{org}/risks/{id}": { min: "editor", ok: 204, target: fresh.risk },
  "get /orgs/{org}/risks/{id}/history": { min: "viewer", ok: 200, target: fresh.risk },
  "get /orgs/{org}/incidents": { min: "viewer", ok: 200 },
  "post /orgs/{org}/incidents": { min: "editor", ok: 201, body: () => ({ title: `i ${randomUUID()}`, awareOn: "2025-06-02", severity: "death" }) },
  "get /orgs/{org}/incidents/{id}": { min: "viewer", ok: 200, target: fresh.incident },
  "patch /orgs/{org}/incidents/{id}": { min: "editor", ok: 200, body: () => ({ status: "reported", reportedOn: "2025-06-10" }), target: fresh.incident },
  "get /orgs/{org}/incidents/{id}/history": { min: "viewer", ok: 200, target: fresh.incident },
  "get /orgs/{org}/usecases": { min: "viewer", ok: 200 },
  "post /orgs/{org}/usecases": { min: "editor", ok: 201, body: () => ({ name: `uc ${randomUUID()}`, annualValue: "250000" }) },
  "get /orgs/{org}/usecases/{id}": { min: "viewer", ok: 200, target: fresh.useCase },
  "patch /orgs/{org}/usecases/{id}": { min: "editor", ok: 200, body: () => ({ owner: "Ops", funded: true }), target: fresh.useCase },
  "delete /orgs/{org}/usecases/{id}": { min: "editor", ok: 204, target: fresh.useCase },
  "get /orgs/{org}/usecases/{id}/history": { min: "viewer", ok: 200, target: fresh.useCase },
  "post /orgs/{org}/usecases/{id}/actuals": { min: "editor", ok: 201, body: () => ({ on: "2025-06-02", value: 3, note: "June" }), target: fresh.useCase },
  "get /orgs/{org}/roadmap": { min: "viewer", ok: 200 },
  "get /orgs/{org}/roi": { min: "viewer", ok: 200 },
  "get /orgs/{org}/assessment": { min: "viewer", ok: 200 },
  "post /orgs/{org}/assessment": { min: "editor", ok: 201, body: () => ({ answers: { engineers: 40, gap: "technology" } }) },
  "get /orgs/{org}/assessments": { min: "viewer", ok: 200 },
  "get /orgs/{org}/plan": { min: "viewer", ok: 200 },
  "put /orgs/{org}/plan": { min: "admin", ok: 200, body: () => ({ start: "2026-01-05" }) },
  "get /orgs/{org}/reports/model": { min: "viewer", ok: 200 },
  "get /orgs/{org}/reports/preview": { min: "viewer", ok: 200 },
  "post /orgs/{org}/reports": { min: "editor", ok: 201, body: () => ({ quarter: quarterOfDate(new Date().toISOString()), format: "md" }) },
  "get /orgs/{org}/reports": { min: "viewer", ok: 200 },
  "get /orgs/{org}/reports/{id}": { min: "viewer", ok: 200, target: fresh.report },
  "get /orgs/{org}/reports/{id}/content": { min: "viewer", ok: 200, target: fresh.report },
};

/** Routes without an organization in the path, covered by their own tests. */
const GLOBAL_ROUTES = ["post /auth/login", "post /auth/logout", "get /me", "get /health", "get /orgs", "post /orgs", "post /restore"];

function fill(path: string, org: string, id?: string): string {
  return path
    .replace("{org}", org)
    .replace(/\{(id|userId)\}/, id ?? "")
    .replace("{obligationId}", TRACKED_OBLIGATION);
}

describe("organization isolation and roles, for every API route", () => {
  let f: Fixture;
  let routes: string[];
  beforeAll(async () => {
    f = await fixture();
    const doc = (await (await f.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
  });
  afterAll(async () => f.close());

  it("has a case for every route in the OpenAPI document", () => {
    const known = new Set([...Object.keys(CASES), ...GLOBAL_ROUTES]);
    expect(routes.filter((r) => !known.has(r))).toEqual([]);
    expect(Object.keys(CASES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const [key, rc] of Object.entries(CASES)) {
    const [method = "get", path = ""] = key.split(" ");
    const upper = method.toUpperCase();

    describe(key, () => {
      it("refuses another organization's admin (session and token) with 404, changing nothing", async () => {
        const id = rc.target ? await rc.target(f) : undefined;
        const before = (await f.store.audit.verify(f.orgA.id)).entries;
        for (const auth of [{ session: f.sessions.outsider }, { token: f.tokens.outsider }]) {
          const res = await call(f.app, upper, fill(path, f.orgA.slug, id), { ...auth, body: rc.body?.() });
          expect(res.status, `${key} as outsider`).toBe(404);
          const body = (await res.json()) as { error: { code: string } };
          expect(body.error.code).toBe("not_found");
        }
        if (id) {
          // the outsider's own organization in the path, our record's id: still not found
          const res = await call(f.app, upper, fill(path, f.orgB.slug, id), { session: f.sessions.outsider, body: rc.body?.() });
          expect(res.status, `${key} in the outsider's own organization`).toBe(404);
        }
        expect((await f.store.audit.verify(f.orgA.id)).entries).toBe(before);
      });

      it("refuses roles below its minimum with 403 and a signed-out caller with 401", async () => {
        const id = rc.target ? await rc.target(f) : undefined;
        for (const role of ROLES.filter((r) => !roleAtLeast(r, rc.min))) {
          for (const auth of [{ session: f.sessions[role] }, { token: f.tokens[role] }]) {
            const res = await call(f.app, upper, fill(path, f.orgA.slug, id), { ...auth, body: rc.body?.() });
            expect(res.status, `${key} as ${role}`).toBe(403);
          }
        }
        const anon = await call(f.app, upper, fill(path, f.orgA.slug, id), { body: rc.body?.() });
        expect(anon.status).toBe(401);
      });

      if (upper !== "GET") {
        it("refuses a session without the CSRF token", async () => {
          const id = rc.target ? await rc.target(f) : undefined;
          const res = await call(f.app, upper, fill(path, f.orgA.slug, id), { session: f.sessions.admin, csrf: false, body: rc.body?.() });
          expect(res.status).toBe(403);
        });
      }

      it(`allows ${rc.min} and above`, async () => {
        const id = rc.target ? await rc.target(f) : undefined;
        const res = await call(f.app, upper, fill(path, f.orgA.slug, id), { session: f.sessions[rc.min], body: rc.body?.() });
        expect(res.status, await res.clone().text()).toBe(rc.ok);
        const id2 = rc.target ? await rc.target(f) : undefined;
        const viaToken = await call(f.app, upper, fill(path, f.orgA.slug, id2), { token: f.tokens.admin, body: rc.body?.() });
        expect(viaToken.status).toBe(rc.ok);
      });
    });
  }

  it("lists only the caller's organizations", async () => {
    const res = await call(f.app, "GET", "/orgs", { session: f.sessions.outsider });
    const { items } = (await res.json()) as { items: { slug: string }[] };
    expect(items.map((o) => o.slug)).toEqual(["org-b"]);
    const viaToken = (await (await call(f.app, "GET", "/orgs", { token: f.tokens.viewer })).json()) as { items: { slug: string }[] };
    expect(viaToken.items.map((o) => o.slug)).toEqual(["org-a"]);
  });

  it("does not let a token create organizations or restore", async () => {
    expect((await call(f.app, "POST", "/orgs", { token: f.tokens.admin, body: { name: "X", slug: "x-org" } })).status).toBe(403);
    const doc = await f.store.exportOrg(f.orgB.id);
    const copy = { ...doc, organization: { ...doc.organization, slug: "b-copy", id: randomUUID() } };
    expect((await call(f.app, "POST", "/restore", { token: f.tokens.admin, body: copy })).status).toBe(403);
    expect(await f.store.orgs.bySlug("b-copy")).toBeNull();
  });

  it("does not let a token carry more rights than its creator", async () => {
    const res = await call(f.app, "POST", `/orgs/${f.orgA.slug}/tokens`, { session: f.sessions.editor, body: { name: "escalate", role: "admin" } });
    expect(res.status).toBe(403);
  });

  it("keeps the last admin", async () => {
    const members = (await (await call(f.app, "GET", `/orgs/${f.orgB.slug}/members`, { session: f.sessions.outsider })).json()) as {
      items: { userId: string; role: string }[];
    };
    const admin = members.items.find((m) => m.role === "admin");
    const res = await call(f.app, "PATCH", `/orgs/${f.orgB.slug}/members/${admin?.userId}`, { session: f.sessions.outsider, body: { role: "viewer" } });
    expect(res.status).toBe(409);
  });
});
