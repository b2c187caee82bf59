import { escapeRegExp } from "../../text/regexp.js";
import { FAMILIES } from "../families.js";

const NAMES = new Map<string, string>();
for (const family of FAMILIES) {
  for (const provider of family.providers ?? []) for (const name of provider.mentions ?? []) if (!NAMES.has(name)) NAMES.set(name, provider.id);
}

/** Provider names as they appear in prose (case-sensitive, whole words, longest first). Group 1: the name. */
export const MENTION_PATTERN = new RegExp(
  `(?<![\\w-])(${[...NAMES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/ /g, "\\s+"))
    .join("|")})(?![\\w-])`,
  "g",
);

/** The provider a prose name refers to. */
export function providerForMention(name: string): string | undefined {
  return NAMES.get(name.replace(/\s+/g, " "));
}
