import { Anchor, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { Link } from "react-router";
import { CopyAction } from "../../shared/CopyAction";
import { useOrg } from "../layout/org-context";

function Command({ command, label }: { command: string; label: string }) {
  return (
    <Stack gap={6}>
      <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {command}
      </Code>
      <Group>
        <CopyAction value={command} label={label} copiedLabel="Command copied to the clipboard" />
      </Group>
    </Stack>
  );
}

/** Shown until the first scan arrives: how to run `caio scan`, locally and against this server. */
export function ScanInstructions() {
  const { org } = useOrg();
  const id = useId();
  const remote = `CAIO_TOKEN=<your API token> npx caio --server ${window.location.origin} --org ${org.slug} scan PATH`;
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: "md", sm: "xl" }}>
      <Stack gap="md" maw={760}>
        <Title order={2} id={id} fz="lg">
          Nothing scanned yet
        </Title>
        <Text size="sm">
          Run the scanner on a checkout of a repository. It reads the code on the machine where it runs and reports the AI SDKs, models, providers, services,
          vector stores and secrets it finds. Only the findings are sent: names, files and line numbers, never your source code and never a key.
        </Text>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Scan a repository (replace PATH with its folder)
          </Text>
          <Command command="npx caio scan PATH" label="Copy scan command" />
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            From a laptop or a CI job, sending the findings to this server
          </Text>
          <Text size="sm">
            Add <Code>--server</Code> and an API token in <Code>CAIO_TOKEN</Code>. Editors and admins create tokens in{" "}
            <Anchor component={Link} to={`/o/${org.slug}/settings`} size="sm">
              Settings
            </Anchor>
            .
          </Text>
          <Command command={remote} label="Copy command for this server" />
        </Stack>
        <Text size="sm" c="dimmed">
          Scan again after changes: findings the latest scan no longer sees are marked gone.
        </Text>
      </Stack>
    </Paper>
  );
}
