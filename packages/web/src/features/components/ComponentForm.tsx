import { type Component, type ComponentCreate, ComponentCreateSchema } from "@caio/core";
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { Link } from "react-router";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { componentKindOptions, hostingOptions } from "../../lib/labels";
import { FormAlert } from "../../shared/FormAlert";
import { Section } from "../../shared/Section";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useSystems } from "../systems/systems-api";
import { useVendors } from "../vendors/vendors-api";
import { COMPONENT_FIELD_LABELS, type ComponentFormValues, componentFormToInput } from "./component-fields";

interface Props {
  org: string;
  initial: ComponentFormValues;
  submitLabel: string;
  cancelTo: string;
  save: (body: ComponentCreate) => Promise<Component>;
  onSaved: (c: Component) => void;
}

export function ComponentForm({ org, initial, submitLabel, cancelTo, save, onSaved }: Props) {
  const [values, setValues] = useState<ComponentFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const vendors = useVendors(org);
  const systems = useSystems(org, { limit: 500 });

  const set = <K extends keyof ComponentFormValues>(key: K, value: ComponentFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = ComponentCreateSchema.safeParse(componentFormToInput(values));
    if (!parsed.success) {
      const mapped = zodFieldErrors(parsed.error, COMPONENT_FIELD_LABELS);
      if (!values.kind) mapped.fields.kind = "Kind is required";
      setErrors(mapped.fields);
      setAlert("Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    setSaving(true);
    try {
      onSaved(await save(parsed.data));
    } catch (error) {
      const mapped = serverFormError(error, COMPONENT_FIELD_LABELS, "name");
      setErrors(mapped.fields);
      setAlert(mapped.alert);
      focusFirstError();
    } finally {
      setSaving(false);
    }
  };

  const vendorOptions = (vendors.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }));
  const systemOptions = (systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  for (const id of values.systemIds) {
    if (!systemOptions.some((o) => o.value === id)) systemOptions.push({ value: id, label: "Loading…" });
  }
  if (values.vendorId && !vendorOptions.some((o) => o.value === values.vendorId)) {
    vendorOptions.push({ value: values.vendorId, label: "Loading…" });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Component">
      <Stack gap="lg">
        <FormAlert message={alert} />
        <Section title="Component">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Kind"
                required
                placeholder="Choose a kind"
                data={componentKindOptions}
                value={values.kind}
                onChange={(v) => set("kind", v as ComponentFormValues["kind"])}
                error={errors.kind}
              />
              <TextInput label="Name" required value={values.name} onChange={(e) => set("name", e.currentTarget.value)} error={errors.name} />
              <TextInput
                label="Provider"
                description="Who makes it, such as OpenAI or an internal team."
                value={values.provider}
                onChange={(e) => set("provider", e.currentTarget.value)}
                error={errors.provider}
              />
              <TextInput
                label="Identifier"
                description="Model or package name, such as gpt-4o."
                value={values.identifier}
                onChange={(e) => set("identifier", e.currentTarget.value)}
                error={errors.identifier}
              />
              <TextInput label="Version" value={values.version} onChange={(e) => set("version", e.currentTarget.value)} error={errors.version} />
              <Select
                label="Hosting"
                data={hostingOptions}
                value={values.hosting}
                onChange={(v) => v && set("hosting", v as ComponentFormValues["hosting"])}
                allowDeselect={false}
                error={errors.hosting}
              />
              <Select
                label="Vendor"
                placeholder="No vendor"
                data={vendorOptions}
                value={values.vendorId}
                onChange={(v) => set("vendorId", v)}
                clearable
                searchable
                nothingFoundMessage="No vendor with that name"
                error={errors.vendorId ?? (vendors.isError ? "Vendors could not be loaded." : undefined)}
              />
            </SimpleGrid>
            <MultiSelect
              label="Linked systems"
              description="AI systems that use this component."
              data={systemOptions}
              value={values.systemIds}
              onChange={(v) => set("systemIds", v)}
              searchable
              clearable
              nothingFoundMessage={systems.isPending ? "Loading systems…" : "No system with that name"}
              error={errors.systemIds ?? (systems.isError ? "Systems could not be loaded." : undefined)}
            />
            <Textarea label="Notes" autosize minRows={3} value={values.notes} onChange={(e) => set("notes", e.currentTarget.value)} error={errors.notes} />
          </Stack>
        </Section>
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
