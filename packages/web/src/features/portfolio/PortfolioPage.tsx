import "@mantine/charts/styles.css";
import type { UseCaseView } from "@caio/core";
import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Tabs, Text, VisuallyHidden } from "@mantine/core";
import { IconInfoCircle, IconPencil, IconPlus, IconTargetArrow } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { ActualModal } from "./ActualModal";
import { useRoadmap, useRoi, useUseCases } from "./portfolio-api";
import { gateSummary, RECOMMENDATION_COLORS, RECOMMENDATION_LABELS, USE_CASE_STAGE_LABELS, usd } from "./portfolio-fields";
import { RoadmapView } from "./RoadmapView";
import { RoiView } from "./RoiView";
import { UseCaseFormModal } from "./UseCaseFormModal";
import { ValueFeasibilityChart } from "./ValueFeasibilityChart";

const TABS = ["portfolio", "roadmap", "roi"] as const;
type Tab = (typeof TABS)[number];

/**
 * `/o/:org/portfolio`: the use-case portfolio (scores, build / buy / wait / stop with reasons,
 * fund marks, a value-versus-feasibility chart), the roadmap by quarter and ROI per use case.
 * Editors add and change use cases and record KPI actuals.
 */
export function PortfolioPage() {
  const { org, canEdit } = useOrg();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get("tab") as Tab) ? (params.get("tab") as Tab) : "portfolio";
  const [editing, setEditing] = useState<UseCaseView | "new" | null>(null);
  const [measuring, setMeasuring] = useState<UseCaseView | null>(null);

  return (
    <>
      <PageHeader
        title="Use-case portfolio"
        description="Candidate AI use cases scored on value, feasibility, risk and time to value; build, buy, wait or stop with the reasons; the roadmap by quarter and ROI from KPI actuals."
        actions={
          canEdit && (
            <Button onClick={() => setEditing("new")} leftSection={<IconPlus size={16} aria-hidden />}>
              Add use case
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== "portfolio" ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="portfolio">Portfolio</Tabs.Tab>
          <Tabs.Tab value="roadmap">Roadmap</Tabs.Tab>
          <Tabs.Tab value="roi">ROI</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="portfolio">
          <PortfolioTab onEdit={setEditing} onMeasure={setMeasuring} />
        </Tabs.Panel>
        <Tabs.Panel value="roadmap">
          <RoadmapTab />
        </Tabs.Panel>
        <Tabs.Panel value="roi">
          <RoiTab />
        </Tabs.Panel>
      </Tabs>
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" mt="md">
          Your role in {org.name} can read the portfolio. Editors and admins add use cases, change them and record KPI actuals.
        </Alert>
      )}
      {canEdit && <UseCaseFormModal org={org.slug} useCase={editing} onClose={() => setEditing(null)} />}
      {canEdit && <ActualModal org={org.slug} useCase={measuring} onClose={() => setMeasuring(null)} />}
    </>
  );
}

function RoadmapTab() {
  const { org } = useOrg();
  const roadmap = useRoadmap(org.slug);
  return (
    <QueryState query={roadmap} label="Loading the roadmap">
      {(data) => <RoadmapView roadmap={data} />}
    </QueryState>
  );
}

function RoiTab() {
  const { org } = useOrg();
  const roi = useRoi(org.slug);
  return (
    <QueryState query={roi} label="Loading ROI">
      {(data) => <RoiView report={data} />}
    </QueryState>
  );
}

function PortfolioTab({ onEdit, onMeasure }: { onEdit: (u: UseCaseView) => void; onMeasure: (u: UseCaseView) => void }) {
  const { org, canEdit } = useOrg();
  const useCases = useUseCases(org.slug);
  return (
    <QueryState query={useCases} label="Loading use cases">
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title="No use cases yet">Add the candidate AI use cases: the problem, the KPI it moves, its value and costs.</EmptyState>
        ) : (
          <Stack gap="lg">
            <Section
              title="Value and feasibility"
              description="Each use case by its value score (up) and feasibility score (right), coloured by recommendation. Top right: fund first."
            >
              <ValueFeasibilityChart items={data.items} />
            </Section>
            <Section title="Use cases" description="Highest priority first. “Fund” marks the top build and buy use cases; “Funded” is the officer's decision.">
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Table.ScrollContainer minWidth={canEdit ? 1180 : 1020} type="native">
                  <Table striped verticalSpacing="sm" data-testid="portfolio-table">
                    <Table.Caption>
                      <VisuallyHidden>Use cases, highest priority first</VisuallyHidden>
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Priority</Table.Th>
                        <Table.Th scope="col">Use case</Table.Th>
                        <Table.Th scope="col">Scores</Table.Th>
                        <Table.Th scope="col">Recommendation</Table.Th>
                        <Table.Th scope="col">Value per year</Table.Th>
                        <Table.Th scope="col">Stage</Table.Th>
                        {canEdit && <Table.Th scope="col">Actions</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((u) => (
                        <Row key={u.id} u={u} canEdit={canEdit} onEdit={onEdit} onMeasure={onMeasure} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </Section>
          </Stack>
        )
      }
    </QueryState>
  );
}

function Row({ u, canEdit, onEdit, onMeasure }: { u: UseCaseView; canEdit: boolean; onEdit: (u: UseCaseView) => void; onMeasure: (u: UseCaseView) => void }) {
  const a = u.assessment;
  const gate = gateSummary(u);
  return (
    <Table.Tr data-usecase={u.id}>
      <Table.Td>
        <Text fw={700} data-testid="priority">
          {a.scores.priority.toFixed(1)}
        </Text>
        {a.fund && (
          <Badge color="green.8" variant="filled" autoContrast size="sm" leftSection={<IconTargetArrow size={12} aria-hidden />}>
            Fund
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 220, maxWidth: 300 }}>
        <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }} data-testid="name">
          {u.name}
        </Text>
        {u.systemName && (
          <Text size="xs" c="dimmed">
            System: {u.systemName}
          </Text>
        )}
        {u.riskLabels.length > 0 && (
          <Group gap={4} mt={4}>
            {u.riskLabels.map((l) => (
              <Badge key={l} size="xs" variant="outline" color={l === "high-risk" || l === "prohibited" ? "red.8" : "gray.7"} style={{ textTransform: "none" }}>
                {l}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="xs">Value {a.scores.value}</Text>
        <Text size="xs">Feasibility {a.scores.feasibility}</Text>
        <Text size="xs">Risk {a.scores.risk}</Text>
        <Text size="xs">Time to value {a.scores.timeToValue}</Text>
      </Table.Td>
      <Table.Td style={{ minWidth: 260, maxWidth: 380 }}>
        <Badge color={RECOMMENDATION_COLORS[a.recommendation]} variant="filled" autoContrast data-testid="recommendation">
          {RECOMMENDATION_LABELS[a.recommendation]}
        </Badge>
        <List size="xs" mt={4} spacing={2}>
          {a.reasons
            .filter((r) => r.code !== "fund")
            .map((r) => (
              <List.Item key={r.code} style={{ overflowWrap: "anywhere" }}>
                {r.text}
              </List.Item>
            ))}
        </List>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm">{usd(u.annualValue)}</Text>
        {u.roi.actualCount > 0 && (
          <Text size="xs" c="dimmed">
            realized {usd(u.roi.realizedAnnualValue)}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ minWidth: 140 }}>
        <Text size="sm">{USE_CASE_STAGE_LABELS[u.stage]}</Text>
        <Text size="xs" c="dimmed">
          {u.funded ? "Funded" : "Not funded"}
        </Text>
        {gate && (
          <Text size="xs" fw={600} c={gate.color}>
            {gate.text}
          </Text>
        )}
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(u)}>
              Edit
              <VisuallyHidden>{` use case ${u.name}`}</VisuallyHidden>
            </Button>
            <Button size="xs" variant="subtle" onClick={() => onMeasure(u)}>
              Record actual
              <VisuallyHidden>{` for ${u.name}`}</VisuallyHidden>
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
