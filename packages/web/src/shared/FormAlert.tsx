import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

/** The form-level message after a failed save. Focusable so it can receive focus after submit. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" tabIndex={-1} title="Not saved">
      {message}
    </Alert>
  );
}
