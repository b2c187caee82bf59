/**
 * Board-pack models for the renderer tests: a realistic quarter of a mid-sized company (every
 * section filled, a quarter still in progress) and a brand-new organization with nothing in it.
 * Both are validated with the contract's schema, so they cannot drift from it.
 */
import { type BoardReport, BoardReportSchema, blankBoardReport } from "@caio/core";

/** The pack's six sections, under these exact headings and in this order: what every renderer must print. */
export const EXPECTED_SECTIONS = [
  "Executive summary",
  "AI spend",
  "Capability progress",
  "Risk posture",
  "Decisions needed from the board",
  "Appendix: AI inventory",
];

const $ = (dollars: number) => String(Math.round(dollars * 100) * 10_000); // dollars -> micro-units (exact for cents)

export function reportFixture(): BoardReport {
  return BoardReportSchema.parse({
    schemaVersion: 1,
    org: { id: "0f6c2a5e-3b7d-4c1e-9a8f-2d4b6e8c0a11", slug: "meridian", name: "Meridian Freight & Logistics" },
    quarter: "2026-Q4",
    period: { from: "2026-10-01", to: "2026-12-31", asOf: "2026-11-23", complete: false },
    generatedAt: "2026-11-23T14:30:15.894Z",
    currency: "USD",
    summary: [
      "AI spend this quarter so far is $184,512.37, up 12.4% on 2026-Q3.",
      "Savings of $21,340.00 a month are identified; $6,200.00 a month are realized.",
      "3 of 14 AI systems are high-risk under the EU AI Act; 2 obligations are overdue.",
      "2 pilots moved to production and 1 use case was stopped.",
      "4 decisions need the board: 2 vendor renewals, 1 policy approval, 1 continue-or-stop call.",
    ],
    spend: {
      quarterMicros: $(184512.37),
      previousQuarterMicros: $(164155.01),
      change: 0.124,
      projectedMicros: "314354408148",
      projectedChange: 0.915,
      billedMicros: $(180002.5),
      listMicros: $(197420.11),
      unattributedMicros: $(9120.4),
      trend: [
        { quarter: "2026-Q1", costMicros: $(98200.55) },
        { quarter: "2026-Q2", costMicros: $(131870.0) },
        { quarter: "2026-Q3", costMicros: $(164155.01) },
        { quarter: "2026-Q4", costMicros: $(184512.37) },
      ],
      months: [
        { month: "2026-10", costMicros: $(112340.12) },
        { month: "2026-11", costMicros: $(72172.25) },
      ],
      byProvider: [
        { key: "openai", label: "OpenAI", costMicros: $(96310.2) },
        { key: "anthropic", label: "Anthropic", costMicros: $(51204.77) },
        { key: "azure", label: "Microsoft Azure", costMicros: $(22890.0) },
        { key: "aws", label: "Amazon Web Services", costMicros: $(14107.4) },
      ],
      bySystem: [
        { key: "sys_01", label: "Ask Meridian support assistant", costMicros: $(61230.45) },
        { key: "sys_02", label: "Route optimization copilot", costMicros: $(38410.0) },
        { key: "sys_03", label: "Customs HS-code classification", costMicros: $(21877.9) },
        { key: "sys_04", label: "Internal knowledge search", costMicros: $(15002.12) },
        { key: "sys_05", label: "Dynamic freight quote pricing", costMicros: $(12650.0) },
        { key: "sys_06", label: "Invoice extraction", costMicros: $(9870.33) },
        { key: "sys_07", label: "Driver CV screening", costMicros: $(6340.5) },
        { key: "sys_08", label: "Carrier payment anomaly detection", costMicros: $(5120.0) },
        { key: "sys_09", label: "Demand forecast", costMicros: $(2890.67) },
        { key: "sys_10", label: "Sales email drafting <beta>", costMicros: $(1600.0) },
        { key: "(unattributed)", label: "Unattributed", costMicros: $(9120.4) },
      ],
      savings: {
        identifiedMonthlyMicros: $(21340),
        identifiedAnnualMicros: $(256080),
        realizedMonthlyMicros: $(6200),
        shareOfSpend: "0.3469",
        open: 6,
        byType: [
          { type: "downshift", count: 3, monthlySavingMicros: $(12100) },
          { type: "caching", count: 2, monthlySavingMicros: $(6240) },
          { type: "batch", count: 1, monthlySavingMicros: $(3000) },
        ],
      },
    },
    capability: {
      systemsByStage: [
        { stage: "idea", count: 2 },
        { stage: "pilot", count: 4 },
        { stage: "production", count: 7 },
        { stage: "retired", count: 1 },
      ],
      useCasesByStage: [
        { stage: "idea", count: 5 },
        { stage: "pilot", count: 3 },
        { stage: "production", count: 4 },
        { stage: "stopped", count: 1 },
      ],
      promoted: [
        { id: "uc_01", name: "Route optimization copilot", from: "pilot", to: "production", at: "2026-10-14" },
        { id: "uc_02", name: "Customs HS-code classification", from: "pilot", to: "production", at: "2026-11-02" },
      ],
      stopped: [{ id: "uc_03", name: "Voice bot for carrier calls", at: "2026-10-28" }],
      stalled: [{ id: "uc_04", name: "Warehouse vision QA", stage: "pilot", detail: "Pilot started 2026-03-02; no production decision after 8 months" }],
      funded: [
        {
          id: "uc_01",
          name: "Route optimization copilot",
          stage: "production",
          kpiName: "Empty miles",
          kpiUnit: "%",
          kpiBaseline: 18,
          kpiTarget: 12,
          kpiLatest: 14.5,
          plannedAnnualValue: "420000.00",
          realizedAnnualValue: "245000.00",
          roi: 1.3333,
          paybackMonths: 7.4,
        },
        {
          id: "uc_05",
          name: "Ask Meridian support assistant",
          stage: "production",
          kpiName: "Tickets resolved without an agent",
          kpiUnit: "%",
          kpiBaseline: 10,
          kpiTarget: 40,
          kpiLatest: 31,
          plannedAnnualValue: "310000.00",
          realizedAnnualValue: "217000.00",
          roi: 0.85,
          paybackMonths: 11.2,
        },
        {
          id: "uc_04",
          name: "Warehouse vision QA",
          stage: "pilot",
          kpiName: "Damaged pallets caught",
          kpiUnit: "pallets/month",
          kpiBaseline: 40,
          kpiTarget: 120,
          kpiLatest: null,
          plannedAnnualValue: "150000.00",
          realizedAnnualValue: "0.00",
          roi: -1,
          paybackMonths: null,
        },
      ],
      roiTotals: { plannedAnnualValue: "905000.00", realizedAnnualValue: "462000.00", annualCost: "298400.00", roi: 0.5483, stalled: 1 },
    },
    risk: {
      systemsByLabel: [
        { label: "high-risk", count: 3 },
        { label: "transparency", count: 4 },
        { label: "minimal", count: 5 },
        { label: "out-of-scope", count: 1 },
      ],
      unclassified: 2,
      obligations: {
        total: 24,
        open: 11,
        done: 13,
        overdue: 2,
        dueSoon: 3,
        items: [
          {
            systemName: "Driver CV screening",
            title: "Fundamental-rights impact assessment",
            cite: "AI Act Art 27",
            dueDate: "2026-08-02",
            daysLeft: -113,
            status: "open",
            owner: "Claire Dubois",
          },
          {
            systemName: "Driver CV screening",
            title: "Human oversight measures",
            cite: "AI Act Art 26(2)",
            dueDate: "2026-11-01",
            daysLeft: -22,
            status: "in-progress",
            owner: "Ben Okafor",
          },
          {
            systemName: "Ask Meridian support assistant",
            title: "Tell people they are talking to an AI",
            cite: "AI Act Art 50(1)",
            dueDate: "2027-01-15",
            daysLeft: 53,
            status: "in-progress",
            owner: "Ana Ortiz",
          },
          {
            systemName: "Internal knowledge search",
            title: "Record of processing",
            cite: "GDPR Art 30",
            dueDate: null,
            daysLeft: null,
            status: "open",
            owner: "",
          },
        ],
      },
      incidents: {
        openedInQuarter: 2,
        open: 1,
        items: [
          {
            id: "inc_01",
            title: "Support assistant quoted a wrong customs duty",
            severity: "not-serious",
            status: "closed",
            openedAt: "2026-10-09T08:15:00.000Z",
          },
          { id: "inc_02", title: "Quote pricing outage during peak", severity: "serious", status: "open", openedAt: "2026-11-17T21:40:00.000Z" },
        ],
      },
      risks: {
        open: 5,
        high: 2,
        items: [
          { id: "risk_01", title: "Bias in driver CV screening", rating: "high", status: "mitigating", owner: "Claire Dubois" },
          { id: "risk_02", title: "Hallucinated answers to customers", rating: "high", status: "open", owner: "Ana Ortiz" },
          { id: "risk_03", title: "Vendor lock-in on one model provider", rating: "medium", status: "open", owner: "Ben Okafor" },
        ],
      },
      policies: {
        approvedInQuarter: [{ name: "Acceptable use of AI", version: 3, approvedAt: "2026-10-20T10:00:00.000Z" }],
        awaitingApproval: [{ name: "AI procurement policy", version: 1 }],
        approvedTotal: 3,
      },
      shadow: {
        open: 3,
        resolvedInQuarter: 4,
        foundInQuarter: 5,
        items: [
          { repository: "meridian/ops-scripts", kind: "sdk", name: "openai (Python)" },
          { repository: "meridian/web-portal", kind: "secret", name: "Anthropic API key" },
          { repository: "meridian/data-lab", kind: "model", name: "mistral-7b-instruct" },
        ],
      },
      renewals: [
        {
          vendorId: "ven_01",
          vendor: "OpenAI",
          end: "2027-01-31",
          renewalNoticeDate: "2026-12-31",
          annualCommitmentMicros: $(240000),
          daysLeft: 69,
        },
        { vendorId: "ven_02", vendor: "Anysphere (Cursor)", end: "2027-03-15", renewalNoticeDate: null, annualCommitmentMicros: null, daysLeft: 112 },
      ],
    },
    decisions: [
      {
        kind: "renewal",
        title: "Renew or renegotiate the OpenAI contract",
        detail: "Notice is due 31 Dec 2026; the annual commitment is $240,000.00 and usage runs 18% below it.",
        due: "2026-12-31",
        ref: { type: "vendor", id: "ven_01" },
      },
      {
        kind: "policy-approval",
        title: "Approve the AI procurement policy (version 1)",
        detail: "Submitted by the AI officer; sets review steps for new AI vendors.",
        due: null,
        ref: { type: "policy", id: "pol_02" },
      },
      {
        kind: "continue-or-stop",
        title: "Continue or stop the Warehouse vision QA pilot",
        detail: "The pilot has run 8 months without reaching its production gate.",
        due: null,
        ref: { type: "use-case", id: "uc_04" },
      },
      { kind: "obligation", title: "2 obligations are overdue", detail: "Driver CV screening: impact assessment and oversight.", due: null, ref: null },
    ],
    inventory: [
      {
        id: "sys_01",
        name: "Ask Meridian support assistant",
        stage: "production",
        owner: "Ana Ortiz",
        department: "Customer service",
        customerFacing: true,
        labels: ["transparency"],
        quarterCostMicros: $(61230.45),
      },
      {
        id: "sys_02",
        name: "Route optimization copilot",
        stage: "production",
        owner: "Ben Okafor",
        department: "Operations",
        customerFacing: false,
        labels: ["minimal"],
        quarterCostMicros: $(38410),
      },
      {
        id: "sys_07",
        name: "Driver CV screening",
        stage: "pilot",
        owner: "Claire Dubois",
        department: "People",
        customerFacing: false,
        labels: ["high-risk"],
        quarterCostMicros: $(6340.5),
      },
      {
        id: "sys_10",
        name: "Sales email drafting <beta>",
        stage: "idea",
        owner: "",
        department: "",
        customerFacing: false,
        labels: [],
        quarterCostMicros: $(1600),
      },
    ],
    notes: ["The quarter is in progress: figures run from 1 Oct 2026 to 23 Nov 2026.", "Spend in currencies other than USD ($0.00 this quarter) is left out."],
  });
}

/** A brand-new organization: no spend, no systems, nothing to decide. */
export function emptyReport(): BoardReport {
  const r = blankBoardReport({
    org: { id: "7a1e9c3b-5d2f-4e6a-8b0c-1f3d5e7a9b22", slug: "newco", name: "NewCo" },
    quarter: "2026-Q3",
    period: { from: "2026-07-01", to: "2026-09-30", asOf: "2026-09-30", complete: true },
    generatedAt: "2026-11-23T09:00:00.000Z",
  });
  r.spend.trend = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"].map((quarter) => ({ quarter, costMicros: "0" }));
  return BoardReportSchema.parse(r);
}

/** Text a user could type into a name, meant to break out of HTML, CSS, SVG or Markdown. */
export const HOSTILE = {
  script: '<script>alert("pwned")</script>',
  org: 'Evil </style><script>alert(1)</script> & "Co" \\ Ltd',
  pipes: "Ops | Finance *bot* [link](http://x.test) `code` _it_ ~~s~~",
  image: '<img src=x onerror="alert(2)">',
};

/** The realistic fixture with hostile names in every kind of place (title, CSS, charts, tables, lists). */
export function hostileReport(): BoardReport {
  const r = reportFixture();
  r.org.name = HOSTILE.org;
  r.summary[0] = `${HOSTILE.script} spent a lot`;
  r.notes.push(HOSTILE.image);
  const first = r.spend.bySystem[0];
  if (first) first.label = HOSTILE.script;
  const provider = r.spend.byProvider[0];
  if (provider) provider.label = HOSTILE.pipes;
  const system = r.inventory[0];
  if (system) {
    system.name = HOSTILE.script;
    system.owner = HOSTILE.pipes;
  }
  const funded = r.capability.funded[0];
  if (funded) funded.name = HOSTILE.image;
  const decision = r.decisions[0];
  if (decision) decision.title = HOSTILE.script;
  r.risk.systemsByLabel.push({ label: HOSTILE.script, count: 1 });
  return BoardReportSchema.parse(r);
}
