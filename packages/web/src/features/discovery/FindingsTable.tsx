import type { StoredFinding } from "@caio/core";
import { Badge, Button, Code, Group, List, Paper, Stack, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { IconChevronDown, IconChevronUp, IconPlus } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { formatDateTime, formatDay } from "../../lib/format";
import { CONFIDENCE_DESCRIPTIONS, CONFIDENCE_LABELS, FINDING_KIND_COLORS, FINDING_KIND_LABELS, labelOf, SCOPE_LABELS } from "../../lib/labels";
import { canRegister, firstLocation, secretText } from "./discovery-fields";

interface Props {
  findings: StoredFinding[];
  /** With findings of every repository, each row names its repository. */
  showRepository: boolean;
  /** Editors and above may register shadow AI as a system. */
  canEdit: boolean;
  onRegister: (f: StoredFinding) => void;
  /** The finding whose registration is under way. */
  registering: string | null;
  dimmed?: boolean;
}

/** What the page calls a finding, in labels and notifications. A secret is never named by its id (which holds the whole fingerprint). */
export function findingLabel(f: StoredFinding): string {
  return f.secret ? secretText(f.secret) : f.name || f.id;
}

function Muted({ children = "—" }: { children?: string }) {
  return (
    <Text span c="dimmed" size="sm">
      {children}
    </Text>
  );
}

/** The findings of a scan: one row each, with its evidence behind a disclosure button. */
export function FindingsTable({ findings, showRepository, canEdit, onRegister, registering, dimmed }: Props) {
  const columns = 6 + (canEdit ? 1 : 0);
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={canEdit ? 940 : 800} type="native">
        <Table verticalSpacing="sm" aria-label="Findings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Finding</Table.Th>
              <Table.Th>Provider</Table.Th>
              <Table.Th>Confidence</Table.Th>
              <Table.Th>Scope</Table.Th>
              <Table.Th>{showRepository ? "Repository and location" : "Location"}</Table.Th>
              <Table.Th>Used by</Table.Th>
              {canEdit && <Table.Th>Action</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: dimmed ? 0.6 : 1 }}>
            {findings.map((f) => (
              <FindingRow
                key={f.findingId}
                f={f}
                columns={columns}
                showRepository={showRepository}
                canEdit={canEdit}
                onRegister={onRegister}
                registering={registering}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function FindingRow({
  f,
  columns,
  showRepository,
  canEdit,
  onRegister,
  registering,
}: Omit<Props, "findings" | "dimmed"> & { f: StoredFinding; columns: number }) {
  const [expanded, setExpanded] = useState(false);
  const evidenceId = useId();
  const label = findingLabel(f);
  const where = firstLocation(f);
  const more = f.occurrences - 1;

  return (
    <Fragment>
      <Table.Tr style={expanded ? { borderBottom: 0 } : undefined}>
        <Table.Td style={{ minWidth: 200 }}>
          <Stack gap={4} align="flex-start">
            <Badge color={FINDING_KIND_COLORS[f.kind]} variant="light" size="sm">
              {labelOf(FINDING_KIND_LABELS, f.kind)}
            </Badge>
            {f.secret ? (
              <>
                <Text size="sm" fw={600}>
                  {secretText(f.secret)}
                </Text>
                <Text size="xs" c="red.9">
                  Rotate this key at {f.secret.provider} now, then remove it from the repository: anyone who can read the code can use it.
                </Text>
              </>
            ) : (
              <>
                <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                  {f.name || f.id}
                </Text>
                <Group gap={6} wrap="wrap">
                  <Code style={{ overflowWrap: "anywhere" }}>{f.id}</Code>
                  {f.version && (
                    <Text span size="xs" c="dimmed">
                      version {f.version}
                    </Text>
                  )}
                </Group>
              </>
            )}
            {f.status === "gone" && (
              <Text size="xs" c="dimmed">
                Last seen{" "}
                <time dateTime={f.lastSeenAt} title={formatDateTime(f.lastSeenAt)}>
                  {formatDay(f.lastSeenAt)}
                </time>
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>{f.provider || <Muted />}</Table.Td>
        <Table.Td>
          <Text span size="sm" title={CONFIDENCE_DESCRIPTIONS[f.confidence]}>
            {labelOf(CONFIDENCE_LABELS, f.confidence)}
          </Text>
        </Table.Td>
        <Table.Td>{labelOf(SCOPE_LABELS, f.scope)}</Table.Td>
        <Table.Td style={{ minWidth: 160 }}>
          <Stack gap={4} align="flex-start">
            {showRepository && (
              <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                {f.repository}
              </Text>
            )}
            {where ? <Code style={{ overflowWrap: "anywhere" }}>{where}</Code> : <Muted />}
            {f.evidence.length > 0 && (
              <UnstyledButton
                onClick={() => setExpanded((v) => !v)}
                aria-expanded={expanded}
                aria-controls={evidenceId}
                className="sort-button"
                fz="xs"
                c="indigo.8"
                fw={600}
              >
                <Group gap={2} component="span" wrap="nowrap">
                  {expanded ? <IconChevronUp size={12} aria-hidden /> : <IconChevronDown size={12} aria-hidden />}
                  {more > 0 ? `+${more.toLocaleString("en-US")} more` : "Details"}
                  <VisuallyHidden>{` evidence of ${label}`}</VisuallyHidden>
                </Group>
              </UnstyledButton>
            )}
          </Stack>
        </Table.Td>
        <Table.Td style={{ minWidth: 140 }}>
          <UsedBy f={f} />
        </Table.Td>
        {canEdit && (
          <Table.Td>
            {canRegister(f) && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                loading={registering === f.findingId}
                disabled={registering !== null && registering !== f.findingId}
                onClick={() => onRegister(f)}
                style={{ whiteSpace: "nowrap" }}
              >
                Register as system
                <VisuallyHidden>{`: ${label}`}</VisuallyHidden>
              </Button>
            )}
          </Table.Td>
        )}
      </Table.Tr>
      {/* Always rendered, so the disclosure button's aria-controls points at an element. */}
      <Table.Tr id={evidenceId} hidden={!expanded}>
        <Table.Td colSpan={columns} bg="gray.0" pt={0}>
          {expanded && <EvidenceList f={f} />}
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}

function UsedBy({ f }: { f: StoredFinding }) {
  if (f.systems.length > 0) {
    return (
      <Stack gap={2}>
        <Text size="sm">{f.systems.join(", ")}</Text>
        {f.componentName && (
          <Text size="xs" c="dimmed">
            via {f.componentName}
          </Text>
        )}
      </Stack>
    );
  }
  if (f.shadow) {
    return (
      <Stack gap={2} align="flex-start">
        {/* Shade 9: white text on Mantine's default filled red misses the AA contrast ratio. */}
        <Badge color="red.9" variant="filled" size="sm">
          Shadow AI
        </Badge>
        {f.componentName && (
          <Text size="xs" c="dimmed">
            Component {f.componentName} is in no system
          </Text>
        )}
      </Stack>
    );
  }
  return f.componentName ? (
    <Text size="xs" c="dimmed">
      Component {f.componentName}, in no system
    </Text>
  ) : (
    <Muted />
  );
}

function EvidenceList({ f }: { f: StoredFinding }) {
  return (
    <Stack gap={4} py="xs">
      <Text size="xs" fw={600} c="dimmed">
        {f.occurrences === 1 ? "Evidence" : `Evidence: ${f.occurrences.toLocaleString("en-US")} occurrences`}
        {f.evidence.length < f.occurrences ? `, the first ${f.evidence.length} listed` : ""}
      </Text>
      <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
        {f.evidence.map((e, i) => (
          // Evidence has no id of its own; file, line and position in the list identify it.
          // biome-ignore lint/suspicious/noArrayIndexKey: stable order from the server
          <List.Item key={`${e.file}:${e.line}:${i}`}>
            <Group gap={6} wrap="wrap">
              <Code style={{ overflowWrap: "anywhere" }}>
                {e.file}:{e.line}
                {e.column ? `:${e.column}` : ""}
              </Code>
              <Text span size="xs" c="dimmed">
                {e.detector} · {e.signal}
              </Text>
              {/* Secrets carry no detail; the detail of any other finding is built from matched tokens, never a raw line. */}
              {!f.secret && e.detail && <Code style={{ overflowWrap: "anywhere" }}>{e.detail}</Code>}
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
