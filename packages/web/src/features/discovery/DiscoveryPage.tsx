import { ComponentCreateSchema, FINDING_KINDS, type FindingKind, type RepositorySummary, SCOPES, type Scope, type StoredFinding } from "@caio/core";
import { Alert, Anchor, Button, Code, Group, Paper, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { describeError } from "../../api/api-error";
import { plural } from "../../lib/format";
import { findingKindOptions, SCOPE_DESCRIPTIONS, scopeOptions } from "../../lib/labels";
import { EmptyState } from "../../shared/EmptyState";
import { PageHeader } from "../../shared/PageHeader";
import { QueryState } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useCreateComponent } from "../components/components-api";
import { useOrg } from "../layout/org-context";
import { type FindingListParams, type FindingStatus, useFindings, useRepositories } from "./discovery-api";
import { componentFromFinding, type FocusFindingsState, systemStateFromFinding } from "./discovery-fields";
import { FindingsTable, findingLabel } from "./FindingsTable";
import { RepositoriesTable, repositoryPath } from "./RepositoriesTable";
import { ScanInstructions } from "./ScanInstructions";
import { ShadowSummary } from "./ShadowSummary";

const STATUS_OPTIONS: { value: FindingStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "gone", label: "Gone (no longer seen)" },
];

interface Filters {
  kind: FindingKind | undefined;
  /** Runtime unless the address asks for another scope, or for every scope ("any"). */
  scope: Scope | undefined;
  status: FindingStatus;
  shadowOnly: boolean;
}

/** Reads the findings' filters from the address bar, so a filtered view can be bookmarked and shared. */
function filtersFromUrl(sp: URLSearchParams): Filters {
  const kind = sp.get("kind");
  const scope = sp.get("scope");
  return {
    kind: kind && (FINDING_KINDS as readonly string[]).includes(kind) ? (kind as FindingKind) : undefined,
    scope: scope === "any" ? undefined : scope && (SCOPES as readonly string[]).includes(scope) ? (scope as Scope) : "runtime",
    status: sp.get("status") === "gone" ? "gone" : "open",
    shadowOnly: sp.get("shadow") === "true",
  };
}

/**
 * `/o/:org/discovery[/:repository]`: what `caio scan` found, the shadow AI among it, the scanned
 * repositories, and the findings of one repository (or all of them).
 */
export function DiscoveryPage() {
  const { org } = useOrg();
  const { repository } = useParams();
  const repositories = useRepositories(org.slug);
  return (
    <>
      <PageHeader
        title="Discovery"
        documentTitle={repository ? `${repository} · Discovery` : "Discovery"}
        description={
          <>
            What <Code>caio scan</Code> found in your repositories: the AI SDKs, models, providers and services the code uses, whether a registered system
            accounts for each, and keys that should not be there.
          </>
        }
      />
      <QueryState query={repositories} label="Loading scanned repositories">
        {(data) =>
          data.items.length === 0 ? (
            <ScanInstructions />
          ) : (
            <Stack gap="lg">
              <ShadowSummary showShadowTo={`${repositoryPath(org.slug, undefined)}?shadow=true`} />
              <Section
                title="Repositories"
                description={
                  <>
                    The latest scan of each repository; the counts are of open findings. Scan another one with <Code>npx caio scan PATH</Code>.
                  </>
                }
              >
                <RepositoriesTable org={org.slug} repositories={data.items} selected={repository} />
              </Section>
              <FindingsSection repositories={data.items} repository={repository} />
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function FindingsSection({ repositories, repository }: { repositories: RepositorySummary[]; repository: string | undefined }) {
  const { org, canEdit } = useOrg();
  const [sp, setSp] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const filters = filtersFromUrl(sp);
  const known = repository === undefined || repositories.some((r) => r.name === repository);
  const params: FindingListParams = filters.shadowOnly
    ? { repository, kind: filters.kind, status: "open", shadow: "true" }
    : { repository, kind: filters.kind, scope: filters.scope, status: filters.status };
  const findings = useFindings(org.slug, params);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const createComponent = useCreateComponent(org.slug);
  const [registering, setRegistering] = useState<string | null>(null);

  // Links that open a repository's findings (or the shadow AI) move the keyboard focus, and the view, to them.
  const focusFindings = (location.state as FocusFindingsState | null)?.focusFindings === true;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation
  useEffect(() => {
    if (focusFindings) headingRef.current?.focus();
  }, [location.key]);

  const update = (changes: Record<string, string | null>) => {
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === "") next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  };

  const filtered = Boolean(filters.kind || filters.scope !== "runtime" || filters.status !== "open" || filters.shadowOnly);
  const clearFilters = () => update({ kind: null, scope: null, status: null, shadow: null });

  /** Links the finding's component (created from the finding when the inventory has none) to a new system, in the pre-filled system form. */
  const register = async (f: StoredFinding) => {
    setRegistering(f.findingId);
    try {
      let componentId = f.componentId;
      if (!componentId) {
        const input = componentFromFinding(f);
        if (!input) return;
        const component = await createComponent.mutateAsync(ComponentCreateSchema.parse(input));
        componentId = component.id;
        notifications.show({ color: "green", message: `Component “${component.name}” added to the inventory.` });
      }
      navigate(`/o/${org.slug}/systems/new`, {
        state: systemStateFromFinding(f, componentId, {
          to: `${location.pathname}${location.search}`,
          label: "Discovery",
          state: { focusFindings: true } satisfies FocusFindingsState,
        }),
      });
    } catch (e) {
      notifications.show({ color: "red", title: `Could not register ${findingLabel(f)}`, message: describeError(e) });
    } finally {
      setRegistering(null);
    }
  };

  const where = repository ? `in ${repository}` : "in all repositories";
  const title = filters.shadowOnly ? `Shadow AI ${where}` : `Findings ${where}`;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p={{ base: "md", sm: "lg" }} style={{ minWidth: 0 }}>
      <Title order={2} id={headingId} ref={headingRef} tabIndex={-1} fz="lg" mb="md" style={{ overflowWrap: "anywhere", outline: "none", scrollMarginTop: 72 }}>
        {title}
      </Title>

      <Group align="flex-end" gap="sm" wrap="wrap" mb="md" role="search" aria-label="Filter findings">
        <Select
          label="Repository"
          data={[{ value: "", label: "All repositories" }, ...repositories.map((r) => ({ value: r.name, label: r.name }))]}
          value={known ? (repository ?? "") : ""}
          onChange={(v) => navigate({ pathname: repositoryPath(org.slug, v || undefined), search: location.search })}
          allowDeselect={false}
          searchable
          nothingFoundMessage="No repository with that name"
          style={{ flex: "2 1 200px" }}
        />
        <Select
          label="Kind"
          data={[{ value: "", label: "All kinds" }, ...findingKindOptions]}
          value={filters.kind ?? ""}
          onChange={(v) => update({ kind: v })}
          allowDeselect={false}
          style={{ flex: "1 1 140px" }}
        />
        <Select
          label="Scope"
          data={[{ value: "any", label: "All scopes" }, ...scopeOptions]}
          value={filters.shadowOnly ? "runtime" : (filters.scope ?? "any")}
          onChange={(v) => update({ scope: v === "runtime" ? null : v })}
          allowDeselect={false}
          disabled={filters.shadowOnly}
          title={filters.scope ? SCOPE_DESCRIPTIONS[filters.scope] : undefined}
          style={{ flex: "1 1 140px" }}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={filters.shadowOnly ? "open" : filters.status}
          onChange={(v) => update({ status: v === "open" ? null : v })}
          allowDeselect={false}
          disabled={filters.shadowOnly}
          style={{ flex: "1 1 170px" }}
        />
        <Switch label="Shadow AI only" checked={filters.shadowOnly} onChange={(e) => update({ shadow: e.currentTarget.checked ? "true" : null })} mb={8} />
        {filtered && (
          <Button variant="subtle" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </Group>

      {!known ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} title="No such repository" role="alert">
          No scanned repository is called “{repository}”.{" "}
          <Anchor component={Link} to={repositoryPath(org.slug, undefined)} size="sm">
            Show all repositories
          </Anchor>
        </Alert>
      ) : (
        <QueryState query={findings} label="Loading findings">
          {(data) =>
            data.items.length === 0 ? (
              filters.shadowOnly ? (
                <EmptyState title={`No shadow AI ${where}`}>Every runtime AI finding here belongs to a registered system.</EmptyState>
              ) : (
                <EmptyState
                  title="No findings match these filters"
                  action={
                    filtered && (
                      <Button variant="light" onClick={clearFilters}>
                        Clear filters
                      </Button>
                    )
                  }
                >
                  {filters.scope === "runtime" ? "Only runtime findings are shown; tests, docs and examples are under the other scopes." : undefined}
                </EmptyState>
              )
            ) : (
              <>
                <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
                  {plural(data.items.length, "finding")}
                  {filters.scope === "runtime" && !filters.shadowOnly ? " in runtime code" : ""}
                </Text>
                <FindingsTable
                  findings={data.items}
                  showRepository={!repository}
                  canEdit={canEdit}
                  onRegister={register}
                  registering={registering}
                  dimmed={findings.isPlaceholderData}
                />
              </>
            )
          }
        </QueryState>
      )}
    </Paper>
  );
}
