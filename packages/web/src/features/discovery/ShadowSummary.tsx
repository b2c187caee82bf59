import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import { plural } from "../../lib/format";
import { Loading, QueryError } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { useShadow } from "./discovery-api";
import type { FocusFindingsState } from "./discovery-fields";

/** The headline of the page: how much AI runs in code without a registered system accounting for it. */
export function ShadowSummary({ showShadowTo }: { showShadowTo: string }) {
  const { org, canEdit } = useOrg();
  const shadow = useShadow(org.slug);
  const id = useId();

  if (shadow.isError && !shadow.data) return <QueryError error={shadow.error} onRetry={() => shadow.refetch()} />;
  if (!shadow.data) return <Loading label="Counting shadow AI" />;

  const items = shadow.data.items;
  const byRepository = new Map<string, string[]>();
  for (const f of items) byRepository.set(f.repository, [...(byRepository.get(f.repository) ?? []), f.name || f.id]);
  const none = items.length === 0;
  const color = none ? "green" : "red";

  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      radius="md"
      p={{ base: "md", sm: "lg" }}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-7)` }}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color={color} variant="light" size="lg" radius="xl" aria-hidden>
          {none ? <IconCircleCheck size={20} /> : <IconAlertTriangle size={20} />}
        </ThemeIcon>
        <Stack gap="xs" style={{ minWidth: 0 }}>
          <Title order={2} id={id} fz="lg">
            {none ? "No shadow AI" : plural(items.length, "shadow AI finding")}
          </Title>
          {none ? (
            <Text size="sm">Every AI your scanned code runs belongs to a registered system in the inventory.</Text>
          ) : (
            <>
              <Text size="sm">
                Shadow AI is AI found in the code that runs in production but is not part of any registered system: nobody has recorded what it is used for, who
                owns it or whom it affects.{" "}
                {canEdit
                  ? "Register it as a system, or link its component to an existing system."
                  : "An editor or admin of the organization can register it as a system, or link its component to an existing system."}
              </Text>
              <List size="sm" spacing={2}>
                {[...byRepository].map(([repository, names]) => (
                  <List.Item key={repository}>
                    <Text span size="sm" fw={600}>
                      {repository}
                    </Text>
                    : {names.join(", ")}
                  </List.Item>
                ))}
              </List>
              <Group>
                <Button component={Link} to={showShadowTo} state={{ focusFindings: true } satisfies FocusFindingsState} size="xs" variant="light" color="red">
                  Show shadow AI only
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
