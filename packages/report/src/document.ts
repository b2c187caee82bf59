/**
 * The board pack's content as a small tree of blocks (headings, key figures, tables, charts,
 * lists), built once from the model. The HTML and Markdown renderers print the same tree, so both
 * carry the same headings, words and numbers.
 */
import { type BoardReport, quartersEndingWith } from "@caio/core";
import { type Chart, type FigureTable, type PackCharts, renderCharts } from "./charts.js";
import { change, changeDirection, count, date, dateTime, daysLeft, kpiNumber, label, money, moneyDecimal, percent, plural, share } from "./format.js";

/** The section headings, in order. */
export const SECTION_HEADINGS = [
  "Executive summary",
  "AI spend",
  "Capability progress",
  "Risk posture",
  "Decisions needed from the board",
  "Appendix: AI inventory",
] as const;

/** Anchors of the sections, as GitHub derives them from the headings. */
export const SECTION_IDS = [
  "executive-summary",
  "ai-spend",
  "capability-progress",
  "risk-posture",
  "decisions-needed-from-the-board",
  "appendix-ai-inventory",
] as const;

export interface Stat {
  label: string;
  value: string;
  detail?: string;
  /** For styling only; the words carry the meaning. */
  tone?: "up" | "down" | "flat" | "none" | "alert" | "ok";
}

export interface Decision {
  kind: string;
  title: string;
  detail: string;
  due: string | null;
}

export type Block =
  | { type: "h3"; text: string }
  | { type: "p"; text: string }
  | { type: "empty"; text: string }
  | { type: "stats"; label: string; items: Stat[] }
  | { type: "table"; table: FigureTable; className?: string }
  | { type: "chart"; chart: Chart; layout: "wide" | "pair" }
  | { type: "list"; items: string[] }
  | { type: "decisions"; items: Decision[] };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface PackDocument {
  title: string;
  orgName: string;
  quarter: string;
  facts: { label: string; value: string }[];
  /** The banner under the facts: a complete quarter, or one still in progress. */
  status: { complete: boolean; headline: string; text: string };
  notes: string[];
  sections: Section[];
  colophon: string;
}

export function reportTitle(report: BoardReport): string {
  return `${report.org.name} — AI board pack ${report.quarter}`;
}

/** The quarter before the report's, e.g. 2026-Q3 for 2026-Q4. */
export function previousQuarter(report: BoardReport): string {
  return quartersEndingWith(report.quarter, 2)[0] ?? "";
}

/** "68 of 92 days": how much of the quarter the figures cover. */
function coveredDays(report: BoardReport): string {
  const day = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
  const { from, to, asOf } = report.period;
  return `${day(asOf) - day(from) + 1} of ${day(to) - day(from) + 1} days`;
}

/** Shares of spend from the Savings API arrive as decimal fraction strings ("0.1234"). */
export function fractionFromString(value: string): number | null {
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : null;
}

const p = (text: string): Block => ({ type: "p", text });
const h3 = (text: string): Block => ({ type: "h3", text });
const empty = (text: string): Block => ({ type: "empty", text });

function table(caption: string, head: string[], align: ("left" | "right")[], rows: string[][], foot?: string[]): Block {
  return { type: "table", table: { caption, head, align, rows, ...(foot ? { foot } : {}) } };
}

function tableWithClass(className: string, caption: string, head: string[], align: ("left" | "right")[], rows: string[][]): Block {
  return { type: "table", className, table: { caption, head, align, rows } };
}

function chartOr(chart: Chart | null, layout: "wide" | "pair", emptyText: string): Block {
  return chart ? { type: "chart", chart, layout } : empty(emptyText);
}

function orDash(s: string | null | undefined): string {
  return s && s.trim() !== "" ? s : "—";
}

function isAre(n: number): string {
  return n === 1 ? "is" : "are";
}

function wasWere(n: number): string {
  return n === 1 ? "was" : "were";
}

/** Days to a due date in a narrow column: "53 left", "673 overdue", "due today"; "—" without a date. */
function daysShort(n: number | null): string {
  if (n === null) return "—";
  if (n === 0) return "due today";
  return n > 0 ? `${count(n)} left` : `${count(-n)} overdue`;
}

/** Sentences from the model start with a capital letter in the pack. */
function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function withUnit(n: number | null, unit: string): string {
  if (n === null) return "—";
  const u = unit.trim();
  if (u === "") return kpiNumber(n);
  return u === "%" ? `${kpiNumber(n)}%` : `${kpiNumber(n)} ${u}`;
}

// ---- sections ----

function executiveSummary(report: BoardReport): Block[] {
  const s = report.spend;
  const prev = previousQuarter(report);
  const o = report.risk.obligations;
  const incidents = report.risk.incidents;
  const roi = report.capability.roiTotals;
  return [
    h3("In brief"),
    report.summary.length > 0
      ? { type: "list", items: report.summary }
      : empty("Nothing to report yet: no AI spend, systems or use cases are recorded for this quarter."),
    h3("Key figures"),
    {
      type: "stats",
      label: "Key figures",
      items: [
        {
          label: report.period.complete ? "AI spend this quarter" : "AI spend this quarter so far",
          value: money(s.quarterMicros),
          detail: report.period.complete
            ? s.change === null
              ? change(s.change)
              : `${change(s.change)} on ${prev}`
            : `on pace for ${money(s.projectedMicros ?? s.quarterMicros)}, ${s.projectedChange === null ? change(null) : `${change(s.projectedChange)} on ${prev}`}`,
          tone: changeDirection(report.period.complete ? s.change : s.projectedChange),
        },
        {
          label: "Savings identified, a month",
          value: money(s.savings.identifiedMonthlyMicros),
          detail: `${money(s.savings.identifiedAnnualMicros)} a year; ${money(s.savings.realizedMonthlyMicros)} a month realized`,
        },
        {
          label: "Return on AI use cases",
          value: percent(roi.roi),
          detail: `${moneyDecimal(roi.realizedAnnualValue)} a year realized of ${moneyDecimal(roi.plannedAnnualValue)} planned`,
        },
        {
          label: "Overdue obligations",
          value: count(o.overdue),
          detail: `${count(o.open)} open; ${count(o.dueSoon)} due within 90 days`,
          tone: o.overdue > 0 ? "alert" : "ok",
        },
        {
          label: "Open incidents",
          value: count(incidents.open),
          detail: `${plural(incidents.openedInQuarter, "incident")} opened this quarter`,
          tone: incidents.open > 0 ? "alert" : "ok",
        },
        {
          label: "Decisions for the board",
          value: count(report.decisions.length),
          detail: report.decisions.length > 0 ? "listed in section 5" : "nothing to decide this quarter",
        },
      ],
    },
  ];
}

function aiSpend(report: BoardReport, charts: PackCharts): Block[] {
  const s = report.spend;
  const prev = previousQuarter(report);
  const sv = s.savings;
  const typeCount = sv.byType.reduce((n, t) => n + t.count, 0);
  const typeSaving = sv.byType.reduce((n, t) => n + BigInt(t.monthlySavingMicros), 0n);
  return [
    h3("The quarter in figures"),
    table(
      `AI spend, ${report.quarter}${report.period.complete ? "" : ` to ${date(report.period.asOf)}`}`,
      ["Figure", "Amount (USD)"],
      ["left", "right"],
      [
        [report.period.complete ? "Spend this quarter" : "Spend this quarter so far", money(s.quarterMicros)],
        [`Spend in ${prev}`, money(s.previousQuarterMicros)],
        ...(report.period.complete
          ? [[`Change on ${prev}`, change(s.change)]]
          : [
              [`At this pace, the whole quarter (${money(s.quarterMicros)} over ${coveredDays(report)})`, money(s.projectedMicros ?? s.quarterMicros)],
              [`Change at this pace on ${prev}`, change(s.projectedChange)],
            ]),
        [`Billed, as the providers state it (${share(s.billedMicros, s.quarterMicros)} of spend; the rest is priced from usage)`, money(s.billedMicros)],
        ["At catalog prices, for comparison", money(s.listMicros)],
        [`Not attributed to a system (${share(s.unattributedMicros, s.quarterMicros)} of spend)`, money(s.unattributedMicros)],
      ],
    ),
    h3("Trend"),
    chartOr(charts.spendTrend, "wide", "No AI spend is recorded in the last four quarters."),
    h3("By provider"),
    chartOr(charts.spendByProvider, "pair", "No AI spend by provider this quarter."),
    h3("By system"),
    chartOr(charts.spendBySystem, "wide", "No AI spend is attributed to systems this quarter."),
    h3("Savings"),
    {
      type: "stats",
      label: "Savings",
      items: [
        { label: "Identified savings, a month", value: money(sv.identifiedMonthlyMicros), detail: `${money(sv.identifiedAnnualMicros)} a year` },
        { label: "Share of spend", value: percent(fractionFromString(sv.shareOfSpend)), detail: "identified savings against spend" },
        { label: "Realized savings, a month", value: money(sv.realizedMonthlyMicros), detail: "from recommendations put in place" },
        { label: "Open recommendations", value: count(sv.open) },
      ],
    },
    ...(sv.byType.length > 0
      ? [
          table(
            "Savings recommendations by type",
            ["Type", "Recommendations", "Saving a month (USD)"],
            ["left", "right", "right"],
            sv.byType.map((t) => [label(t.type), count(t.count), money(t.monthlySavingMicros)]),
            [typeSaving === BigInt(sv.identifiedMonthlyMicros) ? "Total" : "Total, each taken alone", count(typeCount), money(typeSaving)],
          ),
          ...(typeSaving === BigInt(sv.identifiedMonthlyMicros)
            ? []
            : [
                p(
                  `Recommendations on the same workload combine rather than add (a cheaper model also makes its batching save less): taken together they save ${money(sv.identifiedMonthlyMicros)} a month, the figure used above.`,
                ),
              ]),
        ]
      : [empty("No savings recommendations are open.")]),
  ];
}

function capabilityProgress(report: BoardReport, charts: PackCharts): Block[] {
  const c = report.capability;
  const systemsTotal = c.systemsByStage.reduce((n, s) => n + s.count, 0);
  const t = c.roiTotals;
  return [
    h3("Portfolio"),
    chartOr(charts.useCasesByStage, "pair", "No use cases are in the portfolio yet."),
    systemsTotal > 0
      ? table(
          "AI systems by stage",
          ["Stage", "Systems"],
          ["left", "right"],
          c.systemsByStage.map((s) => [label(s.stage), count(s.count)]),
          ["Total", count(systemsTotal)],
        )
      : empty("No AI systems are in the inventory yet."),
    h3("Moved this quarter"),
    c.promoted.length > 0
      ? table(
          "Use cases that moved to a later stage this quarter",
          ["Use case", "From", "To", "On"],
          ["left", "left", "left", "right"],
          c.promoted.map((u) => [u.name, label(u.from), label(u.to), date(u.at)]),
        )
      : empty("No use case moved to a later stage this quarter."),
    c.stopped.length > 0
      ? table(
          "Use cases stopped this quarter",
          ["Use case", "Stopped on"],
          ["left", "right"],
          c.stopped.map((u) => [u.name, date(u.at)]),
        )
      : empty("No use case was stopped this quarter."),
    h3("Stalled"),
    c.stalled.length > 0
      ? table(
          "Stalled use cases",
          ["Use case", "Stage", "Why it is stalled"],
          ["left", "left", "left"],
          c.stalled.map((u) => [u.name, label(u.stage), u.detail]),
        )
      : empty("No use case is stalled."),
    h3("Funded use cases: KPIs and value"),
    c.funded.length > 0
      ? table(
          "KPIs of funded use cases",
          ["Use case", "Stage", "KPI", "Baseline", "Latest", "Target"],
          ["left", "left", "left", "right", "right", "right"],
          c.funded.map((u) => [
            u.name,
            label(u.stage),
            u.kpiName,
            withUnit(u.kpiBaseline, u.kpiUnit),
            withUnit(u.kpiLatest, u.kpiUnit),
            withUnit(u.kpiTarget, u.kpiUnit),
          ]),
        )
      : empty("No use case is funded yet."),
    ...(charts.fundedValue ? [{ type: "chart", chart: charts.fundedValue, layout: "wide" } as const] : []),
    h3("Return across use cases in pilot or production"),
    {
      type: "stats",
      label: "Return on use cases in pilot or production",
      items: [
        { label: "Planned annual value", value: moneyDecimal(t.plannedAnnualValue) },
        { label: "Realized annual value", value: moneyDecimal(t.realizedAnnualValue) },
        { label: "Annual cost", value: moneyDecimal(t.annualCost), detail: "run cost plus a third of the build cost" },
        {
          label: "Return on investment",
          value: percent(t.roi),
          detail: "(realized value − annual cost) ÷ annual cost",
          tone: t.roi === null ? "none" : t.roi >= 0 ? "ok" : "alert",
        },
      ],
    },
    ...(t.stalled > 0 ? [p(`${plural(t.stalled, "use case")} ${isAre(t.stalled)} stalled; their cost counts in the return.`)] : []),
  ];
}

function riskPosture(report: BoardReport, charts: PackCharts): Block[] {
  const r = report.risk;
  const o = r.obligations;
  const highRisk = r.systemsByLabel.filter((l) => l.label === "high-risk" || l.label === "prohibited").reduce((n, l) => n + l.count, 0);
  const sh = r.shadow;
  const pol = r.policies;
  return [
    {
      type: "stats",
      label: "Risk key figures",
      items: [
        { label: "High-risk or prohibited", value: count(highRisk), detail: "systems, by their classification", tone: highRisk > 0 ? "alert" : "ok" },
        {
          label: "Overdue obligations",
          value: count(o.overdue),
          detail: `of ${count(o.total)}; ${count(o.dueSoon)} due within 90 days`,
          tone: o.overdue > 0 ? "alert" : "ok",
        },
        {
          label: "Open incidents",
          value: count(r.incidents.open),
          detail: `${count(r.incidents.openedInQuarter)} opened this quarter`,
          tone: r.incidents.open > 0 ? "alert" : "ok",
        },
        { label: "Open risks", value: count(r.risks.open), detail: `${count(r.risks.high)} rated high or critical`, tone: r.risks.high > 0 ? "alert" : "ok" },
        { label: "Shadow AI", value: count(sh.open), detail: "uses found in code, not in the inventory", tone: sh.open > 0 ? "alert" : "ok" },
      ],
    },
    h3("Systems by risk label"),
    chartOr(charts.systemsByLabel, "pair", "No AI systems are classified yet."),
    ...(r.unclassified > 0 ? [p(`${plural(r.unclassified, "system")} ${isAre(r.unclassified)} not classified yet.`)] : []),
    h3("Obligations"),
    p(
      `${plural(o.total, "obligation")} in total: ${count(o.done)} done, ${count(o.open)} open, ${count(o.overdue)} overdue, ${count(o.dueSoon)} due within 90 days of ${date(
        report.period.asOf,
      )}.`,
    ),
    o.items.length > 0
      ? table(
          "Obligations overdue or due soon, by system",
          ["System", "Overdue", "Due within 90 days", "Earliest due", "Owners"],
          ["left", "right", "right", "right", "left"],
          obligationsBySystem(o.items),
        )
      : empty(o.total === 0 ? "No obligations apply yet: no system is classified." : "No obligation is overdue or due soon."),
    ...(o.items.length > 0 ? [p("Each of these obligations, with its citation and owner, is listed in the appendix.")] : []),
    h3("Incidents"),
    p(`${plural(r.incidents.openedInQuarter, "incident")} opened this quarter; ${count(r.incidents.open)} open now.`),
    r.incidents.items.length > 0
      ? table(
          "Incidents",
          ["Incident", "Severity", "Status", "Opened"],
          ["left", "left", "left", "right"],
          r.incidents.items.map((i) => [i.title, label(i.severity), label(i.status), date(i.openedAt)]),
        )
      : empty("No incidents this quarter."),
    h3("Risk register"),
    p(`${plural(r.risks.open, "open risk")}, ${count(r.risks.high)} rated high or critical.`),
    r.risks.items.length > 0
      ? table(
          "Open risks",
          ["Risk", "Rating", "Status", "Owner"],
          ["left", "left", "left", "left"],
          r.risks.items.map((i) => [i.title, label(i.rating), label(i.status), orDash(i.owner)]),
        )
      : empty("No open risks are in the register."),
    h3("Policies"),
    p(`${plural(pol.approvedTotal, "policy", "policies")} approved in total.`),
    pol.approvedInQuarter.length > 0
      ? table(
          "Policies approved this quarter",
          ["Policy", "Version", "Approved on"],
          ["left", "right", "right"],
          pol.approvedInQuarter.map((x) => [x.name, `v${x.version}`, date(x.approvedAt)]),
        )
      : empty("No policy was approved this quarter."),
    pol.awaitingApproval.length > 0
      ? table(
          "Policies awaiting approval",
          ["Policy", "Version"],
          ["left", "right"],
          pol.awaitingApproval.map((x) => [x.name, `v${x.version}`]),
        )
      : empty("No policy is awaiting approval."),
    h3("Shadow AI"),
    p(
      `${plural(sh.open, "use")} of AI found in scanned repositories ${isAre(sh.open)} not in the inventory; this quarter ${count(sh.foundInQuarter)} ${wasWere(
        sh.foundInQuarter,
      )} found and ${count(sh.resolvedInQuarter)} resolved.`,
    ),
    sh.items.length > 0
      ? table(
          "Shadow AI: found in code, not in the inventory",
          ["Repository", "Kind", "What was found"],
          ["left", "left", "left"],
          sh.items.map((i) => [i.repository, label(i.kind), i.name]),
        )
      : empty("No shadow AI: every use of AI found in scanned repositories is in the inventory."),
    h3("Vendor contracts renewing"),
    r.renewals.length > 0
      ? table(
          "Vendor contracts ending or needing notice within 180 days",
          ["Vendor", "Contract ends", "Notice by", "Annual commitment (USD)", "Next date"],
          ["left", "right", "right", "right", "right"],
          r.renewals.map((v) => [
            v.vendor,
            date(v.end),
            date(v.renewalNoticeDate),
            v.annualCommitmentMicros === null ? "—" : money(v.annualCommitmentMicros),
            daysLeft(v.daysLeft, "ago"),
          ]),
        )
      : empty("No vendor contract ends or needs notice within 180 days."),
  ];
}

function decisions(report: BoardReport): Block[] {
  if (report.decisions.length === 0) return [empty("No decisions are needed from the board this quarter.")];
  return [
    p(`The board is asked to decide ${plural(report.decisions.length, "item")}.`),
    {
      type: "decisions",
      items: report.decisions.map((d) => ({ kind: label(d.kind), title: capitalize(d.title), detail: capitalize(d.detail), due: d.due ? date(d.due) : null })),
    },
  ];
}

/** One row per system: how many of its obligations are overdue and due soon, the earliest due date, the owners. */
function obligationsBySystem(items: BoardReport["risk"]["obligations"]["items"]): string[][] {
  const bySystem = new Map<string, { overdue: number; soon: number; earliest: string | null; owners: Set<string> }>();
  for (const i of items) {
    const row = bySystem.get(i.systemName) ?? { overdue: 0, soon: 0, earliest: null, owners: new Set<string>() };
    if (i.daysLeft !== null && i.daysLeft < 0) row.overdue++;
    else row.soon++;
    if (i.dueDate && (row.earliest === null || i.dueDate < row.earliest)) row.earliest = i.dueDate;
    if (i.owner.trim()) row.owners.add(i.owner.trim());
    bySystem.set(i.systemName, row);
  }
  return [...bySystem]
    .sort(([a, x], [b, y]) => y.overdue - x.overdue || (x.earliest ?? "9999").localeCompare(y.earliest ?? "9999") || a.localeCompare(b))
    .map(([name, r]) => [
      name,
      count(r.overdue),
      count(r.soon),
      r.earliest ? date(r.earliest) : "No fixed date",
      r.owners.size > 0 ? [...r.owners].join(", ") : "—",
    ]);
}

function inventory(report: BoardReport): Block[] {
  const items = report.inventory;
  if (items.length === 0) return [empty("The inventory is empty: no AI systems are registered.")];
  const total = items.reduce((n, s) => n + BigInt(s.quarterCostMicros), 0n);
  return [
    p(`${plural(items.length, "AI system")} in the inventory on ${date(report.period.asOf)}.`),
    {
      type: "table",
      className: "inventory",
      table: {
        caption: "AI inventory",
        head: ["System", "Stage", "Owner", "Department", "Customer-facing", "Risk labels", "Spend this quarter (USD)"],
        align: ["left", "left", "left", "left", "left", "left", "right"],
        rows: items.map((s) => [
          s.name,
          label(s.stage),
          orDash(s.owner),
          orDash(s.department),
          s.customerFacing ? "Yes" : "No",
          s.labels.length > 0 ? s.labels.map(label).join(", ") : "Not classified",
          money(s.quarterCostMicros),
        ]),
        foot: ["Total", "", "", "", "", "", money(total)],
      },
    },
    ...obligationDetail(report),
  ];
}

/** The obligations summarized by system in the risk posture, one by one. */
function obligationDetail(report: BoardReport): Block[] {
  const items = report.risk.obligations.items;
  if (items.length === 0) return [];
  return [
    h3("Obligations overdue or due soon"),
    tableWithClass(
      "obligations",
      "Obligations overdue or due soon",
      ["System", "Obligation", "Citation", "Due", "Days", "Status", "Owner"],
      ["left", "left", "left", "right", "right", "left", "left"],
      items.map((i) => [i.systemName, i.title, i.cite, i.dueDate ? date(i.dueDate) : "No fixed date", daysShort(i.daysLeft), label(i.status), orDash(i.owner)]),
    ),
  ];
}

/** Builds the pack's content from the model (charts included). */
export function buildDocument(report: BoardReport): PackDocument {
  const charts = renderCharts(report);
  const period = report.period;
  const bodies = [
    executiveSummary(report),
    aiSpend(report, charts),
    capabilityProgress(report, charts),
    riskPosture(report, charts),
    decisions(report),
    inventory(report),
  ];
  const title = reportTitle(report);
  return {
    title,
    orgName: report.org.name,
    quarter: report.quarter,
    facts: [
      { label: "Quarter", value: report.quarter },
      { label: "Period", value: `${date(period.from)} to ${date(period.to)}` },
      { label: "Figures as of", value: date(period.asOf) },
      { label: "Generated", value: dateTime(report.generatedAt) },
      { label: "Currency", value: `US dollars (${report.currency})` },
    ],
    status: period.complete
      ? { complete: true, headline: "Complete quarter.", text: "The figures cover the whole period." }
      : { complete: false, headline: "Quarter in progress.", text: `The figures cover ${date(period.from)} to ${date(period.asOf)}, not the whole quarter.` },
    notes: report.notes,
    sections: SECTION_HEADINGS.map((heading, i) => ({ id: SECTION_IDS[i] ?? `section-${i + 1}`, heading, blocks: bodies[i] ?? [] })),
    colophon: `${title}. Generated by caio on ${dateTime(report.generatedAt)} from the organization's records; amounts in US dollars, rounded to the cent.`,
  };
}
