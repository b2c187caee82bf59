import { FAMILIES } from "../families.js";
import type { PackageEcosystem, SdkEntry } from "../types.js";

interface PackageIndex {
  exact: Map<string, SdkEntry>;
  /** [prefix, entry], longest prefix first. */
  prefixes: [string, SdkEntry][];
}

/** Normalises a package name the way its registry compares names. */
export function normalizePackageName(ecosystem: PackageEcosystem, name: string): string {
  const trimmed = name.trim();
  switch (ecosystem) {
    case "pypi":
      return trimmed.toLowerCase().replace(/[-_.]+/g, "-");
    case "nuget":
    case "npm":
      return trimmed.toLowerCase();
    default:
      return trimmed;
  }
}

function build(): Map<PackageEcosystem, PackageIndex> {
  const out = new Map<PackageEcosystem, PackageIndex>();
  for (const family of FAMILIES) {
    for (const sdk of family.sdks ?? []) {
      for (const [ecosystem, names] of Object.entries(sdk.packages) as [PackageEcosystem, readonly string[]][]) {
        let index = out.get(ecosystem);
        if (!index) {
          index = { exact: new Map(), prefixes: [] };
          out.set(ecosystem, index);
        }
        for (const name of names) {
          if (name.endsWith("*")) index.prefixes.push([normalizePackageName(ecosystem, name.slice(0, -1)), sdk]);
          else if (!index.exact.has(normalizePackageName(ecosystem, name))) index.exact.set(normalizePackageName(ecosystem, name), sdk);
        }
      }
    }
  }
  for (const index of out.values()) index.prefixes.sort((a, b) => b[0].length - a[0].length);
  return out;
}

const INDEX = build();

/**
 * The SDK or vector-store client a package belongs to, or undefined. Go module paths match their
 * sub-packages and major-version suffixes (`github.com/openai/openai-go/v2`).
 */
export function lookupPackage(ecosystem: PackageEcosystem, name: string): SdkEntry | undefined {
  const index = INDEX.get(ecosystem);
  if (!index) return undefined;
  const key = normalizePackageName(ecosystem, name);
  const exact = index.exact.get(key);
  if (exact) return exact;
  if (ecosystem === "go") {
    for (const [root, sdk] of index.exact) if (key.startsWith(`${root}/`)) return sdk;
  }
  for (const [prefix, sdk] of index.prefixes) if (key.startsWith(prefix) && key.length > prefix.length) return sdk;
  return undefined;
}
