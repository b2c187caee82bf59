import type { IncidentSeverity } from "./api.js";

/**
 * Art 73 AI Act reporting clocks for serious incidents, counted in calendar days from the day the
 * provider (or a deployer, Art 26(5)) became aware: 15 days in general (73(2)), 2 days for a
 * widespread infringement or a serious and irreversible disruption of critical infrastructure
 * (73(3)), 10 days for a death (73(4)). An incomplete first report is allowed (73(5)).
 */
export const INCIDENT_CLOCKS: Readonly<Record<IncidentSeverity, { days: number; cite: string[] }>> = {
  serious: { days: 15, cite: ["AI Act Art 73(2)"] },
  "widespread-or-critical-infrastructure": { days: 2, cite: ["AI Act Art 73(3)", "AI Act Art 3(49)(b)"] },
  death: { days: 10, cite: ["AI Act Art 73(4)"] },
};

/** The reporting deadline for an incident: the awareness day plus the severity's days (calendar days, UTC). */
export function incidentDeadline(awareOn: string, severity: IncidentSeverity): { dueDate: string; days: number; cite: string[] } {
  const t = Date.parse(`${awareOn}T00:00:00Z`);
  // Round trip: "2026-02-30" parses (rolling over to March) but is not a date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(awareOn) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== awareOn)
    throw new RangeError(`not a date: ${awareOn}`);
  const clock = INCIDENT_CLOCKS[severity];
  const due = new Date(t + clock.days * 86_400_000).toISOString().slice(0, 10);
  return { dueDate: due, days: clock.days, cite: [...clock.cite, "AI Act Art 73(5)"] };
}
