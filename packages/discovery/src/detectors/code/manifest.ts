import { lookupPackage, type PackageEcosystem } from "../../catalog/index.js";
import type { LineIndex } from "../../text/line-index.js";
import { safeText } from "../../text/redact.js";
import type { Hit } from "../../types.js";

/** A dependency read from a manifest or lockfile. */
export interface Dependency {
  name: string;
  /** Version or range as written (`1.2.3`, `^4.0`, `>=1.0`), or null. */
  version: string | null;
  offset: number;
  /** From a lockfile: only a version for a manifest's finding, never a finding of its own. */
  lockfile?: boolean;
}

/** Hits for catalogue packages among the dependencies: `declared` SDKs, vector stores and services. */
export function dependencyHits(ecosystem: PackageEcosystem, dependencies: readonly Dependency[], lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const dep of dependencies) {
    const sdk = lookupPackage(ecosystem, dep.name);
    if (!sdk) continue;
    const at = lines.position(dep.offset);
    const version = dep.version?.trim() || null;
    hits.push({
      kind: sdk.kind,
      id: sdk.id,
      name: sdk.name,
      provider: sdk.kind === "sdk" ? sdk.provider : null,
      confidence: "declared",
      signal: dep.lockfile ? "lockfile" : "manifest",
      line: at.line,
      column: at.column,
      detail: safeText(`${dep.lockfile ? "locked" : "dependency"} ${dep.name}${version ? ` ${version}` : ""}`),
      version: version ? safeText(version).slice(0, 60) : null,
      package: dep.name,
      ...(dep.lockfile ? { versionHint: true } : {}),
    });
  }
  return hits;
}
