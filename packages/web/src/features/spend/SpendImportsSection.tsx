import { Button, Code, Paper, Table, VisuallyHidden } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { useState } from "react";
import { formatActor, formatDate, formatDateTime, formatMicros, formatRelative, plural } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { useImports } from "./spend-api";

/** The import history, newest first, behind a disclosure button. */
export function SpendImportsSection({ currency }: { currency: string }) {
  const { org } = useOrg();
  const imports = useImports(org.slug);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const items = imports.data?.items ?? [];
  const latest = items[0];

  return (
    <Section
      title="Imports"
      description={
        latest ? (
          <>
            {plural(items.length, "file")} imported; the latest, {latest.fileName}, {formatRelative(latest.importedAt)}. Import more with{" "}
            <Code>npx caio import FILE</Code>.
          </>
        ) : (
          <>
            Every import of usage, newest first. Import with <Code>npx caio import FILE</Code>.
          </>
        )
      }
      actions={
        items.length > 0 && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setOpen((v) => !v)}
            aria-expanded={open}
            aria-controls={panelId}
            leftSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
          >
            {open ? "Hide import history" : "Show import history"}
          </Button>
        )
      }
    >
      <div id={panelId} hidden={items.length > 0 && !open}>
        <QueryState query={imports} label="Loading imports">
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title="Nothing imported yet" />
            ) : (
              open && (
                <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                  <Table.ScrollContainer minWidth={920} type="native">
                    <Table striped verticalSpacing="sm">
                      <Table.Caption>
                        <VisuallyHidden>Import history, newest first</VisuallyHidden>
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Imported</Table.Th>
                          <Table.Th scope="col">File</Table.Th>
                          <Table.Th scope="col">Source</Table.Th>
                          <Table.Th scope="col">Days</Table.Th>
                          <Table.Th scope="col" ta="right">
                            New records
                          </Table.Th>
                          <Table.Th scope="col" ta="right">
                            Duplicates
                          </Table.Th>
                          <Table.Th scope="col" ta="right">
                            Cost
                          </Table.Th>
                          <Table.Th scope="col">By</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items.map((i) => (
                          <Table.Tr key={i.importId}>
                            <Table.Td style={{ whiteSpace: "nowrap" }}>
                              <time dateTime={i.importedAt} title={formatDateTime(i.importedAt)}>
                                {formatRelative(i.importedAt)}
                              </time>
                            </Table.Td>
                            <Table.Td style={{ overflowWrap: "anywhere", minWidth: 160 }}>{i.fileName}</Table.Td>
                            <Table.Td>
                              <Code>{i.source}</Code>
                            </Table.Td>
                            <Table.Td style={{ whiteSpace: "nowrap" }}>
                              {i.dayFrom ? (i.dayFrom === i.dayTo ? formatDate(i.dayFrom) : `${formatDate(i.dayFrom)} – ${formatDate(i.dayTo)}`) : "—"}
                            </Table.Td>
                            <Table.Td ta="right">{i.imported.toLocaleString("en-US")}</Table.Td>
                            <Table.Td ta="right">{i.duplicates.toLocaleString("en-US")}</Table.Td>
                            <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                              {formatMicros(i.costMicros, currency)}
                            </Table.Td>
                            <Table.Td style={{ overflowWrap: "anywhere" }}>{formatActor(i.actor)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Paper>
              )
            )
          }
        </QueryState>
      </div>
    </Section>
  );
}
