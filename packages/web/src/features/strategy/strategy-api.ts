import type { AssessmentAnswers, AssessmentView, Plan, StoredAssessment } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath, request } from "../../api/client";
import { useOrgMutation } from "../../api/use-org-mutation";

/** Query keys under `["org", slug]`, so any change in the organization refreshes them. */
export const strategyKeys = {
  assessment: (org: string) => ["org", org, "assessment"] as const,
  plan: (org: string) => ["org", org, "plan"] as const,
};

/** Questions, thresholds, prefilled values and the latest assessment. */
export function useAssessment(org: string) {
  return useQuery({
    queryKey: strategyKeys.assessment(org),
    queryFn: ({ signal }) => api.get<AssessmentView>(orgPath(org, "/assessment"), signal),
  });
}

/** Runs the rules over the answers and stores the result (editors and above). */
export function useRunAssessment(org: string) {
  return useOrgMutation(org, (answers: AssessmentAnswers) => request<StoredAssessment>("POST", orgPath(org, "/assessment"), { body: { answers } }));
}

export function usePlan(org: string) {
  return useQuery({
    queryKey: strategyKeys.plan(org),
    queryFn: ({ signal }) => api.get<Plan>(orgPath(org, "/plan"), signal),
  });
}

/** Sets the plan's start date (admins); null goes back to the organization's creation day. */
export function useSetPlanStart(org: string) {
  return useOrgMutation(org, (start: string | null) => request<Plan>("PUT", orgPath(org, "/plan"), { body: { start } }));
}
