import { describe, expect, it } from "vitest";
import { isCaioError } from "./errors.js";
import { type BoardReport, BoardReportSchema, blankBoardReport, projectQuarterSpend, spendChange } from "./report.js";
import {
  boardDecisions,
  type DecisionInput,
  executiveSummary,
  renewalDaysLeft,
  reportPeriod,
  SUMMARY_LINES,
  stageMoves,
  type UseCaseVersion,
  usdMicros,
} from "./report-summary.js";

const ORG = { id: "00000000-0000-4000-8000-000000000001", slug: "acme", name: "Acme" };

/** An empty organization's report for 2026-Q3, completed on 2026-10-05. */
function emptyReport(): BoardReport {
  return blankBoardReport({
    org: ORG,
    quarter: "2026-Q3",
    period: { from: "2026-07-01", to: "2026-09-30", asOf: "2026-09-30", complete: true },
    generatedAt: "2026-10-05T09:00:00.000Z",
  });
}

function noDecisions(): DecisionInput {
  return {
    asOf: "2026-09-30",
    renewals: [],
    awaitingApproval: [],
    stalled: [],
    stopRecommended: [],
    fundRecommended: [],
    overdueObligations: [],
    seriousIncidents: [],
  };
}

describe("the period a quarter's pack covers", () => {
  it("covers a finished quarter to its last day", () => {
    expect(reportPeriod("2026-Q3", "2026-12-07")).toEqual({ from: "2026-07-01", to: "2026-09-30", asOf: "2026-09-30", complete: true });
  });

  it("covers a running quarter to today, not complete, including its last day", () => {
    expect(reportPeriod("2026-Q4", "2026-12-07")).toEqual({ from: "2026-10-01", to: "2026-12-31", asOf: "2026-12-07", complete: false });
    expect(reportPeriod("2026-Q4", "2026-12-31")).toMatchObject({ asOf: "2026-12-31", complete: false });
    expect(reportPeriod("2026-Q4", "2026-10-01")).toMatchObject({ asOf: "2026-10-01", complete: false });
  });

  it("refuses a future quarter, one before 2000 and a malformed one, naming the field", () => {
    for (const [q, words] of [
      ["2027-Q1", /has not started/],
      ["1999-Q4", /2000-Q1 or later/],
      ["2026-Q5", /YYYY-Qn/],
      ["2026Q1", /YYYY-Qn/],
    ] as const) {
      let err: unknown;
      try {
        reportPeriod(q, "2026-12-07");
      } catch (e) {
        err = e;
      }
      expect(isCaioError(err), q).toBe(true);
      if (!isCaioError(err)) continue;
      expect(err.code).toBe("validation");
      expect(err.issues[0]?.path).toBe("quarter");
      expect(err.issues[0]?.message).toMatch(words);
    }
  });
});

describe("promotions and stops from use-case history", () => {
  const v = (id: string, version: number, at: string, data: Record<string, unknown> | null, action = "update"): UseCaseVersion => ({
    entityId: id,
    version,
    action,
    at: `${at}T10:00:00.000Z`,
    data,
  });

  it("dates a move to pilot by its pilot start and a move to production by its production day", () => {
    const versions = [
      v("a", 1, "2026-05-02", { name: "Route ETA", stage: "idea", pilotStartedOn: null, productionOn: null }, "create"),
      v("a", 2, "2026-07-10", { name: "Route ETA", stage: "pilot", pilotStartedOn: "2026-07-08", productionOn: null }),
      v("a", 3, "2026-09-20", { name: "Route ETA", stage: "production", pilotStartedOn: "2026-07-08", productionOn: "2026-09-19" }),
      v("a", 4, "2026-10-02", { name: "Route ETA v2", stage: "production", pilotStartedOn: "2026-07-08", productionOn: "2026-09-19" }),
    ];
    const moves = stageMoves(versions, "2026-07-01", "2026-09-30");
    expect(moves.promoted).toEqual([
      { id: "a", name: "Route ETA v2", from: "idea", to: "pilot", at: "2026-07-08" },
      { id: "a", name: "Route ETA v2", from: "pilot", to: "production", at: "2026-09-19" },
    ]);
    expect(moves.stopped).toEqual([]);
    // Outside the period: nothing.
    expect(stageMoves(versions, "2026-10-01", "2026-12-31").promoted).toEqual([]);
  });

  it("counts a stop on the day of the change and a use case recorded straight into a later stage on its stage dates", () => {
    const versions = [
      v("b", 1, "2026-08-01", { name: "Claims bot", stage: "pilot", pilotStartedOn: "2026-06-15" }, "create"),
      v("b", 2, "2026-08-20", { name: "Claims bot", stage: "stopped", pilotStartedOn: "2026-06-15" }),
      v("c", 1, "2026-08-03", { name: "Invoice OCR", stage: "production", pilotStartedOn: "2026-07-02", productionOn: "2026-08-01" }, "create"),
      v("d", 1, "2026-08-03", { name: "Old idea", stage: "idea" }, "create"),
      v("d", 2, "2026-08-04", null, "delete"),
    ];
    const moves = stageMoves(versions, "2026-07-01", "2026-09-30");
    expect(moves.stopped).toEqual([{ id: "b", name: "Claims bot", at: "2026-08-20" }]);
    expect(moves.promoted).toEqual([
      { id: "c", name: "Invoice OCR", from: "idea", to: "pilot", at: "2026-07-02" },
      { id: "c", name: "Invoice OCR", from: "pilot", to: "production", at: "2026-08-01" },
    ]);
  });

  it("does not count a demotion or an unchanged stage as a promotion", () => {
    const versions = [
      v("e", 1, "2026-07-01", { name: "X", stage: "production", productionOn: "2026-01-01" }, "create"),
      v("e", 2, "2026-07-05", { name: "X", stage: "pilot", pilotStartedOn: "2026-01-01" }),
      v("e", 3, "2026-07-06", { name: "X", stage: "pilot", pilotStartedOn: "2026-01-01" }),
    ];
    expect(stageMoves(versions, "2026-07-01", "2026-09-30").promoted).toEqual([]);
  });
});

describe("decisions needed from the board", () => {
  it("is empty when nothing is pending", () => {
    expect(boardDecisions(noDecisions())).toEqual([]);
  });

  it("lists renewals within 90 days, approvals, continue-or-stop calls, funding, overdue obligations per system and serious incidents, soonest first", () => {
    const d = boardDecisions({
      ...noDecisions(),
      renewals: [
        {
          vendorId: "v1",
          vendor: "OpenAI",
          end: "2026-12-31",
          renewalNoticeDate: "2026-10-31",
          annualCommitmentMicros: "120000000000",
          daysLeft: 31,
        },
        { vendorId: "v2", vendor: "Far", end: "2027-03-01", renewalNoticeDate: null, annualCommitmentMicros: null, daysLeft: 152 },
      ],
      awaitingApproval: [{ id: "p1", name: "AI acceptable use", version: 2 }],
      stalled: [{ id: "u1", name: "Pilot A", stage: "pilot", detail: "The production gate is overdue since 2026-09-01" }],
      stopRecommended: [
        { id: "u1", name: "Pilot A", stage: "pilot", reason: "dup" },
        { id: "u2", name: "Idea B", stage: "idea", reason: "Commoditizing: wait." },
      ],
      fundRecommended: [{ id: "u3", name: "Route ETA", plannedAnnualValue: "250000" }],
      overdueObligations: [
        { systemId: "s1", systemName: "CV screening", title: "Human oversight", dueDate: "2026-08-02" },
        { systemId: "s1", systemName: "CV screening", title: "Logging", dueDate: "2026-08-02" },
      ],
      seriousIncidents: [{ id: "i1", title: "Wrong ETA", severity: "serious", status: "open", reportDue: "2026-10-10" }],
    });
    expect(d.map((x) => [x.kind, x.due])).toEqual([
      ["incident", "2026-10-10"],
      ["renewal", "2026-10-31"],
      ["obligation", null],
      ["policy-approval", null],
      ["continue-or-stop", null],
      ["continue-or-stop", null],
      ["funding", null],
    ]);
    expect(d[1]?.title).toBe("Renew, renegotiate or exit OpenAI");
    expect(d[1]?.detail).toContain("commitment $120,000.00 a year");
    expect(d[2]?.title).toBe("Resolve 2 overdue obligations of CV screening");
    expect(d[2]?.detail).toBe("Human oversight (due 2026-08-02); Logging (due 2026-08-02).");
    expect(d.filter((x) => x.ref?.id === "u1")).toHaveLength(1);
    expect(d.find((x) => x.kind === "funding")?.detail).toContain("$250,000.00 a year");
  });

  it("uses the contract end when the notice date has passed", () => {
    const [d] = boardDecisions({
      ...noDecisions(),
      renewals: [{ vendorId: "v", vendor: "V", end: "2026-11-30", renewalNoticeDate: "2026-09-01", annualCommitmentMicros: null, daysLeft: 61 }],
    });
    expect(d?.due).toBe("2026-11-30");
    expect(d?.detail).toBe("contract ends 2026-11-30 (61 days left).");
  });

  it("names at most three overdue obligations of a system and counts the rest", () => {
    const overdue = ["A", "B", "C", "D", "E"].map((title) => ({ systemId: "s", systemName: "Hiring", title, dueDate: "2026-08-02" }));
    const [d] = boardDecisions({ ...noDecisions(), overdueObligations: overdue });
    expect(d?.title).toBe("Resolve 5 overdue obligations of Hiring");
    expect(d?.detail).toBe("A (due 2026-08-02); B (due 2026-08-02); C (due 2026-08-02); and 2 more.");
  });

  it("counts days to a vendor's next contract date within the horizon", () => {
    expect(renewalDaysLeft("2026-09-30", "2026-12-31", "2026-10-31")).toBe(31);
    expect(renewalDaysLeft("2026-09-30", "2026-12-31", "2026-09-01")).toBe(92);
    expect(renewalDaysLeft("2026-09-30", "2027-06-30", null)).toBeNull();
    expect(renewalDaysLeft("2026-09-30", "2026-09-29", null)).toBeNull();
    expect(renewalDaysLeft("2026-09-30", null, null)).toBeNull();
  });
});

describe("the executive summary", () => {
  it("says an empty organization's state in at most five lines, each with a number", () => {
    const base = emptyReport();
    const lines = executiveSummary(base);
    expect(lines.length).toBeLessThanOrEqual(SUMMARY_LINES);
    for (const l of lines) expect(l).toMatch(/\d/);
    expect(lines[0]).toBe("AI spend was $0.00 in 2026-Q3; no spend was recorded the quarter before.");
    expect(BoardReportSchema.safeParse({ ...base, summary: lines }).success).toBe(true);
  });

  it("compares a finished quarter with the one before", () => {
    const r = emptyReport();
    r.spend.quarterMicros = "9000000000";
    r.spend.previousQuarterMicros = "10000000000";
    r.spend.change = -0.1;
    r.spend.trend = [
      { quarter: "2026-Q2", costMicros: "10000000000" },
      { quarter: "2026-Q3", costMicros: "9000000000" },
    ];
    expect(executiveSummary(r)[0]).toBe("AI spend was $9,000.00 in 2026-Q3, down 10.0% from $10,000.00 in 2026-Q2.");
  });

  it("gives the change in spend, savings, capability, risk and decisions from the figures", () => {
    const r = emptyReport();
    r.period = { ...r.period, asOf: "2026-09-15", complete: false };
    r.spend.quarterMicros = "11200000000";
    r.spend.previousQuarterMicros = "10000000000";
    r.spend.change = 0.12;
    r.spend.projectedMicros = projectQuarterSpend(r.spend.quarterMicros, r.period.from, r.period.asOf, r.period.to);
    r.spend.projectedChange = spendChange(r.spend.projectedMicros, r.spend.previousQuarterMicros);
    r.spend.trend = [
      { quarter: "2026-Q2", costMicros: "10000000000" },
      { quarter: "2026-Q3", costMicros: "11200000000" },
    ];
    r.spend.savings = { ...r.spend.savings, identifiedMonthlyMicros: "1500000000", identifiedAnnualMicros: "18250000000", shareOfSpend: "0.1834", open: 3 };
    r.capability.useCasesByStage = [
      { stage: "idea", count: 4 },
      { stage: "pilot", count: 2 },
      { stage: "production", count: 1 },
      { stage: "stopped", count: 0 },
    ];
    r.risk.systemsByLabel = [{ label: "high-risk", count: 2 }];
    r.risk.obligations = { ...r.risk.obligations, overdue: 3, dueSoon: 4 };
    r.risk.incidents.open = 1;
    r.decisions = boardDecisions({ ...noDecisions(), awaitingApproval: [{ id: "p", name: "AI acceptable use", version: 1 }] });
    const lines = executiveSummary(r);
    expect(lines).toEqual([
      "AI spend was $11,200.00 in 2026-Q3 so far (77 of 92 days, to 2026-09-15); at this pace about $13,381.82 for the quarter, 33.8% above 2026-Q2 ($10,000.00).",
      "Savings identified: $18,250.00 a year ($1,500.00 a month, 18.3% of spend) in 3 open recommendations; $0.00 a month realized.",
      "1 use case in production and 2 in pilot; 0 promoted and 0 stopped this quarter.",
      "2 systems classified high-risk; 3 obligations overdue and 4 due within 90 days; 1 incident open.",
      "1 decision is needed from the board: 1 policy approval.",
    ]);
  });
});

describe("a running quarter's pace", () => {
  it("scales spend so far to the whole quarter by days covered, in integer micro-units rounded half up", () => {
    // 11,200.00 over 77 of 92 days (1 Jul to 15 Sep): 11,200 × 92 / 77 = 13,381.818181… → 13,381.818182
    expect(projectQuarterSpend("11200000000", "2026-07-01", "2026-09-15", "2026-09-30")).toBe("13381818182");
    // 1 micro over 2 of 4 days is 2 micros exactly; 1 micro over 3 of 4 days is 1.33… → 1
    expect(projectQuarterSpend("1", "2026-01-01", "2026-01-02", "2026-01-04")).toBe("2");
    expect(projectQuarterSpend("1", "2026-01-01", "2026-01-03", "2026-01-04")).toBe("1");
    // 3 micros over 2 of 3 days is 4.5 → 5 (half up)
    expect(projectQuarterSpend("3", "2026-01-01", "2026-01-02", "2026-01-03")).toBe("5");
  });

  it("leaves a complete quarter and a zero spend as they are", () => {
    expect(projectQuarterSpend("9000000000", "2026-07-01", "2026-09-30", "2026-09-30")).toBe("9000000000");
    expect(projectQuarterSpend("0", "2026-10-01", "2026-10-05", "2026-12-31")).toBe("0");
  });

  it("gives the change against the previous quarter, none when it had no spend", () => {
    expect(spendChange("13381818182", "10000000000")).toBe(0.3382);
    expect(spendChange("9000000000", "10000000000")).toBe(-0.1);
    expect(spendChange("5", "0")).toBeNull();
  });
});

describe("money in the summary", () => {
  it("rounds micro-dollars half-even to cents with thousands separators", () => {
    expect(usdMicros("0")).toBe("$0.00");
    expect(usdMicros("1234567890")).toBe("$1,234.57");
    expect(usdMicros("5000")).toBe("$0.00");
    expect(usdMicros("15000")).toBe("$0.02");
    expect(usdMicros(-2_500_000n)).toBe("-$2.50");
    expect(usdMicros("123456789012345678")).toBe("$123,456,789,012.35");
  });
});
