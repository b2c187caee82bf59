import { Alert, Button, Center, Group, Loader, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { describeError, isApiError } from "../api/api-error";

interface Props<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; isError: boolean; refetch: () => unknown };
  /** What is loading, for screen readers: "Loading systems". */
  label: string;
  children: (data: T) => ReactNode;
}

/** Renders a loader while a query is pending, an alert with "Try again" when it failed, and the children when it has data. */
export function QueryState<T>({ query, label, children }: Props<T>) {
  if (query.isError && query.data === undefined) {
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }
  if (query.isPending || query.data === undefined) return <Loading label={label} />;
  return <>{children(query.data)}</>;
}

export function Loading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" size="sm">
          {label}…
        </Text>
      </Group>
    </Center>
  );
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  // Retrying cannot help when the record does not exist or the role does not allow reading it.
  const final = isApiError(error) && (error.status === 404 || error.status === 403 || error.status === 400);
  const title = isApiError(error) && error.status === 404 ? "Not found" : "Could not load this page";
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {onRetry && !final && (
        <Button mt="sm" size="xs" variant="default" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
