import type { Dependency } from "../code/manifest.js";

/** `go.mod` require lines and blocks; `// indirect` requirements are skipped. */
export function goMod(text: string): Dependency[] {
  const out: Dependency[] = [];
  const add = (line: string, offset: number) => {
    if (/\/\/\s*indirect/.test(line)) return;
    const m = /^\s*(?:require\s+)?([\w.~-]+(?:\/[\w.~-]+)+)\s+(v[\w.+-]+)/.exec(line);
    if (m?.[1]) out.push({ name: m[1], version: m[2] ?? null, offset: offset + line.indexOf(m[1]) });
  };
  let inBlock = false;
  let offset = 0;
  for (const line of text.split("\n")) {
    if (/^\s*require\s*\(/.test(line)) inBlock = true;
    else if (inBlock && /^\s*\)/.test(line)) inBlock = false;
    else if (inBlock || /^\s*require\s+\S/.test(line)) add(line, offset);
    offset += line.length + 1;
  }
  return out;
}

/** `go.sum`: module versions (lockfile hints). */
export function goSum(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^([\w.~-]+(?:\/[\w.~-]+)+)\s+(v[^\s/]+)\s/gm))
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
  return out;
}
