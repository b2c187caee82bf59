import { FAMILIES } from "../families.js";
import type { Target } from "../types.js";

const EXACT = new Map<string, Target>();
const PREFIXES: [string, Target][] = [];
for (const family of FAMILIES) {
  for (const entry of family.envVars ?? []) {
    for (const name of entry.names ?? []) EXACT.set(name, entry.target);
    for (const prefix of entry.prefixes ?? []) PREFIXES.push([`${prefix}_`, entry.target]);
  }
}
PREFIXES.sort((a, b) => b[0].length - a[0].length);

/** Environment-variable names of the catalogue, as whole words. Group 1: the name. */
export const ENV_VAR_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_])(${[...[...EXACT.keys()].sort((a, b) => b.length - a.length), ...PREFIXES.map(([p]) => `${p}[A-Z0-9_]*[A-Z0-9]`)].join("|")})(?![A-Za-z0-9_])`,
  "g",
);

/** What an environment variable name points at, if it is in the catalogue. Exact names win over prefixes. */
export function lookupEnvVar(name: string): Target | undefined {
  const exact = EXACT.get(name);
  if (exact) return exact;
  for (const [prefix, target] of PREFIXES) if (name.startsWith(prefix) && name.length > prefix.length) return target;
  return undefined;
}

/** Exact names and prefixes (for the prefilter and tests). */
export function envVarLiterals(): string[] {
  return [...EXACT.keys(), ...PREFIXES.map(([p]) => p)];
}
