import type { RoiReport } from "@caio/core";
import { Badge, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { formatDate } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { Section } from "../../shared/Section";
import { GATE_LABELS, percent, USE_CASE_STAGE_LABELS, usd } from "./portfolio-fields";

/** ROI per use case in pilot or production, from its KPI actuals, with the portfolio's totals and stalled pilots. */
export function RoiView({ report }: { report: RoiReport }) {
  if (report.items.length === 0)
    return <EmptyState title="No use case in pilot or production yet">ROI appears once a pilot starts and KPI actuals are recorded.</EmptyState>;
  const t = report.totals;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Realized per year" value={usd(t.realizedAnnualValue)} hint={`of ${usd(t.plannedAnnualValue)} planned`} />
        <Figure label="Cost per year" value={usd(t.annualCost)} hint="run + build over 3 years" />
        <Figure label="Portfolio ROI" value={percent(t.roi)} hint={`net ${usd(t.annualNet)} a year`} />
        <Figure label="Stalled" value={String(t.stalled)} hint="a stage gate overdue" />
      </SimpleGrid>
      <Section
        title="ROI per use case"
        description="Realized value = planned value × the latest KPI actual's way from baseline to target. ROI = (realized − run cost − build cost / 3) ÷ those costs."
      >
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table striped data-testid="roi-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Use case</Table.Th>
                  <Table.Th scope="col">Latest KPI</Table.Th>
                  <Table.Th scope="col">Of plan</Table.Th>
                  <Table.Th scope="col">Realized per year</Table.Th>
                  <Table.Th scope="col">Cost per year</Table.Th>
                  <Table.Th scope="col">ROI</Table.Th>
                  <Table.Th scope="col">Payback</Table.Th>
                  <Table.Th scope="col">Gates</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {i.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {USE_CASE_STAGE_LABELS[i.stage]} · {i.kpiName || "KPI"} {i.kpiBaseline ?? "—"} → {i.kpiTarget ?? "—"}
                        {i.kpiUnit ? ` ${i.kpiUnit}` : ""}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {i.roi.latestActual
                        ? `${i.roi.latestActual.value}${i.kpiUnit ? ` ${i.kpiUnit}` : ""} (${formatDate(i.roi.latestActual.on)})`
                        : "None yet"}
                      <Text size="xs" c="dimmed">
                        {i.roi.actualCount} {i.roi.actualCount === 1 ? "actual" : "actuals"}
                      </Text>
                    </Table.Td>
                    <Table.Td>{percent(i.roi.progress)}</Table.Td>
                    <Table.Td>
                      {usd(i.roi.realizedAnnualValue)}
                      <Text size="xs" c="dimmed">
                        of {usd(i.roi.plannedAnnualValue)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{usd(i.roi.annualCost)}</Table.Td>
                    <Table.Td>{percent(i.roi.roi)}</Table.Td>
                    <Table.Td>{i.roi.paybackMonths === null ? "None at this rate" : `${i.roi.paybackMonths} months`}</Table.Td>
                    <Table.Td>
                      {i.gates.stalled ? (
                        <Badge color="red.8" variant="filled" autoContrast>
                          Stalled
                        </Badge>
                      ) : null}
                      <Text size="xs">Pilot: {GATE_LABELS[i.gates.pilot.state]}</Text>
                      <Text size="xs">
                        Production: {GATE_LABELS[i.gates.production.state]}
                        {i.gates.production.dueDate ? ` (due ${formatDate(i.gates.production.dueDate)})` : ""}
                      </Text>
                    </Table.Td>
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

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}
