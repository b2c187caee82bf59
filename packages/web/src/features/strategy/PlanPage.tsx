import { type MilestoneStatus, type Plan, roleAtLeast } from "@caio/core";
import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/api-error";
import { formatActor } from "../../lib/format";
import { FormAlert } from "../../shared/FormAlert";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { usePlan, useSetPlanStart } from "./strategy-api";

const STATUS: Record<MilestoneStatus, { label: string; color: string }> = {
  done: { label: "Done", color: "green" },
  "on-track": { label: "On track", color: "blue" },
  "at-risk": { label: "At risk", color: "yellow" },
  overdue: { label: "Overdue", color: "red" },
};

/**
 * `/o/:org/plan`: the 30/60/90-day plan, three workstreams whose milestones are measured from the
 * organization's own data (never ticked by hand), with status by the clock.
 */
export function PlanPage() {
  const { org } = useOrg();
  const plan = usePlan(org.slug);
  return (
    <>
      <PageHeader
        title="30/60/90-day plan"
        description="Inventory and assessment, governance baseline and strategic roadmap in parallel: each milestone's progress is measured from the organization's data, and its status follows the clock."
      />
      <QueryState query={plan} label="Loading the plan">
        {(p) => <PlanBody plan={p} />}
      </QueryState>
    </>
  );
}

function PlanBody({ plan }: { plan: Plan }) {
  const { org } = useOrg();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" fw={600} data-testid="plan-summary">
          Started {plan.start} ({plan.startSource === "set" ? `set by ${formatActor(plan.startSetBy ?? "")}` : "the organization's creation day"}); today is day{" "}
          {plan.day}; overall {plan.progress}%.
        </Text>
        {roleAtLeast(org.role, "admin") && <StartForm plan={plan} />}
      </Stack>
      {plan.workstreams.map((w) => (
        <Section key={w.id} title={w.title} actions={<Text fw={600}>{w.progress}%</Text>}>
          <Table.ScrollContainer minWidth={680} type="native">
            <Table verticalSpacing="xs" aria-label={`${w.title} milestones`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Progress</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {w.milestones.map((m) => (
                  <Table.Tr key={m.id} data-milestone={m.id}>
                    <Table.Td>
                      Day {m.dueDay}
                      <Text size="xs" c="dimmed">
                        {m.dueDate}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${org.slug}/${m.link}`}>
                        {m.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {m.measure}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={180}>
                      <Group gap="xs" wrap="nowrap">
                        <Progress value={m.progress} w={80} aria-label={`${m.title}: ${m.progress}%`} />
                        <Text size="sm" data-testid="progress">
                          {m.progress}%
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {m.figures}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS[m.status].color} variant="light">
                        {STATUS[m.status].label}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      ))}
    </Stack>
  );
}

function StartForm({ plan }: { plan: Plan }) {
  const { org } = useOrg();
  const [start, setStart] = useState(plan.start);
  const save = useSetPlanStart(org.slug);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(start || null);
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput type="date" label="Plan start" value={start} onChange={(e) => setStart(e.currentTarget.value)} w={200} />
        <Button type="submit" variant="light" loading={save.isPending}>
          Save start
        </Button>
        {plan.startSource === "set" && (
          <Button variant="subtle" onClick={() => save.mutate(null)} loading={save.isPending}>
            Use the creation day
          </Button>
        )}
      </Group>
      <FormAlert message={save.isError ? describeError(save.error) : null} />
    </form>
  );
}
