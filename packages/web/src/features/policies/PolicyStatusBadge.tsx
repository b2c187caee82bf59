import type { PolicyStatus } from "@caio/core";
import { Badge } from "@mantine/core";
import { POLICY_STATUS_COLORS, POLICY_STATUS_LABELS } from "./policy-fields";

/** A policy version's status; a span, so it may sit inside links and buttons. */
export function PolicyStatusBadge({ status }: { status: PolicyStatus }) {
  return (
    <Badge component="span" variant="light" color={POLICY_STATUS_COLORS[status]} size="sm">
      {POLICY_STATUS_LABELS[status]}
    </Badge>
  );
}
