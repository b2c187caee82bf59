import { CONFIDENCES } from "@caio/core";
import { type DetectorHits, scanText } from "@caio/discovery";
import { KEY_GENERATORS, type KeyKind } from "./keys.js";

/**
 * An annotated fixture: a file whose lines carry their expected hits in a comment,
 * `expect: sdk:openai/used provider:openai/used`, or (for formats without comments) in `expect`.
 * Each expectation is `kind:id/confidence`; secrets are `secret:<provider>/referenced`.
 * Lines without an annotation must produce no hit at all. `%KEY:groq%` is replaced with a key
 * generated at test time.
 */
export interface AnnotatedFixture {
  name: string;
  path: string;
  text: string;
  expect?: Record<number, string[]>;
}

const ANNOTATION = /expect:\s*(.*?)\s*(?:-->|\*\/)?\s*$/;
const KEY = /%KEY:([a-z-]+)%/g;

/** Replaces `%KEY:kind%` with generated keys. */
export function withKeys(text: string): string {
  return text.replace(KEY, (_, kind: string) => {
    const generate = KEY_GENERATORS[kind as KeyKind];
    if (!generate) throw new Error(`unknown key kind ${kind}`);
    return generate();
  });
}

/** Expected `kind:id/confidence` sets per 1-based line. */
export function expectations(fixture: AnnotatedFixture, text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  text.split("\n").forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (m?.[1]) out.set(i + 1, new Set(m[1].split(/\s+/).filter(Boolean)));
  });
  for (const [line, items] of Object.entries(fixture.expect ?? {})) out.set(Number(line), new Set(items));
  return out;
}

/** Hits per 1-based line as `kind:id/confidence`, strongest confidence per (line, kind, id). */
export function actual(groups: readonly DetectorHits[]): Map<number, Set<string>> {
  const best = new Map<string, { line: number; item: string; rank: number }>();
  for (const { hits } of groups) {
    for (const hit of hits) {
      const id = hit.kind === "secret" ? (hit.secret?.provider ?? "?") : hit.id;
      const key = `${hit.line}|${hit.kind}:${id}`;
      const rank = CONFIDENCES.indexOf(hit.confidence);
      const previous = best.get(key);
      if (!previous || rank < previous.rank) best.set(key, { line: hit.line, item: `${hit.kind}:${id}/${hit.confidence}`, rank });
    }
  }
  const out = new Map<number, Set<string>>();
  for (const { line, item } of best.values()) out.set(line, (out.get(line) ?? new Set()).add(item));
  return out;
}

/** Differences between expected and actual hits, one message per line that differs (empty when equal). */
export function compareFixture(fixture: AnnotatedFixture): string[] {
  const text = withKeys(fixture.text);
  const expected = expectations(fixture, text);
  const got = actual(scanText(fixture.path, text, { fingerprint: () => "0".repeat(32) }));
  const lines = new Set([...expected.keys(), ...got.keys()]);
  const problems: string[] = [];
  for (const line of [...lines].sort((a, b) => a - b)) {
    const want = [...(expected.get(line) ?? [])].sort();
    const have = [...(got.get(line) ?? [])].sort();
    if (want.join(" ") !== have.join(" ")) problems.push(`${fixture.name} (${fixture.path}:${line}): expected [${want.join(" ")}] got [${have.join(" ")}]`);
  }
  return problems;
}
