/**
 * EU AI Act Arts 51-55: general-purpose AI models. Duties fall on the model's provider: Art 53 for
 * all (with the 53(2) open-weights exception), Art 54 representative for non-EU providers, and for
 * models with systemic risk (over 10^25 FLOP or designated) the Art 52 notification and Art 55.
 */
import type { ContentModule, Obligation } from "../../schema.js";
import { all, any, not, notYes, ref, yes } from "../dsl.js";

const LIVE = ref("aia.live");
const MODEL = "aia.gpai.model";
const COMPUTE = "aia.gpai.compute";
const DESIGNATED = "aia.gpai.designated";
const OPEN = "aia.gpai.open-weights";
const NON_EU = "aia.gpai.non-eu";
const BEFORE_2025 = "aia.gpai.before-2025";

const GPAI = ref("aia.gpai");
const SYSTEMIC = ref("aia.gpai-systemic");
const NOT_OPEN_EXEMPT = not(ref("aia.gpai-open-exempt"));
const DATES = [{ schedule: "aia.gpai-existing", when: yes(BEFORE_2025) }, { schedule: "aia.gpai" }];

const duty = (o: Omit<Obligation, "framework" | "roles" | "dates" | "penalty">): Obligation => ({
  ...o,
  framework: "eu-ai-act",
  roles: ["provider"],
  dates: DATES,
  penalty: "aia.101",
});

export const gpai: ContentModule = {
  questions: [
    {
      id: MODEL,
      framework: "eu-ai-act",
      section: "gpai",
      text: "Do you provide a general-purpose AI model (one that displays significant generality and competently performs a wide range of distinct tasks), placing it on the EU market yourself or integrating it into this system?",
      help: "Art 3(63) and Art 3(3). Using a model from OpenAI, Anthropic, Google or similar through their API makes them the model's provider, not you; fine-tuning or modifying a model significantly may make you one.",
      cite: ["AI Act Art 3(63)", "AI Act Art 3(3)", "AI Act Art 51"],
      askIf: LIVE,
      prefill: [
        {
          when: { components: { kind: ["model"], notProvider: ["in-house"] }, match: "every" },
          answer: "no",
          reason: "Every model component comes from a third-party provider, who is the general-purpose model's provider.",
        },
      ],
    },
    {
      id: COMPUTE,
      framework: "eu-ai-act",
      section: "gpai",
      text: "Was the model trained with a cumulative amount of compute greater than 10^25 floating-point operations?",
      help: "Art 51(2): above this threshold the model is presumed to have high-impact capabilities, i.e. systemic risk. The provider must notify the Commission within two weeks (Art 52(1)).",
      cite: ["AI Act Art 51(1)(a)", "AI Act Art 51(2)", "AI Act Art 52(1)"],
      askIf: all(LIVE, yes(MODEL)),
    },
    {
      id: DESIGNATED,
      framework: "eu-ai-act",
      section: "gpai",
      text: "Has the Commission designated the model as a general-purpose AI model with systemic risk (ex officio or after a qualified alert of the scientific panel)?",
      help: "Art 51(1)(b) with the criteria of Annex XIII.",
      cite: ["AI Act Art 51(1)(b)", "AI Act Art 52(4)", "AI Act Annex XIII"],
      askIf: all(LIVE, yes(MODEL), notYes(COMPUTE)),
    },
    {
      id: OPEN,
      framework: "eu-ai-act",
      section: "gpai",
      text: "Is the model released under a free and open-source licence that allows access, use, modification and distribution, with its weights, architecture and usage information made public?",
      help: "Art 53(2): such models are exempt from the technical documentation and downstream information duties (53(1)(a)-(b)) and from the Art 54 representative, unless they have systemic risk.",
      cite: ["AI Act Art 53(2)", "AI Act Art 54(6)"],
      askIf: all(LIVE, yes(MODEL)),
    },
    {
      id: NON_EU,
      framework: "eu-ai-act",
      section: "gpai",
      text: "Is the model's provider established outside the EU?",
      help: "Art 54: a provider established in a third country must appoint, by written mandate, an authorised representative established in the EU before placing the model on the EU market.",
      cite: ["AI Act Art 54(1)"],
      askIf: all(LIVE, yes(MODEL)),
    },
    {
      id: BEFORE_2025,
      framework: "eu-ai-act",
      section: "gpai",
      text: "Was the model placed on the EU market before 2 August 2025?",
      help: "Art 111(3): providers of general-purpose AI models placed on the market before 2 August 2025 must comply by 2 August 2027.",
      cite: ["AI Act Art 111(3)"],
      askIf: all(LIVE, yes(MODEL)),
    },
  ],
  definitions: {
    "aia.gpai": yes(MODEL),
    "aia.gpai-systemic": all(yes(MODEL), any(yes(COMPUTE), yes(DESIGNATED))),
    "aia.gpai-open-exempt": all(yes(OPEN), not(ref("aia.gpai-systemic"))),
  },
  labels: [
    {
      id: "aia.gpai",
      kind: "gpai",
      basis: "General-purpose AI model provider: Art 53 duties (technical documentation, downstream information, copyright policy, training-content summary).",
      cite: ["AI Act Art 3(63)", "AI Act Art 53"],
      when: GPAI,
      penalty: "aia.101",
    },
    {
      id: "aia.gpai.systemic.compute",
      kind: "gpai-systemic-risk",
      basis: "General-purpose AI model with systemic risk: trained with more than 10^25 FLOP (presumption of Art 51(2)); Arts 52 and 55 apply.",
      cite: ["AI Act Art 51(1)(a)", "AI Act Art 51(2)", "AI Act Art 55"],
      when: all(GPAI, yes(COMPUTE)),
      penalty: "aia.101",
    },
    {
      id: "aia.gpai.systemic.designated",
      kind: "gpai-systemic-risk",
      basis: "General-purpose AI model with systemic risk by Commission designation (Art 51(1)(b), Annex XIII); Art 55 applies.",
      cite: ["AI Act Art 51(1)(b)", "AI Act Annex XIII", "AI Act Art 55"],
      when: all(GPAI, yes(DESIGNATED)),
      penalty: "aia.101",
    },
  ],
  roles: [
    {
      id: "aia.role.gpai-provider",
      role: "provider",
      when: GPAI,
      reason: "You provide a general-purpose AI model (Art 3(3), Art 3(63)).",
      cite: ["AI Act Art 3(3)", "AI Act Art 3(63)"],
    },
  ],
  obligations: [
    duty({
      id: "aia.art53-1a.technical-documentation",
      title: "Model technical documentation (Art 53(1)(a), Annex XI)",
      summary:
        "Draw up and keep up to date the model's technical documentation, including its training and testing process and evaluation results, and give it to the AI Office on request.",
      cite: ["AI Act Art 53(1)(a)", "AI Act Annex XI"],
      when: all(GPAI, NOT_OPEN_EXEMPT),
      evidence: ["Annex XI technical documentation", "Evaluation results"],
    }),
    duty({
      id: "aia.art53-1b.downstream-information",
      title: "Information for downstream providers (Art 53(1)(b), Annex XII)",
      summary:
        "Make information and documentation available to providers who integrate the model into their AI systems, so they understand its capabilities and limitations and can meet their own duties.",
      cite: ["AI Act Art 53(1)(b)", "AI Act Annex XII"],
      when: all(GPAI, NOT_OPEN_EXEMPT),
      evidence: ["Annex XII documentation for integrators", "Distribution log of the documentation"],
    }),
    duty({
      id: "aia.art53-1c.copyright-policy",
      title: "Copyright policy honouring text-and-data-mining opt-outs (Art 53(1)(c))",
      summary:
        "Put in place a policy to comply with EU copyright law, in particular to identify and respect reservations of rights (opt-outs) under Art 4(3) of Directive (EU) 2019/790.",
      cite: ["AI Act Art 53(1)(c)", "Directive (EU) 2019/790 Art 4(3)"],
      when: GPAI,
      evidence: ["Copyright policy", "Opt-out detection procedure for training-data crawls"],
    }),
    duty({
      id: "aia.art53-1d.training-summary",
      title: "Public summary of training content (Art 53(1)(d))",
      summary: "Draw up and publish a sufficiently detailed summary of the content used to train the model, following the AI Office template.",
      cite: ["AI Act Art 53(1)(d)"],
      when: GPAI,
      evidence: ["Published training-content summary (AI Office template)"],
    }),
    duty({
      id: "aia.art54.representative",
      title: "Appoint an EU authorised representative (Art 54)",
      summary:
        "Before placing the model on the EU market, appoint by written mandate an authorised representative established in the EU, and enable it to perform the tasks in Art 54(3).",
      cite: ["AI Act Art 54(1)", "AI Act Art 54(3)", "AI Act Art 54(6)"],
      when: all(GPAI, yes(NON_EU), NOT_OPEN_EXEMPT),
      evidence: ["Written mandate of the authorised representative"],
    }),
    duty({
      id: "aia.art52.notify",
      title: "Notify the Commission of a systemic-risk model (Art 52(1))",
      summary:
        "Notify the Commission without delay, and in any event within two weeks after the 10^25 FLOP threshold is met or it becomes known that it will be met; you may argue that the model does not present systemic risk (52(2)).",
      cite: ["AI Act Art 52(1)", "AI Act Art 52(2)"],
      when: all(GPAI, yes(COMPUTE)),
      evidence: ["Notification to the Commission with the compute estimate"],
    }),
    duty({
      id: "aia.art55-1a.evaluation",
      title: "Model evaluation and adversarial testing (Art 55(1)(a))",
      summary:
        "Evaluate the model with standardised protocols and state-of-the-art tools, including documented adversarial testing, to identify and mitigate systemic risks.",
      cite: ["AI Act Art 55(1)(a)"],
      when: SYSTEMIC,
      evidence: ["Evaluation protocol and results", "Red-teaming reports"],
    }),
    duty({
      id: "aia.art55-1b.systemic-risk-mitigation",
      title: "Assess and mitigate systemic risks (Art 55(1)(b))",
      summary:
        "Assess and mitigate possible systemic risks at Union level, including their sources, from development, placing on the market or use of the model.",
      cite: ["AI Act Art 55(1)(b)"],
      when: SYSTEMIC,
      evidence: ["Systemic-risk assessment", "Mitigation plan"],
    }),
    duty({
      id: "aia.art55-1c.incident-reporting",
      title: "Track and report serious incidents to the AI Office (Art 55(1)(c))",
      summary:
        "Keep track of, document and report without undue delay to the AI Office (and national authorities where appropriate) relevant information about serious incidents and possible corrective measures.",
      cite: ["AI Act Art 55(1)(c)"],
      when: SYSTEMIC,
      evidence: ["Incident log", "Reports sent to the AI Office"],
    }),
    duty({
      id: "aia.art55-1d.cybersecurity",
      title: "Cybersecurity of the model and its infrastructure (Art 55(1)(d))",
      summary: "Ensure an adequate level of cybersecurity protection for the model and its physical infrastructure.",
      cite: ["AI Act Art 55(1)(d)"],
      when: SYSTEMIC,
      evidence: ["Security assessment of model weights and infrastructure"],
    }),
  ],
};
