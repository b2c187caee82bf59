import { type Reconciliation, STAGES, type Stage } from "@caio/core";
import { Alert, Anchor, Badge, Button, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconArrowRight, IconInfoCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate, formatMicros, plural, toMicros } from "../../lib/format";
import { FINDING_KIND_COLORS, FINDING_KIND_LABELS, labelOf } from "../../lib/labels";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { repositoryPath } from "../discovery/RepositoriesTable";
import { useOrg } from "../layout/org-context";
import { windowLabel } from "../savings/savings-fields";
import { useWindowDays, WindowControl } from "../savings/WindowControl";
import { StageBadge } from "../systems/StageBadge";
import { ModelPolicySection } from "./ModelPolicySection";
import { useReconciliation } from "./reconciliation-api";

type CheckKey = keyof Reconciliation["counts"];

const CHECKS: { key: CheckKey; title: string; id: string }[] = [
  { key: "stale", title: "Stale systems", id: "reconciliation-stale" },
  { key: "unattributed", title: "Unattributed spend", id: "reconciliation-unattributed" },
  { key: "shadow", title: "Shadow AI", id: "reconciliation-shadow" },
  { key: "vendors", title: "Vendors with gaps", id: "reconciliation-vendors" },
  { key: "models", title: "Models the policy does not allow", id: "reconciliation-models" },
];

const check = (key: CheckKey) => CHECKS.find((c) => c.key === key) as (typeof CHECKS)[number];

const FIELD_LABELS: Record<Reconciliation["unattributed"][number]["field"], string> = {
  project: "Project",
  workspace: "Workspace",
  api_key: "API key",
  none: "Nothing to match",
};

const ISSUE_LABELS: Record<Reconciliation["vendors"][number]["issues"][number], string> = {
  "no-vendor": "No vendor",
  "no-contract": "No contract",
  "no-dpa": "No DPA",
};

const ISSUE_DESCRIPTIONS: Record<Reconciliation["vendors"][number]["issues"][number], string> = {
  "no-vendor": "No vendor in the inventory covers this provider.",
  "no-contract": "The vendor has no contract dates or commitment on record.",
  "no-dpa": "No data processing agreement is recorded as signed.",
};

function jumpTo(id: string) {
  const h = document.getElementById(id);
  if (!h) return;
  h.scrollIntoView({ block: "start" });
  h.focus({ preventScroll: true });
}

/**
 * `/o/:org/reconciliation`: where the inventory, the scanned code, the spend and the vendor records
 * disagree over a window, and the model policy they are checked against.
 */
export function ReconciliationPage() {
  const { org } = useOrg();
  const [days, setDays] = useWindowDays();
  const recon = useReconciliation(org.slug, days);

  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Where the inventory, the scanned code, the spend and the vendor records disagree: registered systems nothing shows in use, spend and code that belong to no system, providers paid without a contract or DPA, and models the policy does not allow."
        actions={recon.data?.window && <WindowControl days={days} onChange={setDays} />}
      />
      <QueryState query={recon} label="Loading reconciliation">
        {(r) => (
          <Stack gap="lg" style={{ opacity: recon.isPlaceholderData ? 0.6 : 1 }}>
            {r.window ? (
              <Stack gap={2}>
                <Text size="sm" fw={600} aria-live="polite">
                  {windowLabel(r.window)}
                </Text>
                <Text size="sm" c="dimmed">
                  Spend and usage checks look at these days, up to the latest day with usage; code and inventory checks at their current state.
                </Text>
              </Stack>
            ) : (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="note" title="No usage imported yet">
                <Text size="sm">
                  The spend checks stay empty until usage is imported; the{" "}
                  <Anchor component={Link} to={`/o/${org.slug}/spend`} size="sm" underline="always">
                    Spend page
                  </Anchor>{" "}
                  shows how.
                </Text>
              </Alert>
            )}
            <Summary r={r} />
            <StaleSection r={r} />
            <UnattributedSection r={r} />
            <ShadowSection r={r} />
            <VendorsSection r={r} />
            <ModelsSection r={r} />
            <ModelPolicySection />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** The five counts at a glance; each jumps to its section. */
function Summary({ r }: { r: Reconciliation }) {
  return (
    <SimpleGrid component="ul" aria-label="Reconciliation at a glance" cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" m={0} p={0} style={{ listStyle: "none" }}>
      {CHECKS.map((c) => {
        const n = r.counts[c.key];
        const note = c.key === "models" && !r.policySet ? "No policy set" : null;
        return (
          <Paper
            key={c.key}
            component="li"
            withBorder
            radius="md"
            p="md"
            style={{ minWidth: 0, borderLeft: `4px solid var(--mantine-color-${n > 0 ? "orange" : note ? "gray" : "green"}-7)` }}
          >
            <Text fz={26} fw={700} lh={1.25}>
              {n}
            </Text>
            <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => jumpTo(c.id)}>
              {c.title}
            </Anchor>
            {note && (
              <Text size="xs" c="dimmed">
                {note}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** A section of the page: an h2 with the count beside it (focusable, for the summary's jumps) and its content. */
function CheckSection({
  checkKey,
  count,
  description,
  actions,
  children,
}: {
  checkKey: CheckKey;
  count: number;
  description: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const c = check(checkKey);
  return (
    <Paper component="section" aria-labelledby={c.id} withBorder radius="md" p={{ base: "md", sm: "lg" }} style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Group gap="xs" align="center" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={2} id={c.id} tabIndex={-1} fz="lg" style={{ outline: "none", scrollMarginTop: 72 }}>
            {c.title}
          </Title>
          <Badge variant="light" color={count > 0 ? "orange.9" : "green.9"} size="lg" aria-hidden>
            {count}
          </Badge>
          <VisuallyHidden>{plural(count, "item")}</VisuallyHidden>
        </Group>
        {actions}
      </Group>
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        {description}
      </Text>
      {children}
    </Paper>
  );
}

function AllClear({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="green.9" fw={500}>
      {children}
    </Text>
  );
}

/** A table that scrolls inside its card on narrow screens. */
function CheckTable({ caption, minWidth, head, children }: { caption: string; minWidth: number; head: string[]; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table striped verticalSpacing="sm">
          <Table.Caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {head.map((h) => (
                <Table.Th key={h} scope="col" ta={h === "Spend" ? "right" : undefined} style={{ whiteSpace: "nowrap" }}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function StaleSection({ r }: { r: Reconciliation }) {
  const { org } = useOrg();
  return (
    <CheckSection
      checkKey="stale"
      count={r.counts.stale}
      description="Pilot and production systems in the inventory that nothing shows in use: none of their components appears in scanned code, and no spend is attributed to them. Retire them, or link the code and spend that belong to them."
    >
      {r.stale.length === 0 ? (
        <AllClear>Every pilot and production system shows code or attributed spend.</AllClear>
      ) : (
        <CheckTable caption="Stale systems" minWidth={640} head={["System", "Stage", "Components", "Why"]}>
          {r.stale.map((s) => (
            <Table.Tr key={s.systemId}>
              <Table.Td style={{ minWidth: 180, overflowWrap: "anywhere" }}>
                <Anchor component={Link} to={`/o/${org.slug}/systems/${s.systemId}`} size="sm" fw={600}>
                  {s.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{(STAGES as readonly string[]).includes(s.stage) ? <StageBadge stage={s.stage as Stage} /> : s.stage}</Table.Td>
              <Table.Td ta="right">{s.components}</Table.Td>
              <Table.Td fz="sm">{s.reason}</Table.Td>
            </Table.Tr>
          ))}
        </CheckTable>
      )}
    </CheckSection>
  );
}

function UnattributedSection({ r }: { r: Reconciliation }) {
  const { org } = useOrg();
  const total = toMicros(r.unattributedMicros);
  return (
    <CheckSection
      checkKey="unattributed"
      count={r.counts.unattributed}
      description="Spend in the window that no attribution rule assigns to a system, grouped by what a rule could match: a project, a workspace or an API key."
      actions={
        r.unattributed.length > 0 && (
          <Button component={Link} to={`/o/${org.slug}/spend#spend-rules`} variant="light" size="sm" rightSection={<IconArrowRight size={16} aria-hidden />}>
            Attribute with rules
          </Button>
        )
      }
    >
      {r.unattributed.length === 0 ? (
        <AllClear>{r.window ? "All spend in the window is attributed to a system." : "No usage imported yet."}</AllClear>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            <Text span fw={700}>
              {formatMicros(total, r.currency)}
            </Text>{" "}
            in the window belongs to no system. Add a rule on the Spend page for each project, workspace or key; rules apply to past usage too.
          </Text>
          <CheckTable caption="Unattributed spend" minWidth={720} head={["Provider", "Model", "A rule could match", "Spend", "Last day"]}>
            {r.unattributed.map((u) => (
              <Table.Tr key={`${u.provider}\u0000${u.model}\u0000${u.field}\u0000${u.value ?? ""}`}>
                <Table.Td>{u.provider}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{u.model}</Table.Td>
                <Table.Td>
                  {u.field === "none" || !u.value ? (
                    <Text span size="sm" c="dimmed">
                      {FIELD_LABELS.none}: no project, workspace or key
                    </Text>
                  ) : (
                    <Group gap={6} wrap="wrap">
                      <Text span size="sm">
                        {FIELD_LABELS[u.field]}
                      </Text>
                      <Code style={{ overflowWrap: "anywhere" }}>{u.field === "api_key" ? `${u.value.slice(0, 12)}…` : u.value}</Code>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {formatMicros(u.costMicros, r.currency)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(u.lastDay)}</Table.Td>
              </Table.Tr>
            ))}
          </CheckTable>
        </Stack>
      )}
    </CheckSection>
  );
}

function ShadowSection({ r }: { r: Reconciliation }) {
  const { org } = useOrg();
  return (
    <CheckSection
      checkKey="shadow"
      count={r.counts.shadow}
      description="AI that runs in scanned code but belongs to no registered system: nobody has recorded what it is for, who owns it or whom it affects."
      actions={
        r.shadow.length > 0 && (
          <Button
            component={Link}
            to={`${repositoryPath(org.slug, undefined)}?shadow=true`}
            variant="light"
            size="sm"
            rightSection={<IconArrowRight size={16} aria-hidden />}
          >
            Review in Discovery
          </Button>
        )
      }
    >
      {r.shadow.length === 0 ? (
        <AllClear>Every AI the scanned code runs belongs to a registered system.</AllClear>
      ) : (
        <CheckTable caption="Shadow AI findings" minWidth={680} head={["Finding", "Kind", "Provider", "Repository", "Where"]}>
          {r.shadow.map((f) => (
            <Table.Tr key={f.findingId}>
              <Table.Td fw={600} style={{ overflowWrap: "anywhere", minWidth: 160 }}>
                {f.name}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={labelOf(FINDING_KIND_COLORS, f.kind)} size="sm">
                  {labelOf(FINDING_KIND_LABELS, f.kind)}
                </Badge>
              </Table.Td>
              <Table.Td>{f.provider ?? <Muted />}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={repositoryPath(org.slug, f.repository)} size="sm">
                  {f.repository}
                </Anchor>
              </Table.Td>
              <Table.Td>{f.location ? <Code style={{ overflowWrap: "anywhere" }}>{f.location}</Code> : <Muted />}</Table.Td>
            </Table.Tr>
          ))}
        </CheckTable>
      )}
    </CheckSection>
  );
}

function Muted() {
  return (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
}

function VendorsSection({ r }: { r: Reconciliation }) {
  const { org, canEdit } = useOrg();
  return (
    <CheckSection
      checkKey="vendors"
      count={r.counts.vendors}
      description="Providers the organization paid in the window whose vendor is missing from the inventory, or has no contract or no signed data processing agreement (DPA) on record."
    >
      {r.vendors.length === 0 ? (
        <AllClear>{r.window ? "Every provider paid in the window has a vendor with a contract and a DPA." : "No usage imported yet."}</AllClear>
      ) : (
        <CheckTable caption="Vendors with gaps" minWidth={640} head={["Provider", "Vendor", "Spend", "Gaps"]}>
          {r.vendors.map((v) => (
            <Table.Tr key={v.provider}>
              <Table.Td fw={600}>{v.provider}</Table.Td>
              <Table.Td>
                {v.vendorId ? (
                  <Anchor component={Link} to={`/o/${org.slug}/vendors/${v.vendorId}`} size="sm">
                    {v.vendorName ?? v.provider}
                  </Anchor>
                ) : canEdit ? (
                  <Anchor component={Link} to={`/o/${org.slug}/vendors/new`} size="sm">
                    Register the vendor
                    <VisuallyHidden>{` for ${v.provider}`}</VisuallyHidden>
                  </Anchor>
                ) : (
                  <Text span size="sm" c="dimmed">
                    Not registered
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatMicros(v.costMicros, r.currency)}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  {v.issues.map((i) => (
                    <Badge key={i} variant="light" color={i === "no-vendor" ? "red.9" : "orange.9"} size="sm" title={ISSUE_DESCRIPTIONS[i]}>
                      {labelOf(ISSUE_LABELS, i)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </CheckTable>
      )}
    </CheckSection>
  );
}

function ModelsSection({ r }: { r: Reconciliation }) {
  return (
    <CheckSection
      checkKey="models"
      count={r.counts.models}
      description="Models seen in spend, in scanned code or in the inventory that the model policy below does not allow."
    >
      {!r.policySet ? (
        <Text size="sm">No model policy is set, so every model is allowed and none is listed here. See the model policy below.</Text>
      ) : r.models.length === 0 ? (
        <AllClear>Every model in use is allowed by the policy.</AllClear>
      ) : (
        <CheckTable caption="Models the policy does not allow" minWidth={720} head={["Model", "Provider", "Why not allowed", "Seen in", "Spend"]}>
          {r.models.map((m) => (
            <Table.Tr key={`${m.provider ?? ""}\u0000${m.model}`}>
              <Table.Td fw={600} style={{ overflowWrap: "anywhere", minWidth: 140 }}>
                {m.model}
              </Table.Td>
              <Table.Td>{m.provider ?? <Muted />}</Table.Td>
              <Table.Td fz="sm" style={{ minWidth: 200 }}>
                {m.reason}
              </Table.Td>
              <Table.Td>
                <List size="sm" spacing={0}>
                  {m.seenIn.map((s) => (
                    <List.Item key={s}>{s}</List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {toMicros(m.costMicros) > 0n ? formatMicros(m.costMicros, r.currency) : <Muted />}
              </Table.Td>
            </Table.Tr>
          ))}
        </CheckTable>
      )}
    </CheckSection>
  );
}
