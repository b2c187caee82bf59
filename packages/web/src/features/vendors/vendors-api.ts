import type { Vendor, VendorCreate, VendorPatch } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client";
import { keys } from "../../api/query-keys";
import type { ListResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

export function useVendors(org: string) {
  return useQuery({
    queryKey: keys.vendors(org),
    queryFn: ({ signal }) => api.get<ListResponse<Vendor>>(orgPath(org, "/vendors"), signal),
  });
}

export function useVendor(org: string, id: string) {
  return useQuery({
    queryKey: keys.vendor(org, id),
    queryFn: ({ signal }) => api.get<Vendor>(orgPath(org, `/vendors/${encodeURIComponent(id)}`), signal),
  });
}

export function useCreateVendor(org: string) {
  return useOrgMutation(org, (body: VendorCreate) => api.post<Vendor>(orgPath(org, "/vendors"), body));
}

export function useUpdateVendor(org: string, id: string) {
  return useOrgMutation(org, (body: VendorPatch) => api.patch<Vendor>(orgPath(org, `/vendors/${encodeURIComponent(id)}`), body));
}

export function useDeleteVendor(org: string) {
  return useOrgMutation(org, (id: string) => api.delete(orgPath(org, `/vendors/${encodeURIComponent(id)}`)), {
    refetchActive: false,
  });
}
