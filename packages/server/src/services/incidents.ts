import { type Incident, type IncidentRecord, incidentClock } from "@caio/core";
import { incidentDeadline } from "@caio/rules";

/**
 * An incident with its AI Act Art 73 reporting deadline (from the rules package: awareness date
 * plus the severity's calendar days) and where it stands on `today` (the server's day, UTC, from
 * the store's injectable clock). "not-serious" incidents have no clock.
 */
export function incidentView(record: IncidentRecord, today: string): Incident {
  const deadline = record.severity === "not-serious" ? null : incidentDeadline(record.awareOn, record.severity);
  return { ...record, deadline, ...incidentClock(deadline, record.reportedOn, today), today };
}
