import type { SpendRule } from "@caio/core";
import { Alert, Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDisclosure, useId } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { type Ref, useState } from "react";
import { Link } from "react-router";
import { formatMicros, plural } from "../../lib/format";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { EmptyState } from "../../shared/EmptyState";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { RuleFormModal } from "./RuleFormModal";
import { RULE_FIELD_LABELS, ruleMatchText } from "./rule-fields";
import { useDeleteSpendRule, useSpendRules } from "./spend-api";

/** The id of the rules' heading: the unattributed card and rows link here. */
export const RULES_HEADING_ID = "spend-rules";

function Muted({ children = "—" }: { children?: string }) {
  return (
    <Text span c="dimmed" size="sm">
      {children}
    </Text>
  );
}

function RuleMatch({ rule }: { rule: SpendRule }) {
  return (
    <Stack gap={4} align="flex-start">
      <Badge variant="light" color="gray" size="sm">
        {RULE_FIELD_LABELS[rule.field]}
      </Badge>
      {rule.field === "tag" ? (
        <Code style={{ overflowWrap: "anywhere" }}>
          {rule.key} = {rule.value}
        </Code>
      ) : rule.field === "api_key" ? (
        <Code style={{ overflowWrap: "anywhere" }}>{rule.hint ?? "(hidden)"}</Code>
      ) : (
        <Code style={{ overflowWrap: "anywhere" }}>{rule.value}</Code>
      )}
    </Stack>
  );
}

/**
 * The attribution rules that assign usage to inventory systems and teams, in the order they are
 * tried. Editors add, change and delete them; everyone else reads them.
 */
export function SpendRulesSection({ currency, headingRef }: { currency: string; headingRef?: Ref<HTMLHeadingElement> }) {
  const { org, canEdit } = useOrg();
  const rules = useSpendRules(org.slug);
  const remove = useDeleteSpendRule(org.slug);
  const [editing, setEditing] = useState<SpendRule | "new" | null>(null);
  const [target, setTarget] = useState<SpendRule | null>(null);
  const [confirming, confirm] = useDisclosure(false);
  const descriptionId = useId();
  const positions = (rules.data?.items ?? []).map((r) => r.position);

  const openDelete = (r: SpendRule) => {
    remove.reset();
    setTarget(r);
    confirm.open();
  };

  const onDelete = () => {
    if (!target) return;
    remove.mutate(target.id, {
      onSuccess: () => {
        notifications.show({ color: "green", message: `Rule “${ruleMatchText(target)}” deleted. Its spend is attributed again by the remaining rules.` });
        confirm.close();
      },
    });
  };

  return (
    <Paper
      component="section"
      aria-labelledby={RULES_HEADING_ID}
      aria-describedby={descriptionId}
      withBorder
      radius="md"
      p={{ base: "md", sm: "lg" }}
      style={{ minWidth: 0 }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} id={RULES_HEADING_ID} ref={headingRef} tabIndex={-1} fz="lg" style={{ outline: "none", scrollMarginTop: 72 }}>
          Attribution rules
        </Title>
        {canEdit && (
          <Button onClick={() => setEditing("new")} leftSection={<IconPlus size={16} aria-hidden />}>
            Add rule
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md" id={descriptionId} maw={820}>
        A rule assigns usage to a system in the{" "}
        <Anchor component={Link} to={`/o/${org.slug}/systems`} size="sm" underline="always">
          inventory
        </Anchor>{" "}
        and to a team, by project, workspace, API key, user, tag, model, provider or source. Rules are tried from the top: the first matching rule that names a
        system decides the system, and the first that names a team decides the team. Rules apply retroactively: adding, changing or deleting one re-attributes
        all usage already imported, not only future imports.
      </Text>
      <QueryState query={rules} label="Loading attribution rules">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title="No attribution rules yet"
              action={
                canEdit && (
                  <Button variant="light" onClick={() => setEditing("new")}>
                    Add the first rule
                  </Button>
                )
              }
            >
              Without rules every dollar is unattributed. Start with the largest projects or API keys, one rule each.
            </EmptyState>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                {plural(data.items.length, "rule")}, in the order they are tried
              </Text>
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={canEdit ? 880 : 760} type="native">
                  <Table striped verticalSpacing="sm">
                    <Table.Caption>
                      <VisuallyHidden>Attribution rules, in the order they are tried</VisuallyHidden>
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col" w={48}>
                          Order
                        </Table.Th>
                        <Table.Th scope="col">Matches</Table.Th>
                        <Table.Th scope="col">System</Table.Th>
                        <Table.Th scope="col">Team</Table.Th>
                        <Table.Th scope="col" ta="right" style={{ whiteSpace: "nowrap" }}>
                          Spend matched
                        </Table.Th>
                        <Table.Th scope="col">Note</Table.Th>
                        {canEdit && <Table.Th scope="col">Actions</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((r, i) => (
                        <Table.Tr key={r.id}>
                          <Table.Td title={`Position ${r.position}`}>{i + 1}</Table.Td>
                          <Table.Td style={{ minWidth: 180 }}>
                            <RuleMatch rule={r} />
                          </Table.Td>
                          <Table.Td style={{ minWidth: 140 }}>
                            {r.systemId ? (
                              <Anchor component={Link} to={`/o/${org.slug}/systems/${r.systemId}`} size="sm" fw={600}>
                                {r.systemName ?? "Deleted system"}
                              </Anchor>
                            ) : (
                              <Muted />
                            )}
                          </Table.Td>
                          <Table.Td>{r.team ? <Text size="sm">{r.team}</Text> : <Muted />}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} title="All time, as the first matching rule">
                            {formatMicros(r.matchedMicros, currency)}
                          </Table.Td>
                          <Table.Td style={{ minWidth: 160, maxWidth: 280 }}>
                            {r.note ? (
                              <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                                {r.note}
                              </Text>
                            ) : (
                              <Muted />
                            )}
                          </Table.Td>
                          {canEdit && (
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(r)}>
                                  Edit
                                  <VisuallyHidden>{` rule ${ruleMatchText(r)}`}</VisuallyHidden>
                                </Button>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red.9"
                                  leftSection={<IconTrash size={14} aria-hidden />}
                                  onClick={() => openDelete(r)}
                                >
                                  Delete
                                  <VisuallyHidden>{` rule ${ruleMatchText(r)}`}</VisuallyHidden>
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
              <Text size="xs" c="dimmed" mt="xs">
                Spend matched is over all imported usage, counted for the rule that wins.
              </Text>
            </>
          )
        }
      </QueryState>
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" mt="md">
          Your role in {org.name} can read the rules. Editors and admins add and change them.
        </Alert>
      )}
      {canEdit && (
        <>
          <RuleFormModal org={org.slug} rule={editing} positions={positions} onClose={() => setEditing(null)} />
          <ConfirmDeleteModal
            opened={confirming}
            onClose={confirm.close}
            onConfirm={onDelete}
            title="Delete attribution rule?"
            confirmLabel="Delete rule"
            pending={remove.isPending}
            error={remove.error}
          >
            {target
              ? `The rule “${ruleMatchText(target)}” stops assigning spend. Its usage, past and future, falls to the next matching rule, or becomes unattributed.`
              : ""}
          </ConfirmDeleteModal>
        </>
      )}
    </Paper>
  );
}
