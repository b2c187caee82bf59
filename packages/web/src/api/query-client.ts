import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error";
import { setCsrfToken } from "./client";
import { keys } from "./query-keys";

/**
 * One QueryClient for the app. A 401 from any call means the session ended: the cached
 * principal is cleared, which sends the user to the sign-in page. Client errors (4xx) are not retried.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      client.setQueryData(keys.me, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        // A wrong password at sign-in is also a 401, but there is no session to end.
        if (mutation.options.mutationKey?.[0] !== "login") onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
