import type { ReportFormat, ReportSnapshot } from "@caio/core";
import { Alert, Anchor, Badge, Button, Code, Group, Loader, Paper, Select, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDownload, IconFileText, IconRosetteDiscountCheck } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { describeError } from "../../api/api-error";
import { formatActor, formatDateTime, shortHash } from "../../lib/format";
import { EmptyState } from "../../shared/EmptyState";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { FORMAT_LABELS, formatBytes, formatOptions, quarterLabel } from "./report-fields";
import { reportContentUrl, useGenerateReport, useReports, useReportVerification } from "./reports-api";

/** The stored board packs, newest first, and (for editors and above) generating the selected quarter's pack. */
export function PastReportsSection({ quarter }: { quarter: string }) {
  const { org, canEdit } = useOrg();
  const reports = useReports(org.slug);
  return (
    <Section
      title="Board packs"
      description="Each generated pack is stored exactly as rendered. Its SHA-256 is written to the audit log, and checked against the stored bytes when listed here."
    >
      <Stack gap="md">
        {canEdit && <GenerateForm quarter={quarter} />}
        <QueryState query={reports} label="Loading the board packs">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No board packs generated yet">
                {canEdit
                  ? "Choose the quarter and a format, then generate the board pack. It is stored unchanged, so the pack the board saw can be reopened exactly."
                  : "Editors and admins generate board packs; they appear here to download."}
              </EmptyState>
            ) : (
              <ReportsTable items={items} />
            )
          }
        </QueryState>
      </Stack>
    </Section>
  );
}

/** Seconds since `running` became true, for the progress line of a slow render. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

function GenerateForm({ quarter }: { quarter: string }) {
  const { org } = useOrg();
  const [format, setFormat] = useState<ReportFormat>("html");
  const generate = useGenerateReport(org.slug);
  const elapsed = useElapsedSeconds(generate.isPending);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    generate.mutate(
      { quarter, format },
      {
        onSuccess: (s) =>
          notifications.show({
            color: "green",
            title: "Board pack generated",
            message: `${quarterLabel(s.quarter)} as ${FORMAT_LABELS[s.format]} (${formatBytes(s.bytes)}), stored with its SHA-256 in the audit log.`,
          }),
      },
    );
  };

  return (
    <Paper component="form" onSubmit={submit} withBorder radius="md" p="md" bg="gray.0" aria-label="Generate a board pack">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Format"
            data={formatOptions}
            value={format}
            onChange={(v) => v && setFormat(v as ReportFormat)}
            allowDeselect={false}
            disabled={generate.isPending}
            w={160}
          />
          <Button type="submit" loading={generate.isPending} leftSection={<IconFileText size={16} aria-hidden />}>
            Generate board pack
          </Button>
          <Text size="sm" c="dimmed" style={{ flex: "1 1 220px" }}>
            For {quarterLabel(quarter)}, from today's data.
          </Text>
        </Group>
        <div aria-live="polite">
          {generate.isPending && (
            <Group gap="xs" wrap="nowrap">
              <Loader size="xs" aria-hidden />
              <Text size="sm">
                Generating the {quarterLabel(quarter)} board pack as {FORMAT_LABELS[format]}…{format === "pdf" ? " Printing a PDF takes a few seconds." : ""}
              </Text>
              {elapsed > 0 && (
                <Text size="sm" c="dimmed" aria-hidden>
                  {elapsed} s
                </Text>
              )}
            </Group>
          )}
        </div>
        {generate.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title="The board pack was not generated">
            {describeError(generate.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ReportsTable({ items }: { items: ReportSnapshot[] }) {
  const { org } = useOrg();
  return (
    // Positioned, so the visually hidden link texts scroll with the table instead of widening the page.
    <Table.ScrollContainer minWidth={900} type="native" style={{ position: "relative" }}>
      <Table striped verticalSpacing="xs" aria-label="Generated board packs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Quarter</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Created by</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th>Integrity</Table.Th>
            <Table.Th>
              <VisuallyHidden>Download</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-report={r.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{quarterLabel(r.quarter)}</Table.Td>
              <Table.Td>{FORMAT_LABELS[r.format] ?? r.format}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
              </Table.Td>
              <Table.Td title={r.createdBy}>{formatActor(r.createdBy)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} title={`${r.bytes.toLocaleString("en-US")} bytes`}>
                {formatBytes(r.bytes)}
              </Table.Td>
              <Table.Td>
                <Code title={r.sha256} data-sha256={r.sha256}>
                  {shortHash(r.sha256, 12)}
                </Code>
              </Table.Td>
              <Table.Td>
                <Integrity org={org.slug} snapshot={r} />
              </Table.Td>
              <Table.Td>
                <Anchor href={reportContentUrl(org.slug, r.id)} download size="sm" style={{ whiteSpace: "nowrap" }}>
                  <Group gap={4} component="span" wrap="nowrap">
                    <IconDownload size={14} aria-hidden />
                    Download
                    <VisuallyHidden>
                      {` the ${FORMAT_LABELS[r.format] ?? r.format} board pack for ${quarterLabel(r.quarter)} created ${formatDateTime(r.createdAt)}`}
                    </VisuallyHidden>
                  </Group>
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Whether the stored bytes still hash to the digest on record and in the audit ledger. */
function Integrity({ org, snapshot }: { org: string; snapshot: ReportSnapshot }) {
  const check = useReportVerification(org, snapshot.id);
  if (check.isPending) {
    return (
      <Group gap={6} wrap="nowrap">
        <Loader size={12} aria-hidden />
        <Text size="sm" c="dimmed">
          Checking
        </Text>
      </Group>
    );
  }
  if (check.isError) {
    return (
      <Text size="sm" c="dimmed" title={describeError(check.error)}>
        Not checked
      </Text>
    );
  }
  if (check.data.verified) {
    return (
      <Badge
        color="green.9"
        variant="light"
        leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />}
        title="The stored bytes hash to this SHA-256, and the audit log recorded the same digest."
      >
        Verified
      </Badge>
    );
  }
  const reason = check.data.ledgerSha256 ? "The stored bytes or the audit log no longer match this SHA-256." : "No audit log entry records this pack's digest.";
  return (
    <Badge color="red.9" variant="light" leftSection={<IconAlertTriangle size={14} aria-hidden />} title={reason}>
      Not verified
    </Badge>
  );
}
