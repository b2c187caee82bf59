import { POLICY_KINDS } from "@caio/core";
import { DEMO_USERS, type Store } from "@caio/db";
import { generatePolicies } from "@caio/server";

/** A section the General Counsel asked for when she sent the first draft back. */
const MEETINGS = `## Meeting recordings and AI note-takers

- AI note-takers and meeting recorders are used only in internal meetings, and announced at the start of each one.
- They are never used in board, HR, disciplinary or legal meetings, nor with customers or carriers without their consent.
- Transcripts and summaries are kept for 90 days at most, unless the meeting owner files them as a record.
`;

/**
 * The demo's policy frame, as the officer's first weeks would leave it: the four policies generated
 * from the inventory; "AI acceptable use" sent back once by the General Counsel, edited, and
 * approved in its second version; "Data sent to third-party models" in review; the other two drafts.
 * Runs after the scans and spend, so the policies see the shadow AI and the model policy.
 */
export async function seedDemoPolicies(store: Store, orgId: string): Promise<{ versions: number }> {
  const officer = { label: `user:${DEMO_USERS[0].email}` };
  const counsel = { label: `user:${DEMO_USERS[2].email}` };
  const generated = await generatePolicies(store, orgId, POLICY_KINDS, officer);
  const id = (kind: string) => {
    const v = generated.find((g) => g.kind === kind)?.version;
    if (!v) throw new Error(`demo data: ${kind} was not generated`);
    return v.id;
  };

  const v1 = await store.policies.submit(orgId, id("acceptable-use"), officer);
  await store.policies.reject(
    orgId,
    v1.id,
    "Add a rule on meeting recordings and AI note-takers before this goes to the board; the works council asked about it.",
    counsel,
  );
  const at = v1.markdown.indexOf("## Ownership, approval and review");
  const edited = at < 0 ? `${v1.markdown}\n${MEETINGS}` : `${v1.markdown.slice(0, at)}${MEETINGS}\n${v1.markdown.slice(at)}`;
  const { version: v2 } = await store.policies.createVersion(orgId, "acceptable-use", edited, "edited", officer, { basedOn: v1.id });
  await store.policies.submit(orgId, v2.id, officer);
  await store.policies.approve(orgId, v2.id, { note: "Approved for the board at the quarterly meeting.", digest: v2.digest }, counsel);

  await store.policies.submit(orgId, id("third-party-data"), officer);
  return { versions: generated.length + 1 };
}
