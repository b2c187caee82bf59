import { Badge, Group, Text } from "@mantine/core";
import { daysUntil, formatDate } from "../../lib/format";

/** A renewal notice date, flagged when it is close (60 days) or has passed. */
export function RenewalDate({ date }: { date: string | null }) {
  if (!date)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  const days = daysUntil(date);
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
        {formatDate(date)}
      </Text>
      {days < 0 ? (
        <Badge color="gray" variant="light" size="xs">
          passed
        </Badge>
      ) : days <= 60 ? (
        <Badge color={days <= 14 ? "red" : "orange"} variant="light" size="xs" style={{ whiteSpace: "nowrap" }}>
          {days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`}
        </Badge>
      ) : null}
    </Group>
  );
}
