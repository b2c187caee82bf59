/** Plain-words differences between two classification results, e.g. before and after a rule-set update. */
import type { ClassificationResult } from "@caio/core";

const due = (date: string | null) => (date ? `due ${date}` : "no fixed date, event-driven");

export function diffResults(before: ClassificationResult, after: ClassificationResult): string[] {
  const out: string[] = [];
  if (before.rulesetVersion !== after.rulesetVersion) out.push(`Rule set changed from ${before.rulesetVersion} to ${after.rulesetVersion}.`);
  if (before.law !== after.law) out.push(`Law version changed from ${before.law} to ${after.law}.`);
  if (before.asOf !== after.asOf) out.push(`As-of date changed from ${before.asOf} to ${after.asOf}.`);
  if (before.status !== after.status) out.push(`Status changed from ${before.status} to ${after.status}.`);

  const beforeLabels = new Map(before.labels.map((l) => [l.ruleId, l]));
  const afterLabels = new Map(after.labels.map((l) => [l.ruleId, l]));
  for (const [id, l] of afterLabels) if (!beforeLabels.has(id)) out.push(`Added label ${l.kind}: ${l.basis}`);
  for (const [id, l] of beforeLabels) if (!afterLabels.has(id)) out.push(`Removed label ${l.kind}: ${l.basis}`);

  const beforeRoles = new Map(before.roles.map((r) => [r.role, r]));
  const afterRoles = new Map(after.roles.map((r) => [r.role, r]));
  for (const [role, r] of afterRoles) {
    const was = beforeRoles.get(role);
    if (!was) out.push(`Added role ${role}: ${r.reason}`);
    else if (was.reason !== r.reason) out.push(`Role ${role} now rests on: ${r.reason}`);
  }
  for (const role of beforeRoles.keys()) if (!afterRoles.has(role)) out.push(`Removed role ${role}.`);

  const routeBefore = before.conformityRoute?.route ?? null;
  const routeAfter = after.conformityRoute?.route ?? null;
  if (routeBefore !== routeAfter) {
    if (!routeBefore) out.push(`Conformity route is now ${routeAfter}.`);
    else if (!routeAfter) out.push(`Conformity route ${routeBefore} no longer applies.`);
    else out.push(`Conformity route changed from ${routeBefore} to ${routeAfter}.`);
  }

  const beforeObligations = new Map(before.obligations.map((o) => [o.id, o]));
  const afterObligations = new Map(after.obligations.map((o) => [o.id, o]));
  for (const [id, o] of afterObligations) {
    const was = beforeObligations.get(id);
    if (!was) out.push(`Added obligation: ${o.title} (${due(o.dueDate)}).`);
    else if (was.dueDate !== o.dueDate) out.push(`Due date of "${o.title}" changed from ${was.dueDate ?? "none"} to ${o.dueDate ?? "none"}.`);
    else if (was.dateBasis?.status !== o.dateBasis?.status)
      out.push(`Legal status of the date of "${o.title}" changed from ${was.dateBasis?.status ?? "none"} to ${o.dateBasis?.status ?? "none"}.`);
  }
  for (const [id, o] of beforeObligations) if (!afterObligations.has(id)) out.push(`Removed obligation: ${o.title}.`);

  const beforeChecks = new Map(before.extraChecks.map((c) => [c.id, c]));
  const afterChecks = new Map(after.extraChecks.map((c) => [c.id, c]));
  for (const [id, c] of afterChecks) {
    const was = beforeChecks.get(id);
    if (!was) out.push(`Added check ${c.title}: applies ${c.applies}.`);
    else if (was.applies !== c.applies) out.push(`${c.title}: applies changed from ${was.applies} to ${c.applies}.`);
  }
  for (const [id, c] of beforeChecks) if (!afterChecks.has(id)) out.push(`Removed check ${c.title}.`);
  return out;
}
