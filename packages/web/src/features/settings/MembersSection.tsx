import type { Member, Role } from "@caio/core";
import { Alert, Badge, Button, Group, Paper, Select, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconLock, IconUserMinus, IconUserPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { describeError, isApiError } from "../../api/api-error";
import { keys } from "../../api/query-keys";
import { formatDateTime, formatDay, plural } from "../../lib/format";
import { ROLE_LABELS, roleOptions } from "../../lib/labels";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useMe } from "../auth/auth-api";
import { useOrg } from "../layout/org-context";
import { AddMemberModal } from "./AddMemberModal";
import { useChangeMemberRole, useMembers, useRemoveMember } from "./settings-api";

function displayName(m: Member): string {
  return m.name || m.email;
}

/** An email that may wrap after its "@" in narrow columns, never in the middle of a word. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf("@");
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}

/** Who belongs to the organization. Admins add members, change their roles and remove them. */
export function MembersSection() {
  const { org } = useOrg();
  const isAdmin = org.role === "admin";
  const me = useMe();
  const myId = me.data?.user?.id ?? null;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const members = useMembers(org.slug);
  const change = useChangeMemberRole(org.slug);
  const remove = useRemoveMember(org.slug);
  const [adding, add] = useDisclosure(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeOpened, removeModal] = useDisclosure(false);
  /** A role the signed-in admin is about to give themselves, waiting for confirmation. */
  const [ownRole, setOwnRole] = useState<{ member: Member; role: Role } | null>(null);
  const [ownRoleOpened, ownRoleModal] = useDisclosure(false);
  const [roleError, setRoleError] = useState<string | null>(null);

  const changeRole = (m: Member, role: Role) => {
    setRoleError(null);
    change.mutate(
      { userId: m.userId, role },
      {
        onSuccess: async (updated) => {
          ownRoleModal.close();
          notifications.show({ color: "green", message: `${displayName(updated)} is now ${ROLE_LABELS[updated.role]}.` });
          // The signed-in user's own role changed: refresh it, so the pages show what it allows.
          if (updated.userId === myId) await qc.invalidateQueries({ queryKey: keys.me });
        },
        onError: (err) => {
          ownRoleModal.close();
          const message = describeError(err).replace(/([^.!?])$/, "$1.");
          setRoleError(isApiError(err) && err.code === "conflict" ? `${message} Make another member an admin first.` : message);
        },
      },
    );
  };

  const onRoleSelected = (m: Member, role: Role) => {
    if (role === m.role) return;
    if (m.userId === myId && m.role === "admin") {
      setOwnRole({ member: m, role });
      ownRoleModal.open();
    } else {
      changeRole(m, role);
    }
  };

  const openRemove = (m: Member) => {
    remove.reset();
    setRemoving(m);
    removeModal.open();
  };

  return (
    <Section
      title="Members"
      description={`People who can sign in to ${org.name}, and what each of them may do.`}
      actions={
        isAdmin && (
          <Button onClick={add.open} leftSection={<IconUserPlus size={16} aria-hidden />}>
            Add member
          </Button>
        )
      }
    >
      {!isAdmin && (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} role="note" mb="md">
          Only admins can add members, change roles or remove members. Your role in {org.name} is {ROLE_LABELS[org.role]}.
        </Alert>
      )}
      {roleError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Role not changed"
          role="alert"
          mb="md"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setRoleError(null)}
        >
          {roleError}
        </Alert>
      )}
      <QueryState query={members} label="Loading members">
        {(data) => (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {plural(data.items.length, "member")}
            </Text>
            <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
              <Table.ScrollContainer minWidth={isAdmin ? 660 : 520} type="native">
                <Table striped verticalSpacing="sm" aria-label="Members">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Email</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Added</Table.Th>
                      {isAdmin && <Table.Th>Actions</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((m) => {
                      const pending = change.isPending && change.variables?.userId === m.userId;
                      return (
                        <Table.Tr key={m.userId}>
                          <Table.Td>
                            <Group gap={6} wrap="nowrap">
                              <Text span size="sm" fw={500}>
                                {m.name || "—"}
                              </Text>
                              {m.userId === myId && (
                                <Badge size="xs" variant="light" color="indigo">
                                  You
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <EmailText email={m.email} />
                          </Table.Td>
                          <Table.Td>
                            {isAdmin ? (
                              <Select
                                aria-label={`Role of ${displayName(m)}`}
                                data={roleOptions}
                                value={pending && change.variables ? change.variables.role : m.role}
                                onChange={(v) => v && onRoleSelected(m, v as Role)}
                                allowDeselect={false}
                                checkIconPosition="right"
                                disabled={pending}
                                size="xs"
                                w={140}
                                comboboxProps={{ withinPortal: true }}
                              />
                            ) : (
                              ROLE_LABELS[m.role]
                            )}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
                              {formatDay(m.createdAt)}
                            </time>
                          </Table.Td>
                          {isAdmin && (
                            <Table.Td>
                              <Button
                                size="xs"
                                color="red"
                                variant="subtle"
                                leftSection={<IconUserMinus size={14} aria-hidden />}
                                aria-label={`Remove ${displayName(m)}`}
                                onClick={() => openRemove(m)}
                              >
                                Remove
                              </Button>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </>
        )}
      </QueryState>

      {isAdmin && <AddMemberModal org={org.slug} opened={adding} onClose={add.close} />}

      <ConfirmDeleteModal
        opened={removeOpened}
        onClose={removeModal.close}
        onConfirm={() => {
          if (!removing) return;
          const self = removing.userId === myId;
          remove.mutate(removing.userId, {
            onSuccess: async () => {
              notifications.show({ color: "green", message: `${displayName(removing)} removed from ${org.name}.` });
              removeModal.close();
              if (self) {
                navigate("/", { replace: true });
                await qc.invalidateQueries({ queryKey: keys.me });
              }
            },
          });
        }}
        title="Remove this member?"
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error}
      >
        {removing &&
          (removing.userId === myId
            ? `You will no longer have access to ${org.name}, and the API tokens you created for it are revoked. Your caio account is kept.`
            : `${displayName(removing)} (${removing.email}) will no longer have access to ${org.name}, and the API tokens they created for it are revoked. Their caio account is kept; the removal is recorded in the audit log.`)}
      </ConfirmDeleteModal>

      <ConfirmDeleteModal
        opened={ownRoleOpened}
        onClose={ownRoleModal.close}
        onConfirm={() => ownRole && changeRole(ownRole.member, ownRole.role)}
        title="Give up your admin rights?"
        confirmLabel="Change my role"
        pending={change.isPending}
        error={null}
      >
        {ownRole && (
          <>
            You will become {ROLE_LABELS[ownRole.role]} in {org.name} and will no longer be able to manage members and API tokens. Only another admin can make
            you an admin again.
          </>
        )}
      </ConfirmDeleteModal>
    </Section>
  );
}
