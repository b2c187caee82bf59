import { Anchor, Button, List, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { useHistory } from "../../api/history-api";
import { formatDateTime, formatRelative } from "../../lib/format";
import { COMPONENT_KIND_LABELS, HOSTING_LABELS, labelOf } from "../../lib/labels";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { DetailList } from "../../shared/DetailList";
import { HistoryList } from "../../shared/HistoryList";
import { PageHeader } from "../../shared/PageHeader";
import { PageQueryState } from "../../shared/PageQueryState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { useSystems } from "../systems/systems-api";
import { COMPONENT_FIELD_LABELS, componentValueLabel } from "./component-fields";
import { useComponent, useDeleteComponent } from "./components-api";

export function ComponentDetailPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const component = useComponent(org.slug, id);
  const systems = useSystems(org.slug, { limit: 500 });
  const history = useHistory(org.slug, "components", id);
  const del = useDeleteComponent(org.slug);
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const listPath = `/o/${org.slug}/components`;

  return (
    <PageQueryState query={component} label="Loading component" title="Component" back={{ to: listPath, label: "Components" }}>
      {(c) => {
        const names = new Map((systems.data?.items ?? []).map((s) => [s.id, s.name]));
        return (
          <>
            <PageHeader
              title={c.name}
              back={{ to: listPath, label: "Components" }}
              description={
                <>
                  {labelOf(COMPONENT_KIND_LABELS, c.kind)} · last updated{" "}
                  <time dateTime={c.updatedAt} title={formatDateTime(c.updatedAt)}>
                    {formatRelative(c.updatedAt)}
                  </time>
                </>
              }
              actions={
                canEdit && (
                  <>
                    <Button component={Link} to={`${listPath}/${c.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
                      Edit
                    </Button>
                    <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
                      Delete
                    </Button>
                  </>
                )
              }
            />
            <Stack gap="lg">
              <Section title="Details">
                <DetailList
                  items={[
                    { label: "Kind", value: labelOf(COMPONENT_KIND_LABELS, c.kind) },
                    { label: "Provider", value: c.provider },
                    {
                      label: "Identifier",
                      value: c.identifier ? (
                        <Text span size="sm" ff="monospace">
                          {c.identifier}
                        </Text>
                      ) : null,
                    },
                    { label: "Version", value: c.version },
                    { label: "Hosting", value: labelOf(HOSTING_LABELS, c.hosting) },
                    {
                      label: "Vendor",
                      value: c.vendorId ? (
                        <Anchor component={Link} to={`/o/${org.slug}/vendors/${c.vendorId}`} size="sm">
                          {c.vendorName ?? "Vendor"}
                        </Anchor>
                      ) : null,
                    },
                    {
                      label: "Notes",
                      value: c.notes ? (
                        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                          {c.notes}
                        </Text>
                      ) : null,
                      wide: true,
                    },
                  ]}
                />
              </Section>
              <Section title="Used by">
                {c.systemIds.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No AI system uses this component yet.
                  </Text>
                ) : (
                  <List size="sm" spacing={4}>
                    {c.systemIds.map((sid) => (
                      <List.Item key={sid}>
                        <Anchor component={Link} to={`/o/${org.slug}/systems/${sid}`} size="sm">
                          {names.get(sid) ?? (systems.isPending ? "Loading…" : "AI system")}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Section>
              <Section title="History" description={`Created ${formatDateTime(c.createdAt)}. Every change is kept.`}>
                <QueryState query={history} label="Loading history">
                  {(h) => <HistoryList versions={h.items} labels={COMPONENT_FIELD_LABELS} valueLabel={componentValueLabel} />}
                </QueryState>
              </Section>
            </Stack>
            <ConfirmDeleteModal
              opened={confirming}
              onClose={confirm.close}
              onConfirm={() =>
                del.mutate(c.id, {
                  onSuccess: () => {
                    confirm.close();
                    notifications.show({ color: "green", message: `Component “${c.name}” deleted.` });
                    navigate(listPath);
                  },
                })
              }
              title="Delete this component?"
              confirmLabel="Delete component"
              pending={del.isPending}
              error={del.error}
            >
              “{c.name}” will be removed and unlinked from the systems that use it. The deletion is recorded in the audit log.
            </ConfirmDeleteModal>
          </>
        );
      }}
    </PageQueryState>
  );
}
