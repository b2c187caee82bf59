import { type Risk, riskRating } from "@caio/core";
import { Badge, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { plural } from "../../lib/format";
import { bandTexts, LEVELS, LIKELIHOOD_LABELS, RATING_CELL_COLORS, RATING_COLORS, SEVERITY_LABELS } from "./risk-fields";

export interface Cell {
  likelihood: number;
  severity: number;
}

interface Props {
  /** The risks to place (the register without closed risks). */
  risks: Risk[];
  selected: Cell | null;
  onSelect: (cell: Cell | null) => void;
}

/**
 * The 5 × 5 heat map: likelihood (rows, most likely on top) by severity (columns), each cell
 * coloured by the rating band of its score and holding the number of risks there. A cell with
 * risks is a button that narrows the register to them.
 */
export function RiskHeatMap({ risks, selected, onSelect }: Props) {
  const count = (l: number, s: number) => risks.filter((r) => r.likelihood === l && r.severity === s).length;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560} type="native">
        <Table withTableBorder withColumnBorders layout="fixed" aria-describedby="risk-heat-map-help">
          <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
            <VisuallyHidden>Risk heat map: number of risks by likelihood and severity</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={150}>
                <Text size="xs" c="dimmed" fw={600}>
                  Likelihood ↓ · Severity →
                </Text>
              </Table.Th>
              {LEVELS.map((s) => (
                <Table.Th key={s} scope="col" ta="center">
                  <Text size="sm" fw={600}>
                    {s}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {SEVERITY_LABELS[s]}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...LEVELS].reverse().map((l) => (
              <Table.Tr key={l}>
                <Table.Th scope="row">
                  <Text size="sm" fw={600} span>
                    {l}
                  </Text>{" "}
                  <Text size="xs" c="dimmed" span>
                    {LIKELIHOOD_LABELS[l]}
                  </Text>
                </Table.Th>
                {LEVELS.map((s) => {
                  const n = count(l, s);
                  const rating = riskRating(l * s);
                  const isSelected = selected?.likelihood === l && selected.severity === s;
                  const label = `${plural(n, "risk")} with likelihood ${l} and severity ${s} (score ${l * s}, ${rating})`;
                  return (
                    <Table.Td
                      key={s}
                      ta="center"
                      p={0}
                      data-likelihood={l}
                      data-severity={s}
                      style={{
                        background: RATING_CELL_COLORS[rating],
                        outline: isSelected ? "3px solid var(--mantine-color-indigo-7)" : undefined,
                        outlineOffset: -3,
                      }}
                    >
                      {n > 0 ? (
                        <UnstyledButton
                          w="100%"
                          py="sm"
                          onClick={() => onSelect(isSelected ? null : { likelihood: l, severity: s })}
                          aria-pressed={isSelected}
                          aria-label={`${label}: ${isSelected ? "show all risks" : "show only these"}`}
                          style={{ display: "block", textAlign: "center" }}
                        >
                          <Text fw={700} fz="lg" c="gray.9" span>
                            {n}
                          </Text>
                        </UnstyledButton>
                      ) : (
                        <Text py="sm" c="gray.7" fz="sm" title={label}>
                          0
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs" id="risk-heat-map-help">
        <Text size="xs" c="dimmed">
          Score = likelihood × severity. Bands:
        </Text>
        {bandTexts.map((b) => (
          <Badge key={b.rating} color={RATING_COLORS[b.rating]} variant="filled" autoContrast size="sm">
            {b.text}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          Closed risks are not shown. Select a cell to list its risks.
        </Text>
      </Group>
    </Stack>
  );
}
