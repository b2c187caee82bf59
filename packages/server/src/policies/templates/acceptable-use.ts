import type { PolicyFacts } from "../facts.js";
import { and, type Block, count, esc } from "../markdown.js";
import { classificationWords, clause, code, hasLabel, type PolicyTemplate, stageCounts, sys, systemsTable } from "./common.js";

/** The AI Act's prohibited practices (Art 5(1)), in plain words. */
const PROHIBITED = [
  "manipulating people with subliminal, manipulative or deceptive techniques that cause significant harm (Art 5(1)(a));",
  "exploiting vulnerabilities due to age, disability or social or economic situation (Art 5(1)(b));",
  "social scoring that leads to detrimental or disproportionate treatment (Art 5(1)(c));",
  "predicting that a person will commit a crime solely from profiling or personality traits (Art 5(1)(d));",
  "building facial-recognition databases by untargeted scraping of images from the internet or CCTV (Art 5(1)(e));",
  "inferring the emotions of employees or students, except for medical or safety reasons (Art 5(1)(f));",
  "biometric categorisation that infers race, political opinions, trade-union membership, religion, sex life or sexual orientation (Art 5(1)(g));",
  "real-time remote biometric identification in publicly accessible spaces for law enforcement (Art 5(1)(h)).",
];

function approvedTools(f: PolicyFacts): Block[] {
  const blocks: Block[] = [];
  if (f.vendors.length === 0) {
    blocks.push({
      p: "No AI vendor is on record yet. Until the AI officer approves a first vendor, no AI service bought from a third party may be used for company work.",
    });
  } else {
    blocks.push({
      p: `The AI services approved for company work are those of the ${count(f.vendors.length, "vendor")} under contract. Use them with the company account, never a personal one.`,
    });
    blocks.push({
      table: {
        head: ["Vendor", "Approved services", "Used by"],
        rows: f.vendors.map((v) => [
          esc(v.name),
          v.services.map(esc).join(", "),
          v.systems.length > 0 ? v.systems.map(esc).join(", ") : "no registered system",
        ]),
      },
    });
  }
  const mp = f.modelPolicy;
  if (mp) {
    const rules: string[] = [];
    if (mp.allowedProviders) rules.push(`Only models from these providers may be used: ${mp.allowedProviders.map(code).join(", ")}.`);
    if (mp.allowedModels) rules.push(`Only these models may be used: ${mp.allowedModels.map(code).join(", ")}.`);
    if (mp.deniedModels.length > 0) rules.push(`These models must not be used: ${mp.deniedModels.map(code).join(", ")}.`);
    if (rules.length > 0) {
      blocks.push({ p: "The organization's model policy applies to every system and every script. Code scanning enforces it in CI (`caio scan --ci`)." });
      blocks.push({ ul: rules });
    }
  } else {
    blocks.push({
      p: "No model policy is set yet. The AI officer sets one (allowed providers and denied models); until then, use only models offered by the vendors above.",
    });
  }
  blocks.push({
    p: "Any other AI tool, model, browser extension, plug-in or AI feature of an existing product needs the AI officer's approval before it is used with company data.",
  });
  return blocks;
}

function registration(f: PolicyFacts): Block[] {
  const blocks: Block[] = [
    {
      p: "Every use of AI in the company's work is registered in the AI inventory before it reaches pilot: its purpose, owner, stage, the data it uses, whether customers see it, whether it informs or makes decisions about people, and the models and vendors behind it. The owner keeps the record current and updates it when the system changes stage.",
    },
  ];
  const d = f.discovery;
  if (d.repositories === 0) {
    blocks.push({
      p: "No code repository has been scanned yet. Engineering teams scan their repositories with `caio scan` so that AI used in code is found, not only AI that people remember to declare.",
    });
  } else if (d.shadow.count === 0) {
    blocks.push({ p: `The last scans of ${count(d.repositories, "repository", "repositories")} found no AI in code outside the registered systems.` });
  } else {
    blocks.push({
      p: `Scans of ${count(d.repositories, "repository", "repositories")} currently find ${count(d.shadow.count, "use")} of AI in code that no registered system accounts for ("shadow AI"), in ${and(d.shadow.repositories.map(code))}. The owners of these repositories register each use as part of a system, or remove it, within 30 days of this policy's approval.`,
    });
  }
  if (d.secrets > 0) {
    blocks.push({
      p: `The scans also found ${count(d.secrets, "key-shaped secret")} in code. Keys to AI services are kept in the secret manager, never in code, chat messages or prompts; a key found in code is revoked and replaced.`,
    });
  }
  return blocks;
}

function prohibited(f: PolicyFacts): Block[] {
  const blocks: Block[] = [
    { p: "Nobody may use AI at or for the company, with its tools or with its data, for any of the practices the EU AI Act prohibits:" },
    { ul: PROHIBITED },
    {
      p: "Nor, by company rule, to: enter data into an AI tool that the data policy does not allow for that data; present AI output as checked work without checking it; let AI make a decision about a person without the human oversight the customer-facing policy requires; or try to get around an AI system's safety measures.",
    },
  ];
  const flagged = f.systems.filter((s) => hasLabel(s, "prohibited"));
  for (const s of flagged) {
    const basis = s.classification?.labels.find((l) => l.kind === "prohibited");
    blocks.push({
      note: `**Stop:** ${sys(s.name)} is classified as a prohibited practice${basis?.basis ? ` (${clause(basis.basis)})` : ""}. It must not be developed or used further; the AI officer reports to the board on how it is wound down.`,
    });
  }
  return blocks;
}

function literacy(f: PolicyFacts): Block[] {
  const highRisk = f.systems.filter((s) => hasLabel(s, "high-risk"));
  const blocks: Block[] = [
    {
      p: "Everyone who uses or operates AI systems for the company has a sufficient level of AI literacy for their role (AI Act Art 4, applicable since 2 February 2025):",
    },
    {
      ul: [
        "all staff: a short introduction when they join and once a year, covering this policy, what AI tools get wrong (made-up facts, bias, leaking data), and how to report a problem;",
        "owners and operators of a system: training on that system's intended purpose, limits, instructions for use and how to override or stop it;",
        "people who review or approve AI output for customers: training on the customer-facing and AI-generated content policies.",
      ],
    },
  ];
  if (highRisk.length > 0) {
    blocks.push({
      p: `The people who oversee the high-risk ${highRisk.length === 1 ? "system" : "systems"} ${and(highRisk.map((s) => sys(s.name)))} receive role-specific training on human oversight before they use ${highRisk.length === 1 ? "it" : "them"} (AI Act Art 26(2)).`,
    });
  }
  blocks.push({ p: "The AI officer keeps a record of who was trained and when." });
  return blocks;
}

export const acceptableUse: PolicyTemplate = {
  kind: "acceptable-use",
  number: 1,
  heading: "AI acceptable use policy",
  purpose: (f) =>
    `This policy sets how people at ${esc(f.organization)} may use AI at work. It applies to every employee, contractor and temporary worker, to every AI tool they use for company work, and to every AI system the company builds, buys or runs.`,
  render(f) {
    const blocks: Block[] = [{ h: 2, text: "What it covers" }];
    if (f.systems.length === 0) {
      blocks.push({ p: "No AI system is registered in the inventory yet. This policy applies to each one as it is registered." });
    } else {
      blocks.push({
        p: `The inventory holds ${count(f.systems.length, "AI system")} in use or planned (${stageCounts(f.systems)})${f.retiredSystems > 0 ? `; ${count(f.retiredSystems, "retired system")} ${f.retiredSystems === 1 ? "is" : "are"} not covered` : ""}. Each has an owner who answers for its use:`,
      });
      blocks.push(systemsTable(f.systems, [{ head: "AI Act classification", value: classificationWords }]));
    }
    blocks.push({ h: 2, text: "Approved AI tools and models" }, ...approvedTools(f));
    blocks.push({ h: 2, text: "Register before you use" }, ...registration(f));
    blocks.push({ h: 2, text: "Prohibited uses" }, ...prohibited(f));
    blocks.push({ h: 2, text: "AI literacy" }, ...literacy(f));
    blocks.push(
      { h: 2, text: "Everyday rules" },
      {
        ul: [
          "Treat AI output as a draft: you are responsible for what you send, publish, decide or ship with it.",
          "Follow the data policy (policy 2 of 4) for what you may enter into an AI tool.",
          "Follow the AI-generated content policy (policy 3 of 4) before anything made with AI leaves the company.",
          "Follow the customer-facing policy (policy 4 of 4) wherever AI meets customers or affects people.",
          "Do not turn off logging, safety filters or human-review steps of a system without its owner's written approval.",
        ],
      },
      { h: 2, text: "Reporting concerns" },
      {
        p: "Report a concern about an AI system, a suspected misuse or a harmful output to the system's owner or the AI officer. Reports can be made without fear of retaliation. Serious incidents are handled under the incident process, including the AI Act Art 73 reporting deadlines where they apply.",
      },
      {
        p: `Breaches of this policy are handled under the usual disciplinary rules.${f.systems.some((s) => s.stage === "production" && s.classification === null) ? " Systems in production that are not yet classified are classified within 60 days of this policy's approval." : ""}`,
      },
    );
    const idea = f.systems.filter((s) => s.stage === "idea");
    if (idea.length > 0)
      blocks.push({
        p: `Ideas in the inventory (${and(idea.map((s) => esc(s.name)))}) do not use company data until they are registered as a pilot with an owner, a purpose and a classification.`,
      });
    return blocks;
  },
  sources: [
    { cite: "AI Act Art 4", why: "AI literacy of staff and others who operate or use AI systems" },
    { cite: "AI Act Art 5(1)(a)–(h)", why: "prohibited AI practices" },
    { cite: "AI Act Art 26(2)", why: "human oversight of high-risk systems by trained people" },
    { cite: "AI Act Art 73", why: "reporting serious incidents" },
    { cite: "ISO/IEC 42001 clause 5.2, A.2.2", why: "the AI policy" },
    { cite: "ISO/IEC 42001 A.3.3", why: "reporting concerns" },
    { cite: "ISO/IEC 42001 A.9.2–A.9.4", why: "responsible and intended use of AI systems" },
    { cite: "NIST AI RMF GOVERN 1.6", why: "an inventory of AI systems" },
    { cite: "NIST AI RMF GOVERN 2.2", why: "AI risk training" },
  ],
};
