import { Alert, Button, Group, Modal, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { describeError } from "../api/api-error";

interface Props {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  pending: boolean;
  error: unknown;
}

/** Asks before deleting. Cancel has the focus, so Enter never deletes by accident. */
export function ConfirmDeleteModal({ opened, onClose, onConfirm, title, confirmLabel, children, pending, error }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text size="sm">{children}</Text>
      {error ? (
        <Alert color="red" mt="md" role="alert">
          {describeError(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button color="red" onClick={onConfirm} loading={pending}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
