import type { Answer, RecordedAnswer } from "@caio/core";
import type { Store } from "@caio/db";
import { rules } from "@caio/rules";

/**
 * The officer's answers for the demo systems classified so far. Each question the rules ask is
 * answered from this list, else with the inventory's suggestion, else "no" — as the officer did
 * when walking through the wizard. The other systems are left for the newcomer to classify.
 */
const ANSWERS: Record<string, Record<string, Answer>> = {
  "Driver CV screening": {
    "aia.annex3.area-4": "yes",
    "aia.annex3.4a": "yes",
    "aia.role.deployer": "yes",
    "aia.art25.c": "yes",
    "gdpr.personal-data": "yes",
    "gdpr.wp248.scoring": "yes",
    "gdpr.wp248.vulnerable": "yes",
    "gdpr.wp248.innovative": "yes",
  },
  "Ask Meridian support assistant": {
    "aia.art50.1": "yes",
    "aia.art50.2": "yes",
    "aia.role.deployer": "yes",
    "aia.role.provider": "yes",
    "gdpr.personal-data": "yes",
  },
  "Invoice and bill-of-lading extraction": { "aia.role.deployer": "yes" },
  "Carrier payment fraud detection": { "aia.annex3.area-5": "no", "aia.role.provider": "yes", "aia.role.deployer": "yes" },
  "Customs HS-code classification": { "aia.role.deployer": "yes" },
  // The safety exception for fatigue detection is not settled with counsel yet: needs review.
  "Driver fatigue monitoring": {
    "aia.art5.f": "unknown",
    "aia.annex3.area-1": "yes",
    "aia.annex3.1c": "unknown",
    "aia.role.deployer": "yes",
    "gdpr.personal-data": "yes",
  },
  "Dispatch voice agent": { "aia.art50.1": "yes", "aia.role.deployer": "yes", "aia.role.provider": "yes", "us.scope": "no" },
};

/** Obligation work already under way in the demo: [system, obligation id prefix, status, evidence]. */
const PROGRESS: [string, string, "done" | "in-progress", string][] = [
  ["Driver CV screening", "aia.art4", "done", "AI literacy training for recruiters, completed 2026-03 (LMS report HR-114)"],
  ["Driver CV screening", "aia.art26", "in-progress", "Human oversight procedure drafted (HR-OPS-7)"],
  ["Ask Meridian support assistant", "aia.art50", "done", 'Chat widget discloses "You are chatting with an AI assistant" (release 4.12)'],
];

/** Classifies the demo systems listed above, as the officer and counsel did, and records obligation progress. */
export async function seedDemoGovernance(store: Store, orgId: string, actorLabel: string, asOf: string): Promise<{ classified: number }> {
  const actor = { label: actorLabel };
  const systems = (await store.db.query<{ id: string; name: string }>("select id, name from systems where org_id = $1", [orgId])).rows;
  let classified = 0;
  for (const [name, overrides] of Object.entries(ANSWERS)) {
    const system = systems.find((s) => s.name === name);
    if (!system) continue;
    const row = await store.governance.facts(orgId, system.id);
    const facts = { ...row };
    const answers: Record<string, Answer> = {};
    for (let guard = 0; guard < 300; guard++) {
      const next = rules.questions({ facts, answers, asOf, law: "original" }).find((q) => answers[q.id] === undefined);
      if (!next) break;
      answers[next.id] = overrides[next.id] ?? next.prefill?.answer ?? "no";
    }
    const at = store.now();
    const recorded: Record<string, RecordedAnswer> = Object.fromEntries(Object.entries(answers).map(([k, answer]) => [k, { answer, by: actorLabel, at }]));
    const result = rules.classify({ facts, answers, asOf, law: "original" });
    await store.governance.saveClassification(orgId, system.id, { law: "original", asOf, answers: recorded, result }, actor);
    classified++;
    for (const [sys, prefix, status, evidence] of PROGRESS) {
      if (sys !== name) continue;
      for (const o of result.obligations.filter((x) => x.id.startsWith(prefix)).slice(0, 2)) {
        await store.governance.track(orgId, system.id, o.id, { owner: "Ana Ortiz", status, evidence }, actor);
      }
    }
  }
  return { classified };
}
