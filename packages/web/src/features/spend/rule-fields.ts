import { RULE_FIELDS, type RuleField, type SpendRule, type SpendRuleInput, SpendRuleInputSchema, SpendSourceSchema } from "@caio/core";
import { type FieldErrors, type MappedErrors, phrase, zodFieldErrors } from "../../lib/form-errors";
import { options } from "../../lib/labels";

/** What a rule matches on, in words. */
export const RULE_FIELD_LABELS: Record<RuleField, string> = {
  project: "Project",
  workspace: "Workspace",
  api_key: "API key",
  user: "User",
  team: "Team (as reported)",
  tag: "Tag",
  model: "Model",
  provider: "Provider",
  source: "Source",
};

export const ruleFieldOptions = options(RULE_FIELDS, RULE_FIELD_LABELS);

/** The label of the value input, which depends on what the rule matches on. */
export const RULE_VALUE_LABELS: Record<RuleField, string> = {
  project: "Project id",
  workspace: "Workspace id",
  api_key: "API key id",
  user: "User id",
  team: "Reported team",
  tag: "Tag value",
  model: "Model",
  provider: "Provider",
  source: "Source",
};

export const RULE_VALUE_DESCRIPTIONS: Record<RuleField, string> = {
  project: "The provider's project id exactly as in the usage export, for example proj_abc123.",
  workspace: "The provider's workspace id exactly as in the usage export, for example wrkspc_01ab.",
  api_key: "The key's id as the provider lists it (for example key_abc123), never the secret key. caio keeps only a hash of it.",
  user: "The user id the source reports, for example an email address or user_123.",
  team: "The team name the source itself reports (for example a gateway's team field).",
  tag: "The value the tag must have.",
  model: "The model id, for example gpt-4o or claude-sonnet-4-5.",
  provider: "The provider id, for example openai or anthropic.",
  source: "The export format the usage was imported from.",
};

export const sourceOptions = SpendSourceSchema.options.map((s) => ({ value: s, label: s }));

/** Rollup dimensions that list the values a rule on this field can match, for suggestions. */
export const SUGGESTION_DIMENSION: Partial<Record<RuleField, "project" | "workspace" | "model" | "provider">> = {
  project: "project",
  workspace: "workspace",
  model: "model",
  provider: "provider",
};

export interface RuleFormValues {
  field: RuleField;
  key: string;
  value: string;
  provider: string;
  systemId: string;
  team: string;
  note: string;
  position: number | string;
}

export const EMPTY_RULE: RuleFormValues = { field: "project", key: "", value: "", provider: "", systemId: "", team: "", note: "", position: "" };

/** The provider part of an API key rule's hint ("openai:key_ab…23" -> "openai"). */
export function hintProvider(hint: string | null): string {
  if (!hint) return "";
  const i = hint.indexOf(":");
  return i > 0 ? hint.slice(0, i) : "";
}

/** A stored rule as form values. An API key rule's key id is never stored, so its value starts empty ("keep the key"). */
export function ruleToForm(rule: SpendRule): RuleFormValues {
  return {
    field: rule.field,
    key: rule.key ?? "",
    value: rule.field === "api_key" ? "" : rule.value,
    provider: rule.field === "api_key" ? hintProvider(rule.hint) : "",
    systemId: rule.systemId ?? "",
    team: rule.team ?? "",
    note: rule.note,
    position: rule.position,
  };
}

/**
 * Form values as the API's input. Inputs of other fields (a tag name after switching to "Project")
 * are left out. Editing an API key rule without a new key id sends the stored hash, which the
 * server recognizes and keeps.
 */
export function formToInput(v: RuleFormValues, editing: SpendRule | null): Record<string, unknown> {
  const keepKey = editing?.field === "api_key" && v.field === "api_key" && v.value.trim() === "";
  return {
    field: v.field,
    key: v.field === "tag" ? v.key : null,
    value: keepKey && editing ? editing.value : v.value,
    provider: v.field === "api_key" ? v.provider : null,
    systemId: v.systemId || null,
    team: v.team.trim() || null,
    note: v.note,
    position: v.position === "" ? undefined : Number(v.position),
  };
}

/** Labels of the form's fields, for error messages; the value's label follows the matched field. */
export function ruleFieldLabels(field: RuleField): Record<string, string> {
  return {
    field: "Match on",
    key: "Tag name",
    value: RULE_VALUE_LABELS[field],
    provider: "Provider",
    systemId: "System",
    team: "Team",
    note: "Note",
    position: "Position",
  };
}

/** Zod's generic wording of the schema's limits, said the way the other forms say it. */
function plainMessage(label: string | undefined, message: string): string {
  if (/^Too small/i.test(message)) return phrase(label, "is required");
  if (/^Too big/i.test(message)) return phrase(label, "is too long");
  if (/a rule must assign/.test(message)) return "Choose a system, enter a team, or both: a rule must assign at least one.";
  return message;
}

function plain(errors: FieldErrors, labels: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, plainMessage(labels[k], m)]));
}

export type RuleValidation = { ok: true; input: SpendRuleInput } | { ok: false; errors: MappedErrors };

/** Validates the form with the server's own schema. */
export function validateRule(v: RuleFormValues, editing: SpendRule | null): RuleValidation {
  const labels = ruleFieldLabels(v.field);
  const parsed = SpendRuleInputSchema.safeParse(formToInput(v, editing));
  if (parsed.success) return { ok: true, input: parsed.data };
  const mapped = zodFieldErrors(parsed.error, labels);
  return { ok: false, errors: { fields: plain(mapped.fields, labels), other: mapped.other } };
}

/** Server issues use the same paths and wording; make them read like the form's own. */
export function plainServerErrors(fields: FieldErrors, field: RuleField): FieldErrors {
  return plain(fields, ruleFieldLabels(field));
}

/** "Project proj_abc", "Tag team = search", "API key openai:key_ab…23": what a rule matches, in one line. */
export function ruleMatchText(r: Pick<SpendRule, "field" | "key" | "value" | "hint">): string {
  if (r.field === "tag") return `Tag ${r.key ?? ""} = ${r.value}`;
  if (r.field === "api_key") return `API key ${r.hint ?? "(hidden)"}`;
  return `${RULE_FIELD_LABELS[r.field]} ${r.value}`;
}
