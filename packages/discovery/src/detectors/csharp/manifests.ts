import type { Dependency } from "../code/manifest.js";

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, "i").exec(tag)?.[1];
}

/**
 * MSBuild files (`*.csproj`, `Directory.Packages.props`, `Directory.Build.props`): `PackageReference`
 * and central `PackageVersion` items, with the version as attribute or child element.
 */
export function msbuildPackages(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/<(PackageReference|PackageVersion|GlobalPackageReference)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
    const attrs = m[2] ?? "";
    const name = attribute(attrs, "Include") ?? attribute(attrs, "Update");
    if (!name) continue;
    const version = attribute(attrs, "Version") ?? attribute(attrs, "VersionOverride") ?? /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(m[4] ?? "")?.[1] ?? null;
    out.push({ name, version, offset: m.index });
  }
  return out;
}

/** Legacy `packages.config`: `<package id="…" version="…" />`. */
export function packagesConfig(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/<package\b([^>]*)\/?>/g)) {
    const id = attribute(m[1] ?? "", "id");
    if (id) out.push({ name: id, version: attribute(m[1] ?? "", "version") ?? null, offset: m.index });
  }
  return out;
}
