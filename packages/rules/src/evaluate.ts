/**
 * Evaluation of the condition language over answers, with four truth values:
 * - `T` true, `F` false;
 * - `U` unknown: depends on an answer given as "unknown" (the result needs review, it is never "no");
 * - `M` missing: depends on a question that matters and is not answered yet.
 *
 * `all`: F if any F, else M if any M, else U if any U, else T. `any`: T if any T, else M if any M,
 * else U if any U, else F. `not` swaps T and F. `atLeast n`: T once n are T, F once n can no longer
 * be reached, else M or U. An `answer` condition on a question that is not asked (its `askIf` is
 * false) is false; on one whose `askIf` is still missing, missing.
 */
import type { Answer, LawVersion } from "@caio/core";
import type { SystemFacts } from "./api.js";
import type { Condition, FactCondition, Question, RuleSet } from "./schema.js";

export type Truth = "T" | "F" | "U" | "M";

function combineAll(values: Truth[]): Truth {
  if (values.includes("F")) return "F";
  if (values.includes("M")) return "M";
  if (values.includes("U")) return "U";
  return "T";
}

function combineAny(values: Truth[]): Truth {
  if (values.includes("T")) return "T";
  if (values.includes("M")) return "M";
  if (values.includes("U")) return "U";
  return "F";
}

function negate(value: Truth): Truth {
  return value === "T" ? "F" : value === "F" ? "T" : value;
}

function atLeast(n: number, values: Truth[]): Truth {
  const t = values.filter((v) => v === "T").length;
  if (t >= n) return "T";
  const open = values.filter((v) => v === "U" || v === "M").length;
  if (t + open < n) return "F";
  return values.includes("M") ? "M" : "U";
}

/** Evaluates conditions for one set of answers; results are memoized per instance. */
export class Evaluator {
  private readonly relevanceMemo = new Map<string, Truth>();
  private readonly refMemo = new Map<string, Truth>();
  private readonly stack = new Set<string>();

  constructor(
    private readonly ruleset: RuleSet,
    private readonly questionsById: ReadonlyMap<string, Question>,
    private readonly answers: Readonly<Record<string, Answer>>,
    private readonly law: LawVersion,
  ) {}

  /** Whether a question matters: T or U means ask it; F means it does not matter; M means not yet known. */
  relevance(questionId: string): Truth {
    const memo = this.relevanceMemo.get(questionId);
    if (memo) return memo;
    const question = this.questionsById.get(questionId);
    if (!question) throw new Error(`unknown question: ${questionId}`);
    const value = question.askIf ? this.guarded(`q:${questionId}`, () => this.evaluate(question.askIf as Condition)) : "T";
    this.relevanceMemo.set(questionId, value);
    return value;
  }

  /** The answer that counts for a question: undefined when not given or when the question does not matter. */
  answerOf(questionId: string): Answer | undefined {
    const relevance = this.relevance(questionId);
    return relevance === "T" || relevance === "U" ? this.answers[questionId] : undefined;
  }

  evaluate(condition: Condition): Truth {
    if ("all" in condition) return combineAll(condition.all.map((c) => this.evaluate(c)));
    if ("any" in condition) return combineAny(condition.any.map((c) => this.evaluate(c)));
    if ("not" in condition) return negate(this.evaluate(condition.not));
    if ("atLeast" in condition)
      return atLeast(
        condition.atLeast,
        condition.of.map((c) => this.evaluate(c)),
      );
    if ("law" in condition) return condition.law === this.law ? "T" : "F";
    if ("const" in condition) return condition.const ? "T" : "F";
    if ("ref" in condition) return this.definition(condition.ref);
    const relevance = this.relevance(condition.answer);
    if (relevance === "F") return "F";
    if (relevance === "M") return "M";
    const given = this.answers[condition.answer];
    if (given === undefined) return "M";
    if (given === condition.is) return "T";
    return given === "unknown" ? "U" : "F";
  }

  private definition(id: string): Truth {
    const memo = this.refMemo.get(id);
    if (memo) return memo;
    const condition = this.ruleset.definitions[id];
    if (!condition) throw new Error(`unknown definition: ${id}`);
    const value = this.guarded(`d:${id}`, () => this.evaluate(condition));
    this.refMemo.set(id, value);
    return value;
  }

  private guarded(key: string, fn: () => Truth): Truth {
    if (this.stack.has(key)) throw new Error(`circular condition through ${key.slice(2)}`);
    this.stack.add(key);
    try {
      return fn();
    } finally {
      this.stack.delete(key);
    }
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether inventory facts match a pre-fill condition. */
export function matchFacts(condition: FactCondition, facts: SystemFacts, asOf: string): boolean {
  if ("all" in condition) return condition.all.every((c) => matchFacts(c, facts, asOf));
  if ("any" in condition) return condition.any.some((c) => matchFacts(c, facts, asOf));
  if ("not" in condition) return !matchFacts(condition.not, facts, asOf);
  if ("asOfBefore" in condition) return asOf < condition.asOfBefore;
  if ("text" in condition) {
    const haystack = `${facts.name} ${facts.purpose}`.toLowerCase();
    return condition.text.some((needle) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(needle.toLowerCase())}`, "u").test(haystack));
  }
  if ("components" in condition) {
    const { kind, hosting, provider, notProvider } = condition.components;
    const ofKind = facts.components.filter((c) => !kind || kind.includes(c.kind));
    const fits = (c: SystemFacts["components"][number]) =>
      (!hosting || hosting.includes(c.hosting)) && (!provider || provider.includes(c.provider)) && !notProvider?.includes(c.provider);
    return condition.match === "some" ? ofKind.some(fits) : ofKind.length > 0 && ofKind.every(fits);
  }
  if (condition.fact === "customerFacing") return facts.customerFacing === condition.is;
  if ("in" in condition) return condition.in.includes(facts[condition.fact]);
  const values: readonly string[] = facts[condition.fact];
  if ("includesAny" in condition) return values.some((v) => condition.includesAny.includes(v));
  return values.length > 0 && values.every((v) => condition.only.includes(v));
}
