import ignore, { type Ignore } from "ignore";

/** The ignore rules of one directory (its `.gitignore`, plus `.git/info/exclude` at the root). */
export interface IgnoreLevel {
  /** Directory of the rules, relative to the root ("" for the root), without trailing slash. */
  base: string;
  rules: Ignore;
}

/** Builds the rules of one directory from the texts of its ignore files. */
export function ignoreLevel(base: string, texts: readonly string[]): IgnoreLevel {
  const rules = ignore({ allowRelativePaths: true });
  for (const text of texts) rules.add(text);
  return { base, rules };
}

/**
 * Whether a root-relative path is ignored by the stack of levels, outermost first. As in git, the
 * deepest matching rule decides (a nested `!pattern` re-includes what a parent ignored).
 */
export function isIgnored(levels: readonly IgnoreLevel[], rel: string, directory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const local = level.base ? (rel.startsWith(`${level.base}/`) ? rel.slice(level.base.length + 1) : null) : rel;
    if (local === null || local === "") continue;
    const result = level.rules.test(directory ? `${local}/` : local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
