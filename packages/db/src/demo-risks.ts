import { type IncidentCreateInput, IncidentCreateSchema, type RiskCreateInput, RiskCreateSchema } from "@caio/core";
import type { Store } from "./store/index.js";

/** `today` plus `n` days, YYYY-MM-DD (n may be negative). */
function dayFrom(today: Date, n: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n)).toISOString().slice(0, 10);
}

type DemoRisk = Omit<RiskCreateInput, "systemIds" | "reviewDate"> & { systems: string[]; reviewInDays: number | null };

const RISKS: DemoRisk[] = [
  {
    title: "Support assistant discloses another customer's shipment data",
    description:
      "Retrieval or session mix-ups let the assistant answer with another customer's addresses, delivery windows or invoices. Happened once (see incidents).",
    likelihood: 4,
    severity: 5,
    owner: "Customer Service Director",
    mitigation: "Per-session retrieval filter on customer id; nightly replay of 2,000 transcripts for cross-customer data; PII redaction before logging.",
    status: "mitigating",
    systems: ["Ask Meridian support assistant"],
    obligationIds: ["gdpr.art32.security", "gdpr.art33.breach-notification"],
    reviewInDays: 14,
  },
  {
    title: "Prompt injection through the TMS tools",
    description:
      "Text in shipment notes or customer messages instructs the model to call TMS MCP tools (re-route, change a delivery address) the user may not trigger.",
    likelihood: 4,
    severity: 4,
    owner: "Head of Platform Engineering",
    mitigation: "Read-only MCP scopes for the support assistant; dispatcher confirmation for every write; red-team prompts in each release's test suite.",
    status: "open",
    systems: ["Ask Meridian support assistant", "Route optimization copilot"],
    obligationIds: ["aia.art15.cybersecurity"],
    reviewInDays: 30,
  },
  {
    title: "CV screening ranks drivers unfairly",
    description:
      "The shortlist ranking may disadvantage applicants by nationality, age or gender through proxies such as licence country or career gaps. Annex III point 4(a) use.",
    likelihood: 3,
    severity: 5,
    owner: "Head of Talent Acquisition",
    mitigation:
      "Quarterly bias audit of shortlists; recruiters review every ranking before contact; works council consulted before any roll-out beyond the pilot depots.",
    status: "mitigating",
    systems: ["Driver CV screening"],
    obligationIds: ["aia.art26.oversight", "aia.art26.workers-information", "gdpr.art22", "gdpr.art35.dpia"],
    reviewInDays: 21,
  },
  {
    title: "Fatigue camera processes biometric data without a DPIA",
    description: "The in-cab camera would process drivers' facial data (special-category) to infer drowsiness; no DPIA or works-council agreement yet.",
    likelihood: 2,
    severity: 5,
    owner: "Head of Fleet Safety",
    mitigation: "No pilot before a DPIA, a works-council agreement and a legal opinion on the Art 5(1)(f) safety exception.",
    status: "open",
    systems: ["Driver fatigue monitoring"],
    obligationIds: ["gdpr.art35.dpia", "aia.art5.f"],
    reviewInDays: 60,
  },
  {
    title: "Wrong HS codes lead to customs penalties",
    description: "A proposed tariff code a broker accepts without checking leads to underpaid duties, penalties and delayed clearance.",
    likelihood: 3,
    severity: 3,
    owner: "Head of Customs Brokerage",
    mitigation: "A broker confirms each code; 5% weekly sample re-checked by a senior broker; low-confidence codes are never pre-filled.",
    status: "mitigating",
    systems: ["Customs HS-code classification"],
    obligationIds: [],
    reviewInDays: 45,
  },
  {
    title: "Quote pricing treats small shippers unfairly",
    description:
      "Spot quotes set automatically for small shippers drift above the guard-rails when demand spikes, or differ for similar loads without a reason.",
    likelihood: 2,
    severity: 4,
    owner: "Head of Pricing",
    mitigation: "Hard price guard-rails; weekly review of outliers by the pricing managers; customers can ask for a manual quote.",
    status: "open",
    systems: ["Dynamic freight quote pricing"],
    obligationIds: [],
    reviewInDays: 30,
  },
  {
    title: "Lock-in to one model provider for customer-facing work",
    description: "The support assistant and knowledge search depend on OpenAI models; an outage, price change or deprecation hits customers directly.",
    likelihood: 3,
    severity: 2,
    owner: "CTO",
    mitigation: "All calls go through the LiteLLM gateway; an Anthropic fallback is evaluated every quarter against the support test set.",
    status: "accepted",
    systems: ["Ask Meridian support assistant", "Internal knowledge search"],
    obligationIds: [],
    reviewInDays: 90,
  },
];

type DemoIncident = Omit<IncidentCreateInput, "systemId" | "awareOn" | "reportedOn" | "occurredAt"> & {
  system: string;
  awareDaysAgo: number;
  occurredDaysAgo: number;
  reportedDaysAgo: number | null;
  later?: { status: "closed"; notes: string };
};

/**
 * One serious incident still open, aware 11 days ago (its 15-day Art 73 clock runs out in four
 * days), and one reported within its clock and closed.
 */
const INCIDENTS: DemoIncident[] = [
  {
    title: "CV screening ranked drivers with converted foreign licences last",
    description:
      "The bias audit found that applications holding a non-EU driving licence converted in the Netherlands were ranked at the bottom of every shortlist: 212 applications in the Rotterdam and Lyon pilot over six weeks.",
    system: "Driver CV screening",
    occurredDaysAgo: 45,
    awareDaysAgo: 11,
    reportedDaysAgo: null,
    severity: "serious",
    status: "open",
    notes:
      "Ranking switched off in both depots on the day of awareness; recruiters re-review the affected applications. Initial report to the market-surveillance authority in preparation (an incomplete first report is allowed).",
  },
  {
    title: "Support assistant showed a customer another customer's delivery address",
    description: "A customer asking about a delayed pallet was shown the delivery address and time window of another customer's shipment.",
    system: "Ask Meridian support assistant",
    occurredDaysAgo: 76,
    awareDaysAgo: 75,
    reportedDaysAgo: 68,
    severity: "serious",
    status: "reported",
    notes: "Reported to the market-surveillance authority and, as a personal-data breach, to the data-protection authority.",
    later: {
      status: "closed",
      notes:
        "Reported to the market-surveillance authority and, as a personal-data breach, to the data-protection authority. Root cause: retrieval mixed two sessions; fixed in release 4.12 with a per-session filter. Closed after the authority's acknowledgement.",
    },
  },
];

/**
 * Seeds the demo organization's risk register and incidents through the store (so each has its
 * history and audit entries), linked to the demo systems by name.
 */
export async function seedDemoRisks(
  store: Store,
  orgId: string,
  today: Date,
  actors: { officer: string; cto: string },
): Promise<{ risks: number; incidents: number }> {
  const { items } = await store.systems.list(orgId, { sort: "name", order: "asc", limit: 500, offset: 0 });
  const systemId = (name: string) => {
    const s = items.find((x) => x.name === name);
    if (!s) throw new Error(`demo data: unknown system ${name}`);
    return s.id;
  };
  const officer = { label: actors.officer };
  // Dates are counted back from the earlier of `today` and the store's clock, so none lies in the future.
  today = new Date(Math.min(today.getTime(), Date.parse(store.now())));
  for (const { systems, reviewInDays, ...r } of RISKS) {
    await store.risks.create(
      orgId,
      RiskCreateSchema.parse({ ...r, systemIds: systems.map(systemId), reviewDate: reviewInDays === null ? null : dayFrom(today, reviewInDays) }),
      officer,
    );
  }
  for (const { system, awareDaysAgo, occurredDaysAgo, reportedDaysAgo, later, ...i } of INCIDENTS) {
    const created = await store.incidents.create(
      orgId,
      IncidentCreateSchema.parse({
        ...i,
        systemId: systemId(system),
        occurredAt: `${dayFrom(today, -occurredDaysAgo)}T21:40:00.000Z`,
        awareOn: dayFrom(today, -awareDaysAgo),
        reportedOn: reportedDaysAgo === null ? null : dayFrom(today, -reportedDaysAgo),
      }),
      officer,
    );
    if (later) await store.incidents.update(orgId, created.id, later, { label: actors.cto });
  }
  return { risks: RISKS.length, incidents: INCIDENTS.length };
}
