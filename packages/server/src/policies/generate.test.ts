import { POLICY_KINDS, type PolicyKind } from "@caio/core";
import { describe, expect, it } from "vitest";
import type { PolicyFacts, PolicySystemFacts } from "./facts.js";
import { POLICY_TEMPLATES, renderPolicy } from "./generate.js";

function system(name: string, over: Partial<PolicySystemFacts> = {}): PolicySystemFacts {
  return {
    name,
    purpose: "",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["none"],
    affectedPeople: "unknown",
    euNexus: ["used-in-eu"],
    owner: "COO",
    tags: [],
    vendors: [],
    providers: [],
    models: [],
    classification: null,
    ...over,
  };
}

/** An insurer with a classified high-risk claims bot, a vendor without a DPA, shadow AI and a leaked key. */
function facts(): PolicyFacts {
  return {
    organization: "Acme Versicherung AG",
    systems: [
      system("Claims triage bot", {
        stage: "production",
        customerFacing: true,
        decisionsAffectingPeople: "decides",
        personalData: ["personal", "special-category"],
        owner: "Head of Claims",
        tags: ["genai"],
        vendors: ["OpenAI"],
        providers: ["openai"],
        models: ["GPT-4o"],
        classification: {
          status: "complete",
          labels: [
            { kind: "high-risk", basis: "Annex III point 5(c): life and health insurance pricing", cite: ["AI Act Art 6(2)", "AI Act Annex III point 5(c)"] },
            { kind: "transparency", basis: "Art 50(1): interacts with natural persons", cite: ["AI Act Art 50(1)"] },
          ],
          roles: ["deployer"],
          obligations: [{ title: "Human oversight", cite: ["AI Act Art 26(2)"] }],
          extraChecks: [{ title: "GDPR Art 22 automated decision", applies: "yes", cite: ["GDPR Art 22"] }],
        },
      }),
      system("Fraud scoring", {
        decisionsAffectingPeople: "informs",
        personalData: ["personal"],
        owner: "CFO",
        providers: ["in-house"],
        classification: {
          status: "needs-review",
          labels: [{ kind: "minimal", basis: "no label applies", cite: [] }],
          roles: ["provider"],
          obligations: [],
          extraChecks: [],
        },
      }),
      system("R&D *beta* | <b>test</b>", { stage: "idea", vendors: ["Shady AI"], providers: ["shady"], personalData: ["personal"] }),
    ],
    retiredSystems: 2,
    vendors: [
      {
        name: "OpenAI",
        services: ["API platform"],
        trainsOnCustomerData: "no",
        retentionDays: 30,
        dpaSigned: true,
        dataRegion: "US",
        systems: ["Claims triage bot"],
      },
      {
        name: "Shady AI",
        services: ["Chat"],
        trainsOnCustomerData: "unknown",
        retentionDays: null,
        dpaSigned: false,
        dataRegion: "",
        systems: ["R&D *beta* | <b>test</b>"],
      },
    ],
    modelPolicy: { allowedProviders: ["azure*", "openai"], allowedModels: null, deniedModels: ["o1*"] },
    discovery: { repositories: 3, shadow: { count: 2, repositories: ["claims-api"], names: ["Mistral AI SDK", "mistral-large"] }, secrets: 1 },
  };
}

const all = (f: PolicyFacts) => Object.fromEntries(POLICY_KINDS.map((k) => [k, renderPolicy(k, f)])) as Record<PolicyKind, string>;

describe("policy generation", () => {
  it("gives the same text for the same facts", () => {
    const a = all(facts());
    const b = all(structuredClone(facts()));
    expect(b).toEqual(a);
    for (const k of POLICY_KINDS) expect(renderPolicy(k, facts())).toBe(a[k]);
  });

  it("writes each policy for the organization, with its number, sources and approval rule", () => {
    const docs = all(facts());
    for (const k of POLICY_KINDS) {
      const md = docs[k];
      const t = POLICY_TEMPLATES[k];
      expect(md.startsWith(`# ${t.heading}\n`), k).toBe(true);
      expect(md).toContain(`**Acme Versicherung AG** · policy ${t.number} of 4`);
      expect(md).toContain("## Where these rules come from");
      for (const s of t.sources) expect(md).toContain(`- ${s.cite}: ${s.why}.`);
      expect(md).toContain("SHA-256 digest of this exact text");
      expect(md.endsWith("\n")).toBe(true);
      expect(md).not.toMatch(/\n\n\n/);
      // Every table row has as many cells as its header.
      for (const table of md.split("\n\n").filter((b) => b.startsWith("| "))) {
        const rows = table.split("\n").map((r) => r.split(/(?<!\\)\|/).length);
        expect(new Set(rows).size, table).toBe(1);
      }
    }
  });

  it("acceptable use: systems with their classification, vendors, the model policy, shadow AI, literacy", () => {
    const md = renderPolicy("acceptable-use", facts());
    expect(md).toContain("AI Act Art 4");
    expect(md).toContain("Art 5(1)(f)");
    expect(md).toContain("| Claims triage bot | production | Head of Claims | high-risk, transparency duties |");
    expect(md).toContain("| Fraud scoring | production | CFO | minimal risk (needs review) |");
    expect(md).toContain("not classified");
    expect(md).toContain("2 retired systems are not covered");
    expect(md).toContain("| OpenAI | API platform | Claims triage bot |");
    expect(md).toContain("`azure*`, `openai`");
    expect(md).toContain("`o1*`");
    expect(md).toContain('find 2 uses of AI in code that no registered system accounts for ("shadow AI"), in `claims-api`');
    expect(md).toContain("1 key-shaped secret");
    expect(md).toContain("high-risk system **Claims triage bot** receive role-specific training");
  });

  it("data sent to third parties: vendor terms decide what each may receive", () => {
    const md = renderPolicy("third-party-data", facts());
    expect(md).toContain("| OpenAI | no | 30 days | yes | US | internal, confidential and personal data | Claims triage bot |");
    expect(md).toContain("| Shady AI | unknown | not recorded | no | not recorded | public information only |");
    expect(md).toContain("**Shady AI**: whether it trains on our data is not recorded");
    expect(md).toContain("no personal data goes to it until one is signed (GDPR Art 28)");
    expect(md).toContain("**OpenAI**: it processes data in US");
    expect(md).toContain("GDPR Art 44–46");
    expect(md).toContain("which has no data processing agreement on record: sign one, or stop sending personal data");
    expect(md).toContain("**Claims triage bot** handles personal data, special-category data: a data protection impact assessment (GDPR Art 35)");
    expect(md).toContain("Mistral AI SDK and mistral-large");
  });

  it("AI-generated content: generative systems and the Art 50 duties from the classification", () => {
    const md = renderPolicy("generated-content", facts());
    expect(md).toContain("Art 50(2)");
    expect(md).toContain("| Claims triage bot | production | customers and the public | GPT-4o | Head of Claims |");
    expect(md).not.toContain("| Fraud scoring |");
    expect(md).toContain("| Claims triage bot | Art 50(1): interacts with natural persons | AI Act Art 50(1) |");
  });

  it("customer-facing: scope, Art 22 for deciding systems, Art 26 duties with the high-risk basis, other laws", () => {
    const md = renderPolicy("customer-facing", facts());
    expect(md).toContain(
      "| Claims triage bot | production | yes | decides | personal data, special-category data | high-risk, transparency duties | Head of Claims |",
    );
    expect(md).toContain("| Fraud scoring | production | no | informs decisions | personal data | minimal risk (needs review) | CFO |");
    expect(md).toContain("**Claims triage bot** decides about people without a person in between.");
    expect(md).toContain("GDPR Art 22");
    expect(md).toContain("Art 26(6)");
    expect(md).toContain("basis: Annex III point 5(c): life and health insurance pricing; 1 obligation on the obligations board");
    expect(md).toContain("**Claims triage bot**: GDPR Art 22 automated decision — GDPR Art 22.");
    expect(md).toContain('The classification of **Fraud scoring** has unanswered questions ("needs review")');
  });

  it("escapes record text so it cannot add formatting, links or HTML", () => {
    for (const md of Object.values(all(facts()))) {
      expect(md).not.toContain("<b>");
      expect(md).not.toContain("*beta*");
    }
    expect(renderPolicy("acceptable-use", facts())).toContain("R&D \\*beta\\* \\| \\<b\\>test\\</b\\>");
  });

  it("works for an organization without classifications, vendors, scans or systems", () => {
    const bare: PolicyFacts = {
      organization: "Empty Ltd",
      systems: [system("Chat helper", { tags: ["genai"], customerFacing: true })],
      retiredSystems: 0,
      vendors: [],
      modelPolicy: null,
      discovery: { repositories: 0, shadow: { count: 0, repositories: [], names: [] }, secrets: 0 },
    };
    const docs = all(bare);
    expect(docs["acceptable-use"]).toContain("No AI vendor is on record yet");
    expect(docs["acceptable-use"]).toContain("No model policy is set yet");
    expect(docs["acceptable-use"]).toContain("No code repository has been scanned yet");
    expect(docs["generated-content"]).toContain("No system has been classified under the AI Act yet");
    expect(docs["customer-facing"]).toContain("No system is classified yet");
    expect(docs["third-party-data"]).toContain("No vendor is on record");
    const none = all({ ...bare, systems: [] });
    expect(none["acceptable-use"]).toContain("No AI system is registered in the inventory yet");
    expect(none["customer-facing"]).toContain("No registered system is customer-facing");
    expect(none["generated-content"]).toContain("No registered system generates content");
  });

  it("changes the text when a fact changes", () => {
    const f = facts();
    const before = all(f);
    const vendor = f.vendors[1];
    if (vendor) vendor.dpaSigned = true;
    const after = all(f);
    expect(after["third-party-data"]).not.toBe(before["third-party-data"]);
    expect(after["generated-content"]).toBe(before["generated-content"]);
  });
});
