/**
 * EU AI Act Art 6(2) with Annex III: the eight high-risk areas and each of their points. An area
 * question comes first; its points are asked only when the area applies. Whether a point makes the
 * system high-risk also depends on the Art 6(3) derogation (see `art6-3.ts`).
 */
import type { ContentModule, FactCondition, LabelRule, Question } from "../../schema.js";
import { all, any, not, ref, yes } from "../dsl.js";

export interface AnnexIIIPoint {
  /** "1a", "2", "4b"... */
  code: string;
  /** As cited: "1(a)", "2", "4(b)". */
  label: string;
  title: string;
  text: string;
  help: string;
  prefill?: { when: FactCondition; reason: string };
}

export interface AnnexIIIArea {
  area: number;
  title: string;
  text: string;
  help: string;
  prefill?: { when: FactCondition; reason: string };
  points: AnnexIIIPoint[];
}

export const ANNEX_III: AnnexIIIArea[] = [
  {
    area: 1,
    title: "Biometrics",
    text: "Is the system used for biometrics: remote biometric identification, biometric categorisation, or emotion recognition?",
    help: "Annex III point 1, in so far as the use is permitted by Union or national law. Biometric data are data from the physical, physiological or behavioural characteristics of a person (Art 3(34)).",
    prefill: {
      when: { fact: "tags", includesAny: ["biometrics", "face-recognition", "facial-recognition", "emotion-recognition"] },
      reason: "The system is tagged as biometric.",
    },
    points: [
      {
        code: "1a",
        label: "1(a)",
        title: "remote biometric identification",
        text: "Is it a remote biometric identification system (identifying people at a distance by comparing their biometric data with a reference database)?",
        help: "Annex III point 1(a). Biometric verification whose sole purpose is to confirm that a person is who they claim to be (1:1, e.g. unlocking a phone or a door) is not covered.",
      },
      {
        code: "1b",
        label: "1(b)",
        title: "biometric categorisation by sensitive or protected attributes",
        text: "Is it used for biometric categorisation according to sensitive or protected attributes or characteristics, based on the inference of those attributes?",
        help: "Annex III point 1(b). Categorisation that infers race, politics, union membership, religion, sex life or orientation is prohibited outright (Art 5(1)(g)).",
      },
      {
        code: "1c",
        label: "1(c)",
        title: "emotion recognition",
        text: "Is it used for emotion recognition (identifying or inferring emotions or intentions of people from their biometric data)?",
        help: "Annex III point 1(c). Emotion recognition at work or in education is prohibited unless for medical or safety reasons (Art 5(1)(f)).",
        prefill: { when: { fact: "tags", includesAny: ["emotion-recognition", "emotion"] }, reason: "The system is tagged as emotion recognition." },
      },
    ],
  },
  {
    area: 2,
    title: "Critical infrastructure",
    text: "Is the system intended as a safety component in the management and operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity?",
    help: "Annex III point 2. A safety component protects the physical integrity of the infrastructure or the health and safety of people; cybersecurity-only components are not meant (Recital 55).",
    prefill: {
      when: { fact: "tags", includesAny: ["critical-infrastructure", "energy-grid", "utilities", "water", "traffic-control"] },
      reason: "The system is tagged as critical infrastructure.",
    },
    points: [],
  },
  {
    area: 3,
    title: "Education and vocational training",
    text: "Is the system used in education or vocational training: admission, assessment of learning, level of education, or exam proctoring?",
    help: "Annex III point 3.",
    prefill: { when: { fact: "tags", includesAny: ["education", "edtech", "learning", "proctoring"] }, reason: "The system is tagged as education." },
    points: [
      {
        code: "3a",
        label: "3(a)",
        title: "access, admission or assignment to education",
        text: "Does it determine access or admission, or assign people, to educational and vocational training institutions at any level?",
        help: "Annex III point 3(a).",
      },
      {
        code: "3b",
        label: "3(b)",
        title: "evaluating learning outcomes",
        text: "Does it evaluate learning outcomes, including when those outcomes are used to steer the learning process?",
        help: "Annex III point 3(b).",
      },
      {
        code: "3c",
        label: "3(c)",
        title: "assessing the level of education a person will receive",
        text: "Does it assess the appropriate level of education a person will receive or be able to access?",
        help: "Annex III point 3(c).",
      },
      {
        code: "3d",
        label: "3(d)",
        title: "monitoring prohibited behaviour during tests",
        text: "Does it monitor and detect prohibited behaviour of students during tests?",
        help: "Annex III point 3(d): exam proctoring and cheating detection.",
        prefill: { when: { fact: "tags", includesAny: ["proctoring"] }, reason: "The system is tagged as proctoring." },
      },
    ],
  },
  {
    area: 4,
    title: "Employment, workers management and access to self-employment",
    text: "Is the system used in employment: recruitment and selection, or decisions about workers (promotion, termination, task allocation, monitoring)?",
    help: "Annex III point 4. Covers employees, candidates and people seeking self-employment through platforms.",
    prefill: {
      when: {
        any: [
          { fact: "tags", includesAny: ["hr", "recruiting", "hiring", "talent", "workforce"] },
          { text: ["recruit", "applicant", "applications", "candidate", "hiring", "shortlist", "cv", "résumé", "resume", "employee performance"] },
        ],
      },
      reason: "The system is tagged or described as HR or recruitment.",
    },
    points: [
      {
        code: "4a",
        label: "4(a)",
        title: "recruitment and selection",
        text: "Is it used to recruit or select people: placing targeted job advertisements, analysing and filtering applications, or evaluating candidates?",
        help: "Annex III point 4(a).",
        prefill: {
          when: { text: ["recruit", "applicant", "applications", "candidate", "shortlist", "cv", "résumé", "resume", "job ad"] },
          reason: "The purpose mentions recruitment, applications or candidates.",
        },
      },
      {
        code: "4b",
        label: "4(b)",
        title: "decisions on work relationships, task allocation and monitoring",
        text: "Is it used to make decisions affecting terms of work relationships, promotion or termination, to allocate tasks based on individual behaviour or personal traits, or to monitor and evaluate the performance and behaviour of workers?",
        help: "Annex III point 4(b).",
        prefill: {
          when: { text: ["promotion", "termination", "performance review", "employee monitoring", "worker monitoring", "shift allocation"] },
          reason: "The purpose mentions promotion, termination, task allocation or monitoring of workers.",
        },
      },
    ],
  },
  {
    area: 5,
    title: "Access to essential private and public services and benefits",
    text: "Is the system used for access to essential services: public benefits, credit, life or health insurance, or emergency calls and dispatch?",
    help: "Annex III point 5.",
    prefill: {
      when: { fact: "tags", includesAny: ["credit", "credit-scoring", "lending", "insurance", "benefits", "emergency"] },
      reason: "The system is tagged as credit, insurance, benefits or emergency services.",
    },
    points: [
      {
        code: "5a",
        label: "5(a)",
        title: "eligibility for public assistance benefits and services",
        text: "Is it used by or on behalf of public authorities to evaluate people's eligibility for essential public assistance benefits and services (including healthcare), or to grant, reduce, revoke or reclaim them?",
        help: "Annex III point 5(a).",
      },
      {
        code: "5b",
        label: "5(b)",
        title: "creditworthiness and credit scoring",
        text: "Is it used to evaluate the creditworthiness of natural persons or establish their credit score, other than to detect financial fraud?",
        help: "Annex III point 5(b). Fraud detection is excepted. Deployers of 5(b) systems must carry out a fundamental-rights impact assessment (Art 27).",
        prefill: { when: { fact: "tags", includesAny: ["credit", "credit-scoring", "lending"] }, reason: "The system is tagged as credit or lending." },
      },
      {
        code: "5c",
        label: "5(c)",
        title: "risk assessment and pricing in life and health insurance",
        text: "Is it used for risk assessment and pricing in relation to natural persons in life or health insurance?",
        help: "Annex III point 5(c). Other insurance lines (motor, property) are not covered. Deployers of 5(c) systems must carry out a fundamental-rights impact assessment (Art 27).",
      },
      {
        code: "5d",
        label: "5(d)",
        title: "emergency calls, dispatch and triage",
        text: "Is it used to evaluate and classify emergency calls, or to dispatch or prioritise emergency first-response services (police, firefighters, medical aid) or emergency healthcare patient triage?",
        help: "Annex III point 5(d).",
      },
    ],
  },
  {
    area: 6,
    title: "Law enforcement",
    text: "Is the system used by or on behalf of law-enforcement authorities (or EU bodies supporting them)?",
    help: "Annex III point 6, in so far as the use is permitted by Union or national law.",
    prefill: { when: { fact: "tags", includesAny: ["law-enforcement", "police"] }, reason: "The system is tagged as law enforcement." },
    points: [
      {
        code: "6a",
        label: "6(a)",
        title: "risk of becoming a victim of crime",
        text: "Is it used to assess the risk of a person becoming the victim of criminal offences?",
        help: "Annex III point 6(a).",
      },
      { code: "6b", label: "6(b)", title: "polygraphs and similar tools", text: "Is it used as a polygraph or similar tool?", help: "Annex III point 6(b)." },
      {
        code: "6c",
        label: "6(c)",
        title: "reliability of evidence",
        text: "Is it used to evaluate the reliability of evidence in the investigation or prosecution of criminal offences?",
        help: "Annex III point 6(c).",
      },
      {
        code: "6d",
        label: "6(d)",
        title: "risk of offending or re-offending",
        text: "Is it used to assess the risk of a person offending or re-offending not solely on the basis of profiling, or to assess personality traits, characteristics or past criminal behaviour?",
        help: "Annex III point 6(d). Prediction based solely on profiling is prohibited (Art 5(1)(d)).",
      },
      {
        code: "6e",
        label: "6(e)",
        title: "profiling in criminal investigations",
        text: "Is it used for profiling of natural persons in the detection, investigation or prosecution of criminal offences?",
        help: "Annex III point 6(e).",
      },
    ],
  },
  {
    area: 7,
    title: "Migration, asylum and border control management",
    text: "Is the system used by or on behalf of public authorities in migration, asylum or border control?",
    help: "Annex III point 7, in so far as the use is permitted by Union or national law.",
    prefill: { when: { fact: "tags", includesAny: ["migration", "border", "asylum", "visa"] }, reason: "The system is tagged as migration or border control." },
    points: [
      { code: "7a", label: "7(a)", title: "polygraphs and similar tools", text: "Is it used as a polygraph or similar tool?", help: "Annex III point 7(a)." },
      {
        code: "7b",
        label: "7(b)",
        title: "security, irregular-migration or health risk of a person",
        text: "Is it used to assess a risk (security, irregular migration or health) posed by a person who intends to enter or has entered a Member State?",
        help: "Annex III point 7(b).",
      },
      {
        code: "7c",
        label: "7(c)",
        title: "examining asylum, visa and residence applications",
        text: "Is it used to assist the examination of applications for asylum, visas or residence permits and related complaints, including assessing the reliability of evidence?",
        help: "Annex III point 7(c).",
      },
      {
        code: "7d",
        label: "7(d)",
        title: "detecting, recognising or identifying persons",
        text: "Is it used to detect, recognise or identify people in the context of migration, asylum or border control, other than verifying travel documents?",
        help: "Annex III point 7(d). Verification of travel documents is excepted.",
      },
    ],
  },
  {
    area: 8,
    title: "Administration of justice and democratic processes",
    text: "Is the system used in the administration of justice or alternative dispute resolution, or to influence elections or voting?",
    help: "Annex III point 8.",
    prefill: {
      when: { fact: "tags", includesAny: ["justice", "court", "adr", "election", "political"] },
      reason: "The system is tagged as justice or elections.",
    },
    points: [
      {
        code: "8a",
        label: "8(a)",
        title: "assisting judicial authorities or dispute resolution",
        text: "Is it used by or on behalf of a judicial authority, or in alternative dispute resolution, to research and interpret facts and the law and to apply the law to a concrete set of facts?",
        help: "Annex III point 8(a). Purely ancillary administrative tasks (anonymisation, communication between staff) are not meant (Recital 61).",
      },
      {
        code: "8b",
        label: "8(b)",
        title: "influencing elections, referendums or voting behaviour",
        text: "Is it intended to influence the outcome of an election or referendum, or people's voting behaviour?",
        help: "Annex III point 8(b). Tools used to organise, optimise or structure political campaigns administratively or logistically, whose output people are not directly exposed to, are excluded.",
      },
    ],
  },
];

/** The question id of an area's gate (area 2 has no sub-points: its gate is the point). */
export const areaQuestion = (area: number): string => (area === 2 ? "aia.annex3.2" : `aia.annex3.area-${area}`);
export const pointQuestion = (code: string): string => `aia.annex3.${code}`;

/** Every Annex III point with its question id. */
export const ANNEX_III_POINTS: (AnnexIIIPoint & { area: number; question: string })[] = ANNEX_III.flatMap((a) =>
  a.points.length === 0
    ? [{ code: "2", label: "2", title: "critical infrastructure", text: a.text, help: a.help, area: 2, question: areaQuestion(2) }]
    : a.points.map((p) => ({ ...p, area: a.area, question: pointQuestion(p.code) })),
);

const LIVE = ref("aia.live");

function questionsFor(a: AnnexIIIArea): Question[] {
  const gate: Question = {
    id: areaQuestion(a.area),
    framework: "eu-ai-act",
    section: "annex-iii",
    text: a.text,
    help: a.help,
    cite: a.points.length === 0 ? ["AI Act Art 6(2)", "AI Act Annex III point 2"] : ["AI Act Art 6(2)", `AI Act Annex III point ${a.area}`],
    askIf: LIVE,
    ...(a.prefill ? { prefill: [{ when: a.prefill.when, answer: "yes" as const, reason: a.prefill.reason }] } : {}),
  };
  const points = a.points.map(
    (p): Question => ({
      id: pointQuestion(p.code),
      framework: "eu-ai-act",
      section: "annex-iii",
      text: p.text,
      help: p.help,
      cite: ["AI Act Art 6(2)", `AI Act Annex III point ${p.label}`],
      askIf: all(LIVE, yes(gate.id)),
      ...(p.prefill ? { prefill: [{ when: p.prefill.when, answer: "yes" as const, reason: p.prefill.reason }] } : {}),
    }),
  );
  return [gate, ...points];
}

const PROFILING = "aia.art6-3.profiling";

export const annexIII: ContentModule = {
  questions: ANNEX_III.flatMap(questionsFor),
  definitions: {
    "aia.annex3-any": any(...ANNEX_III_POINTS.map((p) => yes(p.question))),
    "aia.annex3-point1": any(yes("aia.annex3.1a"), yes("aia.annex3.1b"), yes("aia.annex3.1c")),
    /** Any Annex III point other than point 2 (critical infrastructure): the FRIA and Art 86 reach these. */
    "aia.annex3-not-point2": any(...ANNEX_III_POINTS.filter((p) => p.area !== 2).map((p) => yes(p.question))),
    "aia.annex3-high-risk": all(ref("aia.annex3-any"), not(ref("aia.art6-3-exempt"))),
    "aia.high-risk-full": any(ref("aia.annex1-a"), ref("aia.annex3-high-risk")),
    "aia.high-risk": any(ref("aia.high-risk-full"), ref("aia.annex1-b")),
  },
  labels: ANNEX_III_POINTS.flatMap((p): LabelRule[] => [
    {
      id: `aia.hr.annex3.${p.code}`,
      kind: "high-risk",
      basis: `Annex III point ${p.label}: ${p.title}.`,
      cite: ["AI Act Art 6(2)", `AI Act Annex III point ${p.label}`],
      when: all(yes(p.question), { answer: PROFILING, is: "no" }, not(ref("aia.art6-3-exempt"))),
      penalty: "aia.99-4",
    },
    {
      id: `aia.hr.annex3.${p.code}.profiling`,
      kind: "high-risk",
      basis: `Annex III point ${p.label}: ${p.title}; it profiles natural persons, so the Art 6(3) derogation cannot apply.`,
      cite: ["AI Act Art 6(2)", `AI Act Annex III point ${p.label}`, "AI Act Art 6(3) third subparagraph"],
      when: all(yes(p.question), yes(PROFILING)),
      penalty: "aia.99-4",
    },
  ]),
};
