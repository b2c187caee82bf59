import {
  type ComponentCreateInput,
  ComponentCreateSchema,
  type SystemCreateInput,
  SystemCreateSchema,
  type VendorCreateInput,
  VendorCreateSchema,
} from "@caio/core";
import { seedDemoRisks } from "./demo-risks.js";
import type { Store } from "./store/index.js";

export const DEMO_ORG = { slug: "meridian", name: "Meridian Freight & Logistics" } as const;
export const DEMO_PASSWORD = "caio-demo-password";
export const DEMO_USERS = [
  { email: "officer@meridian.example", name: "Ana Ortiz (AI officer)", role: "admin" },
  { email: "cto@meridian.example", name: "Ben Okafor (CTO)", role: "editor" },
  { email: "counsel@meridian.example", name: "Claire Dubois (General Counsel)", role: "approver" },
  { email: "board@meridian.example", name: "Dev Patel (Board observer)", role: "viewer" },
] as const;

/** A date `months` from `today`, YYYY-MM-DD; contracts stay current whenever the demo is seeded. */
function monthsFrom(today: Date, months: number, day = 1): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, day));
  return d.toISOString().slice(0, 10);
}

function vendors(today: Date): VendorCreateInput[] {
  return [
    {
      name: "OpenAI",
      services: ["API platform", "ChatGPT Enterprise"],
      website: "https://openai.com",
      notes: "Enterprise agreement signed by the CTO; zero-data-retention requested for the support bot.",
      contract: {
        start: monthsFrom(today, -10),
        end: monthsFrom(today, 2, 0),
        renewalNoticeDate: monthsFrom(today, 0, 28),
        commitmentAmount: "48000.00",
        commitmentCurrency: "USD",
      },
      dataTerms: { trainsOnCustomerData: "no", retentionDays: 30, dpaSigned: true, dataRegion: "US" },
    },
    {
      name: "Anthropic",
      services: ["Claude API"],
      website: "https://www.anthropic.com",
      notes: "Pay-as-you-go moved to an annual commitment after the customs pilot.",
      contract: {
        start: monthsFrom(today, -4),
        end: monthsFrom(today, 8, 0),
        renewalNoticeDate: monthsFrom(today, 6),
        commitmentAmount: "30000.00",
        commitmentCurrency: "USD",
      },
      dataTerms: { trainsOnCustomerData: "no", retentionDays: 30, dpaSigned: true, dataRegion: "US" },
    },
    {
      name: "Microsoft Azure",
      services: ["Azure OpenAI Service", "Azure AI Document Intelligence"],
      website: "https://azure.microsoft.com",
      notes: "Consumption counts toward the group MACC. EU data zone deployments only.",
      contract: {
        start: monthsFrom(today, -22),
        end: monthsFrom(today, 14, 0),
        renewalNoticeDate: monthsFrom(today, 11),
        commitmentAmount: "250000.00",
        commitmentCurrency: "EUR",
      },
      dataTerms: { trainsOnCustomerData: "no", retentionDays: 0, dpaSigned: true, dataRegion: "EU (Sweden Central)" },
    },
    {
      name: "Amazon Web Services",
      services: ["Amazon Bedrock", "Amazon SageMaker"],
      website: "https://aws.amazon.com",
      notes: "Bedrock is billed through the AWS enterprise discount program.",
      contract: {
        start: monthsFrom(today, -30),
        end: monthsFrom(today, 6, 0),
        renewalNoticeDate: monthsFrom(today, 3),
        commitmentAmount: "400000.00",
        commitmentCurrency: "USD",
      },
      dataTerms: { trainsOnCustomerData: "no", retentionDays: 0, dpaSigned: true, dataRegion: "EU (Frankfurt)" },
    },
    {
      name: "GitHub",
      services: ["GitHub Copilot Business"],
      website: "https://github.com",
      notes: "85 seats; usage review pending (about 30 seats inactive last quarter).",
      contract: {
        start: monthsFrom(today, -7),
        end: monthsFrom(today, 5, 0),
        renewalNoticeDate: monthsFrom(today, 4),
        commitmentAmount: "19380.00",
        commitmentCurrency: "USD",
      },
      dataTerms: { trainsOnCustomerData: "no", retentionDays: null, dpaSigned: false, dataRegion: "US" },
    },
    {
      name: "Anysphere (Cursor)",
      services: ["Cursor Business"],
      website: "https://cursor.com",
      notes: "40 seats bought by the platform team in the spring, alongside the company-wide Copilot licences.",
      contract: {
        start: monthsFrom(today, -5),
        end: monthsFrom(today, 7, 0),
        renewalNoticeDate: monthsFrom(today, 6),
        commitmentAmount: "19200.00",
        commitmentCurrency: "USD",
      },
      dataTerms: { trainsOnCustomerData: "no", retentionDays: 0, dpaSigned: true, dataRegion: "US" },
    },
  ];
}

type DemoComponent = Omit<ComponentCreateInput, "vendorId" | "systemIds"> & { key: string; vendor: string | null };

const COMPONENTS: DemoComponent[] = [
  { key: "gpt-4o", kind: "model", name: "GPT-4o", provider: "openai", identifier: "gpt-4o-2024-08-06", hosting: "vendor-api", vendor: "OpenAI" },
  { key: "gpt-4o-mini", kind: "model", name: "GPT-4o mini", provider: "openai", identifier: "gpt-4o-mini", hosting: "vendor-api", vendor: "OpenAI" },
  {
    key: "embed",
    kind: "model",
    name: "text-embedding-3-large",
    provider: "openai",
    identifier: "text-embedding-3-large",
    hosting: "vendor-api",
    vendor: "OpenAI",
  },
  {
    key: "sonnet",
    kind: "model",
    name: "Claude Sonnet 4.5",
    provider: "anthropic",
    identifier: "claude-sonnet-4-5",
    hosting: "vendor-api",
    vendor: "Anthropic",
  },
  {
    key: "haiku",
    kind: "model",
    name: "Claude Haiku 4.5 on Bedrock",
    provider: "anthropic",
    identifier: "anthropic.claude-haiku-4-5",
    hosting: "cloud-platform",
    vendor: "Amazon Web Services",
  },
  {
    key: "aoai",
    kind: "model",
    name: "Azure OpenAI gpt-4o (EU deployment)",
    provider: "azure-openai",
    identifier: "gpt-4o",
    version: "2024-11-20",
    hosting: "cloud-platform",
    vendor: "Microsoft Azure",
  },
  {
    key: "docintel",
    kind: "vendor-service",
    name: "Azure AI Document Intelligence",
    provider: "azure",
    identifier: "prebuilt-invoice",
    hosting: "cloud-platform",
    vendor: "Microsoft Azure",
  },
  {
    key: "eta-model",
    kind: "model",
    name: "ETA gradient-boosting model",
    provider: "in-house",
    identifier: "eta-xgb",
    version: "3.2",
    hosting: "cloud-platform",
    vendor: "Amazon Web Services",
    notes: "Trained on shipment history; served from a SageMaker endpoint.",
  },
  {
    key: "forecast",
    kind: "model",
    name: "Demand forecast (Prophet ensemble)",
    provider: "in-house",
    identifier: "wh-demand-forecast",
    version: "1.8",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "fraud",
    kind: "model",
    name: "Carrier payment anomaly model",
    provider: "in-house",
    identifier: "carrier-fraud-iforest",
    version: "2.0",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "openai-sdk",
    kind: "sdk",
    name: "OpenAI Python SDK",
    provider: "openai",
    identifier: "openai",
    version: "1.54",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "anthropic-sdk",
    kind: "sdk",
    name: "Anthropic TypeScript SDK",
    provider: "anthropic",
    identifier: "@anthropic-ai/sdk",
    version: "0.39",
    hosting: "self-hosted",
    vendor: null,
  },
  { key: "langchain", kind: "sdk", name: "LangChain", provider: "langchain", identifier: "langchain", version: "0.3", hosting: "self-hosted", vendor: null },
  {
    key: "pgvector",
    kind: "vector-store",
    name: "pgvector on the knowledge DB",
    provider: "postgresql",
    identifier: "pgvector",
    version: "0.7",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "litellm",
    kind: "gateway",
    name: "LiteLLM proxy",
    provider: "litellm",
    identifier: "litellm.internal:4000",
    version: "1.52",
    hosting: "self-hosted",
    vendor: null,
    notes: "All OpenAI and Anthropic traffic from internal apps should pass through here.",
  },
  {
    key: "bedrock",
    kind: "vendor-service",
    name: "Amazon Bedrock runtime",
    provider: "aws-bedrock",
    identifier: "bedrock-runtime",
    hosting: "cloud-platform",
    vendor: "Amazon Web Services",
  },
  {
    key: "aws-sdk",
    kind: "sdk",
    name: "AWS SDK for Go v2 (Bedrock runtime)",
    provider: "aws-bedrock",
    identifier: "aws-bedrock",
    version: "1.23",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "shipments",
    kind: "dataset",
    name: "Shipment history 2019–2026",
    provider: "in-house",
    identifier: "dwh.shipments",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "applicants",
    kind: "dataset",
    name: "Driver applications and CVs",
    provider: "in-house",
    identifier: "ats.applications",
    hosting: "vendor-api",
    vendor: null,
    notes: "Exported from the applicant tracking system; contains personal data.",
  },
  {
    key: "support-prompts",
    kind: "prompt-surface",
    name: "Support bot system prompts",
    provider: "in-house",
    identifier: "support-bot/prompts",
    hosting: "self-hosted",
    vendor: null,
  },
  {
    key: "tms-mcp",
    kind: "mcp-server",
    name: "TMS MCP server",
    provider: "in-house",
    identifier: "mcp-tms",
    version: "0.4",
    hosting: "self-hosted",
    vendor: null,
    notes: "Gives agents read access to shipment status in the transport management system.",
  },
  {
    key: "copilot",
    kind: "vendor-service",
    name: "GitHub Copilot Business",
    provider: "github",
    identifier: "copilot-business",
    hosting: "vendor-api",
    vendor: "GitHub",
  },
  {
    key: "dispatch-agent",
    kind: "agent",
    name: "Dispatch voice agent prototype",
    provider: "in-house",
    identifier: "dispatch-voice-agent",
    version: "0.1",
    hosting: "self-hosted",
    vendor: null,
  },
];

type DemoSystem = Omit<SystemCreateInput, "componentIds"> & { components: string[]; later?: Partial<SystemCreateInput> };

const SYSTEMS: DemoSystem[] = [
  {
    name: "Ask Meridian support assistant",
    purpose: "Answers shipment-status and billing questions from customers on the website and in WhatsApp, handing over to an agent when unsure.",
    businessOwner: "Customer Service Director",
    technicalOwner: "Digital Channels team",
    department: "Customer Service",
    stage: "production",
    customerFacing: true,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "100k-1m",
    euNexus: ["placed-on-eu-market", "used-in-eu"],
    tags: ["chatbot", "genai"],
    components: ["gpt-4o", "gpt-4o-mini", "openai-sdk", "support-prompts", "litellm", "tms-mcp"],
    notes: "Discloses that customers are talking to an AI. Transcripts kept 90 days.",
  },
  {
    name: "Shipment ETA prediction",
    purpose: "Predicts arrival times for every road and sea shipment; shown to customers in the tracking portal.",
    businessOwner: "VP Operations",
    technicalOwner: "Data Science",
    department: "Operations",
    stage: "production",
    customerFacing: true,
    decisionsAffectingPeople: "none",
    personalData: ["none"],
    affectedPeople: "10k-100k",
    euNexus: ["used-in-eu", "output-used-in-eu"],
    tags: ["ml", "forecasting"],
    components: ["eta-model", "shipments"],
  },
  {
    name: "Invoice and bill-of-lading extraction",
    purpose: "Reads carrier invoices and bills of lading, extracts line items and matches them to purchase orders.",
    businessOwner: "Finance Director",
    technicalOwner: "Finance Systems",
    department: "Finance",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "1k-10k",
    euNexus: ["used-in-eu"],
    tags: ["document-ai", "genai"],
    components: ["aoai", "docintel"],
  },
  {
    name: "Driver CV screening",
    purpose: "Ranks applications for truck-driver roles by licence categories, experience and location, and proposes a shortlist to recruiters.",
    businessOwner: "Head of Talent Acquisition",
    technicalOwner: "HR Systems",
    department: "People",
    stage: "pilot",
    customerFacing: false,
    decisionsAffectingPeople: "informs",
    personalData: ["personal"],
    affectedPeople: "1k-10k",
    euNexus: ["used-in-eu"],
    tags: ["hr", "genai", "needs-review"],
    components: ["sonnet", "anthropic-sdk", "applicants"],
    notes: "Pilot in the Rotterdam and Lyon depots. Recruiters see the ranking; works council not yet consulted.",
  },
  {
    name: "Warehouse demand forecasting",
    purpose: "Forecasts daily inbound and outbound volumes per warehouse to plan shifts and dock slots.",
    businessOwner: "Head of Warehousing",
    technicalOwner: "Data Science",
    department: "Operations",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["none"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["ml", "forecasting"],
    components: ["forecast", "shipments"],
  },
  {
    name: "Route optimization copilot",
    purpose: "Suggests re-routing when traffic or weather disrupts a tour; dispatchers accept or reject each suggestion.",
    businessOwner: "Head of Dispatch",
    technicalOwner: "Platform Engineering",
    department: "Operations",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["genai", "agents"],
    components: ["gpt-4o", "langchain", "tms-mcp", "litellm"],
  },
  {
    name: "Carrier payment fraud detection",
    purpose: "Flags unusual carrier payment requests (changed bank details, duplicate invoices) for manual review.",
    businessOwner: "Finance Director",
    technicalOwner: "Data Science",
    department: "Finance",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "informs",
    personalData: ["personal"],
    affectedPeople: "1k-10k",
    euNexus: ["used-in-eu"],
    tags: ["ml", "risk"],
    components: ["fraud"],
  },
  {
    name: "Customs HS-code classification",
    purpose: "Proposes harmonized-system tariff codes from product descriptions for customs declarations; a broker confirms each code.",
    businessOwner: "Head of Customs Brokerage",
    technicalOwner: "Platform Engineering",
    department: "Customs",
    stage: "pilot",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["none"],
    affectedPeople: "1k-10k",
    euNexus: ["used-in-eu", "output-used-in-eu"],
    tags: ["genai"],
    components: ["sonnet", "haiku", "anthropic-sdk", "bedrock", "aws-sdk"],
    later: { stage: "production" },
  },
  {
    name: "Sales email drafting",
    purpose: "Drafts follow-up emails and proposals for account managers from CRM notes.",
    businessOwner: "Chief Commercial Officer",
    technicalOwner: "Sales Operations",
    department: "Sales",
    stage: "pilot",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["genai", "productivity"],
    components: ["gpt-4o-mini", "openai-sdk"],
  },
  {
    name: "Contract review assistant",
    purpose: "Highlights unusual liability, penalty and termination clauses in customer and carrier contracts for the legal team.",
    businessOwner: "General Counsel",
    technicalOwner: "Platform Engineering",
    department: "Legal",
    stage: "pilot",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "<100",
    euNexus: ["used-in-eu"],
    tags: ["genai", "legal"],
    components: ["sonnet", "anthropic-sdk"],
  },
  {
    name: "Internal knowledge search",
    purpose: "Answers employee questions from policies, SOPs and past tickets with links to the sources.",
    businessOwner: "COO",
    technicalOwner: "Platform Engineering",
    department: "Operations",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["genai", "rag"],
    components: ["gpt-4o-mini", "embed", "pgvector", "langchain", "litellm"],
  },
  {
    name: "Dynamic freight quote pricing",
    purpose: "Sets spot-market quote prices for small shippers on the self-service portal within guard-rails set by pricing managers.",
    businessOwner: "Head of Pricing",
    technicalOwner: "Data Science",
    department: "Sales",
    stage: "pilot",
    customerFacing: true,
    decisionsAffectingPeople: "decides",
    personalData: ["none"],
    affectedPeople: "1k-10k",
    euNexus: ["placed-on-eu-market", "used-in-eu"],
    tags: ["ml", "pricing"],
    components: ["eta-model", "shipments"],
  },
  {
    name: "Engineering code assistant",
    purpose: "Code completion and chat for the 85 engineers in the platform and data teams.",
    businessOwner: "CTO",
    technicalOwner: "Developer Experience",
    department: "Engineering",
    stage: "production",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["none"],
    affectedPeople: "<100",
    euNexus: ["used-in-eu"],
    tags: ["dev-tool"],
    components: ["copilot"],
  },
  {
    name: "Driver fatigue monitoring",
    purpose: "In-cab camera that detects drowsiness and alerts the driver and dispatcher.",
    businessOwner: "Head of Fleet Safety",
    technicalOwner: "",
    department: "Fleet",
    stage: "idea",
    customerFacing: false,
    decisionsAffectingPeople: "informs",
    personalData: ["special-category"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["computer-vision", "biometrics", "needs-review"],
    components: [],
    notes: "Vendor shortlist only. Biometric data: needs a DPIA and works-council agreement before any pilot.",
  },
  {
    name: "Dispatch voice agent",
    purpose: "Takes routine calls from drivers (arrival, delay, paperwork) and updates the TMS.",
    businessOwner: "Head of Dispatch",
    technicalOwner: "Platform Engineering",
    department: "Operations",
    stage: "idea",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["genai", "voice", "agents"],
    components: ["dispatch-agent", "tms-mcp"],
  },
  {
    name: "Meeting notes summarizer",
    purpose: "Summarized internal meetings from recordings. Retired when Microsoft Teams' built-in recap was rolled out.",
    businessOwner: "COO",
    technicalOwner: "IT",
    department: "IT",
    stage: "pilot",
    customerFacing: false,
    decisionsAffectingPeople: "none",
    personalData: ["personal"],
    affectedPeople: "100-1k",
    euNexus: ["used-in-eu"],
    tags: ["genai", "productivity"],
    components: ["gpt-4o-mini"],
    later: { stage: "retired" },
  },
];

export interface DemoResult {
  orgId: string;
  slug: string;
  systems: number;
  vendors: number;
  components: number;
  users: { email: string; role: string }[];
}

/**
 * Seeds the demo organization: a ~400-person European logistics company with 16 AI systems in
 * every stage, 5 vendors with contracts and 23 linked components. Every change goes through the
 * store, so the demo has real history and a valid audit ledger.
 */
export async function seedDemo(store: Store, opts: { today?: Date } = {}): Promise<DemoResult> {
  const today = opts.today ?? new Date(store.now());
  const actor = { label: `user:${DEMO_USERS[0].email}` };
  const org = await store.orgs.create(DEMO_ORG, { label: "local:demo" });
  for (const u of DEMO_USERS) {
    const user = (await store.users.byEmail(u.email)) ?? (await store.users.create(u.email, u.name, DEMO_PASSWORD));
    await store.users.setRole(org.id, user.id, u.role, { label: "local:demo" });
  }
  const vendorIds = new Map<string, string>();
  for (const v of vendors(today)) {
    const created = await store.vendors.create(org.id, VendorCreateSchema.parse(v), actor);
    vendorIds.set(created.name, created.id);
  }
  const componentIds = new Map<string, string>();
  for (const { key, vendor, ...c } of COMPONENTS) {
    const created = await store.components.create(
      org.id,
      ComponentCreateSchema.parse({ ...c, vendorId: vendor ? (vendorIds.get(vendor) ?? null) : null }),
      actor,
    );
    componentIds.set(key, created.id);
  }
  for (const { components, later, ...s } of SYSTEMS) {
    const ids = components.map((k) => {
      const id = componentIds.get(k);
      if (!id) throw new Error(`demo data: unknown component ${k}`);
      return id;
    });
    const created = await store.systems.create(org.id, SystemCreateSchema.parse({ ...s, componentIds: ids }), actor);
    if (later) await store.systems.update(org.id, created.id, later, { label: `user:${DEMO_USERS[1].email}` });
  }
  await seedDemoRisks(store, org.id, today, { officer: actor.label, cto: `user:${DEMO_USERS[1].email}` });
  return {
    orgId: org.id,
    slug: org.slug,
    systems: SYSTEMS.length,
    vendors: vendorIds.size,
    components: componentIds.size,
    users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })),
  };
}
