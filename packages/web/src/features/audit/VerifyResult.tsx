import type { AuditVerify } from "@caio/core";
import { Alert, Code, Text } from "@mantine/core";
import { IconAlertOctagon, IconCircleCheck } from "@tabler/icons-react";
import { plural, shortHash } from "../../lib/format";

/** The verdict of `GET /audit/verify`, in words. */
export function VerifyResult({ result }: { result: AuditVerify }) {
  if (result.ok) {
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Chain intact" role="status">
        <Text size="sm">All {plural(result.entries, "entry", "entries")} verified: none has been edited, removed or reordered.</Text>
        {result.headHash && (
          <Text size="xs" c="dimmed" mt={4}>
            Latest hash <Code>{shortHash(result.headHash, 16)}</Code>
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertOctagon aria-hidden />} title="Chain broken" role="alert">
      {result.firstBroken ? (
        <Text size="sm">
          The first broken entry is #{result.firstBroken.seq}: {result.firstBroken.reason}.
        </Text>
      ) : (
        <Text size="sm">The audit log failed verification.</Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {plural(result.entries, "entry", "entries")} checked.
      </Text>
    </Alert>
  );
}
