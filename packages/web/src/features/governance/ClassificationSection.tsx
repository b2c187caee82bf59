import type { StoredClassificationView } from "@caio/core";
import { Alert, Badge, Button, Group, Stack, Text, Timeline, Title } from "@mantine/core";
import { IconAlertTriangle, IconListCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import { formatActor, formatDate, formatDateTime, formatRelative } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import { DetailList } from "../../shared/DetailList";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { ClassificationResultView, LabelBadge, ResultStatusBadge } from "./ClassificationResultView";
import { useClassification, useClassificationHistory } from "./governance-api";
import { LAW_VERSION_LABELS } from "./governance-fields";

/**
 * A system's classification on its detail page: status, labels with their basis and citations,
 * roles, conformity route, other laws to check, who classified it under which rule-set version, a
 * warning when the rules changed since, and the past classifications.
 */
export function ClassificationSection({ systemId }: { systemId: string }) {
  const { org, canEdit } = useOrg();
  const view = useClassification(org.slug, systemId);
  const classified = Boolean(view.data?.classification);
  const classifyPath = `/o/${org.slug}/systems/${systemId}/classify`;

  return (
    <Section
      title="Classification"
      description="EU AI Act classification from the rule-set, with the legal basis of every label, and the checks under other laws."
      actions={
        canEdit && (
          <Button component={Link} to={classifyPath} leftSection={<IconListCheck size={16} aria-hidden />} variant={classified ? "default" : "filled"}>
            {classified ? "Re-classify" : "Classify"}
          </Button>
        )
      }
    >
      <QueryState query={view} label="Loading the classification">
        {(v) => {
          const c = v.classification;
          if (!c) {
            return (
              <Text size="sm" c="gray.7">
                Not classified yet.
                {canEdit
                  ? " Classify asks only the questions that matter for this system, pre-filled from its inventory facts, and records every answer with who gave it and when."
                  : " An editor classifies it from this page."}
              </Text>
            );
          }
          return (
            <Stack gap="lg">
              {v.stale && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Rules changed: re-classify" role="note">
                  <Text size="sm">
                    This result comes from rule-set version {c.rulesetVersion}; the rules are now at version {v.rulesetVersion}.{" "}
                    {canEdit ? "Re-classify to see what changed." : "An editor re-classifies it to see what changed."}
                  </Text>
                  {canEdit && (
                    <Button component={Link} to={classifyPath} size="xs" mt="sm" variant="default">
                      Re-classify now
                    </Button>
                  )}
                </Alert>
              )}
              <DetailList
                items={[
                  {
                    label: "Classified",
                    value: (
                      <>
                        by {formatActor(c.createdBy)},{" "}
                        <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
                          {formatDateTime(c.createdAt)}
                        </time>
                      </>
                    ),
                  },
                  { label: "Rule-set version", value: c.rulesetVersion },
                  { label: "Law version and date", value: `${labelOf(LAW_VERSION_LABELS, c.law)}, as of ${formatDate(c.asOf)}` },
                ]}
              />
              <ClassificationResultView result={c.result} boardLink={`/o/${org.slug}/obligations?system=${systemId}`} />
              <ClassificationHistory systemId={systemId} />
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}

function ClassificationHistory({ systemId }: { systemId: string }) {
  const { org } = useOrg();
  const history = useClassificationHistory(org.slug, systemId);
  return (
    <div>
      <Title order={3} fz="sm" mb={6}>
        Past classifications
      </Title>
      <QueryState query={history} label="Loading past classifications">
        {(h) => <HistoryTimeline items={h.items} />}
      </QueryState>
    </div>
  );
}

function HistoryTimeline({ items }: { items: StoredClassificationView[] }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        None yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length} aria-label="Past classifications">
      {items.map((c, i) => (
        <Timeline.Item
          key={c.id}
          title={
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={500}>
                <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
                  {formatDateTime(c.createdAt)}
                </time>
              </Text>
              {i === 0 && (
                <Badge variant="light" color="indigo.9" size="sm">
                  Latest
                </Badge>
              )}
              <ResultStatusBadge status={c.result.status} size="sm" />
            </Group>
          }
        >
          <Stack gap={4} mt={4}>
            <Text size="sm" c="gray.7">
              by {formatActor(c.createdBy)} · {formatRelative(c.createdAt)} · rule-set {c.rulesetVersion} · {labelOf(LAW_VERSION_LABELS, c.law).toLowerCase()}
            </Text>
            {c.result.labels.length > 0 && (
              <Group gap={6} wrap="wrap">
                {c.result.labels.map((l) => (
                  <LabelBadge key={`${l.kind}\u0000${l.ruleId}`} kind={l.kind} size="sm" />
                ))}
              </Group>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
