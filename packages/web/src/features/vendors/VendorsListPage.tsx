import { Anchor, Badge, Button, CloseButton, Group, Paper, Table, Text, TextInput } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { Link, useSearchParams } from "react-router";
import { formatDate, formatMoney, plural } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { TriStateBadge, YesNo } from "../../shared/YesNo";
import { useOrg } from "../layout/org-context";
import { RenewalDate } from "./RenewalDate";
import { useVendors } from "./vendors-api";

export function VendorsListPage() {
  const { org, canEdit } = useOrg();
  const vendors = useVendors(org.slug);
  const [sp, setSp] = useSearchParams();
  const q = sp.get("q") ?? "";
  const setQ = (v: string) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set("q", v);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="Vendors"
        description="Suppliers of AI models and services: contracts, renewal dates and what they may do with your data."
        actions={
          canEdit && (
            <Button component={Link} to={`/o/${org.slug}/vendors/new`} leftSection={<IconPlus size={16} aria-hidden />}>
              New vendor
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label="Filter vendors">
        <TextInput
          label="Search"
          placeholder="Vendor or service name"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          rightSection={q ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setQ("")} /> : null}
          maw={420}
        />
      </Paper>
      <QueryState query={vendors} label="Loading vendors">
        {(data) => {
          const needle = q.trim().toLowerCase();
          const items = needle
            ? data.items.filter((v) => v.name.toLowerCase().includes(needle) || v.services.some((s) => s.toLowerCase().includes(needle)))
            : data.items;
          if (data.items.length === 0) {
            return (
              <EmptyState
                title="No vendors recorded yet"
                action={
                  canEdit && (
                    <Button component={Link} to={`/o/${org.slug}/vendors/new`} variant="light">
                      Record the first vendor
                    </Button>
                  )
                }
              >
                Record the companies that supply your AI models and services to keep track of contracts and data use.
              </EmptyState>
            );
          }
          if (items.length === 0) {
            return <EmptyState title="No vendors match this search">Try another name.</EmptyState>;
          }
          return (
            <>
              <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                {plural(items.length, "vendor")}
              </Text>
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={900} type="native">
                  <Table striped highlightOnHover verticalSpacing="sm" aria-label="Vendors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Services</Table.Th>
                        <Table.Th>Contract end</Table.Th>
                        <Table.Th>Renewal notice</Table.Th>
                        <Table.Th ta="right">Commitment</Table.Th>
                        <Table.Th>DPA signed</Table.Th>
                        <Table.Th>Trains on your data</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((v) => (
                        <Table.Tr key={v.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/o/${org.slug}/vendors/${v.id}`} fw={600} size="sm">
                              {v.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              {v.services.slice(0, 3).map((s) => (
                                <Badge key={s} variant="light" color="gray" size="sm" tt="none">
                                  {s}
                                </Badge>
                              ))}
                              {v.services.length > 3 && (
                                <Text span size="xs" c="dimmed">
                                  +{v.services.length - 3} more
                                </Text>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(v.contract.end) || "—"}</Table.Td>
                          <Table.Td>
                            <RenewalDate date={v.contract.renewalNoticeDate} />
                          </Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                            {formatMoney(v.contract.commitmentAmount, v.contract.commitmentCurrency) || "—"}
                          </Table.Td>
                          <Table.Td>
                            <YesNo value={v.dataTerms.dpaSigned} yesColor="green" noColor="orange" />
                          </Table.Td>
                          <Table.Td>
                            <TriStateBadge value={v.dataTerms.trainsOnCustomerData} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
