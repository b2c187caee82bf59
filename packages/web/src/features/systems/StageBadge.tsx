import type { Stage } from "@caio/core";
import { Badge } from "@mantine/core";
import { STAGE_COLORS, STAGE_LABELS } from "../../lib/labels";

export function StageBadge({ stage, size = "sm" }: { stage: Stage; size?: "sm" | "md" | "lg" }) {
  return (
    <Badge color={STAGE_COLORS[stage]} variant={stage === "production" ? "filled" : "light"} size={size}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}
