import { KpiActualCreateSchema, type UseCaseCreateInput, UseCaseCreateSchema } from "@caio/core";
import type { Store } from "@caio/db";

/** `today` minus `n` days, YYYY-MM-DD. */
function ago(today: string, n: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

type DemoUseCase = Omit<UseCaseCreateInput, "systemId" | "pilotStartedOn" | "productionOn" | "fundedOn"> & {
  /** The inventory system it runs as, by name. */
  system?: string;
  /** Days before today. */
  pilotDaysAgo?: number;
  productionDaysAgo?: number;
  fundedDaysAgo?: number;
  /** KPI actuals: [days before today, value, note]. */
  actuals?: [number, number, string][];
};

/**
 * Meridian's portfolio: one use case in production with six months of KPI actuals (ROI and
 * payback), a pilot past its 90-day production gate (stalled), a pilot whose KPI has not moved
 * (recommended stop), a buy, a wait, the high-risk CV screening, and two funded ideas where one
 * depends on the other (sequenced on the roadmap).
 */
const USE_CASES: DemoUseCase[] = [
  {
    name: "Invoice and bill-of-lading extraction",
    system: "Invoice and bill-of-lading extraction",
    problem: "Accounts payable keys 38,000 carrier invoices and bills of lading a year by hand; errors delay carrier payments and customs filings.",
    owner: "Head of Finance Operations",
    kpiType: "cost",
    kpiName: "Manual keying time per document",
    kpiUnit: "min",
    kpiBaseline: 11,
    kpiTarget: 2,
    annualValue: "780000",
    buildCost: "210000",
    annualRunCost: "96000",
    dataReadiness: "ready",
    dependencies: ["Azure AI Document Intelligence contract"],
    differentiating: false,
    vendorTrend: "rising",
    stage: "production",
    funded: true,
    fundedDaysAgo: 270,
    pilotDaysAgo: 250,
    productionDaysAgo: 180,
    actuals: [
      [170, 9.4, "First month in production, AP sample of 400 documents"],
      [140, 7.6, "Bill-of-lading templates for the top 20 carriers added"],
      [110, 5.8, "Month-end close sample"],
      [80, 4.5, "Exception queue routed to two clerks"],
      [50, 3.6, "Quarter-end sample"],
      [20, 3.1, "Month-end close sample"],
    ],
  },
  {
    name: "Customs HS-code classification",
    system: "Customs HS-code classification",
    problem: "Brokers correct one declaration in six for a wrong tariff code, costing re-filing fees and held shipments.",
    owner: "Head of Customs Brokerage",
    kpiType: "risk",
    kpiName: "Declarations corrected by brokers",
    kpiUnit: "%",
    kpiBaseline: 18,
    kpiTarget: 5,
    annualValue: "420000",
    buildCost: "140000",
    annualRunCost: "55000",
    dataReadiness: "partial",
    dependencies: ["Tariff data licence renewal"],
    differentiating: true,
    vendorTrend: "flat",
    stage: "pilot",
    funded: true,
    fundedDaysAgo: 130,
    pilotDaysAgo: 110,
    actuals: [
      [75, 16.5, "Pilot lane: Rotterdam imports"],
      [40, 14.2, "Pilot lane: Rotterdam imports"],
    ],
  },
  {
    name: "Dispatch voice agent",
    system: "Dispatch voice agent",
    problem: "Drivers wait on hold for dispatch after hours; a voice agent should answer status and rebooking calls.",
    owner: "Dispatch Operations Manager",
    kpiType: "cost",
    kpiName: "Average handling time per dispatch call",
    kpiUnit: "min",
    kpiBaseline: 6.5,
    kpiTarget: 4,
    annualValue: "260000",
    buildCost: "160000",
    annualRunCost: "70000",
    dataReadiness: "partial",
    dependencies: ["TMS MCP server", "Telephony integration"],
    differentiating: false,
    vendorTrend: "none",
    stage: "pilot",
    funded: true,
    fundedDaysAgo: 150,
    pilotDaysAgo: 125,
    actuals: [
      [90, 6.9, "Night shift sample: escalations to humans add time"],
      [30, 6.6, "Night shift sample"],
    ],
  },
  {
    name: "Contract review assistant",
    system: "Contract review assistant",
    problem: "Counsel reviews every carrier and customer contract line by line against the playbook.",
    owner: "General Counsel",
    kpiType: "cost",
    kpiName: "Counsel hours per contract",
    kpiUnit: "h",
    kpiBaseline: 3,
    kpiTarget: 1,
    annualValue: "180000",
    buildCost: "40000",
    annualRunCost: "30000",
    dataReadiness: "ready",
    differentiating: false,
    vendorTrend: "rising",
    stage: "idea",
  },
  {
    name: "Sales email drafting",
    system: "Sales email drafting",
    problem: "Account managers write follow-ups to quote requests by hand.",
    owner: "VP Sales",
    kpiType: "revenue",
    kpiName: "Quote follow-ups sent within 24 hours",
    kpiUnit: "%",
    kpiBaseline: 55,
    kpiTarget: 90,
    annualValue: "150000",
    buildCost: "60000",
    annualRunCost: "25000",
    dataReadiness: "ready",
    differentiating: false,
    vendorTrend: "rising",
    commoditizing: true,
    stage: "idea",
  },
  {
    name: "Driver CV screening",
    system: "Driver CV screening",
    problem: "Recruiters read 900 driver applications a month to shortlist candidates with the right licences.",
    owner: "Head of Talent",
    kpiType: "cost",
    kpiName: "Recruiter hours per hire",
    kpiUnit: "h",
    kpiBaseline: 14,
    kpiTarget: 6,
    annualValue: "210000",
    buildCost: "120000",
    annualRunCost: "36000",
    dataReadiness: "partial",
    dependencies: ["Bias audit", "Works council agreement"],
    labels: ["personal-data"],
    differentiating: false,
    vendorTrend: "flat",
    stage: "idea",
  },
  {
    name: "Dynamic freight quote pricing",
    system: "Dynamic freight quote pricing",
    problem: "Spot quotes are priced from a rate card updated monthly; Meridian loses lanes it could win and underprices peaks.",
    owner: "Chief Commercial Officer",
    kpiType: "revenue",
    kpiName: "Win rate on spot quotes",
    kpiUnit: "%",
    kpiBaseline: 22,
    kpiTarget: 27,
    annualValue: "1400000",
    buildCost: "320000",
    annualRunCost: "90000",
    dataReadiness: "partial",
    dependencies: ["Invoice and bill-of-lading extraction", "Shipment history data mart"],
    differentiating: true,
    vendorTrend: "none",
    stage: "idea",
    funded: true,
    fundedDaysAgo: 12,
  },
  {
    name: "Carrier capacity planning",
    problem: "Capacity is booked a week ahead by phone; forecasting lane demand from quotes would secure trucks earlier and cheaper.",
    owner: "Head of Carrier Management",
    kpiType: "cost",
    kpiName: "Spot-market share of trucks booked",
    kpiUnit: "%",
    kpiBaseline: 31,
    kpiTarget: 20,
    annualValue: "650000",
    buildCost: "180000",
    annualRunCost: "50000",
    dataReadiness: "partial",
    dependencies: ["Dynamic freight quote pricing"],
    differentiating: true,
    vendorTrend: "none",
    stage: "idea",
    funded: true,
    fundedDaysAgo: 6,
  },
];

/** Seeds Meridian's use-case portfolio and its KPI actuals, dated relative to `today`. */
export async function seedDemoPortfolio(store: Store, orgId: string, actorLabel: string, today: string): Promise<{ useCases: number; actuals: number }> {
  const actor = { label: actorLabel };
  const systems = (await store.db.query<{ id: string; name: string }>("select id, name from systems where org_id = $1", [orgId])).rows;
  let actuals = 0;
  for (const d of USE_CASES) {
    const { system, pilotDaysAgo, productionDaysAgo, fundedDaysAgo, actuals: measured, ...fields } = d;
    const created = await store.portfolio.create(
      orgId,
      UseCaseCreateSchema.parse({
        ...fields,
        systemId: systems.find((s) => s.name === system)?.id ?? null,
        pilotStartedOn: pilotDaysAgo === undefined ? null : ago(today, pilotDaysAgo),
        productionOn: productionDaysAgo === undefined ? null : ago(today, productionDaysAgo),
        fundedOn: fundedDaysAgo === undefined ? null : ago(today, fundedDaysAgo),
      }),
      actor,
    );
    for (const [daysAgo, value, note] of measured ?? []) {
      await store.portfolio.recordActual(orgId, created.id, KpiActualCreateSchema.parse({ on: ago(today, daysAgo), value, note }), actor);
      actuals++;
    }
  }
  return { useCases: USE_CASES.length, actuals };
}
