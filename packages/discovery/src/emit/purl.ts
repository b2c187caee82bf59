// Package URLs (https://github.com/package-url/purl-spec) for the packages behind findings and for models.
import { ECOSYSTEMS, type Ecosystem, type Finding } from "@caio/core";

/**
 * A registry package behind a finding (`@anthropic-ai/sdk` on npm for the SDK id `anthropic`).
 * Not in the `Finding` contract yet: proposed as `Finding.packages`. The emitters read it when a
 * finding carries it and emit no purl otherwise, because canonical ids are vendor-level
 * (`anthropic`, `aws-bedrock`) and guessing a package from them gives wrong purls.
 */
export interface FindingPackage {
  ecosystem: Ecosystem;
  /** Registry name: npm name, PyPI distribution, Go module path, Maven `group:artifact`, NuGet id, gem name. */
  name: string;
  /** As declared (may be a range); null when only imported. */
  version: string | null;
}

/** purl types for the ecosystems that have a package registry. */
const PURL_TYPES: Partial<Record<Ecosystem, string>> = {
  javascript: "npm",
  python: "pypi",
  go: "golang",
  java: "maven",
  csharp: "nuget",
  ruby: "gem",
};

/** Package-name syntax per purl type; a name that does not fit gets no purl rather than a wrong one. */
const NAME_SYNTAX: Record<string, RegExp> = {
  npm: /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i,
  pypi: /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/,
  golang: /^[a-z0-9.-]+\.[a-z]{2,}(\/[A-Za-z0-9._~-]+)+$/,
  maven: /^[A-Za-z0-9._-]+:[A-Za-z0-9._-]+$/,
  nuget: /^[A-Za-z0-9_][A-Za-z0-9._-]*$/,
  gem: /^[A-Za-z0-9_][A-Za-z0-9._-]*$/,
};

/** Percent-encodes everything but the purl-safe characters. */
function enc(segment: string): string {
  return Array.from(new TextEncoder().encode(segment), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9._~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/** A version that names one release (no ranges such as `^1.2`, `>=2`, `~> 3`, `1.x`, `*`). */
export function exactVersion(version: string | null): string | null {
  if (!version) return null;
  const v = version.trim().replace(/^==?\s*/, "");
  return /^v?[0-9][0-9A-Za-z.+_-]*$/.test(v) && !/(^|\.)[xX*](\.|$)/.test(v) ? v : null;
}

function isPackage(value: unknown): value is FindingPackage {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.name === "string" &&
    p.name.length > 0 &&
    (ECOSYSTEMS as readonly unknown[]).includes(p.ecosystem) &&
    (p.version === null || typeof p.version === "string")
  );
}

/**
 * The packages behind a finding: its `packages` list, or a single `package` name in the finding's
 * ecosystem and version (both proposed contract fields); empty when it carries neither.
 */
export function packagesOf(finding: Finding): FindingPackage[] {
  const ext = finding as Finding & { packages?: unknown; package?: unknown };
  if (Array.isArray(ext.packages)) return ext.packages.filter(isPackage);
  if (typeof ext.package === "string" && ext.package.length > 0 && finding.ecosystem) {
    return [{ ecosystem: finding.ecosystem, name: ext.package, version: finding.version }];
  }
  return [];
}

/**
 * The purl of a package, e.g. `pkg:npm/%40anthropic-ai/sdk@0.30.1`, `pkg:pypi/openai@1.2.3`,
 * `pkg:golang/github.com/openai/openai-go`, `pkg:maven/com.openai/openai-java@1.0.0`. Null when
 * the ecosystem has no registry or the name does not have its package-name syntax. The version is
 * included only when it names one release.
 */
export function purlOf(pkg: FindingPackage): string | null {
  const type = PURL_TYPES[pkg.ecosystem];
  if (!type || !NAME_SYNTAX[type]?.test(pkg.name)) return null;
  let name = pkg.name;
  if (type === "pypi") name = name.toLowerCase().replace(/_/g, "-");
  if (type === "npm") name = name.toLowerCase();
  const path = type === "maven" ? name.split(":").map(enc).join("/") : name.split("/").map(enc).join("/");
  const version = exactVersion(pkg.version);
  return `pkg:${type}/${path}${version ? `@${enc(version)}` : ""}`;
}

/** The purl of a finding backed by exactly one package; null otherwise. */
export function findingPurl(finding: Finding): string | null {
  const pkgs = packagesOf(finding);
  return pkgs.length === 1 && pkgs[0] ? purlOf(pkgs[0]) : null;
}

/** `pkg:huggingface/org/name` for a Hugging Face model id; null for hosted API models, which have no purl type. */
export function modelPurl(finding: Finding): string | null {
  if (finding.provider !== "huggingface") return null;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\/([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(finding.id);
  return m?.[1] && m[2] ? `pkg:huggingface/${enc(m[1])}/${enc(m[2])}` : null;
}
