import { z } from "zod";
import { DateSchema, IdSchema } from "./common.js";

/**
 * The quarterly board pack's model: every figure the report prints, gathered once from the same
 * store queries the API serves, then rendered as HTML, Markdown or PDF. Money is integer
 * micro-dollars as decimal strings; counts are integers; dates are YYYY-MM-DD in UTC.
 */

const Micros = z.string().regex(/^-?\d+$/, "must be an integer amount of micro-units");

/** A calendar quarter, e.g. 2026-Q4. */
export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, "must be a quarter as YYYY-Qn, e.g. 2026-Q4");
export type Quarter = z.infer<typeof QuarterSchema>;

/** The first and last day (inclusive) of a quarter. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3; // 0-based
  const from = new Date(Date.UTC(year, startMonth, 1));
  const to = new Date(Date.UTC(year, startMonth + 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The quarter a date (YYYY-MM-DD or ISO timestamp) falls in. */
export function quarterOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** `n` consecutive quarters ending with `quarter`, oldest first. */
/** Whole days from one ISO date to another (UTC), e.g. 2026-10-01 → 2026-10-03 is 2. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * A running quarter's spend at its pace: the spend from `from` to `asOf` scaled to the days from
 * `from` to `to`, in integer micro-units rounded half up. The whole quarter returns the spend itself.
 */
export function projectQuarterSpend(spendMicros: string, from: string, asOf: string, to: string): string {
  const covered = BigInt(dayNumber(asOf) - dayNumber(from) + 1);
  const all = BigInt(dayNumber(to) - dayNumber(from) + 1);
  if (covered <= 0n || covered >= all) return spendMicros;
  return ((BigInt(spendMicros) * all * 2n + covered) / (covered * 2n)).toString();
}

/** `now` against `before` as a fraction rounded to 1/10,000 (0.1234 = +12.34%); null when `before` is zero. */
export function spendChange(nowMicros: string, beforeMicros: string): number | null {
  const before = BigInt(beforeMicros);
  if (before <= 0n) return null;
  return Math.round((Number(BigInt(nowMicros) - before) / Number(before)) * 10_000) / 10_000;
}

export function quartersEndingWith(quarter: string, n: number): string[] {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`not a quarter: ${quarter}`);
  const index = Number(m[1]) * 4 + Number(m[2]) - 1;
  const out: string[] = [];
  for (let i = index - n + 1; i <= index; i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

export const REPORT_FORMATS = ["html", "md", "pdf"] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

const Named = z.object({ key: z.string(), label: z.string(), costMicros: Micros });

export const DECISION_KINDS = ["renewal", "policy-approval", "continue-or-stop", "funding", "obligation", "incident"] as const;
export const DecisionKindSchema = z.enum(DECISION_KINDS);

export const BoardDecisionSchema = z.object({
  kind: DecisionKindSchema,
  title: z.string(),
  detail: z.string(),
  /** When the board must decide by, if there is a date. */
  due: DateSchema.nullable(),
  ref: z.object({ type: z.string(), id: z.string() }).nullable(),
});
export type BoardDecision = z.infer<typeof BoardDecisionSchema>;

export const BoardReportSchema = z.object({
  schemaVersion: z.literal(1),
  org: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
  quarter: QuarterSchema,
  period: z.object({
    from: DateSchema,
    to: DateSchema,
    /** The last day the figures cover: the quarter's end, or today while the quarter runs. */
    asOf: DateSchema,
    complete: z.boolean(),
  }),
  generatedAt: z.string(),
  currency: z.literal("USD"),
  /** At most five lines a director reads first. */
  summary: z.array(z.string()).max(5),
  spend: z.object({
    quarterMicros: Micros,
    previousQuarterMicros: Micros,
    /** Quarter over quarter change as a fraction (0.12 = +12%); null when the previous quarter had no spend. */
    change: z.number().nullable(),
    /**
     * While the quarter runs: its spend so far scaled to the whole quarter by days covered (rounded
     * half up to a micro-unit); null once it is complete. The board compares a running quarter at
     * this pace, not its part against the whole previous quarter.
     */
    projectedMicros: Micros.nullable(),
    /** projectedMicros against the previous quarter as a fraction; null when either is missing. */
    projectedChange: z.number().nullable(),
    billedMicros: Micros,
    listMicros: Micros,
    unattributedMicros: Micros,
    /** The four quarters ending with this one, oldest first. */
    trend: z.array(z.object({ quarter: QuarterSchema, costMicros: Micros })),
    months: z.array(z.object({ month: z.string(), costMicros: Micros })),
    byProvider: z.array(Named),
    bySystem: z.array(Named),
    savings: z.object({
      identifiedMonthlyMicros: Micros,
      identifiedAnnualMicros: Micros,
      realizedMonthlyMicros: Micros,
      /** identified / spend as a decimal fraction string, as the Savings API reports it. */
      shareOfSpend: z.string(),
      open: z.number().int(),
      byType: z.array(z.object({ type: z.string(), count: z.number().int(), monthlySavingMicros: Micros })),
    }),
  }),
  capability: z.object({
    systemsByStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
    useCasesByStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
    promoted: z.array(z.object({ id: z.string(), name: z.string(), from: z.string(), to: z.string(), at: DateSchema })),
    stopped: z.array(z.object({ id: z.string(), name: z.string(), at: DateSchema })),
    stalled: z.array(z.object({ id: z.string(), name: z.string(), stage: z.string(), detail: z.string() })),
    funded: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        stage: z.string(),
        kpiName: z.string(),
        kpiUnit: z.string(),
        kpiBaseline: z.number().nullable(),
        kpiTarget: z.number().nullable(),
        kpiLatest: z.number().nullable(),
        plannedAnnualValue: z.string(),
        realizedAnnualValue: z.string(),
        roi: z.number().nullable(),
        paybackMonths: z.number().nullable(),
      }),
    ),
    roiTotals: z.object({
      plannedAnnualValue: z.string(),
      realizedAnnualValue: z.string(),
      annualCost: z.string(),
      roi: z.number().nullable(),
      stalled: z.number().int(),
    }),
  }),
  risk: z.object({
    systemsByLabel: z.array(z.object({ label: z.string(), count: z.number().int() })),
    unclassified: z.number().int(),
    obligations: z.object({
      total: z.number().int(),
      open: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      /** Due within 90 days after the period's asOf date (not overdue). */
      dueSoon: z.number().int(),
      items: z.array(
        z.object({
          systemName: z.string(),
          title: z.string(),
          cite: z.string(),
          dueDate: DateSchema.nullable(),
          daysLeft: z.number().int().nullable(),
          status: z.string(),
          owner: z.string(),
        }),
      ),
    }),
    incidents: z.object({
      openedInQuarter: z.number().int(),
      open: z.number().int(),
      items: z.array(z.object({ id: z.string(), title: z.string(), severity: z.string(), status: z.string(), openedAt: z.string() })),
    }),
    risks: z.object({
      open: z.number().int(),
      high: z.number().int(),
      items: z.array(z.object({ id: z.string(), title: z.string(), rating: z.string(), status: z.string(), owner: z.string() })),
    }),
    policies: z.object({
      approvedInQuarter: z.array(z.object({ name: z.string(), version: z.number().int(), approvedAt: z.string() })),
      awaitingApproval: z.array(z.object({ name: z.string(), version: z.number().int() })),
      approvedTotal: z.number().int(),
    }),
    shadow: z.object({
      /** Shadow AI currently found in scanned repositories and not registered in the inventory. */
      open: z.number().int(),
      resolvedInQuarter: z.number().int(),
      foundInQuarter: z.number().int(),
      items: z.array(z.object({ repository: z.string(), kind: z.string(), name: z.string() })),
    }),
    renewals: z.array(
      z.object({
        vendorId: z.string(),
        vendor: z.string(),
        end: DateSchema.nullable(),
        renewalNoticeDate: DateSchema.nullable(),
        annualCommitmentMicros: Micros.nullable(),
        daysLeft: z.number().int(),
      }),
    ),
  }),
  decisions: z.array(BoardDecisionSchema),
  inventory: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      stage: z.string(),
      owner: z.string(),
      department: z.string(),
      customerFacing: z.boolean(),
      labels: z.array(z.string()),
      quarterCostMicros: Micros,
    }),
  ),
  /** Caveats a reader should know (quarter in progress, data missing, other currencies left out). */
  notes: z.array(z.string()),
});
export type BoardReport = z.infer<typeof BoardReportSchema>;

/**
 * A report with nothing in it yet: zero spend, no trend, empty sections and no summary. What an
 * organization without data gets, and the base a report is filled into.
 */
export function blankBoardReport(input: { org: BoardReport["org"]; quarter: string; period: BoardReport["period"]; generatedAt: string }): BoardReport {
  return {
    schemaVersion: 1,
    ...input,
    currency: "USD",
    summary: [],
    spend: {
      quarterMicros: "0",
      previousQuarterMicros: "0",
      change: null,
      projectedMicros: null,
      projectedChange: null,
      billedMicros: "0",
      listMicros: "0",
      unattributedMicros: "0",
      trend: [],
      months: [],
      byProvider: [],
      bySystem: [],
      savings: { identifiedMonthlyMicros: "0", identifiedAnnualMicros: "0", realizedMonthlyMicros: "0", shareOfSpend: "0", open: 0, byType: [] },
    },
    capability: {
      systemsByStage: [],
      useCasesByStage: [],
      promoted: [],
      stopped: [],
      stalled: [],
      funded: [],
      roiTotals: { plannedAnnualValue: "0.00", realizedAnnualValue: "0.00", annualCost: "0.00", roi: null, stalled: 0 },
    },
    risk: {
      systemsByLabel: [],
      unclassified: 0,
      obligations: { total: 0, open: 0, done: 0, overdue: 0, dueSoon: 0, items: [] },
      incidents: { openedInQuarter: 0, open: 0, items: [] },
      risks: { open: 0, high: 0, items: [] },
      policies: { approvedInQuarter: [], awaitingApproval: [], approvedTotal: 0 },
      shadow: { open: 0, resolvedInQuarter: 0, foundInQuarter: 0, items: [] },
      renewals: [],
    },
    decisions: [],
    inventory: [],
    notes: [],
  };
}

/** A stored, immutable board pack. */
export const ReportSnapshotSchema = z.object({
  id: IdSchema,
  quarter: QuarterSchema,
  format: ReportFormatSchema,
  title: z.string(),
  mediaType: z.string(),
  bytes: z.number().int(),
  /** SHA-256 of the stored content, hex; also written to the audit ledger when the snapshot is made. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ReportSnapshot = z.infer<typeof ReportSnapshotSchema>;

export const ReportCreateSchema = z.object({ quarter: QuarterSchema, format: ReportFormatSchema.default("html") }).strict();
export type ReportCreate = z.infer<typeof ReportCreateSchema>;

/** A report snapshot as GET /reports/{id} answers it: verified when the stored bytes hash to the recorded digest and the ledger's. */
export const ReportSnapshotDetailSchema = ReportSnapshotSchema.extend({
  /** sha256(stored bytes) equals the snapshot's sha256 and the one its audit-ledger entry recorded. */
  verified: z.boolean(),
  /** The SHA-256 the audit ledger recorded when the snapshot was made; null when no entry is found. */
  ledgerSha256: z.string().nullable(),
});
export type ReportSnapshotDetail = z.infer<typeof ReportSnapshotDetailSchema>;

/** Stored board packs, for export and restore: the exact bytes (base64) and the model they were rendered from. */
export const ReportsExportSchema = z
  .object({
    snapshots: z.array(
      ReportSnapshotSchema.extend({
        contentBase64: z.string(),
        model: z.unknown(),
      }),
    ),
  })
  .strict();
export type ReportsExport = z.infer<typeof ReportsExportSchema>;
