import { Paper, Stack, Text } from "@mantine/core";
import { useId } from "@mantine/hooks";
import type { ReactNode } from "react";

/** A headline figure in a card that is also a labelled region: its title, the value, and a few lines below. */
export function StatCard({ title, value, accent, children }: { title: string; value: ReactNode; accent?: string; children?: ReactNode }) {
  const id = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      radius="md"
      p="md"
      style={{ minWidth: 0, borderLeft: accent ? `4px solid var(--mantine-color-${accent}-7)` : undefined }}
    >
      <Text id={id} size="sm" fw={600} c="dimmed">
        {title}
      </Text>
      <Text fz={26} fw={700} lh={1.25} mt={4} style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
      {children && (
        <Stack gap={2} mt={6}>
          {children}
        </Stack>
      )}
    </Paper>
  );
}
