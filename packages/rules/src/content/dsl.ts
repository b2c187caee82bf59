/**
 * Shorthands that build condition objects. They only make the content files shorter: what they
 * return is the plain data of the condition language (`schema.ts`), e.g. `yes("q")` is
 * `{ answer: "q", is: "yes" }`.
 */
import type { Condition } from "../schema.js";

export const yes = (question: string): Condition => ({ answer: question, is: "yes" });
export const no = (question: string): Condition => ({ answer: question, is: "no" });
/** True unless the question was answered "no" (unknown stays unknown; not answered yet stays missing). */
export const notNo = (question: string): Condition => ({ not: no(question) });
/** True unless the question was answered "yes". */
export const notYes = (question: string): Condition => ({ not: yes(question) });
export const ref = (definition: string): Condition => ({ ref: definition });
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
export const not = (condition: Condition): Condition => ({ not: condition });
export const atLeast = (n: number, conditions: Condition[]): Condition => ({ atLeast: n, of: conditions });
export const law = (version: "original" | "omnibus"): Condition => ({ law: version });
