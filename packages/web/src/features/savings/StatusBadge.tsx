import type { RecommendationStatus } from "@caio/core";
import { Badge } from "@mantine/core";
import { labelOf } from "../../lib/labels";
import { STATUS_COLORS, STATUS_LABELS } from "./savings-fields";

/** A recommendation's status; a span, so it may sit inside the list's buttons. */
export function StatusBadge({ status }: { status: RecommendationStatus }) {
  return (
    <Badge component="span" variant="light" color={STATUS_COLORS[status] ?? "gray.8"} size="sm">
      {labelOf(STATUS_LABELS, status)}
    </Badge>
  );
}
