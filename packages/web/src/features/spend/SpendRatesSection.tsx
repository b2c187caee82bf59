import type { SpendRate } from "@caio/core";
import { Code, Paper, Table, Text, VisuallyHidden } from "@mantine/core";
import { formatDateTime, formatDay, formatMoney } from "../../lib/format";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { useSpendRates } from "./spend-api";

const PRICE_LABELS: Record<string, string> = {
  inputMtok: "input",
  cacheReadMtok: "cache read",
  cacheWrite5mMtok: "cache write (5 min)",
  cacheWrite1hMtok: "cache write (1 h)",
  outputMtok: "output",
  webSearchesKcount: "web searches",
  requestsKcount: "requests",
};

/** "0.85 × list price", or "input $2.50, output $12.00 per million tokens". */
export function rateText(rate: SpendRate, currency: string): string {
  if (rate.multiplier) return `${rate.multiplier} × list price`;
  const prices = Object.entries(rate.prices ?? {}).filter(([, v]) => v);
  return prices
    .map(([k, v]) => `${PRICE_LABELS[k] ?? k} ${formatMoney(v as string, currency)} per ${k.endsWith("Kcount") ? "thousand" : "million tokens"}`)
    .join("; ");
}

/** Negotiated rates, read-only: usage without a billed cost is priced with them instead of list prices. */
export function SpendRatesSection({ currency }: { currency: string }) {
  const { org } = useOrg();
  const rates = useSpendRates(org.slug);
  return (
    <Section
      title="Negotiated rates"
      description="Usage that arrives without a billed cost is priced at list prices, or at the rates negotiated with a provider. Changing a rate reprices the stored usage."
    >
      <QueryState query={rates} label="Loading negotiated rates">
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">
              No negotiated rates: list prices apply. Admins set one with <Code>npx caio rates set openai --multiplier 0.85</Code>.
            </Text>
          ) : (
            <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
              <Table.ScrollContainer minWidth={640} type="native">
                <Table striped verticalSpacing="sm">
                  <Table.Caption>
                    <VisuallyHidden>Negotiated rates</VisuallyHidden>
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Provider</Table.Th>
                      <Table.Th scope="col">Model</Table.Th>
                      <Table.Th scope="col">Rate</Table.Th>
                      <Table.Th scope="col">Note</Table.Th>
                      <Table.Th scope="col">Updated</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td fw={600}>{r.provider}</Table.Td>
                        <Table.Td>
                          {r.model ?? (
                            <Text span size="sm" c="dimmed">
                              All models
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ minWidth: 200 }}>{rateText(r, currency)}</Table.Td>
                        <Table.Td style={{ overflowWrap: "anywhere" }}>
                          {r.note || (
                            <Text span size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          <time dateTime={r.updatedAt} title={formatDateTime(r.updatedAt)}>
                            {formatDay(r.updatedAt)}
                          </time>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )
        }
      </QueryState>
    </Section>
  );
}
