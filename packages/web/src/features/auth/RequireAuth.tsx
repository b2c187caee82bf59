import type { Me } from "@caio/core";
import { Center } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading, QueryError } from "../../shared/QueryState";
import { useMe } from "./auth-api";

/** Renders its children only for a signed-in principal; everyone else goes to /login and comes back afterwards. */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center mih="60vh" component="main">
        <Loading label="Loading caio" />
      </Center>
    );
  }
  if (me.isError && me.data === undefined) {
    return (
      <Center mih="60vh" p="md" component="main">
        <QueryError error={me.error} onRetry={() => me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(me.data)}</>;
}
