import { Button, CopyButton, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";

/** A button that copies a value to the clipboard and announces it to screen readers. */
export function CopyAction({ value, label, copiedLabel }: { value: string; label: string; copiedLabel: string }) {
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <>
          <Button
            variant="light"
            color={copied ? "teal" : undefined}
            size="xs"
            onClick={copy}
            leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          >
            {copied ? "Copied" : label}
          </Button>
          <VisuallyHidden role="status">{copied ? copiedLabel : ""}</VisuallyHidden>
        </>
      )}
    </CopyButton>
  );
}
