import type { RiskRating } from "@caio/core";
import { Badge } from "@mantine/core";
import { RATING_COLORS, RATING_LABELS } from "./risk-fields";

/** A risk's score and band, e.g. "20 · Critical". */
export function RatingBadge({ score, rating }: { score: number; rating: RiskRating }) {
  return (
    <Badge component="span" color={RATING_COLORS[rating]} variant="filled" autoContrast size="md" style={{ whiteSpace: "nowrap" }}>
      {score} · {RATING_LABELS[rating]}
    </Badge>
  );
}
