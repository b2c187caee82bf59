/**
 * Integrity checks over a rule set beyond its schema: unique ids, every reference resolves
 * (questions, definitions, schedules, penalties, crosswalk ids), definitions are not circular, and a
 * question's `askIf` only looks at questions asked before it. Returns the problems found.
 */
import { type Condition, type RuleSet, RuleSetSchema, SECTIONS } from "./schema.js";

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** Question ids and definition ids a condition mentions directly. */
function mentions(condition: Condition, out: { answers: Set<string>; refs: Set<string> }): void {
  if ("all" in condition) for (const c of condition.all) mentions(c, out);
  else if ("any" in condition) for (const c of condition.any) mentions(c, out);
  else if ("not" in condition) mentions(condition.not, out);
  else if ("atLeast" in condition) for (const c of condition.of) mentions(c, out);
  else if ("answer" in condition) out.answers.add(condition.answer);
  else if ("ref" in condition) out.refs.add(condition.ref);
}

export function validateRuleSet(ruleset: RuleSet): string[] {
  const problems: string[] = [];
  const parsed = RuleSetSchema.safeParse(ruleset);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`schema: ${issue.path.join(".")}: ${issue.message}`);

  const idLists: [string, string[]][] = [
    ["question", ruleset.questions.map((q) => q.id)],
    ["label rule", ruleset.labels.map((r) => r.id)],
    ["role rule", ruleset.roles.map((r) => r.id)],
    ["conformity rule", ruleset.conformity.map((r) => r.id)],
    ["obligation", ruleset.obligations.map((o) => o.id)],
    ["schedule", ruleset.schedules.map((s) => s.id)],
    ["penalty", ruleset.penalties.map((p) => p.id)],
    ["extra check", ruleset.extraChecks.map((c) => c.id)],
    ["NIST subcategory", ruleset.nist.map((n) => n.id)],
    ["ISO/IEC 42001 item", ruleset.iso42001.map((i) => i.id)],
    ["crosswalk entry", ruleset.crosswalk.map((c) => c.obligation)],
  ];
  for (const [what, ids] of idLists) for (const id of duplicates(ids)) problems.push(`duplicate ${what} id: ${id}`);

  const questionIds = new Set(ruleset.questions.map((q) => q.id));
  const definitionIds = new Set(Object.keys(ruleset.definitions));

  // Which questions each definition depends on, following refs; reports cycles and unknown ids.
  const definitionDeps = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const depsOf = (condition: Condition, where: string): Set<string> => {
    const m = { answers: new Set<string>(), refs: new Set<string>() };
    mentions(condition, m);
    const deps = new Set<string>();
    for (const q of m.answers) {
      if (!questionIds.has(q)) problems.push(`${where}: unknown question ${q}`);
      deps.add(q);
    }
    for (const r of m.refs) {
      if (!definitionIds.has(r)) {
        problems.push(`${where}: unknown definition ${r}`);
        continue;
      }
      for (const q of definitionDepsOf(r)) deps.add(q);
    }
    return deps;
  };
  const definitionDepsOf = (id: string): Set<string> => {
    const known = definitionDeps.get(id);
    if (known) return known;
    if (visiting.has(id)) {
      problems.push(`definition ${id} is circular`);
      return new Set();
    }
    visiting.add(id);
    const deps = depsOf(ruleset.definitions[id] as Condition, `definition ${id}`);
    visiting.delete(id);
    definitionDeps.set(id, deps);
    return deps;
  };
  for (const id of definitionIds) definitionDepsOf(id);

  const ordered = [...ruleset.questions].sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  const position = new Map(ordered.map((q, i) => [q.id, i]));
  for (const q of ordered) {
    if (!q.askIf) continue;
    for (const dep of depsOf(q.askIf, `question ${q.id}`)) {
      const at = position.get(dep);
      if (at !== undefined && at >= (position.get(q.id) ?? 0)) problems.push(`question ${q.id} is asked depending on ${dep}, which is not asked before it`);
    }
  }

  for (const r of ruleset.labels) depsOf(r.when, `label rule ${r.id}`);
  for (const r of ruleset.roles) depsOf(r.when, `role rule ${r.id}`);
  for (const r of ruleset.conformity) depsOf(r.when, `conformity rule ${r.id}`);
  for (const c of ruleset.extraChecks) {
    depsOf(c.when, `extra check ${c.id}`);
    if (c.showIf) depsOf(c.showIf, `extra check ${c.id}`);
  }

  const scheduleIds = new Set(ruleset.schedules.map((s) => s.id));
  const penaltyIds = new Set(ruleset.penalties.map((p) => p.id));
  for (const o of ruleset.obligations) {
    depsOf(o.when, `obligation ${o.id}`);
    for (const d of o.dates) {
      if (!scheduleIds.has(d.schedule)) problems.push(`obligation ${o.id}: unknown schedule ${d.schedule}`);
      if (d.when) depsOf(d.when, `obligation ${o.id}`);
    }
    if (o.penalty && !penaltyIds.has(o.penalty)) problems.push(`obligation ${o.id}: unknown penalty ${o.penalty}`);
  }
  for (const r of ruleset.labels) if (r.penalty && !penaltyIds.has(r.penalty)) problems.push(`label rule ${r.id}: unknown penalty ${r.penalty}`);
  for (const c of ruleset.extraChecks) if (c.schedule && !scheduleIds.has(c.schedule)) problems.push(`extra check ${c.id}: unknown schedule ${c.schedule}`);

  const obligationIds = new Set(ruleset.obligations.map((o) => o.id));
  const nistIds = new Set(ruleset.nist.map((n) => n.id));
  const isoIds = new Set(ruleset.iso42001.map((i) => i.id));
  for (const c of ruleset.crosswalk) {
    if (!obligationIds.has(c.obligation)) problems.push(`crosswalk: unknown obligation ${c.obligation}`);
    for (const n of c.nist) if (!nistIds.has(n)) problems.push(`crosswalk ${c.obligation}: unknown NIST subcategory ${n}`);
    for (const i of c.iso42001) if (!isoIds.has(i)) problems.push(`crosswalk ${c.obligation}: unknown ISO/IEC 42001 item ${i}`);
  }
  return problems;
}
