import type { Incident, IncidentCreate, IncidentPatch, IncidentSeverityValue } from "@caio/core";
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFormError } from "../../lib/form-errors";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { countdownText } from "./Countdown";
import {
  emptyIncident,
  INCIDENT_FIELD_LABELS,
  type IncidentFormValues,
  incidentStatusOptions,
  incidentToForm,
  plainIncidentErrors,
  SEVERITY_VALUE_DESCRIPTIONS,
  severityValueOptions,
  utcToday,
  validateIncident,
} from "./incident-fields";
import { useCreateIncident, useSystemChoices, useUpdateIncident } from "./risks-api";

interface Props {
  org: string;
  /** The incident to change, "new" to record one, null while closed. */
  incident: Incident | "new" | null;
  onClose: () => void;
}

/** Records or changes an incident; the reporting deadline follows from the awareness date and severity. */
export function IncidentFormModal({ org, incident, onClose }: Props) {
  const editing = incident !== null && incident !== "new" ? incident : null;
  return (
    <Modal opened={incident !== null} onClose={onClose} title={editing ? "Edit incident" : "Record incident"} centered size="lg">
      {incident !== null && <IncidentForm key={editing?.id ?? "new"} org={org} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function IncidentForm({ org, editing, onDone }: { org: string; editing: Incident | null; onDone: () => void }) {
  const [values, setValues] = useState<IncidentFormValues>(editing ? incidentToForm(editing) : emptyIncident());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const create = useCreateIncident(org);
  const update = useUpdateIncident(org);
  const systems = useSystemChoices(org);
  const saving = create.isPending || update.isPending;

  const set = <K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateIncident(values, editing !== null);
    if (!checked.ok) {
      setErrors(checked.errors.fields);
      setAlert(checked.errors.other.length ? checked.errors.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    const onError = (err: unknown) => {
      const mapped = serverFormError(err, INCIDENT_FIELD_LABELS, "title");
      setErrors(plainIncidentErrors(mapped.fields));
      setAlert(mapped.alert);
      focusFirstError();
    };
    const onSuccess = (saved: Incident) => {
      const clock = saved.deadline ? `: ${countdownText(saved, saved.today).toLowerCase()} to report (by ${saved.deadline.dueDate})` : "";
      notifications.show({ color: "green", message: `Incident “${saved.title}” ${editing ? "saved" : "recorded"}${clock}.` });
      onDone();
    };
    if (editing) update.mutate({ id: editing.id, body: checked.input as IncidentPatch }, { onSuccess, onError });
    else create.mutate(checked.input as IncidentCreate, { onSuccess, onError });
  };

  const today = utcToday();

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={editing ? "Edit incident" : "Record incident"}>
      <Stack>
        <FormAlert message={alert} />
        <TextInput
          label="Title"
          description="What happened, in one line."
          required
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label="Description"
          description="What happened, who was affected, what was done at once."
          autosize
          minRows={2}
          maxRows={6}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
        />
        <Select
          label="System"
          description="The AI system involved."
          data={systems.data ?? []}
          value={values.systemId || null}
          onChange={(v) => set("systemId", v ?? "")}
          searchable
          clearable
          nothingFoundMessage="No system with that name"
          placeholder={systems.isError ? "Systems unavailable" : "No system"}
          error={errors.systemId}
          checkIconPosition="right"
        />
        <Select
          label="Severity"
          description={
            values.severity ? SEVERITY_VALUE_DESCRIPTIONS[values.severity] : "How serious the incident is under AI Act Art 73; it sets the reporting clock."
          }
          required
          data={severityValueOptions}
          value={values.severity || null}
          onChange={(v) => set("severity", (v ?? "") as IncidentSeverityValue | "")}
          allowDeselect={false}
          checkIconPosition="right"
          error={errors.severity}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Aware on"
            description="The day the organization became aware: the clock starts here."
            type="date"
            required
            max={today}
            value={values.awareOn}
            onChange={(e) => set("awareOn", e.currentTarget.value)}
            error={errors.awareOn}
          />
          <TextInput
            label="Occurred at"
            description="When it happened, in your time zone, if known."
            type="datetime-local"
            value={values.occurredAt}
            onChange={(e) => set("occurredAt", e.currentTarget.value)}
            error={errors.occurredAt}
          />
        </SimpleGrid>
        {editing && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              required
              data={incidentStatusOptions}
              value={values.status}
              onChange={(v) => v && set("status", v as IncidentFormValues["status"])}
              allowDeselect={false}
              checkIconPosition="right"
              error={errors.status}
            />
            <TextInput
              label="Reported on"
              description="The day it was reported to the authority."
              type="date"
              max={today}
              value={values.reportedOn}
              onChange={(e) => set("reportedOn", e.currentTarget.value)}
              error={errors.reportedOn}
            />
          </SimpleGrid>
        )}
        <Textarea
          label="Notes"
          description="Contacts, references, follow-up."
          autosize
          minRows={2}
          maxRows={6}
          value={values.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
          error={errors.notes}
        />
        {!editing && (
          <Text size="xs" c="dimmed">
            Serious incidents get their reporting deadline from the awareness date and severity (AI Act Art 73). An incomplete first report is allowed.
          </Text>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {editing ? "Save incident" : "Record incident"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
