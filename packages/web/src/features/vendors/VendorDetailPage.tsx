import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { useHistory } from "../../api/history-api";
import { formatDate, formatDateTime, formatMoney, formatRelative, plural } from "../../lib/format";
import { COMPONENT_KIND_LABELS, HOSTING_LABELS, labelOf } from "../../lib/labels";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { DetailList } from "../../shared/DetailList";
import { HistoryList } from "../../shared/HistoryList";
import { PageHeader } from "../../shared/PageHeader";
import { PageQueryState } from "../../shared/PageQueryState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { TriStateBadge, YesNo } from "../../shared/YesNo";
import { useComponents } from "../components/components-api";
import { useOrg } from "../layout/org-context";
import { RenewalDate } from "./RenewalDate";
import { VENDOR_FIELD_LABELS } from "./vendor-fields";
import { useDeleteVendor, useVendor } from "./vendors-api";

export function VendorDetailPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const vendor = useVendor(org.slug, id);
  const components = useComponents(org.slug, { vendorId: id, limit: 500 }, vendor.isSuccess);
  const history = useHistory(org.slug, "vendors", id);
  const del = useDeleteVendor(org.slug);
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const listPath = `/o/${org.slug}/vendors`;

  return (
    <PageQueryState query={vendor} label="Loading vendor" title="Vendor" back={{ to: listPath, label: "Vendors" }}>
      {(v) => (
        <>
          <PageHeader
            title={v.name}
            back={{ to: listPath, label: "Vendors" }}
            description={
              <>
                Used by {plural(v.systemCount, "AI system")} · last updated{" "}
                <time dateTime={v.updatedAt} title={formatDateTime(v.updatedAt)}>
                  {formatRelative(v.updatedAt)}
                </time>
              </>
            }
            actions={
              canEdit && (
                <>
                  <Button component={Link} to={`${listPath}/${v.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
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
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Section title="Contract">
                <DetailList
                  items={[
                    { label: "Start", value: formatDate(v.contract.start) },
                    { label: "End", value: formatDate(v.contract.end) },
                    {
                      label: "Renewal notice date",
                      value: v.contract.renewalNoticeDate ? <RenewalDate date={v.contract.renewalNoticeDate} /> : null,
                    },
                    { label: "Commitment", value: formatMoney(v.contract.commitmentAmount, v.contract.commitmentCurrency) },
                  ]}
                />
              </Section>
              <Section title="Data-use terms">
                <DetailList
                  items={[
                    { label: "Trains on your data", value: <TriStateBadge value={v.dataTerms.trainsOnCustomerData} /> },
                    {
                      label: "Retention",
                      value:
                        v.dataTerms.retentionDays === null
                          ? "Unknown"
                          : v.dataTerms.retentionDays === 0
                            ? "Not retained"
                            : plural(v.dataTerms.retentionDays, "day"),
                    },
                    { label: "DPA signed", value: <YesNo value={v.dataTerms.dpaSigned} yesColor="green" noColor="orange" /> },
                    { label: "Data region", value: v.dataTerms.dataRegion },
                  ]}
                />
              </Section>
            </SimpleGrid>

            <Section title="About">
              <DetailList
                items={[
                  {
                    label: "Services",
                    value: v.services.length ? (
                      <Group gap={6}>
                        {v.services.map((s) => (
                          <Badge key={s} variant="light" color="gray" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    ) : null,
                  },
                  {
                    label: "Website",
                    value: v.website ? (
                      <Anchor href={v.website} target="_blank" rel="noopener noreferrer" size="sm">
                        {v.website}
                      </Anchor>
                    ) : null,
                  },
                  {
                    label: "Notes",
                    value: v.notes ? (
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                        {v.notes}
                      </Text>
                    ) : null,
                    wide: true,
                  },
                ]}
              />
            </Section>

            <Section title="Components from this vendor">
              <QueryState query={components} label="Loading components">
                {(data) =>
                  data.items.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No components are linked to this vendor.
                    </Text>
                  ) : (
                    <Table.ScrollContainer minWidth={560} type="native">
                      <Table verticalSpacing="xs" aria-label="Components from this vendor">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>Component</Table.Th>
                            <Table.Th>Kind</Table.Th>
                            <Table.Th>Hosting</Table.Th>
                            <Table.Th ta="right">Systems</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {data.items.map((c) => (
                            <Table.Tr key={c.id}>
                              <Table.Td>
                                <Anchor component={Link} to={`/o/${org.slug}/components/${c.id}`} size="sm" fw={500}>
                                  {c.name}
                                </Anchor>
                              </Table.Td>
                              <Table.Td>{labelOf(COMPONENT_KIND_LABELS, c.kind)}</Table.Td>
                              <Table.Td>{labelOf(HOSTING_LABELS, c.hosting)}</Table.Td>
                              <Table.Td ta="right">{c.systemIds.length}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  )
                }
              </QueryState>
            </Section>

            <Section title="History" description={`Created ${formatDateTime(v.createdAt)}. Every change is kept.`}>
              <QueryState query={history} label="Loading history">
                {(h) => <HistoryList versions={h.items} labels={VENDOR_FIELD_LABELS} />}
              </QueryState>
            </Section>
          </Stack>

          <ConfirmDeleteModal
            opened={confirming}
            onClose={confirm.close}
            onConfirm={() =>
              del.mutate(v.id, {
                onSuccess: () => {
                  confirm.close();
                  notifications.show({ color: "green", message: `Vendor “${v.name}” deleted.` });
                  navigate(listPath);
                },
              })
            }
            title="Delete this vendor?"
            confirmLabel="Delete vendor"
            pending={del.isPending}
            error={del.error}
          >
            “{v.name}” will be removed from your vendors. The deletion is recorded in the audit log and its history is kept.
          </ConfirmDeleteModal>
        </>
      )}
    </PageQueryState>
  );
}
