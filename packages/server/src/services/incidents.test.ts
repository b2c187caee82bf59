import { INCIDENT_SEVERITY_VALUES, type IncidentRecord } from "@caio/core";
import { INCIDENT_CLOCKS, INCIDENT_SEVERITIES } from "@caio/rules";
import { describe, expect, it } from "vitest";
import { incidentView } from "./incidents.js";

const record = (over: Partial<IncidentRecord> = {}): IncidentRecord => ({
  id: "00000000-0000-4000-8000-000000000001",
  title: "Chatbot gave a customer another customer's address",
  description: "",
  systemId: null,
  systemName: null,
  occurredAt: null,
  awareOn: "2026-11-20",
  severity: "serious",
  status: "open",
  reportedOn: null,
  notes: "",
  version: 1,
  createdAt: "2026-11-20T10:00:00.000Z",
  updatedAt: "2026-11-20T10:00:00.000Z",
  ...over,
});

/** YYYY-MM-DD plus n days. */
const plus = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("incident deadlines from the rules package", () => {
  it("offers exactly the rules' Art 73 severities plus not-serious", () => {
    expect([...INCIDENT_SEVERITY_VALUES].filter((s) => s !== "not-serious").sort()).toEqual([...INCIDENT_SEVERITIES].sort());
  });

  for (const severity of INCIDENT_SEVERITIES) {
    it(`${severity}: due the day before and on the due day, overdue the day after`, () => {
      const { days } = INCIDENT_CLOCKS[severity];
      const due = plus("2026-11-20", days);
      const on = (today: string) => incidentView(record({ severity }), today);
      expect(on(plus(due, -1))).toMatchObject({ deadline: { dueDate: due, days }, daysLeft: 1, state: "due", today: plus(due, -1) });
      expect(on(due)).toMatchObject({ daysLeft: 0, state: "due" });
      expect(on(plus(due, 1))).toMatchObject({ daysLeft: -1, state: "overdue" });
      expect(on("2026-11-20")).toMatchObject({ daysLeft: days, state: "due" });
      expect(on(due).deadline?.cite).toContain("AI Act Art 73(5)");
      // Reported on the due day is on time; a day later is late, whatever the day it is now.
      expect(incidentView(record({ severity, status: "reported", reportedOn: due }), plus(due, 30)).state).toBe("reported-on-time");
      expect(incidentView(record({ severity, status: "reported", reportedOn: plus(due, 1) }), plus(due, 30)).state).toBe("reported-late");
    });
  }

  it("gives not-serious incidents no clock", () => {
    expect(incidentView(record({ severity: "not-serious" }), "2027-06-01")).toMatchObject({ deadline: null, daysLeft: null, state: "no-clock" });
  });

  it("moves the deadline with the awareness date and severity", () => {
    const a = incidentView(record({ awareOn: "2026-11-20", severity: "serious" }), "2026-11-21");
    const b = incidentView(record({ awareOn: "2026-11-21", severity: "serious" }), "2026-11-21");
    const c = incidentView(record({ awareOn: "2026-11-20", severity: "death" }), "2026-11-21");
    expect(daysOf(b) - daysOf(a)).toBe(1);
    expect(daysOf(c)).toBeLessThan(daysOf(a));
  });
});

function daysOf(i: { daysLeft: number | null }): number {
  if (i.daysLeft === null) throw new Error("no clock");
  return i.daysLeft;
}
