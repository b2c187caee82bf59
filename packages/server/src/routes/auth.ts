import { CaioError, LoginSchema, MeSchema, UnauthenticatedError } from "@caio/core";
import type { Store } from "@caio/db";
import { SESSION_TTL_MS } from "@caio/db";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { requirePrincipal, SESSION_COOKIE } from "../auth.js";
import type { AppEnv, Principal } from "../env.js";
import { body, errors, json } from "../openapi.js";

/** Failed sign-ins allowed per email within the window before further tries are refused. */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;

async function meFor(store: Store, p: Principal) {
  if (p.kind === "session") {
    const user = await store.users.byId(p.userId);
    return { user, principal: "session" as const, csrfToken: p.csrfToken, organizations: await store.orgs.forUser(p.userId) };
  }
  if (p.kind === "token") {
    const org = await store.orgs.byId(p.orgId);
    const user = p.userId ? await store.users.byId(p.userId) : null;
    return { user, principal: "token" as const, csrfToken: null, organizations: org ? [{ ...org, role: p.role }] : [] };
  }
  const orgs = await store.orgs.all();
  return { user: null, principal: "local" as const, csrfToken: null, organizations: orgs.map((o) => ({ ...o, role: "admin" as const })) };
}

export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const failures = new Map<string, { count: number; since: number }>();

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/login",
      tags: ["auth"],
      summary: "Sign in with email and password; sets an HttpOnly session cookie",
      request: { body: body(LoginSchema) },
      responses: { 200: json(MeSchema, "Signed in"), 400: errors[400], 401: errors[401], 429: errors[400] },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const { store } = c.var.deps;
      const now = Date.now();
      const f = failures.get(email);
      if (f && now - f.since < WINDOW_MS && f.count >= MAX_FAILURES) {
        throw new CaioError("rate_limited", "too many failed sign-ins for this email; try again in 15 minutes");
      }
      const user = await store.users.authenticate(email, password);
      if (!user) {
        const cur = f && now - f.since < WINDOW_MS ? f : { count: 0, since: now };
        cur.count += 1;
        failures.set(email, cur);
        if (failures.size > 10_000) {
          for (const [k, v] of failures) if (now - v.since >= WINDOW_MS) failures.delete(k);
        }
        throw new UnauthenticatedError("wrong email or password");
      }
      failures.delete(email);
      await store.sessions.purgeExpired();
      const s = await store.sessions.create(user.id);
      setCookie(c, SESSION_COOKIE, s.sessionId, {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        secure: new URL(c.req.url).protocol === "https:",
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      const p: Principal = { kind: "session", userId: user.id, email: user.email, sessionId: s.sessionId, csrfToken: s.csrfToken };
      return c.json(MeSchema.parse(await meFor(store, p)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/logout",
      tags: ["auth"],
      summary: "Sign out (ends the session)",
      responses: { 204: { description: "Signed out" }, 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const p = requirePrincipal(c);
      if (p.kind === "session") await c.var.deps.store.sessions.destroy(p.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["auth"],
      summary: "Who am I: user, CSRF token for state-changing requests, organizations and roles",
      responses: { 200: json(MeSchema, "The caller"), 401: errors[401] },
    }),
    async (c) => c.json(MeSchema.parse(await meFor(c.var.deps.store, requirePrincipal(c))), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["meta"],
      summary: "Liveness and database check",
      responses: { 200: json(z.object({ ok: z.boolean(), database: z.string() }), "Healthy") },
    }),
    async (c) => {
      await c.var.deps.store.db.query("select 1");
      return c.json({ ok: true, database: c.var.deps.store.db.kind }, 200);
    },
  );
  return app;
}
