import type { ApiToken, Member } from "@caio/core";
import { Alert, Button, Code, Paper, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconKey, IconLock, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { formatDateTime, formatDay, formatRelative, plural } from "../../lib/format";
import { ROLE_LABELS } from "../../lib/labels";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { EmptyState } from "../../shared/EmptyState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { CreateTokenModal } from "./CreateTokenModal";
import { useMembers, useRevokeToken, useTokens } from "./settings-api";

/**
 * API tokens let scripts and the command line use the API. Editors and above create them (up to
 * their own role); only admins may list and revoke them, so nobody else asks the server for the list.
 */
export function TokensSection() {
  const { org, canEdit } = useOrg();
  const isAdmin = org.role === "admin";
  const [creating, create] = useDisclosure(false);

  return (
    <Section
      title="API tokens"
      description="A token lets a script, a CI job or the caio command line use the API for this organization. Each token has a role, like a member."
      actions={
        canEdit && (
          <Button onClick={create.open} leftSection={<IconKey size={16} aria-hidden />}>
            Create token
          </Button>
        )
      }
    >
      {isAdmin ? (
        <TokenList />
      ) : canEdit ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="note">
          You can create tokens up to your own role ({ROLE_LABELS[org.role]}). Only admins can see the organization's tokens and revoke them; a token you create
          works until an admin revokes it or you leave {org.name}.
        </Alert>
      ) : (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} role="note" title="You cannot create API tokens">
          Your role in {org.name} is {ROLE_LABELS[org.role]}. Only editors, approvers and admins can create API tokens, and a token never has more rights than
          the person who creates it. Ask an admin of {org.name} if you need one.
        </Alert>
      )}
      {canEdit && <CreateTokenModal org={org.slug} myRole={org.role} opened={creating} onClose={create.close} />}
    </Section>
  );
}

function TokenList() {
  const { org } = useOrg();
  const tokens = useTokens(org.slug);
  const members = useMembers(org.slug);
  const revoke = useRevokeToken(org.slug);
  const [target, setTarget] = useState<ApiToken | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  const names = new Map((members.data?.items ?? []).map((m: Member) => [m.userId, m.name || m.email]));

  const openRevoke = (t: ApiToken) => {
    revoke.reset();
    setTarget(t);
    confirm.open();
  };

  return (
    <>
      <QueryState query={tokens} label="Loading API tokens">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No API tokens">Create one for a script, a CI job or the caio command line.</EmptyState>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                {plural(data.items.length, "active token")}
              </Text>
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={640} type="native">
                  <Table striped verticalSpacing="sm" aria-label="API tokens">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Token</Table.Th>
                        <Table.Th>Role</Table.Th>
                        <Table.Th>Created</Table.Th>
                        <Table.Th>Last used</Table.Th>
                        <Table.Th>Actions</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((t) => (
                        <Table.Tr key={t.id}>
                          <Table.Td>
                            <Text span size="sm" fw={500}>
                              {t.name}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Code title="The first characters of the token; the rest is never shown again">{t.prefix}…</Code>
                          </Table.Td>
                          <Table.Td>{ROLE_LABELS[t.role]}</Table.Td>
                          <Table.Td>
                            <time dateTime={t.createdAt} title={formatDateTime(t.createdAt)} style={{ whiteSpace: "nowrap" }}>
                              {formatDay(t.createdAt)}
                            </time>
                            <Text size="xs" c="dimmed">
                              by {t.userId ? (names.get(t.userId) ?? "a former member") : "the command line"}
                            </Text>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            {t.lastUsedAt ? (
                              <time dateTime={t.lastUsedAt} title={formatDateTime(t.lastUsedAt)}>
                                {formatRelative(t.lastUsedAt)}
                              </time>
                            ) : (
                              <Text span size="sm" c="dimmed">
                                Never
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              color="red"
                              variant="subtle"
                              leftSection={<IconTrash size={14} aria-hidden />}
                              aria-label={`Revoke ${t.name}`}
                              onClick={() => openRevoke(t)}
                            >
                              Revoke
                            </Button>
                          </Table.Td>
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

      <ConfirmDeleteModal
        opened={confirming}
        onClose={confirm.close}
        onConfirm={() => {
          if (!target) return;
          revoke.mutate(target.id, {
            onSuccess: () => {
              confirm.close();
              notifications.show({ color: "green", message: `API token “${target.name}” revoked.` });
            },
          });
        }}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error}
      >
        {target && (
          <>
            Scripts and tools that use “{target.name}” ({target.prefix}…) will be refused from now on. This cannot be undone; the revocation is recorded in the
            audit log.
          </>
        )}
      </ConfirmDeleteModal>
    </>
  );
}
