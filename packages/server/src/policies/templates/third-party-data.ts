import type { PolicyFacts, PolicyVendorFacts } from "../facts.js";
import { and, type Block, count, esc } from "../markdown.js";
import { code, handlesPersonalData, inEu, type PolicyTemplate, personalWords, retentionWords, sensitiveData, sys, trainsWords } from "./common.js";

/** What a vendor may receive, from its recorded terms. */
function clearance(v: PolicyVendorFacts): string {
  if (v.trainsOnCustomerData !== "no") return "public information only";
  if (!v.dpaSigned) return "internal and confidential data, no personal data";
  return "internal, confidential and personal data";
}

function vendorRules(f: PolicyFacts): Block[] {
  if (f.vendors.length === 0)
    return [
      {
        p: "No vendor is on record. No company data may be sent to a model run by a third party until the vendor is recorded with its data terms and approved.",
      },
    ];
  const blocks: Block[] = [
    {
      p: "What each vendor may receive follows from its data terms as recorded in the vendor register. When the terms change, the register is updated first, and the clearance below changes with it.",
    },
    {
      table: {
        head: ["Vendor", "Trains on our data", "Retention", "DPA signed", "Data region", "May receive", "Used by"],
        rows: f.vendors.map((v) => [
          esc(v.name),
          trainsWords(v),
          retentionWords(v),
          v.dpaSigned ? "yes" : "no",
          v.dataRegion ? esc(v.dataRegion) : "not recorded",
          clearance(v),
          v.systems.length > 0 ? v.systems.map(esc).join(", ") : "—",
        ]),
      },
    },
  ];
  const rules: string[] = [];
  for (const v of f.vendors) {
    const says: string[] = [];
    if (v.trainsOnCustomerData === "yes")
      says.push("it may train its models on what we send, so only public information goes to it until the contract excludes training.");
    else if (v.trainsOnCustomerData === "unknown")
      says.push("whether it trains on our data is not recorded, so only public information goes to it until the AI officer confirms the terms.");
    if (!v.dpaSigned)
      says.push(
        `no data processing agreement is on record, so no personal data goes to it until one is signed (GDPR Art 28).${v.systems.length > 0 ? ` The owners of ${and(v.systems.map(esc))} check what ${v.systems.length === 1 ? "it sends" : "they send"}.` : ""}`,
      );
    if (v.retentionDays === null) says.push("the retention period is not recorded; the vendor's owner obtains it.");
    else if (v.retentionDays > 30) says.push(`it keeps inputs for ${v.retentionDays} days; ask for zero or 30-day retention where the contract allows it.`);
    if (v.dataRegion && !inEu(v.dataRegion))
      says.push(
        `it processes data in ${esc(v.dataRegion)}, so personal data of people in the EU goes to it only under a transfer mechanism such as the EU–US Data Privacy Framework or standard contractual clauses (GDPR Art 44–46).`,
      );
    else if (!v.dataRegion) says.push("the data region is not recorded; the vendor's owner records it.");
    if (says.length > 0) rules.push(`**${esc(v.name)}**: ${says.join(" ")}`);
  }
  if (rules.length > 0) blocks.push({ p: "Specific restrictions, from the register:" }, { ul: rules });
  return blocks;
}

function personalFlows(f: PolicyFacts): Block[] {
  const flows = f.systems.filter((s) => handlesPersonalData(s) && s.vendors.length > 0);
  const blocks: Block[] = [];
  if (flows.length === 0) {
    blocks.push({ p: "No registered system sends personal data to a vendor's model. A system that starts to do so is first recorded in the inventory." });
    return blocks;
  }
  blocks.push({
    p: `${count(flows.length, "registered system")} send${flows.length === 1 ? "s" : ""} personal data to a vendor. Each must be covered by the vendor's data processing agreement and listed in the record of processing activities (GDPR Art 30):`,
  });
  blocks.push({
    table: {
      head: ["System", "Personal data", "Vendors", "Owner"],
      rows: flows.map((s) => [esc(s.name), personalWords(s), s.vendors.map(esc).join(", "), esc(s.owner)]),
    },
  });
  const noDpa = new Set(f.vendors.filter((v) => !v.dpaSigned).map((v) => v.name));
  for (const s of flows.filter((x) => x.vendors.some((v) => noDpa.has(v))))
    blocks.push({
      note: `${sys(s.name)} sends personal data to ${and(s.vendors.filter((v) => noDpa.has(v)).map(esc))}, which has no data processing agreement on record: sign one, or stop sending personal data.`,
    });
  const sensitive = flows.filter(sensitiveData);
  for (const s of sensitive)
    blocks.push({
      note: `${sys(s.name)} handles ${personalWords(s)}: a data protection impact assessment (GDPR Art 35) is approved before any of it is sent to a vendor.`,
    });
  return blocks;
}

export const thirdPartyData: PolicyTemplate = {
  kind: "third-party-data",
  number: 2,
  heading: "Policy on data sent to third-party AI models",
  purpose: (f) =>
    `This policy sets which data people and systems at ${esc(f.organization)} may send to AI models run by other companies: model APIs, cloud AI platforms, and AI features of software bought as a service. It applies to prompts, uploaded files, retrieved documents, fine-tuning data and logs alike.`,
  render(f) {
    const blocks: Block[] = [
      { h: 2, text: "Data classes" },
      {
        ul: [
          "**Public**: already published by the company. May go to any approved vendor.",
          "**Internal**: ordinary business information. Only to vendors that do not train on our data.",
          "**Confidential**: contracts, prices, financials, source code, security details, customer data. Only to vendors that do not train on our data and keep it no longer than needed.",
          "**Personal data**: anything about an identifiable person. Only to vendors with a signed data processing agreement, for a purpose recorded in the inventory, and no more than the purpose needs (GDPR Art 5(1)(c), Art 28).",
          "**Special-category and children's data** (health, biometrics, religion, union membership, sexual orientation; anyone under 18): only after an approved data protection impact assessment (GDPR Art 35) names the vendor.",
          "**Secrets**: passwords, API keys, tokens and private keys. Never sent to any model.",
        ],
      },
      { h: 2, text: "Vendors and what they may receive" },
      ...vendorRules(f),
      { h: 2, text: "Systems that send personal data to vendors" },
      ...personalFlows(f),
    ];
    const mp = f.modelPolicy;
    if (mp?.allowedProviders)
      blocks.push(
        { h: 2, text: "Allowed providers" },
        {
          p: `Only these providers' models receive company data: ${mp.allowedProviders.map(code).join(", ")}${mp.deniedModels.length > 0 ? `; these models receive none: ${mp.deniedModels.map(code).join(", ")}` : ""}. The same list is the model policy the CI gate enforces.`,
        },
      );
    if (f.discovery.shadow.count > 0)
      blocks.push({
        p: `Code scans find ${count(f.discovery.shadow.count, "use")} of AI outside the registered systems (${and(f.discovery.shadow.names.slice(0, 6).map(esc))}${f.discovery.shadow.names.length > 6 ? " and others" : ""}). Until each is registered, nobody can say what data it sends where: its owner registers it or switches it off.`,
      });
    blocks.push(
      { h: 2, text: "How data is sent" },
      {
        ul: [
          "Send the least data the task needs: remove names, contact details and identifiers the model does not need, or replace them with placeholders.",
          "Use the company's accounts, gateways and keys, so that use is logged and attributed; never personal accounts.",
          "Keep keys in the secret manager. A key found in code or a prompt is revoked.",
          "Prompts and outputs that contain personal data are kept no longer than the system's documented retention, and deleted with the source record.",
          "Before a new vendor receives company data: its data terms (training, retention, DPA, region) are recorded in the vendor register and the AI officer approves it (ISO/IEC 42001 A.10.3).",
        ],
      },
    );
    return blocks;
  },
  sources: [
    { cite: "GDPR Art 5(1)(c)", why: "data minimisation" },
    { cite: "GDPR Art 28", why: "processors and data processing agreements" },
    { cite: "GDPR Art 30", why: "records of processing activities" },
    { cite: "GDPR Art 32", why: "security of processing" },
    { cite: "GDPR Art 35", why: "data protection impact assessments" },
    { cite: "GDPR Art 44–46", why: "transfers outside the EU/EEA" },
    { cite: "AI Act Art 26(4)", why: "relevant input data for high-risk systems (deployers)" },
    { cite: "ISO/IEC 42001 A.7.2–A.7.6", why: "data for AI systems" },
    { cite: "ISO/IEC 42001 A.10.3", why: "suppliers" },
    { cite: "NIST AI RMF GOVERN 6.1, MAP 4.1", why: "third-party and component risks" },
  ],
};
