import type { AffectedBand, Decisions, EuNexus, PersonalData, Stage, System, SystemCreateInput } from "@caio/core";
import { AFFECTED_LABELS, DECISION_LABELS, EU_NEXUS_LABELS, labelOf, PERSONAL_DATA_LABELS, STAGE_LABELS } from "../../lib/labels";

/** Field labels of an AI system, used by the form, error messages and history. */
export const SYSTEM_FIELD_LABELS: Record<string, string> = {
  name: "Name",
  purpose: "Purpose",
  businessOwner: "Business owner",
  technicalOwner: "Technical owner",
  department: "Department",
  stage: "Stage",
  customerFacing: "Customer-facing",
  decisionsAffectingPeople: "Decides about people",
  personalData: "Personal data",
  affectedPeople: "People affected",
  euNexus: "EU connection",
  notes: "Notes",
  tags: "Tags",
  componentIds: "Components",
  components: "Components",
};

/** Turns stored enum values into their labels in the history. */
export function systemValueLabel(field: string, v: string): string {
  switch (field) {
    case "stage":
      return labelOf(STAGE_LABELS, v);
    case "decisionsAffectingPeople":
      return labelOf(DECISION_LABELS, v);
    case "affectedPeople":
      return labelOf(AFFECTED_LABELS, v);
    default:
      return v;
  }
}

export function personalDataText(values: PersonalData[]): string[] {
  return values.map((v) => PERSONAL_DATA_LABELS[v]);
}

export function euNexusText(values: EuNexus[]): string[] {
  return values.map((v) => EU_NEXUS_LABELS[v]);
}

export interface SystemFormValues {
  name: string;
  purpose: string;
  businessOwner: string;
  technicalOwner: string;
  department: string;
  stage: Stage;
  customerFacing: boolean;
  decisionsAffectingPeople: Decisions;
  personalData: PersonalData[];
  affectedPeople: AffectedBand;
  euNexus: EuNexus[];
  tags: string[];
  notes: string;
  componentIds: string[];
}

export const EMPTY_SYSTEM: SystemFormValues = {
  name: "",
  purpose: "",
  businessOwner: "",
  technicalOwner: "",
  department: "",
  stage: "idea",
  customerFacing: false,
  decisionsAffectingPeople: "none",
  personalData: [],
  affectedPeople: "unknown",
  euNexus: [],
  tags: [],
  notes: "",
  componentIds: [],
};

export function systemToForm(s: System): SystemFormValues {
  return {
    name: s.name,
    purpose: s.purpose,
    businessOwner: s.businessOwner,
    technicalOwner: s.technicalOwner,
    department: s.department,
    stage: s.stage,
    customerFacing: s.customerFacing,
    decisionsAffectingPeople: s.decisionsAffectingPeople,
    personalData: s.personalData,
    affectedPeople: s.affectedPeople,
    euNexus: s.euNexus,
    tags: s.tags,
    notes: s.notes,
    componentIds: s.components.map((c) => c.id),
  };
}

/** The request body, exactly the fields of SystemCreate. */
export function formToInput(v: SystemFormValues): SystemCreateInput {
  return { ...v };
}

/**
 * Router state of `/o/:org/systems/new` when another page starts the form (Discovery's
 * "Register as system"): values to start with, and where to return after saving or cancelling.
 */
export interface NewSystemState {
  prefill: Partial<SystemFormValues>;
  /** Why the form is pre-filled, shown under the heading. */
  source: string;
  /** Where "back", "Cancel" and a successful save lead, with the router state to pass along. */
  returnTo: { to: string; label: string; state?: unknown };
}

/** Reads the state defensively: it comes from the browser history and may be anything. */
export function readNewSystemState(state: unknown): NewSystemState | null {
  if (!state || typeof state !== "object") return null;
  const { prefill, source, returnTo } = state as Partial<NewSystemState>;
  if (!prefill || typeof prefill !== "object" || typeof source !== "string") return null;
  if (!returnTo || typeof returnTo.to !== "string" || typeof returnTo.label !== "string") return null;
  // Only a path inside the app: never another site ("//example.com").
  if (!returnTo.to.startsWith("/") || returnTo.to.startsWith("//")) return null;
  return { prefill, source, returnTo };
}
