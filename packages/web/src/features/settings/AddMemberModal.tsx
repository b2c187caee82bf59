import { type Member, MemberAddSchema, type Role } from "@caio/core";
import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, roleOptions } from "../../lib/labels";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useAddMember } from "./settings-api";

/** Field keys are the API's paths, so server issues ("password", "email") land on the right input. */
export const MEMBER_FIELD_LABELS = { email: "Email", name: "Name", role: "Role", password: "Password" };

interface Values {
  email: string;
  name: string;
  role: Role;
  password: string;
}

const EMPTY: Values = { email: "", name: "", role: "viewer", password: "" };

function AddMemberForm({ org, onDone }: { org: string; onDone: () => void }) {
  const add = useAddMember(org);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    const k: string = key;
    if (errors[k]) setErrors(({ [k]: _, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = MemberAddSchema.safeParse({ ...values, password: values.password === "" ? undefined : values.password });
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error, MEMBER_FIELD_LABELS).fields;
      // "Email must be an email address" reads oddly for an empty field.
      if (values.email.trim() === "") fields.email = "Email is required";
      setErrors(fields);
      setAlert("Some fields need attention.");
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    add.mutate(parsed.data, {
      onSuccess: (m: Member) => {
        notifications.show({ color: "green", message: `${m.name || m.email} added as ${ROLE_LABELS[m.role]}.` });
        onDone();
      },
      onError: (err) => {
        const mapped = serverFormError(err, MEMBER_FIELD_LABELS, "email");
        setErrors(mapped.fields);
        setAlert(mapped.alert);
        focusFirstError();
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Add member">
      <Stack>
        <FormAlert message={alert} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={(e) => set("email", e.currentTarget.value)}
          error={errors.email}
          data-autofocus
        />
        <TextInput
          label="Name"
          description="Shown in the member list. Only used when a new caio account is created."
          autoComplete="off"
          value={values.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label="Role"
          description={ROLE_DESCRIPTIONS[values.role]}
          required
          data={roleOptions}
          value={values.role}
          onChange={(v) => v && set("role", v as Role)}
          allowDeselect={false}
          checkIconPosition="right"
          error={errors.role}
        />
        <PasswordInput
          label="Password"
          description="Only needed if this person has no caio account yet: they sign in with it. At least 10 characters."
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => set("password", e.currentTarget.value)}
          error={errors.password}
          // Mantine's PasswordInput marks only its wrapper as invalid; the input itself must say so too.
          aria-invalid={errors.password ? true : undefined}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AddMemberModal({ org, opened, onClose }: { org: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add member" centered size="md">
      {opened && <AddMemberForm org={org} onDone={onClose} />}
    </Modal>
  );
}
