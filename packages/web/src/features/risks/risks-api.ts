import type { Incident, IncidentCreate, IncidentPatch, Risk, RiskCreate, RiskPatch, System } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString } from "../../api/client";
import type { ListResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

/** Query keys of the risk register and incidents, under `["org", slug]` so any change of the organization refreshes them. */
export const riskKeys = {
  risks: (org: string) => ["org", org, "risks"] as const,
  incidents: (org: string) => ["org", org, "incidents"] as const,
  systemOptions: (org: string) => ["org", org, "risks", "system-options"] as const,
};

/** The whole register, highest score first (the server's order). */
export function useRisks(org: string) {
  return useQuery({
    queryKey: riskKeys.risks(org),
    queryFn: ({ signal }) => api.get<ListResponse<Risk>>(orgPath(org, "/risks"), signal),
  });
}

export function useCreateRisk(org: string) {
  return useOrgMutation(org, (body: RiskCreate) => api.post<Risk>(orgPath(org, "/risks"), body));
}

export function useUpdateRisk(org: string) {
  return useOrgMutation(org, ({ id, body }: { id: string; body: RiskPatch }) => api.patch<Risk>(orgPath(org, `/risks/${encodeURIComponent(id)}`), body));
}

export function useDeleteRisk(org: string) {
  return useOrgMutation(org, (id: string) => api.delete(orgPath(org, `/risks/${encodeURIComponent(id)}`)), { refetchActive: true });
}

/**
 * Every incident with its deadline. Refetched every minute, so the days left follow the
 * server's day even when the page stays open past midnight.
 */
export function useIncidents(org: string) {
  return useQuery({
    queryKey: riskKeys.incidents(org),
    queryFn: ({ signal }) => api.get<ListResponse<Incident> & { today: string }>(orgPath(org, "/incidents"), signal),
    refetchInterval: 60_000,
  });
}

export function useCreateIncident(org: string) {
  return useOrgMutation(org, (body: IncidentCreate) => api.post<Incident>(orgPath(org, "/incidents"), body));
}

export function useUpdateIncident(org: string) {
  return useOrgMutation(org, ({ id, body }: { id: string; body: IncidentPatch }) =>
    api.patch<Incident>(orgPath(org, `/incidents/${encodeURIComponent(id)}`), body),
  );
}

/** The organization's systems as `{ value, label }` options, by name. */
export function useSystemChoices(org: string) {
  return useQuery({
    queryKey: riskKeys.systemOptions(org),
    queryFn: ({ signal }) => api.get<ListResponse<System>>(orgPath(org, `/systems${queryString({ limit: 500, sort: "name" })}`), signal),
    select: (data) => data.items.map((s) => ({ value: s.id, label: s.name })),
  });
}
