import { createHash, randomBytes } from "node:crypto";
import { type ApiToken, type ApiTokenCreated, ConflictError, type Member, NotFoundError, type Role, type User } from "@caio/core";
import { recordChange } from "./audit.js";
import { type Actor, iso, isoOrNull, type StoreContext } from "./context.js";
import { addMembership } from "./orgs.js";

/** Password hashing is injected (argon2id in the server) so the store has no native dependency. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Tokens are 256-bit random secrets; storing their SHA-256 is enough (no brute force on 2^256). */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
}

export function usersRepo(ctx: StoreContext, hasher: PasswordHasher) {
  const { db } = ctx;
  const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name });
  return {
    async byEmail(email: string): Promise<User | null> {
      const r = (await db.query<UserRow>("select * from users where email = $1", [email.toLowerCase()])).rows[0];
      return r ? toUser(r) : null;
    },
    async byId(id: string): Promise<User | null> {
      const r = (await db.query<UserRow>("select * from users where id = $1", [id])).rows[0];
      return r ? toUser(r) : null;
    },
    /** Creates a user; the password may be null (the user cannot sign in until one is set). */
    async create(email: string, name: string, password: string | null): Promise<User> {
      const exists = await this.byEmail(email);
      if (exists) throw new ConflictError(`a user with email ${email} already exists`, [{ path: "email", message: "is already registered" }]);
      const id = ctx.newId();
      const hash = password === null ? null : await hasher.hash(password);
      await db.query("insert into users (id, email, name, password_hash, created_at) values ($1,$2,$3,$4,$5)", [
        id,
        email.toLowerCase(),
        name,
        hash,
        ctx.now(),
      ]);
      return { id, email: email.toLowerCase(), name };
    },
    async setPassword(userId: string, password: string): Promise<void> {
      const hash = await hasher.hash(password);
      const r = await db.query("update users set password_hash = $2 where id = $1", [userId, hash]);
      if (r.rowCount === 0) throw new NotFoundError("user");
    },
    /** Checks credentials in constant work whether or not the user exists. */
    async authenticate(email: string, password: string): Promise<User | null> {
      const r = (await db.query<UserRow>("select * from users where email = $1", [email.toLowerCase()])).rows[0];
      if (!r?.password_hash) {
        await hasher.hash(password); // equalize timing with the real path
        return null;
      }
      return (await hasher.verify(r.password_hash, password)) ? toUser(r) : null;
    },
    async roleIn(orgId: string, userId: string): Promise<Role | null> {
      const r = (await db.query<{ role: Role }>("select role from memberships where org_id = $1 and user_id = $2", [orgId, userId])).rows[0];
      return r?.role ?? null;
    },
    async members(orgId: string): Promise<Member[]> {
      const rows = (
        await db.query<{ user_id: string; email: string; name: string; role: Role; created_at: Date }>(
          "select m.user_id, u.email, u.name, m.role, m.created_at from memberships m join users u on u.id = m.user_id where m.org_id = $1 order by u.email",
          [orgId],
        )
      ).rows;
      return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role, createdAt: iso(r.created_at) }));
    },
    async setRole(orgId: string, userId: string, role: Role, actor: Actor): Promise<void> {
      await db.transaction((tx) => addMembership(tx, ctx, orgId, userId, role, actor));
    },
    async removeMember(orgId: string, userId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const r = (
          await tx.query<{ email: string; role: Role }>(
            "select u.email, m.role from memberships m join users u on u.id = m.user_id where m.org_id = $1 and m.user_id = $2",
            [orgId, userId],
          )
        ).rows[0];
        if (!r) throw new NotFoundError("member");
        await tx.query("delete from memberships where org_id = $1 and user_id = $2", [orgId, userId]);
        await tx.query("delete from api_tokens where org_id = $1 and user_id = $2", [orgId, userId]);
        await recordChange(tx, orgId, actor, ctx.now(), {
          entityType: "membership",
          entityId: userId,
          entityLabel: r.email,
          action: "delete",
          before: { userId, email: r.email, role: r.role },
          after: null,
        });
      });
    },
    async adminCount(orgId: string): Promise<number> {
      const r = (await db.query<{ n: string }>("select count(*) as n from memberships where org_id = $1 and role = 'admin'", [orgId])).rows[0];
      return Number(r?.n ?? 0);
    },
  };
}

export function sessionsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    /** Creates a session; returns the cookie value (never stored) and the CSRF token. */
    async create(userId: string): Promise<{ sessionId: string; csrfToken: string; expiresAt: string }> {
      const sessionId = randomBytes(32).toString("base64url");
      const csrfToken = randomBytes(24).toString("base64url");
      const now = ctx.now();
      const expiresAt = new Date(Date.parse(now) + SESSION_TTL_MS).toISOString();
      await db.query("insert into sessions (id_hash, user_id, csrf_token, created_at, expires_at) values ($1,$2,$3,$4,$5)", [
        tokenDigest(sessionId),
        userId,
        csrfToken,
        now,
        expiresAt,
      ]);
      return { sessionId, csrfToken, expiresAt };
    },
    async resolve(sessionId: string): Promise<{ userId: string; csrfToken: string } | null> {
      const r = (
        await db.query<{ user_id: string; csrf_token: string }>("select user_id, csrf_token from sessions where id_hash = $1 and expires_at > $2", [
          tokenDigest(sessionId),
          ctx.now(),
        ])
      ).rows[0];
      return r ? { userId: r.user_id, csrfToken: r.csrf_token } : null;
    },
    async destroy(sessionId: string): Promise<void> {
      await db.query("delete from sessions where id_hash = $1", [tokenDigest(sessionId)]);
    },
    async purgeExpired(): Promise<void> {
      await db.query("delete from sessions where expires_at <= $1", [ctx.now()]);
    },
  };
}

interface TokenRow {
  id: string;
  org_id: string;
  user_id: string | null;
  name: string;
  prefix: string;
  role: Role;
  created_at: Date;
  last_used_at: Date | null;
}

export function tokensRepo(ctx: StoreContext) {
  const { db } = ctx;
  const toToken = (r: TokenRow): ApiToken => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    userId: r.user_id,
    createdAt: iso(r.created_at),
    lastUsedAt: isoOrNull(r.last_used_at),
  });
  return {
    /** Creates a token and returns its secret once; only its digest is stored. */
    async create(orgId: string, userId: string | null, name: string, role: Role, actor: Actor): Promise<ApiTokenCreated> {
      const secret = `caio_${randomBytes(32).toString("base64url")}`;
      const id = ctx.newId();
      const prefix = secret.slice(0, 10);
      const at = ctx.now();
      await db.transaction(async (tx) => {
        await tx.query("insert into api_tokens (id, org_id, user_id, name, prefix, token_hash, role, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8)", [
          id,
          orgId,
          userId,
          name,
          prefix,
          tokenDigest(secret),
          role,
          at,
        ]);
        const meta = { id, name, prefix, role, userId };
        await recordChange(tx, orgId, actor, at, { entityType: "api-token", entityId: id, entityLabel: name, action: "create", before: null, after: meta });
      });
      return { id, name, prefix, role, userId, createdAt: at, lastUsedAt: null, token: secret };
    },
    async resolve(secret: string): Promise<{ id: string; orgId: string; userId: string | null; role: Role; name: string } | null> {
      const r = (await db.query<TokenRow>("select * from api_tokens where token_hash = $1 and revoked_at is null", [tokenDigest(secret)])).rows[0];
      if (!r) return null;
      await db.query("update api_tokens set last_used_at = $2 where id = $1", [r.id, ctx.now()]);
      return { id: r.id, orgId: r.org_id, userId: r.user_id, role: r.role, name: r.name };
    },
    async list(orgId: string): Promise<ApiToken[]> {
      return (await db.query<TokenRow>("select * from api_tokens where org_id = $1 and revoked_at is null order by created_at", [orgId])).rows.map(toToken);
    },
    async revoke(orgId: string, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const r = (await tx.query<TokenRow>("select * from api_tokens where org_id = $1 and id = $2 and revoked_at is null", [orgId, id])).rows[0];
        if (!r) throw new NotFoundError("API token");
        const at = ctx.now();
        await tx.query("update api_tokens set revoked_at = $2 where id = $1", [id, at]);
        const meta = { id, name: r.name, prefix: r.prefix, role: r.role, userId: r.user_id };
        await recordChange(tx, orgId, actor, at, { entityType: "api-token", entityId: id, entityLabel: r.name, action: "delete", before: meta, after: null });
      });
    },
  };
}
