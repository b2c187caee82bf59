import type { Stage, System, SystemCreate, SystemPatch } from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString } from "../../api/client";
import { keys } from "../../api/query-keys";
import type { ListResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

export type SystemSort = "name" | "stage" | "updatedAt" | "department";

export interface SystemListParams {
  q?: string;
  stage?: Stage;
  vendorId?: string;
  customerFacing?: "true" | "false";
  sort?: SystemSort;
  order?: "asc" | "desc";
  limit?: number;
  offset?: number;
}

export function useSystems(org: string, params: SystemListParams = {}) {
  return useQuery({
    queryKey: keys.systems(org, params),
    queryFn: ({ signal }) => api.get<ListResponse<System>>(orgPath(org, `/systems${queryString({ ...params })}`), signal),
    placeholderData: keepPreviousData,
  });
}

export function useSystem(org: string, id: string) {
  return useQuery({
    queryKey: keys.system(org, id),
    queryFn: ({ signal }) => api.get<System>(orgPath(org, `/systems/${encodeURIComponent(id)}`), signal),
  });
}

export function useCreateSystem(org: string) {
  return useOrgMutation(org, (body: SystemCreate) => api.post<System>(orgPath(org, "/systems"), body));
}

export function useUpdateSystem(org: string, id: string) {
  return useOrgMutation(org, (body: SystemPatch) => api.patch<System>(orgPath(org, `/systems/${encodeURIComponent(id)}`), body));
}

export function useDeleteSystem(org: string) {
  return useOrgMutation(org, (id: string) => api.delete(orgPath(org, `/systems/${encodeURIComponent(id)}`)), {
    refetchActive: false,
  });
}
