import type { EntityVersion } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "./client";
import { keys } from "./query-keys";
import type { ItemsResponse } from "./types";

export type HistoryCollection = "systems" | "components" | "vendors";

/** Stored versions of one record, newest first. */
export function useHistory(org: string, collection: HistoryCollection, id: string) {
  return useQuery({
    queryKey: keys.history(org, collection, id),
    queryFn: ({ signal }) => api.get<ItemsResponse<EntityVersion>>(orgPath(org, `/${collection}/${encodeURIComponent(id)}/history`), signal),
  });
}
