import { ROLES, type Role, SystemCreateSchema, VendorCreateSchema } from "@caio/core";
import { createStore, type Database, openDatabase, type Store } from "@caio/db";
import { type App, argon2Hasher, createApp } from "@caio/server";

export const PASSWORD = "correct horse battery staple";

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Fixture {
  app: App;
  store: Store;
  db: Database;
  orgA: { id: string; slug: string; systemId: string; vendorId: string; componentId: string; tokenId: string };
  orgB: { id: string; slug: string; systemId: string; vendorId: string; componentId: string };
  /** Signed-in sessions of org A's members by role, and of org B's admin. */
  sessions: Record<Role, Session> & { outsider: Session };
  /** API tokens: org A tokens per role, and one for org B. */
  tokens: Record<Role, string> & { outsider: string };
  close(): Promise<void>;
}

export async function login(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const me = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

/** Sends a request as a session (cookie + CSRF header), a bearer token, or anonymously. */
export function call(app: App, method: string, path: string, opts: { session?: Session; token?: string; body?: unknown; csrf?: boolean } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    if (opts.csrf !== false) headers["x-csrf-token"] = opts.session.csrf;
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined) init.body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  return app.request(`/api/v1${path}`, init);
}

async function seedOrg(store: Store, slug: string, prefix: string) {
  const actor = { label: "local:fixture" };
  const org = await store.orgs.create({ name: `${prefix} Corp`, slug }, actor);
  const vendor = await store.vendors.create(org.id, VendorCreateSchema.parse({ name: `${prefix} Vendor` }), actor);
  const comp = await store.components.create(
    org.id,
    {
      kind: "model",
      name: `${prefix} model`,
      provider: "x",
      identifier: "m",
      version: "",
      hosting: "vendor-api",
      vendorId: vendor.id,
      notes: "",
      systemIds: [],
    },
    actor,
  );
  const system = await store.systems.create(org.id, SystemCreateSchema.parse({ name: `${prefix} system`, componentIds: [comp.id] }), actor);
  return { id: org.id, slug, systemId: system.id, vendorId: vendor.id, componentId: comp.id };
}

/** Two organizations, a member of A for every role, an admin of B, and tokens for each. */
export async function fixture(): Promise<Fixture> {
  const db = await openDatabase({ memory: true });
  const store = createStore({ db, hasher: argon2Hasher });
  const app = createApp({ store });
  const a = await seedOrg(store, "org-a", "A");
  const b = await seedOrg(store, "org-b", "B");
  const sessions = {} as Fixture["sessions"];
  const tokens = {} as Fixture["tokens"];
  const actor = { label: "local:fixture" };
  let tokenId = "";
  for (const role of ROLES) {
    const u = await store.users.create(`${role}@a.example`, role, PASSWORD);
    await store.users.setRole(a.id, u.id, role, actor);
    sessions[role] = await login(app, u.email);
    const t = await store.tokens.create(a.id, u.id, `${role}-token`, role, actor);
    tokens[role] = t.token;
    if (role === "viewer") tokenId = t.id;
  }
  const outsider = await store.users.create("admin@b.example", "B admin", PASSWORD);
  await store.users.setRole(b.id, outsider.id, "admin", actor);
  sessions.outsider = await login(app, outsider.email);
  tokens.outsider = (await store.tokens.create(b.id, outsider.id, "b-token", "admin", actor)).token;
  return { app, store, db, orgA: { ...a, tokenId }, orgB: b, sessions, tokens, close: () => db.close() };
}
