import { RECOMMENDATION_STATUSES, type Recommendation, type RecommendationStatus } from "@caio/core";
import { Alert, Anchor, Button, Group, List, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title, VisuallyHidden } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconArrowRight } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/api-error";
import { formatActor, formatDate, formatDateTime, formatMicros } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import { type DetailItem, DetailList } from "../../shared/DetailList";
import { useOrg } from "../layout/org-context";
import { StatusBadge } from "./StatusBadge";
import { useSetRecommendationStatus } from "./savings-api";
import { CONFIDENCE_DESCRIPTIONS, STATUS_DESCRIPTIONS, STATUS_LABELS, spendLink, type WindowDays } from "./savings-fields";

function SubHeading({ id, children }: { id?: string; children: string }) {
  return (
    <Title order={4} id={id} fz="sm" mb={4}>
      {children}
    </Title>
  );
}

/** The details of one recommendation: what to do, the figures, assumptions, evidence, how to check it, and its status. */
export function RecommendationDetails({ rec, currency, days }: { rec: Recommendation; currency: string; days: WindowDays }) {
  const { org, canEdit } = useOrg();
  const evidenceId = useId();
  const items: DetailItem[] = [
    {
      label: "Monthly cost today → after the change",
      value: `${formatMicros(rec.baselineMonthlyMicros, currency)} → ${formatMicros(rec.projectedMonthlyMicros, currency)}`,
    },
    {
      label: "Saving",
      value: `${formatMicros(rec.monthlySavingMicros, currency)} per month, ${formatMicros(rec.annualSavingMicros, currency)} per year`,
    },
    rec.systems.length > 0
      ? {
          label: rec.systems.length > 1 ? "Systems" : "System",
          value: (
            <Group gap="xs" wrap="wrap">
              {rec.systems.map((s) => (
                <Anchor key={s.id} component={Link} to={`/o/${org.slug}/systems/${s.id}`} size="sm">
                  {s.name}
                </Anchor>
              ))}
            </Group>
          ),
        }
      : { label: "Covers", value: rec.scope },
    { label: "Confidence", value: labelOf(CONFIDENCE_DESCRIPTIONS, rec.confidence) },
  ];
  if (rec.providers.length > 0) items.push({ label: rec.providers.length > 1 ? "Providers" : "Provider", value: rec.providers.join(", ") });
  if (rec.models.length > 0) items.push({ label: rec.models.length > 1 ? "Models" : "Model", value: rec.models.join(", ") });
  if (rec.vendors.length > 0) items.push({ label: rec.vendors.length > 1 ? "Vendors" : "Vendor", value: rec.vendors.join(", ") });

  return (
    <Stack gap="md" pt={4}>
      <Text size="sm">
        <Text span fw={600}>
          What to do:{" "}
        </Text>
        {rec.action}
      </Text>
      {rec.requiresRevalidation && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Requires re-validation" role="note">
          <Text size="sm">
            The system may be high-risk. Re-validate it (accuracy, robustness and the documented controls) before this change ships, and record the result.
          </Text>
        </Alert>
      )}
      <DetailList items={items} />

      {rec.assumptions.length > 0 && (
        <div>
          <SubHeading>Assumptions</SubHeading>
          <List size="sm" spacing={4}>
            {rec.assumptions.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </div>
      )}

      {rec.evidence.length > 0 && (
        <div>
          <SubHeading id={evidenceId}>Evidence</SubHeading>
          <Paper withBorder radius="sm" style={{ overflow: "hidden" }}>
            <Table verticalSpacing={6} aria-labelledby={evidenceId}>
              <Table.Tbody>
                {rec.evidence.map((e) => (
                  <Table.Tr key={`${e.label}\u0000${e.value}`}>
                    <Table.Th scope="row" fw={600} w="40%" style={{ overflowWrap: "anywhere" }}>
                      {e.label}
                    </Table.Th>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{e.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </div>
      )}

      {rec.evaluationPlan.length > 0 && (
        <div>
          <SubHeading>How to check before switching</SubHeading>
          <List type="ordered" size="sm" spacing={4}>
            {rec.evaluationPlan.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </div>
      )}

      {rec.spendQuery && (
        <Anchor component={Link} to={spendLink(org.slug, rec.spendQuery)} size="sm" fw={600} w="fit-content">
          <Group gap={4} component="span" wrap="nowrap">
            Show the spend behind it ({formatDate(rec.spendQuery.from)} – {formatDate(rec.spendQuery.to)})
            <IconArrowRight size={14} aria-hidden />
          </Group>
          <VisuallyHidden>{` on the Spend page, for “${rec.title}”`}</VisuallyHidden>
        </Anchor>
      )}

      <StatusBlock rec={rec} explain={!canEdit} />
      {canEdit && <StatusForm key={`${rec.status}\u0000${rec.statusChangedAt ?? ""}`} rec={rec} days={days} />}
    </Stack>
  );
}

/** The current status with its note and who set it. */
function StatusBlock({ rec, explain }: { rec: Recommendation; explain: boolean }) {
  return (
    <div>
      <SubHeading>Status</SubHeading>
      <Group gap="xs" wrap="wrap">
        <StatusBadge status={rec.status} />
        <Text size="sm" c="dimmed">
          {rec.statusChangedAt && rec.statusChangedBy
            ? `Set by ${formatActor(rec.statusChangedBy)} on ${formatDateTime(rec.statusChangedAt)}.`
            : explain
              ? labelOf(STATUS_DESCRIPTIONS, rec.status)
              : null}
        </Text>
      </Group>
      {rec.statusNote && (
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          <Text span fw={600}>
            Note:{" "}
          </Text>
          {rec.statusNote}
        </Text>
      )}
    </div>
  );
}

const STATUS_OPTIONS = RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/** Editors and above set the status with an optional note; the change goes to the audit log. */
function StatusForm({ rec, days }: { rec: Recommendation; days: WindowDays }) {
  const { org } = useOrg();
  const setStatus = useSetRecommendationStatus(org.slug, days);
  const [status, setStatusValue] = useState<RecommendationStatus>(rec.status);
  const [note, setNote] = useState(rec.statusNote);
  const descriptionId = useId();
  const unchanged = status === rec.status && note.trim() === rec.statusNote;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus.mutate(
      { id: rec.id, status, note: note.trim() },
      {
        onSuccess: (saved) => notifications.show({ color: "green", message: `“${saved.title}” is now ${labelOf(STATUS_LABELS, saved.status).toLowerCase()}.` }),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} aria-label={`Change the status of “${rec.title}”`} noValidate>
      <Stack gap="sm">
        {setStatus.error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title="Status not saved">
            {describeError(setStatus.error)}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={descriptionId}>
            Set status
          </Text>
          <SegmentedControl
            aria-labelledby={descriptionId}
            data={STATUS_OPTIONS}
            value={status}
            onChange={(v) => setStatusValue(v as RecommendationStatus)}
            size="sm"
            w="fit-content"
            maw="100%"
          />
          <Text size="xs" c="dimmed">
            {labelOf(STATUS_DESCRIPTIONS, status)}
          </Text>
        </Stack>
        <Textarea
          label="Note"
          description="Optional: why, who will do it, or what was done."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
        />
        <Group>
          <Button type="submit" loading={setStatus.isPending} disabled={unchanged}>
            Save status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
