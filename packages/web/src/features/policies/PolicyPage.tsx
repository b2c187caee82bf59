import { POLICY_KINDS, type PolicyKind, type PolicyOverview, type PolicyVersionDetail } from "@caio/core";
import { Anchor, Button, Code, Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { formatActor, formatDateTime } from "../../lib/format";
import { type DetailItem, DetailList } from "../../shared/DetailList";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { DiffView } from "./DiffView";
import { MarkdownView } from "./MarkdownView";
import { PolicyActions } from "./PolicyActions";
import { PolicyStatusBadge } from "./PolicyStatusBadge";
import { useGeneratePolicies, usePolicies, usePolicyVersion } from "./policies-api";
import { generatedMessage, POLICY_STATUS_DESCRIPTIONS, POLICY_STATUS_LABELS } from "./policy-fields";

/** `/o/:org/policies/:kind[?version=N]`: one policy's version with its text, diff, status, sign-off and actions. */
export function PolicyPage() {
  const { org } = useOrg();
  const { kind = "" } = useParams();
  const policies = usePolicies(org.slug);
  const back = { to: `/o/${org.slug}/policies`, label: "All policies" };
  if (!(POLICY_KINDS as readonly string[]).includes(kind)) {
    return (
      <>
        <PageHeader title="No such policy" back={back} />
        <EmptyState title="No such policy">
          The policies are: AI acceptable use, data sent to third-party models, AI-generated content and AI in customer-facing workflows.
        </EmptyState>
      </>
    );
  }
  return (
    <QueryState query={policies} label="Loading the policy">
      {(list) => {
        const p = list.items.find((i) => i.kind === kind);
        return p ? <PolicyView policy={p} /> : null;
      }}
    </QueryState>
  );
}

function PolicyView({ policy: p }: { policy: PolicyOverview }) {
  const { org, canEdit } = useOrg();
  const [sp, setSp] = useSearchParams();
  const wanted = Number(sp.get("version"));
  const selected = p.versions.find((v) => v.version === wanted) ?? p.versions[0];
  const detail = usePolicyVersion(org.slug, selected?.id);
  const generate = useGeneratePolicies(org.slug);
  const back = { to: `/o/${org.slug}/policies`, label: "All policies" };
  const showLatest = () => setSp({}, { replace: false });

  if (!selected) {
    return (
      <>
        <PageHeader title={p.title} back={back} description={p.summary} />
        <EmptyState
          title="Not generated yet"
          action={
            canEdit && (
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={generate.isPending}
                onClick={() =>
                  generate.mutate([p.kind as PolicyKind], { onSuccess: (r) => notifications.show({ color: "green", message: generatedMessage(r.items) }) })
                }
              >
                Generate it from the facts
              </Button>
            )
          }
        >
          caio drafts this policy from the inventory, vendor terms, model policy, code scans and classifications.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title={p.title} back={back} description={p.summary} badges={<PolicyStatusBadge status={selected.status} />} />
      <Stack gap="lg">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Version"
            data={p.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} · ${POLICY_STATUS_LABELS[v.status]}` }))}
            value={String(selected.version)}
            onChange={(v) => v && setSp(v === String(p.versions[0]?.version) ? {} : { version: v })}
            allowDeselect={false}
            maw={280}
            style={{ flex: "1 1 220px" }}
          />
          {selected.id !== p.versions[0]?.id && (
            <Text size="sm" c="dimmed">
              An older version.{" "}
              <Anchor component="button" type="button" size="sm" onClick={showLatest}>
                Show the latest
              </Anchor>
            </Text>
          )}
        </Group>
        <QueryState query={detail} label="Loading the version">
          {(v) => <VersionView v={v} approvedVersion={p.approved?.version ?? null} onNewVersion={showLatest} />}
        </QueryState>
      </Stack>
    </>
  );
}

function who(actor: string | null, at: string | null): string | null {
  return actor && at ? `${formatActor(actor)}, ${formatDateTime(at)}` : null;
}

function VersionView({ v, approvedVersion, onNewVersion }: { v: PolicyVersionDetail; approvedVersion: number | null; onNewVersion: () => void }) {
  const [view, setView] = useState<"text" | "diff">("text");
  const items: DetailItem[] = [
    { label: "Status", value: POLICY_STATUS_DESCRIPTIONS[v.status] },
    { label: "Version", value: `${v.version}, ${v.source === "edited" ? "edited" : "generated from the facts"} by ${who(v.createdBy, v.createdAt)}` },
    {
      label: "SHA-256 digest of the text",
      value: (
        <Code style={{ overflowWrap: "anywhere", whiteSpace: "normal" }} data-testid="policy-digest">
          {v.digest}
        </Code>
      ),
      wide: true,
    },
  ];
  if (v.submittedBy) items.push({ label: "Submitted for review", value: who(v.submittedBy, v.submittedAt) });
  if (v.approvedBy) items.push({ label: "Approved", value: who(v.approvedBy, v.approvedAt) });
  if (v.approvalNote) items.push({ label: "Approval note", value: v.approvalNote });
  if (v.rejectedBy)
    items.push({ label: v.status === "draft" ? "Sent back" : "Last sent back", value: `${who(v.rejectedBy, v.rejectedAt)}: ${v.rejectionReason}`, wide: true });
  if (v.supersededBy) items.push({ label: "Superseded", value: `by version ${v.supersededBy}, ${formatDateTime(v.supersededAt)}` });
  if (v.status !== "approved" && approvedVersion !== null && approvedVersion !== v.version)
    items.push({ label: "In force meanwhile", value: `Version ${approvedVersion}` });

  return (
    <Stack gap="lg">
      <Section title="Status and sign-off">
        <Stack gap="md">
          <DetailList items={items} />
          <PolicyActions v={v} onNewVersion={onNewVersion} />
        </Stack>
      </Section>
      <Section
        title={view === "text" ? `Text of version ${v.version}` : `Changes in version ${v.version}`}
        actions={
          v.diff && (
            <SegmentedControl
              size="xs"
              aria-label="Show"
              value={view}
              onChange={(x) => setView(x as "text" | "diff")}
              data={[
                { value: "text", label: "Text" },
                { value: "diff", label: `Changes from version ${v.diff.against} (+${v.diff.added} −${v.diff.removed})` },
              ]}
            />
          )
        }
      >
        {view === "diff" && v.diff ? (
          <DiffView diff={v.diff} version={v.version} />
        ) : (
          <MarkdownView markdown={v.markdown} label={`${v.title} version ${v.version}`} />
        )}
      </Section>
    </Stack>
  );
}
