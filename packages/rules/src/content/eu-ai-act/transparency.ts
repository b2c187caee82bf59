/** EU AI Act Art 50: transparency duties of providers (50(1), 50(2)) and deployers (50(3), 50(4)), given at first exposure (50(5)). */
import type { ContentModule } from "../../schema.js";
import { all, any, law, not, notNo, ref, yes } from "../dsl.js";

/** Art 2(2): for an Annex I Section B product only Art 6(1), Arts 102-109 and 112 apply, so not Art 50. */
const LIVE = all(ref("aia.live"), not(ref("aia.section-b-only")));
const INTERACTS = "aia.art50.1";
const SYNTHETIC = "aia.art50.2";
const ALREADY_ON_MARKET = "aia.art50.2-existing";
const EMOTION = "aia.art50.3";
const DEEPFAKE = "aia.art50.4-deepfake";
const PUBLIC_TEXT = "aia.art50.4-text";

export const transparency: ContentModule = {
  questions: [
    {
      id: INTERACTS,
      framework: "eu-ai-act",
      section: "transparency",
      text: "Is the system intended to interact directly with people (e.g. a chatbot, voice agent or assistant that customers or employees talk to)?",
      help: "Art 50(1). The provider must design it so that people are told they are interacting with an AI system, unless that is obvious to a reasonably well-informed person.",
      cite: ["AI Act Art 50(1)"],
      askIf: LIVE,
      prefill: [
        {
          when: { fact: "tags", includesAny: ["chatbot", "voice", "assistant", "conversational", "agents"] },
          answer: "yes",
          reason: "The system is tagged as a chatbot, voice agent or assistant.",
        },
        {
          when: {
            all: [
              { fact: "customerFacing", is: true },
              { fact: "tags", includesAny: ["genai", "llm", "generative"] },
            ],
          },
          answer: "yes",
          reason: "The system is customer-facing generative AI, which usually converses with people.",
        },
      ],
    },
    {
      id: SYNTHETIC,
      framework: "eu-ai-act",
      section: "transparency",
      text: "Does the system generate or manipulate synthetic audio, image, video or text content (beyond an assistive function for standard editing that does not substantially alter the input)?",
      help: "Art 50(2). The provider must mark the outputs in a machine-readable format and make them detectable as artificially generated or manipulated.",
      cite: ["AI Act Art 50(2)"],
      askIf: LIVE,
      prefill: [
        {
          when: { fact: "tags", includesAny: ["genai", "llm", "generative", "image-generation"] },
          answer: "yes",
          reason: "The system is tagged as generative AI.",
        },
        {
          when: { all: [{ fact: "tags", includesAny: ["ml", "forecasting"] }, { not: { fact: "tags", includesAny: ["genai", "llm", "generative"] } }] },
          answer: "no",
          reason: "The system is tagged as predictive machine learning, not generative AI.",
        },
      ],
    },
    {
      id: ALREADY_ON_MARKET,
      framework: "eu-ai-act",
      section: "transparency",
      text: "Was the system placed on the market or put into service before 2 August 2026?",
      help: "Digital Omnibus: providers of generative systems already on the market before 2 August 2026 have until 2 December 2026 to mark their outputs (Art 50(2)). Asked only under the Omnibus law version.",
      cite: ["AI Act Art 50(2)", "Digital Omnibus on AI (transitional period for Art 50(2) marking)"],
      askIf: all(LIVE, yes(SYNTHETIC), law("omnibus")),
      prefill: [
        {
          when: { all: [{ fact: "stage", in: ["production"] }, { asOfBefore: "2026-08-02" }] },
          answer: "yes",
          reason: "The system is in production and the classification date is before 2 August 2026.",
        },
        { when: { fact: "stage", in: ["idea"] }, answer: "no", reason: "The system is still an idea: it was not on the market before 2 August 2026." },
      ],
    },
    {
      id: EMOTION,
      framework: "eu-ai-act",
      section: "transparency",
      text: "Is the system an emotion-recognition or biometric-categorisation system?",
      help: "Art 50(3). The deployer must inform the people exposed to it and process personal data under the GDPR. Not asked when Annex III point 1(b) or 1(c) already said so.",
      cite: ["AI Act Art 50(3)"],
      askIf: all(LIVE, not(any(yes("aia.annex3.1b"), yes("aia.annex3.1c")))),
      prefill: [
        { when: { fact: "tags", includesAny: ["emotion-recognition", "emotion"] }, answer: "yes", reason: "The system is tagged as emotion recognition." },
      ],
    },
    {
      id: DEEPFAKE,
      framework: "eu-ai-act",
      section: "transparency",
      text: "Does the system generate or manipulate image, audio or video content that constitutes a deep fake (resembling real people, objects, places or events and falsely appearing authentic)?",
      help: "Art 50(4) first subparagraph. The deployer must disclose that the content is artificially generated or manipulated; for evidently artistic, creative, satirical or fictional work, in a way that does not hamper its enjoyment.",
      cite: ["AI Act Art 50(4)", "AI Act Art 3(60)"],
      askIf: all(LIVE, notNo(SYNTHETIC)),
    },
    {
      id: PUBLIC_TEXT,
      framework: "eu-ai-act",
      section: "transparency",
      text: "Does the system generate or manipulate text that is published to inform the public on matters of public interest, without human review or editorial control by someone holding editorial responsibility?",
      help: "Art 50(4) second subparagraph. The deployer must disclose that the text is artificially generated or manipulated.",
      cite: ["AI Act Art 50(4)"],
      askIf: all(LIVE, notNo(SYNTHETIC)),
    },
  ],
  definitions: {
    "aia.art50-3": any(yes(EMOTION), yes("aia.annex3.1b"), yes("aia.annex3.1c")),
    "aia.transparency": any(yes(INTERACTS), yes(SYNTHETIC), ref("aia.art50-3"), yes(DEEPFAKE), yes(PUBLIC_TEXT)),
  },
  labels: [
    {
      id: "aia.tr.50-1",
      kind: "transparency",
      basis: "Art 50(1): interacts directly with people, who must be told they are dealing with an AI system.",
      cite: ["AI Act Art 50(1)", "AI Act Art 50(5)"],
      when: yes(INTERACTS),
      penalty: "aia.99-4",
    },
    {
      id: "aia.tr.50-2",
      kind: "transparency",
      basis: "Art 50(2): generates synthetic audio, image, video or text, which must be marked as artificially generated in a machine-readable way.",
      cite: ["AI Act Art 50(2)"],
      when: yes(SYNTHETIC),
      penalty: "aia.99-4",
    },
    {
      id: "aia.tr.50-3",
      kind: "transparency",
      basis: "Art 50(3): emotion recognition or biometric categorisation; the people exposed must be informed.",
      cite: ["AI Act Art 50(3)", "AI Act Art 50(5)"],
      when: ref("aia.art50-3"),
      penalty: "aia.99-4",
    },
    {
      id: "aia.tr.50-4.deepfake",
      kind: "transparency",
      basis: "Art 50(4): deep fakes must be disclosed as artificially generated or manipulated.",
      cite: ["AI Act Art 50(4) first subparagraph", "AI Act Art 50(5)"],
      when: yes(DEEPFAKE),
      penalty: "aia.99-4",
    },
    {
      id: "aia.tr.50-4.text",
      kind: "transparency",
      basis: "Art 50(4): AI-generated text published on matters of public interest must be disclosed.",
      cite: ["AI Act Art 50(4) second subparagraph", "AI Act Art 50(5)"],
      when: yes(PUBLIC_TEXT),
      penalty: "aia.99-4",
    },
  ],
  obligations: [
    {
      id: "aia.art50-1.disclose-interaction",
      framework: "eu-ai-act",
      title: "Tell people they are interacting with an AI system (Art 50(1))",
      summary:
        "Design and develop the system so that the people it interacts with are informed, clearly and at the latest at the first interaction (Art 50(5)), that they are dealing with an AI system, unless that is obvious from the context.",
      cite: ["AI Act Art 50(1)", "AI Act Art 50(5)"],
      roles: ["provider"],
      when: all(yes(INTERACTS), ref("aia.role-provider")),
      dates: [{ schedule: "aia.art50" }],
      evidence: ["Screenshot or transcript of the AI disclosure at first interaction", "Accessibility check of the disclosure"],
      penalty: "aia.99-4",
    },
    {
      id: "aia.art50-2.mark-outputs",
      framework: "eu-ai-act",
      title: "Mark synthetic outputs in a machine-readable way (Art 50(2))",
      summary:
        "Ensure generated or manipulated audio, image, video and text outputs are marked in a machine-readable format and detectable as artificially generated (e.g. watermarks, metadata, cryptographic provenance), as far as technically feasible.",
      cite: ["AI Act Art 50(2)"],
      roles: ["provider"],
      when: all(yes(SYNTHETIC), ref("aia.role-provider")),
      dates: [{ schedule: "aia.art50-2-existing", when: yes(ALREADY_ON_MARKET) }, { schedule: "aia.art50" }],
      evidence: ["Description of the marking technique", "Detection test results on sample outputs"],
      penalty: "aia.99-4",
    },
    {
      id: "aia.art50-3.inform-exposed",
      framework: "eu-ai-act",
      title: "Inform people exposed to emotion recognition or biometric categorisation (Art 50(3))",
      summary: "Inform the people exposed to the system of its operation, at the latest at first exposure, and process their personal data under the GDPR.",
      cite: ["AI Act Art 50(3)", "AI Act Art 50(5)"],
      roles: ["deployer"],
      when: all(ref("aia.art50-3"), ref("aia.role-deployer")),
      dates: [{ schedule: "aia.art50" }],
      evidence: ["Notice shown to the people exposed", "Record of the GDPR legal basis"],
      penalty: "aia.99-4",
    },
    {
      id: "aia.art50-4.disclose-deepfakes",
      framework: "eu-ai-act",
      title: "Disclose deep fakes (Art 50(4))",
      summary:
        "Disclose that image, audio or video content constituting a deep fake has been artificially generated or manipulated, clearly and at the latest at first exposure.",
      cite: ["AI Act Art 50(4) first subparagraph", "AI Act Art 50(5)"],
      roles: ["deployer"],
      when: all(yes(DEEPFAKE), ref("aia.role-deployer")),
      dates: [{ schedule: "aia.art50" }],
      evidence: ["Labelling procedure for generated media", "Samples of labelled content"],
      penalty: "aia.99-4",
    },
    {
      id: "aia.art50-4.disclose-public-text",
      framework: "eu-ai-act",
      title: "Disclose AI-generated text on matters of public interest (Art 50(4))",
      summary:
        "Disclose that text published to inform the public on matters of public interest was artificially generated or manipulated, unless it underwent human review or editorial control under someone's editorial responsibility.",
      cite: ["AI Act Art 50(4) second subparagraph", "AI Act Art 50(5)"],
      roles: ["deployer"],
      when: all(yes(PUBLIC_TEXT), ref("aia.role-deployer")),
      dates: [{ schedule: "aia.art50" }],
      evidence: ["Editorial policy for AI-generated text", "Samples of disclosed publications"],
      penalty: "aia.99-4",
    },
  ],
};
