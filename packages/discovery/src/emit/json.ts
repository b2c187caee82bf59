// Machine-readable output: the ScanResult contract itself, pretty-printed in a stable order.
import { EvidenceSchema, FindingSchema, RepositoryScanSchema, type ScanResult, ScanResultSchema, SecretInfoSchema } from "@caio/core";
import { compareFindings } from "./common.js";

type Json = Record<string, unknown>;

/** Copies `value` with its keys in contract order; keys the contract does not know follow, sorted. */
function ordered(value: object, keys: readonly string[]): Json {
  const source = value as Json;
  const out: Json = {};
  for (const k of keys) if (k in source && source[k] !== undefined) out[k] = source[k];
  for (const k of Object.keys(source).sort()) if (!keys.includes(k) && source[k] !== undefined) out[k] = source[k];
  return out;
}

const KEYS = {
  result: Object.keys(ScanResultSchema.shape),
  tool: Object.keys(ScanResultSchema.shape.tool.shape),
  repository: Object.keys(RepositoryScanSchema.shape),
  finding: Object.keys(FindingSchema.shape),
  evidence: Object.keys(EvidenceSchema.shape),
  secret: Object.keys(SecretInfoSchema.shape),
};

function compareEvidence(a: { file: string; line: number; column?: number }, b: { file: string; line: number; column?: number }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Serializes a scan result as pretty JSON (two-space indent, trailing newline) in a stable order:
 * object keys in contract order, findings by kind, id and scope, evidence by file, line and
 * column. Repositories keep the order they were scanned in. The same scan always gives the same bytes.
 */
export function toJson(result: ScanResult): string {
  const out = ordered(result, KEYS.result);
  out.tool = ordered(result.tool, KEYS.tool);
  out.repositories = result.repositories.map((repo) => {
    const r = ordered(repo, KEYS.repository);
    r.findings = repo.findings
      .map((f) => ({ ...f, evidence: [...f.evidence].sort(compareEvidence) }))
      .sort(compareFindings)
      .map((f) => {
        const o = ordered(f, KEYS.finding);
        o.secret = f.secret ? ordered(f.secret, KEYS.secret) : null;
        o.evidence = f.evidence.map((e) => ordered(e, KEYS.evidence));
        return o;
      });
    return r;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
