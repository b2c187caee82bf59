import { RECOMMENDATION_STATUSES, type Recommendation, type RecommendationStatus, type SavingsReport } from "@caio/core";
import { Accordion, Badge, Box, Button, Group, Select, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { formatMicros, plural, toMicros } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import { EmptyState } from "../../shared/EmptyState";
import { Section } from "../../shared/Section";
import { RecommendationDetails } from "./RecommendationDetails";
import { StatusBadge } from "./StatusBadge";
import { CONFIDENCE_COLORS, CONFIDENCE_LABELS, STATUS_LABELS, TYPE_COLORS, TYPE_LABELS, type WindowDays } from "./savings-fields";

interface Filters {
  status: RecommendationStatus | undefined;
  type: string | undefined;
}

function filtersFromUrl(sp: URLSearchParams): Filters {
  const status = sp.get("status");
  return {
    status: status && (RECOMMENDATION_STATUSES as readonly string[]).includes(status) ? (status as RecommendationStatus) : undefined,
    type: sp.get("type") || undefined,
  };
}

/** Largest monthly saving first; equal savings by title. */
function bySaving(a: Recommendation, b: Recommendation): number {
  const x = toMicros(a.monthlySavingMicros);
  const y = toMicros(b.monthlySavingMicros);
  return x > y ? -1 : x < y ? 1 : a.title.localeCompare(b.title, "en");
}

/** The recommendations, filtered by status and type from the address bar; each opens to its details and status. */
export function RecommendationsSection({ report, days }: { report: SavingsReport; days: WindowDays }) {
  const [sp, setSp] = useSearchParams();
  const filters = filtersFromUrl(sp);
  const all = [...report.recommendations].sort(bySaving);
  const shown = all.filter((r) => (!filters.status || r.status === filters.status) && (!filters.type || r.type === filters.type));
  const filtered = Boolean(filters.status || filters.type);

  const update = (patch: Partial<Record<keyof Filters, string | null>>) =>
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

  const count = (pick: (r: Recommendation) => boolean) => all.filter(pick).length;
  const types = [...new Set(all.map((r) => r.type as string))];
  const statusOptions = [
    { value: "", label: `All statuses (${all.length})` },
    ...RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: `${STATUS_LABELS[s]} (${count((r) => r.status === s)})` })),
  ];
  const typeOptions = [
    { value: "", label: `All types (${all.length})` },
    ...types.map((t) => ({ value: t, label: `${labelOf(TYPE_LABELS, t)} (${count((r) => r.type === t)})` })),
  ];

  return (
    <Section
      title="Recommendations"
      description="Largest monthly saving first. Open one for what to do, the figures and assumptions behind it, how to check the change, and its status."
    >
      {all.length === 0 ? (
        <EmptyState title="Nothing to recommend in this window">
          caio found no cheaper way to run the usage of these days. Choose a longer window, or import more usage and vendor contracts.
        </EmptyState>
      ) : (
        <>
          <Group role="group" aria-label="Filter recommendations" gap="sm" align="flex-end" mb="md" wrap="wrap">
            <Select
              label="Status"
              data={statusOptions}
              value={filters.status ?? ""}
              onChange={(v) => update({ status: v })}
              allowDeselect={false}
              style={{ flex: "1 1 180px" }}
              maw={260}
            />
            <Select
              label="Type"
              data={typeOptions}
              value={filters.type && types.includes(filters.type) ? filters.type : ""}
              onChange={(v) => update({ type: v })}
              allowDeselect={false}
              style={{ flex: "1 1 180px" }}
              maw={260}
            />
            {filtered && (
              <Button variant="subtle" size="sm" onClick={() => update({ status: null, type: null })}>
                Clear filters
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {filtered ? `${shown.length} of ${plural(all.length, "recommendation")}` : plural(all.length, "recommendation")}, largest monthly saving first
          </Text>
          {shown.length === 0 ? (
            <EmptyState
              title="No recommendation matches the filters"
              action={
                <Button variant="light" onClick={() => update({ status: null, type: null })}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <Accordion multiple variant="separated" order={3} chevronPosition="right">
              {shown.map((r) => (
                <Accordion.Item key={r.id} value={r.id}>
                  <Accordion.Control>
                    <RecommendationSummary rec={r} currency={report.currency} />
                  </Accordion.Control>
                  <Accordion.Panel>
                    <RecommendationDetails rec={r} currency={report.currency} days={days} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </>
      )}
    </Section>
  );
}

/** One line of the list: type, title, systems, saving, confidence and status. Spans only: it sits inside a button. */
function RecommendationSummary({ rec, currency }: { rec: Recommendation; currency: string }) {
  const who = rec.systems.length > 0 ? rec.systems.map((s) => s.name).join(", ") : rec.scope;
  return (
    <Box component="span" style={{ display: "flex", flexWrap: "wrap", gap: "var(--mantine-spacing-xs) var(--mantine-spacing-md)", alignItems: "flex-start" }}>
      <Box component="span" style={{ display: "flex", flexDirection: "column", gap: 4, flex: "1 1 320px", minWidth: 0 }}>
        <Box component="span" style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
          <Badge component="span" variant="light" color={(TYPE_COLORS as Record<string, string>)[rec.type] ?? "gray.8"} size="sm">
            {labelOf(TYPE_LABELS, rec.type)}
          </Badge>
          <StatusBadge status={rec.status} />
        </Box>
        <Text span fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
          {rec.title}
        </Text>
        {who && (
          <Text span size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {rec.systems.length > 1 ? "Systems" : rec.systems.length === 1 ? "System" : "Scope"}: {who}
          </Text>
        )}
      </Box>
      <Box component="span" style={{ display: "flex", flexDirection: "column", gap: 2, alignItems: "flex-end", flex: "0 0 auto", marginLeft: "auto" }}>
        <Text span fw={700} size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatMicros(rec.monthlySavingMicros, currency)} per month
        </Text>
        <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {formatMicros(rec.annualSavingMicros, currency)} per year
        </Text>
        <Badge component="span" variant="light" color={CONFIDENCE_COLORS[rec.confidence] ?? "gray.8"} size="sm">
          {labelOf(CONFIDENCE_LABELS, rec.confidence)}
        </Badge>
      </Box>
    </Box>
  );
}
