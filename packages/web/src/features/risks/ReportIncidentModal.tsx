import type { Incident } from "@caio/core";
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { serverFormError } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { FormAlert } from "../../shared/FormAlert";
import { INCIDENT_FIELD_LABELS, reportIssues, utcToday } from "./incident-fields";
import { useUpdateIncident } from "./risks-api";

/** Marks an incident reported to the authority on a day (default today), with an optional note. */
export function ReportIncidentModal({ org, incident, onClose }: { org: string; incident: Incident | null; onClose: () => void }) {
  return (
    <Modal opened={incident !== null} onClose={onClose} title="Mark incident reported" centered>
      {incident && <ReportForm key={incident.id} org={org} incident={incident} onDone={onClose} />}
    </Modal>
  );
}

function ReportForm({ org, incident, onDone }: { org: string; incident: Incident; onDone: () => void }) {
  const [reportedOn, setReportedOn] = useState(utcToday());
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const update = useUpdateIncident(org);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const issue = reportIssues(incident, reportedOn);
    if (issue) {
      setError(issue);
      return;
    }
    const notes = note.trim()
      ? incident.notes
        ? `${incident.notes}\nReported on ${reportedOn}: ${note.trim()}`
        : `Reported on ${reportedOn}: ${note.trim()}`
      : undefined;
    update.mutate(
      { id: incident.id, body: { status: "reported", reportedOn, ...(notes ? { notes } : {}) } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "green",
            message: `“${saved.title}” marked reported on ${formatDate(reportedOn)}${saved.state === "reported-on-time" ? ", on time" : saved.state === "reported-late" ? ", after the deadline" : ""}.`,
          });
          onDone();
        },
        onError: (err) => {
          const mapped = serverFormError(err, INCIDENT_FIELD_LABELS);
          setError(mapped.fields.reportedOn ?? null);
          setAlert(mapped.alert);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Mark incident reported">
      <Stack>
        <FormAlert message={alert} />
        <Text size="sm">
          {incident.title}
          {incident.deadline ? ` (due ${formatDate(incident.deadline.dueDate)})` : ""}
        </Text>
        <TextInput
          label="Reported on"
          description="The day the report went to the market-surveillance authority."
          type="date"
          required
          max={utcToday()}
          value={reportedOn}
          onChange={(e) => {
            setReportedOn(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <Textarea
          label="Note"
          description="Added to the incident's notes, for example the authority's reference."
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Mark reported
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
