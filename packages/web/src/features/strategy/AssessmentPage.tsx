import type { AssessmentAnswers, AssessmentPrefill, AssessmentQuestion, AssessmentResult, AssessmentView, CostOption, StoredAssessment } from "@caio/core";
import { Badge, Button, Group, List, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { describeError } from "../../api/api-error";
import { formatActor, formatDateTime } from "../../lib/format";
import { FormAlert } from "../../shared/FormAlert";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { useAssessment, useRunAssessment } from "./strategy-api";

const usd = (n: number) => `$${n.toLocaleString("en-US")}`;

/**
 * `/o/:org/assessment`: which leadership does the organization need? A form prefilled from the
 * inventory and the spend ledger, and the latest result with its reasons, what would change it,
 * a cost comparison and a talent posture.
 */
export function AssessmentPage() {
  const { org } = useOrg();
  const view = useAssessment(org.slug);
  return (
    <>
      <PageHeader
        title="Leadership assessment"
        description="Which leadership does the organization need: a fractional CAIO, CTO or CIO, a combined CTO+AI seat, an advisor, a strategy sprint or a full-time CAIO. The rules and thresholds are shown with their sources; values the product knows are prefilled."
      />
      <QueryState query={view} label="Loading the assessment">
        {(v) => <AssessmentBody view={v} />}
      </QueryState>
    </>
  );
}

function AssessmentBody({ view }: { view: AssessmentView }) {
  const { canEdit } = useOrg();
  return (
    <Stack gap="lg">
      {view.latest ? (
        <ResultCard stored={view.latest} />
      ) : (
        <Text c="dimmed">No assessment yet.{canEdit ? " Answer the questions below." : " An editor can run one."}</Text>
      )}
      {canEdit ? <AssessmentForm view={view} /> : view.latest && <AnswersTable view={view} answers={view.latest.answers} />}
      <ThresholdsTable view={view} />
    </Stack>
  );
}

function ResultCard({ stored }: { stored: StoredAssessment }) {
  const r = stored.result;
  return (
    <Section
      title="Recommendation"
      description={`Assessed by ${formatActor(stored.createdBy)} on ${formatDateTime(stored.createdAt)}, rules ${r.rulesVersion}.`}
      actions={
        <Badge color={r.confidence === "firm" ? "green" : "yellow"} variant="light">
          {r.confidence === "firm" ? "Firm" : "Provisional"}
        </Badge>
      }
    >
      <Stack gap="md">
        <Title order={3} fz="xl" data-testid="recommendation">
          {r.title}
        </Title>
        <Stack gap={4}>
          <Title order={4} fz="md">
            Why
          </Title>
          <List size="sm" spacing={4} data-testid="reasons">
            {r.reasons.map((x) => (
              <List.Item key={x.text}>{x.text}</List.Item>
            ))}
          </List>
        </Stack>
        {r.unknowns.length > 0 && (
          <Stack gap={4}>
            <Title order={4} fz="md">
              Unknown answers that could change it
            </Title>
            <List size="sm" spacing={4}>
              {r.unknowns.map((u) => (
                <List.Item key={u.question}>{u.text}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Stack gap={4}>
          <Title order={4} fz="md">
            What would change the answer
          </Title>
          {r.whatWouldChange.length ? (
            <List size="sm" spacing={4} data-testid="what-would-change">
              {r.whatWouldChange.map((w) => (
                <List.Item key={w.text}>{w.text}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              No single answer one threshold away changes it.
            </Text>
          )}
        </Stack>
        <CostTable costs={r.costs} />
        <TalentPosture talent={r.talent} />
      </Stack>
    </Section>
  );
}

function range(c: CostOption): string {
  if (c.lowUsd === null) return "no figure";
  if (c.highUsd === null) return `over ${usd(c.lowUsd)}`;
  return `${usd(c.lowUsd)}–${usd(c.highUsd)}`;
}

function CostTable({ costs }: { costs: CostOption[] }) {
  return (
    <Stack gap={4}>
      <Title order={4} fz="md">
        Cost comparison
      </Title>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing="xs" aria-label="Cost comparison in US dollars">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Option</Table.Th>
              <Table.Th>USD</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Basis</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {costs.map((c) => (
              <Table.Tr key={c.label} fw={c.recommended ? 600 : undefined}>
                <Table.Td>
                  {c.label}
                  {c.recommended && (
                    <Badge ml="xs" size="sm" variant="light">
                      recommended
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{range(c)}</Table.Td>
                <Table.Td>{c.period === "year" ? "per year" : "one-off"}</Table.Td>
                <Table.Td>{c.basis}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function TalentPosture({ talent }: { talent: AssessmentResult["talent"] }) {
  return (
    <Stack gap={4}>
      <Title order={4} fz="md">
        Talent posture: {talent.title}
      </Title>
      <Text size="sm">{talent.reason}</Text>
      <Text size="xs" c="dimmed">
        {talent.source}
      </Text>
    </Stack>
  );
}

type Draft = Record<string, string>;

function toDraft(view: AssessmentView): Draft {
  const d: Draft = {};
  for (const q of view.questions) {
    const p = view.prefill.find((x) => x.question === q.id);
    d[q.id] = p === undefined ? "" : String(p.value);
  }
  return d;
}

function fromDraft(view: AssessmentView, d: Draft): AssessmentAnswers {
  const out: Record<string, unknown> = {};
  for (const q of view.questions) {
    const v = d[q.id] ?? "";
    if (v === "") out[q.id] = null;
    else if (q.kind === "count" || q.kind === "usd") out[q.id] = Number(v);
    else if (q.kind === "yes-no") out[q.id] = v === "true";
    else out[q.id] = v;
  }
  return out as AssessmentAnswers;
}

function sourceOf(prefill: AssessmentPrefill[], id: string): string | undefined {
  return prefill.find((p) => p.question === id)?.source;
}

function Field({ q, value, onChange, source }: { q: AssessmentQuestion; value: string; onChange: (v: string) => void; source: string | undefined }) {
  const description = [q.help, source ? `Prefilled from ${source}.` : ""].filter(Boolean).join(" ");
  if (q.kind === "count" || q.kind === "usd")
    return (
      <NumberInput
        label={q.text}
        description={description}
        value={value === "" ? "" : Number(value)}
        onChange={(v) => onChange(v === "" || v === undefined ? "" : String(v))}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        prefix={q.kind === "usd" ? "$" : undefined}
        placeholder="Unknown"
      />
    );
  const data =
    q.kind === "yes-no"
      ? [
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]
      : q.choices;
  return (
    <Select
      label={q.text}
      description={description}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? "")}
      clearable
      placeholder="Unknown"
      checkIconPosition="right"
    />
  );
}

function AssessmentForm({ view }: { view: AssessmentView }) {
  const { org } = useOrg();
  const [draft, setDraft] = useState<Draft>(() => toDraft(view));
  const run = useRunAssessment(org.slug);
  return (
    <Section title="Answers" description="Leave a field empty when you do not know: the result says which unknowns could change it.">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate(fromDraft(view, draft));
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {view.questions.map((q) => (
              <Field
                key={q.id}
                q={q}
                value={draft[q.id] ?? ""}
                source={sourceOf(view.prefill, q.id)}
                onChange={(v) => setDraft((d) => ({ ...d, [q.id]: v }))}
              />
            ))}
          </SimpleGrid>
          <FormAlert message={run.isError ? describeError(run.error) : null} />
          <Group>
            <Button type="submit" loading={run.isPending}>
              Assess
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function show(q: AssessmentQuestion, v: unknown): string {
  if (v === null || v === undefined) return "Unknown";
  if (q.kind === "usd") return `${usd(Number(v))} a year`;
  if (q.kind === "yes-no") return v ? "Yes" : "No";
  if (q.kind === "choice") return q.choices.find((c) => c.value === v)?.label ?? String(v);
  return Number(v).toLocaleString("en-US");
}

function AnswersTable({ view, answers }: { view: AssessmentView; answers: AssessmentAnswers }) {
  return (
    <Section title="Answers">
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing="xs" aria-label="Answers of the latest assessment">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Question</Table.Th>
              <Table.Th>Answer</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.questions.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>{q.text}</Table.Td>
                <Table.Td>{show(q, answers[q.id])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function ThresholdsTable({ view }: { view: AssessmentView }) {
  return (
    <Section title="Thresholds" description="The figures the rules compare against, each with the sentence it comes from.">
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing="xs" aria-label="Assessment thresholds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Threshold</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.thresholds.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.label}</Table.Td>
                <Table.Td>{t.unit === "usd-per-year" ? `${usd(t.value)} a year` : `${t.value.toLocaleString("en-US")} ${t.unit}`}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t.source}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
