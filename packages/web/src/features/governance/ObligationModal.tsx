import { type ObligationRow, type ObligationStatus, type ObligationUpdate, ObligationUpdateSchema } from "@caio/core";
import { Badge, Button, Group, List, Modal, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { formatActor, formatDateTime } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import { DetailList } from "../../shared/DetailList";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useOrg } from "../layout/org-context";
import { Citations } from "./ClassificationResultView";
import { useUpdateObligation } from "./governance-api";
import { dueDateText, dueText, OBLIGATION_STATUS_COLORS, OBLIGATION_STATUS_LABELS, OBLIGATION_STATUSES, OPERATOR_ROLE_LABELS } from "./governance-fields";

const FIELD_LABELS: Record<string, string> = { owner: "Owner", status: "Status", evidence: "Evidence" };
const STATUS_OPTIONS = OBLIGATION_STATUSES.map((s) => ({ value: s, label: OBLIGATION_STATUS_LABELS[s] }));

function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Title order={3} fz="sm" mb={4}>
      {children}
    </Title>
  );
}

/** One obligation: what it asks, its date and basis, the evidence it needs, the crosswalk; editors set owner, status and evidence. */
export function ObligationModal({ row, onClose }: { row: ObligationRow | null; onClose: () => void }) {
  const { canEdit } = useOrg();
  return (
    <Modal opened={row !== null} onClose={onClose} title={row?.obligation.title ?? "Obligation"} centered size="lg">
      {row && (
        <Stack gap="md">
          <Text size="sm">{row.obligation.summary}</Text>
          <Citations cite={row.obligation.cite} />
          <DetailList
            items={[
              { label: "System", value: row.systemName },
              { label: "Due", value: `${dueText(row)} · ${dueDateText(row.obligation)}` },
              { label: "Applies to", value: row.obligation.roles.map((r) => labelOf(OPERATOR_ROLE_LABELS, r)).join(", ") },
              { label: "Framework", value: row.obligation.framework },
            ]}
          />
          {row.obligation.evidence.length > 0 && (
            <div>
              <SubHeading>Evidence it needs</SubHeading>
              <List size="sm" spacing={2}>
                {row.obligation.evidence.map((e) => (
                  <List.Item key={e}>{e}</List.Item>
                ))}
              </List>
            </div>
          )}
          {(row.obligation.crosswalk.nist.length > 0 || row.obligation.crosswalk.iso42001.length > 0) && (
            <div>
              <SubHeading>Crosswalk</SubHeading>
              <Stack gap={2}>
                {row.obligation.crosswalk.nist.length > 0 && <Text size="sm">NIST AI RMF: {row.obligation.crosswalk.nist.join(", ")}</Text>}
                {row.obligation.crosswalk.iso42001.length > 0 && <Text size="sm">ISO/IEC 42001 Annex A: {row.obligation.crosswalk.iso42001.join(", ")}</Text>}
              </Stack>
            </div>
          )}
          {canEdit ? (
            <TrackingForm key={`${row.systemId}\u0000${row.obligation.id}\u0000${row.updatedAt ?? ""}`} row={row} onDone={onClose} />
          ) : (
            <Tracking row={row} />
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** Owner, status and evidence as recorded, for readers. */
function Tracking({ row }: { row: ObligationRow }) {
  return (
    <div>
      <SubHeading>Tracking</SubHeading>
      <DetailList
        items={[
          { label: "Owner", value: row.owner },
          {
            label: "Status",
            value: (
              <Badge component="span" variant="light" size="sm" color={OBLIGATION_STATUS_COLORS[row.status] ?? "gray.8"}>
                {labelOf(OBLIGATION_STATUS_LABELS, row.status)}
              </Badge>
            ),
          },
          {
            label: "Evidence",
            value: row.evidence ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {row.evidence}
              </Text>
            ) : null,
            wide: true,
          },
          { label: "Last updated", value: row.updatedBy && row.updatedAt ? `by ${formatActor(row.updatedBy)}, ${formatDateTime(row.updatedAt)}` : null },
        ]}
      />
    </div>
  );
}

/** Editors set the owner, the status and the evidence; only what changed is sent, and the change is audited. */
function TrackingForm({ row, onDone }: { row: ObligationRow; onDone: () => void }) {
  const { org } = useOrg();
  const update = useUpdateObligation(org.slug);
  const [owner, setOwner] = useState(row.owner);
  const [status, setStatus] = useState<ObligationStatus>(row.status);
  const [evidence, setEvidence] = useState(row.evidence);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);

  const changes: ObligationUpdate = {};
  if (owner.trim() !== row.owner) changes.owner = owner;
  if (status !== row.status) changes.status = status;
  if (evidence.trim() !== row.evidence) changes.evidence = evidence;
  const unchanged = Object.keys(changes).length === 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = ObligationUpdateSchema.safeParse(changes);
    if (!checked.success) {
      const mapped = zodFieldErrors(checked.error, FIELD_LABELS);
      setErrors(mapped.fields);
      setAlert(mapped.other.length ? mapped.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    update.mutate(
      { systemId: row.systemId, obligationId: row.obligation.id, body: checked.data },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "green",
            message: `“${saved.obligation.title}” for ${saved.systemName} is now ${labelOf(OBLIGATION_STATUS_LABELS, saved.status).toLowerCase()}.`,
          });
          onDone();
        },
        onError: (err) => {
          const mapped = serverFormError(err, FIELD_LABELS);
          setErrors(mapped.fields);
          setAlert(mapped.alert);
          focusFirstError();
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Update “${row.obligation.title}”`}>
      <Stack gap="sm">
        <SubHeading>Tracking</SubHeading>
        <FormAlert message={alert} />
        <TextInput
          label="Owner"
          description="Who makes sure it is done."
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          error={errors.owner}
          maxLength={200}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(v) => v && setStatus(v as ObligationStatus)}
          allowDeselect={false}
          error={errors.status}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label="Evidence"
          description="What proves it: document names, links, tickets."
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={errors.evidence}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
        />
        {row.updatedBy && row.updatedAt && (
          <Text size="xs" c="gray.7">
            Last updated by {formatActor(row.updatedBy)}, {formatDateTime(row.updatedAt)}.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={unchanged}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
