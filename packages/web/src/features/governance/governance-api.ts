import type {
  ClassificationPreview,
  ClassificationView,
  ClassifyRequest,
  ObligationRow,
  ObligationStatus,
  ObligationUpdate,
  StoredClassificationView,
} from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString } from "../../api/client";
import type { ItemsResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

/**
 * Query keys of classification and obligations. They live under `["org", slug]` like every other
 * query of the organization, so any change (a system's facts, a classification, a status) refreshes them.
 */
export const governanceKeys = {
  classification: (org: string, id: string) => ["org", org, "governance", "classification", id] as const,
  history: (org: string, id: string) => ["org", org, "governance", "classifications", id] as const,
  preview: (org: string, id: string, body: ClassifyRequest) => ["org", org, "governance", "preview", id, body] as const,
  obligations: (org: string, params: ObligationParams) => ["org", org, "governance", "obligations", params] as const,
};

const systemPath = (org: string, id: string, rest = "") => orgPath(org, `/systems/${encodeURIComponent(id)}${rest}`);

/** A system's latest classification, the questions that matter and whether the rules changed since. */
export function useClassification(org: string, id: string) {
  return useQuery({
    queryKey: governanceKeys.classification(org, id),
    queryFn: ({ signal }) => api.get<ClassificationView>(systemPath(org, id, "/classification"), signal),
  });
}

/** A system's stored classifications, newest first. */
export function useClassificationHistory(org: string, id: string) {
  return useQuery({
    queryKey: governanceKeys.history(org, id),
    queryFn: ({ signal }) => api.get<ItemsResponse<StoredClassificationView>>(systemPath(org, id, "/classifications"), signal),
  });
}

/**
 * The questions and result for answers not stored yet (editors and above): the wizard's next step.
 * Nothing is recorded, so it is read like a query; the previous result stays on screen while the next loads.
 */
export function useClassificationPreview(org: string, id: string, body: ClassifyRequest, enabled = true) {
  return useQuery({
    queryKey: governanceKeys.preview(org, id, body),
    queryFn: () => api.post<ClassificationPreview>(systemPath(org, id, "/classification/preview"), body),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    enabled,
  });
}

/** Stores a classification with the answers given (changed ones are recorded with who and when). */
export function useClassify(org: string, id: string) {
  return useOrgMutation(org, (body: ClassifyRequest) => api.post<ClassificationView>(systemPath(org, id, "/classification"), body));
}

export interface ObligationParams {
  status?: ObligationStatus;
  system?: string;
  dueWithin?: number;
}

/** Obligations of every classified system, soonest first; `dueWithin` includes the overdue ones. */
export function useObligations(org: string, params: ObligationParams = {}) {
  return useQuery({
    queryKey: governanceKeys.obligations(org, params),
    queryFn: ({ signal }) => api.get<ItemsResponse<ObligationRow>>(orgPath(org, `/obligations${queryString({ ...params })}`), signal),
    placeholderData: keepPreviousData,
  });
}

export interface ObligationChange {
  systemId: string;
  obligationId: string;
  body: ObligationUpdate;
}

/** Sets an obligation's owner, status or evidence (editors and above; audited). */
export function useUpdateObligation(org: string) {
  return useOrgMutation(org, ({ systemId, obligationId, body }: ObligationChange) =>
    api.patch<ObligationRow>(systemPath(org, systemId, `/obligations/${encodeURIComponent(obligationId)}`), body),
  );
}
