/**
 * EU AI Act Art 6(1) with Annex I: AI that is (a safety component of) a product under EU
 * harmonisation legislation needing third-party conformity assessment. Section A products follow
 * the AI Act's requirements through the sectoral procedure (Art 43(3)); Section B products only
 * Art 6(1), Arts 102-109 and 112 (Art 2(2)). Under the Digital Omnibus, machinery moves to the
 * sectoral (Section B) route.
 */
import type { ContentModule } from "../../schema.js";
import { all, any, law, not, ref, yes } from "../dsl.js";

const LIVE = ref("aia.live");
export const SECTION_A = "aia.annex1.section-a";
export const MACHINERY = "aia.annex1.machinery";
export const THIRD_PARTY = "aia.annex1.third-party";
export const SECTION_B = "aia.annex1.section-b";

export const annexI: ContentModule = {
  questions: [
    {
      id: SECTION_A,
      framework: "eu-ai-act",
      section: "annex-i",
      text: "Is the AI system a safety component of a product, or itself a product, covered by the EU legislation in Annex I Section A other than machinery: toys, recreational craft and personal watercraft, lifts, equipment for explosive atmospheres (ATEX), radio equipment, pressure equipment, cableways, personal protective equipment, gas appliances, medical devices or in vitro diagnostic medical devices?",
      help: "Art 6(1)(a) and Annex I Section A points 2-12. A safety component protects health or safety, or its failure endangers them (Art 3(14)). Machinery is asked separately.",
      cite: ["AI Act Art 6(1)(a)", "AI Act Annex I Section A", "AI Act Art 3(14)"],
      askIf: LIVE,
      prefill: [
        {
          when: { fact: "tags", includesAny: ["medical-device", "medtech", "ivd", "toy", "iot-safety"] },
          answer: "yes",
          reason: "The system is tagged as a regulated product (e.g. medical device).",
        },
      ],
    },
    {
      id: MACHINERY,
      framework: "eu-ai-act",
      section: "annex-i",
      text: "Is the AI system a safety component of machinery, or itself machinery, under the Machinery Directive 2006/42/EC or the Machinery Regulation (EU) 2023/1230?",
      help: "Annex I Section A point 1 in the published text. The Digital Omnibus moves machinery to the sectoral route (like Section B), so the answer leads to different duties per law version.",
      cite: ["AI Act Annex I Section A point 1", "Digital Omnibus on AI (machinery moved to the sectoral route)"],
      askIf: LIVE,
      prefill: [
        {
          when: { fact: "tags", includesAny: ["machinery", "robotics", "industrial"] },
          answer: "yes",
          reason: "The system is tagged as machinery or robotics.",
        },
      ],
    },
    {
      id: THIRD_PARTY,
      framework: "eu-ai-act",
      section: "annex-i",
      text: "Does that product have to undergo a third-party conformity assessment (by a notified body) under that legislation before it is placed on the market or put into service?",
      help: "Art 6(1)(b). If the product can be self-certified under its sectoral law, the AI system is not high-risk through Art 6(1) (Annex III may still apply).",
      cite: ["AI Act Art 6(1)(b)"],
      askIf: all(LIVE, any(yes(SECTION_A), yes(MACHINERY))),
    },
    {
      id: SECTION_B,
      framework: "eu-ai-act",
      section: "annex-i",
      text: "Is the AI system a safety component of a product, or itself a product, covered by Annex I Section B: civil aviation security, two- or three-wheel vehicles and quadricycles, agricultural and forestry vehicles, marine equipment, rail interoperability, motor vehicles and their trailers, or civil aviation and drones?",
      help: "Art 2(2) and Annex I Section B. For these products only Art 6(1), Arts 102-109 and Art 112 apply: the AI Act's requirements reach them through the sectoral type-approval legislation.",
      cite: ["AI Act Art 2(2)", "AI Act Art 6(1)", "AI Act Annex I Section B"],
      askIf: LIVE,
      prefill: [
        {
          when: { fact: "tags", includesAny: ["automotive", "aviation", "rail", "marine", "drone", "adas"] },
          answer: "yes",
          reason: "The system is tagged as vehicle, aviation, rail or marine equipment.",
        },
      ],
    },
  ],
  definitions: {
    "aia.annex1-a": all(yes(THIRD_PARTY), any(yes(SECTION_A), all(yes(MACHINERY), law("original")))),
    "aia.annex1-b": any(yes(SECTION_B), all(yes(MACHINERY), yes(THIRD_PARTY), law("omnibus"))),
    "aia.section-b-only": all(ref("aia.annex1-b"), not(ref("aia.high-risk-full"))),
  },
  labels: [
    {
      id: "aia.hr.annex1-a",
      kind: "high-risk",
      basis: "Art 6(1) and Annex I Section A: safety component of (or itself) a product that needs third-party conformity assessment.",
      cite: ["AI Act Art 6(1)", "AI Act Annex I Section A"],
      when: all(yes(THIRD_PARTY), yes(SECTION_A)),
      penalty: "aia.99-4",
    },
    {
      id: "aia.hr.annex1-a.machinery",
      kind: "high-risk",
      basis: "Art 6(1) and Annex I Section A point 1: safety component of (or itself) machinery that needs third-party conformity assessment.",
      cite: ["AI Act Art 6(1)", "AI Act Annex I Section A point 1"],
      when: all(yes(THIRD_PARTY), yes(MACHINERY), law("original")),
      penalty: "aia.99-4",
    },
    {
      id: "aia.hr.annex1-b",
      kind: "high-risk",
      basis:
        "Art 6(1) and Annex I Section B: only Art 6(1), Arts 102-109 and 112 apply (Art 2(2)); the requirements come through the sectoral type-approval legislation.",
      cite: ["AI Act Art 2(2)", "AI Act Art 6(1)", "AI Act Annex I Section B"],
      when: yes(SECTION_B),
      penalty: "aia.99-4",
    },
    {
      id: "aia.hr.annex1-b.machinery",
      kind: "high-risk",
      basis: "Art 6(1), machinery under the Digital Omnibus: the requirements come through the Machinery Regulation's sectoral procedure.",
      cite: ["AI Act Art 6(1)", "Digital Omnibus on AI (machinery moved to the sectoral route)"],
      when: all(yes(THIRD_PARTY), yes(MACHINERY), law("omnibus")),
      penalty: "aia.99-4",
    },
  ],
};
