import type { EntityVersion } from "@caio/core";
import { Badge, Group, List, Stack, Text, Timeline, VisuallyHidden } from "@mantine/core";
import { formatActor, formatDateTime, formatRelative } from "../lib/format";
import { ACTION_COLORS, ACTION_LABELS } from "../lib/labels";

const IGNORED = new Set(["id", "version", "entityVersion", "createdAt", "updatedAt"]);

export interface Change {
  field: string;
  label: string;
  from?: string;
  to?: string;
}

function display(v: unknown, valueLabel?: (field: string, v: string) => string, field = ""): string | undefined {
  if (v === null || v === undefined || v === "") return "empty";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    const s = valueLabel ? valueLabel(field, v) : v;
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  }
  return undefined;
}

/** The fields that differ between two stored snapshots, with before/after values for simple ones. */
export function diffVersions(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  labels: Record<string, string>,
  valueLabel?: (field: string, v: string) => string,
): Change[] {
  if (!before || !after) return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: Change[] = [];
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const from = display(a, valueLabel, field);
    const to = display(b, valueLabel, field);
    out.push({
      field,
      label: labels[field] ?? field,
      ...(from !== undefined && to !== undefined ? { from, to } : {}),
    });
  }
  return out;
}

interface Props {
  versions: EntityVersion[];
  labels: Record<string, string>;
  valueLabel?: (field: string, v: string) => string;
}

/** Who changed what and when, newest first. */
export function HistoryList({ versions, labels, valueLabel }: Props) {
  if (versions.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No history recorded yet.
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} active={versions.length}>
      {versions.map((v, i) => {
        const older = versions[i + 1];
        const changes = v.action === "update" ? diffVersions(older?.data, v.data, labels, valueLabel) : [];
        return (
          <Timeline.Item
            key={`${v.version}-${v.at}`}
            color={ACTION_COLORS[v.action]}
            title={
              <Group gap="xs">
                <Badge color={ACTION_COLORS[v.action]} variant="light" size="sm">
                  {ACTION_LABELS[v.action]}
                </Badge>
                <Text size="sm" fw={500}>
                  Version {v.version}
                </Text>
              </Group>
            }
          >
            <Stack gap={4} mt={4}>
              <Text size="sm" c="dimmed">
                by {formatActor(v.actor) || "unknown"} ·{" "}
                <time dateTime={v.at} title={formatDateTime(v.at)}>
                  {formatRelative(v.at)}
                </time>
              </Text>
              {changes.length > 0 && (
                <List size="sm" spacing={2}>
                  {changes.map((c) => (
                    <List.Item key={c.field}>
                      {c.from !== undefined ? (
                        <>
                          {c.label}: <VisuallyHidden>changed from</VisuallyHidden> <s>{c.from}</s> <span aria-hidden>→</span>{" "}
                          <VisuallyHidden>to</VisuallyHidden> {c.to}
                        </>
                      ) : (
                        <>{c.label} changed</>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
