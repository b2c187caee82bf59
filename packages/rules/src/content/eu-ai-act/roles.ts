/**
 * EU AI Act roles (Art 3(3)-(8)), the Art 25(1) provider switch and the Art 25(3) product
 * manufacturer, and the facts about a deployer that decide the FRIA (Art 27) and public
 * registration (Art 49(3)). One organization can hold several roles.
 */
import type { ContentModule } from "../../schema.js";
import { all, any, notYes, ref, yes } from "../dsl.js";

const LIVE = ref("aia.live");
const PROVIDER = "aia.role.provider";
const DEPLOYER = "aia.role.deployer";
const IMPORTER = "aia.role.importer";
const DISTRIBUTOR = "aia.role.distributor";
const REPRESENTATIVE = "aia.role.authorised-representative";
const MANUFACTURER = "aia.role.product-manufacturer";
const SWITCH_A = "aia.art25.a";
const SWITCH_B = "aia.art25.b";
const SWITCH_C = "aia.art25.c";
const PUBLIC_BODY = "aia.deployer.public-body";
const PUBLIC_SERVICE = "aia.deployer.public-service";

const HIGH_RISK = ref("aia.high-risk");
const THIRD_PARTY = all(LIVE, HIGH_RISK, notYes(PROVIDER), notYes(MANUFACTURER));

export const roles: ContentModule = {
  questions: [
    {
      id: PROVIDER,
      framework: "eu-ai-act",
      section: "roles",
      text: "Does your organization develop the AI system (or have it developed) and place it on the market or put it into service under its own name or trademark?",
      help: "Art 3(3): that makes you its provider, whether you charge for it or not. Building your own system on top of a vendor's model through its API usually makes you the provider of your system.",
      cite: ["AI Act Art 3(3)", "AI Act Art 3(9)", "AI Act Art 3(11)"],
      askIf: LIVE,
      prefill: [
        {
          when: { components: { kind: ["model", "agent", "dataset"], provider: ["in-house"] }, match: "some" },
          answer: "yes",
          reason: "Components are built in-house.",
        },
        {
          when: { components: { kind: ["model", "agent"], hosting: ["self-hosted"] }, match: "some" },
          answer: "yes",
          reason: "A model or agent component is self-hosted.",
        },
        {
          when: { components: { kind: ["model"], hosting: ["vendor-api"] }, match: "every" },
          answer: "no",
          reason:
            "The models are used through a vendor's API: you are likely a deployer of the vendor's system (if you build your own system on the model, you are its provider).",
        },
      ],
    },
    {
      id: DEPLOYER,
      framework: "eu-ai-act",
      section: "roles",
      text: "Does your organization use the AI system under its own authority (in its own operations, for its staff or customers)?",
      help: "Art 3(4): that makes you its deployer. A provider that also uses its own system is both.",
      cite: ["AI Act Art 3(4)"],
      askIf: LIVE,
      prefill: [
        { when: { fact: "stage", in: ["pilot", "production"] }, answer: "yes", reason: "The system is in a pilot or in production in your organization." },
        {
          when: { components: { kind: ["model"], hosting: ["vendor-api"] }, match: "some" },
          answer: "yes",
          reason: "The system uses a vendor's model through its API.",
        },
      ],
    },
    {
      id: IMPORTER,
      framework: "eu-ai-act",
      section: "roles",
      text: "Are you established in the EU and place on the EU market an AI system bearing the name or trademark of a provider established outside the EU?",
      help: "Art 3(6): that makes you its importer, with the duties of Art 23.",
      cite: ["AI Act Art 3(6)", "AI Act Art 23"],
      askIf: all(LIVE, HIGH_RISK),
    },
    {
      id: DISTRIBUTOR,
      framework: "eu-ai-act",
      section: "roles",
      text: "Do you make the AI system available on the EU market as part of a supply chain (e.g. reselling it), other than as its provider or importer?",
      help: "Art 3(7): that makes you a distributor, with the duties of Art 24.",
      cite: ["AI Act Art 3(7)", "AI Act Art 24"],
      askIf: all(LIVE, HIGH_RISK),
    },
    {
      id: REPRESENTATIVE,
      framework: "eu-ai-act",
      section: "roles",
      text: "Has a provider established outside the EU appointed you, by written mandate, as its authorised representative for this system?",
      help: "Art 3(5) and Art 22: the representative performs the tasks in the mandate (keeping documentation, cooperating with authorities).",
      cite: ["AI Act Art 3(5)", "AI Act Art 22"],
      askIf: all(LIVE, HIGH_RISK),
    },
    {
      id: MANUFACTURER,
      framework: "eu-ai-act",
      section: "roles",
      text: "Do you place the Annex I product on the market or put it into service together with the AI system, under your own name or trademark?",
      help: "Art 25(3): the product manufacturer is then considered the provider of the high-risk AI system.",
      cite: ["AI Act Art 25(3)", "AI Act Art 3(3)"],
      askIf: all(LIVE, any(ref("aia.annex1-a"), ref("aia.annex1-b"))),
    },
    {
      id: SWITCH_A,
      framework: "eu-ai-act",
      section: "roles",
      text: "Do you put your name or trademark on a high-risk AI system that is already on the market or in service (e.g. white-labelling a vendor's system)?",
      help: "Art 25(1)(a). Unless a contract allocates the obligations otherwise, you become its provider.",
      cite: ["AI Act Art 25(1)(a)"],
      askIf: THIRD_PARTY,
    },
    {
      id: SWITCH_B,
      framework: "eu-ai-act",
      section: "roles",
      text: "Have you made a substantial modification to a high-risk AI system already on the market or in service, such that it remains high-risk?",
      help: "Art 25(1)(b) and Art 3(23): a change not foreseen in the provider's conformity assessment that affects compliance or the intended purpose.",
      cite: ["AI Act Art 25(1)(b)", "AI Act Art 3(23)"],
      askIf: all(THIRD_PARTY, notYes(SWITCH_A)),
    },
    {
      id: SWITCH_C,
      framework: "eu-ai-act",
      section: "roles",
      text: "Did you take an AI system that was not high-risk as supplied (including a general-purpose system such as a chatbot or an API model) and use it for the high-risk purpose identified above?",
      help: "Art 25(1)(c): changing the intended purpose so that the system becomes high-risk makes you its provider. Typical case: building a CV-screening tool on a general-purpose model.",
      cite: ["AI Act Art 25(1)(c)"],
      askIf: all(THIRD_PARTY, notYes(SWITCH_A), notYes(SWITCH_B)),
      prefill: [
        {
          when: { components: { kind: ["model"], hosting: ["vendor-api", "cloud-platform"] }, match: "some" },
          answer: "yes",
          reason: "The system runs on a general-purpose model from a vendor, so the high-risk purpose is likely yours.",
        },
      ],
    },
    {
      id: PUBLIC_BODY,
      framework: "eu-ai-act",
      section: "roles",
      text: "Is your organization a public authority or a body governed by public law (or acting on behalf of one)?",
      help: "Art 27(1) and Art 49(3): public bodies must carry out a fundamental-rights impact assessment before using an Annex III system (except point 2) and register their use.",
      cite: ["AI Act Art 27(1)", "AI Act Art 49(3)", "AI Act Art 26(8)"],
      askIf: all(LIVE, ref("aia.annex3-high-risk"), yes(DEPLOYER)),
      prefill: [{ when: { fact: "tags", includesAny: ["public-sector", "government"] }, answer: "yes", reason: "The system is tagged as public sector." }],
    },
    {
      id: PUBLIC_SERVICE,
      framework: "eu-ai-act",
      section: "roles",
      text: "Is your organization a private entity providing public services (e.g. education, healthcare, social services, housing, administration of justice)?",
      help: "Art 27(1) and Recital 96: private operators providing public services must also carry out a fundamental-rights impact assessment before using an Annex III system (except point 2).",
      cite: ["AI Act Art 27(1)", "AI Act Recital 96"],
      askIf: all(LIVE, ref("aia.annex3-high-risk"), yes(DEPLOYER), notYes(PUBLIC_BODY)),
    },
  ],
  definitions: {
    "aia.switch": any(yes(SWITCH_A), yes(SWITCH_B), yes(SWITCH_C)),
    "aia.role-provider": any(yes(PROVIDER), yes(MANUFACTURER), ref("aia.switch")),
    "aia.role-deployer": yes(DEPLOYER),
    "aia.provider-hr": all(ref("aia.high-risk-full"), ref("aia.role-provider")),
    "aia.deployer-hr": all(ref("aia.high-risk-full"), ref("aia.role-deployer")),
    "aia.fria-required": all(
      ref("aia.role-deployer"),
      ref("aia.annex3-high-risk"),
      any(all(any(yes(PUBLIC_BODY), yes(PUBLIC_SERVICE)), ref("aia.annex3-not-point2")), yes("aia.annex3.5b"), yes("aia.annex3.5c")),
    ),
  },
  roles: [
    {
      id: "aia.role.provider",
      role: "provider",
      when: yes(PROVIDER),
      reason: "You develop the system, or have it developed, and place it on the market or put it into service under your own name or trademark (Art 3(3)).",
      cite: ["AI Act Art 3(3)"],
    },
    {
      id: "aia.role.deployer",
      role: "deployer",
      when: yes(DEPLOYER),
      reason: "You use the system under your own authority (Art 3(4)).",
      cite: ["AI Act Art 3(4)"],
    },
    {
      id: "aia.role.importer",
      role: "importer",
      when: yes(IMPORTER),
      reason: "You place on the EU market a system bearing a non-EU provider's name (Art 3(6)).",
      cite: ["AI Act Art 3(6)"],
    },
    {
      id: "aia.role.distributor",
      role: "distributor",
      when: yes(DISTRIBUTOR),
      reason: "You make the system available on the EU market in the supply chain (Art 3(7)).",
      cite: ["AI Act Art 3(7)"],
    },
    {
      id: "aia.role.authorised-representative",
      role: "authorised-representative",
      when: yes(REPRESENTATIVE),
      reason: "A non-EU provider mandated you as its authorised representative (Art 3(5), Art 22).",
      cite: ["AI Act Art 3(5)", "AI Act Art 22"],
    },
    {
      id: "aia.role.product-manufacturer",
      role: "product-manufacturer",
      when: yes(MANUFACTURER),
      reason: "You place the Annex I product on the market with the AI system under your own name (Art 25(3)).",
      cite: ["AI Act Art 25(3)"],
    },
    {
      id: "aia.role.provider-via-25-3",
      role: "provider",
      when: yes(MANUFACTURER),
      reason: "As the product manufacturer you are considered the provider of the high-risk AI system (Art 25(3)).",
      cite: ["AI Act Art 25(3)"],
    },
    {
      id: "aia.role.provider-via-25-1-a",
      role: "provider",
      when: yes(SWITCH_A),
      reason: "You put your name or trademark on a high-risk system already on the market: you become its provider (Art 25(1)(a)).",
      cite: ["AI Act Art 25(1)(a)"],
    },
    {
      id: "aia.role.provider-via-25-1-b",
      role: "provider",
      when: yes(SWITCH_B),
      reason: "You substantially modified a high-risk system and it remains high-risk: you become its provider (Art 25(1)(b)).",
      cite: ["AI Act Art 25(1)(b)"],
    },
    {
      id: "aia.role.provider-via-25-1-c",
      role: "provider",
      when: yes(SWITCH_C),
      reason: "You changed the intended purpose of a system that was not high-risk so that it became high-risk: you become its provider (Art 25(1)(c)).",
      cite: ["AI Act Art 25(1)(c)"],
    },
  ],
};
