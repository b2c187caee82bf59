import { type FieldIssue, zodIssues } from "@caio/core";
import { isApiError } from "../api/api-error";

/** Error messages by field key (a dotted path such as "contract.end"). */
export type FieldErrors = Record<string, string>;

export interface MappedErrors {
  fields: FieldErrors;
  /** Issues that belong to no field of the form; shown in the form's alert. */
  other: string[];
}

/** "is required" under "Name" reads "Name is required"; messages that start with a capital stay as they are. */
export function phrase(label: string | undefined, message: string): string {
  if (!label) return message;
  const first = message.charAt(0);
  if (!first || first !== first.toLowerCase() || first === first.toUpperCase()) return message;
  // "end must not be before start" under "Contract end" already names its field.
  const words = label.toLowerCase().split(/\s+/);
  const lower = message.toLowerCase();
  for (let k = words.length; k >= 1; k--) {
    if (lower.startsWith(`${words.slice(-k).join(" ")} `)) return capitalize(message);
  }
  return `${label} ${message}`;
}

/**
 * Places issues on the form's fields: an issue at "tags.2" lands on "tags", one at "contract.end"
 * on "contract.end". The longest matching field key wins. The first message per field is kept.
 */
export function mapIssues(issues: readonly FieldIssue[], labels: Record<string, string>): MappedErrors {
  const keys = Object.keys(labels).sort((a, b) => b.length - a.length);
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const key = keys.find((k) => issue.path === k || issue.path.startsWith(`${k}.`));
    if (key) {
      fields[key] ??= phrase(labels[key], issue.message);
    } else {
      other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
  }
  return { fields, other };
}

/** Field errors from a failed zod `safeParse`. */
export function zodFieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, labels: Record<string, string>): MappedErrors {
  return mapIssues(zodIssues(error.issues), labels);
}

export interface ServerFormError {
  fields: FieldErrors;
  /** A sentence for the form's alert, or null when the field messages say it all. */
  alert: string | null;
  forbidden: boolean;
}

/**
 * Turns a failed save into field messages and an alert. A conflict without field issues
 * (for example a duplicate name) is placed on `conflictField` when given.
 */
export function serverFormError(e: unknown, labels: Record<string, string>, conflictField?: string): ServerFormError {
  if (!isApiError(e)) {
    return { fields: {}, alert: e instanceof Error ? e.message : "Saving failed.", forbidden: false };
  }
  const mapped = mapIssues(e.issues, labels);
  if (e.code === "conflict" && Object.keys(mapped.fields).length === 0 && conflictField) {
    mapped.fields[conflictField] = capitalize(e.message);
  }
  const hasFields = Object.keys(mapped.fields).length > 0;
  let alert: string | null = null;
  switch (e.code) {
    case "validation":
      alert = hasFields ? "Some fields need attention." : capitalize(e.message);
      break;
    case "conflict":
      alert = `Could not save: ${e.message}.`;
      break;
    case "forbidden":
      alert = `Not allowed: ${e.message}. Your role in this organization cannot make this change.`;
      break;
    case "not_found":
      alert = "This record no longer exists. It may have been deleted by someone else.";
      break;
    case "unauthenticated":
      alert = "Your session has ended. Please sign in again.";
      break;
    case "rate_limited":
      alert = "Too many requests. Wait a moment and try again.";
      break;
    default:
      alert = e.status === 0 ? "Cannot reach the caio server. Check your connection and try again." : `Saving failed: ${e.message}.`;
  }
  if (mapped.other.length > 0) alert = `${alert ?? ""} ${mapped.other.join("; ")}`.trim();
  return { fields: mapped.fields, alert, forbidden: e.code === "forbidden" };
}

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
