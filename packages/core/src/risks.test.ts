import { describe, expect, it } from "vitest";
import {
  daysBetween,
  IncidentCreateSchema,
  IncidentPatchSchema,
  incidentClock,
  ObligationRefSchema,
  RISK_BANDS,
  RiskCreateSchema,
  RiskPatchSchema,
  riskRating,
} from "./risks.js";

describe("risk scores and rating bands", () => {
  it("rates every score of the 5 × 5 grid by its documented band", () => {
    const seen: Record<string, number[]> = { low: [], medium: [], high: [], critical: [] };
    for (let l = 1; l <= 5; l++) for (let s = 1; s <= 5; s++) seen[riskRating(l * s)]?.push(l * s);
    const uniq = (v: number[]) => [...new Set(v)].sort((a, b) => a - b);
    expect(uniq(seen.low ?? [])).toEqual([1, 2, 3, 4]);
    expect(uniq(seen.medium ?? [])).toEqual([5, 6, 8, 9]);
    expect(uniq(seen.high ?? [])).toEqual([10, 12, 15, 16]);
    expect(uniq(seen.critical ?? [])).toEqual([20, 25]);
  });

  it("has contiguous bands from 1 to 25", () => {
    expect(RISK_BANDS.low.min).toBe(1);
    expect(RISK_BANDS.medium.min).toBe(RISK_BANDS.low.max + 1);
    expect(RISK_BANDS.high.min).toBe(RISK_BANDS.medium.max + 1);
    expect(RISK_BANDS.critical.min).toBe(RISK_BANDS.high.max + 1);
    expect(RISK_BANDS.critical.max).toBe(25);
    for (const [rating, band] of Object.entries(RISK_BANDS)) {
      expect(riskRating(band.min)).toBe(rating);
      expect(riskRating(band.max)).toBe(rating);
    }
  });

  it("requires likelihood and severity from 1 to 5 and defaults the rest", () => {
    const r = RiskCreateSchema.parse({ title: "Hallucinated ETA", likelihood: 3, severity: 4 });
    expect(r).toMatchObject({ status: "open", owner: "", reviewDate: null, systemIds: [], obligationIds: [] });
    for (const bad of [0, 6, 2.5, "3"]) expect(RiskCreateSchema.safeParse({ title: "x", likelihood: bad, severity: 3 }).success).toBe(false);
    expect(RiskCreateSchema.safeParse({ title: " ", likelihood: 1, severity: 1 }).success).toBe(false);
    expect(RiskPatchSchema.safeParse({}).success).toBe(false);
  });

  it("accepts obligation ids by shape, not by list", () => {
    for (const ok of ["aia.art26.oversight", "ob.aia.73", "gdpr.art35.dpia", "iso42001.a-8-4", "nist.manage_4.3"])
      expect(ObligationRefSchema.parse(ok)).toBe(ok);
    for (const bad of ["art26", "AIA.Art26", "aia..art26", ".aia", "aia.art 26", "aia.art26.", `a.${"b".repeat(100)}`])
      expect(ObligationRefSchema.safeParse(bad).success, bad).toBe(false);
    const dup = RiskCreateSchema.safeParse({ title: "x", likelihood: 1, severity: 1, obligationIds: ["aia.art26.oversight", "aia.art26.oversight"] });
    expect(dup.success).toBe(false);
  });
});

describe("incident dates and the reporting clock", () => {
  it("counts whole calendar days across months, years and DST changes", () => {
    expect(daysBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(daysBetween("2026-11-23", "2026-12-08")).toBe(15);
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-25", "2026-11-23")).toBe(-2);
  });

  it("is due up to and on the due day, overdue the day after, and judged by the report date once reported", () => {
    const d = { dueDate: "2026-12-08" };
    expect(incidentClock(d, null, "2026-12-07")).toEqual({ daysLeft: 1, state: "due" });
    expect(incidentClock(d, null, "2026-12-08")).toEqual({ daysLeft: 0, state: "due" });
    expect(incidentClock(d, null, "2026-12-09")).toEqual({ daysLeft: -1, state: "overdue" });
    expect(incidentClock(d, "2026-12-08", "2026-12-20")).toEqual({ daysLeft: null, state: "reported-on-time" });
    expect(incidentClock(d, "2026-12-09", "2026-12-20")).toEqual({ daysLeft: null, state: "reported-late" });
    expect(incidentClock(null, null, "2026-12-20")).toEqual({ daysLeft: null, state: "no-clock" });
  });

  it("checks that status, report date and awareness date fit together", () => {
    const base = { title: "Wrong HS code filed", awareOn: "2026-11-20", severity: "serious" };
    expect(IncidentCreateSchema.parse(base)).toMatchObject({ status: "open", reportedOn: null, systemId: null, occurredAt: null });
    const paths = (v: object) => {
      const r = IncidentCreateSchema.safeParse({ ...base, ...v });
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ status: "reported" })).toEqual(["reportedOn"]);
    expect(paths({ reportedOn: "2026-11-21" })).toEqual(["status"]);
    expect(paths({ status: "reported", reportedOn: "2026-11-19" })).toEqual(["reportedOn"]);
    expect(paths({ occurredAt: "2026-11-21T08:00:00.000Z" })).toEqual(["awareOn"]);
    expect(paths({ status: "closed", reportedOn: "2026-11-25", occurredAt: "2026-11-19T22:10:00.000Z" })).toEqual([]);
    expect(paths({ severity: "minor" })).toEqual(["severity"]);
    expect(paths({ awareOn: "2026-02-30" })).toEqual(["awareOn"]);
    expect(IncidentPatchSchema.safeParse({}).success).toBe(false);
  });
});
