import {
  INCIDENT_SEVERITY_VALUES,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentClockState,
  type IncidentCreate,
  IncidentCreateSchema,
  type IncidentPatch,
  IncidentPatchSchema,
  type IncidentSeverityValue,
  type IncidentStatus,
  incidentIssues,
} from "@caio/core";
import { type FieldErrors, type MappedErrors, phrase, zodFieldErrors } from "../../lib/form-errors";
import { options } from "../../lib/labels";

export const SEVERITY_VALUE_LABELS: Record<IncidentSeverityValue, string> = {
  serious: "Serious incident",
  death: "Death of a person",
  "widespread-or-critical-infrastructure": "Widespread infringement or critical infrastructure",
  "not-serious": "Not serious (no reporting clock)",
};

export const SEVERITY_VALUE_DESCRIPTIONS: Record<IncidentSeverityValue, string> = {
  serious: "Serious harm to health, property or the environment, or a breach of fundamental-rights law (AI Act Art 3(49)).",
  death: "The incident led, or may have led, to a person's death.",
  "widespread-or-critical-infrastructure": "A widespread infringement, or a serious and irreversible disruption of critical infrastructure.",
  "not-serious": "Recorded for the organization's own follow-up; no report to an authority is due.",
};

/** A dark orange that keeps 4.5:1 contrast with white (Mantine's orange.9 does not). */
export const DEEP_ORANGE = "#a13f00";

export const SEVERITY_VALUE_COLORS: Record<IncidentSeverityValue, string> = {
  serious: DEEP_ORANGE,
  death: "red.9",
  "widespread-or-critical-infrastructure": "red.9",
  "not-serious": "gray.7",
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = { open: "Open", reported: "Reported", closed: "Closed" };
export const INCIDENT_STATUS_COLORS: Record<IncidentStatus, string> = { open: "blue", reported: "teal", closed: "gray" };

export const CLOCK_STATE_LABELS: Record<IncidentClockState, string> = {
  due: "Due",
  overdue: "Overdue",
  "reported-on-time": "Reported on time",
  "reported-late": "Reported late",
  "no-clock": "No reporting clock",
};

export const severityValueOptions = options(INCIDENT_SEVERITY_VALUES, SEVERITY_VALUE_LABELS);
export const incidentStatusOptions = options(INCIDENT_STATUSES, INCIDENT_STATUS_LABELS);

/** Today's date in UTC, as the server counts deadlines. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** An ISO instant as the value of a `datetime-local` input, in the reader's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface IncidentFormValues {
  title: string;
  description: string;
  systemId: string;
  occurredAt: string;
  awareOn: string;
  severity: IncidentSeverityValue | "";
  status: IncidentStatus;
  reportedOn: string;
  notes: string;
}

export function emptyIncident(): IncidentFormValues {
  return { title: "", description: "", systemId: "", occurredAt: "", awareOn: utcToday(), severity: "", status: "open", reportedOn: "", notes: "" };
}

export function incidentToForm(i: Incident): IncidentFormValues {
  return {
    title: i.title,
    description: i.description,
    systemId: i.systemId ?? "",
    occurredAt: toLocalInput(i.occurredAt),
    awareOn: i.awareOn,
    severity: i.severity,
    status: i.status,
    reportedOn: i.reportedOn ?? "",
    notes: i.notes,
  };
}

export const INCIDENT_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  systemId: "System",
  occurredAt: "Occurred at",
  awareOn: "Aware on",
  severity: "Severity",
  status: "Status",
  reportedOn: "Reported on",
  notes: "Notes",
};

function toInput(v: IncidentFormValues): Record<string, unknown> {
  const occurred = v.occurredAt ? new Date(v.occurredAt) : null;
  return {
    title: v.title,
    description: v.description,
    systemId: v.systemId || null,
    occurredAt: occurred && !Number.isNaN(occurred.getTime()) ? occurred.toISOString() : v.occurredAt ? v.occurredAt : null,
    awareOn: v.awareOn,
    severity: v.severity || undefined,
    status: v.status,
    reportedOn: v.reportedOn || null,
    notes: v.notes,
  };
}

function plain(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [
      k,
      /^Invalid option/i.test(m) && k === "severity"
        ? phrase("Severity", "is required")
        : /^Too big/i.test(m)
          ? phrase(INCIDENT_FIELD_LABELS[k], "is too long")
          : m,
    ]),
  );
}

export type IncidentValidation = { ok: true; input: IncidentCreate | IncidentPatch } | { ok: false; errors: MappedErrors };

/** Validates the form with the server's own schema; an edit is checked whole, as the server checks the merged incident. */
export function validateIncident(v: IncidentFormValues, editing: boolean): IncidentValidation {
  const input = toInput(v);
  const parsed = IncidentCreateSchema.safeParse(input);
  if (!parsed.success) {
    const mapped = zodFieldErrors(parsed.error, INCIDENT_FIELD_LABELS);
    return { ok: false, errors: { fields: plain(mapped.fields), other: mapped.other } };
  }
  if (!editing) return { ok: true, input: parsed.data };
  const patch = IncidentPatchSchema.safeParse(input);
  if (!patch.success) return { ok: false, errors: zodFieldErrors(patch.error, INCIDENT_FIELD_LABELS) };
  return { ok: true, input: patch.data };
}

export function plainIncidentErrors(fields: FieldErrors): FieldErrors {
  return plain(fields);
}

/** The issues of marking an incident reported on `reportedOn`, as the server would find them. */
export function reportIssues(i: Incident, reportedOn: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reportedOn)) return "Reported on must be a date";
  if (reportedOn > utcToday()) return "Reported on must not be after today";
  const issue = incidentIssues({ occurredAt: i.occurredAt, awareOn: i.awareOn, status: "reported", reportedOn })[0];
  return issue ? phrase("Reported on", issue.message) : null;
}
