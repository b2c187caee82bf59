import type { SpendOverview } from "@caio/core";
import { BarChart } from "@mantine/charts";
import { Button, Paper, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { useId, useState } from "react";
import { formatCents, formatCompactMoney, formatMicros, formatMonth, formatShare, microsToNumber, toMicros } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { Section } from "../../shared/Section";
import { monthsBetween } from "./period";
import type { DayRange } from "./spend-api";

interface MonthRow {
  month: string;
  cost: bigint;
  unattributed: bigint;
  attributed: bigint;
}

/** Every month of the period, months without usage as zero. */
export function monthRows(o: SpendOverview, range: DayRange): MonthRow[] {
  const first = (range.from ?? o.firstDay)?.slice(0, 7);
  const last = (range.to ?? o.lastDay)?.slice(0, 7);
  if (!first || !last || !o.firstDay) return [];
  const byMonth = new Map(o.months.map((m) => [m.month, m]));
  // A preset shows all its months, empty ones too; an open end follows the data.
  return monthsBetween(first, last).map((month) => {
    const m = byMonth.get(month);
    const cost = toMicros(m?.costMicros);
    const unattributed = toMicros(m?.unattributedMicros);
    return { month, cost, unattributed, attributed: cost > unattributed ? cost - unattributed : 0n };
  });
}

/** A sentence that says what the chart shows, for everyone who does not see it. */
function summary(rows: MonthRow[], currency: string): string {
  if (rows.length === 0) return "";
  const first = rows[0] as MonthRow;
  const last = rows[rows.length - 1] as MonthRow;
  const highest = rows.reduce((a, b) => (b.cost > a.cost ? b : a), first);
  const parts = [`${rows.length === 1 ? "One month" : `${rows.length} months`}, ${formatMonth(first.month)} to ${formatMonth(last.month)}.`];
  parts.push(`Highest: ${formatMonth(highest.month)}, ${formatMicros(highest.cost, currency)}.`);
  if (rows.length > 1) parts.push(`Latest: ${formatMonth(last.month)}, ${formatMicros(last.cost, currency)}.`);
  const unattributed = rows.reduce((s, r) => s + r.unattributed, 0n);
  const total = rows.reduce((s, r) => s + r.cost, 0n);
  if (unattributed > 0n) parts.push(`${formatShare(unattributed, total)} of it is not attributed to a system.`);
  return parts.join(" ");
}

/** Spend per month, stacked: attributed to a system, and unattributed. A table of the same figures is one click away. */
export function SpendTrendChart({ overview, range }: { overview: SpendOverview; range: DayRange }) {
  const [showTable, setShowTable] = useState(false);
  const summaryId = useId();
  const tableId = useId();
  const currency = overview.currency;
  const rows = monthRows(overview, range);

  const data = rows.map((r) => ({
    month: formatMonth(r.month),
    attributed: microsToNumber(r.attributed),
    unattributed: microsToNumber(r.unattributed),
  }));

  return (
    <Section
      title="Monthly spend"
      description="Spend per calendar month in the period, split into spend that a rule assigns to a system and spend that no rule assigns yet."
      actions={
        rows.length > 0 && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setShowTable((v) => !v)}
            aria-expanded={showTable}
            aria-controls={tableId}
            leftSection={showTable ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
          >
            {showTable ? "Hide table" : "Show as table"}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="No usage in this period">Choose a longer period, or import the usage of these months.</EmptyState>
      ) : (
        <figure style={{ margin: 0 }} aria-describedby={summaryId}>
          <Text id={summaryId} size="sm" mb="sm">
            {summary(rows, currency)}
          </Text>
          {/* The chart repeats the summary and the table for sighted users; assistive technology reads those instead. */}
          <div aria-hidden="true" data-testid="spend-trend-chart">
            <BarChart
              h={280}
              data={data}
              dataKey="month"
              type="stacked"
              withLegend
              legendProps={{ verticalAlign: "bottom", height: 40 }}
              series={[
                { name: "attributed", label: "Attributed to a system", color: "indigo.6" },
                { name: "unattributed", label: "Unattributed", color: "orange.5" },
              ]}
              valueFormatter={(v) => formatCents(v, currency)}
              yAxisProps={{ width: 64, tickFormatter: (v: number) => formatCompactMoney(v, currency) }}
              barChartProps={{ accessibilityLayer: false }}
              tooltipAnimationDuration={0}
              maxBarWidth={48}
            />
          </div>
          <div id={tableId} hidden={!showTable}>
            {showTable && (
              <Paper withBorder radius="md" mt="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={520} type="native">
                  <Table striped verticalSpacing="xs">
                    <Table.Caption>
                      <VisuallyHidden>Spend per month</VisuallyHidden>
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Month</Table.Th>
                        <Table.Th scope="col" ta="right">
                          Spend
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          Attributed
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          Unattributed
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <Table.Tr key={r.month}>
                          <Table.Th scope="row" fw={500}>
                            {formatMonth(r.month, true)}
                          </Table.Th>
                          <Table.Td ta="right">{formatMicros(r.cost, currency)}</Table.Td>
                          <Table.Td ta="right">{formatMicros(r.attributed, currency)}</Table.Td>
                          <Table.Td ta="right">{formatMicros(r.unattributed, currency)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </div>
        </figure>
      )}
    </Section>
  );
}
