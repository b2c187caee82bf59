import { KpiActualCreateSchema, type UseCaseView } from "@caio/core";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { FormAlert } from "../../shared/FormAlert";
import { useRecordActual } from "./portfolio-api";

const LABELS = { on: "Measured on", value: "Value", note: "Note" };

/** Records one KPI measurement of a use case. */
export function ActualModal({ org, useCase, onClose }: { org: string; useCase: UseCaseView | null; onClose: () => void }) {
  return (
    <Modal opened={useCase !== null} onClose={onClose} title="Record KPI actual" centered>
      {useCase && <ActualForm key={useCase.id} org={org} useCase={useCase} onDone={onClose} />}
    </Modal>
  );
}

function ActualForm({ org, useCase, onDone }: { org: string; useCase: UseCaseView; onDone: () => void }) {
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const record = useRecordActual(org);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = KpiActualCreateSchema.safeParse({ on, value: value.trim() === "" ? undefined : Number(value), note });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, LABELS).fields);
      setAlert("Some fields need attention.");
      return;
    }
    record.mutate(
      { id: useCase.id, body: parsed.data },
      {
        onSuccess: (a) => {
          notifications.show({
            color: "green",
            message: `Recorded ${a.value}${useCase.kpiUnit ? ` ${useCase.kpiUnit}` : ""} on ${a.on} for “${useCase.name}”.`,
          });
          onDone();
        },
        onError: (err) => {
          const mapped = serverFormError(err, LABELS);
          setErrors(mapped.fields);
          setAlert(mapped.alert);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record KPI actual">
      <Stack>
        <FormAlert message={alert} />
        <Text size="sm">
          {useCase.name}: {useCase.kpiName || "KPI"}
          {useCase.kpiUnit ? ` (${useCase.kpiUnit})` : ""}, baseline {useCase.kpiBaseline ?? "—"}, target {useCase.kpiTarget ?? "—"}
        </Text>
        <TextInput label="Measured on" type="date" required value={on} onChange={(e) => setOn(e.currentTarget.value)} error={errors.on} />
        <TextInput
          label="Value"
          required
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={errors.value}
          data-autofocus
        />
        <TextInput label="Note" description="Where the figure comes from." value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record actual
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
