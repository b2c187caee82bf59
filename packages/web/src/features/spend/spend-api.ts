import type { ImportListItem, SpendDimension, SpendOverview, SpendRate, SpendRow, SpendRule, SpendRuleInput, System } from "@caio/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, orgPath, queryString, request } from "../../api/client";
import type { ItemsResponse, ListResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

/** A day range of the spend ledger; both ends inclusive, YYYY-MM-DD. Without either end the range is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/**
 * Query keys of the Spend page. They live under `["org", slug]` like every other query of the
 * organization, so a saved rule (or any other change) refreshes the totals and breakdowns.
 */
export const spendKeys = {
  overview: (org: string, range: DayRange) => ["org", org, "spend", "overview", range] as const,
  rollup: (org: string, by: SpendDimension, range: DayRange) => ["org", org, "spend", "rollup", by, range] as const,
  rules: (org: string) => ["org", org, "spend", "rules"] as const,
  rates: (org: string) => ["org", org, "spend", "rates"] as const,
  imports: (org: string) => ["org", org, "spend", "imports"] as const,
  systemOptions: (org: string) => ["org", org, "systems", { limit: 500, purpose: "spend-rule-options" }] as const,
};

/** Totals, the monthly trend and unattributed spend over a range (all time without one). */
export function useSpendOverview(org: string, range: DayRange, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: spendKeys.overview(org, range),
    queryFn: ({ signal }) => api.get<SpendOverview>(orgPath(org, `/spend/overview${queryString({ ...range })}`), signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Spend grouped by one dimension, largest first. System and team rows use the key "(unattributed)" for spend no rule assigns. */
export function useSpendRollup(org: string, by: SpendDimension, range: DayRange, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: spendKeys.rollup(org, by, range),
    queryFn: ({ signal }) => api.get<ItemsResponse<SpendRow>>(orgPath(org, `/spend${queryString({ by, ...range })}`), signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The import history, newest first. */
export function useImports(org: string) {
  return useQuery({
    queryKey: spendKeys.imports(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<ImportListItem>>(orgPath(org, "/imports"), signal),
  });
}

/** Attribution rules in the order they are tried, with the spend each attributes. */
export function useSpendRules(org: string) {
  return useQuery({
    queryKey: spendKeys.rules(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<SpendRule>>(orgPath(org, "/spend/rules"), signal),
  });
}

/** Negotiated rates that override list prices. */
export function useSpendRates(org: string) {
  return useQuery({
    queryKey: spendKeys.rates(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<SpendRate>>(orgPath(org, "/spend/rates"), signal),
  });
}

/** The inventory's systems, for a rule's system picker and for linking breakdown rows to systems. */
export function useSystemOptions(org: string) {
  return useQuery({
    queryKey: spendKeys.systemOptions(org),
    queryFn: ({ signal }) => api.get<ListResponse<System>>(orgPath(org, `/systems${queryString({ limit: 500, sort: "name" })}`), signal),
    select: (data) => data.items.map((s) => ({ id: s.id, name: s.name })),
  });
}

export function useCreateSpendRule(org: string) {
  return useOrgMutation(org, (body: SpendRuleInput) => api.post<SpendRule>(orgPath(org, "/spend/rules"), body));
}

export function useUpdateSpendRule(org: string) {
  return useOrgMutation(org, ({ id, body }: { id: string; body: SpendRuleInput }) =>
    request<SpendRule>("PUT", orgPath(org, `/spend/rules/${encodeURIComponent(id)}`), { body }),
  );
}

export function useDeleteSpendRule(org: string) {
  return useOrgMutation(org, (id: string) => api.delete(orgPath(org, `/spend/rules/${encodeURIComponent(id)}`)));
}
