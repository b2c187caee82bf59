import type { PolicyGenerateOutcome, PolicyStatus } from "@caio/core";
import { plural } from "../../lib/format";

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: "Draft",
  "in-review": "In review",
  approved: "Approved",
  superseded: "Superseded",
};

export const POLICY_STATUS_COLORS: Record<PolicyStatus, string> = {
  draft: "gray.8",
  "in-review": "orange.9",
  approved: "green.9",
  superseded: "gray.6",
};

export const POLICY_STATUS_DESCRIPTIONS: Record<PolicyStatus, string> = {
  draft: "Being written: editors can change it (each change makes a new version) and submit it for review.",
  "in-review": "Waiting for sign-off: an approver approves it or sends it back with a reason.",
  approved: "In force. This text can no longer change: a change means a new version, which replaces this one once approved.",
  superseded: "Replaced by a later approved version. Kept, unchanged, as a record.",
};

/** "Created 4 drafts; 1 in review was left alone." */
export function generatedMessage(items: PolicyGenerateOutcome[]): string {
  const created = items.filter((i) => i.outcome === "created").length;
  const unchanged = items.filter((i) => i.outcome === "unchanged").length;
  const skipped = items.filter((i) => i.outcome === "skipped").length;
  const parts = [
    created > 0 ? `${plural(created, "new draft")} from the current facts` : "No new draft: the facts give the same text as before",
    unchanged > 0 && created > 0 ? `${unchanged} unchanged` : "",
    skipped > 0 ? `${skipped} in review left as ${skipped === 1 ? "it is" : "they are"}` : "",
  ].filter(Boolean);
  return `${parts.join("; ")}.`;
}
