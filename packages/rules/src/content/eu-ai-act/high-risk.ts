/**
 * EU AI Act high-risk obligations by role: provider Arts 9-20, 43, 47-49, 72-73 (Art 16 lists
 * them); deployer Art 26 point by point, Art 27 FRIA, Art 49(3) and Art 86; importer Art 23,
 * distributor Art 24, authorised representative Art 22; the conformity route (Art 43); and the
 * Section B sectoral route (Art 2(2)).
 */
import type { ContentModule, Obligation } from "../../schema.js";
import { all, any, not, notYes, ref, yes } from "../dsl.js";

const STANDARDS = "aia.art43.standards";

/** High-risk duties apply from the Annex III date, or from the Annex I date for Art 6(1) systems. */
const HR_DATES = [
  { schedule: "aia.annex-iii", when: ref("aia.annex3-high-risk") },
  { schedule: "aia.annex-i", when: ref("aia.annex1-a") },
];

type Duty = Omit<Obligation, "framework" | "dates" | "penalty" | "roles"> & { dates?: Obligation["dates"]; penalty?: string | null };

const provider = (d: Duty): Obligation => {
  const { penalty, dates, ...rest } = d;
  return {
    ...rest,
    framework: "eu-ai-act",
    roles: ["provider"],
    dates: dates ?? HR_DATES,
    ...(penalty === null ? {} : { penalty: penalty ?? "aia.99-4" }),
  };
};
const deployer = (d: Duty): Obligation => ({ ...provider(d), roles: ["deployer"] });

const PROVIDER_HR = ref("aia.provider-hr");
const DEPLOYER_HR = ref("aia.deployer-hr");

export const highRisk: ContentModule = {
  questions: [
    {
      id: STANDARDS,
      framework: "eu-ai-act",
      section: "conformity",
      text: "Have you applied, in full, harmonised standards published in the Official Journal (Art 40) or common specifications (Art 41) covering the requirements of Arts 8-15?",
      help: "Art 43(1): for Annex III point 1 (biometrics) you may then choose internal control (Annex VI); otherwise a notified body must assess the system (Annex VII). ISO/IEC 42001 is not a harmonised standard.",
      cite: ["AI Act Art 43(1)", "AI Act Art 40", "AI Act Art 41"],
      askIf: all(ref("aia.live"), ref("aia.annex3-high-risk"), ref("aia.annex3-point1"), not(ref("aia.annex1-a")), ref("aia.role-provider")),
    },
  ],
  definitions: {
    "aia.route-sectoral": any(ref("aia.annex1-a"), ref("aia.annex1-b")),
    "aia.route-notified": all(ref("aia.annex3-high-risk"), ref("aia.annex3-point1"), notYes(STANDARDS), not(ref("aia.route-sectoral"))),
    "aia.route-internal": all(ref("aia.annex3-high-risk"), not(ref("aia.route-sectoral")), not(ref("aia.route-notified"))),
  },
  conformity: [
    {
      id: "aia.route.sectoral",
      route: "sectoral",
      when: ref("aia.route-sectoral"),
      reason:
        "Annex I product: the conformity assessment required by the product's own legislation, with the AI Act requirements checked as part of it (Art 43(3)); for Section B products, the type-approval procedure.",
      cite: ["AI Act Art 43(3)", "AI Act Art 2(2)"],
    },
    {
      id: "aia.route.notified-body",
      route: "notified-body",
      when: ref("aia.route-notified"),
      reason:
        "Annex III point 1 (biometrics) without harmonised standards or common specifications applied in full: assessment by a notified body (Annex VII).",
      cite: ["AI Act Art 43(1)", "AI Act Annex VII"],
    },
    {
      id: "aia.route.internal-control",
      route: "internal-control",
      when: ref("aia.route-internal"),
      reason:
        "Annex III points 2-8: internal control by the provider (Annex VI); for point 1 with harmonised standards applied in full, the provider may choose internal control or a notified body.",
      cite: ["AI Act Art 43(1)", "AI Act Art 43(2)", "AI Act Annex VI"],
    },
  ],
  obligations: [
    provider({
      id: "aia.art9.risk-management",
      title: "Risk management system (Art 9)",
      summary:
        "Establish, document and maintain a continuous, iterative risk-management process over the system's whole life cycle: identify and evaluate known and foreseeable risks to health, safety and fundamental rights, adopt risk-management measures, test the system, and consider vulnerable groups and minors.",
      cite: ["AI Act Art 9", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Risk-management plan", "Risk register for the system", "Test results against defined metrics"],
    }),
    provider({
      id: "aia.art10.data-governance",
      title: "Data and data governance (Art 10)",
      summary:
        "Develop the system on training, validation and testing data that meet quality criteria: documented data-governance practices, relevant and representative data, as far as possible free of errors and complete, with an examination for possible biases and measures against them.",
      cite: ["AI Act Art 10", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Data-governance documentation", "Dataset sheets", "Bias examination report"],
    }),
    provider({
      id: "aia.art11.technical-documentation",
      title: "Technical documentation (Art 11, Annex IV)",
      summary:
        "Draw up the technical documentation before the system is placed on the market or put into service, keep it up to date, and cover at least the elements of Annex IV.",
      cite: ["AI Act Art 11", "AI Act Annex IV", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Annex IV technical documentation"],
    }),
    provider({
      id: "aia.art12.record-keeping",
      title: "Automatic logging (Art 12)",
      summary:
        "Design the system to record events (logs) automatically over its lifetime, enough to identify risks and substantial modifications, support post-market monitoring and monitor its operation.",
      cite: ["AI Act Art 12", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Logging design and sample log records"],
    }),
    provider({
      id: "aia.art13.instructions",
      title: "Transparency and instructions for use (Art 13)",
      summary:
        "Design the system so deployers can interpret and use its output, and supply instructions for use with the provider's identity, the system's characteristics, capabilities and limitations, accuracy metrics, human-oversight measures and log handling.",
      cite: ["AI Act Art 13", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Instructions for use"],
    }),
    provider({
      id: "aia.art14.human-oversight",
      title: "Human oversight by design (Art 14)",
      summary:
        "Design the system so that natural persons can oversee it effectively: understand its capacities and limits, avoid automation bias, interpret, disregard or override its output, and stop it. Remote biometric identification needs verification by two people (14(5)).",
      cite: ["AI Act Art 14", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Human-oversight design description", "Override and stop procedure"],
    }),
    provider({
      id: "aia.art15.accuracy-robustness-cybersecurity",
      title: "Accuracy, robustness and cybersecurity (Art 15)",
      summary:
        "Achieve an appropriate level of accuracy, robustness and cybersecurity, declare the accuracy metrics in the instructions, make the system resilient to errors and to attempts to alter its use or performance (data poisoning, adversarial examples, model flaws).",
      cite: ["AI Act Art 15", "AI Act Art 16(a)"],
      when: PROVIDER_HR,
      evidence: ["Accuracy and robustness test report", "Security assessment"],
    }),
    provider({
      id: "aia.art16.provider-duties",
      title: "Provider identification, accessibility and cooperation (Art 16)",
      summary:
        "Indicate your name, registered trade name or trademark and contact address on the system, its packaging or documentation (16(b)); meet the accessibility requirements of Directives (EU) 2016/2102 and 2019/882 (16(l)); and demonstrate conformity on a reasoned request of a national authority (16(k)).",
      cite: ["AI Act Art 16(b)", "AI Act Art 16(k)", "AI Act Art 16(l)"],
      when: PROVIDER_HR,
      evidence: ["Provider identification on the system or documentation", "Accessibility conformance statement"],
    }),
    provider({
      id: "aia.art17.quality-management",
      title: "Quality management system (Art 17)",
      summary:
        "Put in place a documented quality management system: compliance strategy, design and development procedures, testing and validation, data management, risk management, post-market monitoring, incident reporting, communication with authorities, record-keeping, resource management and an accountability framework.",
      cite: ["AI Act Art 17", "AI Act Art 16(c)"],
      when: PROVIDER_HR,
      evidence: ["Quality manual and procedures", "Internal audit records"],
    }),
    provider({
      id: "aia.art18.documentation-keeping",
      title: "Keep documentation for 10 years (Art 18)",
      summary:
        "Keep at the disposal of national authorities, for 10 years after the system is placed on the market or put into service: the technical documentation, the quality-management documentation, approved changes, notified-body decisions and the EU declaration of conformity.",
      cite: ["AI Act Art 18", "AI Act Art 16(d)"],
      when: PROVIDER_HR,
      evidence: ["Document retention schedule (10 years)"],
    }),
    provider({
      id: "aia.art19.log-retention",
      title: "Keep automatically generated logs at least six months (Art 19)",
      summary:
        "Keep the logs the system generates, to the extent they are under your control, for a period appropriate to its purpose and at least six months.",
      cite: ["AI Act Art 19", "AI Act Art 16(e)"],
      when: PROVIDER_HR,
      evidence: ["Log retention configuration (at least six months)"],
    }),
    provider({
      id: "aia.art20.corrective-action",
      title: "Corrective action and duty of information (Art 20)",
      summary:
        "When you consider or have reason to consider that the system is not in conformity, immediately correct it, withdraw, disable or recall it, inform distributors, deployers, the authorised representative and importers, and, where it presents a risk, the market-surveillance authorities.",
      cite: ["AI Act Art 20", "AI Act Art 16(j)"],
      when: PROVIDER_HR,
      dates: [],
      evidence: ["Corrective-action procedure", "Records of corrective actions taken"],
    }),
    provider({
      id: "aia.art43.internal-control",
      title: "Conformity assessment by internal control (Art 43, Annex VI)",
      summary:
        "Before placing the system on the market or putting it into service, carry out the conformity assessment based on internal control (Annex VI); repeat it after a substantial modification.",
      cite: ["AI Act Art 43(2)", "AI Act Art 43(4)", "AI Act Annex VI", "AI Act Art 16(f)"],
      when: all(PROVIDER_HR, ref("aia.route-internal")),
      evidence: ["Internal-control conformity assessment record"],
    }),
    provider({
      id: "aia.art43.notified-body",
      title: "Conformity assessment by a notified body (Art 43, Annex VII)",
      summary:
        "Before placing the system on the market or putting it into service, have a notified body assess the quality management system and the technical documentation (Annex VII); repeat after a substantial modification.",
      cite: ["AI Act Art 43(1)", "AI Act Art 43(4)", "AI Act Annex VII", "AI Act Art 16(f)"],
      when: all(PROVIDER_HR, ref("aia.route-notified")),
      evidence: ["Notified-body certificate"],
    }),
    provider({
      id: "aia.art43.sectoral",
      title: "Conformity assessment under the product's sectoral legislation (Art 43(3))",
      summary:
        "Follow the conformity-assessment procedure of the Annex I Section A legislation for the product, with the AI Act requirements (Section 2 of Chapter III) and Annex VII points 4.3-4.5 and 4.6 fifth paragraph checked as part of it.",
      cite: ["AI Act Art 43(3)", "AI Act Art 16(f)"],
      when: all(PROVIDER_HR, ref("aia.annex1-a")),
      evidence: ["Sectoral conformity-assessment certificate covering the AI requirements"],
    }),
    provider({
      id: "aia.art47.declaration",
      title: "EU declaration of conformity (Art 47)",
      summary:
        "Draw up a written, machine-readable, signed EU declaration of conformity with the content of Annex V, keep it for 10 years and keep it up to date.",
      cite: ["AI Act Art 47", "AI Act Annex V", "AI Act Art 16(g)"],
      when: PROVIDER_HR,
      evidence: ["Signed EU declaration of conformity"],
    }),
    provider({
      id: "aia.art48.ce-marking",
      title: "CE marking (Art 48)",
      summary:
        "Affix the CE marking visibly, legibly and indelibly to the system (digitally for digital-only systems), followed by the notified body's number where one was involved.",
      cite: ["AI Act Art 48", "AI Act Art 16(h)"],
      when: PROVIDER_HR,
      evidence: ["CE marking on the system or its documentation"],
    }),
    provider({
      id: "aia.art49-1.register",
      title: "Register the system in the EU database (Art 49(1))",
      summary:
        "Before placing the system on the market or putting it into service, register yourself and the system in the EU database (Art 71). Annex III points 1, 6 and 7 go in the non-public section (49(4)); point 2 systems register nationally (49(5)).",
      cite: ["AI Act Art 49(1)", "AI Act Art 49(4)", "AI Act Art 49(5)", "AI Act Art 71", "AI Act Art 16(i)"],
      when: all(PROVIDER_HR, ref("aia.annex3-high-risk")),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["EU database registration reference"],
    }),
    provider({
      id: "aia.art72.post-market-monitoring",
      title: "Post-market monitoring plan (Art 72)",
      summary:
        "Establish and document a post-market monitoring system proportionate to the risks, based on a post-market monitoring plan that is part of the technical documentation, actively collecting and analysing data on performance throughout the system's lifetime.",
      cite: ["AI Act Art 72"],
      when: PROVIDER_HR,
      evidence: ["Post-market monitoring plan", "Monitoring reports"],
    }),
    provider({
      id: "aia.art73.serious-incidents",
      title: "Report serious incidents (Art 73)",
      summary:
        "Report any serious incident to the market-surveillance authority of the Member State where it occurred: within 15 days of awareness, 10 days in the event of a death, 2 days for a widespread infringement or serious disruption of critical infrastructure; an incomplete first report is allowed. Then investigate and take corrective action.",
      cite: ["AI Act Art 73(1)", "AI Act Art 73(2)", "AI Act Art 73(3)", "AI Act Art 73(4)", "AI Act Art 73(5)", "AI Act Art 73(6)"],
      when: PROVIDER_HR,
      dates: [],
      evidence: ["Serious-incident procedure", "Incident register with awareness dates and reports"],
    }),
    provider({
      id: "aia.art25-2.initial-provider-cooperation",
      title: "Obtain the initial provider's information and assistance (Art 25(2))",
      summary:
        "Since you became the provider under Art 25(1), the initial provider is no longer the provider of this system; ask it for the information, technical access and assistance it must give you to meet the provider obligations, and keep the written agreement.",
      cite: ["AI Act Art 25(2)", "AI Act Art 25(4)"],
      when: all(ref("aia.switch"), ref("aia.high-risk-full")),
      evidence: ["Written agreement with the initial provider", "Documentation received from the initial provider"],
      penalty: null,
    }),
    {
      id: "aia.art2-2.sectoral",
      framework: "eu-ai-act",
      title: "Meet the AI requirements through the sectoral type-approval legislation (Art 2(2), Arts 102-109)",
      summary:
        "For an Annex I Section B product, only Art 6(1), Arts 102-109 and Art 112 of the AI Act apply: the AI requirements of Chapter III Section 2 reach the product through the delegated and implementing acts under its type-approval legislation. Track those acts and include the AI system in the type approval.",
      cite: ["AI Act Art 2(2)", "AI Act Arts 102-109"],
      roles: ["provider", "product-manufacturer"],
      when: all(ref("aia.section-b-only"), ref("aia.role-provider")),
      dates: [{ schedule: "aia.annex-i" }],
      evidence: ["Type-approval documentation covering the AI system"],
    },
    deployer({
      id: "aia.art26-1.use-per-instructions",
      title: "Use the system according to its instructions (Art 26(1))",
      summary: "Take appropriate technical and organisational measures to use the system in accordance with the provider's instructions for use.",
      cite: ["AI Act Art 26(1)"],
      when: DEPLOYER_HR,
      evidence: ["Instructions for use on file", "Operating procedure that follows them"],
    }),
    deployer({
      id: "aia.art26-2.human-oversight",
      title: "Assign competent human oversight (Art 26(2))",
      summary: "Assign human oversight to natural persons who have the necessary competence, training and authority, and the support they need.",
      cite: ["AI Act Art 26(2)"],
      when: DEPLOYER_HR,
      evidence: ["Named overseers with training records", "Oversight procedure"],
    }),
    deployer({
      id: "aia.art26-4.input-data",
      title: "Relevant and representative input data (Art 26(4))",
      summary: "To the extent you control the input data, ensure it is relevant and sufficiently representative in view of the system's intended purpose.",
      cite: ["AI Act Art 26(4)"],
      when: DEPLOYER_HR,
      evidence: ["Input-data quality checks"],
    }),
    deployer({
      id: "aia.art26-5.monitor-and-report",
      title: "Monitor operation, inform the provider, suspend and report (Art 26(5))",
      summary:
        "Monitor the system on the basis of the instructions; if its use may present a risk, inform the provider or distributor and the market-surveillance authority and suspend use; report serious incidents immediately to the provider, then to the authorities (Art 73 clocks).",
      cite: ["AI Act Art 26(5)", "AI Act Art 73"],
      when: DEPLOYER_HR,
      evidence: ["Monitoring procedure", "Incident and risk reports sent"],
    }),
    deployer({
      id: "aia.art26-6.log-retention",
      title: "Keep the system's logs at least six months (Art 26(6))",
      summary:
        "Keep the automatically generated logs under your control for a period appropriate to the purpose, at least six months, unless other Union or national law provides otherwise.",
      cite: ["AI Act Art 26(6)"],
      when: DEPLOYER_HR,
      evidence: ["Log retention configuration (at least six months)"],
    }),
    deployer({
      id: "aia.art26-7.inform-workers",
      title: "Inform workers' representatives and affected workers (Art 26(7))",
      summary:
        "Before putting the system into service or using it at the workplace, inform workers' representatives and the affected workers that they will be subject to it.",
      cite: ["AI Act Art 26(7)"],
      when: DEPLOYER_HR,
      evidence: ["Information sent to the works council or workers' representatives", "Notice to affected workers"],
    }),
    deployer({
      id: "aia.art26-8.public-registration",
      title: "Public bodies: register the use and use only registered systems (Arts 26(8), 49(3))",
      summary:
        "As a public authority, register your use of the system in the EU database (49(3)) before using it (Annex III systems other than point 2), and do not use a high-risk system that is not registered there; inform the provider or distributor if it is not.",
      cite: ["AI Act Art 26(8)", "AI Act Art 49(3)"],
      when: all(DEPLOYER_HR, yes("aia.deployer.public-body"), ref("aia.annex3-high-risk"), ref("aia.annex3-not-point2")),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["EU database registration of the use"],
    }),
    deployer({
      id: "aia.art26-9.dpia-input",
      title: "Use the provider's information for the DPIA (Art 26(9))",
      summary: "Where a data-protection impact assessment is required (GDPR Art 35), use the information provided under Art 13 to carry it out.",
      cite: ["AI Act Art 26(9)", "GDPR Art 35"],
      when: DEPLOYER_HR,
      evidence: ["DPIA referencing the provider's Art 13 information"],
    }),
    deployer({
      id: "aia.art26-10.post-rbi-authorisation",
      title: "Authorisation for post-remote biometric identification (Art 26(10))",
      summary:
        "In a criminal investigation, request authorisation from a judicial or administrative authority for the use of post-remote biometric identification, within 48 hours at the latest; stop and delete data if refused; document each use and report annually.",
      cite: ["AI Act Art 26(10)"],
      when: all(DEPLOYER_HR, yes("aia.annex3.1a"), yes("aia.annex3.area-6")),
      evidence: ["Authorisation requests and decisions", "Use log in the police file"],
    }),
    deployer({
      id: "aia.art26-11.inform-affected-persons",
      title: "Inform people subject to decisions (Art 26(11))",
      summary: "Inform natural persons that they are subject to the use of the high-risk system when it makes, or assists in making, decisions about them.",
      cite: ["AI Act Art 26(11)"],
      when: all(DEPLOYER_HR, ref("aia.annex3-high-risk")),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["Notice to affected persons"],
    }),
    deployer({
      id: "aia.art26-12.cooperate",
      title: "Cooperate with the competent authorities (Art 26(12))",
      summary: "Cooperate with the relevant competent authorities in any action they take in relation to the system.",
      cite: ["AI Act Art 26(12)"],
      when: DEPLOYER_HR,
      evidence: ["Contact point for authorities"],
    }),
    deployer({
      id: "aia.art86.explanation",
      title: "Explain individual decisions on request (Art 86)",
      summary:
        "A person affected by a decision based on the output of an Annex III system (except point 2) that has legal or similarly significant effects may ask for a clear and meaningful explanation of the system's role and the main elements of the decision; be ready to give it.",
      cite: ["AI Act Art 86"],
      when: all(DEPLOYER_HR, ref("aia.annex3-high-risk"), ref("aia.annex3-not-point2")),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["Explanation procedure and template"],
      penalty: null,
    }),
    deployer({
      id: "aia.art27.fria",
      title: "Fundamental-rights impact assessment before first use (Art 27)",
      summary:
        "Before first use, assess the impact on fundamental rights: the process and purpose, period and frequency of use, categories of people affected, specific risks of harm, human-oversight measures, and measures if risks materialise including complaint handling. Notify the market-surveillance authority of the results (27(3)); the FRIA complements a DPIA (27(4)).",
      cite: ["AI Act Art 27(1)", "AI Act Art 27(3)", "AI Act Art 27(4)"],
      when: ref("aia.fria-required"),
      dates: [{ schedule: "aia.annex-iii" }],
      evidence: ["Fundamental-rights impact assessment", "Notification to the market-surveillance authority"],
      penalty: "aia.99-1",
    }),
    {
      id: "aia.art23.importer",
      framework: "eu-ai-act",
      title: "Importer checks (Art 23)",
      summary:
        "Before placing the system on the market, verify that the provider carried out the conformity assessment, drew up the technical documentation, affixed the CE marking with the declaration of conformity and appointed an authorised representative; indicate your name and address; keep documents for 10 years.",
      cite: ["AI Act Art 23"],
      roles: ["importer"],
      when: all(ref("aia.high-risk-full"), yes("aia.role.importer")),
      dates: HR_DATES,
      evidence: ["Importer verification checklist", "Copy of the declaration of conformity"],
      penalty: "aia.99-4",
    },
    {
      id: "aia.art24.distributor",
      framework: "eu-ai-act",
      title: "Distributor checks (Art 24)",
      summary:
        "Before making the system available, verify the CE marking, the declaration of conformity and the instructions, and that provider and importer met their duties; do not make it available if you consider it non-conforming; take corrective action where needed.",
      cite: ["AI Act Art 24"],
      roles: ["distributor"],
      when: all(ref("aia.high-risk-full"), yes("aia.role.distributor")),
      dates: HR_DATES,
      evidence: ["Distributor verification checklist"],
      penalty: "aia.99-4",
    },
    {
      id: "aia.art22.authorised-representative",
      title: "Authorised representative tasks (Art 22)",
      framework: "eu-ai-act",
      summary:
        "Perform the tasks of the mandate: verify the declaration of conformity and technical documentation, keep them and the provider's contact details for 10 years, give authorities information on request, cooperate with them, and handle the registration where required; terminate the mandate if the provider acts against the Regulation.",
      cite: ["AI Act Art 22"],
      roles: ["authorised-representative"],
      when: all(ref("aia.high-risk-full"), yes("aia.role.authorised-representative")),
      dates: HR_DATES,
      evidence: ["Written mandate", "Verification record"],
      penalty: "aia.99-4",
    },
  ],
};
