/** The error codes caio uses everywhere; the server maps each to one HTTP status in one place. */
export type ErrorCode = "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "unavailable" | "internal";

export interface FieldIssue {
  /** Dotted path to the field, e.g. "contract.end" or "tags.2". Empty for the whole body. */
  path: string;
  message: string;
}

export class CaioError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; issues?: FieldIssue[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CaioError";
    this.code = code;
    this.issues = options?.issues ?? [];
  }
}

export class ValidationError extends CaioError {
  constructor(message: string, issues: FieldIssue[] = [], cause?: unknown) {
    super("validation", message, { issues, cause });
    this.name = "ValidationError";
  }
}

export class NotFoundError extends CaioError {
  constructor(what: string) {
    super("not_found", `${what} not found`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends CaioError {
  constructor(message = "your role does not allow this action") {
    super("forbidden", message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends CaioError {
  constructor(message = "sign in or send an API token") {
    super("unauthenticated", message);
    this.name = "UnauthenticatedError";
  }
}

export class ConflictError extends CaioError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super("conflict", message, { issues });
    this.name = "ConflictError";
  }
}

export function isCaioError(e: unknown): e is CaioError {
  return e instanceof Error && typeof (e as { code?: unknown }).code === "string" && "issues" in e;
}

/** Turns zod issues into field issues with dotted paths, in words a person can act on. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: /received undefined$/.test(i.message) ? "is required" : i.message,
  }));
}

export const ErrorBodyExample = {
  error: { code: "validation", message: "request body is invalid", issues: [{ path: "stage", message: "Invalid option" }] },
};
