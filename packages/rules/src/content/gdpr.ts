/**
 * GDPR checks that AI systems trigger most often: Art 22 (solely automated decisions with legal or
 * similarly significant effects) and whether a DPIA is mandatory: Art 35(3)(a)-(c), or at least two
 * of the nine criteria of the EDPB-endorsed WP248 rev.01 guidelines.
 */
import type { ContentModule, FactCondition, Question } from "../schema.js";
import { all, any, atLeast, no, not, ref, yes } from "./dsl.js";

const PERSONAL = "gdpr.personal-data";
const ART22 = "gdpr.art22";
const A = "gdpr.art35-3-a";
const B = "gdpr.art35-3-b";
const C = "gdpr.art35-3-c";

const LARGE: FactCondition = { fact: "affectedPeople", in: ["10k-100k", "100k-1m", ">1m"] };
const SMALL: FactCondition = { fact: "affectedPeople", in: ["<100", "100-1k"] };

interface Criterion {
  key: string;
  title: string;
  text: string;
  prefill?: { when: FactCondition; answer: "yes" | "no"; reason: string }[];
}

const CRITERIA: Criterion[] = [
  {
    key: "scoring",
    title: "evaluation or scoring, including profiling and predicting",
    text: "Does the processing evaluate or score people, including profiling and predicting (e.g. performance, economic situation, health, preferences, behaviour)?",
  },
  {
    key: "automated-decision",
    title: "automated decision-making with legal or similarly significant effect",
    text: "Does the processing involve automated decision-making with legal or similarly significant effect on people?",
    prefill: [
      { when: { fact: "decisionsAffectingPeople", in: ["decides"] }, answer: "yes", reason: "The inventory says the system decides about people." },
      { when: { fact: "decisionsAffectingPeople", in: ["none"] }, answer: "no", reason: "The inventory says the system makes no decisions about people." },
    ],
  },
  {
    key: "monitoring",
    title: "systematic monitoring",
    text: "Does the processing systematically observe, monitor or control people (including in publicly accessible areas or at work)?",
    prefill: [
      {
        when: { fact: "tags", includesAny: ["monitoring", "surveillance", "cctv", "computer-vision"] },
        answer: "yes",
        reason: "The system is tagged as monitoring or video.",
      },
    ],
  },
  {
    key: "sensitive",
    title: "sensitive data or data of a highly personal nature",
    text: "Does the processing involve special-category data (Art 9), criminal-offence data (Art 10) or otherwise highly personal data (e.g. location, financial, communications)?",
    prefill: [
      { when: { fact: "personalData", includesAny: ["special-category"] }, answer: "yes", reason: "The inventory records special-category personal data." },
    ],
  },
  {
    key: "large-scale",
    title: "data processed on a large scale",
    text: "Is the data processed on a large scale (many people, much data, long duration or wide geographic extent)?",
    prefill: [
      { when: LARGE, answer: "yes", reason: "The system affects 10,000 people or more." },
      { when: SMALL, answer: "no", reason: "The system affects fewer than 1,000 people." },
    ],
  },
  {
    key: "matching",
    title: "matching or combining datasets",
    text: "Does the processing match or combine datasets from different operations or controllers in a way people would not reasonably expect?",
  },
  {
    key: "vulnerable",
    title: "data concerning vulnerable data subjects",
    text: "Does the processing concern vulnerable people: children, employees, patients, elderly people, asylum seekers, or others in an imbalance of power with you?",
    prefill: [{ when: { fact: "personalData", includesAny: ["children"] }, answer: "yes", reason: "The inventory records children's data." }],
  },
  {
    key: "innovative",
    title: "innovative use or new technological or organisational solutions",
    text: "Does the processing use innovative technology or new organisational solutions (WP248 names artificial intelligence as an example)?",
    prefill: [
      {
        when: { fact: "tags", includesAny: ["genai", "llm", "computer-vision", "biometrics", "agents"] },
        answer: "yes",
        reason: "The system uses generative AI, computer vision or agents: a new technological solution.",
      },
    ],
  },
  {
    key: "prevents-rights",
    title: "processing that prevents people from exercising a right or using a service or contract",
    text: "Does the processing itself prevent people from exercising a right or using a service or contract (e.g. a bank screening customers for a loan)?",
  },
];

const criterionQuestion = (key: string) => `gdpr.wp248.${key}`;
const ANY_35_3 = any(yes(A), yes(B), yes(C));

export const gdpr: ContentModule = {
  questions: [
    {
      id: PERSONAL,
      framework: "gdpr",
      section: "extra",
      text: "Does the system process personal data subject to the GDPR (your organization is established in the EU/EEA, or the data is about people in the EU/EEA)?",
      help: "GDPR Art 3. Opens the Art 22 and DPIA checks.",
      cite: ["GDPR Art 2", "GDPR Art 3"],
      prefill: [
        { when: { fact: "personalData", only: ["none"] }, answer: "no", reason: "The inventory records no personal data." },
        {
          when: {
            all: [
              { fact: "personalData", includesAny: ["personal", "special-category", "children"] },
              { fact: "euNexus", includesAny: ["placed-on-eu-market", "used-in-eu", "output-used-in-eu"] },
            ],
          },
          answer: "yes",
          reason: "The inventory records personal data and an EU nexus.",
        },
      ],
    },
    {
      id: ART22,
      framework: "gdpr",
      section: "extra",
      text: "Does the system take decisions based solely on automated processing (no meaningful human involvement), including profiling, that produce legal effects on people or similarly significantly affect them?",
      help: "GDPR Art 22(1). A score a third party relies on heavily can itself be such a decision (CJEU C-634/21, SCHUFA). A human who rubber-stamps the output is not meaningful involvement.",
      cite: ["GDPR Art 22(1)", "CJEU C-634/21 (SCHUFA)"],
      askIf: yes(PERSONAL),
      prefill: [
        { when: { fact: "decisionsAffectingPeople", in: ["decides"] }, answer: "yes", reason: "The inventory says the system decides about people." },
        { when: { fact: "decisionsAffectingPeople", in: ["none"] }, answer: "no", reason: "The inventory says the system makes no decisions about people." },
      ],
    },
    {
      id: A,
      framework: "gdpr",
      section: "extra",
      text: "Does the processing involve a systematic and extensive evaluation of personal aspects based on automated processing, including profiling, on which decisions with legal or similarly significant effects are based?",
      help: "GDPR Art 35(3)(a): a DPIA is mandatory.",
      cite: ["GDPR Art 35(3)(a)"],
      askIf: yes(PERSONAL),
      prefill: [
        { when: { fact: "decisionsAffectingPeople", in: ["none"] }, answer: "no", reason: "The inventory says the system makes no decisions about people." },
      ],
    },
    {
      id: B,
      framework: "gdpr",
      section: "extra",
      text: "Does the processing involve special-category data (Art 9(1)) or criminal-conviction data (Art 10) on a large scale?",
      help: "GDPR Art 35(3)(b): a DPIA is mandatory.",
      cite: ["GDPR Art 35(3)(b)"],
      askIf: yes(PERSONAL),
      prefill: [
        {
          when: { all: [{ fact: "personalData", includesAny: ["special-category"] }, LARGE] },
          answer: "yes",
          reason: "Special-category data about 10,000 people or more.",
        },
        {
          when: { not: { fact: "personalData", includesAny: ["special-category"] } },
          answer: "no",
          reason: "The inventory records no special-category data (check criminal-conviction data separately).",
        },
      ],
    },
    {
      id: C,
      framework: "gdpr",
      section: "extra",
      text: "Does the processing involve systematic monitoring of a publicly accessible area on a large scale?",
      help: "GDPR Art 35(3)(c): a DPIA is mandatory.",
      cite: ["GDPR Art 35(3)(c)"],
      askIf: yes(PERSONAL),
      prefill: [
        { when: { fact: "tags", includesAny: ["cctv", "public-surveillance"] }, answer: "yes", reason: "The system is tagged as CCTV or public surveillance." },
      ],
    },
    ...CRITERIA.map(
      (c, i): Question => ({
        id: criterionQuestion(c.key),
        framework: "gdpr",
        section: "extra",
        text: c.text,
        help: `WP248 rev.01 criterion ${i + 1} of 9 (${c.title}). Two or more criteria usually mean a DPIA is required; the remaining criteria are not asked once two hold.`,
        cite: ["GDPR Art 35(1)", `WP248 rev.01 criterion ${i + 1}`],
        askIf: all(
          yes(PERSONAL),
          no(A),
          no(B),
          no(C),
          ...(i >= 2
            ? [
                not(
                  atLeast(
                    2,
                    CRITERIA.slice(0, i).map((e) => yes(criterionQuestion(e.key))),
                  ),
                ),
              ]
            : []),
        ),
        ...(c.prefill ? { prefill: c.prefill } : {}),
      }),
    ),
  ],
  definitions: {
    "gdpr.dpia-required": all(
      yes(PERSONAL),
      any(
        ANY_35_3,
        atLeast(
          2,
          CRITERIA.map((c) => yes(criterionQuestion(c.key))),
        ),
      ),
    ),
    "gdpr.art22-applies": all(yes(PERSONAL), yes(ART22)),
  },
  schedules: [
    {
      id: "gdpr",
      title: "GDPR (Regulation (EU) 2016/679)",
      entries: [{ from: "2018-05-25", law: "gdpr", status: "in-force", cite: ["GDPR Art 99(2)"] }],
    },
  ],
  extraChecks: [
    {
      id: "gdpr-art22",
      framework: "gdpr",
      title: "GDPR Art 22: solely automated decisions",
      when: ref("gdpr.art22-applies"),
      yes: "Solely automated decisions with legal or similarly significant effects: allowed only on a contract, Union or Member State law, or explicit consent (22(2)); provide human intervention, the right to express one's view and to contest (22(3)); no special-category data unless 22(4) applies.",
      no: "No solely automated decisions with legal or similarly significant effects on people.",
      cite: ["GDPR Art 22"],
      status: "in-force",
    },
    {
      id: "gdpr-dpia",
      framework: "gdpr",
      title: "GDPR Art 35: data-protection impact assessment",
      when: ref("gdpr.dpia-required"),
      yes: "A DPIA is required before the processing: Art 35(3) applies or at least two WP248 criteria hold. Under the AI Act, the provider's Art 13 information feeds it (Art 26(9)) and a FRIA complements it (Art 27(4)).",
      no: "No Art 35(3) case and fewer than two WP248 criteria: a DPIA is not mandatory (document this screening).",
      cite: ["GDPR Art 35(1)", "GDPR Art 35(3)", "WP248 rev.01"],
      status: "in-force",
    },
  ],
  obligations: [
    {
      id: "gdpr.art22.safeguards",
      framework: "gdpr",
      title: "Lawful basis and safeguards for solely automated decisions (GDPR Art 22)",
      summary:
        "Base the solely automated decisions on a contract, law or explicit consent; offer human intervention, the right to express a view and to contest the decision; inform people about the logic involved and its consequences (Arts 13(2)(f), 14(2)(g), 15(1)(h)).",
      cite: ["GDPR Art 22(2)", "GDPR Art 22(3)", "GDPR Art 13(2)(f)", "GDPR Art 15(1)(h)"],
      roles: [],
      when: ref("gdpr.art22-applies"),
      dates: [{ schedule: "gdpr" }],
      evidence: ["Record of the lawful basis", "Human-review and contest procedure", "Privacy notice section on automated decisions"],
      penalty: "gdpr.83-5",
    },
    {
      id: "gdpr.art35.dpia",
      framework: "gdpr",
      title: "Data-protection impact assessment before processing (GDPR Art 35)",
      summary:
        "Before the processing, carry out a DPIA: describe the processing and purposes, assess necessity and proportionality, assess the risks to people's rights and freedoms, and set the measures to address them; consult the supervisory authority if high risk remains (Art 36).",
      cite: ["GDPR Art 35(1)", "GDPR Art 35(7)", "GDPR Art 36"],
      roles: [],
      when: ref("gdpr.dpia-required"),
      dates: [{ schedule: "gdpr" }],
      evidence: ["DPIA document with DPO advice", "Review date"],
      penalty: "gdpr.83-4",
    },
  ],
};
