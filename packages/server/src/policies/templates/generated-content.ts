import type { PolicyFacts, PolicySystemFacts } from "../facts.js";
import { and, type Block, count, esc } from "../markdown.js";
import { clause, hasLabel, isGenerative, type PolicyTemplate, STAGE_WORDS, sys } from "./common.js";

function audience(s: PolicySystemFacts): string {
  return s.customerFacing ? "customers and the public" : "staff";
}

function transparencyDuties(f: PolicyFacts): Block[] {
  const classified = f.systems.filter((s) => s.classification !== null);
  const withDuty = f.systems.filter((s) => hasLabel(s, "transparency"));
  if (classified.length === 0)
    return [
      {
        p: "No system has been classified under the AI Act yet. Once they are (`caio classify`), the systems with Art 50 transparency duties are listed here with the duty that applies; until then, every customer-facing system that generates content is treated as having them.",
      },
    ];
  if (withDuty.length === 0)
    return [
      {
        p: `Of ${count(classified.length, "classified system")}, none carries an Art 50 transparency duty. The rules above still apply as company rules.`,
      },
    ];
  const rows = withDuty.map((s) => {
    const labels = s.classification?.labels.filter((l) => l.kind === "transparency") ?? [];
    const basis = labels.map((l) => clause(l.basis)).join("; ");
    const cite = [...new Set(labels.flatMap((l) => l.cite))].map(esc).join(", ");
    return [esc(s.name), basis || "transparency duty", cite || "AI Act Art 50"];
  });
  return [
    {
      p: `The AI Act classification gives ${count(withDuty.length, "system")} a transparency duty. ${withDuty.length === 1 ? "Its owner makes" : "Each system's owner makes"} sure it is met before the duty applies:`,
    },
    { table: { head: ["System", "Duty", "Legal basis"], rows } },
  ];
}

export const generatedContent: PolicyTemplate = {
  kind: "generated-content",
  number: 3,
  heading: "AI-generated content policy",
  purpose: (f) =>
    `This policy sets how ${esc(f.organization)} reviews, discloses and marks text, images, audio, video and code made with AI, so that what the company publishes, sends or ships is accurate, lawful and honest about how it was made.`,
  render(f) {
    const gen = f.systems.filter(isGenerative);
    const blocks: Block[] = [{ h: 2, text: "Systems that generate content" }];
    if (gen.length === 0) {
      blocks.push({
        p: "No registered system generates content. A system that starts to (a language, image, audio or code model) is covered from the day it is registered.",
      });
    } else {
      blocks.push({
        p: `${count(gen.length, "registered system")} generate${gen.length === 1 ? "s" : ""} content${gen.some((s) => s.customerFacing) ? `, of which ${and(gen.filter((s) => s.customerFacing).map((s) => sys(s.name)))} ${gen.filter((s) => s.customerFacing).length === 1 ? "reaches" : "reach"} customers directly` : ""}:`,
      });
      blocks.push({
        table: {
          head: ["System", "Stage", "Seen by", "Models", "Owner"],
          rows: gen.map((s) => [
            esc(s.name),
            STAGE_WORDS[s.stage] ?? s.stage,
            audience(s),
            s.models.length > 0 ? s.models.map(esc).join(", ") : "—",
            esc(s.owner),
          ]),
        },
      });
    }
    blocks.push(
      { h: 2, text: "Human review" },
      {
        ul: [
          "Content made with AI is reviewed by a named person before it leaves the company: sent to a customer, published, filed with an authority or shipped in a product. The reviewer is accountable for it as if they had written it.",
          "Facts, figures, names, quotes, legal statements and references are checked against their source: models make up plausible details (NIST AI 600-1, confabulation).",
          "Content that would be unlawful, discriminatory, defamatory or misleading if a person wrote it is just as unacceptable when a model wrote it.",
          "Code suggested by an assistant goes through the same review, tests and security checks as any other code, and is checked for copied third-party code under an incompatible licence.",
        ],
      },
      { h: 2, text: "Disclosure and marking" },
      {
        ul: [
          "People who talk or write to an AI system are told they are dealing with AI, unless it is obvious, at the latest at their first interaction (AI Act Art 50(1) and 50(5)).",
          "Images, audio or video that show real people, places or events and were generated or manipulated with AI (deepfakes) are disclosed as such (Art 50(4)).",
          "Text published to inform the public on matters of public interest is disclosed as AI-generated unless a person reviewed it and the company takes editorial responsibility for it (Art 50(4)).",
          "Synthetic audio, images, video and text produced by systems the company provides to others carry a machine-readable mark that they are AI-generated (Art 50(2)).",
          "These duties apply from 2 August 2026. Under the Digital Omnibus (adopted, awaiting publication), marking by systems already on the market is due from 2 December 2026.",
        ],
      },
      { h: 2, text: "Transparency duties by system" },
      ...transparencyDuties(f),
      { h: 2, text: "Intellectual property and confidentiality" },
      {
        ul: [
          "Do not ask a model to reproduce copyrighted material, a competitor's material or anything under a licence the company does not hold.",
          "Do not put confidential information into prompts beyond what the data policy (policy 2 of 4) allows for the vendor.",
          "Check that the vendor's terms give the company the rights it needs to the output before publishing or selling it.",
        ],
      },
      { h: 2, text: "Records" },
      {
        p: "Each system that generates content for customers keeps, for at least six months, a record of what it generated and who reviewed it, so a complaint can be traced to the output and the person who released it.",
      },
    );
    const unreviewed = gen.filter((s) => s.customerFacing && s.decisionsAffectingPeople === "decides");
    if (unreviewed.length > 0)
      blocks.push({
        note: `${and(unreviewed.map((s) => sys(s.name)))} ${unreviewed.length === 1 ? "sends" : "send"} output to people without a person in between: the customer-facing policy (policy 4 of 4) sets the review and recourse ${unreviewed.length === 1 ? "it needs" : "they need"}.`,
      });
    return blocks;
  },
  sources: [
    { cite: "AI Act Art 50(1)", why: "telling people they interact with an AI system" },
    { cite: "AI Act Art 50(2)", why: "machine-readable marking of synthetic content" },
    { cite: "AI Act Art 50(4)", why: "disclosing deepfakes and AI-generated text on matters of public interest" },
    { cite: "AI Act Art 50(5)", why: "disclosure at the first interaction" },
    { cite: "NIST AI 600-1", why: "generative AI risks: confabulation, information integrity, intellectual property" },
    { cite: "ISO/IEC 42001 A.8.2", why: "information for users of AI systems" },
    { cite: "ISO/IEC 42001 A.6.2.8", why: "event logs" },
  ],
};
