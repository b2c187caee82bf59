import { type Risk, type RiskCreate, type RiskPatch, riskRating } from "@caio/core";
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFormError } from "../../lib/form-errors";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { RatingBadge } from "./RatingBadge";
import {
  EMPTY_RISK,
  likelihoodOptions,
  plainRiskErrors,
  RISK_FIELD_LABELS,
  type RiskFormValues,
  riskStatusOptions,
  riskToForm,
  severityOptions,
  validateRisk,
} from "./risk-fields";
import { useCreateRisk, useSystemChoices, useUpdateRisk } from "./risks-api";

interface Props {
  org: string;
  /** The risk to change, "new" to add one, null while closed. */
  risk: Risk | "new" | null;
  onClose: () => void;
}

/** Adds or changes a risk; validated with the server's schema, server issues land on their fields. */
export function RiskFormModal({ org, risk, onClose }: Props) {
  const editing = risk !== null && risk !== "new" ? risk : null;
  return (
    <Modal opened={risk !== null} onClose={onClose} title={editing ? "Edit risk" : "Add risk"} centered size="lg">
      {risk !== null && <RiskForm key={editing?.id ?? "new"} org={org} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function RiskForm({ org, editing, onDone }: { org: string; editing: Risk | null; onDone: () => void }) {
  const [values, setValues] = useState<RiskFormValues>(editing ? riskToForm(editing) : EMPTY_RISK);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const create = useCreateRisk(org);
  const update = useUpdateRisk(org);
  const systems = useSystemChoices(org);
  const saving = create.isPending || update.isPending;

  const set = <K extends keyof RiskFormValues>(key: K, value: RiskFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateRisk(values, editing !== null);
    if (!checked.ok) {
      setErrors(checked.errors.fields);
      setAlert(checked.errors.other.length ? checked.errors.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    const onError = (err: unknown) => {
      const mapped = serverFormError(err, RISK_FIELD_LABELS, "title");
      setErrors(plainRiskErrors(mapped.fields));
      setAlert(mapped.alert);
      focusFirstError();
    };
    const onSuccess = (saved: Risk) => {
      notifications.show({ color: "green", message: `Risk “${saved.title}” ${editing ? "saved" : "added"}: score ${saved.score} (${saved.rating}).` });
      onDone();
    };
    if (editing) update.mutate({ id: editing.id, body: checked.input as RiskPatch }, { onSuccess, onError });
    else create.mutate(checked.input as RiskCreate, { onSuccess, onError });
  };

  const score = values.likelihood && values.severity ? Number(values.likelihood) * Number(values.severity) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={editing ? "Edit risk" : "Add risk"}>
      <Stack>
        <FormAlert message={alert} />
        <TextInput
          label="Title"
          description="What could go wrong, in one line."
          required
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label="Description"
          description="Cause, event and consequence."
          autosize
          minRows={2}
          maxRows={6}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Likelihood"
            required
            data={likelihoodOptions}
            value={values.likelihood || null}
            onChange={(v) => set("likelihood", v ?? "")}
            allowDeselect={false}
            checkIconPosition="right"
            error={errors.likelihood}
          />
          <Select
            label="Severity"
            required
            data={severityOptions}
            value={values.severity || null}
            onChange={(v) => set("severity", v ?? "")}
            allowDeselect={false}
            checkIconPosition="right"
            error={errors.severity}
          />
        </SimpleGrid>
        <Group gap="xs" aria-live="polite">
          <Text size="sm" c="dimmed">
            Score:
          </Text>
          {score !== null ? <RatingBadge score={score} rating={riskRating(score)} /> : <Text size="sm">choose likelihood and severity</Text>}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Owner"
            description="Who answers for this risk."
            value={values.owner}
            onChange={(e) => set("owner", e.currentTarget.value)}
            error={errors.owner}
          />
          <Select
            label="Status"
            required
            data={riskStatusOptions}
            value={values.status}
            onChange={(v) => v && set("status", v as RiskFormValues["status"])}
            allowDeselect={false}
            checkIconPosition="right"
            error={errors.status}
          />
        </SimpleGrid>
        <Textarea
          label="Mitigation"
          description="What is done, or will be done, about it."
          autosize
          minRows={2}
          maxRows={6}
          value={values.mitigation}
          onChange={(e) => set("mitigation", e.currentTarget.value)}
          error={errors.mitigation}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Review date"
            description="When the risk is looked at next."
            type="date"
            value={values.reviewDate}
            onChange={(e) => set("reviewDate", e.currentTarget.value)}
            error={errors.reviewDate}
          />
          <MultiSelect
            label="Systems"
            description="The AI systems the risk concerns."
            data={systems.data ?? []}
            value={values.systemIds}
            onChange={(v) => set("systemIds", v)}
            searchable
            clearable
            nothingFoundMessage="No system with that name"
            placeholder={systems.isError ? "Systems unavailable" : values.systemIds.length ? undefined : "None"}
            error={errors.systemIds}
          />
        </SimpleGrid>
        <TagsInput
          label="Obligations"
          description="Obligation ids the risk relates to, such as aia.art26.oversight or gdpr.art35.dpia. Press Enter after each."
          value={values.obligationIds}
          onChange={(v) => set("obligationIds", v)}
          clearable
          error={errors.obligationIds}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {editing ? "Save risk" : "Add risk"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
