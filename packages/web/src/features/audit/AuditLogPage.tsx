import { type AuditEntry, ENTITY_TYPES, type EntityType } from "@caio/core";
import { Anchor, Badge, Button, Code, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { Link, useSearchParams } from "react-router";
import { describeError } from "../../api/api-error";
import { formatActor, formatDateTime, shortHash } from "../../lib/format";
import { ACTION_COLORS, ACTION_LABELS, ENTITY_TYPE_LABELS, entityTypeOptions, labelOf } from "../../lib/labels";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { useAuditLog, useVerifyAudit } from "./audit-api";
import { VerifyResult } from "./VerifyResult";

const LINKABLE: Partial<Record<EntityType, string>> = { system: "systems", component: "components", vendor: "vendors" };

function EntityCell({ entry, org }: { entry: AuditEntry; org: string }) {
  const section = LINKABLE[entry.entityType];
  const label = entry.entityLabel || entry.entityId;
  if (section && entry.action !== "delete") {
    return (
      <Anchor component={Link} to={`/o/${org}/${section}/${entry.entityId}`} size="sm">
        {label}
      </Anchor>
    );
  }
  return <>{label}</>;
}

export function AuditLogPage() {
  const { org } = useOrg();
  const [sp, setSp] = useSearchParams();
  const typeParam = sp.get("type");
  const entityType = typeParam && (ENTITY_TYPES as readonly string[]).includes(typeParam) ? (typeParam as EntityType) : undefined;
  const log = useAuditLog(org.slug, entityType);
  const verify = useVerifyAudit(org.slug);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to the inventory, newest first. Each entry is chained to the previous one by a hash, so edits or deletions of the log itself can be detected."
        actions={
          <Button variant="light" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
            Verify chain
          </Button>
        }
      />
      <Stack gap="md">
        <div aria-live="polite">
          {verify.data && <VerifyResult result={verify.data} />}
          {verify.error && (
            <Text c="red" size="sm" role="alert">
              Verification failed: {describeError(verify.error)}
            </Text>
          )}
        </div>
        <Paper withBorder radius="md" p="md" role="search" aria-label="Filter the audit log">
          <Select
            label="Entity type"
            data={[{ value: "", label: "All types" }, ...entityTypeOptions]}
            value={entityType ?? ""}
            onChange={(v) =>
              setSp(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (v) next.set("type", v);
                  else next.delete("type");
                  return next;
                },
                { replace: true },
              )
            }
            allowDeselect={false}
            maw={260}
          />
        </Paper>
        <QueryState query={log} label="Loading the audit log">
          {(data) => {
            const entries = data.pages.flatMap((p) => p.items);
            if (entries.length === 0) {
              return <EmptyState title="No entries">{entityType ? "No changes of this type yet." : "Nothing has changed yet."}</EmptyState>;
            }
            return (
              <>
                <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                  <Table.ScrollContainer minWidth={880} type="native">
                    <Table striped verticalSpacing="xs" aria-label="Audit log entries">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th ta="right">#</Table.Th>
                          <Table.Th>Time</Table.Th>
                          <Table.Th>Actor</Table.Th>
                          <Table.Th>Action</Table.Th>
                          <Table.Th>Entity type</Table.Th>
                          <Table.Th>Entity</Table.Th>
                          <Table.Th>Hash</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {entries.map((e) => (
                          <Table.Tr key={e.seq}>
                            <Table.Td ta="right" ff="monospace">
                              {e.seq}
                            </Table.Td>
                            <Table.Td style={{ whiteSpace: "nowrap" }}>
                              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                            </Table.Td>
                            <Table.Td style={{ whiteSpace: "nowrap" }} title={e.actor}>
                              {formatActor(e.actor)}
                            </Table.Td>
                            <Table.Td>
                              <Badge color={ACTION_COLORS[e.action]} variant="light" size="sm">
                                {ACTION_LABELS[e.action]}
                              </Badge>
                            </Table.Td>
                            <Table.Td>{labelOf(ENTITY_TYPE_LABELS, e.entityType)}</Table.Td>
                            <Table.Td>
                              <EntityCell entry={e} org={org.slug} />
                            </Table.Td>
                            <Table.Td>
                              <Code title={e.hash}>{shortHash(e.hash)}</Code>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Paper>
                <Group justify="center">
                  {log.hasNextPage ? (
                    <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                      Load more
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Beginning of the log.
                    </Text>
                  )}
                </Group>
                {log.isFetchNextPageError && (
                  <Text c="red" size="sm" role="alert" ta="center">
                    {describeError(log.error)}
                  </Text>
                )}
              </>
            );
          }}
        </QueryState>
      </Stack>
    </>
  );
}
