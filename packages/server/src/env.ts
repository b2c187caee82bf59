import type { Role } from "@caio/core";
import type { Store } from "@caio/db";

/** Who is calling. Secrets (session ids, tokens) are never kept here beyond what authorization needs. */
export type Principal =
  | { kind: "local"; label: string }
  | { kind: "session"; userId: string; email: string; sessionId: string; csrfToken: string }
  | { kind: "token"; tokenId: string; tokenName: string; orgId: string; userId: string | null; role: Role };

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface AppDeps {
  store: Store;
  logger?: Logger;
  /** Directory of the built web app to serve; omitted in API-only tests. */
  webDir?: string | undefined;
  /**
   * In-process callers only (the `caio` CLI on its own database): every request acts as this
   * local operator with full rights. Never set for a listening server.
   */
  localOperator?: string | undefined;
  /** Request body limit in bytes for ordinary routes (default 1 MiB). */
  bodyLimit?: number;
}

export type AppEnv = {
  Variables: {
    principal: Principal | null;
    deps: Required<Pick<AppDeps, "store" | "logger">> & AppDeps;
  };
};
