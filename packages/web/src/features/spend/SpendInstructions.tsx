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

/** Shown until the first usage arrives: how to import an export file or pull usage from a provider. */
export function SpendInstructions() {
  const { org } = useOrg();
  const id = useId();
  const remote = `CAIO_TOKEN=<your API token> npx caio --server ${window.location.origin} --org ${org.slug} import FILE`;
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: "md", sm: "xl" }}>
      <Stack gap="md" maw={760}>
        <Title order={2} id={id} fz="lg">
          No AI usage imported yet
        </Title>
        <Text size="sm">
          Spend comes from the usage and cost exports of your AI providers, gateways and cloud bills: OpenAI and Anthropic usage and cost reports, AWS, Azure
          and Google Cloud billing exports, FOCUS files, LiteLLM, Langfuse, Helicone and OpenTelemetry logs, or a plain CSV. Importing the same file twice never
          counts anything twice.
        </Text>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Import an export file (replace FILE with its path; folders work too)
          </Text>
          <Command command="npx caio import FILE" label="Copy import command" />
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Or pull usage and billed cost straight from OpenAI with an organization admin key
          </Text>
          <Command command="npx caio pull openai --key-env OPENAI_ADMIN_KEY --since 2026-01-01" label="Copy pull command" />
          <Text size="sm" c="dimmed">
            The key is read from the environment variable, never from the command line, and is never stored.
          </Text>
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            From a laptop or a CI job, sending the usage to this server
          </Text>
          <Text size="sm">
            Add <Code>--server</Code> and an API token in <Code>CAIO_TOKEN</Code>. Editors and admins create tokens in{" "}
            <Anchor component={Link} to={`/o/${org.slug}/settings`} size="sm" underline="always">
              Settings
            </Anchor>
            .
          </Text>
          <Command command={remote} label="Copy command for this server" />
        </Stack>
        <Text size="sm" c="dimmed">
          Then assign the spend to the systems in the inventory and to teams with attribution rules, below.
        </Text>
      </Stack>
    </Paper>
  );
}
