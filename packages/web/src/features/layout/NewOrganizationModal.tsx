import { OrganizationCreateSchema, type OrganizationWithRole } from "@caio/core";
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { keys } from "../../api/query-keys";
import { type FieldErrors, serverFormError, zodFieldErrors } from "../../lib/form-errors";

const LABELS = { name: "Name", slug: "Short name" };

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
}

export function NewOrganizationForm({ onDone }: { onDone?: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const create = useMutation<OrganizationWithRole, ApiError, { name: string; slug: string }>({
    mutationFn: (body) => api.post<OrganizationWithRole>("/orgs", body),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = OrganizationCreateSchema.safeParse({ name, slug });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, LABELS).fields);
      return;
    }
    setErrors({});
    setAlert(null);
    create.mutate(parsed.data, {
      onSuccess: async (org) => {
        await qc.invalidateQueries({ queryKey: keys.me });
        notifications.show({ color: "green", message: `Organization “${org.name}” created.` });
        onDone?.();
        navigate(`/o/${org.slug}/systems`);
      },
      onError: (err) => {
        const mapped = serverFormError(err, LABELS, "slug");
        setErrors(mapped.fields);
        setAlert(mapped.alert);
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setName(v);
            if (!slugTouched) setSlug(slugify(v));
          }}
        />
        <TextInput
          label="Short name"
          description="Used in addresses: lowercase letters, digits and dashes."
          required
          value={slug}
          error={errors.slug}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.currentTarget.value);
          }}
        />
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={create.isPending}>
            Create organization
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New organization" centered>
      {opened && <NewOrganizationForm onDone={onClose} />}
    </Modal>
  );
}
