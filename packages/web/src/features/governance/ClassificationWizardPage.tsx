import { ANSWERS, type Answer, type ClassificationView, LAW_VERSIONS, type LawVersion, type QuestionView, type RecordedAnswer } from "@caio/core";
import { Alert, Badge, Box, Button, Grid, Group, List, Paper, Progress, Radio, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconBulb, IconCircleCheck, IconRefresh } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { describeError } from "../../api/api-error";
import { formatActor, formatDate, formatDateTime, plural } from "../../lib/format";
import { labelOf } from "../../lib/labels";
import { ForbiddenAlert } from "../../shared/ForbiddenAlert";
import { PageHeader } from "../../shared/PageHeader";
import { PageQueryState } from "../../shared/PageQueryState";
import { QueryError } from "../../shared/QueryState";
import { Section } from "../../shared/Section";
import { useOrg } from "../layout/org-context";
import { Citations, ClassificationResultView, ResultStatus } from "./ClassificationResultView";
import { useClassification, useClassificationPreview, useClassify } from "./governance-api";
import { ANSWER_COLORS, ANSWER_LABELS, LAW_VERSION_DESCRIPTIONS, LAW_VERSION_LABELS, plainAnswers, SECTION_LABELS, todayUtc } from "./governance-fields";

type Question = QuestionView & { answer: Answer | null };

const LAW_OPTIONS = LAW_VERSIONS.map((v) => ({ value: v, label: LAW_VERSION_LABELS[v] }));
const REVIEW = "review";
const sectionLabel = (section: string) => labelOf(SECTION_LABELS, section);

/** The sections of the questions, in the order they are asked. */
function sectionsOf(questions: readonly Question[]): string[] {
  return [...new Set(questions.map((q) => q.section))];
}

/**
 * `/o/:org/systems/:id/classify`: the classification wizard. One section of questions at a time,
 * each asked only when it matters and pre-filled from the inventory; the result so far beside it
 * (from the preview route, nothing stored); Save stores the classification and shows what changed.
 */
export function ClassificationWizardPage() {
  const { org, canEdit } = useOrg();
  const { id = "" } = useParams();
  const back = { to: `/o/${org.slug}/systems/${id}`, label: "Back to the system" };
  if (!canEdit) {
    return (
      <>
        <PageHeader title="Classify AI system" back={back} />
        <ForbiddenAlert org={org} back={back} />
      </>
    );
  }
  return <WizardLoader id={id} back={back} />;
}

function WizardLoader({ id, back }: { id: string; back: { to: string; label: string } }) {
  const { org } = useOrg();
  const view = useClassification(org.slug, id);
  // Keyed by the system only: the wizard starts from the stored state once, and a refetch after saving does not restart it.
  return (
    <PageQueryState query={view} label="Loading the classification" title="Classify AI system" back={back}>
      {(v) => <Wizard key={v.system.id} view={v} back={back} />}
    </PageQueryState>
  );
}

/** Where the wizard opens: the first section with an unanswered question, or the review when everything stored is answered. */
function firstStep(view: ClassificationView): string {
  const open = view.questions.find((q) => q.answer === null);
  if (open) return open.section;
  if (view.classification || view.questions.length === 0) return REVIEW;
  return view.questions[0]?.section ?? REVIEW;
}

function Wizard({ view, back }: { view: ClassificationView; back: { to: string; label: string } }) {
  const { org } = useOrg();
  const stored = view.classification;
  const systemId = view.system.id;
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => plainAnswers(stored?.answers));
  const [law, setLaw] = useState<LawVersion>(stored?.law ?? "original");
  const [asOf, setAsOf] = useState<string>(todayUtc());
  const [reset, setReset] = useState(false);
  const [step, setStep] = useState<string>(() => firstStep(view));
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState<{ view: ClassificationView; hadPrevious: boolean } | null>(null);
  const body = { answers, law, asOf: asOf || undefined, reset };
  const preview = useClassificationPreview(org.slug, systemId, body);
  const classify = useClassify(org.slug, systemId);

  const questions: Question[] = preview.data?.questions ?? view.questions;
  const sections = sectionsOf(questions);
  // A section that no longer has questions (an earlier answer changed) gives way to the first one with an open question.
  const section =
    step === REVIEW ? undefined : sections.includes(step) ? step : questions.find((q) => answers[q.id] === undefined && q.answer === null)?.section;
  const inSection = section ? questions.filter((q) => q.section === section) : [];
  const ready = preview.data !== undefined && !preview.isPlaceholderData;

  // The inventory's suggestions are pre-selected when their questions come up unanswered.
  const suggestions = inSection.filter((q) => answers[q.id] === undefined && q.prefill).map((q) => [q.id, q.prefill?.answer] as const);
  const suggestionKey = suggestions.map(([id, a]) => `${id}=${a}`).join("&");
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the suggestions on screen change, which `suggestionKey` spells out
  useEffect(() => {
    if (suggestions.length === 0) return;
    setAnswers((a) => {
      const next = { ...a };
      for (const [id, answer] of suggestions) if (next[id] === undefined && answer) next[id] = answer;
      return next;
    });
  }, [suggestionKey]);

  // After the first move between steps, each new step takes the keyboard focus (its heading).
  const navigated = useRef(false);
  const go = (next: string) => {
    navigated.current = true;
    setMissing(new Set());
    setStep(next);
  };
  const answer = (qid: string, value: Answer) => {
    setSaved(null);
    setAnswers((a) => ({ ...a, [qid]: value }));
    if (missing.has(qid)) setMissing((m) => new Set([...m].filter((x) => x !== qid)));
  };
  const goNext = () => {
    if (!section) return;
    const open = inSection.filter((q) => answers[q.id] === undefined);
    if (open.length > 0) {
      setMissing(new Set(open.map((q) => q.id)));
      document.getElementById(radioId(open[0]?.id ?? ""))?.focus();
      return;
    }
    go(sections[sections.indexOf(section) + 1] ?? REVIEW);
  };
  const goBack = () => {
    const i = section ? sections.indexOf(section) : sections.length;
    const prev = sections[i - 1];
    if (prev) go(prev);
  };
  const startOver = () => {
    setSaved(null);
    setAnswers({});
    setReset(true);
    go(questions[0]?.section ?? REVIEW);
  };
  const save = () => {
    classify.mutate(body, {
      onSuccess: (result) => {
        setSaved({ view: result, hadPrevious: stored !== null });
        setReset(false);
        notifications.show({ color: "green", message: `Classification of “${result.system.name}” saved.` });
      },
    });
  };

  return (
    <>
      <PageHeader
        title={`Classify “${view.system.name}”`}
        documentTitle={`Classify ${view.system.name}`}
        back={back}
        description="Questions are asked only when they matter, pre-filled from the inventory where it suggests an answer. Every answer is recorded with who gave it and when, and the result with the rule-set version and the legal citations it rests on."
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} role="group" aria-label="Law and date">
              <Group align="flex-start" gap="lg" wrap="wrap">
                <Stack gap={4} style={{ flex: "1 1 260px" }}>
                  <Text size="sm" fw={500} id="law-version-label">
                    Law version
                  </Text>
                  <SegmentedControl
                    aria-labelledby="law-version-label"
                    data={LAW_OPTIONS}
                    value={law}
                    onChange={(v) => {
                      setSaved(null);
                      setLaw(v as LawVersion);
                    }}
                    size="sm"
                    w="fit-content"
                    maw="100%"
                  />
                  <Text size="xs" c="gray.7">
                    {LAW_VERSION_DESCRIPTIONS[law]}
                  </Text>
                </Stack>
                <TextInput
                  type="date"
                  label="As of"
                  description="The day the deadlines are worked out for; empty for today."
                  value={asOf}
                  onChange={(e) => {
                    setSaved(null);
                    setAsOf(/^\d{4}-\d{2}-\d{2}$/.test(e.currentTarget.value) ? e.currentTarget.value : "");
                  }}
                  style={{ flex: "1 1 200px" }}
                  maw={260}
                />
              </Group>
              {(stored || Object.keys(answers).length > 0) && (
                <Group mt="md" gap="xs" wrap="nowrap" align="center">
                  <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={startOver} style={{ flexShrink: 0 }}>
                    Start over
                  </Button>
                  <Text size="xs" c="gray.7">
                    {reset ? "Starting over: saving drops the answers stored before." : "Clears every answer and starts from the first question."}
                  </Text>
                </Group>
              )}
            </Paper>

            {!saved && sections.length > 0 && <SectionNav sections={sections} questions={questions} answers={answers} current={section ?? REVIEW} onGo={go} />}

            {saved ? (
              <SavedPanel
                saved={saved.view}
                hadPrevious={saved.hadPrevious}
                back={back}
                onEdit={() => {
                  setSaved(null);
                  go(REVIEW);
                }}
              />
            ) : section ? (
              <SectionCard
                key={section}
                section={section}
                position={sections.indexOf(section)}
                count={sections.length}
                questions={inSection}
                answers={answers}
                recorded={stored?.answers ?? {}}
                missing={missing}
                onAnswer={answer}
                onBack={goBack}
                onNext={goNext}
                onReview={() => go(REVIEW)}
                ready={ready}
                focus={navigated.current}
              />
            ) : (
              <ReviewCard
                questions={questions}
                sections={sections}
                answers={answers}
                ready={ready}
                saving={classify.isPending}
                error={classify.error}
                onChange={go}
                onBack={goBack}
                onSave={save}
                focus={navigated.current}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title="Result so far" description="Worked out from the answers on screen; nothing is stored until you save.">
            {preview.isError && preview.data === undefined ? (
              <QueryError error={preview.error} onRetry={() => preview.refetch()} />
            ) : preview.data ? (
              <Box style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }} aria-busy={preview.isPlaceholderData}>
                <ClassificationResultView result={preview.data.result} />
              </Box>
            ) : (
              <Text size="sm" c="gray.7" role="status">
                Working out the result…
              </Text>
            )}
          </Section>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** A heading ref that takes the keyboard focus when the step appears, if `focus` says so. */
function useFocusOnMount(focus: boolean) {
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the step appears
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return ref;
}

const radioId = (questionId: string) => `answer-${questionId.replace(/[^a-z0-9_-]/gi, "-")}`;

interface SectionNavProps {
  sections: string[];
  questions: Question[];
  answers: Record<string, Answer>;
  current: string;
  onGo: (step: string) => void;
}

/** The sections with how many of their questions are answered; any of them, or the review, opens with a click. */
function SectionNav({ sections, questions, answers, current, onGo }: SectionNavProps) {
  return (
    <Box component="nav" aria-label="Sections">
      <Group gap={6} wrap="wrap">
        {sections.map((s, i) => {
          const qs = questions.filter((q) => q.section === s);
          const done = qs.filter((q) => answers[q.id] !== undefined).length;
          return (
            <Button
              key={s}
              size="compact-sm"
              variant={s === current ? "filled" : done === qs.length ? "light" : "default"}
              aria-current={s === current ? "step" : undefined}
              onClick={() => onGo(s)}
              title={sectionLabel(s)}
              aria-label={`${i + 1}. ${done}/${qs.length} answered: ${sectionLabel(s)}`}
            >
              {i + 1}. {done}/{qs.length}
            </Button>
          );
        })}
        <Button
          size="compact-sm"
          variant={current === REVIEW ? "filled" : "default"}
          aria-current={current === REVIEW ? "step" : undefined}
          onClick={() => onGo(REVIEW)}
        >
          Review
        </Button>
      </Group>
    </Box>
  );
}

interface SectionCardProps {
  section: string;
  position: number;
  count: number;
  questions: Question[];
  answers: Record<string, Answer>;
  recorded: Record<string, RecordedAnswer>;
  missing: ReadonlySet<string>;
  onAnswer: (questionId: string, a: Answer) => void;
  onBack: () => void;
  onNext: () => void;
  onReview: () => void;
  ready: boolean;
  /** Move the keyboard focus to the heading when shown. */
  focus: boolean;
}

/** One section: each of its questions with help, citations and the inventory's suggestion, answered yes, no or unknown. */
function SectionCard({ section, position, count, questions, answers, recorded, missing, onAnswer, onBack, onNext, onReview, ready, focus }: SectionCardProps) {
  const headingId = useId();
  const headingRef = useFocusOnMount(focus);
  const answered = questions.filter((q) => answers[q.id] !== undefined).length;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p={{ base: "md", sm: "lg" }} style={{ minWidth: 0 }}>
      <Stack gap="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="xs" fw={700} tt="uppercase" c="indigo.8">
              Step {position + 1} of {count}
            </Text>
            <Text size="xs" c="gray.7">
              {answered} of {plural(questions.length, "question")} answered
            </Text>
          </Group>
          <Progress value={count > 0 ? ((position + 1) / count) * 100 : 0} size="sm" aria-hidden />
        </Stack>
        <Title order={2} fz="lg" id={headingId} ref={headingRef} tabIndex={-1} style={{ outline: "none" }}>
          {sectionLabel(section)}
        </Title>
        <List listStyleType="none" spacing="lg" aria-label="Questions" styles={{ itemWrapper: { width: "100%" }, itemLabel: { width: "100%" } }}>
          {questions.map((q) => (
            <List.Item key={q.id}>
              <QuestionBlock
                question={q}
                value={answers[q.id] ?? null}
                recorded={recorded[q.id]}
                missing={missing.has(q.id)}
                onAnswer={(a) => onAnswer(q.id, a)}
              />
            </List.Item>
          ))}
        </List>
        <Group justify="space-between" gap="sm" mt="xs">
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} disabled={position === 0}>
            Back
          </Button>
          <Group gap="sm">
            <Button variant="subtle" onClick={onReview}>
              Review and save
            </Button>
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={onNext} disabled={!ready}>
              Next
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

interface QuestionBlockProps {
  question: Question;
  value: Answer | null;
  recorded: RecordedAnswer | undefined;
  missing: boolean;
  onAnswer: (a: Answer) => void;
}

/** A question: its text names the radio group, the help describes it, then its citations and the inventory's suggestion. */
function QuestionBlock({ question: q, value, recorded, missing, onAnswer }: QuestionBlockProps) {
  return (
    <Stack gap={8} pl="sm" style={{ borderLeft: `3px solid var(--mantine-color-${missing ? "red-7" : value ? "indigo-3" : "gray-3"})` }}>
      <Radio.Group
        value={value ?? ""}
        onChange={(v) => onAnswer(v as Answer)}
        label={q.text}
        description={q.help}
        error={missing ? "Choose an answer, or “Unknown” if nobody knows yet." : undefined}
        styles={{ label: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)" }, description: { whiteSpace: "pre-wrap" } }}
      >
        <Group mt="xs" gap="lg">
          {ANSWERS.map((a, i) => (
            <Radio key={a} value={a} label={ANSWER_LABELS[a]} id={i === 0 ? radioId(q.id) : undefined} />
          ))}
        </Group>
      </Radio.Group>
      <Citations cite={q.cite} />
      {q.prefill && (
        <Alert color="indigo" variant="light" p="xs" icon={<IconBulb size={18} aria-hidden />} title="Suggested from the inventory" role="note">
          <Text size="sm">
            <Text span fw={600}>
              {labelOf(ANSWER_LABELS, q.prefill.answer)}
            </Text>
            : {q.prefill.reason}
          </Text>
        </Alert>
      )}
      {value === "unknown" && (
        <Text size="xs" c="orange.9">
          An unknown answer never counts as “no”: the result will need review.
        </Text>
      )}
      {recorded && (
        <Text size="xs" c="gray.7">
          {recorded.answer === value
            ? `Answered “${labelOf(ANSWER_LABELS, recorded.answer)}” by ${formatActor(recorded.by)} on ${formatDateTime(recorded.at)}.`
            : `Stored answer: “${labelOf(ANSWER_LABELS, recorded.answer)}” (${formatActor(recorded.by)}, ${formatDateTime(recorded.at)}); saving records the change.`}
        </Text>
      )}
    </Stack>
  );
}

interface ReviewCardProps {
  questions: Question[];
  sections: string[];
  answers: Record<string, Answer>;
  ready: boolean;
  saving: boolean;
  error: unknown;
  onChange: (section: string) => void;
  onBack: () => void;
  onSave: () => void;
  focus: boolean;
}

/** Every question that matters with its answer, section by section, what is still unanswered, and Save. */
function ReviewCard({ questions, sections, answers, ready, saving, error, onChange, onBack, onSave, focus }: ReviewCardProps) {
  const headingId = useId();
  const headingRef = useFocusOnMount(focus);
  const unanswered = questions.filter((q) => answers[q.id] === undefined);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p={{ base: "md", sm: "lg" }} style={{ minWidth: 0 }}>
      <Stack gap="md">
        <Title order={2} fz="lg" id={headingId} ref={headingRef} tabIndex={-1} style={{ outline: "none" }}>
          Review and save
        </Title>
        {unanswered.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`${plural(unanswered.length, "question")} still unanswered`}>
            <Text size="sm">You can save now; the classification stays incomplete until they are answered.</Text>
          </Alert>
        )}
        {sections.map((s) => {
          const qs = questions.filter((q) => q.section === s);
          return (
            <Box key={s}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap" mb={6}>
                <Title order={3} fz="sm">
                  {sectionLabel(s)}
                </Title>
                <Button variant="subtle" size="compact-sm" onClick={() => onChange(s)} aria-label={`Change the answers of “${sectionLabel(s)}”`}>
                  Change
                </Button>
              </Group>
              <List
                listStyleType="none"
                spacing={6}
                aria-label={`Answers: ${sectionLabel(s)}`}
                styles={{ itemWrapper: { width: "100%" }, itemLabel: { width: "100%" } }}
              >
                {qs.map((q) => {
                  const a = answers[q.id];
                  return (
                    <List.Item key={q.id}>
                      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                        <Text size="sm" style={{ overflowWrap: "anywhere", flex: 1, minWidth: 0 }}>
                          {q.text}
                        </Text>
                        {a ? (
                          <Badge component="span" variant="light" color={ANSWER_COLORS[a]}>
                            {ANSWER_LABELS[a]}
                          </Badge>
                        ) : (
                          <Badge component="span" variant="outline" color="gray.8">
                            Not answered
                          </Badge>
                        )}
                      </Group>
                    </List.Item>
                  );
                })}
              </List>
            </Box>
          );
        })}
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title="Not saved">
            {describeError(error)}
          </Alert>
        ) : null}
        <Group justify="space-between" gap="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} disabled={sections.length === 0}>
            Back
          </Button>
          <Button onClick={onSave} loading={saving} disabled={!ready}>
            Save classification
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** After saving: the stored result's status and what changed against the previous classification. */
interface SavedPanelProps {
  saved: ClassificationView;
  hadPrevious: boolean;
  back: { to: string; label: string };
  onEdit: () => void;
}

function SavedPanel({ saved, hadPrevious, back, onEdit }: SavedPanelProps) {
  const { org } = useOrg();
  const headingId = useId();
  const c = saved.classification;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p={{ base: "md", sm: "lg" }} style={{ minWidth: 0 }}>
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={22} color="var(--mantine-color-green-8)" aria-hidden />
          <Title order={2} fz="lg" id={headingId}>
            Classification saved
          </Title>
        </Group>
        {c && (
          <Text size="sm">
            Stored under rule-set version {c.rulesetVersion}, {LAW_VERSION_LABELS[c.law].toLowerCase()}, as of {formatDate(c.asOf)}, by{" "}
            {formatActor(c.createdBy)}.
          </Text>
        )}
        {c && <ResultStatus result={c.result} />}
        <div>
          <Title order={3} fz="sm" mb={6}>
            What changed
          </Title>
          {saved.changes.length > 0 ? (
            <List size="sm" spacing={4} aria-label="What changed">
              {saved.changes.map((ch) => (
                <List.Item key={ch}>{ch}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{hadPrevious ? "Nothing changed against the previous classification." : "This is the system's first classification."}</Text>
          )}
        </div>
        <Group gap="sm">
          <Button component={Link} to={back.to}>
            Open the system page
          </Button>
          <Button component={Link} to={`/o/${org.slug}/obligations?system=${saved.system.id}`} variant="default">
            Obligations board
          </Button>
          <Button variant="subtle" onClick={onEdit}>
            Change answers
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
