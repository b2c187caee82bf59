import { PORTFOLIO_RECOMMENDATIONS, type UseCaseView } from "@caio/core";
import { ScatterChart } from "@mantine/charts";
import { List, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { RECOMMENDATION_COLORS, RECOMMENDATION_LABELS } from "./portfolio-fields";

/**
 * Value (y) against feasibility (x), both 1–5, one point per use case, coloured by
 * recommendation. The same points are listed for screen readers.
 */
export function ValueFeasibilityChart({ items }: { items: UseCaseView[] }) {
  const listId = useId();
  const data = PORTFOLIO_RECOMMENDATIONS.map((rec) => ({
    name: RECOMMENDATION_LABELS[rec],
    color: RECOMMENDATION_COLORS[rec],
    data: items
      .filter((i) => i.assessment.recommendation === rec)
      .map((i) => ({ feasibility: i.assessment.scores.feasibility, value: i.assessment.scores.value })),
  })).filter((s) => s.data.length > 0);
  return (
    <figure style={{ margin: 0 }} aria-describedby={listId} data-testid="value-feasibility-chart" data-points={items.length}>
      <ScatterChart
        h={280}
        data={data}
        dataKey={{ x: "feasibility", y: "value" }}
        labels={{ x: "Feasibility", y: "Value" }}
        xAxisLabel="Feasibility (1–5)"
        yAxisLabel="Value (1–5)"
        withLegend
        xAxisProps={{ domain: [0, 5.5], ticks: [1, 2, 3, 4, 5] }}
        yAxisProps={{ domain: [0, 5.5], ticks: [1, 2, 3, 4, 5] }}
        aria-hidden
      />
      <VisuallyHidden id={listId}>
        <Text>Value and feasibility of each use case:</Text>
        <List>
          {items.map((i) => (
            <List.Item key={i.id}>
              {i.name}: value {i.assessment.scores.value}, feasibility {i.assessment.scores.feasibility}, {RECOMMENDATION_LABELS[i.assessment.recommendation]}
            </List.Item>
          ))}
        </List>
      </VisuallyHidden>
    </figure>
  );
}
