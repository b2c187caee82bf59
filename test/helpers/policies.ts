import { randomUUID } from "node:crypto";
import type { PolicyKind } from "@caio/core";
import type { Store } from "@caio/db";

const actor = { label: "local:fixture" };

/**
 * A policy version in the wanted state, for tests that need one: "draft" (the latest version of
 * AI-generated content, a draft), "editable" (the latest of customer-facing, not in review) or
 * "in-review" (the latest of third-party data, in review). Each state uses its own policy, so
 * tests moving one version along do not disturb the others.
 */
export async function policyVersion(store: Store, orgId: string, state: "draft" | "editable" | "in-review"): Promise<string> {
  const kind: PolicyKind = state === "draft" ? "generated-content" : state === "editable" ? "customer-facing" : "third-party-data";
  let v = await store.policies.latest(orgId, kind);
  const fresh = async () => (await store.policies.createVersion(orgId, kind, `# Test policy\n\n${randomUUID()}\n`, "edited", actor)).version;
  if (state === "in-review") {
    if (!v || v.status === "approved" || v.status === "superseded") v = await fresh();
    if (v.status === "draft") v = await store.policies.submit(orgId, v.id, actor);
    return v.id;
  }
  if (v?.status === "in-review") v = await store.policies.reject(orgId, v.id, "back to draft for the test", actor);
  if (!v || (state === "draft" && v.status !== "draft")) v = await fresh();
  return v.id;
}
