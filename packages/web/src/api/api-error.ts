import type { ErrorCode, FieldIssue } from "@caio/core";

const CODES: readonly ErrorCode[] = ["validation", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "unavailable", "internal"];

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "validation",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
  503: "unavailable",
};

/** An error answered by the caio API (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(status: number, code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isCode(v: unknown): v is ErrorCode {
  return typeof v === "string" && (CODES as readonly string[]).includes(v);
}

function parseIssues(v: unknown): FieldIssue[] {
  if (!Array.isArray(v)) return [];
  const out: FieldIssue[] = [];
  for (const item of v) {
    if (item && typeof item === "object") {
      const { path, message } = item as { path?: unknown; message?: unknown };
      if (typeof message === "string") out.push({ path: typeof path === "string" ? path : "", message });
    }
  }
  return out;
}

/** Builds an ApiError from a response status and its (possibly missing or non-JSON) body. */
export function apiErrorFrom(status: number, statusText: string, body: unknown): ApiError {
  const fallbackCode = STATUS_CODES[status] ?? "internal";
  const err = body && typeof body === "object" ? (body as { error?: unknown }).error : undefined;
  if (err && typeof err === "object") {
    const { code, message, issues } = err as { code?: unknown; message?: unknown; issues?: unknown };
    return new ApiError(
      status,
      isCode(code) ? code : fallbackCode,
      typeof message === "string" && message ? message : statusText || `request failed (${status})`,
      parseIssues(issues),
    );
  }
  return new ApiError(status, fallbackCode, statusText || `request failed (${status})`);
}

/** A sentence a person can act on, for alerts and notifications. */
export function describeError(e: unknown): string {
  if (isApiError(e)) {
    switch (e.code) {
      case "unauthenticated":
        return "Your session has ended. Please sign in again.";
      case "forbidden":
        return `Not allowed: ${e.message}.`;
      case "not_found":
        return `${capitalize(e.message)}. It may have been deleted, or the address is wrong.`;
      case "rate_limited":
        return "Too many requests. Wait a moment and try again.";
      case "internal":
        return e.status === 0 ? "Cannot reach the caio server. Check your connection and try again." : `Something went wrong on the server: ${e.message}.`;
      default:
        return capitalize(e.message);
    }
  }
  if (e instanceof Error) return e.message;
  return "Something went wrong.";
}

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
