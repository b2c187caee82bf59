import type { Recommendation, RecommendationStatus, SavingsReport } from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString, request } from "../../api/client";
import { useOrgMutation } from "../../api/use-org-mutation";

/**
 * Query keys of savings and reconciliation. They live under `["org", slug]` like every other query
 * of the organization, so any change (a rule, a system, a status) refreshes them.
 */
export const savingsKeys = {
  report: (org: string, days: number) => ["org", org, "savings", "report", { days }] as const,
};

/** The window of a savings or reconciliation request: `days` days up to the latest day with usage. */
export function windowQuery(days: number): string {
  return queryString({ days });
}

/** Recommendations over the window, with their statuses and the summary. */
export function useSavings(org: string, days: number) {
  return useQuery({
    queryKey: savingsKeys.report(org, days),
    queryFn: ({ signal }) => api.get<SavingsReport>(orgPath(org, `/savings${windowQuery(days)}`), signal),
    placeholderData: keepPreviousData,
  });
}

export interface StatusChange {
  id: string;
  status: RecommendationStatus;
  note: string;
}

/**
 * Sets a recommendation's status (editors and above). The server finds the recommendation by
 * computing the same window again, so the request carries the page's window.
 */
export function useSetRecommendationStatus(org: string, days: number) {
  return useOrgMutation(org, ({ id, status, note }: StatusChange) =>
    request<Recommendation>("PUT", orgPath(org, `/savings/${encodeURIComponent(id)}/status${windowQuery(days)}`), { body: { status, note } }),
  );
}
