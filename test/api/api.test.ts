import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Fixture, fixture, login, PASSWORD } from "../helpers/api.js";

describe("HTTP API", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(async () => f.close());

  it("publishes an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await f.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas?: unknown; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/orgs/{org}/systems/{id}");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearer", "session"]);
    const post = (
      doc.paths["/orgs/{org}/systems"] as { post: { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } } } }
    ).post;
    expect(Object.keys(post.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["name", "stage", "euNexus", "personalData"]),
    );
  });

  it("sets an HttpOnly SameSite session cookie on sign-in and ends it on sign-out", async () => {
    const res = await call(f.app, "POST", "/auth/login", { body: { email: "viewer@a.example", password: PASSWORD } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/caio_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = (await res.json()) as { user: { email: string }; csrfToken: string; organizations: { slug: string; role: string }[] };
    expect(me.user.email).toBe("viewer@a.example");
    expect(me.organizations).toEqual([expect.objectContaining({ slug: "org-a", role: "viewer" })]);
    const session = { cookie: cookie.split(";")[0] ?? "", csrf: me.csrfToken };
    expect((await call(f.app, "GET", "/me", { session })).status).toBe(200);
    expect((await call(f.app, "POST", "/auth/logout", { session })).status).toBe(204);
    expect((await call(f.app, "GET", "/me", { session })).status).toBe(401);
  });

  it("answers a wrong password with 401 and rate-limits repeated failures", async () => {
    const bad = await call(f.app, "POST", "/auth/login", { body: { email: "editor@a.example", password: "nope nope nope" } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe("wrong email or password");
    const unknown = await call(f.app, "POST", "/auth/login", { body: { email: "ghost@a.example", password: "nope nope nope" } });
    expect(unknown.status).toBe(401);
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await call(f.app, "POST", "/auth/login", { body: { email: "approver@a.example", password: `wrong ${i}` } })).status;
    expect(last).toBe(429);
  });

  it("lists every invalid field with its path and reason", async () => {
    const res = await call(f.app, "POST", `/orgs/${f.orgA.slug}/systems`, {
      session: f.sessions.editor,
      body: { name: "", stage: "launched", personalData: ["none", "personal"], tags: ["ok", "ok"], extra: 1, customerFacing: "yes" },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(error.code).toBe("validation");
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "stage", "personalData", "tags", "customerFacing"]));
    expect(error.issues.find((i) => i.path === "")?.message ?? error.issues.map((i) => i.message).join(" ")).toMatch(/extra/);
  });

  it("rejects malformed JSON and oversized bodies without a 500", async () => {
    const res = await call(f.app, "POST", `/orgs/${f.orgA.slug}/systems`, { session: f.sessions.editor, body: "{not json" });
    expect(res.status).toBe(400);
    const big = await call(f.app, "POST", `/orgs/${f.orgA.slug}/systems`, { session: f.sessions.editor, body: { name: "x", notes: "a".repeat(2_000_000) } });
    expect(big.status).toBe(413);
  });

  it("answers 404 for unknown records, bad ids and unknown routes", async () => {
    expect((await call(f.app, "GET", `/orgs/${f.orgA.slug}/systems/00000000-0000-4000-8000-000000000000`, { session: f.sessions.viewer })).status).toBe(404);
    expect((await call(f.app, "GET", `/orgs/${f.orgA.slug}/systems/not-a-uuid`, { session: f.sessions.viewer })).status).toBe(400);
    expect((await call(f.app, "GET", "/orgs/no-such-org/systems", { session: f.sessions.viewer })).status).toBe(404);
    expect((await call(f.app, "GET", "/nothing/here", { session: f.sessions.viewer })).status).toBe(404);
  });

  it("runs a system through create, read, update, history and delete, recording each in the ledger", async () => {
    const s = f.sessions.editor;
    const created = await call(f.app, "POST", `/orgs/${f.orgA.slug}/systems`, {
      session: s,
      body: { name: "Claims triage", stage: "pilot", customerFacing: true, componentIds: [f.orgA.componentId], euNexus: ["used-in-eu"] },
    });
    expect(created.status).toBe(201);
    const sys = (await created.json()) as { id: string; components: { id: string }[] };
    expect(sys.components.map((c) => c.id)).toEqual([f.orgA.componentId]);
    const patched = await call(f.app, "PATCH", `/orgs/${f.orgA.slug}/systems/${sys.id}`, { session: s, body: { stage: "production" } });
    expect(((await patched.json()) as { stage: string; version: number }).stage).toBe("production");
    const list = (await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/systems?stage=production&q=claims`, { session: s })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toEqual([sys.id]);
    expect((await call(f.app, "DELETE", `/orgs/${f.orgA.slug}/systems/${sys.id}`, { session: s })).status).toBe(204);
    const history = (await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/systems/${sys.id}/history`, { session: s })).json()) as {
      items: { action: string; actor: string }[];
    };
    expect(history.items.map((h) => h.action)).toEqual(["delete", "update", "create"]);
    expect(history.items[0]?.actor).toBe("user:editor@a.example");
    const audit = (await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/audit?entityId=${sys.id}`, { session: s })).json()) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(["delete", "update", "create"]);
    const verify = (await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/audit/verify`, { session: s })).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
  });

  it("pages the audit log", async () => {
    const first = (await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/audit?limit=2`, { session: f.sessions.viewer })).json()) as {
      items: { seq: number }[];
      nextBefore: number;
    };
    expect(first.items).toHaveLength(2);
    const second = (await (
      await call(f.app, "GET", `/orgs/${f.orgA.slug}/audit?limit=2&before=${first.nextBefore}`, { session: f.sessions.viewer })
    ).json()) as {
      items: { seq: number }[];
    };
    expect(second.items[0]?.seq).toBe((first.items[1]?.seq ?? 0) - 1);
  });

  it("shows an API token's secret once and never lists it", async () => {
    const res = await call(f.app, "POST", `/orgs/${f.orgA.slug}/tokens`, { session: f.sessions.admin, body: { name: "ci" } });
    const created = (await res.json()) as { token: string; id: string };
    expect(created.token).toMatch(/^caio_/);
    const listed = await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/tokens`, { session: f.sessions.admin })).text();
    expect(listed).not.toContain(created.token);
    expect((await call(f.app, "GET", `/orgs/${f.orgA.slug}/systems`, { token: created.token })).status).toBe(200);
    await call(f.app, "DELETE", `/orgs/${f.orgA.slug}/tokens/${created.id}`, { session: f.sessions.admin });
    expect((await call(f.app, "GET", `/orgs/${f.orgA.slug}/systems`, { token: created.token })).status).toBe(401);
  });

  it("lets a signed-in user create an organization and become its admin", async () => {
    const res = await call(f.app, "POST", "/orgs", { session: f.sessions.viewer, body: { name: "Side Project", slug: "side-project" } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { role: string }).role).toBe("admin");
    const dup = await call(f.app, "POST", "/orgs", { session: f.sessions.viewer, body: { name: "Again", slug: "side-project" } });
    expect(dup.status).toBe(409);
    const again = await login(f.app, "viewer@a.example");
    const orgs = (await (await call(f.app, "GET", "/orgs", { session: again })).json()) as { items: { slug: string }[] };
    expect(orgs.items.map((o) => o.slug).sort()).toEqual(["org-a", "side-project"]);
  });

  it("sends security headers and no-store on API responses", async () => {
    const res = await call(f.app, "GET", "/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});
