/** EU AI Act: is it an AI system, is it within the Act's reach (Art 2(1)), and the exclusions of Art 2. */
import type { ContentModule } from "../../schema.js";
import { all, no, notNo, notYes, yes } from "../dsl.js";

const AI = "aia.scope.ai-system";
const NEXUS = "aia.scope.eu-nexus";
const MILITARY = "aia.scope.military";
const THIRD_COUNTRY = "aia.scope.third-country-authority";
const RESEARCH = "aia.scope.research";
const PRE_MARKET = "aia.scope.pre-market";
const PERSONAL = "aia.scope.personal-use";
const OPEN_SOURCE = "aia.scope.open-source";

/** Each scope question is asked while none of the earlier ones has taken the system out of scope. */
const stillOpen = [notNo(AI), notNo(NEXUS), notYes(MILITARY), notYes(THIRD_COUNTRY), notYes(RESEARCH), notYes(PRE_MARKET), notYes(PERSONAL)];
const after = (n: number) => all(...stillOpen.slice(0, n));

export const scope: ContentModule = {
  questions: [
    {
      id: AI,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is it an AI system: a machine-based system that works with some autonomy and infers from its inputs how to generate outputs such as predictions, content, recommendations or decisions?",
      help: "Art 3(1). Machine learning, logic- and knowledge-based inference and large language models all infer; a fixed rule written by people (a spreadsheet formula, a plain if-then script) does not.",
      cite: ["AI Act Art 3(1)", "AI Act Recital 12"],
      prefill: [
        { when: { components: { kind: ["model", "agent"] }, match: "some" }, answer: "yes", reason: "The system has a model or agent component." },
        {
          when: {
            fact: "tags",
            includesAny: ["ml", "genai", "llm", "computer-vision", "nlp", "ai", "chatbot", "agents", "rag", "document-ai", "biometrics", "voice"],
          },
          answer: "yes",
          reason: "The system is tagged as machine learning or generative AI.",
        },
        { when: { components: { kind: ["vendor-service"] }, match: "some" }, answer: "yes", reason: "The system uses an AI vendor service." },
      ],
    },
    {
      id: NEXUS,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system placed on the market or put into service in the EU, used by your organization in the EU, or is its output used in the EU?",
      help: "Art 2(1)(a)-(c): providers placing systems on the EU market wherever they are established, deployers established or located in the EU, and providers or deployers elsewhere whose output is used in the EU.",
      cite: ["AI Act Art 2(1)(a)", "AI Act Art 2(1)(b)", "AI Act Art 2(1)(c)"],
      askIf: after(1),
      prefill: [
        { when: { fact: "euNexus", only: ["none"] }, answer: "no", reason: "The inventory records no EU nexus for this system." },
        {
          when: { fact: "euNexus", includesAny: ["placed-on-eu-market", "used-in-eu", "output-used-in-eu"] },
          answer: "yes",
          reason: "The inventory records an EU nexus (placed on the EU market, used in the EU, or output used in the EU).",
        },
      ],
    },
    {
      id: MILITARY,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system placed on the market, put into service or used exclusively for military, defence or national-security purposes?",
      help: "Art 2(3). Only exclusive use counts: a dual-use system that is also used for civilian purposes stays in scope for that use.",
      cite: ["AI Act Art 2(3)", "AI Act Recital 24"],
      askIf: after(2),
      prefill: [
        {
          when: { fact: "tags", includesAny: ["military", "defence", "defense", "national-security"] },
          answer: "yes",
          reason: "The system is tagged as military or defence.",
        },
      ],
    },
    {
      id: THIRD_COUNTRY,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system used by a public authority of a non-EU country, or an international organisation, under an international agreement for law-enforcement or judicial cooperation with the EU or a Member State?",
      help: "Art 2(4). The exclusion needs adequate safeguards for fundamental rights and freedoms. A company acting for itself answers no.",
      cite: ["AI Act Art 2(4)"],
      askIf: after(3),
    },
    {
      id: RESEARCH,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system (or its output) specifically developed and put into service for the sole purpose of scientific research and development?",
      help: "Art 2(6). Sole purpose only: a research prototype that is also offered to customers or used in operations is in scope.",
      cite: ["AI Act Art 2(6)", "AI Act Recital 25"],
      askIf: after(4),
    },
    {
      id: PRE_MARKET,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system only being researched, tested or developed, before it is placed on the market or put into service, with no testing in real-world conditions?",
      help: "Art 2(8). Testing in real-world conditions (a pilot with real people or data in operations) is not excluded. Re-classify before the system goes into a pilot or into service.",
      cite: ["AI Act Art 2(8)"],
      askIf: after(5),
      prefill: [
        {
          when: { fact: "stage", in: ["pilot", "production"] },
          answer: "no",
          reason: "The system is in a pilot or in production: it is in service or tested in real-world conditions.",
        },
      ],
    },
    {
      id: PERSONAL,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system used only by natural persons in a purely personal, non-professional activity, and not provided to anyone else?",
      help: "Art 2(10). A deployer's obligations do not apply to purely personal, non-professional use. An organization using AI for its business answers no.",
      cite: ["AI Act Art 2(10)", "AI Act Art 3(4)"],
      askIf: after(6),
      prefill: [
        {
          when: { all: [] },
          answer: "no",
          reason: "The system is in an organization's inventory, so it is used professionally.",
        },
      ],
    },
    {
      id: OPEN_SOURCE,
      framework: "eu-ai-act",
      section: "scope",
      text: "Is the system released under a free and open-source licence?",
      help: "Art 2(12). Open-source AI systems are excluded unless they are placed on the market or put into service as high-risk, fall under Art 5 or under Art 50: the later questions decide that.",
      cite: ["AI Act Art 2(12)", "AI Act Recital 103"],
      askIf: after(7),
      prefill: [{ when: { fact: "tags", includesAny: ["open-source", "oss"] }, answer: "yes", reason: "The system is tagged as open source." }],
    },
  ],
  definitions: {
    "aia.in-scope": all(yes(AI), yes(NEXUS), no(MILITARY), no(THIRD_COUNTRY), no(RESEARCH), no(PRE_MARKET), no(PERSONAL)),
  },
  labels: [
    {
      id: "aia.out.not-ai-system",
      kind: "out-of-scope",
      basis: "Not an AI system in the sense of Art 3(1): the AI Act does not apply.",
      cite: ["AI Act Art 3(1)"],
      when: no(AI),
      terminal: true,
    },
    {
      id: "aia.out.no-eu-nexus",
      kind: "out-of-scope",
      basis: "No EU nexus: neither placed on the EU market, nor used in the EU, nor output used in the EU (Art 2(1)).",
      cite: ["AI Act Art 2(1)"],
      when: no(NEXUS),
      terminal: true,
    },
    {
      id: "aia.out.art2-3",
      kind: "out-of-scope",
      basis: "Art 2(3) exclusion: exclusively military, defence or national-security purposes.",
      cite: ["AI Act Art 2(3)"],
      when: yes(MILITARY),
      terminal: true,
    },
    {
      id: "aia.out.art2-4",
      kind: "out-of-scope",
      basis: "Art 2(4) exclusion: third-country public authority or international organisation in law-enforcement or judicial cooperation.",
      cite: ["AI Act Art 2(4)"],
      when: yes(THIRD_COUNTRY),
      terminal: true,
    },
    {
      id: "aia.out.art2-6",
      kind: "out-of-scope",
      basis: "Art 2(6) exclusion: developed and put into service for the sole purpose of scientific research and development.",
      cite: ["AI Act Art 2(6)"],
      when: yes(RESEARCH),
      terminal: true,
    },
    {
      id: "aia.out.art2-8",
      kind: "out-of-scope",
      basis:
        "Art 2(8) exclusion: research, testing or development before being placed on the market or put into service. Re-classify before real-world testing or release.",
      cite: ["AI Act Art 2(8)"],
      when: yes(PRE_MARKET),
      terminal: true,
    },
    {
      id: "aia.out.art2-10",
      kind: "out-of-scope",
      basis: "Art 2(10) exclusion: purely personal, non-professional use.",
      cite: ["AI Act Art 2(10)"],
      when: yes(PERSONAL),
      terminal: true,
    },
  ],
};
