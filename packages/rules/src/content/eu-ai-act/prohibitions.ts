/** EU AI Act Art 5: prohibited practices, and the Digital Omnibus ban on non-consensual intimate imagery and CSAM. */
import type { ContentModule, LabelRule, Question } from "../../schema.js";
import { all, any, law, no, ref, yes } from "../dsl.js";

const IN_SCOPE = ref("aia.in-scope");

interface Practice {
  point: string;
  text: string;
  help: string;
  basis: string;
}

/** Art 5(1)(a)-(g); (h) has its exceptions and is written out below. */
const PRACTICES: Practice[] = [
  {
    point: "a",
    text: "Does the system deploy subliminal, purposefully manipulative or deceptive techniques that materially distort people's behaviour, impairing their ability to make an informed decision, in a way that causes or is reasonably likely to cause significant harm?",
    help: "Art 5(1)(a). Covers techniques beyond a person's consciousness and deliberate manipulation or deception; ordinary persuasion and lawful advertising are not meant.",
    basis: "Art 5(1)(a): subliminal, manipulative or deceptive techniques causing significant harm.",
  },
  {
    point: "b",
    text: "Does the system exploit vulnerabilities of people due to their age, disability or a specific social or economic situation, materially distorting their behaviour in a way that causes or is reasonably likely to cause significant harm?",
    help: "Art 5(1)(b). For example, targeting children or people in financial distress so that they act against their own interest.",
    basis: "Art 5(1)(b): exploitation of vulnerabilities due to age, disability or socio-economic situation.",
  },
  {
    point: "c",
    text: "Does the system evaluate or classify people over time based on their social behaviour or personal characteristics (social scoring), leading to detrimental treatment in unrelated contexts or treatment that is unjustified or disproportionate?",
    help: "Art 5(1)(c). Applies to public and private actors alike. Lawful, purpose-specific evaluations (e.g. a credit check for a loan) are not social scoring.",
    basis: "Art 5(1)(c): social scoring leading to unrelated-context or disproportionate detriment.",
  },
  {
    point: "d",
    text: "Does the system assess or predict the risk that a person will commit a criminal offence based solely on profiling or on assessing personality traits and characteristics?",
    help: "Art 5(1)(d). Not prohibited: systems that support a human assessment already based on objective, verifiable facts directly linked to a criminal activity (those are Annex III point 6(d)).",
    basis: "Art 5(1)(d): individual crime-risk prediction based solely on profiling or personality traits.",
  },
  {
    point: "e",
    text: "Does the system create or expand facial-recognition databases through untargeted scraping of facial images from the internet or CCTV footage?",
    help: "Art 5(1)(e). Untargeted means collecting images without a specific person in view.",
    basis: "Art 5(1)(e): untargeted scraping of facial images to build or expand facial-recognition databases.",
  },
  {
    point: "f",
    text: "Does the system infer the emotions of people in the workplace or in education institutions, other than for medical or safety reasons?",
    help: "Art 5(1)(f). Emotions are states such as happiness, anger or surprise; physical states like fatigue or pain are not emotions (Recital 18). Medical or safety uses are excepted.",
    basis: "Art 5(1)(f): emotion inference in the workplace or in education, without a medical or safety reason.",
  },
  {
    point: "g",
    text: "Does the system categorise people individually on the basis of their biometric data to deduce or infer their race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation?",
    help: "Art 5(1)(g). Labelling or filtering of lawfully acquired biometric datasets in law enforcement is excepted.",
    basis: "Art 5(1)(g): biometric categorisation inferring sensitive characteristics.",
  },
];

const RBI = "aia.art5.h";
const RBI_EXCEPTION = "aia.art5.h-exception";
const NCII = "aia.art5.ncii";

export const prohibitions: ContentModule = {
  questions: [
    ...PRACTICES.map(
      (p): Question => ({
        id: `aia.art5.${p.point}`,
        framework: "eu-ai-act",
        section: "prohibitions",
        text: p.text,
        help: p.help,
        cite: [`AI Act Art 5(1)(${p.point})`],
        askIf: IN_SCOPE,
      }),
    ),
    {
      id: RBI,
      framework: "eu-ai-act",
      section: "prohibitions",
      text: "Is the system used for real-time remote biometric identification of people in publicly accessible spaces for the purpose of law enforcement?",
      help: "Art 5(1)(h). Real-time means identification without significant delay; remote means without the person's active involvement.",
      cite: ["AI Act Art 5(1)(h)"],
      askIf: IN_SCOPE,
    },
    {
      id: RBI_EXCEPTION,
      framework: "eu-ai-act",
      section: "prohibitions",
      text: "Is every use strictly necessary for one of the objectives in Art 5(1)(h)(i)-(iii) (targeted search for victims or missing persons, preventing an imminent threat to life or a terrorist attack, locating suspects of serious crimes), authorised in advance by a judicial or independent authority, after a fundamental-rights impact assessment and with registration?",
      help: "Art 5(2)-(3). Only law-enforcement authorities in Member States whose national law allows it can rely on the exception.",
      cite: ["AI Act Art 5(1)(h)(i)-(iii)", "AI Act Art 5(2)", "AI Act Art 5(3)"],
      askIf: all(IN_SCOPE, yes(RBI)),
    },
    {
      id: NCII,
      framework: "eu-ai-act",
      section: "prohibitions",
      text: "Does the system generate or manipulate intimate images of real, identifiable people without their consent, or child sexual abuse material?",
      help: "New prohibition added by the Digital Omnibus on AI, applying from 2 December 2026 (adopted, pending publication in the Official Journal). Asked only under the Omnibus law version.",
      cite: ["AI Act Art 5(1) as amended by the Digital Omnibus on AI (non-consensual intimate imagery and CSAM)"],
      askIf: all(IN_SCOPE, law("omnibus")),
    },
  ],
  definitions: {
    "aia.prohibited": any(...PRACTICES.map((p) => yes(`aia.art5.${p.point}`)), all(yes(RBI), no(RBI_EXCEPTION)), yes(NCII)),
    "aia.prohibited-original": any(...PRACTICES.map((p) => yes(`aia.art5.${p.point}`)), all(yes(RBI), no(RBI_EXCEPTION))),
    "aia.live": all(IN_SCOPE, { not: ref("aia.prohibited") }),
  },
  labels: [
    ...PRACTICES.map(
      (p): LabelRule => ({
        id: `aia.prohibited.${p.point}`,
        kind: "prohibited",
        basis: p.basis,
        cite: [`AI Act Art 5(1)(${p.point})`],
        when: yes(`aia.art5.${p.point}`),
        terminal: true,
        penalty: "aia.99-3",
      }),
    ),
    {
      id: "aia.prohibited.h",
      kind: "prohibited",
      basis:
        "Art 5(1)(h): real-time remote biometric identification in publicly accessible spaces for law enforcement, outside the exceptions of Art 5(1)(h)(i)-(iii).",
      cite: ["AI Act Art 5(1)(h)", "AI Act Art 5(2)"],
      when: all(yes(RBI), no(RBI_EXCEPTION)),
      terminal: true,
      penalty: "aia.99-3",
    },
    {
      id: "aia.prohibited.ncii",
      kind: "prohibited",
      basis: "Digital Omnibus ban: generating non-consensual intimate imagery or child sexual abuse material (from 2 December 2026).",
      cite: ["AI Act Art 5(1) as amended by the Digital Omnibus on AI (non-consensual intimate imagery and CSAM)"],
      when: yes(NCII),
      terminal: true,
      penalty: "aia.99-3",
    },
  ],
  obligations: [
    {
      id: "aia.art5.stop",
      framework: "eu-ai-act",
      title: "Stop the prohibited practice (Art 5)",
      summary:
        "Do not place on the market, put into service or use the system for the prohibited practice. Withdraw it, or change its purpose and design so that it no longer falls under Art 5(1), then classify it again.",
      cite: ["AI Act Art 5(1)"],
      roles: [],
      when: ref("aia.prohibited-original"),
      dates: [{ schedule: "aia.art5" }],
      evidence: ["Decision record to stop or redesign the system", "Proof of withdrawal or of the changed design"],
      penalty: "aia.99-3",
    },
    {
      id: "aia.art5.ncii-stop",
      framework: "eu-ai-act",
      title: "Stop generating non-consensual intimate imagery or CSAM (Omnibus ban)",
      summary:
        "Do not place on the market, put into service or use a system that generates non-consensual intimate imagery or child sexual abuse material; add safeguards or withdraw it.",
      cite: ["AI Act Art 5(1) as amended by the Digital Omnibus on AI (non-consensual intimate imagery and CSAM)"],
      roles: [],
      when: yes(NCII),
      dates: [{ schedule: "aia.art5-ncii" }],
      evidence: ["Decision record to stop or redesign the system", "Description of the safeguards preventing such content"],
      penalty: "aia.99-3",
    },
    {
      id: "aia.art5.rbi-authorisation",
      framework: "eu-ai-act",
      title: "Authorisation, FRIA and registration for each real-time biometric identification (Art 5(2)-(3))",
      summary:
        "Before each use, obtain prior authorisation from a judicial or independent administrative authority, complete a fundamental-rights impact assessment (Art 27), register the system (Art 49) and notify the market-surveillance and data-protection authorities of each use (Art 5(4)).",
      cite: ["AI Act Art 5(2)", "AI Act Art 5(3)", "AI Act Art 5(4)", "AI Act Art 27", "AI Act Art 49"],
      roles: ["deployer"],
      when: all(yes(RBI), yes(RBI_EXCEPTION)),
      dates: [{ schedule: "aia.art5" }],
      evidence: ["Authorisation decisions", "Fundamental-rights impact assessment", "EU database registration", "Notifications of each use"],
      penalty: "aia.99-3",
    },
  ],
};
