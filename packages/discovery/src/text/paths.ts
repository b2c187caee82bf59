import { escapeRegExp } from "./regexp.js";

/** Path helpers over repository-relative paths with forward slashes. */

/** The last path segment. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The lower-case extension without the dot (`ts` for `a.test.ts`), or "". */
export function extension(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** Compiles a glob: `**` any directories, `*` any name part, `?` one character. Matches whole paths. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    if (ch === "*" && glob.charAt(i + 1) === "*") {
      if (glob.charAt(i + 2) === "/") {
        source += "(?:.*/)?";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * Compiles globs into a matcher returning the index of the first glob a path matches, or -1. A path
 * is tested against the glob expressions only when it contains a literal segment of some glob (one
 * quick test), which rejects almost every path.
 */
export function globMatcher(globs: readonly string[]): (path: string) => number {
  const patterns = globs.map(globToRegExp);
  const tokens = new Set<string>();
  let unanchored = false;
  for (const glob of globs) {
    const literal = glob
      .split("/")
      .filter((s) => s && !/[*?]/.test(s))
      .pop();
    if (literal) tokens.add(literal);
    else unanchored = true;
  }
  const quick = new RegExp(`(?:^|/)(?:${[...tokens].map(escapeRegExp).join("|")})(?:/|$)`);
  return (path) => {
    if (!unanchored && !quick.test(path)) return -1;
    return patterns.findIndex((p) => p.test(path));
  };
}
