import { type OrganizationWithRole, roleAtLeast } from "@caio/core";
import { createContext, useContext } from "react";

export interface OrgContextValue {
  org: OrganizationWithRole;
  /** Editors, approvers and admins can create, change and delete inventory records. */
  canEdit: boolean;
}

export const OrgContext = createContext<OrgContextValue | null>(null);

export function orgContextValue(org: OrganizationWithRole): OrgContextValue {
  return { org, canEdit: roleAtLeast(org.role, "editor") };
}

/** The organization of the current `/o/:org/...` route and the user's role in it. */
export function useOrg(): OrgContextValue {
  const v = useContext(OrgContext);
  if (!v) throw new Error("useOrg() used outside an organization route");
  return v;
}
