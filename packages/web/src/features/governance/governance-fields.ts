import type {
  Answer,
  ClassificationResult,
  ExtraCheck,
  LabelKind,
  LawStatus,
  LawVersion,
  ObligationRow,
  ObligationStatus,
  OperatorRole,
  RecordedAnswer,
} from "@caio/core";
import { formatDate, plural } from "../../lib/format";

/** Human labels of the classification labels (see `LABEL_KINDS`); unknown kinds show their raw value. */
export const LABEL_KIND_LABELS: Record<LabelKind, string> = {
  "out-of-scope": "Out of scope",
  prohibited: "Prohibited",
  "high-risk": "High-risk",
  "art6-3-exempt": "Not high-risk (Art 6(3) exemption)",
  transparency: "Transparency duties",
  gpai: "General-purpose AI model",
  "gpai-systemic-risk": "General-purpose AI model with systemic risk",
  minimal: "Minimal risk",
};

export const LABEL_KIND_COLORS: Record<LabelKind, string> = {
  "out-of-scope": "gray.8",
  prohibited: "red.9",
  "high-risk": "orange.9",
  "art6-3-exempt": "teal.9",
  transparency: "blue.9",
  gpai: "violet.9",
  "gpai-systemic-risk": "grape.9",
  minimal: "green.9",
};

/** The rule-set's question sections, in the order the wizard asks them; unknown sections show their raw id. */
export const SECTION_LABELS: Record<string, string> = {
  scope: "Scope: is it an AI system the AI Act covers?",
  prohibitions: "Prohibited practices (Art 5)",
  "annex-i": "High-risk: safety components of regulated products (Annex I)",
  "annex-iii": "High-risk: uses listed in Annex III",
  "art6-3": "Exceptions for Annex III uses (Art 6(3))",
  transparency: "Transparency duties (Art 50)",
  gpai: "General-purpose AI models",
  roles: "Your organization's role",
  conformity: "Conformity assessment",
  extra: "Other laws: GDPR, NYC and US states",
};

export const OPERATOR_ROLE_LABELS: Record<OperatorRole, string> = {
  provider: "Provider",
  deployer: "Deployer",
  importer: "Importer",
  distributor: "Distributor",
  "product-manufacturer": "Product manufacturer",
  "authorised-representative": "Authorised representative",
};

export type ClassificationStatus = ClassificationResult["status"];

export const RESULT_STATUS_LABELS: Record<ClassificationStatus, string> = {
  complete: "Complete",
  "needs-review": "Needs review",
  incomplete: "Incomplete",
};

export const RESULT_STATUS_COLORS: Record<ClassificationStatus, string> = {
  complete: "green.9",
  "needs-review": "orange.9",
  incomplete: "gray.8",
};

export const RESULT_STATUS_DESCRIPTIONS: Record<ClassificationStatus, string> = {
  complete: "Every question that matters is answered.",
  "needs-review":
    "Some answers are “unknown”. An unknown answer never counts as “no”: the result needs review by someone who knows the facts, and may add labels and obligations once they are answered.",
  incomplete: "Questions that matter are still unanswered, so the labels and obligations below may change.",
};

export const CONFORMITY_ROUTE_LABELS: Record<NonNullable<ClassificationResult["conformityRoute"]>["route"], string> = {
  "internal-control": "Internal control",
  "notified-body": "Assessment by a notified body",
  sectoral: "The sectoral law's procedure",
};

export const CHECK_APPLIES_LABELS: Record<ExtraCheck["applies"], string> = {
  yes: "Applies",
  no: "Does not apply",
  "needs-review": "Needs review",
};

export const CHECK_APPLIES_COLORS: Record<ExtraCheck["applies"], string> = {
  yes: "orange.9",
  no: "gray.8",
  "needs-review": "yellow.9",
};

export const LAW_STATUS_LABELS: Record<LawStatus, string> = {
  "in-force": "In force",
  "adopted-pending-publication": "Adopted, pending publication",
  repealed: "Repealed",
};

export const LAW_VERSION_LABELS: Record<LawVersion, string> = {
  original: "Original text",
  omnibus: "Digital Omnibus",
};

export const LAW_VERSION_DESCRIPTIONS: Record<LawVersion, string> = {
  original: "Dates of Regulation (EU) 2024/1689 as published.",
  omnibus: "Dates as amended by the Digital Omnibus on AI (adopted, pending publication in the Official Journal).",
};

export const ANSWER_LABELS: Record<Answer, string> = {
  yes: "Yes",
  no: "No",
  unknown: "Unknown",
};

export const ANSWER_COLORS: Record<Answer, string> = {
  yes: "indigo.9",
  no: "gray.8",
  unknown: "orange.9",
};

export const OBLIGATION_STATUSES = ["open", "in-progress", "done", "not-applicable"] as const satisfies readonly ObligationStatus[];

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  "not-applicable": "Not applicable",
};

export const OBLIGATION_STATUS_COLORS: Record<ObligationStatus, string> = {
  open: "blue.9",
  "in-progress": "indigo.9",
  done: "green.9",
  "not-applicable": "gray.8",
};

/** The "due within" choices of the obligations board, in days. */
export const DUE_WITHIN_DAYS = [30, 90, 365] as const;
export type DueWithin = (typeof DUE_WITHIN_DAYS)[number];

/** Recorded answers as plain answers by question id. */
export function plainAnswers(answers: Record<string, RecordedAnswer> | undefined): Record<string, Answer> {
  return Object.fromEntries(Object.entries(answers ?? {}).map(([id, a]) => [id, a.answer]));
}

/** A closed obligation needs nothing more: done, or not applicable. */
export function isClosed(row: Pick<ObligationRow, "status">): boolean {
  return row.status === "done" || row.status === "not-applicable";
}

/** When an obligation is due, in words: "Overdue by 3 days", "Due today", "Due in 12 days", "On event". */
export function dueText(row: Pick<ObligationRow, "daysLeft" | "overdue" | "status">): string {
  const d = row.daysLeft;
  if (d === null) return "On event";
  if (row.overdue) return `Overdue by ${plural(-d, "day")}`;
  if (d === 0) return "Due today";
  if (d > 0) return `Due in ${plural(d, "day")}`;
  return `Was due ${plural(-d, "day")} ago`;
}

/** Overdue first (oldest first), then by due date, then those without a date; ties by system and title. */
export function byDue(a: ObligationRow, b: ObligationRow): number {
  const rank = (r: ObligationRow) => (r.overdue ? 0 : r.obligation.dueDate ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.obligation.dueDate ?? "").localeCompare(b.obligation.dueDate ?? "") ||
    a.systemName.localeCompare(b.systemName, "en") ||
    a.obligation.title.localeCompare(b.obligation.title, "en")
  );
}

export interface ObligationSummary {
  total: number;
  overdue: number;
  /** Not closed, due today or within the next 90 days (overdue ones not included). */
  dueSoon: number;
  /** Not closed and without a fixed date. */
  onEvent: number;
  done: number;
}

export function summarize(rows: readonly ObligationRow[]): ObligationSummary {
  let overdue = 0;
  let dueSoon = 0;
  let onEvent = 0;
  let done = 0;
  for (const r of rows) {
    if (r.status === "done") done++;
    if (r.overdue) overdue++;
    else if (!isClosed(r) && r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft <= 90) dueSoon++;
    else if (!isClosed(r) && r.daysLeft === null) onEvent++;
  }
  return { total: rows.length, overdue, dueSoon, onEvent, done };
}

/** "2 Aug 2026 (original text, in force)". */
export function dueDateText(o: ObligationRow["obligation"]): string {
  if (!o.dueDate) return "No fixed date: applies when the event happens";
  return o.dateBasis
    ? `${formatDate(o.dueDate)} (${o.dateBasis.law}, ${(LAW_STATUS_LABELS[o.dateBasis.status] ?? o.dateBasis.status).toLowerCase()})`
    : formatDate(o.dueDate);
}

/** Today as YYYY-MM-DD in UTC, the day the server counts deadlines from. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Reads the board's filters from the address bar. Unknown values are ignored. */
export function boardFiltersFromUrl(sp: URLSearchParams): { status?: ObligationStatus; system?: string; dueWithin?: DueWithin } {
  const status = sp.get("status");
  const dueWithin = Number(sp.get("dueWithin"));
  const system = sp.get("system");
  return {
    status: status && (OBLIGATION_STATUSES as readonly string[]).includes(status) ? (status as ObligationStatus) : undefined,
    system: system && /^[0-9a-f-]{36}$/i.test(system) ? system : undefined,
    dueWithin: (DUE_WITHIN_DAYS as readonly number[]).includes(dueWithin) ? (dueWithin as DueWithin) : undefined,
  };
}
