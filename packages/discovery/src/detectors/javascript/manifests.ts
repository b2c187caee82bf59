import { escapeRegExp } from "../../text/regexp.js";
import type { Dependency } from "../code/manifest.js";

const SECTIONS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

/** `package.json`: the four dependency sections. Invalid JSON yields nothing. */
export function packageJson(text: string): Dependency[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return [];
  }
  if (!manifest || typeof manifest !== "object") return [];
  const out: Dependency[] = [];
  for (const section of SECTIONS) {
    const deps = (manifest as Record<string, unknown>)[section];
    if (!deps || typeof deps !== "object") continue;
    for (const [name, version] of Object.entries(deps as Record<string, unknown>)) {
      const at = new RegExp(`"${escapeRegExp(name)}"\\s*:`).exec(text);
      out.push({ name, version: typeof version === "string" ? version : null, offset: at?.index ?? 0 });
    }
  }
  return out;
}

/** `package-lock.json` / `npm-shrinkwrap.json` (v1 nested and v2/v3 `node_modules/…` entries): lockfile hints. */
export function packageLock(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/"node_modules\/((?:@[^/"]+\/)?[^/"]+)":\s*\{[^{}]*?"version":\s*"([^"]+)"/g)) {
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
  }
  if (out.length === 0) {
    for (const m of text.matchAll(/"((?:@[^/"]+\/)?[^/"]+)":\s*\{\s*"version":\s*"([^"]+)"/g)) {
      out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
    }
  }
  return out;
}

/** `yarn.lock` (classic and Berry): `"name@range":` followed by `version`. Lockfile hints. */
export function yarnLock(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^"?((?:@[^@\s"/]+\/)?[^@\s"/]+)@[^\n]*:\s*\n(?:[ \t]+[^\n]*\n)*?[ \t]+version:?[ \t]+"?([^"\s]+)"?/gm)) {
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
  }
  return out;
}

/** `pnpm-lock.yaml`: package keys `/name@version:` or `name@version:`. Lockfile hints. */
export function pnpmLock(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^[ \t]{2,4}['"]?\/?((?:@[^/@\s'"]+\/)?[^/@\s'"]+)[@/](\d[^:'"\s(]*)/gm)) {
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
  }
  return out;
}
