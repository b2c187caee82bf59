import { type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { keys } from "./query-keys";

export interface OrgMutationOptions<TData, TVars> extends Omit<UseMutationOptions<TData, ApiError, TVars>, "mutationFn"> {
  /**
   * Deletions mark the organization's queries stale without refetching the ones on screen,
   * so the page of the deleted record does not fetch it again (and fail) before leaving.
   */
  refetchActive?: boolean;
}

/**
 * A mutation on one organization's data. After it succeeds every query of the organization
 * (lists, details, history, audit log) is refreshed.
 */
export function useOrgMutation<TData, TVars>(
  org: string,
  mutationFn: (vars: TVars) => Promise<TData>,
  { refetchActive = true, ...options }: OrgMutationOptions<TData, TVars> = {},
) {
  const qc = useQueryClient();
  return useMutation<TData, ApiError, TVars>({
    ...options,
    mutationFn,
    onSuccess: async (data, vars, result, ctx) => {
      await options.onSuccess?.(data, vars, result, ctx);
      await qc.invalidateQueries({ queryKey: keys.org(org), refetchType: refetchActive ? "active" : "none" });
    },
  });
}
