/**
 * The rules package's public contract: what callers (server, CLI) give the engine and get back.
 * Content (questions, rules, obligations) is data in `content/`; the engine evaluates it.
 */
import type { Answer, ClassificationResult, LawVersion, QuestionView } from "@caio/core";

/** Inventory facts about a system, used to pre-fill answers (never to answer silently). */
export interface SystemFacts {
  name: string;
  purpose: string;
  stage: string;
  customerFacing: boolean;
  /** none | informs | decides */
  decisionsAffectingPeople: string;
  /** none | personal | special-category | children */
  personalData: readonly string[];
  affectedPeople: string;
  /** placed-on-eu-market | used-in-eu | output-used-in-eu | none */
  euNexus: readonly string[];
  tags: readonly string[];
  components: readonly { kind: string; provider: string; identifier: string; hosting: string; name: string }[];
}

export interface ClassifyInput {
  facts: SystemFacts;
  /** Answers by question id. A missing answer means "not asked yet". */
  answers: Readonly<Record<string, Answer>>;
  /** The day the obligations and their dates are read for, YYYY-MM-DD. */
  asOf: string;
  law: LawVersion;
}

/** Serious-incident severities with their own Art 73 clock. */
export const INCIDENT_SEVERITIES = ["death", "widespread-or-critical-infrastructure", "serious"] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export interface RulesEngine {
  /** Rule-set id and version, and the changelog (newest first). */
  readonly ruleset: { id: string; version: string; changelog: readonly { version: string; date: string; changes: readonly string[] }[] };
  /** The questions that matter given the answers so far, in order, each pre-filled from the facts when they suggest an answer. */
  questions(input: ClassifyInput): QuestionView[];
  /** The classification for the answers given. */
  classify(input: ClassifyInput): ClassificationResult;
  /** Plain-words differences between two results (labels, roles, obligations, dates). */
  diff(before: ClassificationResult, after: ClassificationResult): string[];
  /** The Art 73 reporting deadline: awareness date + days for the severity. */
  incidentDeadline(awareOn: string, severity: IncidentSeverity): { dueDate: string; days: number; cite: string[] };
}
