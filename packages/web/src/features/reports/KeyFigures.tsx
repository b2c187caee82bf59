import { type BoardReport, quartersEndingWith } from "@caio/core";
import { Alert, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { formatChange, formatDate, formatMicros, plural, toMicros } from "../../lib/format";
import { QueryState } from "../../shared/QueryState";
import { StatCard } from "../../shared/StatCard";
import { useOrg } from "../layout/org-context";
import { quarterLabel } from "./report-fields";
import { useReportModel } from "./reports-api";

/** The figures a director reads first, from the same model the board pack is rendered from. */
export function KeyFigures({ quarter }: { quarter: string }) {
  const { org } = useOrg();
  const model = useReportModel(org.slug, quarter);
  return (
    <QueryState query={model} label="Loading the key figures">
      {(report) => <Figures report={report} refreshing={model.isPlaceholderData} />}
    </QueryState>
  );
}

function Figures({ report, refreshing }: { report: BoardReport; refreshing: boolean }) {
  const { spend, risk, decisions, currency, period } = report;
  const previousQuarter = quartersEndingWith(report.quarter, 2)[0] ?? "";
  const current = toMicros(spend.quarterMicros);
  const previous = toMicros(spend.previousQuarterMicros);
  // A running quarter is compared at its pace (spend so far scaled to the whole quarter), as in the pack.
  const pace = toMicros(spend.projectedMicros ?? spend.quarterMicros);
  const change = formatChange(pace, previous);
  const overdue = risk.obligations.overdue;

  return (
    <Stack gap="sm" style={{ opacity: refreshing ? 0.6 : 1 }} aria-busy={refreshing}>
      <Text size="sm" fw={600} aria-live="polite">
        {quarterLabel(report.quarter)}: {formatDate(period.from)} to {formatDate(period.complete ? period.to : period.asOf)}
        {period.complete ? "" : " (quarter in progress)"}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 5 }} spacing="md">
        <StatCard title="Quarter spend" value={formatMicros(current, currency)} accent="indigo">
          <Text size="sm" c="dimmed">
            {period.complete ? "The whole quarter." : `Up to ${formatDate(period.asOf)}.`}
          </Text>
        </StatCard>
        <StatCard
          title={period.complete ? "Change vs previous quarter" : "Change at this pace"}
          value={change ?? "—"}
          accent={change ? (pace > previous ? "red" : "green") : undefined}
        >
          <Text size="sm" c="dimmed">
            {period.complete ? "" : `On pace for ${formatMicros(pace, currency)}. `}
            {previous > 0n
              ? `${quarterLabel(previousQuarter)}: ${formatMicros(previous, currency)}.`
              : `No spend in ${quarterLabel(previousQuarter)} to compare with.`}
          </Text>
        </StatCard>
        <StatCard title="Savings identified (annual)" value={formatMicros(spend.savings.identifiedAnnualMicros, currency)}>
          <Text size="sm" c="dimmed">
            From {plural(spend.savings.open, "open recommendation")}.
          </Text>
        </StatCard>
        <StatCard title="Obligations overdue" value={String(overdue)} accent={overdue > 0 ? "red" : "green"}>
          <Text size="sm" c="dimmed">
            {risk.obligations.dueSoon > 0 ? `${risk.obligations.dueSoon} more due within 90 days` : "Nothing else due within 90 days"}; {risk.obligations.open}{" "}
            open of {risk.obligations.total}.
          </Text>
        </StatCard>
        <StatCard title="Decisions needed" value={String(decisions.length)} accent={decisions.length > 0 ? "orange" : undefined}>
          {decisions.length > 0 ? (
            decisions.slice(0, 3).map((d) => (
              <Text key={`${d.kind}:${d.title}`} size="sm" c="dimmed" lineClamp={1} title={d.title}>
                {d.title}
              </Text>
            ))
          ) : (
            <Text size="sm" c="dimmed">
              Nothing for the board to decide this quarter.
            </Text>
          )}
          {decisions.length > 3 && (
            <Text size="sm" c="dimmed">
              and {decisions.length - 3} more in the pack.
            </Text>
          )}
        </StatCard>
      </SimpleGrid>
      {report.notes.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" title="About these figures">
          <List size="sm" spacing={2}>
            {report.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
