import { RISK_STATUSES, type Risk, type RiskStatus } from "@caio/core";
import { Alert, Anchor, Badge, Button, CloseButton, Code, Group, Paper, Select, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { formatDate, plural } from "../../lib/format";
import { options } from "../../lib/labels";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { RatingBadge } from "./RatingBadge";
import { RiskFormModal } from "./RiskFormModal";
import { type Cell, RiskHeatMap } from "./RiskHeatMap";
import { LIKELIHOOD_LABELS, RISK_STATUS_COLORS, RISK_STATUS_LABELS, SEVERITY_LABELS } from "./risk-fields";
import { useDeleteRisk, useRisks } from "./risks-api";

/**
 * `/o/:org/risks`: the risk register. A heat map of likelihood × severity, then every risk by
 * score with its owner, mitigation, status, review date, systems and obligations. Editors add,
 * change and delete risks; every change goes to the audit ledger.
 */
export function RisksPage() {
  const { org, canEdit } = useOrg();
  const risks = useRisks(org.slug);
  const [editing, setEditing] = useState<Risk | "new" | null>(null);

  return (
    <>
      <PageHeader
        title="Risk register"
        description="What could go wrong with the organization's AI systems, how likely and how severe, who owns it and what is done about it. Score = likelihood × severity."
        actions={
          canEdit && (
            <Button onClick={() => setEditing("new")} leftSection={<IconPlus size={16} aria-hidden />}>
              Add risk
            </Button>
          )
        }
      />
      <QueryState query={risks} label="Loading risks">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title="No risks registered yet"
              action={
                canEdit && (
                  <Button variant="light" onClick={() => setEditing("new")}>
                    Add the first risk
                  </Button>
                )
              }
            >
              Start with the systems in production that decide about people or face customers: what could go wrong, how likely, how bad.
            </EmptyState>
          ) : (
            <Register risks={data.items} onEdit={setEditing} />
          )
        }
      </QueryState>
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" mt="md">
          Your role in {org.name} can read the register. Editors and admins add and change risks.
        </Alert>
      )}
      {canEdit && <RiskFormModal org={org.slug} risk={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

const statusFilterOptions = options(RISK_STATUSES, RISK_STATUS_LABELS);

function Register({ risks, onEdit }: { risks: Risk[]; onEdit: (r: Risk) => void }) {
  const { org, canEdit } = useOrg();
  const [cell, setCell] = useState<Cell | null>(null);
  const [status, setStatus] = useState<RiskStatus | null>(null);
  const [target, setTarget] = useState<Risk | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  const remove = useDeleteRisk(org.slug);

  const active = risks.filter((r) => r.status !== "closed");
  const shown = risks.filter(
    (r) => (!cell || (r.likelihood === cell.likelihood && r.severity === cell.severity && r.status !== "closed")) && (!status || r.status === status),
  );

  const openDelete = (r: Risk) => {
    remove.reset();
    setTarget(r);
    confirm.open();
  };
  const onDelete = () => {
    if (!target) return;
    remove.mutate(target.id, {
      onSuccess: () => {
        notifications.show({ color: "green", message: `Risk “${target.title}” deleted. Its history stays in the audit log.` });
        confirm.close();
      },
    });
  };

  return (
    <Stack gap="lg">
      <Section
        title="Heat map"
        description={`${plural(active.length, "risk")} not closed, placed by likelihood (rows) and severity (columns); the colour is the band of the score.`}
      >
        <RiskHeatMap risks={active} selected={cell} onSelect={setCell} />
      </Section>

      <Section
        title="Register"
        description="Highest score first. Review each risk by its review date; closed risks stay here for the record."
        actions={
          <Select
            label="Status"
            placeholder="All statuses"
            data={statusFilterOptions}
            value={status}
            onChange={(v) => setStatus(v as RiskStatus | null)}
            clearable
            w={180}
            size="xs"
          />
        }
      >
        {cell && (
          <Group gap="xs" mb="sm">
            <Badge variant="light" color="indigo" size="lg" rightSection={<CloseButton size="xs" aria-label="Show all risks" onClick={() => setCell(null)} />}>
              Likelihood {cell.likelihood} ({LIKELIHOOD_LABELS[cell.likelihood]}) × severity {cell.severity} ({SEVERITY_LABELS[cell.severity]})
            </Badge>
          </Group>
        )}
        <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
          {shown.length === risks.length ? plural(risks.length, "risk") : `${shown.length} of ${plural(risks.length, "risk")}`}
        </Text>
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={canEdit ? 1040 : 920} type="native">
            <Table striped verticalSpacing="sm">
              <Table.Caption>
                <VisuallyHidden>Risks, highest score first</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Score</Table.Th>
                  <Table.Th scope="col">Risk</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">Mitigation</Table.Th>
                  <Table.Th scope="col">Systems</Table.Th>
                  <Table.Th scope="col">Obligations</Table.Th>
                  <Table.Th scope="col" style={{ whiteSpace: "nowrap" }}>
                    Review
                  </Table.Th>
                  {canEdit && <Table.Th scope="col">Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td title={`Likelihood ${r.likelihood} × severity ${r.severity}`}>
                      <RatingBadge score={r.score} rating={r.rating} />
                      <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: "nowrap" }}>
                        L{r.likelihood} × S{r.severity}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 220, maxWidth: 320 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                        {r.title}
                      </Text>
                      {r.description && (
                        <Text size="xs" c="dimmed" lineClamp={3} style={{ overflowWrap: "anywhere" }}>
                          {r.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge component="span" variant="light" color={RISK_STATUS_COLORS[r.status]} size="sm">
                        {RISK_STATUS_LABELS[r.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 120 }}>
                      <Text size="sm">{r.owner || "—"}</Text>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 200, maxWidth: 300 }}>
                      <Text size="sm" lineClamp={3} style={{ overflowWrap: "anywhere" }}>
                        {r.mitigation || "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 150 }}>
                      <Stack gap={2}>
                        {r.systems.length === 0 && <Text size="sm">—</Text>}
                        {r.systems.map((s) => (
                          <Anchor key={s.id} component={Link} to={`/o/${org.slug}/systems/${s.id}`} size="sm">
                            {s.name}
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 140 }}>
                      <Stack gap={2} align="flex-start">
                        {r.obligationIds.length === 0 && <Text size="sm">—</Text>}
                        {r.obligationIds.map((o) => (
                          <Code key={o} style={{ overflowWrap: "anywhere" }}>
                            {o}
                          </Code>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Text size="sm">{r.reviewDate ? formatDate(r.reviewDate) : "—"}</Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(r)}>
                            Edit
                            <VisuallyHidden>{` risk ${r.title}`}</VisuallyHidden>
                          </Button>
                          <Button size="xs" variant="subtle" color="red.9" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => openDelete(r)}>
                            Delete
                            <VisuallyHidden>{` risk ${r.title}`}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Section>
      {canEdit && (
        <ConfirmDeleteModal
          opened={confirming}
          onClose={confirm.close}
          onConfirm={onDelete}
          title="Delete risk?"
          confirmLabel="Delete risk"
          pending={remove.isPending}
          error={remove.error}
        >
          {target ? `“${target.title}” leaves the register. Its history and audit entries remain; to keep it on record, set its status to Closed instead.` : ""}
        </ConfirmDeleteModal>
      )}
    </Stack>
  );
}
