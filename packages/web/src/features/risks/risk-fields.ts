import {
  RISK_BANDS,
  RISK_RATINGS,
  RISK_STATUSES,
  type Risk,
  type RiskCreate,
  RiskCreateSchema,
  type RiskPatch,
  RiskPatchSchema,
  type RiskRating,
  type RiskStatus,
} from "@caio/core";
import { type FieldErrors, type MappedErrors, phrase, zodFieldErrors } from "../../lib/form-errors";
import { options } from "../../lib/labels";

export const LIKELIHOOD_LABELS: Record<number, string> = { 1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain" };
export const SEVERITY_LABELS: Record<number, string> = { 1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe" };
export const LEVELS = [1, 2, 3, 4, 5] as const;

export const likelihoodOptions = LEVELS.map((n) => ({ value: String(n), label: `${n} · ${LIKELIHOOD_LABELS[n]}` }));
export const severityOptions = LEVELS.map((n) => ({ value: String(n), label: `${n} · ${SEVERITY_LABELS[n]}` }));

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  accepted: "Accepted",
  closed: "Closed",
};

export const RISK_STATUS_DESCRIPTIONS: Record<RiskStatus, string> = {
  open: "Identified; nothing decided yet.",
  mitigating: "Measures are being put in place.",
  accepted: "Leadership accepts the remaining risk.",
  closed: "No longer relevant.",
};

export const RISK_STATUS_COLORS: Record<RiskStatus, string> = {
  open: "blue",
  mitigating: "yellow",
  accepted: "gray",
  closed: "dark",
};

export const riskStatusOptions = options(RISK_STATUSES, RISK_STATUS_LABELS);

export const RATING_LABELS: Record<RiskRating, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

/** Badge colours of the bands (filled badges with `autoContrast`, so the text keeps its contrast). */
export const RATING_COLORS: Record<RiskRating, string> = { low: "teal.9", medium: "yellow.4", high: "orange.5", critical: "red.8" };

/** Background of a heat-map cell in a band: light shades so dark text keeps its contrast. */
export const RATING_CELL_COLORS: Record<RiskRating, string> = {
  low: "var(--mantine-color-green-1)",
  medium: "var(--mantine-color-yellow-1)",
  high: "var(--mantine-color-orange-1)",
  critical: "var(--mantine-color-red-2)",
};

/** "Low 1–4", "Critical 17–25": the bands as documented. */
export const bandTexts = RISK_RATINGS.map((r) => ({ rating: r, text: `${RATING_LABELS[r]} ${RISK_BANDS[r].min}–${RISK_BANDS[r].max}` }));

export interface RiskFormValues {
  title: string;
  description: string;
  likelihood: string;
  severity: string;
  owner: string;
  mitigation: string;
  status: RiskStatus;
  reviewDate: string;
  systemIds: string[];
  obligationIds: string[];
}

export const EMPTY_RISK: RiskFormValues = {
  title: "",
  description: "",
  likelihood: "",
  severity: "",
  owner: "",
  mitigation: "",
  status: "open",
  reviewDate: "",
  systemIds: [],
  obligationIds: [],
};

export function riskToForm(r: Risk): RiskFormValues {
  return {
    title: r.title,
    description: r.description,
    likelihood: String(r.likelihood),
    severity: String(r.severity),
    owner: r.owner,
    mitigation: r.mitigation,
    status: r.status,
    reviewDate: r.reviewDate ?? "",
    systemIds: r.systems.map((s) => s.id),
    obligationIds: r.obligationIds,
  };
}

export const RISK_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  likelihood: "Likelihood",
  severity: "Severity",
  owner: "Owner",
  mitigation: "Mitigation",
  status: "Status",
  reviewDate: "Review date",
  systemIds: "Systems",
  obligationIds: "Obligations",
};

function toInput(v: RiskFormValues): Record<string, unknown> {
  return {
    title: v.title,
    description: v.description,
    likelihood: v.likelihood === "" ? undefined : Number(v.likelihood),
    severity: v.severity === "" ? undefined : Number(v.severity),
    owner: v.owner,
    mitigation: v.mitigation,
    status: v.status,
    reviewDate: v.reviewDate || null,
    systemIds: v.systemIds,
    obligationIds: v.obligationIds.map((o) => o.trim()),
  };
}

function plain(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [
      k,
      /^(Too small|Too big)/i.test(m) ? phrase(RISK_FIELD_LABELS[k], /^Too big/i.test(m) ? "is too long" : "is required") : m,
    ]),
  );
}

export type RiskValidation = { ok: true; input: RiskCreate | RiskPatch } | { ok: false; errors: MappedErrors };

/** Validates the form with the server's own schema (create or change). */
export function validateRisk(v: RiskFormValues, editing: boolean): RiskValidation {
  const parsed = (editing ? RiskPatchSchema : RiskCreateSchema).safeParse(toInput(v));
  if (parsed.success) return { ok: true, input: parsed.data };
  const mapped = zodFieldErrors(parsed.error, RISK_FIELD_LABELS);
  return { ok: false, errors: { fields: plain(mapped.fields), other: mapped.other } };
}

export function plainRiskErrors(fields: FieldErrors): FieldErrors {
  return plain(fields);
}
