import { type Vendor, type VendorCreate, VendorCreateSchema } from "@caio/core";
import { Button, Group, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { Link } from "react-router";
import { type FieldErrors, phrase, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { triStateOptions } from "../../lib/labels";
import { FormAlert } from "../../shared/FormAlert";
import { Section } from "../../shared/Section";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { parseRetention, VENDOR_FIELD_LABELS, type VendorFormValues, vendorFormToInput } from "./vendor-fields";

interface Props {
  initial: VendorFormValues;
  submitLabel: string;
  cancelTo: string;
  save: (body: VendorCreate) => Promise<Vendor>;
  onSaved: (vendor: Vendor) => void;
}

/** Form fields are keyed by the API's dotted paths so server issues land on the right input. */
const KEY: Record<keyof VendorFormValues, string> = {
  name: "name",
  services: "services",
  website: "website",
  notes: "notes",
  start: "contract.start",
  end: "contract.end",
  renewalNoticeDate: "contract.renewalNoticeDate",
  commitmentAmount: "contract.commitmentAmount",
  commitmentCurrency: "contract.commitmentCurrency",
  trainsOnCustomerData: "dataTerms.trainsOnCustomerData",
  retentionDays: "dataTerms.retentionDays",
  dpaSigned: "dataTerms.dpaSigned",
  dataRegion: "dataTerms.dataRegion",
};

export function VendorForm({ initial, submitLabel, cancelTo, save, onSaved }: Props) {
  const [values, setValues] = useState<VendorFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);

  const set = <K extends keyof VendorFormValues>(key: K, value: VendorFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    const k = KEY[key];
    if (errors[k]) setErrors(({ [k]: _, ...rest }) => rest);
  };
  const err = (key: keyof VendorFormValues) => errors[KEY[key]];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = VendorCreateSchema.safeParse(vendorFormToInput(values));
    const fieldErrors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, VENDOR_FIELD_LABELS).fields;
    if (parseRetention(values.retentionDays) === undefined) {
      fieldErrors[KEY.retentionDays] = phrase("Retention", "must be a whole number of days");
    }
    if (!parsed.success || Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
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
      const mapped = serverFormError(error, VENDOR_FIELD_LABELS, "name");
      setErrors(mapped.fields);
      setAlert(mapped.alert);
      focusFirstError();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Vendor">
      <Stack gap="lg">
        <FormAlert message={alert} />
        <Section title="Basics">
          <Stack gap="md">
            <TextInput label="Name" required value={values.name} onChange={(e) => set("name", e.currentTarget.value)} error={err("name")} />
            <TagsInput
              label="Services"
              description="The products you use from this vendor. Press Enter after each one."
              value={values.services}
              onChange={(v) => set("services", v)}
              error={err("services")}
              clearable
            />
            <TextInput
              label="Website"
              type="url"
              placeholder="https://"
              value={values.website}
              onChange={(e) => set("website", e.currentTarget.value)}
              error={err("website")}
            />
            <Textarea label="Notes" autosize minRows={3} value={values.notes} onChange={(e) => set("notes", e.currentTarget.value)} error={err("notes")} />
          </Stack>
        </Section>

        <Section title="Contract">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Contract start" type="date" value={values.start} onChange={(e) => set("start", e.currentTarget.value)} error={err("start")} />
            <TextInput label="Contract end" type="date" value={values.end} onChange={(e) => set("end", e.currentTarget.value)} error={err("end")} />
            <TextInput
              label="Renewal notice date"
              description="Last day to cancel or renegotiate."
              type="date"
              value={values.renewalNoticeDate}
              onChange={(e) => set("renewalNoticeDate", e.currentTarget.value)}
              error={err("renewalNoticeDate")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
            <TextInput
              label="Commitment"
              description="Committed spend over the contract."
              inputMode="decimal"
              placeholder="120000.00"
              value={values.commitmentAmount}
              onChange={(e) => set("commitmentAmount", e.currentTarget.value)}
              error={err("commitmentAmount")}
            />
            <TextInput
              label="Currency"
              description="3-letter code, such as USD or EUR."
              maxLength={3}
              value={values.commitmentCurrency}
              onChange={(e) => set("commitmentCurrency", e.currentTarget.value.toUpperCase())}
              error={err("commitmentCurrency")}
            />
          </SimpleGrid>
        </Section>

        <Section title="Data-use terms" description="What the vendor may do with the data you send it.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Trains on your data"
              description="Does the vendor use your data to train its models?"
              data={triStateOptions}
              value={values.trainsOnCustomerData}
              onChange={(v) => v && set("trainsOnCustomerData", v as VendorFormValues["trainsOnCustomerData"])}
              allowDeselect={false}
              error={err("trainsOnCustomerData")}
            />
            <TextInput
              label="Retention (days)"
              description="How long the vendor keeps your data. Leave empty if unknown."
              inputMode="numeric"
              value={values.retentionDays}
              onChange={(e) => set("retentionDays", e.currentTarget.value)}
              error={err("retentionDays")}
            />
            <TextInput
              label="Data region"
              placeholder="EU, US…"
              value={values.dataRegion}
              onChange={(e) => set("dataRegion", e.currentTarget.value)}
              error={err("dataRegion")}
            />
            <Switch
              label="DPA signed"
              description="A data processing agreement is in place."
              checked={values.dpaSigned}
              onChange={(e) => set("dpaSigned", e.currentTarget.checked)}
              error={err("dpaSigned")}
              mt={{ base: 0, sm: "lg" }}
            />
          </SimpleGrid>
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
