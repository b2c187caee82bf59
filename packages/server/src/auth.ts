import { timingSafeEqual } from "node:crypto";
import { ForbiddenError, NotFoundError, type Organization, type Role, roleAtLeast, UnauthenticatedError } from "@caio/core";
import type { Actor } from "@caio/db";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv, Principal } from "./env.js";

export const SESSION_COOKIE = "caio_session";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the caller from a bearer token, a session cookie or the in-process local operator. */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { store, localOperator } = c.var.deps;
    let principal: Principal | null = null;
    const authz = c.req.header("authorization");
    if (localOperator) {
      principal = { kind: "local", label: localOperator };
    } else if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const t = m?.[1] ? await store.tokens.resolve(m[1]) : null;
      if (!t) throw new UnauthenticatedError("API token is invalid or revoked");
      principal = { kind: "token", tokenId: t.id, tokenName: t.name, orgId: t.orgId, userId: t.userId, role: t.role };
    } else {
      const sid = getCookie(c, SESSION_COOKIE);
      if (sid) {
        const s = await store.sessions.resolve(sid);
        const user = s ? await store.users.byId(s.userId) : null;
        if (s && user) {
          principal = { kind: "session", userId: user.id, email: user.email, sessionId: sid, csrfToken: s.csrfToken };
          if (!SAFE_METHODS.has(c.req.method)) {
            const sent = c.req.header(CSRF_HEADER) ?? "";
            if (!safeEqual(sent, s.csrfToken)) throw new ForbiddenError("missing or wrong CSRF token (send the X-CSRF-Token header from /api/v1/me)");
          }
        }
      }
    }
    c.set("principal", principal);
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new UnauthenticatedError();
  return p;
}

export function actorOf(p: Principal): Actor {
  switch (p.kind) {
    case "local":
      return { label: `local:${p.label}` };
    case "session":
      return { label: `user:${p.email}` };
    case "token":
      return { label: `token:${p.tokenName}` };
  }
}

export interface OrgAccess {
  org: Organization;
  role: Role;
  actor: Actor;
  principal: Principal;
}

/**
 * Resolves the organization named in the path and the caller's role in it. An organization the
 * caller does not belong to is reported exactly like one that does not exist (404).
 */
export async function orgAccess(c: Context<AppEnv>, slug: string, min: Role = "viewer"): Promise<OrgAccess> {
  const principal = requirePrincipal(c);
  const { store } = c.var.deps;
  const org = await store.orgs.bySlug(slug);
  if (!org) throw new NotFoundError("organization");
  let role: Role | null = null;
  if (principal.kind === "local") role = "admin";
  else if (principal.kind === "token") role = principal.orgId === org.id ? principal.role : null;
  else role = await store.users.roleIn(org.id, principal.userId);
  if (!role) throw new NotFoundError("organization");
  if (!roleAtLeast(role, min)) throw new ForbiddenError(`this needs the ${min} role or higher; you are ${role}`);
  return { org, role, actor: actorOf(principal), principal };
}
