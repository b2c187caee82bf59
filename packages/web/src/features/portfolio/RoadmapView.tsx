import type { Roadmap } from "@caio/core";
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { formatDate } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { Section } from "../../shared/Section";
import { USE_CASE_STAGE_LABELS, usd } from "./portfolio-fields";

/** The roadmap: one column per quarter with its investment, pilots starting, use cases going into production and running; then the items with dependencies. */
export function RoadmapView({ roadmap }: { roadmap: Roadmap }) {
  if (roadmap.items.length === 0)
    return <EmptyState title="Nothing on the roadmap yet">Fund a use case, or add use cases so some are recommended for funding.</EmptyState>;
  const name = new Map(roadmap.items.map((i) => [i.id, i.name]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id);
  return (
    <Stack gap="lg">
      {roadmap.notes.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} role="note">
          <Stack gap={4}>
            {roadmap.notes.map((n) => (
              <Text size="sm" key={n}>
                {n}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Section
        title="By quarter"
        description={`${roadmap.basis === "funded" ? "Funded use cases" : "Recommended use cases (none funded yet)"} from ${formatDate(roadmap.today)}. Total investment ${usd(roadmap.totalInvestment)}: build costs in the pilot quarter, a quarter of the run cost in every quarter from production on.`}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="roadmap-quarters">
          {roadmap.quarters.map((q) => (
            <Paper key={q.key} withBorder radius="md" p="sm" data-testid="roadmap-quarter">
              <Title order={3} size="h5">
                {q.key}
              </Title>
              <Text size="xs" c="dimmed">
                {formatDate(q.start)} – {formatDate(q.end)}
              </Text>
              <Text fw={700} mt={4}>
                {usd(q.investment)}
              </Text>
              <Stack gap={6} mt="xs">
                <Lane label="Pilots start" color="yellow.4" items={names(q.pilots)} />
                <Lane label="Into production" color="green.8" items={names(q.productions)} />
                <Lane label="Running" color="gray.6" items={names(q.running)} />
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Section>
      <Section title="Use cases on the roadmap" description="Dependencies first, then priority; at most two new pilots a quarter.">
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Use case</Table.Th>
                  <Table.Th scope="col">Stage</Table.Th>
                  <Table.Th scope="col">Pilot</Table.Th>
                  <Table.Th scope="col">Production</Table.Th>
                  <Table.Th scope="col">Depends on</Table.Th>
                  <Table.Th scope="col">Build</Table.Th>
                  <Table.Th scope="col">Run per year</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roadmap.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td fw={600}>{i.name}</Table.Td>
                    <Table.Td>{USE_CASE_STAGE_LABELS[i.stage]}</Table.Td>
                    <Table.Td>{i.pilotQuarter ?? "—"}</Table.Td>
                    <Table.Td>{i.productionQuarter}</Table.Td>
                    <Table.Td style={{ maxWidth: 280 }}>
                      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                        {[...i.dependsOn, ...i.otherDependencies].join(", ") || "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td>{usd(i.buildCost)}</Table.Td>
                    <Table.Td>{usd(i.annualRunCost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Section>
    </Stack>
  );
}

function Lane({ label, color, items }: { label: string; color: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Group gap={4}>
        {items.map((n) => (
          <Badge key={n} color={color} variant="filled" autoContrast size="sm" style={{ textTransform: "none", maxWidth: "100%" }}>
            {n}
          </Badge>
        ))}
      </Group>
    </div>
  );
}
