/**
 * EU AI Act Art 6(3): an Annex III system is not high-risk when it does not pose a significant risk
 * of harm, including by not materially influencing decisions, and one of conditions (a)-(d) holds.
 * Profiling of natural persons is checked first: it always stays high-risk (third subparagraph).
 * The provider documents the assessment (6(4)) and registers the system (49(2)); the Digital
 * Omnibus kept the registration.
 */
import type { ContentModule, LabelRule } from "../../schema.js";
import { all, any, no, notYes, ref, yes } from "../dsl.js";
import { ANNEX_III_POINTS } from "./annex-iii.js";

const PROFILING = "aia.art6-3.profiling";
const MATERIAL = "aia.art6-3.material-influence";
const BASE = all(ref("aia.live"), ref("aia.annex3-any"));

export const ART6_3_CONDITIONS = [
  {
    point: "a",
    title: "narrow procedural task",
    text: "Is the system intended to perform a narrow procedural task (e.g. turning unstructured data into structured data, sorting incoming documents into categories, detecting duplicates)?",
  },
  {
    point: "b",
    title: "improves the result of a completed human activity",
    text: "Is the system intended to improve the result of a previously completed human activity (e.g. polishing the language of a document a person already wrote)?",
  },
  {
    point: "c",
    title: "detects decision-making patterns without replacing human assessment",
    text: "Is the system intended to detect decision-making patterns or deviations from prior patterns, without replacing or influencing the previously completed human assessment without proper human review?",
  },
  {
    point: "d",
    title: "preparatory task to an assessment",
    text: "Is the system intended to perform a preparatory task to an assessment relevant for the Annex III use (e.g. indexing, searching, translating or linking files)?",
  },
] as const;

const conditionQuestion = (point: string) => `aia.art6-3.${point}`;

export const art63: ContentModule = {
  questions: [
    {
      id: PROFILING,
      framework: "eu-ai-act",
      section: "art6-3",
      text: "Does the system perform profiling of natural persons: automated processing of personal data to evaluate personal aspects such as work performance, economic situation, health, preferences, interests, reliability, behaviour, location or movements?",
      help: "Art 6(3) third subparagraph, with the definition in GDPR Art 4(4). An Annex III system that profiles people is always high-risk; the exemptions below are then not asked.",
      cite: ["AI Act Art 6(3) third subparagraph", "AI Act Art 3(52)", "GDPR Art 4(4)"],
      askIf: BASE,
      prefill: [{ when: { fact: "personalData", only: ["none"] }, answer: "no", reason: "The inventory records no personal data, so no profiling of people." }],
    },
    ...ART6_3_CONDITIONS.map((c, i) => ({
      id: conditionQuestion(c.point),
      framework: "eu-ai-act" as const,
      section: "art6-3" as const,
      text: c.text,
      help: `Art 6(3)(${c.point}). One condition is enough; the next ones are asked only while none holds.`,
      cite: [`AI Act Art 6(3)(${c.point})`, "AI Act Recital 53"],
      askIf: all(BASE, no(PROFILING), ...ART6_3_CONDITIONS.slice(0, i).map((earlier) => notYes(conditionQuestion(earlier.point)))),
    })),
    {
      id: MATERIAL,
      framework: "eu-ai-act",
      section: "art6-3",
      text: "Does the system nevertheless materially influence the outcome of decision-making, or otherwise pose a significant risk of harm to people's health, safety or fundamental rights?",
      help: "Art 6(3) first subparagraph: the conditions only exempt a system that does not pose a significant risk of harm, including by not materially influencing decisions. Answer yes when people rely on its output to decide.",
      cite: ["AI Act Art 6(3) first subparagraph"],
      askIf: all(BASE, no(PROFILING), any(...ART6_3_CONDITIONS.map((c) => yes(conditionQuestion(c.point))))),
      prefill: [{ when: { fact: "decisionsAffectingPeople", in: ["decides"] }, answer: "yes", reason: "The inventory says the system decides about people." }],
    },
  ],
  definitions: {
    "aia.art6-3-exempt": all(no(PROFILING), any(...ART6_3_CONDITIONS.map((c) => yes(conditionQuestion(c.point)))), no(MATERIAL)),
  },
  labels: ANNEX_III_POINTS.flatMap((p) =>
    ART6_3_CONDITIONS.map(
      (c): LabelRule => ({
        id: `aia.exempt.annex3.${p.code}.${c.point}`,
        kind: "art6-3-exempt",
        basis: `Annex III point ${p.label} (${p.title}), not high-risk under Art 6(3)(${c.point}): ${c.title}. The provider documents the assessment (Art 6(4)) and registers the system (Art 49(2)).`,
        cite: [`AI Act Art 6(3)(${c.point})`, `AI Act Annex III point ${p.label}`, "AI Act Art 6(4)", "AI Act Art 49(2)"],
        when: all(yes(p.question), ref("aia.art6-3-exempt"), yes(conditionQuestion(c.point))),
      }),
    ),
  ),
  obligations: [
    {
      id: "aia.art6-4.document",
      framework: "eu-ai-act",
      title: "Document the Art 6(3) assessment (Art 6(4))",
      summary:
        "Before placing the system on the market or putting it into service, document why it is not high-risk under Art 6(3) (which condition holds and why it does not materially influence decisions), and give the documentation to national authorities on request.",
      cite: ["AI Act Art 6(4)", "AI Act Art 6(3)"],
      roles: ["provider"],
      when: all(ref("aia.art6-3-exempt"), ref("aia.role-provider")),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["Art 6(3) assessment record: Annex III point, condition, reasoning, reviewer and date"],
    },
    {
      id: "aia.art49-2.register",
      framework: "eu-ai-act",
      title: "Register the exempted system in the EU database (Art 49(2))",
      summary:
        "Register yourself and the system in the EU database before placing it on the market or putting it into service, even though it is not high-risk under Art 6(3). The Digital Omnibus kept this duty.",
      cite: ["AI Act Art 49(2)", "AI Act Art 71"],
      roles: ["provider"],
      when: all(ref("aia.art6-3-exempt"), ref("aia.role-provider")),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["EU database registration reference"],
      penalty: "aia.99-4",
    },
  ],
};
