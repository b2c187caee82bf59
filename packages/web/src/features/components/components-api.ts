import type { Component, ComponentCreate, ComponentKind, ComponentPatch } from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString } from "../../api/client";
import { keys } from "../../api/query-keys";
import type { ListResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

export interface ComponentListParams {
  q?: string;
  kind?: ComponentKind;
  vendorId?: string;
  limit?: number;
  offset?: number;
}

export function useComponents(org: string, params: ComponentListParams = {}, enabled = true) {
  return useQuery({
    queryKey: keys.components(org, params),
    queryFn: ({ signal }) => api.get<ListResponse<Component>>(orgPath(org, `/components${queryString({ ...params })}`), signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useComponent(org: string, id: string) {
  return useQuery({
    queryKey: keys.component(org, id),
    queryFn: ({ signal }) => api.get<Component>(orgPath(org, `/components/${encodeURIComponent(id)}`), signal),
  });
}

export function useCreateComponent(org: string) {
  return useOrgMutation(org, (body: ComponentCreate) => api.post<Component>(orgPath(org, "/components"), body));
}

export function useUpdateComponent(org: string, id: string) {
  return useOrgMutation(org, (body: ComponentPatch) => api.patch<Component>(orgPath(org, `/components/${encodeURIComponent(id)}`), body));
}

export function useDeleteComponent(org: string) {
  return useOrgMutation(org, (id: string) => api.delete(orgPath(org, `/components/${encodeURIComponent(id)}`)), {
    refetchActive: false,
  });
}
