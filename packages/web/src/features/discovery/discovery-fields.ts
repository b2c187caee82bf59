import type { ComponentCreateInput, ComponentKind, FindingKind, StoredFinding } from "@caio/core";
import type { NewSystemState } from "../systems/system-fields";

/** The inventory component kind a finding becomes; kinds without one (dev tools, secrets) cannot be registered. */
export const COMPONENT_KIND_OF_FINDING: Partial<Record<FindingKind, ComponentKind>> = {
  model: "model",
  sdk: "sdk",
  provider: "vendor-service",
  service: "vendor-service",
  "vector-store": "vector-store",
  dataset: "dataset",
  "mcp-server": "mcp-server",
};

const VENDOR_HOSTED: readonly FindingKind[] = ["provider", "service", "model"];

function clip(s: string, max: number): string {
  const t = s.trim();
  return t.length > max ? t.slice(0, max).trimEnd() : t;
}

/** Router state of links that lead to the findings further down the page. */
export interface FocusFindingsState {
  focusFindings: true;
}

/** "src/summaries.ts:4", or "" when the finding carries no evidence. */
export function firstLocation(f: Pick<StoredFinding, "evidence">): string {
  const e = f.evidence[0];
  return e ? `${e.file}:${e.line}` : "";
}

/** "Secret: openai project-key · fingerprint 1a2b3c4d…": all the page ever shows of a secret. */
export function secretText(secret: NonNullable<StoredFinding["secret"]>): string {
  return `Secret: ${secret.provider} ${secret.keyKind} · fingerprint ${secret.fingerprint.slice(0, 8)}…`;
}

/** Whether "Register as system" applies: shadow AI of a kind that maps onto an inventory component. */
export function canRegister(f: StoredFinding): boolean {
  return f.shadow && (f.componentId !== null || COMPONENT_KIND_OF_FINDING[f.kind] !== undefined);
}

/**
 * The inventory component a finding stands for, shaped so the server's matcher recognizes it
 * afterwards: the finding's id becomes the identifier (for a provider finding also the provider).
 */
export function componentFromFinding(f: StoredFinding): ComponentCreateInput | null {
  const kind = COMPONENT_KIND_OF_FINDING[f.kind];
  if (!kind) return null;
  const where = firstLocation(f);
  return {
    kind,
    name: clip(f.name || f.id, 160),
    provider: clip(f.kind === "provider" ? f.id : (f.provider ?? ""), 120),
    identifier: clip(f.id, 240),
    version: clip(f.version ?? "", 80),
    hosting: VENDOR_HOSTED.includes(f.kind) ? "vendor-api" : "self-hosted",
    notes: `Found by caio scan in ${f.repository}${where ? ` (${where})` : ""}.`,
  };
}

/** The system form's starting values for a finding, with its component already linked. */
export function systemStateFromFinding(f: StoredFinding, componentId: string, returnTo: NewSystemState["returnTo"]): NewSystemState {
  const where = firstLocation(f);
  return {
    prefill: {
      name: clip(`${f.name || f.id} in ${f.repository}`, 120),
      purpose: `Found by caio scan in ${f.repository}${where ? ` (${where})` : ""}.`,
      stage: f.scope === "runtime" ? "production" : "idea",
      tags: ["discovered"],
      componentIds: [componentId],
    },
    source: `Pre-filled from a caio scan finding: ${f.name || f.id} in ${f.repository}.`,
    returnTo,
  };
}
