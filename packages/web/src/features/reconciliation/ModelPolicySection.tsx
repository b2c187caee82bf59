import { type ModelPolicy, ModelPolicySchema, roleAtLeast, type StoredModelPolicy } from "@caio/core";
import { Button, Code, Group, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { formatActor, formatDateTime } from "../../lib/format";
import { ConfirmDeleteModal } from "../../shared/ConfirmDeleteModal";
import { DetailList } from "../../shared/DetailList";
import { FormAlert } from "../../shared/FormAlert";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useOrg } from "../layout/org-context";
import { useDeleteModelPolicy, useModelPolicy, useSaveModelPolicy } from "./reconciliation-api";

/** The form's fields by the policy's dotted paths, so schema and server issues land on them. */
const FIELD_LABELS = {
  "providers.allow": "Allowed providers",
  "models.allow": "Allowed models",
  "models.deny": "Denied models",
} as const;
type PolicyField = keyof typeof FIELD_LABELS;
type PolicyText = Record<PolicyField, string>;

/** One pattern per line: trimmed, without empty lines or repeats. */
function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()))].filter(Boolean);
}

function toText(policy: ModelPolicy | null): PolicyText {
  return {
    "providers.allow": (policy?.providers?.allow ?? []).join("\n"),
    "models.allow": (policy?.models?.allow ?? []).join("\n"),
    "models.deny": (policy?.models?.deny ?? []).join("\n"),
  };
}

/** Empty lists are left out: no allowed providers means any provider, no allowed models means any model that is not denied. */
function toPolicy(text: PolicyText): ModelPolicy {
  const providers = lines(text["providers.allow"]);
  const allow = lines(text["models.allow"]);
  const deny = lines(text["models.deny"]);
  const policy: ModelPolicy = {};
  if (providers.length) policy.providers = { allow: providers };
  if (allow.length || deny.length) policy.models = { ...(allow.length ? { allow } : {}), ...(deny.length ? { deny } : {}) };
  return policy;
}

function Patterns({ values, none }: { values: readonly string[] | undefined; none: string }) {
  if (!values?.length) {
    return (
      <Text span size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="wrap" component="span">
      {values.map((v) => (
        <Code key={v} style={{ overflowWrap: "anywhere" }}>
          {v}
        </Code>
      ))}
    </Group>
  );
}

/**
 * The organization's model policy, read by everyone; admins change or remove it. Reconciliation
 * lists the models in use that it does not allow.
 */
export function ModelPolicySection() {
  const { org } = useOrg();
  const isAdmin = roleAtLeast(org.role, "admin");
  const stored = useModelPolicy(org.slug);
  const remove = useDeleteModelPolicy(org.slug);
  const [editing, setEditing] = useState(false);
  const [confirming, confirm] = useDisclosure(false);
  const isSet = Boolean(stored.data?.policy);

  const onRemove = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: "green", message: "Model policy removed. Every provider and model is allowed." });
        confirm.close();
      },
    });

  return (
    <Section
      title="Model policy"
      description={
        <>
          Which providers and models the organization allows, as in the CI gate's <Code>caio-policy.yaml</Code>: patterns with <Code>*</Code> and <Code>?</Code>
          , ignoring case. A denied model is never allowed; without allowed providers or models, every one is allowed.
        </>
      }
      actions={
        isAdmin &&
        stored.data &&
        !editing && (
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {isSet ? "Edit policy" : "Set a policy"}
            </Button>
            {isSet && (
              <Button
                variant="subtle"
                color="red.9"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => {
                  remove.reset();
                  confirm.open();
                }}
              >
                Remove policy
              </Button>
            )}
          </Group>
        )
      }
    >
      <QueryState query={stored} label="Loading the model policy">
        {(s) => (editing ? <PolicyForm stored={s} onDone={() => setEditing(false)} /> : <PolicyView stored={s} isAdmin={isAdmin} />)}
      </QueryState>
      <ConfirmDeleteModal
        opened={confirming}
        onClose={confirm.close}
        onConfirm={onRemove}
        title="Remove the model policy?"
        confirmLabel="Remove policy"
        pending={remove.isPending}
        error={remove.error}
      >
        Every provider and model will be allowed, and Reconciliation will no longer list models that break the policy. The change is recorded in the audit log.
      </ConfirmDeleteModal>
    </Section>
  );
}

function PolicyView({ stored, isAdmin }: { stored: StoredModelPolicy; isAdmin: boolean }) {
  const p = stored.policy;
  if (!p) {
    return (
      <Text size="sm">
        No model policy is set: every provider and model is allowed.{" "}
        {isAdmin ? "Set one to see which models in use it would not allow." : "An admin of the organization can set one."}
      </Text>
    );
  }
  return (
    <DetailList
      cols={3}
      items={[
        { label: "Allowed providers", value: <Patterns values={p.providers?.allow} none="Any provider" /> },
        { label: "Allowed models", value: <Patterns values={p.models?.allow} none="Any model that is not denied" /> },
        { label: "Denied models", value: <Patterns values={p.models?.deny} none="None" /> },
        {
          label: "Last changed",
          value: stored.updatedAt ? `${formatDateTime(stored.updatedAt)}${stored.updatedBy ? ` by ${formatActor(stored.updatedBy)}` : ""}` : null,
          wide: true,
        },
      ]}
    />
  );
}

function PolicyForm({ stored, onDone }: { stored: StoredModelPolicy; onDone: () => void }) {
  const { org } = useOrg();
  const save = useSaveModelPolicy(org.slug);
  const [values, setValues] = useState<PolicyText>(() => toText(stored.policy));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);

  const set = (key: PolicyField, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const policy = toPolicy(values);
    if (!policy.providers && !policy.models) {
      setErrors({});
      setAlert(stored.policy ? "Enter at least one pattern, or remove the policy instead." : "Enter at least one pattern.");
      focusFirstError();
      return;
    }
    const checked = ModelPolicySchema.safeParse(policy);
    if (!checked.success) {
      const mapped = zodFieldErrors(checked.error, FIELD_LABELS);
      setErrors(mapped.fields);
      setAlert(mapped.other.length ? mapped.other.join("; ") : "Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    save.mutate(checked.data, {
      onSuccess: () => {
        notifications.show({ color: "green", message: "Model policy saved. Reconciliation now checks the models in use against it." });
        onDone();
      },
      onError: (err) => {
        const mapped = serverFormError(err, FIELD_LABELS);
        setErrors(mapped.fields);
        setAlert(mapped.alert);
        focusFirstError();
      },
    });
  };

  const field = (key: PolicyField, description: string, placeholder: string) => (
    <Textarea
      label={FIELD_LABELS[key]}
      description={description}
      placeholder={placeholder}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
      autosize
      minRows={4}
      maxRows={12}
      spellCheck={false}
      styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
    />
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Edit the model policy">
      <Stack gap="md">
        <FormAlert message={alert} />
        <Text size="sm" c="dimmed">
          One pattern per line. Leave a box empty to leave that rule out.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {field("providers.allow", "Only these providers are allowed. Empty: any provider.", "openai\nanthropic\nazure-*")}
          {field("models.allow", "Only these models are allowed. Empty: any model that is not denied.", "gpt-4o*\nclaude-*")}
          {field("models.deny", "Never allowed, even when an allowed pattern matches.", "o1*")}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save policy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
