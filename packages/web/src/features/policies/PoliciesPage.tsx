import type { PolicyOverview } from "@caio/core";
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { Link } from "react-router";
import { describeError } from "../../api/api-error";
import { formatActor, formatDay, plural } from "../../lib/format";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { useOrg } from "../layout/org-context";
import { PolicyStatusBadge } from "./PolicyStatusBadge";
import { useGeneratePolicies, usePolicies } from "./policies-api";
import { generatedMessage } from "./policy-fields";

/**
 * `/o/:org/policies`: the four policies of the governance baseline, each with the status of its
 * latest version and its approved version. Editors generate drafts from the organization's facts.
 */
export function PoliciesPage() {
  const { org, canEdit } = useOrg();
  const policies = usePolicies(org.slug);
  const generate = useGeneratePolicies(org.slug);
  const none = policies.data?.items.every((p) => p.versions.length === 0) ?? false;

  const onGenerate = () =>
    generate.mutate(policies.data?.items.map((p) => p.kind) ?? ["acceptable-use", "third-party-data", "generated-content", "customer-facing"], {
      onSuccess: (r) => notifications.show({ color: "green", message: generatedMessage(r.items) }),
    });

  return (
    <>
      <PageHeader
        title="Policies"
        description="The four policies an AI officer owes in the first 90 days, drafted from this organization's inventory, vendor terms, model policy, code scans and AI Act classifications. Each change is a new version with a diff; an approver signs off, and the audit log records who approved which text by its SHA-256 digest."
        actions={
          canEdit && (
            <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={onGenerate} loading={generate.isPending} variant={none ? "filled" : "light"}>
              {none ? "Generate the four policies" : "Generate drafts from current facts"}
            </Button>
          )
        }
      />
      {generate.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title="Could not generate" mb="md">
          {describeError(generate.error)}
        </Alert>
      )}
      <QueryState query={policies} label="Loading policies">
        {(list) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {list.items.map((p, i) => (
              <PolicyCard key={p.kind} policy={p} number={i + 1} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}

function PolicyCard({ policy: p, number }: { policy: PolicyOverview; number: number }) {
  const { org } = useOrg();
  const titleId = useId();
  const latest = p.latest;
  const approved = p.approved;
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p="lg" style={{ minWidth: 0 }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={2} fz="lg" id={titleId}>
            <Anchor component={Link} to={`/o/${org.slug}/policies/${p.kind}`} inherit>
              {number}. {p.title}
            </Anchor>
          </Title>
          {latest ? <PolicyStatusBadge status={latest.status} /> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {p.summary}
        </Text>
        {latest ? (
          <Text size="sm">
            Latest: version {latest.version}, {latest.source === "edited" ? "edited" : "generated"} by {formatActor(latest.createdBy)} on{" "}
            {formatDay(latest.createdAt)}.
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            Not generated yet.
          </Text>
        )}
        <Text size="sm">
          {approved?.approvedBy && approved.approvedAt
            ? `In force: version ${approved.version}, approved by ${formatActor(approved.approvedBy)} on ${formatDay(approved.approvedAt)}.`
            : "No approved version yet."}
        </Text>
        <Text size="xs" c="dimmed">
          {plural(p.versions.length, "version")}
        </Text>
      </Stack>
    </Paper>
  );
}
