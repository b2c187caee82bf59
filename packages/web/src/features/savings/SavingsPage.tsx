import type { SavingsReport } from "@caio/core";
import { Button, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatMicros, plural, toMicros } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { StatCard } from "../../shared/StatCard";
import { useOrg } from "../layout/org-context";
import { RecommendationsSection } from "./RecommendationsSection";
import { useSavings } from "./savings-api";
import { formatFraction, type WindowDays, windowLabel } from "./savings-fields";
import { useWindowDays, WindowControl } from "./WindowControl";

/**
 * `/o/:org/savings`: where the organization could spend less on AI, worked out from the usage of a
 * window (the last 30, 90 or 180 days up to the latest day with data), the inventory and vendor contracts.
 */
export function SavingsPage() {
  const { org } = useOrg();
  const [days, setDays] = useWindowDays();
  const report = useSavings(org.slug, days);

  return (
    <>
      <PageHeader
        title="Savings"
        description="Where the organization could spend less on AI, worked out from the imported usage, the inventory and vendor contracts: what to change, what it saves, how sure the figure is, and what was decided."
        actions={report.data?.window && <WindowControl days={days} onChange={setDays} />}
      />
      <QueryState query={report} label="Loading savings">
        {(r) => (r.window ? <SavingsReportView report={r} days={days} refreshing={report.isPlaceholderData} /> : <NoUsage />)}
      </QueryState>
    </>
  );
}

function NoUsage() {
  const { org } = useOrg();
  return (
    <EmptyState
      title="No AI usage imported yet"
      action={
        <Button component={Link} to={`/o/${org.slug}/spend`} variant="light">
          Import usage on the Spend page
        </Button>
      }
    >
      Savings are worked out from your providers' usage and cost exports. Import them first: the Spend page shows how, from a file or straight from a provider.
    </EmptyState>
  );
}

function SavingsReportView({ report, days, refreshing }: { report: SavingsReport; days: WindowDays; refreshing: boolean }) {
  const window = report.window;
  return (
    <Stack gap="lg" style={{ opacity: refreshing ? 0.6 : 1 }}>
      {window && (
        <Stack gap={2}>
          <Text size="sm" fw={600} aria-live="polite">
            {windowLabel(window)}
          </Text>
          <Text size="sm" c="dimmed">
            The window ends on the latest day with usage. Monthly figures are the window's average month; yearly figures are twelve of them.
          </Text>
        </Stack>
      )}
      <SavingsStats report={report} />
      <RecommendationsSection report={report} days={days} />
    </Stack>
  );
}

/** The headline figures: identified per month and per year, the share of spend, and what was realized. */
function SavingsStats({ report }: { report: SavingsReport }) {
  const { summary: s, currency } = report;
  const open = s.byStatus.find((b) => b.status === "open")?.count ?? 0;
  const accepted = s.byStatus.find((b) => b.status === "accepted")?.count ?? 0;
  const done = s.byStatus.find((b) => b.status === "done")?.count ?? 0;
  const unused = toMicros(s.unusedCommitmentMicros);
  const contracts = toMicros(s.contractsMonthlyMicros);
  const realized = toMicros(s.realizedMonthlyMicros);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      <StatCard title="Identified per month" value={formatMicros(s.identifiedMonthlyMicros, currency)} accent="indigo">
        <Text size="sm" c="dimmed">
          From {plural(open + accepted, "open or accepted recommendation")}. Savings on the same workload are combined, not added.
        </Text>
      </StatCard>
      <StatCard title="Identified per year" value={formatMicros(s.identifiedAnnualMicros, currency)}>
        <Text size="sm" c="dimmed">
          Twelve months at the window's usage and prices.
        </Text>
      </StatCard>
      <StatCard title="Share of spend" value={formatFraction(s.shareOfSpend)}>
        <Text size="sm" c="dimmed">
          Of {formatMicros(s.monthlySpendMicros, currency)} spent per month in the window
          {unused > 0n ? `, plus ${formatMicros(unused, currency)} per month of commitments paid but not used` : ""}
          {contracts > 0n ? `, plus ${formatMicros(contracts, currency)} per month of overlapping seat contracts` : ""}.
        </Text>
      </StatCard>
      <StatCard title="Realized per month" value={formatMicros(realized, currency)} accent={realized > 0n ? "green" : undefined}>
        <Text size="sm" c="dimmed">
          {done > 0
            ? `${plural(done, "recommendation")} marked done, at the saving each showed when marked.`
            : "Nothing marked done yet. Mark a recommendation done once its change has shipped."}
        </Text>
      </StatCard>
    </SimpleGrid>
  );
}
