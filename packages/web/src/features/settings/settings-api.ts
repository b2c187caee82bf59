import type { ApiToken, ApiTokenCreate, ApiTokenCreated, Member, MemberAdd, Role } from "@caio/core";
import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client";
import { keys } from "../../api/query-keys";
import type { ItemsResponse } from "../../api/types";
import { useOrgMutation } from "../../api/use-org-mutation";

/** Members of the organization and their roles (every member may read them). */
export function useMembers(org: string) {
  return useQuery({
    queryKey: keys.members(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<Member>>(orgPath(org, "/members"), signal),
  });
}

/** Adds a member; creates the user when the email is new to this installation (then a password is required). */
export function useAddMember(org: string) {
  return useOrgMutation(org, (body: MemberAdd) => api.post<Member>(orgPath(org, "/members"), body));
}

export function useChangeMemberRole(org: string) {
  return useOrgMutation(org, ({ userId, role }: { userId: string; role: Role }) =>
    api.patch<Member>(orgPath(org, `/members/${encodeURIComponent(userId)}`), { role }),
  );
}

/** Removes a member (the server revokes their API tokens for this organization too). */
export function useRemoveMember(org: string) {
  return useOrgMutation(org, (userId: string) => api.delete(orgPath(org, `/members/${encodeURIComponent(userId)}`)));
}

/** Active API tokens, never their secrets. Admins only: the server answers 403 to anyone else. */
export function useTokens(org: string) {
  return useQuery({
    queryKey: keys.tokens(org),
    queryFn: ({ signal }) => api.get<ItemsResponse<ApiToken>>(orgPath(org, "/tokens"), signal),
  });
}

/**
 * Creates a token; the answer is the only place its secret ever appears. `gcTime: 0` drops the
 * finished mutation (and the secret in it) from the cache as soon as the form is gone.
 */
export function useCreateToken(org: string) {
  return useOrgMutation(org, (body: ApiTokenCreate) => api.post<ApiTokenCreated>(orgPath(org, "/tokens"), body), { gcTime: 0 });
}

export function useRevokeToken(org: string) {
  return useOrgMutation(org, (id: string) => api.delete(orgPath(org, `/tokens/${encodeURIComponent(id)}`)));
}
