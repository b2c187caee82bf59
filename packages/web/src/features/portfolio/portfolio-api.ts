import type { KpiActual, KpiActualCreate, Roadmap, RoiReport, System, UseCaseCreate, UseCaseList, UseCasePatch, UseCaseView } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString } from "../../api/client";
import type { ListResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

/** Query keys of the portfolio, under `["org", slug]` so any change of the organization refreshes them. */
export const portfolioKeys = {
  useCases: (org: string) => ["org", org, "usecases"] as const,
  roadmap: (org: string) => ["org", org, "roadmap"] as const,
  roi: (org: string) => ["org", org, "roi"] as const,
  systemOptions: (org: string) => ["org", org, "usecases", "system-options"] as const,
};

/** Every use case with its scores, recommendation, gates and ROI, highest priority first (the server's order). */
export function useUseCases(org: string) {
  return useQuery({
    queryKey: portfolioKeys.useCases(org),
    queryFn: ({ signal }) => api.get<UseCaseList>(orgPath(org, "/usecases"), signal),
  });
}

export function useRoadmap(org: string) {
  return useQuery({ queryKey: portfolioKeys.roadmap(org), queryFn: ({ signal }) => api.get<Roadmap>(orgPath(org, "/roadmap"), signal) });
}

export function useRoi(org: string) {
  return useQuery({ queryKey: portfolioKeys.roi(org), queryFn: ({ signal }) => api.get<RoiReport>(orgPath(org, "/roi"), signal) });
}

export function useCreateUseCase(org: string) {
  return useOrgMutation(org, (body: UseCaseCreate) => api.post<UseCaseView>(orgPath(org, "/usecases"), body));
}

export function useUpdateUseCase(org: string) {
  return useOrgMutation(org, ({ id, body }: { id: string; body: UseCasePatch }) =>
    api.patch<UseCaseView>(orgPath(org, `/usecases/${encodeURIComponent(id)}`), body),
  );
}

export function useRecordActual(org: string) {
  return useOrgMutation(org, ({ id, body }: { id: string; body: KpiActualCreate }) =>
    api.post<KpiActual>(orgPath(org, `/usecases/${encodeURIComponent(id)}/actuals`), body),
  );
}

/** The organization's systems as `{ value, label }` options, by name. */
export function useSystemOptions(org: string) {
  return useQuery({
    queryKey: portfolioKeys.systemOptions(org),
    queryFn: ({ signal }) => api.get<ListResponse<System>>(orgPath(org, `/systems${queryString({ limit: 500, sort: "name" })}`), signal),
    select: (data) => data.items.map((s) => ({ value: s.id, label: s.name })),
  });
}
