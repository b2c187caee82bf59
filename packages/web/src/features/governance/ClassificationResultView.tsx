import type { ClassificationResult, DerivedObligation, LabelKind } from "@caio/core";
import { Anchor, Badge, Box, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { plural } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import {
  CHECK_APPLIES_COLORS,
  CHECK_APPLIES_LABELS,
  type ClassificationStatus,
  CONFORMITY_ROUTE_LABELS,
  dueDateText,
  LABEL_KIND_COLORS,
  LABEL_KIND_LABELS,
  LAW_STATUS_LABELS,
  OPERATOR_ROLE_LABELS,
  RESULT_STATUS_COLORS,
  RESULT_STATUS_DESCRIPTIONS,
  RESULT_STATUS_LABELS,
} from "./governance-fields";

/** The legal citations of a label, role, question or obligation: "Cites AI Act Art 6(2); AI Act Annex III point 4(a)". */
export function Citations({ cite, label = "Cites" }: { cite: readonly string[]; label?: string }) {
  if (cite.length === 0) return null;
  return (
    <Text size="xs" c="gray.7" style={{ overflowWrap: "anywhere" }}>
      {label}{" "}
      {cite.map((c, i) => (
        <span key={c}>
          {i > 0 && "; "}
          <cite style={{ fontStyle: "normal", fontWeight: 600 }}>{c}</cite>
        </span>
      ))}
    </Text>
  );
}

export function LabelBadge({ kind, size = "md" }: { kind: LabelKind | string; size?: "sm" | "md" | "lg" }) {
  return (
    <Badge component="span" variant="light" color={(LABEL_KIND_COLORS as Record<string, string>)[kind] ?? "gray.8"} size={size} tt="none">
      {labelOf(LABEL_KIND_LABELS, kind)}
    </Badge>
  );
}

export function ResultStatusBadge({ status, size = "md" }: { status: ClassificationStatus | string; size?: "sm" | "md" | "lg" }) {
  return (
    <Badge component="span" variant="light" color={(RESULT_STATUS_COLORS as Record<string, string>)[status] ?? "gray.8"} size={size}>
      {labelOf(RESULT_STATUS_LABELS, status)}
    </Badge>
  );
}

/** How many obligations a result lists before pointing to the board. */
const SHOWN_OBLIGATIONS = 8;

function soonest(obligations: readonly DerivedObligation[]): DerivedObligation[] {
  return [...obligations]
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") || a.title.localeCompare(b.title, "en"))
    .slice(0, SHOWN_OBLIGATIONS);
}

function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Title order={3} fz="sm" mb={6}>
      {children}
    </Title>
  );
}

/** Complete, needs review (with the unknown answers) or incomplete (with how many questions are left). */
export function ResultStatus({ result }: { result: ClassificationResult }) {
  return (
    <Stack gap={4} aria-live="polite">
      <Group gap="xs" wrap="wrap">
        <ResultStatusBadge status={result.status} />
        {result.pending.length > 0 && (
          <Text size="sm" c="gray.7">
            {plural(result.pending.length, "question")} still to answer
          </Text>
        )}
      </Group>
      <Text size="sm">{labelOf(RESULT_STATUS_DESCRIPTIONS, result.status)}</Text>
      {result.unknowns.length > 0 && (
        <Box>
          <Text size="sm" fw={600}>
            Answered “unknown”:
          </Text>
          <List size="sm" spacing={2}>
            {result.unknowns.map((u) => (
              <List.Item key={u.questionId}>{u.text}</List.Item>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}

interface Props {
  result: ClassificationResult;
  /** The obligations board for this system: shows the count with a link instead of the list. */
  boardLink?: string;
  /** Hide the status block (when the page shows it elsewhere). */
  hideStatus?: boolean;
}

/**
 * What the rules conclude for a system: the status, each label with its basis and citations, the
 * organization's roles, the conformity route, the extra checks that apply or need review, and the obligations.
 */
export function ClassificationResultView({ result, boardLink, hideStatus = false }: Props) {
  const checks = result.extraChecks.filter((c) => c.applies !== "no");
  return (
    <Stack gap="lg">
      {!hideStatus && <ResultStatus result={result} />}

      <div>
        <SubHeading>Labels</SubHeading>
        {result.labels.length === 0 ? (
          <Text size="sm" c="gray.7">
            No label yet: answer the questions first.
          </Text>
        ) : (
          <List listStyleType="none" spacing="sm" aria-label="Labels">
            {result.labels.map((l) => (
              <List.Item key={`${l.kind}\u0000${l.ruleId}`}>
                <Stack gap={2}>
                  <Box>
                    <LabelBadge kind={l.kind} />
                  </Box>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {l.basis}
                  </Text>
                  <Citations cite={l.cite} />
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
      </div>

      {result.roles.length > 0 && (
        <div>
          <SubHeading>{result.roles.length > 1 ? "The organization's roles" : "The organization's role"}</SubHeading>
          <List listStyleType="none" spacing="sm" aria-label="Roles">
            {result.roles.map((r) => (
              <List.Item key={r.role}>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {labelOf(OPERATOR_ROLE_LABELS, r.role)}
                  </Text>
                  <Text size="sm">{r.reason}</Text>
                  <Citations cite={r.cite} />
                </Stack>
              </List.Item>
            ))}
          </List>
        </div>
      )}

      {result.conformityRoute && (
        <div>
          <SubHeading>Conformity route</SubHeading>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {labelOf(CONFORMITY_ROUTE_LABELS, result.conformityRoute.route)}
            </Text>
            <Text size="sm">{result.conformityRoute.reason}</Text>
            <Citations cite={result.conformityRoute.cite} />
          </Stack>
        </div>
      )}

      {checks.length > 0 && (
        <div>
          <SubHeading>Other laws to check</SubHeading>
          <List listStyleType="none" spacing="sm" aria-label="Other laws to check">
            {checks.map((c) => (
              <List.Item key={c.id}>
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {c.title}
                    </Text>
                    <Badge component="span" variant="light" size="sm" color={CHECK_APPLIES_COLORS[c.applies] ?? "gray.8"}>
                      {labelOf(CHECK_APPLIES_LABELS, c.applies)}
                    </Badge>
                    {c.status !== "in-force" && (
                      <Badge component="span" variant="outline" size="sm" color="gray.8" tt="none">
                        {labelOf(LAW_STATUS_LABELS, c.status)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">{c.reason}</Text>
                  <Citations cite={c.cite} />
                </Stack>
              </List.Item>
            ))}
          </List>
        </div>
      )}

      <div>
        <SubHeading>Obligations</SubHeading>
        {result.obligations.length === 0 ? (
          <Text size="sm" c="gray.7">
            No obligation follows{result.status === "complete" ? "." : " so far."}
          </Text>
        ) : boardLink ? (
          <Anchor component={Link} to={boardLink} size="sm" fw={600} w="fit-content">
            <Group gap={4} component="span" wrap="nowrap">
              {plural(result.obligations.length, "obligation")} on the obligations board
              <IconArrowRight size={14} aria-hidden />
            </Group>
          </Anchor>
        ) : (
          <>
            <Text size="sm" mb={4}>
              {plural(result.obligations.length, "obligation")}
              {result.obligations.length > SHOWN_OBLIGATIONS ? `, the ${SHOWN_OBLIGATIONS} soonest:` : ":"}
            </Text>
            <List size="sm" spacing={4} aria-label="Obligations">
              {soonest(result.obligations).map((o) => (
                <List.Item key={o.id}>
                  <Text span size="sm" fw={500}>
                    {o.title}
                  </Text>
                  <Text span size="xs" c="gray.7">
                    {" "}
                    — {dueDateText(o)}
                  </Text>
                </List.Item>
              ))}
            </List>
            {result.obligations.length > SHOWN_OBLIGATIONS && (
              <Text size="xs" c="gray.7" mt={4}>
                All of them, with owners and status, are on the obligations board once the classification is saved.
              </Text>
            )}
          </>
        )}
      </div>
    </Stack>
  );
}
