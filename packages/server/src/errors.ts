import { type CaioError, type ErrorCode, isCaioError } from "@caio/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env.js";

/** The one place error codes become HTTP statuses. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  /** A tool the request needs is not installed on the server (e.g. Chromium for PDF). */
  unavailable: 503,
  internal: 500,
};

export function errorBody(code: ErrorCode, message: string, issues: CaioError["issues"] = []) {
  return { error: { code, message, issues } };
}

/** Maps any thrown value to a response; internals are logged, never echoed. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (isCaioError(err)) return c.json(errorBody(err.code, err.message, err.issues), STATUS[err.code]);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(errorBody("validation", "request body is too large"), 413);
    if (status >= 400 && status < 500) {
      const message = /json/i.test(err.message) ? "request body is not valid JSON" : "bad request";
      return c.json(errorBody("validation", message), status as ContentfulStatusCode);
    }
  }
  c.var.deps?.logger.error("unhandled error", { path: c.req.path, method: c.req.method, error: String(err?.stack ?? err) });
  return c.json(errorBody("internal", "internal error"), 500);
}
