import type { AuditEntry, AuditVerify, EntityType } from "@caio/core";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { ApiError } from "../../api/api-error";
import { api, orgPath, queryString } from "../../api/client";
import { keys } from "../../api/query-keys";
import type { AuditPage } from "../../api/types";

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(org: string, entityType?: EntityType) {
  return useInfiniteQuery({
    queryKey: keys.audit(org, { entityType }),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage<AuditEntry>>(orgPath(org, `/audit${queryString({ entityType, limit: AUDIT_PAGE_SIZE, before: pageParam })}`), signal),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** Verifying reads the whole chain, so it runs on demand rather than as a query. */
export function useVerifyAudit(org: string) {
  return useMutation<AuditVerify, ApiError, void>({
    mutationFn: () => api.get<AuditVerify>(orgPath(org, "/audit/verify")),
  });
}
