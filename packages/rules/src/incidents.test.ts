import { describe, expect, it } from "vitest";
import { incidentDeadline } from "./incidents.js";

describe("Art 73 reporting clocks", () => {
  it("counts 15, 10 and 2 calendar days from awareness, across month and year ends", () => {
    expect(incidentDeadline("2026-11-23", "serious")).toMatchObject({ dueDate: "2026-12-08", days: 15 });
    expect(incidentDeadline("2026-12-25", "death")).toMatchObject({ dueDate: "2027-01-04", days: 10 });
    expect(incidentDeadline("2028-02-28", "widespread-or-critical-infrastructure")).toMatchObject({ dueDate: "2028-03-01", days: 2 });
    expect(incidentDeadline("2026-11-23", "serious").cite).toEqual(["AI Act Art 73(2)", "AI Act Art 73(5)"]);
  });

  it("refuses what is not a calendar date", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "23/11/2026", ""]) expect(() => incidentDeadline(bad, "serious")).toThrow(/not a date/);
  });
});
