// Helpers shared by the emitters: stable ordering, confidence scores, locations, secret wording.
import { type Confidence, FINDING_KINDS, type Finding, SCOPES } from "@caio/core";

/** CycloneDX/SARIF confidence (0–1) for each confidence level. */
export const CONFIDENCE_SCORE: Readonly<Record<Confidence, number>> = { declared: 1, used: 0.9, referenced: 0.6, mentioned: 0.3 };

const KIND_ORDER = new Map<string, number>(FINDING_KINDS.map((k, i) => [k, i]));
const SCOPE_ORDER = new Map<string, number>(SCOPES.map((s, i) => [s, i]));

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders findings by kind (contract order), then id, then scope (runtime first); ties (which the
 * contract's aggregation should not produce) by ecosystem, name, provider, version and first location.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const loc = (f: Finding) => {
    const e = f.evidence[0];
    return e ? `${e.file}\u0000${String(e.line).padStart(10, "0")}` : "";
  };
  return (
    (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99) ||
    compareStrings(a.id, b.id) ||
    (SCOPE_ORDER.get(a.scope) ?? 99) - (SCOPE_ORDER.get(b.scope) ?? 99) ||
    compareStrings(a.ecosystem ?? "", b.ecosystem ?? "") ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.provider ?? "", b.provider ?? "") ||
    compareStrings(a.version ?? "", b.version ?? "") ||
    compareStrings(loc(a), loc(b))
  );
}

/** A sorted copy of the findings (the input is not modified). */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The first place a finding was seen, or null when it carries no evidence. */
export function firstLocation(finding: Finding): { file: string; line: number } | null {
  const e = finding.evidence[0];
  return e ? { file: e.file, line: e.line } : null;
}

/** `file:line`, plus ` (+N more)` when the finding was seen more than once; "-" without evidence. */
export function locationText(finding: Finding): string {
  const loc = firstLocation(finding);
  if (!loc) return "-";
  const more = Math.max(finding.occurrences, finding.evidence.length) - 1;
  return more > 0 ? `${loc.file}:${loc.line} (+${more} more)` : `${loc.file}:${loc.line}`;
}

/** The first characters of a secret's fingerprint followed by an ellipsis: enough to tell keys apart, never the key. */
export function shortFingerprint(fingerprint: string, length = 4): string {
  return `${fingerprint.slice(0, length)}…`;
}

/** Counts per finding kind in contract order, omitting kinds with no findings. */
export function countByKind(findings: readonly Finding[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return FINDING_KINDS.filter((k) => counts.has(k)).map((k) => [k, counts.get(k) ?? 0]);
}

/** True for hosts that never leave the machine (local model runtimes such as Ollama). */
export function isLocalEndpoint(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || host === "0.0.0.0" || /^127\./.test(host) || host.endsWith(".localhost");
  } catch {
    return false;
  }
}
