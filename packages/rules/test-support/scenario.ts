/** Scenario helpers for the rules tests: facts, and a wizard that answers every question it is asked. */
import type { Answer, ClassificationResult, LawVersion } from "@caio/core";
import type { SystemFacts } from "../src/api.js";
import { rules } from "../src/engine.js";

export const AS_OF = "2026-11-23";

/** Neutral facts: no pre-fill suggests anything in particular. */
export function facts(overrides: Partial<SystemFacts> = {}): SystemFacts {
  return {
    name: "Test system",
    purpose: "",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["none"],
    affectedPeople: "unknown",
    euNexus: ["used-in-eu"],
    tags: [],
    components: [],
    ...overrides,
  };
}

/** The answers that put a system in the AI Act's scope. */
export const IN_SCOPE = ["aia.scope.ai-system", "aia.scope.eu-nexus"];

export interface Scenario {
  /** Questions answered "yes" when asked. */
  yes?: string[];
  /** Questions answered "unknown" when asked. */
  unknown?: string[];
  /** Everything else asked is answered with this (default "no"). */
  otherwise?: Answer;
  law?: LawVersion;
  asOf?: string;
  facts?: SystemFacts;
}

/**
 * Runs the wizard to the end: asks `classify` for the pending questions, answers them from the
 * scenario, and repeats. Returns the final result and every answer given (the questions asked).
 */
export function complete(s: Scenario): { result: ClassificationResult; answers: Record<string, Answer> } {
  const answers: Record<string, Answer> = {};
  const input = () => ({ facts: s.facts ?? facts(), answers, asOf: s.asOf ?? AS_OF, law: s.law ?? "original" });
  for (let round = 0; round < 100; round++) {
    const result = rules.classify(input());
    if (result.pending.length === 0) return { result, answers };
    for (const id of result.pending) answers[id] = s.yes?.includes(id) ? "yes" : s.unknown?.includes(id) ? "unknown" : (s.otherwise ?? "no");
  }
  throw new Error("the wizard did not finish");
}

export const kinds = (r: ClassificationResult) => [...new Set(r.labels.map((l) => l.kind))].sort();
export const ruleIds = (r: ClassificationResult) => r.labels.map((l) => l.ruleId);
export const obligationIds = (r: ClassificationResult) => r.obligations.map((o) => o.id);
export const roleNames = (r: ClassificationResult) => r.roles.map((x) => x.role);
export const obligation = (r: ClassificationResult, id: string) => {
  const o = r.obligations.find((x) => x.id === id);
  if (!o) throw new Error(`no obligation ${id} in ${obligationIds(r).join(", ")}`);
  return o;
};
