import { Box, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface DetailItem {
  label: string;
  value: ReactNode;
  /** Spans the whole width (long text). */
  wide?: boolean;
}

/** A description list: label above value, in one or two columns. Empty values read "Not recorded". */
export function DetailList({ items, cols = 2 }: { items: DetailItem[]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="lg" verticalSpacing="md" m={0}>
      {items.map((item) => (
        <Box key={item.label} style={item.wide ? { gridColumn: "1 / -1" } : undefined}>
          <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase" mb={2}>
            {item.label}
          </Text>
          <Box component="dd" m={0} fz="sm" style={{ overflowWrap: "anywhere" }}>
            {isEmpty(item.value) ? (
              <Text span c="dimmed" size="sm" fs="italic">
                Not recorded
              </Text>
            ) : (
              item.value
            )}
          </Box>
        </Box>
      ))}
    </SimpleGrid>
  );
}

function isEmpty(v: ReactNode): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}
