import { type SpendRow, UNATTRIBUTED } from "@caio/core";
import { Anchor, Box, Button, Group, Paper, Table, Tabs, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { formatCompactCount, formatCount, formatMicros, formatShare, plural, sharePercent, toMicros } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { type DayRange, useSpendRollup, useSystemOptions } from "./spend-api";

export type BreakdownDimension = "provider" | "model" | "system" | "team";

const DIMENSIONS: { value: BreakdownDimension; label: string; column: string; plural: string }[] = [
  { value: "provider", label: "By provider", column: "Provider", plural: "providers" },
  { value: "model", label: "By model", column: "Model", plural: "models" },
  { value: "system", label: "By system", column: "System", plural: "systems" },
  { value: "team", label: "By team", column: "Team", plural: "teams" },
];

const TOP = 10;

type SortColumn = "key" | "cost" | "input" | "output" | "requests";

function compare(a: SpendRow, b: SpendRow, column: SortColumn): number {
  if (column === "key") return a.key.localeCompare(b.key, "en");
  const pick = (r: SpendRow) =>
    column === "cost" ? toMicros(r.costMicros) : toMicros(column === "input" ? r.inputTokens : column === "output" ? r.outputTokens : r.requests);
  const x = pick(a);
  const y = pick(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function breakdownFromUrl(sp: URLSearchParams): BreakdownDimension {
  const by = sp.get("by");
  return DIMENSIONS.some((d) => d.value === by) ? (by as BreakdownDimension) : "provider";
}

/** Where the money goes: the period's spend by provider, model, system and team, one tab each. */
export function SpendBreakdowns({ range, currency, onShowRules }: { range: DayRange; currency: string; onShowRules: () => void }) {
  const [sp, setSp] = useSearchParams();
  const by = breakdownFromUrl(sp);
  const select = (v: string | null) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!v || v === "provider") next.delete("by");
        else next.set("by", v);
        return next;
      },
      { replace: true },
    );
  return (
    <Section
      title="Where the money goes"
      description="The period's spend by provider, model, inventory system and team. Systems and teams come from the attribution rules; spend no rule assigns is listed as (unattributed)."
    >
      <Tabs value={by} onChange={select} keepMounted={false}>
        <Tabs.List aria-label="Break spend down">
          {DIMENSIONS.map((d) => (
            <Tabs.Tab key={d.value} value={d.value}>
              {d.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {DIMENSIONS.map((d) => (
          <Tabs.Panel key={d.value} value={d.value} pt="md">
            <BreakdownTable dimension={d} range={range} currency={currency} onShowRules={onShowRules} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Section>
  );
}

function BreakdownTable({
  dimension,
  range,
  currency,
  onShowRules,
}: {
  dimension: (typeof DIMENSIONS)[number];
  range: DayRange;
  currency: string;
  onShowRules: () => void;
}) {
  const { org } = useOrg();
  const rollup = useSpendRollup(org.slug, dimension.value, range);
  const systems = useSystemOptions(org.slug);
  const [sort, setSort] = useState<{ column: SortColumn; order: "asc" | "desc" }>({ column: "cost", order: "desc" });
  const [showAll, setShowAll] = useState(false);
  const systemIds = new Map((dimension.value === "system" ? (systems.data ?? []) : []).map((s) => [s.name, s.id]));

  const sortBy = (column: SortColumn) =>
    setSort((s) => ({ column, order: s.column === column ? (s.order === "asc" ? "desc" : "asc") : column === "key" ? "asc" : "desc" }));
  const th = (column: SortColumn, label: string, numeric = true) => (
    <SortHeader active={sort.column === column} order={sort.order} onSort={() => sortBy(column)} numeric={numeric}>
      {label}
    </SortHeader>
  );

  return (
    <QueryState query={rollup} label={`Loading spend ${dimension.label.toLowerCase()}`}>
      {(data) => {
        if (data.items.length === 0) return <EmptyState title="No spend in this period">Choose a longer period, or import more usage.</EmptyState>;
        const total = data.items.reduce((s, r) => s + toMicros(r.costMicros), 0n);
        const sorted = [...data.items].sort((a, b) => (sort.order === "asc" ? 1 : -1) * compare(a, b, sort.column));
        const shown = showAll ? sorted : sorted.slice(0, TOP);
        return (
          <>
            <Paper withBorder radius="md" style={{ overflow: "hidden", opacity: rollup.isPlaceholderData ? 0.6 : 1 }}>
              <Table.ScrollContainer minWidth={720} type="native">
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Caption>
                    <VisuallyHidden>{`Spend by ${dimension.column.toLowerCase()}`}</VisuallyHidden>
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      {th("key", dimension.column, false)}
                      {th("cost", "Spend")}
                      <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
                        Share
                      </Table.Th>
                      {th("input", "Input tokens")}
                      {th("output", "Output tokens")}
                      {th("requests", "Requests")}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td style={{ minWidth: 180, overflowWrap: "anywhere" }}>
                          <RowName row={r} dimension={dimension.value} systemId={systemIds.get(r.key)} org={org.slug} onShowRules={onShowRules} />
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} fw={600}>
                          {formatMicros(r.costMicros, currency)}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap", minWidth: 110 }}>
                          <ShareBar part={r.costMicros} total={total} unattributed={r.key === UNATTRIBUTED} />
                        </Table.Td>
                        <Table.Td ta="right" title={`${formatCount(r.inputTokens)} input tokens`}>
                          {formatCompactCount(r.inputTokens)}
                        </Table.Td>
                        <Table.Td ta="right" title={`${formatCount(r.outputTokens)} output tokens`}>
                          {formatCompactCount(r.outputTokens)}
                        </Table.Td>
                        <Table.Td ta="right" title={`${formatCount(r.requests)} requests`}>
                          {formatCompactCount(r.requests)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row">
                        Total{data.items.length > 1 ? ` (${plural(data.items.length, dimension.column.toLowerCase(), dimension.plural)})` : ""}
                      </Table.Th>
                      <Table.Td ta="right" fw={700} style={{ whiteSpace: "nowrap" }}>
                        {formatMicros(total, currency)}
                      </Table.Td>
                      <Table.Td ta="right">100%</Table.Td>
                      <Table.Td colSpan={3} />
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            {sorted.length > TOP && (
              <Group justify="center" mt="sm">
                <Button variant="subtle" size="xs" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                  {showAll ? `Show the top ${TOP} only` : `Show all ${sorted.length} ${dimension.plural}`}
                </Button>
              </Group>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function RowName({
  row,
  dimension,
  systemId,
  org,
  onShowRules,
}: {
  row: SpendRow;
  dimension: BreakdownDimension;
  systemId: string | undefined;
  org: string;
  onShowRules: () => void;
}) {
  if (row.key === UNATTRIBUTED) {
    return (
      <Group gap="xs" wrap="wrap">
        <Text span size="sm" fw={600} c="orange.9">
          {UNATTRIBUTED}
        </Text>
        <Anchor component="button" type="button" size="xs" onClick={onShowRules}>
          Attribute with a rule
          <VisuallyHidden>{` (go to the attribution rules)`}</VisuallyHidden>
        </Anchor>
      </Group>
    );
  }
  if (dimension === "system" && systemId) {
    return (
      <Anchor component={Link} to={`/o/${org}/systems/${systemId}`} size="sm" fw={600}>
        {row.key}
      </Anchor>
    );
  }
  return (
    <Text span size="sm" fw={500}>
      {row.key}
    </Text>
  );
}

/** The share as text, with a thin bar beside it for scanning. */
function ShareBar({ part, total, unattributed }: { part: string; total: bigint; unattributed: boolean }) {
  const pct = sharePercent(part, total);
  return (
    <Group gap={8} justify="flex-end" wrap="nowrap">
      <Box aria-hidden w={48} h={6} bg="gray.2" style={{ borderRadius: 3, overflow: "hidden", flex: "none" }} visibleFrom="sm">
        <Box h="100%" w={`${pct}%`} bg={unattributed ? "orange.6" : "indigo.6"} />
      </Box>
      <Text span size="sm" style={{ minWidth: 48 }}>
        {formatShare(part, total)}
      </Text>
    </Group>
  );
}

/** A sortable column header like the shared one, right-aligned over numbers. */
function SortHeader({
  children,
  active,
  order,
  onSort,
  numeric,
}: {
  children: ReactNode;
  active: boolean;
  order: "asc" | "desc";
  onSort: () => void;
  numeric: boolean;
}) {
  const Icon = active ? (order === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} ta={numeric ? "right" : undefined} style={{ whiteSpace: "nowrap" }}>
      <UnstyledButton onClick={onSort} fw={600} fz="sm" className="sort-button">
        <Group gap={4} wrap="nowrap" component="span">
          {children}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
