import "@mantine/charts/styles.css";
import type { SpendOverview } from "@caio/core";
import { Alert, Anchor, Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { type RefObject, useEffect, useRef } from "react";
import { useLocation, useSearchParams } from "react-router";
import { formatChange, formatDate, formatMicros, formatMonth, formatShare, plural, toMicros } from "../../lib/format";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { StatCard } from "../../shared/StatCard";
import { useOrg } from "../layout/org-context";
import { isDay, monthEnd, PERIOD_OPTIONS, type Period, type PeriodPreset, periodFromUrl, previousMonth, rangeLabel, rangeOf } from "./period";
import { SpendBreakdowns } from "./SpendBreakdowns";
import { SpendImportsSection } from "./SpendImportsSection";
import { SpendInstructions } from "./SpendInstructions";
import { SpendRatesSection } from "./SpendRatesSection";
import { RULES_HEADING_ID, SpendRulesSection } from "./SpendRulesSection";
import { SpendTrendChart } from "./SpendTrendChart";
import { type DayRange, useSpendOverview } from "./spend-api";

/** True once any usage is stored, in the reporting currency or another one. */
function hasUsage(o: SpendOverview): boolean {
  return o.records > 0 || o.otherCurrencyRecords > 0;
}

/**
 * `/o/:org/spend`: what the organization spends on AI. The period defaults to the last 12 months
 * before the latest day with data, so a ledger whose latest import is weeks old still shows it.
 */
export function SpendPage() {
  const { org } = useOrg();
  const allTime = useSpendOverview(org.slug, {});
  const [sp, setSp] = useSearchParams();
  const period = periodFromUrl(sp);
  const rulesHeading = useRef<HTMLHeadingElement>(null);
  const ready = allTime.data && hasUsage(allTime.data) ? allTime.data : null;

  const setPeriod = (next: Period) =>
    setSp(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.delete("from");
        p.delete("to");
        if (next.preset === "12m") p.delete("period");
        else p.set("period", next.preset);
        if (next.preset === "custom") {
          if (next.from) p.set("from", next.from);
          if (next.to) p.set("to", next.to);
        }
        return p;
      },
      { replace: true },
    );

  const showRules = () => {
    const h = rulesHeading.current;
    if (!h) return;
    h.scrollIntoView({ block: "start" });
    h.focus({ preventScroll: true });
  };

  // Links from other pages (Reconciliation) open the rules with `#spend-rules`, once they are on screen.
  const { hash } = useLocation();
  const loaded = allTime.data !== undefined;
  useEffect(() => {
    if (!loaded || hash !== `#${RULES_HEADING_ID}`) return;
    const h = rulesHeading.current;
    h?.scrollIntoView({ block: "start" });
    h?.focus({ preventScroll: true });
  }, [loaded, hash]);

  return (
    <>
      <PageHeader
        title="Spend"
        description="What the organization spends on AI, from imported usage, cost exports and bills: the trend, where the money goes, and which systems and teams it belongs to."
        actions={ready && <PeriodControl period={period} lastDay={ready.lastDay} firstDay={ready.firstDay} onChange={setPeriod} />}
      />
      <QueryState query={allTime} label="Loading spend">
        {(all) =>
          hasUsage(all) ? (
            <SpendDashboard all={all} period={period} onChangePeriod={setPeriod} onShowRules={showRules} rulesHeading={rulesHeading} />
          ) : (
            <Stack gap="lg">
              <SpendInstructions />
              <SpendRulesSection currency={all.currency} headingRef={rulesHeading} />
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function PeriodControl({
  period,
  firstDay,
  lastDay,
  onChange,
}: {
  period: Period;
  firstDay: string | null;
  lastDay: string | null;
  onChange: (p: Period) => void;
}) {
  const select = (value: string) => {
    const preset = value as PeriodPreset;
    if (preset !== "custom") return onChange({ preset });
    // Custom starts from the range on screen, so the dates are there to adjust.
    const current = rangeOf(period, lastDay);
    onChange({ preset, from: current.from ?? firstDay ?? undefined, to: current.to ?? lastDay ?? undefined });
  };
  return <SegmentedControl aria-label="Period" data={PERIOD_OPTIONS} value={period.preset} onChange={select} size="sm" />;
}

function CustomRange({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const inverted = Boolean(period.from && period.to && period.from > period.to);
  const set = (key: "from" | "to", v: string) => onChange({ ...period, [key]: isDay(v) ? v : undefined });
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-label="Custom period">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label="From"
          description="First day, included"
          value={period.from ?? ""}
          onChange={(e) => set("from", e.currentTarget.value)}
          style={{ flex: "1 1 180px" }}
          maw={240}
        />
        <TextInput
          type="date"
          label="To"
          description="Last day, included"
          value={period.to ?? ""}
          onChange={(e) => set("to", e.currentTarget.value)}
          error={inverted ? "The last day is before the first day" : undefined}
          style={{ flex: "1 1 180px" }}
          maw={240}
        />
      </Group>
    </Paper>
  );
}

function SpendDashboard({
  all,
  period,
  onChangePeriod,
  onShowRules,
  rulesHeading,
}: {
  all: SpendOverview;
  period: Period;
  onChangePeriod: (p: Period) => void;
  onShowRules: () => void;
  rulesHeading: RefObject<HTMLHeadingElement | null>;
}) {
  const { org } = useOrg();
  const range = rangeOf(period, all.lastDay);
  const overview = useSpendOverview(org.slug, range);
  const currency = all.currency;

  return (
    <Stack gap="lg">
      {period.preset === "custom" && <CustomRange period={period} onChange={onChangePeriod} />}
      <QueryState query={overview} label="Loading the period's spend">
        {(o) => (
          <Stack gap="lg" style={{ opacity: overview.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" fw={600} aria-live="polite">
              {PERIOD_OPTIONS.find((p) => p.value === period.preset)?.label}: {rangeLabel(range, o.firstDay, o.lastDay)}
            </Text>
            <SpendStats overview={o} all={all} range={range} onShowRules={onShowRules} />
            <LeftOutNotes overview={o} />
            <SpendTrendChart overview={o} range={range} />
          </Stack>
        )}
      </QueryState>
      <SpendBreakdowns range={range} currency={currency} onShowRules={onShowRules} />
      <SpendRulesSection currency={currency} headingRef={rulesHeading} />
      <SpendRatesSection currency={currency} />
      <SpendImportsSection currency={currency} />
    </Stack>
  );
}

/** The headline figures: total, month over month, unattributed and billed against list prices. */
function SpendStats({ overview: o, all, range, onShowRules }: { overview: SpendOverview; all: SpendOverview; range: DayRange; onShowRules: () => void }) {
  const currency = o.currency;
  const cost = toMicros(o.costMicros);
  const unattributed = toMicros(o.unattributedMicros);
  const billed = toMicros(o.billedMicros);

  // Month over month: the last month of the period against the month before, both whole calendar months from the all-time trend.
  const endDay = all.lastDay && range.to && range.to < all.lastDay ? range.to : all.lastDay;
  const latestMonth = endDay?.slice(0, 7) ?? null;
  const byMonth = new Map(all.months.map((m) => [m.month, toMicros(m.costMicros)]));
  const latest = latestMonth ? (byMonth.get(latestMonth) ?? 0n) : 0n;
  const prevMonth = latestMonth ? previousMonth(latestMonth) : null;
  const previous = prevMonth ? (byMonth.get(prevMonth) ?? 0n) : 0n;
  const change = formatChange(latest, previous);
  const partial = Boolean(endDay && latestMonth && all.lastDay && endDay === all.lastDay && all.lastDay < monthEnd(latestMonth));
  const up = latest > previous;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      <StatCard title="Total spend" value={formatMicros(cost, currency)}>
        <Text size="sm" c="dimmed">
          {rangeLabel(range, o.firstDay, o.lastDay)}
        </Text>
        <Text size="sm" c="dimmed">
          {plural(o.records, "usage record")}
        </Text>
      </StatCard>

      <StatCard
        title={latestMonth ? `${formatMonth(latestMonth)} vs ${formatMonth(prevMonth ?? "")}` : "Month over month"}
        value={formatMicros(latest, currency)}
      >
        {change ? (
          <Group gap={6} wrap="wrap">
            <Badge color={up ? "red.9" : "green.9"} variant="light" size="md">
              {change}
            </Badge>
            <Text size="sm" c="dimmed">
              {up ? "more than" : latest === previous ? "same as" : "less than"} {formatMonth(prevMonth ?? "")} ({formatMicros(previous, currency)})
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No spend in {formatMonth(prevMonth ?? "")} to compare with.
          </Text>
        )}
        {partial && endDay && (
          <Text size="xs" c="dimmed">
            {formatMonth(latestMonth ?? "", true)} so far: data up to {formatDate(endDay)}.
          </Text>
        )}
      </StatCard>

      <StatCard title="Unattributed" value={formatMicros(unattributed, currency)} accent={unattributed > 0n ? "orange" : "green"}>
        {unattributed > 0n ? (
          <>
            <Text size="sm">{formatShare(unattributed, cost)} of the period's spend belongs to no system yet.</Text>
            <Anchor component="button" type="button" size="sm" onClick={onShowRules} ta="left" fw={600}>
              Attribute it with rules
            </Anchor>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            All spend in the period is attributed to a system.
          </Text>
        )}
      </StatCard>

      <StatCard title="Billed vs list price" value={formatMicros(billed, currency)}>
        <Text size="sm" c="dimmed">
          Billed by providers: {formatShare(billed, cost)} of the total; the rest is priced from usage.
        </Text>
        <Text size="sm" c="dimmed">
          At list prices: {formatMicros(o.listMicros, currency)}
        </Text>
      </StatCard>
    </SimpleGrid>
  );
}

/** Records stored but not summed, so the totals are never a surprise. */
function LeftOutNotes({ overview: o }: { overview: SpendOverview }) {
  if (o.supersededRecords === 0 && o.otherCurrencyRecords === 0) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" title="Not counted in these totals">
      <Stack gap={4}>
        {o.supersededRecords > 0 && (
          <Text size="sm">
            {plural(o.supersededRecords, "record")}: a higher-precedence source covers the same provider and day (for example a provider's own usage export over
            a gateway log), so they would count the same spend twice.
          </Text>
        )}
        {o.otherCurrencyRecords > 0 && (
          <Text size="sm">
            {plural(o.otherCurrencyRecords, "record")} in another currency than {o.currency}: left out of every sum, since caio does not convert currencies.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
