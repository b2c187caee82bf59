import type { Component, ComponentCreateInput, ComponentKind, Hosting } from "@caio/core";
import { COMPONENT_KIND_LABELS, HOSTING_LABELS, labelOf } from "../../lib/labels";

export const COMPONENT_FIELD_LABELS: Record<string, string> = {
  kind: "Kind",
  name: "Name",
  provider: "Provider",
  identifier: "Identifier",
  version: "Version",
  hosting: "Hosting",
  vendorId: "Vendor",
  notes: "Notes",
  systemIds: "Linked systems",
};

export function componentValueLabel(field: string, v: string): string {
  if (field === "kind") return labelOf(COMPONENT_KIND_LABELS, v);
  if (field === "hosting") return labelOf(HOSTING_LABELS, v);
  return v;
}

export interface ComponentFormValues {
  kind: ComponentKind | null;
  name: string;
  provider: string;
  identifier: string;
  version: string;
  hosting: Hosting;
  vendorId: string | null;
  notes: string;
  systemIds: string[];
}

export const EMPTY_COMPONENT: ComponentFormValues = {
  kind: null,
  name: "",
  provider: "",
  identifier: "",
  version: "",
  hosting: "vendor-api",
  vendorId: null,
  notes: "",
  systemIds: [],
};

export function componentToForm(c: Component): ComponentFormValues {
  return {
    kind: c.kind,
    name: c.name,
    provider: c.provider,
    identifier: c.identifier,
    version: c.version,
    hosting: c.hosting,
    vendorId: c.vendorId,
    notes: c.notes,
    systemIds: c.systemIds,
  };
}

/** The request body; a missing kind is left for the schema to report. */
export function componentFormToInput(v: ComponentFormValues): ComponentCreateInput {
  return { ...v, kind: v.kind ?? (undefined as unknown as ComponentKind) };
}
