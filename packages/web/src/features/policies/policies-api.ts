import type { PolicyGenerateResult, PolicyKind, PolicyList, PolicyVersionDetail } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath, request } from "../../api/client";
import { useOrgMutation } from "../../api/use-org-mutation";

/** Query keys of the policies, under `["org", slug]` so every change of the organization refreshes them. */
export const policyKeys = {
  list: (org: string) => ["org", org, "policies"] as const,
  version: (org: string, id: string) => ["org", org, "policies", "version", id] as const,
};

const versionPath = (org: string, id: string, rest = "") => orgPath(org, `/policies/versions/${encodeURIComponent(id)}${rest}`);

/** The four policies with their versions (without text). */
export function usePolicies(org: string) {
  return useQuery({
    queryKey: policyKeys.list(org),
    queryFn: ({ signal }) => api.get<PolicyList>(orgPath(org, "/policies"), signal),
  });
}

/** One version with its Markdown and the diff against the previous version. */
export function usePolicyVersion(org: string, id: string | undefined) {
  return useQuery({
    queryKey: policyKeys.version(org, id ?? ""),
    queryFn: ({ signal }) => api.get<PolicyVersionDetail>(versionPath(org, id ?? ""), signal),
    enabled: Boolean(id),
  });
}

/** Generates drafts from the organization's current facts (editors). */
export function useGeneratePolicies(org: string) {
  return useOrgMutation(org, (kinds: PolicyKind[]) => api.post<PolicyGenerateResult>(orgPath(org, "/policies/generate"), { kinds }));
}

/** Saves new Markdown on top of a version as the next version (editors). */
export function useEditPolicy(org: string) {
  return useOrgMutation(org, ({ id, markdown }: { id: string; markdown: string }) =>
    request<PolicyVersionDetail>("PUT", versionPath(org, id), { body: { markdown } }),
  );
}

export function useSubmitPolicy(org: string) {
  return useOrgMutation(org, (id: string) => api.post<PolicyVersionDetail>(versionPath(org, id, "/submit")));
}

/** Approves a version in review (approvers): the digest shown is the digest approved. */
export function useApprovePolicy(org: string) {
  return useOrgMutation(org, ({ id, note, digest }: { id: string; note: string; digest: string }) =>
    api.post<PolicyVersionDetail>(versionPath(org, id, "/approve"), { note, digest }),
  );
}

export function useRejectPolicy(org: string) {
  return useOrgMutation(org, ({ id, reason }: { id: string; reason: string }) => api.post<PolicyVersionDetail>(versionPath(org, id, "/reject"), { reason }));
}
