import type { RepositorySummary } from "@caio/core";
import { Anchor, Badge, Paper, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime, formatRelative } from "../../lib/format";
import type { FocusFindingsState } from "./discovery-fields";

/** Path of one repository's findings; the name may hold any character, so it is encoded. */
export function repositoryPath(org: string, name: string | undefined): string {
  return `/o/${org}/discovery${name ? `/${encodeURIComponent(name)}` : ""}`;
}

/** A count that needs attention stands out when it is not zero (the column header says what it counts). */
function Count({ n, color }: { n: number; color: string }) {
  if (n === 0) return <>0</>;
  return (
    <Badge color={color} variant="light" size="sm">
      {n.toLocaleString("en-US")}
    </Badge>
  );
}

/** The scanned repositories with their counts of open findings; the name opens the repository's findings. */
export function RepositoriesTable({ org, repositories, selected }: { org: string; repositories: RepositorySummary[]; selected: string | undefined }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table striped highlightOnHover verticalSpacing="sm" aria-label="Scanned repositories">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Repository</Table.Th>
              <Table.Th>Last scan</Table.Th>
              <Table.Th ta="right">Files</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
              <Table.Th ta="right">Runtime</Table.Th>
              <Table.Th ta="right">Shadow AI</Table.Th>
              <Table.Th ta="right">Secrets</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {repositories.map((r) => {
              const current = r.name === selected;
              return (
                <Table.Tr key={r.id} bg={current ? "indigo.0" : undefined}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={repositoryPath(org, r.name)}
                      state={{ focusFindings: true } satisfies FocusFindingsState}
                      fw={600}
                      size="sm"
                      // Darker on the selected row's tint, for AA contrast.
                      c={current ? "indigo.9" : undefined}
                      aria-current={current ? "page" : undefined}
                      style={{ overflowWrap: "anywhere" }}
                    >
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {r.lastScanAt ? (
                      <time dateTime={r.lastScanAt} title={formatDateTime(r.lastScanAt)}>
                        {formatRelative(r.lastScanAt)}
                      </time>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        Never
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{r.filesScanned.toLocaleString("en-US")}</Table.Td>
                  <Table.Td ta="right">{r.openFindings.toLocaleString("en-US")}</Table.Td>
                  <Table.Td ta="right">{r.runtimeFindings.toLocaleString("en-US")}</Table.Td>
                  <Table.Td ta="right">
                    <Count n={r.shadowFindings} color="red" />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Count n={r.secrets} color="orange" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
