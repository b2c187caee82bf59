import type { RuleField, SpendRule } from "@caio/core";
import { Autocomplete, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFormError } from "../../lib/form-errors";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import {
  EMPTY_RULE,
  plainServerErrors,
  RULE_VALUE_DESCRIPTIONS,
  RULE_VALUE_LABELS,
  type RuleFormValues,
  ruleFieldLabels,
  ruleFieldOptions,
  ruleMatchText,
  ruleToForm,
  SUGGESTION_DIMENSION,
  sourceOptions,
  validateRule,
} from "./rule-fields";
import { useCreateSpendRule, useSpendRollup, useSystemOptions, useUpdateSpendRule } from "./spend-api";

interface Props {
  org: string;
  /** The rule to change, "new" to add one, null while closed. */
  rule: SpendRule | "new" | null;
  /** Positions in use, to explain the order in the position field. */
  positions: number[];
  onClose: () => void;
}

/** Adds or changes an attribution rule; validated with the server's schema, server issues land on their fields. */
export function RuleFormModal({ org, rule, positions, onClose }: Props) {
  const editing = rule !== null && rule !== "new" ? rule : null;
  return (
    <Modal opened={rule !== null} onClose={onClose} title={editing ? "Edit attribution rule" : "Add attribution rule"} centered size="lg">
      {rule !== null && <RuleForm key={editing?.id ?? "new"} org={org} editing={editing} positions={positions} onDone={onClose} />}
    </Modal>
  );
}

function RuleForm({ org, editing, positions, onDone }: { org: string; editing: SpendRule | null; positions: number[]; onDone: () => void }) {
  const [values, setValues] = useState<RuleFormValues>(editing ? ruleToForm(editing) : EMPTY_RULE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const create = useCreateSpendRule(org);
  const update = useUpdateSpendRule(org);
  const systems = useSystemOptions(org);
  const dimension = SUGGESTION_DIMENSION[values.field];
  const suggestions = useSpendRollup(org, dimension ?? "provider", {}, { enabled: dimension !== undefined });
  const providers = useSpendRollup(org, "provider", {}, { enabled: values.field === "api_key" });
  const teams = useSpendRollup(org, "team", {});
  const saving = create.isPending || update.isPending;

  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
    // Assigning a team answers the "system, team or both" message shown under System.
    if (key === "team" && errors.systemId) setErrors(({ systemId: _, ...rest }) => rest);
  };

  const keys = (rows: { key: string }[] | undefined) =>
    [...new Set((rows ?? []).map((r) => r.key).filter((k) => k !== "(none)" && k !== "(unattributed)"))].slice(0, 200);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateRule(values, editing);
    if (!checked.ok) {
      setErrors(checked.errors.fields);
      setAlert(checked.errors.other.length ? checked.errors.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    const onError = (err: unknown) => {
      const mapped = serverFormError(err, ruleFieldLabels(values.field), "value");
      setErrors(plainServerErrors(mapped.fields, values.field));
      setAlert(mapped.alert);
      focusFirstError();
    };
    const onSuccess = (saved: SpendRule) => {
      notifications.show({
        color: "green",
        message: `Rule “${ruleMatchText(saved)}” ${editing ? "saved" : "added"}. Spend is attributed again, for past usage too.`,
      });
      onDone();
    };
    if (editing) update.mutate({ id: editing.id, body: checked.input }, { onSuccess, onError });
    else create.mutate(checked.input, { onSuccess, onError });
  };

  const valueLabel = RULE_VALUE_LABELS[values.field];
  const keyHidden = editing?.field === "api_key" && values.field === "api_key";
  const valueDescription = keyHidden
    ? `Leave empty to keep the key ${editing?.hint ?? ""}. Enter a key id only to match another key; caio keeps only a hash of it.`
    : RULE_VALUE_DESCRIPTIONS[values.field];
  const lowest = positions.length ? Math.min(...positions) : 0;
  const highest = positions.length ? Math.max(...positions) : 0;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={editing ? "Edit attribution rule" : "Add attribution rule"}>
      <Stack>
        <FormAlert message={alert} />
        <Text size="sm" c="dimmed">
          Usage whose {valueLabel.toLowerCase()} matches is assigned to the system and team you choose. The first matching rule wins, and the rule applies to
          all usage already imported as well as future imports.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Match on"
            required
            data={ruleFieldOptions}
            value={values.field}
            onChange={(v) => v && set("field", v as RuleField)}
            allowDeselect={false}
            checkIconPosition="right"
            error={errors.field}
            data-autofocus
          />
          {values.field === "tag" && (
            <TextInput
              label="Tag name"
              description="The tag's name, for example cost-center."
              required
              value={values.key}
              onChange={(e) => set("key", e.currentTarget.value)}
              error={errors.key}
            />
          )}
          {values.field === "api_key" && (
            <Autocomplete
              label="Provider"
              description="The provider that issued the key, for example openai."
              required
              data={keys(providers.data?.items)}
              value={values.provider}
              onChange={(v) => set("provider", v)}
              error={errors.provider}
            />
          )}
        </SimpleGrid>
        {values.field === "source" ? (
          <Select
            label={valueLabel}
            description={valueDescription}
            required
            data={sourceOptions}
            value={values.value || null}
            onChange={(v) => set("value", v ?? "")}
            searchable
            error={errors.value}
          />
        ) : dimension ? (
          <Autocomplete
            label={valueLabel}
            description={`${valueDescription} Suggestions come from the imported usage.`}
            required
            data={keys(suggestions.data?.items)}
            value={values.value}
            onChange={(v) => set("value", v)}
            error={errors.value}
            limit={50}
          />
        ) : (
          <TextInput
            label={valueLabel}
            description={valueDescription}
            required={!keyHidden}
            placeholder={keyHidden ? `Unchanged (${editing?.hint ?? "hidden"})` : undefined}
            value={values.value}
            onChange={(e) => set("value", e.currentTarget.value)}
            error={errors.value}
            autoComplete="off"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="System"
            description="The inventory system the spend belongs to."
            data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={values.systemId || null}
            onChange={(v) => set("systemId", v ?? "")}
            searchable
            clearable
            nothingFoundMessage="No system with that name"
            placeholder={systems.isError ? "Systems unavailable" : "No system"}
            error={errors.systemId}
            checkIconPosition="right"
          />
          <Autocomplete
            label="Team"
            description="The team that pays for it, for chargeback."
            data={keys(teams.data?.items)}
            value={values.team}
            onChange={(v) => set("team", v)}
            error={errors.team}
          />
        </SimpleGrid>
        <Textarea
          label="Note"
          description="Why this usage belongs there, for whoever reads the rule next."
          autosize
          minRows={2}
          maxRows={5}
          value={values.note}
          onChange={(e) => set("note", e.currentTarget.value)}
          error={errors.note}
        />
        <NumberInput
          label="Position"
          description={`Rules are tried from the lowest position up${positions.length ? ` (now ${lowest} to ${highest})` : ""}. ${
            editing ? "Leave empty to keep its place." : "Leave empty to put the rule last."
          }`}
          min={0}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={values.position}
          onChange={(v) => set("position", v)}
          error={errors.position}
          w={{ base: "100%", sm: 240 }}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {editing ? "Save rule" : "Add rule"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
