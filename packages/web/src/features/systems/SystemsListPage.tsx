import { STAGES, type Stage } from "@caio/core";
import { Anchor, Button, CloseButton, Group, Pagination, Paper, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { formatDateTime, formatRelative, plural } from "../../lib/format";
import { stageOptions } from "../../lib/labels";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { SortableTh } from "../../shared/SortableTh";
import { useOrg } from "../layout/org-context";
import { useVendors } from "../vendors/vendors-api";
import { StageBadge } from "./StageBadge";
import { type SystemListParams, type SystemSort, useSystems } from "./systems-api";

const PAGE_SIZE = 50;
const SORTS: SystemSort[] = ["name", "stage", "updatedAt", "department"];
const CUSTOMER_FACING = [
  { value: "", label: "Any" },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** Reads the list's filters from the address bar, so a filtered view can be bookmarked and shared. */
function paramsFromUrl(sp: URLSearchParams): SystemListParams & { page: number } {
  const stage = sp.get("stage");
  const cf = sp.get("customerFacing");
  const sort = sp.get("sort") as SystemSort | null;
  const page = Math.max(1, Number.parseInt(sp.get("page") ?? "1", 10) || 1);
  return {
    q: sp.get("q")?.trim() || undefined,
    stage: stage && (STAGES as readonly string[]).includes(stage) ? (stage as Stage) : undefined,
    vendorId: sp.get("vendor") || undefined,
    customerFacing: cf === "yes" ? "true" : cf === "no" ? "false" : undefined,
    sort: sort && SORTS.includes(sort) ? sort : "name",
    order: sp.get("order") === "desc" ? "desc" : "asc",
    page,
  };
}

export function SystemsListPage() {
  const { org, canEdit } = useOrg();
  const [sp, setSp] = useSearchParams();
  const { page, ...filters } = paramsFromUrl(sp);
  const params: SystemListParams = { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const systems = useSystems(org.slug, params);
  const vendors = useVendors(org.slug);

  const [search, setSearch] = useState(sp.get("q") ?? "");
  const [debounced] = useDebouncedValue(search, 300);

  const update = (changes: Record<string, string | null>, resetPage = true) => {
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === "") next.delete(k);
          else next.set(k, v);
        }
        if (resetPage) next.delete("page");
        return next;
      },
      { replace: true },
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced search text drives the address bar
  useEffect(() => {
    if ((sp.get("q") ?? "") !== debounced.trim()) update({ q: debounced.trim() });
  }, [debounced]);

  const sortBy = (column: SystemSort) => {
    const order = filters.sort === column && filters.order === "asc" ? "desc" : "asc";
    update({ sort: column === "name" && order === "asc" ? null : column, order: order === "asc" ? null : "desc" }, false);
  };

  const filtered = Boolean(filters.q || filters.stage || filters.vendorId || filters.customerFacing);
  const clearFilters = () => {
    setSearch("");
    update({ q: null, stage: null, vendor: null, customerFacing: null });
  };

  const th = (column: SystemSort, label: string) => (
    <SortableTh active={filters.sort === column} order={filters.order ?? "asc"} onSort={() => sortBy(column)}>
      {label}
    </SortableTh>
  );

  return (
    <>
      <PageHeader
        title="AI inventory"
        description="Every AI system your organization builds, buys or uses: what it is for, who owns it and whom it affects."
        actions={
          canEdit && (
            <Button component={Link} to={`/o/${org.slug}/systems/new`} leftSection={<IconPlus size={16} aria-hidden />}>
              New system
            </Button>
          )
        }
      />

      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label="Filter systems">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Name, purpose, owner…"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch("")} /> : null}
            style={{ flex: "2 1 220px" }}
            type="search"
          />
          <Select
            label="Stage"
            data={[{ value: "", label: "All stages" }, ...stageOptions]}
            value={filters.stage ?? ""}
            onChange={(v) => update({ stage: v })}
            allowDeselect={false}
            style={{ flex: "1 1 150px" }}
          />
          <Select
            label="Vendor"
            data={[{ value: "", label: "All vendors" }, ...(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))]}
            value={filters.vendorId ?? ""}
            onChange={(v) => update({ vendor: v })}
            allowDeselect={false}
            searchable
            nothingFoundMessage="No vendor with that name"
            placeholder={vendors.isError ? "Vendors unavailable" : undefined}
            style={{ flex: "1 1 170px" }}
          />
          <Select
            label="Customer-facing"
            data={CUSTOMER_FACING}
            value={sp.get("customerFacing") === "yes" || sp.get("customerFacing") === "no" ? sp.get("customerFacing") : ""}
            onChange={(v) => update({ customerFacing: v })}
            allowDeselect={false}
            style={{ flex: "1 1 130px" }}
          />
          {filtered && (
            <Button variant="subtle" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </Group>
      </Paper>

      <QueryState query={systems} label="Loading systems">
        {(data) =>
          data.items.length === 0 ? (
            filtered ? (
              <EmptyState title="No systems match these filters">Try another search term or clear the filters.</EmptyState>
            ) : (
              <EmptyState
                title="No AI systems recorded yet"
                action={
                  canEdit && (
                    <Button component={Link} to={`/o/${org.slug}/systems/new`} variant="light">
                      Record the first system
                    </Button>
                  )
                }
              >
                The inventory lists every AI system in your organization, from chat assistants to scoring models.
              </EmptyState>
            )
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                {filtered ? `${plural(data.total, "system")} match` : plural(data.total, "system")}
              </Text>
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={860} type="native">
                  <Table striped highlightOnHover verticalSpacing="sm" aria-label="AI systems">
                    <Table.Thead>
                      <Table.Tr>
                        {th("name", "Name")}
                        {th("stage", "Stage")}
                        {th("department", "Department")}
                        <Table.Th>Business owner</Table.Th>
                        <Table.Th>Customer-facing</Table.Th>
                        <Table.Th ta="right">Components</Table.Th>
                        {th("updatedAt", "Updated")}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody style={{ opacity: systems.isPlaceholderData ? 0.6 : 1 }}>
                      {data.items.map((s) => (
                        <Table.Tr key={s.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/o/${org.slug}/systems/${s.id}`} fw={600} size="sm">
                              {s.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            <StageBadge stage={s.stage} />
                          </Table.Td>
                          <Table.Td>{s.department || <Muted />}</Table.Td>
                          <Table.Td>{s.businessOwner || <Muted />}</Table.Td>
                          <Table.Td>{s.customerFacing ? "Yes" : "No"}</Table.Td>
                          <Table.Td ta="right">{s.components.length}</Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            <time dateTime={s.updatedAt} title={formatDateTime(s.updatedAt)}>
                              {formatRelative(s.updatedAt)}
                            </time>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
              {data.total > PAGE_SIZE && (
                <Group justify="center" mt="md">
                  <Pagination
                    total={Math.ceil(data.total / PAGE_SIZE)}
                    value={page}
                    onChange={(p) => update({ page: p === 1 ? null : String(p) }, false)}
                    getControlProps={(control) => ({
                      "aria-label": control === "previous" ? "Previous page" : control === "next" ? "Next page" : control,
                    })}
                    getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
                  />
                </Group>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Muted() {
  return (
    <Text span c="dimmed" size="sm">
      —
    </Text>
  );
}
