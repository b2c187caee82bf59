import { DECISIONS, type System, type SystemCreate, SystemCreateSchema } from "@caio/core";
import { Button, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { Link } from "react-router";
import { exclusiveNone } from "../../lib/exclusive-none";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import {
  affectedOptions,
  COMPONENT_KIND_LABELS,
  DECISION_DESCRIPTIONS,
  DECISION_LABELS,
  euNexusOptions,
  personalDataOptions,
  stageOptions,
} from "../../lib/labels";
import { FormAlert } from "../../shared/FormAlert";
import { Section } from "../../shared/Section";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useComponents } from "../components/components-api";
import { formToInput, SYSTEM_FIELD_LABELS, type SystemFormValues } from "./system-fields";

interface Props {
  org: string;
  initial: SystemFormValues;
  submitLabel: string;
  cancelTo: string;
  save: (body: SystemCreate) => Promise<System>;
  onSaved: (system: System) => void;
}

function FormSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Section title={title} description={description}>
      <Stack gap="md">{children}</Stack>
    </Section>
  );
}

/** One form for every field of an AI system, validated with the same schema as the server. */
export function SystemForm({ org, initial, submitLabel, cancelTo, save, onSaved }: Props) {
  const [values, setValues] = useState<SystemFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const components = useComponents(org, { limit: 500 });

  const set = <K extends keyof SystemFormValues>(key: K, value: SystemFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = SystemCreateSchema.safeParse(formToInput(values));
    if (!parsed.success) {
      const mapped = zodFieldErrors(parsed.error, SYSTEM_FIELD_LABELS);
      setErrors(mapped.fields);
      setAlert(mapped.other.length ? mapped.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    setSaving(true);
    try {
      const saved = await save(parsed.data);
      onSaved(saved);
    } catch (err) {
      const mapped = serverFormError(err, SYSTEM_FIELD_LABELS, "name");
      setErrors(mapped.fields);
      setAlert(mapped.alert);
      focusFirstError();
    } finally {
      setSaving(false);
    }
  };

  const componentOptions = (components.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${COMPONENT_KIND_LABELS[c.kind]}${c.vendorName ? ` · ${c.vendorName}` : ""})`,
  }));
  // Keep linked components selectable even before the list has loaded.
  for (const id of values.componentIds) {
    if (!componentOptions.some((o) => o.value === id)) componentOptions.push({ value: id, label: "Loading…" });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="AI system">
      <Stack gap="lg">
        <FormAlert message={alert} />

        <FormSection title="Basics">
          <TextInput
            label="Name"
            description="What people in your organization call it."
            required
            value={values.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={errors.name}
            maxLength={200}
          />
          <Textarea
            label="Purpose"
            description="What it does and why, in a sentence or two."
            autosize
            minRows={3}
            value={values.purpose}
            onChange={(e) => set("purpose", e.currentTarget.value)}
            error={errors.purpose}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Stage"
              data={stageOptions}
              value={values.stage}
              onChange={(v) => v && set("stage", v as SystemFormValues["stage"])}
              allowDeselect={false}
              error={errors.stage}
            />
            <TextInput label="Department" value={values.department} onChange={(e) => set("department", e.currentTarget.value)} error={errors.department} />
          </SimpleGrid>
        </FormSection>

        <FormSection title="Ownership">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Business owner"
              description="Accountable for what the system is used for."
              value={values.businessOwner}
              onChange={(e) => set("businessOwner", e.currentTarget.value)}
              error={errors.businessOwner}
            />
            <TextInput
              label="Technical owner"
              description="Runs and maintains it."
              value={values.technicalOwner}
              onChange={(e) => set("technicalOwner", e.currentTarget.value)}
              error={errors.technicalOwner}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title="Impact on people" description="These answers drive the risk assessment of the system.">
          <Switch
            label="Customer-facing"
            description="Customers or the public interact with it or see its output."
            checked={values.customerFacing}
            onChange={(e) => set("customerFacing", e.currentTarget.checked)}
            error={errors.customerFacing}
          />
          <Radio.Group
            label="Decides about people"
            description="Does its output decide about individual people (hiring, credit, access to services…)?"
            value={values.decisionsAffectingPeople}
            onChange={(v) => set("decisionsAffectingPeople", v as SystemFormValues["decisionsAffectingPeople"])}
            error={errors.decisionsAffectingPeople}
          >
            <Stack gap="xs" mt="xs">
              {DECISIONS.map((d) => (
                <Radio key={d} value={d} label={d === "none" ? "No" : DECISION_LABELS[d]} description={DECISION_DESCRIPTIONS[d]} />
              ))}
            </Stack>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="People affected"
              description="Roughly how many people its output reaches."
              data={affectedOptions}
              value={values.affectedPeople}
              onChange={(v) => v && set("affectedPeople", v as SystemFormValues["affectedPeople"])}
              allowDeselect={false}
              error={errors.affectedPeople}
            />
            <MultiSelect
              label="Personal data"
              description="Kinds of personal data it processes."
              data={personalDataOptions}
              value={values.personalData}
              onChange={(v) => set("personalData", exclusiveNone(values.personalData, v as SystemFormValues["personalData"]))}
              error={errors.personalData}
              placeholder={values.personalData.length ? undefined : "Not assessed yet"}
            />
          </SimpleGrid>
          <MultiSelect
            label="EU connection"
            description="Facts that bring the system within the EU AI Act's scope."
            data={euNexusOptions}
            value={values.euNexus}
            onChange={(v) => set("euNexus", exclusiveNone(values.euNexus, v as SystemFormValues["euNexus"]))}
            error={errors.euNexus}
            placeholder={values.euNexus.length ? undefined : "Not assessed yet"}
          />
        </FormSection>

        <FormSection title="Components" description="The models, services and data this system is built from.">
          <MultiSelect
            label="Linked components"
            data={componentOptions}
            value={values.componentIds}
            onChange={(v) => set("componentIds", v)}
            searchable
            clearable
            nothingFoundMessage={components.isPending ? "Loading components…" : "No component with that name"}
            placeholder={values.componentIds.length ? undefined : "Search components"}
            error={errors.componentIds ?? (components.isError ? "Components could not be loaded." : undefined)}
          />
        </FormSection>

        <FormSection title="Other">
          <TagsInput
            label="Tags"
            description="Press Enter after each tag."
            value={values.tags}
            onChange={(v) => set("tags", v)}
            error={errors.tags}
            clearable
          />
          <Textarea label="Notes" autosize minRows={3} value={values.notes} onChange={(e) => set("notes", e.currentTarget.value)} error={errors.notes} />
        </FormSection>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" component={Link} to={cancelTo}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
