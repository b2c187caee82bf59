import { COMPONENT_KINDS, type ComponentKind } from "@caio/core";
import { Anchor, Button, CloseButton, Group, Paper, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { plural } from "../../lib/format";
import { COMPONENT_KIND_LABELS, componentKindOptions, HOSTING_LABELS } from "../../lib/labels";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { useVendors } from "../vendors/vendors-api";
import { useComponents } from "./components-api";

export function ComponentsListPage() {
  const { org, canEdit } = useOrg();
  const [sp, setSp] = useSearchParams();
  const kindParam = sp.get("kind");
  const kind = kindParam && (COMPONENT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as ComponentKind) : undefined;
  const vendorId = sp.get("vendor") || undefined;
  const q = sp.get("q")?.trim() || undefined;
  const components = useComponents(org.slug, { q, kind, vendorId, limit: 500 });
  const vendors = useVendors(org.slug);
  const [search, setSearch] = useState(sp.get("q") ?? "");
  const [debounced] = useDebouncedValue(search, 300);

  const update = (changes: Record<string, string | null>) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced search text drives the address bar
  useEffect(() => {
    if ((sp.get("q") ?? "") !== debounced.trim()) update({ q: debounced.trim() });
  }, [debounced]);

  const filtered = Boolean(q || kind || vendorId);

  return (
    <>
      <PageHeader
        title="Components"
        description="Models, SDKs, vendor services, datasets and other building blocks of your AI systems."
        actions={
          canEdit && (
            <Button component={Link} to={`/o/${org.slug}/components/new`} leftSection={<IconPlus size={16} aria-hidden />}>
              New component
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label="Filter components">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Search"
            type="search"
            placeholder="Name, provider, identifier…"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch("")} /> : null}
            style={{ flex: "2 1 220px" }}
          />
          <Select
            label="Kind"
            data={[{ value: "", label: "All kinds" }, ...componentKindOptions]}
            value={kind ?? ""}
            onChange={(v) => update({ kind: v })}
            allowDeselect={false}
            style={{ flex: "1 1 160px" }}
          />
          <Select
            label="Vendor"
            data={[{ value: "", label: "All vendors" }, ...(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))]}
            value={vendorId ?? ""}
            onChange={(v) => update({ vendor: v })}
            allowDeselect={false}
            searchable
            style={{ flex: "1 1 160px" }}
          />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch("");
                update({ q: null, kind: null, vendor: null });
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
      </Paper>
      <QueryState query={components} label="Loading components">
        {(data) =>
          data.items.length === 0 ? (
            filtered ? (
              <EmptyState title="No components match these filters">Try another search term or clear the filters.</EmptyState>
            ) : (
              <EmptyState
                title="No components recorded yet"
                action={
                  canEdit && (
                    <Button component={Link} to={`/o/${org.slug}/components/new`} variant="light">
                      Record the first component
                    </Button>
                  )
                }
              >
                Components are what your AI systems are built from: models, SDKs, vendor services, datasets and more.
              </EmptyState>
            )
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                {plural(data.total, "component")}
              </Text>
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={860} type="native">
                  <Table striped highlightOnHover verticalSpacing="sm" aria-label="Components">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Kind</Table.Th>
                        <Table.Th>Provider</Table.Th>
                        <Table.Th>Identifier</Table.Th>
                        <Table.Th>Hosting</Table.Th>
                        <Table.Th>Vendor</Table.Th>
                        <Table.Th ta="right">Systems</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody style={{ opacity: components.isPlaceholderData ? 0.6 : 1 }}>
                      {data.items.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/o/${org.slug}/components/${c.id}`} fw={600} size="sm">
                              {c.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{COMPONENT_KIND_LABELS[c.kind] ?? c.kind}</Table.Td>
                          <Table.Td>{c.provider || "—"}</Table.Td>
                          <Table.Td>
                            {c.identifier ? (
                              <Text span size="sm" ff="monospace">
                                {c.identifier}
                                {c.version ? ` @ ${c.version}` : ""}
                              </Text>
                            ) : (
                              "—"
                            )}
                          </Table.Td>
                          <Table.Td>{HOSTING_LABELS[c.hosting] ?? c.hosting}</Table.Td>
                          <Table.Td>
                            {c.vendorId ? (
                              <Anchor component={Link} to={`/o/${org.slug}/vendors/${c.vendorId}`} size="sm">
                                {c.vendorName ?? "Vendor"}
                              </Anchor>
                            ) : (
                              "—"
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{c.systemIds.length}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </>
          )
        }
      </QueryState>
    </>
  );
}
