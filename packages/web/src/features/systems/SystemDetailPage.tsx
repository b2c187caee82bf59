import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { useHistory } from "../../api/history-api";
import { formatDateTime, formatRelative } from "../../lib/format";
import { AFFECTED_LABELS, COMPONENT_KIND_LABELS, DECISION_LABELS, labelOf } from "../../lib/labels";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { DetailList } from "../../shared/DetailList";
import { HistoryList } from "../../shared/HistoryList";
import { PageHeader } from "../../shared/PageHeader";
import { PageQueryState } from "../../shared/PageQueryState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { ClassificationSection } from "../governance/ClassificationSection";
import { useOrg } from "../layout/org-context";
import { StageBadge } from "./StageBadge";
import { euNexusText, personalDataText, SYSTEM_FIELD_LABELS, systemValueLabel } from "./system-fields";
import { useDeleteSystem, useSystem } from "./systems-api";

function TextBlock({ text }: { text: string }) {
  return text ? (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      {text}
    </Text>
  ) : null;
}

function BadgeList({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap={6}>
      {items.map((t) => (
        <Badge key={t} variant="light" color="gray" size="sm" tt="none">
          {t}
        </Badge>
      ))}
    </Group>
  );
}

export function SystemDetailPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const system = useSystem(org.slug, id);
  const history = useHistory(org.slug, "systems", id);
  const del = useDeleteSystem(org.slug);
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const listPath = `/o/${org.slug}/systems`;
  const base = `/o/${org.slug}`;

  const onDelete = () => {
    del.mutate(id, {
      onSuccess: () => {
        confirm.close();
        notifications.show({ color: "green", message: `“${system.data?.name ?? "System"}” deleted.` });
        navigate(listPath);
      },
    });
  };

  return (
    <PageQueryState query={system} label="Loading system" title="AI system" back={{ to: listPath, label: "Inventory" }}>
      {(s) => (
        <>
          <PageHeader
            title={s.name}
            back={{ to: listPath, label: "Inventory" }}
            badges={<StageBadge stage={s.stage} size="lg" />}
            actions={
              canEdit && (
                <>
                  <Button component={Link} to={`${listPath}/${s.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />} variant="default">
                    Edit
                  </Button>
                  <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
                    Delete
                  </Button>
                </>
              )
            }
            description={
              <>
                Last updated{" "}
                <time dateTime={s.updatedAt} title={formatDateTime(s.updatedAt)}>
                  {formatRelative(s.updatedAt)}
                </time>{" "}
                · version {s.version}
              </>
            }
          />
          <Stack gap="lg">
            <Section title="About">
              <DetailList
                items={[
                  { label: "Purpose", value: <TextBlock text={s.purpose} />, wide: true },
                  { label: "Department", value: s.department },
                  { label: "Business owner", value: s.businessOwner },
                  { label: "Technical owner", value: s.technicalOwner },
                  { label: "Tags", value: s.tags.length ? <BadgeList items={s.tags} /> : null },
                  { label: "Notes", value: <TextBlock text={s.notes} />, wide: true },
                ]}
              />
            </Section>

            <Section title="Impact on people">
              <DetailList
                items={[
                  { label: "Customer-facing", value: s.customerFacing ? "Yes" : "No" },
                  { label: "Decides about people", value: labelOf(DECISION_LABELS, s.decisionsAffectingPeople) },
                  { label: "People affected", value: labelOf(AFFECTED_LABELS, s.affectedPeople) },
                  {
                    label: "Personal data",
                    value: s.personalData.length ? <BadgeList items={personalDataText(s.personalData)} /> : "Not assessed yet",
                  },
                  {
                    label: "EU connection",
                    value: s.euNexus.length ? <BadgeList items={euNexusText(s.euNexus)} /> : "Not assessed yet",
                  },
                ]}
              />
            </Section>

            <ClassificationSection systemId={s.id} />

            <Section title="Components" description="What this system is built from, and who supplies it.">
              {s.components.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No components linked yet.{canEdit ? " Link them from the Edit page." : ""}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={560} type="native">
                  <Table verticalSpacing="xs" aria-label="Linked components">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Component</Table.Th>
                        <Table.Th>Kind</Table.Th>
                        <Table.Th>Provider</Table.Th>
                        <Table.Th>Vendor</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {s.components.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`${base}/components/${c.id}`} size="sm" fw={500}>
                              {c.name}
                            </Anchor>
                            {c.identifier && (
                              <Text size="xs" c="dimmed" ff="monospace">
                                {c.identifier}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{labelOf(COMPONENT_KIND_LABELS, c.kind)}</Table.Td>
                          <Table.Td>{c.provider || "—"}</Table.Td>
                          <Table.Td>
                            {c.vendorId ? (
                              <Anchor component={Link} to={`${base}/vendors/${c.vendorId}`} size="sm">
                                {c.vendorName ?? "Vendor"}
                              </Anchor>
                            ) : (
                              "—"
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>

            <Section title="History" description={`Created ${formatDateTime(s.createdAt)}. Every change is kept.`}>
              <QueryState query={history} label="Loading history">
                {(h) => <HistoryList versions={h.items} labels={SYSTEM_FIELD_LABELS} valueLabel={systemValueLabel} />}
              </QueryState>
            </Section>
          </Stack>

          <ConfirmDeleteModal
            opened={confirming}
            onClose={confirm.close}
            onConfirm={onDelete}
            title="Delete this system?"
            confirmLabel="Delete system"
            pending={del.isPending}
            error={del.error}
          >
            “{s.name}” will be removed from the inventory. The deletion is recorded in the audit log and its history is kept.
          </ConfirmDeleteModal>
        </>
      )}
    </PageQueryState>
  );
}
