import type { Dependency } from "../code/manifest.js";

/** `Gemfile` and `*.gemspec`: `gem "name", "~> 1.0"` and `add_(runtime_|development_)dependency`. */
export function gemfile(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^[ \t]*(?:gem|\w+\.add_(?:runtime_|development_)?dependency)[ \t(]+(["'])([\w.-]+)\1(?:[ \t]*,[ \t]*(["'])([^"'\n]+)\3)?/gm)) {
    out.push({ name: m[2] ?? "", version: m[4] ?? null, offset: m.index + m[0].indexOf(m[2] ?? "") });
  }
  return out;
}

/** `Gemfile.lock`: `    name (1.2.3)` spec lines (lockfile hints). */
export function gemfileLock(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^ {4}([\w.-]+) \(([^)\s]+)\)$/gm)) out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index + 4, lockfile: true });
  return out;
}
