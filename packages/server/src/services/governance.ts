import type { Answer, ClassificationPreview, ClassificationView, ClassifyRequest, ObligationQuery, ObligationRow, RecordedAnswer } from "@caio/core";
import type { Actor, Store, StoredClassification, SystemFactsRow } from "@caio/db";
import { rules, type SystemFacts } from "@caio/rules";

const DAY = 86_400_000;

/** Today (UTC) by the store's clock, so deadlines are testable. */
export const todayOf = (store: Store) => store.now().slice(0, 10);

function factsOf(r: SystemFactsRow): SystemFacts {
  return {
    name: r.name,
    purpose: r.purpose,
    stage: r.stage,
    customerFacing: r.customerFacing,
    decisionsAffectingPeople: r.decisionsAffectingPeople,
    personalData: r.personalData,
    affectedPeople: r.affectedPeople,
    euNexus: r.euNexus,
    tags: r.tags,
    components: r.components,
  };
}

const plain = (answers: Record<string, RecordedAnswer>): Record<string, Answer> => Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.answer]));

/** Stored answers with the request's changes: a changed answer is recorded with who and when. */
function mergeAnswers(prev: StoredClassification | undefined, req: ClassifyRequest, actor: Actor, at: string): Record<string, RecordedAnswer> {
  const merged: Record<string, RecordedAnswer> = req.reset || !prev ? {} : { ...prev.answers };
  for (const [id, answer] of Object.entries(req.answers)) {
    if (merged[id]?.answer !== answer) merged[id] = { answer, by: actor.label, at };
  }
  return merged;
}

function questionsWithAnswers(facts: SystemFacts, answers: Record<string, Answer>, asOf: string, law: ClassifyRequest["law"]) {
  return rules.questions({ facts, answers, asOf, law }).map((q) => ({ ...q, answer: answers[q.id] ?? null }));
}

/** A system's classification state: latest result, the questions that matter, and whether the rules moved on. */
export async function classificationView(store: Store, orgId: string, systemId: string, changes: string[] = []): Promise<ClassificationView> {
  const row = await store.governance.facts(orgId, systemId);
  const [latest] = await store.governance.history(orgId, systemId);
  const answers = latest ? plain(latest.answers) : {};
  const law = latest?.law ?? "original";
  const asOf = latest?.asOf ?? todayOf(store);
  return {
    system: { id: row.id, name: row.name },
    rulesetVersion: rules.ruleset.version,
    classification: latest ?? null,
    stale: latest !== undefined && latest.rulesetVersion !== rules.ruleset.version,
    questions: questionsWithAnswers(factsOf(row), answers, asOf, law),
    changes,
  };
}

/** The questions and result for answers not stored yet. */
export async function previewClassification(store: Store, orgId: string, systemId: string, req: ClassifyRequest): Promise<ClassificationPreview> {
  const row = await store.governance.facts(orgId, systemId);
  const [latest] = await store.governance.history(orgId, systemId);
  const answers = plain(mergeAnswers(latest, req, { label: "preview" }, ""));
  const asOf = req.asOf ?? todayOf(store);
  const facts = factsOf(row);
  return { questions: questionsWithAnswers(facts, answers, asOf, req.law), result: rules.classify({ facts, answers, asOf, law: req.law }) };
}

/** Classifies a system with its stored answers and the request's changes, stores the result, and says what changed. */
export async function classifySystem(store: Store, orgId: string, systemId: string, req: ClassifyRequest, actor: Actor): Promise<ClassificationView> {
  const row = await store.governance.facts(orgId, systemId);
  const [latest] = await store.governance.history(orgId, systemId);
  const merged = mergeAnswers(latest, req, actor, store.now());
  const asOf = req.asOf ?? todayOf(store);
  const result = rules.classify({ facts: factsOf(row), answers: plain(merged), asOf, law: req.law });
  await store.governance.saveClassification(orgId, systemId, { law: req.law, asOf, answers: merged, result }, actor);
  const changes = latest ? rules.diff(latest.result, result) : [];
  return classificationView(store, orgId, systemId, changes);
}

/** Every obligation of every classified system, with its tracking and days left, soonest first. */
export async function obligationRows(store: Store, orgId: string, q: Partial<ObligationQuery> = {}): Promise<ObligationRow[]> {
  const today = todayOf(store);
  const [latest, tracking, owners] = await Promise.all([store.governance.latest(orgId), store.governance.tracking(orgId), store.governance.owners(orgId)]);
  const tracked = new Map(tracking.map((t) => [`${t.systemId}\u0000${t.obligationId}`, t]));
  const rows: ObligationRow[] = [];
  for (const c of latest) {
    if (q.system && c.systemId !== q.system) continue;
    const own = owners.get(c.systemId);
    for (const o of c.result.obligations) {
      const t = tracked.get(`${c.systemId}\u0000${o.id}`);
      const status = t?.status ?? "open";
      const daysLeft = o.dueDate ? Math.round((Date.parse(`${o.dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY) : null;
      const closed = status === "done" || status === "not-applicable";
      rows.push({
        systemId: c.systemId,
        systemName: c.systemName,
        obligation: o,
        owner: t?.owner || (o.roles.includes("provider") ? own?.technicalOwner : own?.businessOwner) || own?.businessOwner || "",
        status,
        evidence: t?.evidence ?? "",
        daysLeft,
        overdue: daysLeft !== null && daysLeft < 0 && !closed,
        updatedBy: t?.updatedBy ?? null,
        updatedAt: t?.updatedAt ?? null,
      });
    }
  }
  const filtered = rows.filter(
    (r) => (q.status === undefined || r.status === q.status) && (q.dueWithin === undefined || (r.daysLeft !== null && r.daysLeft <= q.dueWithin)),
  );
  return filtered.sort(
    (a, b) =>
      (a.obligation.dueDate ?? "9999").localeCompare(b.obligation.dueDate ?? "9999") ||
      a.systemName.localeCompare(b.systemName) ||
      a.obligation.id.localeCompare(b.obligation.id),
  );
}
