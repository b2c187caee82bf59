import type { Login, Me } from "@caio/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, isApiError } from "../../api/api-error";
import { api, setCsrfToken } from "../../api/client";
import { keys } from "../../api/query-keys";

/** The signed-in principal, or null when nobody is signed in. */
async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>("/me", signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation<Me, ApiError, Login>({
    mutationKey: ["login"],
    mutationFn: (body) => api.post<Me>("/auth/login", body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ queryKey: ["org"] });
      qc.setQueryData(keys.me, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => api.post<void>("/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ queryKey: ["org"] });
      qc.setQueryData(keys.me, null);
    },
  });
}
