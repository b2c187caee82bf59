import type { ObligationRow } from "@caio/core";
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { formatDate, plural } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { StatCard } from "../../shared/StatCard";
import { useOrg } from "../layout/org-context";
import { Citations } from "./ClassificationResultView";
import { type ObligationParams, useObligations } from "./governance-api";
import {
  boardFiltersFromUrl,
  byDue,
  DUE_WITHIN_DAYS,
  dueText,
  OBLIGATION_STATUS_COLORS,
  OBLIGATION_STATUS_LABELS,
  OBLIGATION_STATUSES,
  summarize,
} from "./governance-fields";
import { ObligationModal } from "./ObligationModal";

/**
 * `/o/:org/obligations`: the obligations of every classified system by due date, overdue first and
 * those without a fixed date last, filtered by status, system and due window (`?status=`,
 * `?system=`, `?dueWithin=`). Editors set owner, status and evidence.
 */
export function ObligationsPage() {
  const { org } = useOrg();
  const [sp, setSp] = useSearchParams();
  const filters = boardFiltersFromUrl(sp);
  const params: ObligationParams = {};
  if (filters.status) params.status = filters.status;
  if (filters.system) params.system = filters.system;
  if (filters.dueWithin) params.dueWithin = filters.dueWithin;
  const all = useObligations(org.slug);
  const shown = useObligations(org.slug, params);
  const filtered = Object.keys(params).length > 0;

  const update = (patch: Partial<Record<keyof ObligationParams, string | null>>) =>
    setSp(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  const clear = () => update({ status: null, system: null, dueWithin: null });

  return (
    <>
      <PageHeader
        title="Obligations"
        description="What the classifications require, system by system, with the dates they apply from under the law version each system was classified with. Overdue ones come first; those without a fixed date apply when their event happens (an incident, a substantial change)."
      />
      <QueryState query={all} label="Loading obligations">
        {(everything) =>
          everything.items.length === 0 ? (
            <NoObligations />
          ) : (
            <Stack gap="lg">
              <Summary rows={everything.items} />
              <Group role="group" aria-label="Filter obligations" gap="sm" align="flex-end" wrap="wrap">
                <Select
                  label="Status"
                  data={[
                    { value: "", label: `All statuses (${everything.items.length})` },
                    ...OBLIGATION_STATUSES.map((s) => ({
                      value: s,
                      label: `${OBLIGATION_STATUS_LABELS[s]} (${everything.items.filter((r) => r.status === s).length})`,
                    })),
                  ]}
                  value={filters.status ?? ""}
                  onChange={(v) => update({ status: v })}
                  allowDeselect={false}
                  style={{ flex: "1 1 180px" }}
                  maw={240}
                />
                <Select
                  label="System"
                  data={[{ value: "", label: "All systems" }, ...systemOptions(everything.items)]}
                  value={filters.system ?? ""}
                  onChange={(v) => update({ system: v })}
                  allowDeselect={false}
                  searchable
                  style={{ flex: "1 1 220px" }}
                  maw={320}
                />
                <Select
                  label="Due within"
                  data={[{ value: "", label: "Any time" }, ...DUE_WITHIN_DAYS.map((d) => ({ value: String(d), label: `${d} days (and overdue)` }))]}
                  value={filters.dueWithin ? String(filters.dueWithin) : ""}
                  onChange={(v) => update({ dueWithin: v })}
                  allowDeselect={false}
                  style={{ flex: "1 1 180px" }}
                  maw={240}
                />
                {filtered && (
                  <Button variant="subtle" size="sm" onClick={clear}>
                    Clear filters
                  </Button>
                )}
              </Group>
              <QueryState query={shown} label="Loading obligations">
                {(data) => (
                  <ObligationsTable
                    rows={data.items}
                    total={everything.items.length}
                    filtered={filtered}
                    refreshing={shown.isPlaceholderData}
                    onClear={clear}
                  />
                )}
              </QueryState>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function systemOptions(rows: readonly ObligationRow[]): { value: string; label: string }[] {
  const names = new Map<string, string>();
  for (const r of rows) names.set(r.systemId, r.systemName);
  return [...names].sort((a, b) => a[1].localeCompare(b[1], "en")).map(([value, label]) => ({ value, label }));
}

function NoObligations() {
  const { org } = useOrg();
  return (
    <EmptyState
      title="No obligations yet"
      action={
        <Button component={Link} to={`/o/${org.slug}/systems`} variant="light">
          Open the inventory
        </Button>
      }
    >
      Obligations follow from classifications. Open a system in the inventory and classify it: its obligations land here with their due dates.
    </EmptyState>
  );
}

/** The headline counts over every obligation, whatever the filters. */
function Summary({ rows }: { rows: readonly ObligationRow[] }) {
  const s = summarize(rows);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <StatCard title="Overdue" value={s.overdue} accent={s.overdue > 0 ? "red" : undefined}>
        <Text size="sm" c="gray.7">
          Past their date and neither done nor marked not applicable.
        </Text>
      </StatCard>
      <StatCard title="Due within 90 days" value={s.dueSoon} accent={s.dueSoon > 0 ? "orange" : undefined}>
        <Text size="sm" c="gray.7">
          Open or in progress, due today or in the next 90 days.
        </Text>
      </StatCard>
      <StatCard title="On event" value={s.onEvent}>
        <Text size="sm" c="gray.7">
          No fixed date: they apply when their event happens.
        </Text>
      </StatCard>
      <StatCard title="Done" value={s.done} accent={s.done > 0 ? "green" : undefined}>
        <Text size="sm" c="gray.7">
          Of {plural(s.total, "obligation")} across the classified systems.
        </Text>
      </StatCard>
    </SimpleGrid>
  );
}

interface TableProps {
  rows: ObligationRow[];
  total: number;
  filtered: boolean;
  refreshing: boolean;
  onClear: () => void;
}

function ObligationsTable({ rows, total, filtered, refreshing, onClear }: TableProps) {
  const { org, canEdit } = useOrg();
  const [open, setOpen] = useState<{ systemId: string; obligationId: string } | null>(null);
  const sorted = [...rows].sort(byDue);
  const selected = open ? rows.find((r) => r.systemId === open.systemId && r.obligation.id === open.obligationId) : undefined;

  if (rows.length === 0) {
    return (
      <EmptyState
        title="No obligation matches the filters"
        action={
          <Button variant="light" onClick={onClear}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="xs" style={{ opacity: refreshing ? 0.6 : 1 }}>
      <Text size="sm" c="gray.7" aria-live="polite">
        {filtered ? `${rows.length} of ${plural(total, "obligation")}` : plural(rows.length, "obligation")}, overdue first, then by due date
      </Text>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={920} type="native">
          <Table verticalSpacing="sm" aria-label="Obligations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Obligation</Table.Th>
                <Table.Th scope="col">System</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr
                  key={`${r.systemId}\u0000${r.obligation.id}`}
                  bg={r.overdue ? "red.0" : undefined}
                  style={r.overdue ? { boxShadow: "inset 4px 0 0 var(--mantine-color-red-7)" } : undefined}
                >
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Stack gap={2}>
                      {r.overdue ? (
                        <Badge component="span" color="red.9" variant="light" size="sm" tt="none">
                          {dueText(r)}
                        </Badge>
                      ) : (
                        <Text size="sm" fw={500}>
                          {dueText(r)}
                        </Text>
                      )}
                      {r.obligation.dueDate && (
                        <Text size="xs" c="gray.7">
                          {formatDate(r.obligation.dueDate)}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 260 }}>
                    <Stack gap={2}>
                      <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                        {r.obligation.title}
                      </Text>
                      <Citations cite={r.obligation.cite} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${org.slug}/systems/${r.systemId}`} size="sm">
                      {r.systemName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>
                    {r.owner || (
                      <Text span size="sm" c="gray.7" fs="italic">
                        No owner
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge component="span" variant="light" size="sm" color={OBLIGATION_STATUS_COLORS[r.status] ?? "gray.8"}>
                      {labelOf(OBLIGATION_STATUS_LABELS, r.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant={canEdit ? "light" : "subtle"}
                      size="compact-sm"
                      onClick={() => setOpen({ systemId: r.systemId, obligationId: r.obligation.id })}
                      aria-label={`${canEdit ? "Update" : "Details of"} “${r.obligation.title}” for ${r.systemName}`}
                    >
                      {canEdit ? "Update" : "Details"}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <ObligationModal row={selected ?? null} onClose={() => setOpen(null)} />
    </Stack>
  );
}
