import { Group, Paper, Text, Title } from "@mantine/core";
import { useId } from "@mantine/hooks";
import type { ReactNode } from "react";

interface Props {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled card (h2) that is also a labelled region for screen-reader navigation. */
export function Section({ title, description, actions, children }: Props) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: "md", sm: "lg" }} style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" mb={description ? 4 : "md"} gap="xs">
        <Title order={2} id={id} fz="lg">
          {title}
        </Title>
        {actions}
      </Group>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
