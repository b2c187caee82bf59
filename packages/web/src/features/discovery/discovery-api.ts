import type { FindingKind, RepositorySummary, Scope, StoredFinding } from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString } from "../../api/client";
import { keys } from "../../api/query-keys";
import type { ItemsResponse } from "../../api/types";

export type FindingStatus = "open" | "gone";

/** Filters of `GET /orgs/:org/findings` (see `FindingListQuerySchema`). */
export interface FindingListParams {
  repository?: string;
  kind?: FindingKind;
  scope?: Scope;
  status?: FindingStatus;
  shadow?: "true" | "false";
}

/** Scanned repositories with their finding counts. */
export function useRepositories(org: string) {
  return useQuery({
    queryKey: keys.repositories(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<RepositorySummary>>(orgPath(org, "/repositories"), signal),
  });
}

/** Findings with the inventory component and systems each matches; which are shadow AI is worked out by the server on every read. */
export function useFindings(org: string, params: FindingListParams) {
  return useQuery({
    queryKey: keys.findings(org, params),
    queryFn: ({ signal }) => api.get<ItemsResponse<StoredFinding>>(orgPath(org, `/findings${queryString({ ...params })}`), signal),
    placeholderData: keepPreviousData,
  });
}

/** Open runtime findings that no registered system accounts for, across every repository. */
export function useShadow(org: string) {
  return useQuery({
    queryKey: keys.shadow(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<StoredFinding>>(orgPath(org, "/shadow"), signal),
  });
}
