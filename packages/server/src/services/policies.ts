import {
  diffStats,
  lineDiff,
  POLICY_KINDS,
  POLICY_SUMMARIES,
  POLICY_TITLES,
  type PolicyGenerateOutcome,
  type PolicyKind,
  type PolicyList,
  type PolicyVersionDetail,
  type PolicyVersionSummary,
} from "@caio/core";
import type { Actor, Store, StoredPolicyVersion } from "@caio/db";
import { collectPolicyFacts } from "../policies/facts.js";
import { renderPolicy } from "../policies/generate.js";

function summary(v: StoredPolicyVersion): PolicyVersionSummary {
  const { markdown: _m, ...rest } = v;
  return rest;
}

/**
 * Generates the policies of `kinds` from the organization's current facts: a new draft where the
 * text differs from the latest version, nothing where it is the same, and nothing (skipped) where
 * a version is in review.
 */
export async function generatePolicies(store: Store, orgId: string, kinds: readonly PolicyKind[], actor: Actor): Promise<PolicyGenerateOutcome[]> {
  const facts = await collectPolicyFacts(store, orgId);
  const out: PolicyGenerateOutcome[] = [];
  for (const kind of POLICY_KINDS.filter((k) => kinds.includes(k))) {
    const latest = await store.policies.latest(orgId, kind);
    if (latest?.status === "in-review") {
      out.push({
        kind,
        outcome: "skipped",
        reason: `v${latest.version} is in review: approve or reject it before generating again`,
        version: summary(latest),
      });
      continue;
    }
    const { created, version } = await store.policies.createVersion(orgId, kind, renderPolicy(kind, facts), "generated", actor);
    out.push({
      kind,
      outcome: created ? "created" : "unchanged",
      reason: created
        ? latest
          ? `the facts changed since v${latest.version}: v${version.version} is a new draft`
          : "first version, a draft"
        : `the facts give the same text as v${version.version} (${version.status})`,
      version: summary(version),
    });
  }
  return out;
}

/** The four policies with their latest and approved versions and every version, newest first. */
export async function policyList(store: Store, orgId: string): Promise<PolicyList> {
  const all = await store.policies.list(orgId);
  return {
    items: POLICY_KINDS.map((kind) => {
      const versions = all.filter((v) => v.kind === kind);
      return {
        kind,
        title: POLICY_TITLES[kind],
        summary: POLICY_SUMMARIES[kind],
        latest: versions[0] ?? null,
        approved: versions.find((v) => v.status === "approved") ?? null,
        versions,
      };
    }),
  };
}

/** A version with its Markdown and the line diff against the version before it. */
export async function versionDetail(store: Store, orgId: string, v: StoredPolicyVersion): Promise<PolicyVersionDetail> {
  const [previous, latest] = await Promise.all([store.policies.previous(orgId, v.kind, v.version), store.policies.latest(orgId, v.kind)]);
  let diff: PolicyVersionDetail["diff"] = null;
  if (previous) {
    const lines = lineDiff(previous.markdown, v.markdown);
    diff = { against: previous.version, againstDigest: previous.digest, ...diffStats(lines), lines };
  }
  return { ...v, latest: latest?.id === v.id, diff };
}
