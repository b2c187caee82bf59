import { type ApiTokenCreated, ApiTokenCreateSchema, ROLES, type Role, roleAtLeast } from "@caio/core";
import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../lib/labels";
import { CopyAction } from "../../shared/CopyAction";
import { FormAlert } from "../../shared/FormAlert";
import { useFocusFirstError } from "../../shared/use-focus-first-error";
import { useCreateToken } from "./settings-api";

const LABELS = { name: "Name", role: "Role" };

interface Props {
  org: string;
  /** The caller's role: a token never gets more rights than the person creating it. */
  myRole: Role;
  opened: boolean;
  onClose: () => void;
}

/** Creates an API token, then shows its secret once. Closing the modal forgets the secret. */
export function CreateTokenModal({ org, myRole, opened, onClose }: Props) {
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  // Opening again always starts with the form, even when the modal is reopened before it finished closing.
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setCreated(null);
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      // The secret stays on screen while the modal fades out, then it is forgotten.
      onExitTransitionEnd={() => setCreated(null)}
      title={created ? "Copy your new API token" : "Create API token"}
      centered
      size={created ? "lg" : "md"}
      // Clicking next to the secret must not throw it away.
      closeOnClickOutside={!created}
    >
      {created ? (
        <TokenSecret token={created} org={org} onDone={onClose} />
      ) : (
        opened && <CreateTokenForm org={org} myRole={myRole} onCreated={setCreated} onCancel={onClose} />
      )}
    </Modal>
  );
}

function CreateTokenForm({ org, myRole, onCreated, onCancel }: { org: string; myRole: Role; onCreated: (t: ApiTokenCreated) => void; onCancel: () => void }) {
  const create = useCreateToken(org);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const allowed = ROLES.filter((r) => roleAtLeast(myRole, r));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ApiTokenCreateSchema.safeParse({ name, role });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, LABELS).fields);
      setAlert(null);
      focusFirstError();
      return;
    }
    setErrors({});
    setAlert(null);
    create.mutate(parsed.data, {
      onSuccess: (token) => {
        create.reset();
        onCreated(token);
      },
      onError: (err) => {
        const mapped = serverFormError(err, LABELS, "name");
        setErrors(mapped.fields);
        setAlert(mapped.alert);
        focusFirstError();
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Create API token">
      <Stack>
        <FormAlert message={alert} />
        <TextInput
          label="Name"
          description="What the token is for, for example “CI export” or “Ana's laptop”."
          required
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            if (errors.name) setErrors(({ name: _, ...rest }) => rest);
          }}
          error={errors.name}
          data-autofocus
        />
        <Select
          label="Role"
          description={`${ROLE_DESCRIPTIONS[role]} A token cannot have more rights than your own role (${ROLE_LABELS[myRole]}).`}
          required
          data={allowed.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={(v) => v && setRole(v as Role)}
          allowDeselect={false}
          checkIconPosition="right"
          error={errors.role}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenSecret({ token, org, onDone }: { token: ApiTokenCreated; org: string; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const command = `CAIO_TOKEN=${token.token} npx caio --server ${window.location.origin} --org ${org} systems list`;

  // The modal stays open while its content changes: move the focus to the secret.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <Stack>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now: you will not see it again" role="note">
        This is the only time the secret of “{token.name}” is shown. caio keeps only a hash of it. Store it in a password manager or your CI's secret store; if
        you lose it, revoke the token and create a new one.
      </Alert>
      <TextInput
        ref={inputRef}
        label="API token"
        description={`Role: ${ROLE_LABELS[token.role]}. Send it as “Authorization: Bearer <token>”.`}
        value={token.token}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      <Group>
        <CopyAction value={token.token} label="Copy token" copiedLabel="Token copied to the clipboard" />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Try it with the command line
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {command}
        </Code>
        <Group>
          <CopyAction value={command} label="Copy command" copiedLabel="Command copied to the clipboard" />
        </Group>
      </Stack>
      <Group justify="flex-end" mt="xs">
        <Button onClick={onDone}>I have copied the token</Button>
      </Group>
    </Stack>
  );
}
