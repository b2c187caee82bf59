import type {
  AffectedBand,
  AuditAction,
  ComponentKind,
  Confidence,
  Decisions,
  EntityType,
  EuNexus,
  FindingKind,
  Hosting,
  PersonalData,
  Role,
  Scope,
  Stage,
  TriState,
} from "@caio/core";
import {
  AFFECTED_BANDS,
  COMPONENT_KINDS,
  DECISIONS,
  ENTITY_TYPES,
  EU_NEXUS,
  FINDING_KINDS,
  HOSTINGS,
  PERSONAL_DATA,
  ROLES,
  SCOPES,
  STAGES,
  TRI_STATE,
} from "@caio/core";

/** Human labels for the contract's enum values, for people who do not read JSON. */

export const STAGE_LABELS: Record<Stage, string> = {
  idea: "Idea",
  pilot: "Pilot",
  production: "In production",
  retired: "Retired",
};

export const STAGE_COLORS: Record<Stage, string> = {
  idea: "gray",
  pilot: "yellow",
  production: "green",
  retired: "dark",
};

export const DECISION_LABELS: Record<Decisions, string> = {
  none: "No",
  informs: "Informs decisions about people",
  decides: "Decides about people",
};

export const DECISION_DESCRIPTIONS: Record<Decisions, string> = {
  none: "Its output is not used to make decisions about individual people.",
  informs: "A person decides, helped by the system's output (for example a score or a suggestion).",
  decides: "The system's output decides about people without a person deciding each case.",
};

export const PERSONAL_DATA_LABELS: Record<PersonalData, string> = {
  none: "No personal data",
  personal: "Personal data",
  "special-category": "Special-category data (health, biometrics, beliefs…)",
  children: "Children's data",
};

export const AFFECTED_LABELS: Record<AffectedBand, string> = {
  unknown: "Unknown",
  "<100": "Fewer than 100 people",
  "100-1k": "100 to 1,000 people",
  "1k-10k": "1,000 to 10,000 people",
  "10k-100k": "10,000 to 100,000 people",
  "100k-1m": "100,000 to 1 million people",
  ">1m": "More than 1 million people",
};

export const EU_NEXUS_LABELS: Record<EuNexus, string> = {
  "placed-on-eu-market": "Placed on the EU market",
  "used-in-eu": "Used in the EU",
  "output-used-in-eu": "Output used in the EU",
  none: "No EU connection",
};

export const COMPONENT_KIND_LABELS: Record<ComponentKind, string> = {
  model: "Model",
  sdk: "SDK",
  "vendor-service": "Vendor service",
  "vector-store": "Vector store",
  dataset: "Dataset",
  "prompt-surface": "Prompt surface",
  gateway: "Gateway",
  "mcp-server": "MCP server",
  agent: "Agent",
};

export const HOSTING_LABELS: Record<Hosting, string> = {
  "vendor-api": "Vendor API",
  "cloud-platform": "Cloud platform",
  "self-hosted": "Self-hosted",
};

export const TRI_STATE_LABELS: Record<TriState, string> = {
  yes: "Yes",
  no: "No",
  unknown: "Unknown",
};

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  approver: "Approver",
  admin: "Admin",
};

/** What each role may do, from the least to the most rights; every role can do what the ones before it can. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Reads the inventory, its history and the audit log.",
  editor: "Also creates, changes and deletes systems, components and vendors, and creates API tokens up to their own role.",
  approver: "Editor rights; approvals arrive with governance.",
  admin: "Also manages members and API tokens, and exports the organization.",
};

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  organization: "Organization",
  system: "AI system",
  component: "Component",
  vendor: "Vendor",
  membership: "Membership",
  "api-token": "API token",
  scan: "Repository scan",
  "usage-import": "Usage import",
  "spend-rule": "Spend attribution rule",
  "spend-rate": "Negotiated rate",
  "savings-recommendation": "Savings recommendation",
  "model-policy": "Model policy",
  classification: "Classification",
  obligation: "Obligation",
  risk: "Risk",
  incident: "Incident",
  policy: "Policy",
  "use-case": "Use case",
  "kpi-actual": "KPI actual",
  assessment: "Leadership assessment",
  plan: "30/60/90-day plan",
  report: "Board pack",
};

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
};

export const ACTION_COLORS: Record<AuditAction, string> = {
  create: "green",
  update: "blue",
  delete: "red",
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  sdk: "SDK",
  provider: "Provider",
  model: "Model",
  service: "Service",
  "vector-store": "Vector store",
  dataset: "Dataset",
  "mcp-server": "MCP server",
  "dev-tool": "Dev tool",
  secret: "Secret",
};

export const FINDING_KIND_COLORS: Record<FindingKind, string> = {
  sdk: "blue",
  provider: "violet",
  model: "indigo",
  service: "cyan",
  "vector-store": "teal",
  dataset: "grape",
  "mcp-server": "orange",
  "dev-tool": "gray",
  secret: "red",
};

export const SCOPE_LABELS: Record<Scope, string> = {
  runtime: "Runtime",
  test: "Tests",
  docs: "Docs",
  example: "Examples",
};

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  runtime: "Code and configuration that runs in production.",
  test: "Test code and fixtures.",
  docs: "Documentation and prose.",
  example: "Examples, samples and notebooks.",
};

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  declared: "Declared",
  used: "Used",
  referenced: "Referenced",
  mentioned: "Mentioned",
};

/** How strong the evidence is, strongest first. */
export const CONFIDENCE_DESCRIPTIONS: Record<Confidence, string> = {
  declared: "A dependency in a manifest or lockfile, or a deployment in infrastructure code.",
  used: "Imported and called, or a client is constructed in code.",
  referenced: "A model id, endpoint or environment variable appears in code.",
  mentioned: "Named in prose or comments only.",
};

/** `[{ value, label }]` for Mantine selects, in the contract's order. */
export function options<T extends string>(values: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const stageOptions = options(STAGES, STAGE_LABELS);
export const decisionOptions = options(DECISIONS, DECISION_LABELS);
export const personalDataOptions = options(PERSONAL_DATA, PERSONAL_DATA_LABELS);
export const affectedOptions = options(AFFECTED_BANDS, AFFECTED_LABELS);
export const euNexusOptions = options(EU_NEXUS, EU_NEXUS_LABELS);
export const componentKindOptions = options(COMPONENT_KINDS, COMPONENT_KIND_LABELS);
export const hostingOptions = options(HOSTINGS, HOSTING_LABELS);
export const triStateOptions = options(TRI_STATE, TRI_STATE_LABELS);
export const entityTypeOptions = options(ENTITY_TYPES, ENTITY_TYPE_LABELS);
export const roleOptions = options(ROLES, ROLE_LABELS);
export const findingKindOptions = options(FINDING_KINDS, FINDING_KIND_LABELS);
export const scopeOptions = options(SCOPES, SCOPE_LABELS);

/** Looks up a label, falling back to the raw value for anything the UI does not know yet. */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value;
}
