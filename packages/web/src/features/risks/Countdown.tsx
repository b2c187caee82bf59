import { type Incident, incidentClock } from "@caio/core";
import { Badge, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatDate } from "../../lib/format";
import { CLOCK_STATE_LABELS, DEEP_ORANGE, utcToday } from "./incident-fields";

/** The current time, updated every `ms` milliseconds. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** "3 d 04 h 12 min 09 s": the time until an instant. */
function remaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${Math.floor(s / 86_400)} d ${pad(Math.floor((s % 86_400) / 3600))} h ${pad(Math.floor((s % 3600) / 60))} min ${pad(s % 60)} s`;
}

/** The headline of where an incident stands, counted on `today` (UTC): "4 days left", "Overdue by 2 days". */
export function countdownText(i: Incident, today: string): string {
  const { daysLeft, state } = incidentClock(i.deadline, i.reportedOn, today);
  switch (state) {
    case "due":
      return daysLeft === 0 ? "Last day today" : `${days(daysLeft ?? 0)} left`;
    case "overdue":
      return `Overdue by ${days(-(daysLeft ?? 0))}`;
    default:
      return CLOCK_STATE_LABELS[state];
  }
}

/**
 * The Art 73 reporting deadline of an incident, counting down live: days left to the due date,
 * and the time left until the end of that day (UTC). Reported incidents show whether the report
 * was in time; "not serious" ones have no clock.
 */
export function Countdown({ incident: i }: { incident: Incident }) {
  const now = useNow(1000);
  const today = utcToday(now);
  const { state } = incidentClock(i.deadline, i.reportedOn, today);
  const d = i.deadline;
  const color = state === "overdue" || state === "reported-late" ? "red.9" : state === "due" ? DEEP_ORANGE : state === "reported-on-time" ? "teal.9" : "gray.7";
  return (
    <Stack gap={2}>
      <Text fw={700} fz="lg" c={color} data-testid="countdown-days">
        {countdownText(i, today)}
      </Text>
      {d && (
        <Text size="sm">
          {i.reportedOn ? `Reported ${formatDate(i.reportedOn)}; due ` : "Report by the end of "}
          <Text span fw={600}>
            {formatDate(d.dueDate)}
          </Text>{" "}
          <Badge component="span" variant="light" color="gray" size="xs">
            {d.days} days · {d.cite[0]}
          </Badge>
        </Text>
      )}
      {d && state === "due" && (
        <Text size="xs" c="dimmed" role="timer" aria-label={`Time left until the end of ${formatDate(d.dueDate)} (UTC)`}>
          {remaining(Date.parse(`${d.dueDate}T00:00:00Z`) + 86_400_000 - now.getTime())} left (UTC)
        </Text>
      )}
      {!d && (
        <Text size="xs" c="dimmed">
          Not a serious incident: no report to an authority is due.
        </Text>
      )}
    </Stack>
  );
}
