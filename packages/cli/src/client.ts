import { userInfo } from "node:os";
import { createStore, type Database, openDatabase, type Store } from "@caio/db";
import { API_BASE, argon2Hasher, createApp } from "@caio/server";
import type { Env, GlobalOptions } from "./config.js";
import { CliError, EXIT } from "./errors.js";

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** A request body that is already JSON text (e.g. records serialized by a worker thread). */
export class RawJson {
  constructor(readonly text: string) {}
}

const bodyText = (body: unknown): string => (body instanceof RawJson ? body.text : JSON.stringify(body));

/** The CLI speaks the HTTP API, in-process on the local database or over the network to --server. */
export interface ApiClient {
  readonly mode: "local" | "remote";
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** GETs a route that answers raw bytes (e.g. a stored board pack), with the response headers. */
  download(path: string): Promise<Download>;
  close(): Promise<void>;
}

/** Raw bytes answered by the API, with their headers. */
export interface Download {
  bytes: Uint8Array;
  headers: Headers;
}

async function bytesOrFail(res: Response): Promise<Download> {
  if (!res.ok) fail(res.status, await parse(res));
  return { bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
}

function fail(status: number, body: unknown): never {
  const e = (body as ErrorBody)?.error;
  const details = (e?.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  throw new CliError(e?.message ?? `request failed with status ${status}`, EXIT.failure, details);
}

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { error: { message: `server answered ${res.status} with a non-JSON body` } };
  }
}

export function localOperatorName(): string {
  try {
    return userInfo().username || "operator";
  } catch {
    return "operator";
  }
}

export async function openLocalStore(env: Env, opts: GlobalOptions, holder = "caio CLI"): Promise<{ store: Store; db: Database }> {
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: opts.dataDir ?? env.CAIO_DATA_DIR ?? ".caio", holder });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(
      env.DATABASE_URL
        ? `cannot open the PostgreSQL database: ${msg}`
        : `cannot open the embedded database in ${opts.dataDir ?? env.CAIO_DATA_DIR ?? ".caio"}: ${msg}`,
    );
  }
  return { store: createStore({ db, hasher: argon2Hasher }), db };
}

export async function localClient(env: Env, opts: GlobalOptions): Promise<ApiClient & { store: Store }> {
  const { store, db } = await openLocalStore(env, opts);
  const app = createApp({ store, localOperator: localOperatorName() });
  return {
    mode: "local",
    store,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const init: RequestInit = { method, headers: { "content-type": "application/json" } };
      if (body !== undefined) init.body = bodyText(body);
      const res = await app.request(`${API_BASE}${path}`, init);
      const parsed = await parse(res);
      if (!res.ok) fail(res.status, parsed);
      return parsed as T;
    },
    async download(path: string): Promise<Download> {
      return bytesOrFail(await app.request(`${API_BASE}${path}`));
    },
    close: () => db.close(),
  };
}

export function remoteClient(server: string, token: string | undefined): ApiClient {
  if (!token) throw new CliError("--server needs an API token in CAIO_TOKEN (create one with `caio tokens create` or in the web app)", EXIT.usage);
  const base = server.replace(/\/+$/, "");
  return {
    mode: "remote",
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      let res: Response;
      try {
        const init: RequestInit = { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` } };
        if (body !== undefined) init.body = bodyText(body);
        res = await fetch(`${base}${API_BASE}${path}`, init);
      } catch (e) {
        throw new CliError(`cannot reach ${base}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`);
      }
      const parsed = await parse(res);
      if (!res.ok) fail(res.status, parsed);
      return parsed as T;
    },
    async download(path: string): Promise<Download> {
      let res: Response;
      try {
        res = await fetch(`${base}${API_BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
      } catch (e) {
        throw new CliError(`cannot reach ${base}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`);
      }
      return bytesOrFail(res);
    },
    close: async () => undefined,
  };
}

export async function openClient(env: Env, opts: GlobalOptions): Promise<ApiClient> {
  const server = opts.server ?? env.CAIO_SERVER;
  return server ? remoteClient(server, env.CAIO_TOKEN) : localClient(env, opts);
}
