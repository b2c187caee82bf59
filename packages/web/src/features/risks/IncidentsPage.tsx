import type { Incident } from "@caio/core";
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { IconInfoCircle, IconPencil, IconPlus, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { formatDate, formatDateTime, plural } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { Countdown } from "./Countdown";
import { IncidentFormModal } from "./IncidentFormModal";
import { INCIDENT_STATUS_COLORS, INCIDENT_STATUS_LABELS, SEVERITY_VALUE_COLORS, SEVERITY_VALUE_LABELS } from "./incident-fields";
import { ReportIncidentModal } from "./ReportIncidentModal";
import { useIncidents } from "./risks-api";

/**
 * `/o/:org/incidents`: incidents with their AI Act Art 73 reporting clocks. Incidents not closed
 * come first, each with a live countdown to its deadline; closed ones follow for the record.
 * Editors record, change and mark incidents reported.
 */
export function IncidentsPage() {
  const { org, canEdit } = useOrg();
  const incidents = useIncidents(org.slug);
  const [editing, setEditing] = useState<Incident | "new" | null>(null);
  const [reporting, setReporting] = useState<Incident | null>(null);

  return (
    <>
      <PageHeader
        title="Incidents"
        description="Serious incidents must be reported to the market-surveillance authority within a number of days of becoming aware that depends on their severity (AI Act Art 73); an incomplete first report is allowed. Each incident shows its deadline counting down."
        actions={
          canEdit && (
            <Button onClick={() => setEditing("new")} leftSection={<IconPlus size={16} aria-hidden />}>
              Record incident
            </Button>
          )
        }
      />
      <QueryState query={incidents} label="Loading incidents">
        {(data) => {
          const active = data.items.filter((i) => i.status !== "closed");
          const closed = data.items.filter((i) => i.status === "closed");
          return (
            <Stack gap="lg">
              <Section
                title="Open incidents"
                description={active.length ? `${plural(active.length, "incident")} not closed, earliest awareness first.` : undefined}
              >
                {active.length === 0 ? (
                  <EmptyState title="No open incidents">
                    Record an incident as soon as the organization becomes aware of it: the clock starts that day.
                  </EmptyState>
                ) : (
                  <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                    {active.map((i) => (
                      <IncidentCard key={i.id} incident={i} onEdit={() => setEditing(i)} onReport={() => setReporting(i)} />
                    ))}
                  </SimpleGrid>
                )}
              </Section>
              <Section title="Closed incidents" description="Kept for the record; incidents are never deleted.">
                {closed.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No closed incidents.
                  </Text>
                ) : (
                  <ClosedTable incidents={closed} onEdit={setEditing} />
                )}
              </Section>
            </Stack>
          );
        }}
      </QueryState>
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" mt="md">
          Your role in {org.name} can read incidents. Editors and admins record them and mark them reported.
        </Alert>
      )}
      {canEdit && (
        <>
          <IncidentFormModal org={org.slug} incident={editing} onClose={() => setEditing(null)} />
          <ReportIncidentModal org={org.slug} incident={reporting} onClose={() => setReporting(null)} />
        </>
      )}
    </>
  );
}

function SystemLink({ incident: i }: { incident: Incident }) {
  const { org } = useOrg();
  if (!i.systemId || !i.systemName) return <Text size="sm">—</Text>;
  return (
    <Anchor component={Link} to={`/o/${org.slug}/systems/${i.systemId}`} size="sm">
      {i.systemName}
    </Anchor>
  );
}

function IncidentCard({ incident: i, onEdit, onReport }: { incident: Incident; onEdit: () => void; onReport: () => void }) {
  const { canEdit } = useOrg();
  const titleId = useId();
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder radius="md" p="md" style={{ minWidth: 0 }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} fz="md" id={titleId} style={{ overflowWrap: "anywhere" }}>
            {i.title}
          </Title>
          <Badge component="span" variant="light" color={INCIDENT_STATUS_COLORS[i.status]} size="sm" style={{ flexShrink: 0 }}>
            {INCIDENT_STATUS_LABELS[i.status]}
          </Badge>
        </Group>
        <Countdown incident={i} />
        <Group gap="xs">
          <Badge component="span" variant="filled" color={SEVERITY_VALUE_COLORS[i.severity]} size="sm">
            {SEVERITY_VALUE_LABELS[i.severity]}
          </Badge>
        </Group>
        <Table variant="vertical" withTableBorder={false} layout="fixed" fz="sm">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120}>System</Table.Th>
              <Table.Td>
                <SystemLink incident={i} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Aware on</Table.Th>
              <Table.Td>{formatDate(i.awareOn)}</Table.Td>
            </Table.Tr>
            {i.occurredAt && (
              <Table.Tr>
                <Table.Th>Occurred</Table.Th>
                <Table.Td>{formatDateTime(i.occurredAt)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {i.description && (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {i.description}
          </Text>
        )}
        {i.notes && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
            {i.notes}
          </Text>
        )}
        {canEdit && (
          <Group gap="xs">
            {i.status === "open" && (
              <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} onClick={onReport}>
                Mark reported
                <VisuallyHidden>{`: ${i.title}`}</VisuallyHidden>
              </Button>
            )}
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
              Edit
              <VisuallyHidden>{` incident ${i.title}`}</VisuallyHidden>
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ClosedTable({ incidents, onEdit }: { incidents: Incident[]; onEdit: (i: Incident) => void }) {
  const { canEdit } = useOrg();
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table striped verticalSpacing="sm">
          <Table.Caption>
            <VisuallyHidden>Closed incidents</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Incident</Table.Th>
              <Table.Th scope="col">Severity</Table.Th>
              <Table.Th scope="col">System</Table.Th>
              <Table.Th scope="col">Aware on</Table.Th>
              <Table.Th scope="col">Reporting</Table.Th>
              {canEdit && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td style={{ minWidth: 220 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                    {i.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{SEVERITY_VALUE_LABELS[i.severity]}</Text>
                </Table.Td>
                <Table.Td>
                  <SystemLink incident={i} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(i.awareOn)}</Table.Td>
                <Table.Td>
                  <ClosedClock incident={i} />
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(i)}>
                      Edit
                      <VisuallyHidden>{` incident ${i.title}`}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ClosedClock({ incident: i }: { incident: Incident }) {
  const d = i.deadline;
  if (!d) return <Text size="sm">No reporting clock</Text>;
  if (i.state === "reported-on-time")
    return (
      <Text size="sm" c="teal.9">
        Reported {formatDate(i.reportedOn)}, on time (due {formatDate(d.dueDate)})
      </Text>
    );
  if (i.state === "reported-late")
    return (
      <Text size="sm" c="red.9">
        Reported {formatDate(i.reportedOn)}, late (due {formatDate(d.dueDate)})
      </Text>
    );
  return (
    <Text size="sm" c="red.9">
      Not reported (due {formatDate(d.dueDate)})
    </Text>
  );
}
