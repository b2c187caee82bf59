import {
  type BoardReport,
  BoardReportSchema,
  boardDecisions,
  DECISION_HORIZON_DAYS,
  daysBetween,
  decimalToMicros,
  executiveSummary,
  LABEL_KINDS,
  projectQuarterSpend,
  quarterOfDate,
  quarterRange,
  quartersEndingWith,
  renewalDaysLeft,
  reportPeriod,
  roiReport,
  SHADOW_KINDS,
  STAGES,
  type System,
  SystemListQuerySchema,
  spendChange,
  stageMoves,
  UNATTRIBUTED,
  USE_CASE_STAGES,
  type UseCaseView,
} from "@caio/core";
import type { RollupRow, Store } from "@caio/db";
import { obligationRows } from "./governance.js";
import { incidentView } from "./incidents.js";
import { computeSavings } from "./savings.js";

/** Longest lists the pack prints in full; longer ones are cut and a note says so. */
const LIMITS = { obligations: 40, incidents: 25, risks: 15, shadow: 25 } as const;

const within = (day: string | null | undefined, from: string, to: string): boolean => !!day && day.slice(0, 10) >= from && day.slice(0, 10) <= to;

/** Every system of the organization, through the paged list the API serves. */
async function allSystems(store: Store, orgId: string): Promise<System[]> {
  const out: System[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.systems.list(orgId, SystemListQuerySchema.parse({ limit: 500, offset }));
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

/** The months of [from, to] as YYYY-MM, with the overview's cost for each (zero where none). */
function monthsOf(from: string, to: string, rows: { month: string; costMicros: string }[]): BoardReport["spend"]["months"] {
  const out: BoardReport["spend"]["months"] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    if (key > last) return out;
    out.push({ month: key, costMicros: rows.find((r) => r.month === key)?.costMicros ?? "0" });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

const named = (rows: RollupRow[]) => rows.map((r) => ({ key: r.key, label: r.key === UNATTRIBUTED ? "Unattributed" : r.key, costMicros: r.costMicros }));

function stalledDetail(v: UseCaseView): string {
  const { pilot, production } = v.gates;
  if (pilot.state === "overdue") return `The pilot gate is overdue since ${pilot.dueDate}: funded on ${pilot.from}, no pilot started within 30 days`;
  return `The production gate is overdue since ${production.dueDate}: the pilot started on ${production.from} and has not reached production within 90 days`;
}

/**
 * The quarterly board pack's model for `quarter` on `today` (YYYY-MM-DD, the store's day): every
 * figure from the same store queries and services the API routes use, so the pack equals what
 * GET /spend/overview, /spend, /savings, /roi, /usecases, /obligations, /shadow and the rest show
 * for the same period; earlier quarters of the trend are sums of GET /spend?by=month. Spend covers
 * the quarter's first day to asOf (its last day, or today while it runs); obligations, risks,
 * incidents, policies, the portfolio and the inventory are their state now, with deadlines counted
 * from asOf (docs/board-pack.md). Validated against {@link BoardReportSchema} before it is returned.
 */
export async function buildBoardReport(store: Store, org: { id: string; slug: string; name: string }, quarter: string, today: string): Promise<BoardReport> {
  const period = reportPeriod(quarter, today);
  const { from, asOf } = period;
  const range = { from, to: asOf };
  const trendQuarters = quartersEndingWith(quarter, 4);
  const previous = trendQuarters[2] ?? quarter;
  const orgId = org.id;
  const span = await store.spend.dataSpan(orgId);
  // The savings window ends at asOf, or at the last day with usage when that is earlier (as GET /savings does by default).
  const savingsTo = span ? (span.last < asOf ? span.last : asOf) : undefined;

  const [
    overview,
    earlier,
    byProvider,
    bySystem,
    savings,
    systems,
    latest,
    obligations,
    incidents,
    risks,
    policies,
    shadowOpen,
    gone,
    vendors,
    useCases,
    versions,
  ] = await Promise.all([
    store.spend.overview(orgId, range),
    store.spend.rollup(orgId, "month", { from: quarterRange(trendQuarters[0] ?? quarter).from, to: asOf }),
    store.spend.rollup(orgId, "provider", range),
    store.spend.rollup(orgId, "system", range),
    computeSavings(store, orgId, savingsTo ? { to: savingsTo } : {}),
    allSystems(store, orgId),
    store.governance.latest(orgId),
    obligationRows(store, orgId),
    store.incidents.list(orgId, {}),
    store.risks.list(orgId, {}),
    store.policies.list(orgId),
    store.discovery.findings(orgId, { status: "open", shadow: "true" }),
    store.discovery.findings(orgId, { status: "gone" }),
    store.vendors.list(orgId),
    store.portfolio.all(orgId),
    store.historyOfType(orgId, "use-case"),
  ]);
  const notes: string[] = [];
  const cut = <T>(items: T[], max: number, what: string): T[] => {
    if (items.length > max) notes.push(`${items.length} ${what}: the first ${max} are listed.`);
    return items.slice(0, max);
  };

  // ---- spend ----
  // Earlier quarters from the monthly rollup (GET /spend?by=month); this quarter is the overview's figure of record.
  const byQuarter = new Map<string, bigint>();
  for (const m of earlier) byQuarter.set(quarterOfDate(`${m.key}-01`), (byQuarter.get(quarterOfDate(`${m.key}-01`)) ?? 0n) + BigInt(m.costMicros));
  const prevMicros = byQuarter.get(previous) ?? 0n;
  const trend = trendQuarters.map((q) => ({ quarter: q, costMicros: q === quarter ? overview.costMicros : (byQuarter.get(q) ?? 0n).toString() }));
  const projected = period.complete ? null : projectQuarterSpend(overview.costMicros, from, asOf, period.to);
  const sv = savings.report.summary;
  const spend: BoardReport["spend"] = {
    quarterMicros: overview.costMicros,
    previousQuarterMicros: prevMicros.toString(),
    change: spendChange(overview.costMicros, prevMicros.toString()),
    projectedMicros: projected,
    projectedChange: projected === null ? null : spendChange(projected, prevMicros.toString()),
    billedMicros: overview.billedMicros,
    listMicros: overview.listMicros,
    unattributedMicros: overview.unattributedMicros,
    trend,
    months: monthsOf(from, asOf, overview.months),
    byProvider: named(byProvider),
    bySystem: named(bySystem),
    savings: {
      identifiedMonthlyMicros: sv.identifiedMonthlyMicros,
      identifiedAnnualMicros: sv.identifiedAnnualMicros,
      realizedMonthlyMicros: sv.realizedMonthlyMicros,
      shareOfSpend: sv.shareOfSpend,
      open: savings.report.recommendations.filter((r) => r.status === "open").length,
      byType: sv.byType.map((t) => ({ type: t.type, count: t.count, monthlySavingMicros: t.monthlySavingMicros })),
    },
  };

  // ---- capability ----
  const moves = stageMoves(
    versions.map((v) => ({ entityId: v.entityId, version: v.version, action: v.action, at: v.at, data: v.data })),
    from,
    asOf,
  );
  const roi = roiReport(useCases, today);
  const stalledViews = useCases.filter((v) => v.gates.stalled);
  const capability: BoardReport["capability"] = {
    systemsByStage: STAGES.map((stage) => ({ stage, count: systems.filter((s) => s.stage === stage).length })),
    useCasesByStage: USE_CASE_STAGES.map((stage) => ({ stage, count: useCases.filter((u) => u.stage === stage).length })),
    promoted: moves.promoted,
    stopped: moves.stopped,
    stalled: stalledViews.map((v) => ({ id: v.id, name: v.name, stage: v.stage, detail: stalledDetail(v) })),
    funded: useCases
      .filter((v) => v.funded && v.stage !== "stopped")
      .map((v) => ({
        id: v.id,
        name: v.name,
        stage: v.stage,
        kpiName: v.kpiName,
        kpiUnit: v.kpiUnit,
        kpiBaseline: v.kpiBaseline,
        kpiTarget: v.kpiTarget,
        kpiLatest: v.roi.latestActual?.value ?? null,
        plannedAnnualValue: v.roi.plannedAnnualValue,
        realizedAnnualValue: v.roi.realizedAnnualValue,
        roi: v.roi.roi,
        paybackMonths: v.roi.paybackMonths,
      })),
    roiTotals: {
      plannedAnnualValue: roi.totals.plannedAnnualValue,
      realizedAnnualValue: roi.totals.realizedAnnualValue,
      annualCost: roi.totals.annualCost,
      roi: roi.totals.roi,
      stalled: roi.totals.stalled,
    },
  };

  // ---- risk ----
  const labelsOf = new Map(latest.map((c) => [c.systemId, [...new Set(c.result.labels.map((l) => l.kind))]]));
  const live = systems.filter((s) => s.stage !== "retired");
  const labelCounts = new Map<string, number>();
  for (const s of live) for (const l of labelsOf.get(s.id) ?? []) labelCounts.set(l, (labelCounts.get(l) ?? 0) + 1);

  const obligationView = obligations.map((o) => {
    const closed = o.status === "done" || o.status === "not-applicable";
    const daysLeft = o.obligation.dueDate ? daysBetween(asOf, o.obligation.dueDate) : null;
    return {
      row: o,
      closed,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0 && !closed,
      soon: !closed && daysLeft !== null && daysLeft >= 0 && daysLeft <= DECISION_HORIZON_DAYS,
    };
  });
  const pressing = obligationView.filter((o) => o.overdue || o.soon);

  // Incidents the organization became aware of after asOf belong to a later pack.
  const incidentViews = incidents.filter((i) => i.awareOn <= asOf).map((i) => incidentView(i, today));
  const activeIncidents = incidentViews.filter((i) => i.status !== "closed");
  const openRisks = risks.items.filter((r) => r.status === "open" || r.status === "mitigating");

  const awaiting = policies.filter((p) => p.status === "in-review");
  const gone_ = gone.filter((f) => f.scope === "runtime" && SHADOW_KINDS.includes(f.kind) && f.systems.length === 0 && within(f.lastSeenAt, from, asOf));

  const renewals: BoardReport["risk"]["renewals"] = [];
  const otherCurrency: string[] = [];
  for (const v of vendors.items) {
    const daysLeft = renewalDaysLeft(asOf, v.contract.end, v.contract.renewalNoticeDate);
    if (daysLeft === null) continue;
    const usd = v.contract.commitmentCurrency === "USD";
    if (v.contract.commitmentAmount && !usd) otherCurrency.push(`${v.name} (${v.contract.commitmentCurrency})`);
    renewals.push({
      vendorId: v.id,
      vendor: v.name,
      end: v.contract.end,
      renewalNoticeDate: v.contract.renewalNoticeDate,
      annualCommitmentMicros: v.contract.commitmentAmount && usd ? decimalToMicros(v.contract.commitmentAmount).toString() : null,
      daysLeft,
    });
  }
  renewals.sort((a, b) => a.daysLeft - b.daysLeft || a.vendor.localeCompare(b.vendor));

  const risk: BoardReport["risk"] = {
    systemsByLabel: LABEL_KINDS.filter((k) => labelCounts.has(k)).map((label) => ({ label, count: labelCounts.get(label) ?? 0 })),
    unclassified: live.filter((s) => !labelsOf.has(s.id)).length,
    obligations: {
      total: obligations.length,
      open: obligationView.filter((o) => !o.closed).length,
      done: obligations.filter((o) => o.status === "done").length,
      overdue: obligationView.filter((o) => o.overdue).length,
      dueSoon: obligationView.filter((o) => o.soon).length,
      items: cut(pressing, LIMITS.obligations, "obligations are overdue or due within 90 days").map((o) => ({
        systemName: o.row.systemName,
        title: o.row.obligation.title,
        cite: o.row.obligation.cite.join("; "),
        dueDate: o.row.obligation.dueDate,
        daysLeft: o.daysLeft,
        status: o.row.status,
        owner: o.row.owner,
      })),
    },
    incidents: {
      openedInQuarter: incidentViews.filter((i) => within(i.awareOn, from, asOf)).length,
      open: activeIncidents.length,
      items: cut(
        incidentViews.filter((i) => i.status !== "closed" || within(i.awareOn, from, asOf)),
        LIMITS.incidents,
        "incidents are open or were recorded this quarter",
      ).map((i) => ({ id: i.id, title: i.title, severity: i.severity, status: i.status, openedAt: i.awareOn })),
    },
    risks: {
      open: openRisks.length,
      high: openRisks.filter((r) => r.rating === "high" || r.rating === "critical").length,
      items: cut(openRisks, LIMITS.risks, "risks are open").map((r) => ({ id: r.id, title: r.title, rating: r.rating, status: r.status, owner: r.owner })),
    },
    policies: {
      approvedInQuarter: policies
        .filter((p) => p.approvedAt && within(p.approvedAt, from, asOf))
        .map((p) => ({ name: p.title, version: p.version, approvedAt: p.approvedAt ?? "" }))
        .sort((a, b) => a.approvedAt.localeCompare(b.approvedAt)),
      awaitingApproval: awaiting.map((p) => ({ name: p.title, version: p.version })),
      approvedTotal: new Set(policies.filter((p) => p.status === "approved").map((p) => p.kind)).size,
    },
    shadow: {
      open: shadowOpen.length,
      resolvedInQuarter: gone_.length,
      foundInQuarter: shadowOpen.filter((f) => within(f.firstSeenAt, from, asOf)).length,
      items: cut(shadowOpen, LIMITS.shadow, "shadow AI findings are open").map((f) => ({ repository: f.repository, kind: f.kind, name: f.name })),
    },
    renewals,
  };

  // ---- decisions, inventory, notes ----
  const decisions = boardDecisions({
    asOf,
    renewals,
    awaitingApproval: awaiting.map((p) => ({ id: p.id, name: p.title, version: p.version })),
    stalled: capability.stalled,
    stopRecommended: useCases
      .filter((v) => v.stage !== "stopped" && v.assessment.recommendation === "stop")
      .map((v) => ({ id: v.id, name: v.name, stage: v.stage, reason: v.assessment.reasons[0]?.text ?? "" })),
    fundRecommended: useCases
      .filter((v) => v.assessment.fund && !v.funded && v.stage !== "stopped")
      .map((v) => ({ id: v.id, name: v.name, plannedAnnualValue: v.annualValue })),
    overdueObligations: obligationView
      .filter((o) => o.overdue)
      .map((o) => ({ systemId: o.row.systemId, systemName: o.row.systemName, title: o.row.obligation.title, dueDate: o.row.obligation.dueDate })),
    seriousIncidents: activeIncidents
      .filter((i) => i.severity !== "not-serious")
      .map((i) => ({ id: i.id, title: i.title, severity: i.severity, status: i.status, reportDue: i.deadline?.dueDate ?? null })),
  });

  const costOf = new Map(bySystem.map((r) => [r.key.toLowerCase(), r.costMicros]));
  const inventory: BoardReport["inventory"] = systems.map((s) => ({
    id: s.id,
    name: s.name,
    stage: s.stage,
    owner: s.businessOwner || s.technicalOwner,
    department: s.department,
    customerFacing: s.customerFacing,
    labels: labelsOf.get(s.id) ?? [],
    quarterCostMicros: costOf.get(s.name.toLowerCase()) ?? "0",
  }));

  if (!period.complete) {
    const covered = daysBetween(from, asOf) + 1;
    const all = daysBetween(from, period.to) + 1;
    notes.unshift(
      `The quarter is in progress: the figures cover ${from} to ${asOf} (${covered} of ${all} days), and spend is compared with ${previous} at this quarter's pace (its spend so far scaled to all ${all} days).`,
    );
  }
  if (overview.records === 0) notes.push(`No usage was imported for ${quarter}: its spend figures are zero.`);
  if (overview.otherCurrencyRecords > 0)
    notes.push(`${overview.otherCurrencyRecords} usage records in currencies other than USD are left out of the spend figures.`);
  const w = savings.report.window;
  notes.push(
    w
      ? `Savings are computed from the ${w.days} days of usage from ${w.from} to ${w.to}.`
      : span
        ? `There was no usage in the 90 days to ${asOf}, so no savings were computed.`
        : "No usage was imported, so no savings could be computed.",
  );
  if (asOf !== today)
    notes.push(
      `Obligations, risks, incidents, policies, the use-case portfolio and the inventory are shown as they stood when the pack was generated (${today}), leaving out incidents first known after ${asOf}; obligation and contract deadlines are counted from ${asOf}.`,
    );
  if (otherCurrency.length) notes.push(`Contract commitments in other currencies are not converted: ${otherCurrency.join(", ")}.`);
  if (risk.shadow.open > 0 || risk.shadow.resolvedInQuarter > 0)
    notes.push(
      "Shadow AI resolved this quarter counts findings a later scan no longer found, last seen during the quarter; registering a system clears shadow AI at once and is not dated.",
    );

  const partial: Omit<BoardReport, "summary"> = {
    schemaVersion: 1,
    org: { id: org.id, slug: org.slug, name: org.name },
    quarter,
    period,
    generatedAt: store.now(),
    currency: "USD",
    spend,
    capability,
    risk,
    decisions,
    inventory,
    notes,
  };
  return BoardReportSchema.parse({ ...partial, summary: executiveSummary(partial) });
}
