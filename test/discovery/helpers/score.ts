import type { FindingKind, Scope } from "@caio/core";

/** A ground-truth or found item: exact (kind, id, scope), within one repository. */
export interface Triple {
  kind: FindingKind;
  id: string;
  scope: Scope;
  /** Repository the item belongs to (items of different repositories never match). */
  repo?: string;
}

/** Precision and recall for one group of items. */
export interface Score {
  truth: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
  falsePositives: string[];
  falseNegatives: string[];
}

const key = (t: Triple) => `${t.repo ?? ""}:${t.kind}|${t.id}|${t.scope}`;

/** Scores found items against ground truth on exact (kind, id, scope) sets. Empty sets score 1. */
export function score(truth: readonly Triple[], found: readonly Triple[]): Score {
  const expected = new Set(truth.map(key));
  const got = new Set(found.map(key));
  const truePositives = [...got].filter((k) => expected.has(k)).length;
  return {
    truth: expected.size,
    found: got.size,
    truePositives,
    precision: got.size === 0 ? 1 : truePositives / got.size,
    recall: expected.size === 0 ? 1 : truePositives / expected.size,
    falsePositives: [...got].filter((k) => !expected.has(k)).sort(),
    falseNegatives: [...expected].filter((k) => !got.has(k)).sort(),
  };
}

/** Scores per finding kind, plus "runtime" (runtime scope, all kinds) and "all". */
export function scoreByKind(truth: readonly Triple[], found: readonly Triple[]): Map<string, Score> {
  const out = new Map<string, Score>();
  const kinds = [...new Set([...truth, ...found].map((t) => t.kind))].sort();
  for (const kind of kinds) {
    out.set(
      kind,
      score(
        truth.filter((t) => t.kind === kind),
        found.filter((t) => t.kind === kind),
      ),
    );
  }
  out.set(
    "runtime (all kinds)",
    score(
      truth.filter((t) => t.scope === "runtime"),
      found.filter((t) => t.scope === "runtime"),
    ),
  );
  out.set("all scopes", score(truth, found));
  return out;
}

/** A fixed-width table of the scores. */
export function formatScores(scores: Map<string, Score>): string {
  const rows = [["kind", "truth", "found", "tp", "precision", "recall"]];
  for (const [name, s] of scores) rows.push([name, String(s.truth), String(s.found), String(s.truePositives), s.precision.toFixed(3), s.recall.toFixed(3)]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ")).join("\n");
}
