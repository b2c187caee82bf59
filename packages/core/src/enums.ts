import { z } from "zod";

/** Lifecycle stage of an AI system. */
export const STAGES = ["idea", "pilot", "production", "retired"] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

/** Roles inside one organization, from least to most privileged. */
export const ROLES = ["viewer", "editor", "approver", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** True when `role` grants at least the privileges of `min`. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

export const DECISIONS = ["none", "informs", "decides"] as const;
export const DecisionsSchema = z.enum(DECISIONS);
export type Decisions = z.infer<typeof DecisionsSchema>;

export const PERSONAL_DATA = ["none", "personal", "special-category", "children"] as const;
export const PersonalDataSchema = z.enum(PERSONAL_DATA);
export type PersonalData = z.infer<typeof PersonalDataSchema>;

/** How many people the system's outputs reach. */
export const AFFECTED_BANDS = ["unknown", "<100", "100-1k", "1k-10k", "10k-100k", "100k-1m", ">1m"] as const;
export const AffectedBandSchema = z.enum(AFFECTED_BANDS);
export type AffectedBand = z.infer<typeof AffectedBandSchema>;

/** EU nexus: the facts that bring a system within the EU AI Act's territorial scope (Art 2(1)). */
export const EU_NEXUS = ["placed-on-eu-market", "used-in-eu", "output-used-in-eu", "none"] as const;
export const EuNexusSchema = z.enum(EU_NEXUS);
export type EuNexus = z.infer<typeof EuNexusSchema>;

export const COMPONENT_KINDS = ["model", "sdk", "vendor-service", "vector-store", "dataset", "prompt-surface", "gateway", "mcp-server", "agent"] as const;
export const ComponentKindSchema = z.enum(COMPONENT_KINDS);
export type ComponentKind = z.infer<typeof ComponentKindSchema>;

export const HOSTINGS = ["vendor-api", "cloud-platform", "self-hosted"] as const;
export const HostingSchema = z.enum(HOSTINGS);
export type Hosting = z.infer<typeof HostingSchema>;

export const TRI_STATE = ["yes", "no", "unknown"] as const;
export const TriStateSchema = z.enum(TRI_STATE);
export type TriState = z.infer<typeof TriStateSchema>;

export const ENTITY_TYPES = [
  "organization",
  "system",
  "component",
  "vendor",
  "membership",
  "api-token",
  "scan",
  "usage-import",
  "spend-rule",
  "spend-rate",
  "savings-recommendation",
  "model-policy",
  "classification",
  "obligation",
  "risk",
  "incident",
  "use-case",
  "kpi-actual",
  "assessment",
  "plan",
  "policy",
  "report",
] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const AUDIT_ACTIONS = ["create", "update", "delete"] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;
