import type { PolicySystemFacts } from "../facts.js";
import { and, type Block, count, esc } from "../markdown.js";
import {
  classificationWords,
  clause,
  DECISION_WORDS,
  handlesPersonalData,
  hasLabel,
  type PolicyTemplate,
  personalWords,
  STAGE_WORDS,
  sys,
  unsettled,
} from "./common.js";

/** In scope: customers see it, or it informs or makes decisions about people. */
function inScope(s: PolicySystemFacts): boolean {
  return s.customerFacing || s.decisionsAffectingPeople !== "none";
}

function decisionRules(scope: PolicySystemFacts[]): Block[] {
  const blocks: Block[] = [];
  const decides = scope.filter((s) => s.decisionsAffectingPeople === "decides");
  const informs = scope.filter((s) => s.decisionsAffectingPeople === "informs");
  blocks.push({
    ul: [
      "A system that **informs** a decision about a person (a recommendation, a score, a ranking) leaves the decision to a trained person who sees the output, understands its limits, can disregard it, and records the decision as theirs.",
      "A system that **decides** on its own about a person, with legal or similarly significant effects, is allowed only where the decision is necessary for a contract with the person, authorised by law, or based on their explicit consent; the person can then obtain human review, state their view and contest the decision (GDPR Art 22).",
      "Anyone affected can reach a person: every customer-facing AI interaction offers a way to a human, and complaints about an AI outcome are answered within 30 days with an explanation of the main factors behind it.",
    ],
  });
  for (const s of decides)
    blocks.push({
      note: `${sys(s.name)} decides about people without a person in between.${handlesPersonalData(s) ? "" : " Its inventory record lists no personal data; where its decisions concern individuals (sole traders, consumers), GDPR Art 22 applies all the same."} Its owner documents the Art 22 basis (contract, law or explicit consent), offers human review on request, and runs a data protection impact assessment (GDPR Art 35) before the system goes further${s.stage === "production" ? "" : ` than ${STAGE_WORDS[s.stage] ?? s.stage}`}.`,
    });
  if (informs.length > 0)
    blocks.push({
      p: `${and(informs.map((s) => sys(s.name)))} ${informs.length === 1 ? "informs decisions" : "inform decisions"} about people: the people who act on ${informs.length === 1 ? "its" : "their"} output are named by the owner and trained as set out above.`,
    });
  return blocks;
}

function highRiskRules(all: PolicySystemFacts[]): Block[] {
  const highRisk = all.filter((s) => hasLabel(s, "high-risk"));
  if (highRisk.length === 0) {
    const classified = all.filter((s) => s.classification !== null).length;
    return [
      {
        p:
          classified === 0
            ? "No system is classified yet. Each system in scope is classified under the AI Act (`caio classify`) before it goes to production; if it is high-risk, the deployer duties of AI Act Art 26 apply and are listed here."
            : `None of the ${count(classified, "classified system")} is high-risk under the AI Act. A system that becomes high-risk after a change is handled under AI Act Art 26 from that day.`,
      },
    ];
  }
  const blocks: Block[] = [
    {
      p: `${and(highRisk.map((s) => sys(s.name)))} ${highRisk.length === 1 ? "is" : "are"} high-risk under the AI Act. For ${highRisk.length === 1 ? "it" : "each"}, the company as deployer (AI Act Art 26):`,
    },
    {
      ul: [
        "uses it according to the provider's instructions for use, and for its intended purpose only;",
        "assigns human oversight to people with the competence, training, authority and support to do it (Art 26(2), Art 14);",
        "makes sure input data it controls is relevant and sufficiently representative (Art 26(4));",
        "monitors its operation, and suspends it and informs the provider and the authority when it presents a risk (Art 26(5));",
        "keeps the logs it generates for at least six months (Art 26(6));",
        "informs workers' representatives and affected workers before using it at the workplace (Art 26(7));",
        "informs the people it makes or helps make decisions about that it is used (Art 26(11)), and explains individual decisions on request (Art 86);",
        "uses the provider's information to carry out its data protection impact assessment (Art 26(9)).",
      ],
    },
  ];
  for (const s of highRisk) {
    const basis = s.classification?.labels.filter((l) => l.kind === "high-risk").map((l) => clause(l.basis)) ?? [];
    const provider = s.classification?.roles.includes("provider");
    const obligations = s.classification?.obligations ?? [];
    const parts = [
      basis.length > 0 ? `basis: ${basis.join("; ")}` : "",
      provider ? "the company is also its **provider**, with the provider duties of Arts 9–17, 43, 49 and 72" : "",
      obligations.length > 0 ? `${count(obligations.length, "obligation")} on the obligations board` : "",
    ].filter(Boolean);
    blocks.push({ note: `${sys(s.name)}${parts.length > 0 ? `: ${parts.join("; ")}.` : "."}` });
  }
  return blocks;
}

export const customerFacing: PolicyTemplate = {
  kind: "customer-facing",
  number: 4,
  heading: "Policy on AI in customer-facing workflows",
  purpose: (f) =>
    `This policy sets the rules for AI at ${esc(f.organization)} that customers, applicants or the public interact with, and for AI whose output informs or makes decisions about people, so that they know when AI is involved, a competent person stays in control, and they can reach a person and contest an outcome.`,
  render(f) {
    const scope = f.systems.filter(inScope);
    const blocks: Block[] = [{ h: 2, text: "Systems in scope" }];
    if (scope.length === 0) {
      blocks.push({
        p: "No registered system is customer-facing or affects decisions about people. A system that becomes so is covered from the day its inventory record says so.",
      });
    } else {
      blocks.push({
        p: `${count(scope.length, "registered system")} ${scope.length === 1 ? "is" : "are"} customer-facing or ${scope.length === 1 ? "affects" : "affect"} decisions about people:`,
      });
      blocks.push({
        table: {
          head: ["System", "Stage", "Customer-facing", "Decisions about people", "Personal data", "AI Act classification", "Owner"],
          rows: scope.map((s) => [
            esc(s.name),
            STAGE_WORDS[s.stage] ?? s.stage,
            s.customerFacing ? "yes" : "no",
            DECISION_WORDS[s.decisionsAffectingPeople] ?? s.decisionsAffectingPeople,
            personalWords(s),
            classificationWords(s),
            esc(s.owner),
          ]),
        },
      });
    }
    blocks.push(
      { h: 2, text: "Tell people when AI is involved" },
      {
        ul: [
          "Customers are told they are dealing with an AI system at the start of the interaction, in plain words, unless it is obvious (AI Act Art 50(1), 50(5)).",
          "Privacy notices name the AI systems that process customers' personal data, what they do with it and the logic involved where decisions are automated (GDPR Art 13–14).",
          "Output shown to customers that was generated by AI follows the AI-generated content policy (policy 3 of 4).",
        ],
      },
      { h: 2, text: "Human oversight and recourse" },
      ...decisionRules(scope),
      { h: 2, text: "High-risk systems" },
      ...highRiskRules(f.systems),
    );
    const checks = scope.flatMap((s) => (s.classification?.extraChecks ?? []).map((c) => ({ s, c })));
    if (checks.length > 0) {
      blocks.push(
        { h: 2, text: "Other laws that apply" },
        {
          ul: checks.map(
            ({ s, c }) =>
              `${sys(s.name)}: ${esc(c.title)}${c.applies === "needs-review" ? " (to be confirmed)" : ""}${c.cite.length > 0 ? ` — ${c.cite.map(esc).join(", ")}` : ""}.`,
          ),
        },
      );
    }
    const launch = [
      "it is registered in the inventory with an owner, and classified under the AI Act;",
      "a data protection impact assessment is done where it processes personal data to evaluate or decide about people (GDPR Art 35);",
      "it was tested on data representative of the people it will serve, including for unequal error rates across groups;",
      "there is a fallback: a person or a non-AI process can take over if the system is stopped;",
      "the support team knows how to handle complaints about it and how to escalate a possible serious incident (AI Act Art 73: 15 days, 10 days after a death, 2 days for a widespread infringement or critical-infrastructure disruption).",
    ];
    blocks.push(
      { h: 2, text: "Before launch and after" },
      { p: "A system goes in front of customers, or starts to affect decisions about people, only when:" },
      { ol: launch },
    );
    blocks.push({
      p: "While it runs, its owner monitors its outcomes and complaints, and has it re-classified when its purpose, users, data or models change materially.",
    });
    const pending = scope.filter((s) => s.classification === null);
    if (pending.length > 0)
      blocks.push({
        note: `Not classified yet: ${and(pending.map((s) => sys(s.name)))}. ${pending.length === 1 ? "It is" : "They are"} classified within 60 days of this policy's approval.`,
      });
    const review = unsettled(scope);
    if (review.length > 0)
      blocks.push({
        note: `The classification of ${and(review.map((s) => sys(s.name)))} has unanswered questions ("needs review"): until they are answered, ${review.length === 1 ? "it is" : "they are"} treated as high-risk.`,
      });
    const personalNoDpia = scope.filter((s) => handlesPersonalData(s) && s.decisionsAffectingPeople !== "none");
    if (personalNoDpia.length > 0)
      blocks.push({
        p: `${and(personalNoDpia.map((s) => sys(s.name)))} ${personalNoDpia.length === 1 ? "uses" : "use"} personal data to inform or make decisions about people: ${personalNoDpia.length === 1 ? "its owner keeps its" : "their owners keep their"} data protection impact assessment on record and review${personalNoDpia.length === 1 ? "s" : ""} it when the system changes.`,
      });
    return blocks;
  },
  sources: [
    { cite: "AI Act Art 14", why: "human oversight" },
    { cite: "AI Act Art 26", why: "duties of deployers of high-risk systems" },
    { cite: "AI Act Art 27", why: "fundamental rights impact assessment, where it applies" },
    { cite: "AI Act Art 50(1), 50(5)", why: "telling people they interact with AI" },
    { cite: "AI Act Art 73", why: "serious incident reporting deadlines" },
    { cite: "AI Act Art 86", why: "explanation of individual decisions" },
    { cite: "GDPR Art 13–14", why: "information about automated decision-making" },
    { cite: "GDPR Art 22", why: "decisions based solely on automated processing" },
    { cite: "GDPR Art 35", why: "data protection impact assessments" },
    { cite: "NIST AI RMF GOVERN 3.2, MANAGE 4.1", why: "human-AI oversight roles; post-deployment monitoring and appeal" },
    { cite: "ISO/IEC 42001 A.5, A.8.2, A.9", why: "impact assessment, information for users, use of AI systems" },
  ],
};
