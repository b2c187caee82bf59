import type { TriState } from "@caio/core";
import { Badge } from "@mantine/core";
import { TRI_STATE_LABELS } from "../lib/labels";

/** "Yes"/"No" as text, never as color alone. */
export function YesNo({ value, yesColor = "blue", noColor = "gray" }: { value: boolean; yesColor?: string; noColor?: string }) {
  return (
    <Badge variant="light" color={value ? yesColor : noColor} size="sm">
      {value ? "Yes" : "No"}
    </Badge>
  );
}

export function TriStateBadge({ value, invert = false }: { value: TriState; invert?: boolean }) {
  const bad = invert ? "green" : "red";
  const good = invert ? "red" : "green";
  const color = value === "yes" ? bad : value === "no" ? good : "gray";
  return (
    <Badge variant="light" color={color} size="sm">
      {TRI_STATE_LABELS[value]}
    </Badge>
  );
}
