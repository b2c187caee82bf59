import type { ModelPolicy, Reconciliation, StoredModelPolicy } from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, request } from "../../api/client";
import { useOrgMutation } from "../../api/use-org-mutation";
import { windowQuery } from "../savings/savings-api";

/** Query keys of the Reconciliation page, under `["org", slug]`: a new system, rule, vendor or policy refreshes them. */
export const reconciliationKeys = {
  report: (org: string, days: number) => ["org", org, "reconciliation", { days }] as const,
  policy: (org: string) => ["org", org, "model-policy"] as const,
};

/** Stale systems, unattributed spend, shadow AI, vendors with gaps and models the policy does not allow, over the window. */
export function useReconciliation(org: string, days: number) {
  return useQuery({
    queryKey: reconciliationKeys.report(org, days),
    queryFn: ({ signal }) => api.get<Reconciliation>(orgPath(org, `/reconciliation${windowQuery(days)}`), signal),
    placeholderData: keepPreviousData,
  });
}

/** The organization's model policy, or `policy: null` when none is set. */
export function useModelPolicy(org: string) {
  return useQuery({
    queryKey: reconciliationKeys.policy(org),
    queryFn: ({ signal }) => api.get<StoredModelPolicy>(orgPath(org, "/model-policy"), signal),
  });
}

/** Replaces the model policy (admins). */
export function useSaveModelPolicy(org: string) {
  return useOrgMutation(org, (policy: ModelPolicy) => request<StoredModelPolicy>("PUT", orgPath(org, "/model-policy"), { body: policy }));
}

/** Removes the model policy (admins): every model is allowed again. */
export function useDeleteModelPolicy(org: string) {
  return useOrgMutation(org, () => request<StoredModelPolicy>("DELETE", orgPath(org, "/model-policy")));
}
