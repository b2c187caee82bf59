import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditEntry, PolicyGenerateResult, PolicyList, PolicyVersionDetail } from "@caio/core";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("caio policies on the demo organization (real binary)", () => {
  const dir = tempDataDir();
  const env = { CAIO_DATA_DIR: dir };
  const json = <T>(args: string[]): T => {
    const r = caio([...args, "--json"], env);
    expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  beforeAll(() => {
    const r = caio(["demo"], env);
    expect(r.code, r.stderr).toBe(0);
  }, 240_000);

  it("lists the demo's four policies: one approved by counsel, one in review, two drafts", () => {
    const list = json<PolicyList>(["policies", "list"]);
    expect(list.items.map((p) => [p.kind, p.latest?.version, p.latest?.status])).toEqual([
      ["acceptable-use", 2, "approved"],
      ["third-party-data", 1, "in-review"],
      ["generated-content", 1, "draft"],
      ["customer-facing", 1, "draft"],
    ]);
    const au = list.items[0];
    expect(au?.approved).toMatchObject({ version: 2, approvedBy: "user:counsel@meridian.example" });
    expect(au?.versions[1]).toMatchObject({ version: 1, status: "draft", rejectedBy: "user:counsel@meridian.example" });
    const table = caio(["policies"], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("AI acceptable use");
    expect(table.stdout).toContain("in review");
  }, 240_000);

  it("shows a version's text, its diff, and writes the Markdown whose SHA-256 is the digest", () => {
    const show = caio(["policies", "show", "acceptable-use"], env);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain("# AI acceptable use policy");
    expect(show.stdout).toContain("Meridian Freight & Logistics");
    expect(show.stdout).toMatch(/Approved\s+user:counsel@meridian\.example on \d{4}-\d{2}-\d{2}/);
    const diff = caio(["policies", "show", "acceptable-use", "--diff"], env);
    expect(diff.stdout).toContain("AI acceptable use: v1 → v2");
    expect(diff.stdout).toContain("+ ## Meeting recordings and AI note-takers");
    expect(caio(["policies", "show", "acceptable-use", "v1", "--diff"], env).stdout).toContain("is the first version");
    const out = join(dir, "aup.md");
    const wrote = caio(["policies", "show", "acceptable-use", "--out", out], env);
    expect(wrote.code, wrote.stderr).toBe(0);
    const detail = json<PolicyVersionDetail>(["policies", "show", "acceptable-use"]);
    expect(sha256(readFileSync(out, "utf8"))).toBe(detail.digest);
    expect(wrote.stdout).toContain(detail.digest);
    expect(detail.diff?.against).toBe(1);
    expect(caio(["policies", "show", "acceptable-use", "9"], env).code).toBe(1);
    expect(caio(["policies", "show", "hr-policy"], env).code).toBe(2);
    expect(caio(["policies", "show", "acceptable-use", "latest"], env).code).toBe(2);
  }, 240_000);

  it("generates: unchanged where the facts did not move, skipped where a version is in review", () => {
    const r = json<PolicyGenerateResult>(["policies", "generate"]);
    expect(r.items.map((i) => [i.kind, i.outcome])).toEqual([
      ["acceptable-use", "created"], // the approved v2 carries the counsel's edit, so the generated text differs
      ["third-party-data", "skipped"],
      ["generated-content", "unchanged"],
      ["customer-facing", "unchanged"],
    ]);
    const single = caio(["policies", "generate", "third-party-data"], env);
    expect(single.code).toBe(1);
    expect(single.stderr).toContain("in review");
  }, 240_000);

  it("edits, submits and approves a policy; the approved text cannot change; the ledger names the digest", () => {
    const v1 = json<PolicyVersionDetail>(["policies", "show", "generated-content"]);
    const file = join(dir, "content.md");
    writeFileSync(file, `${v1.markdown}\n## Marketing images\n\nCampaign images made with AI carry a visible "AI-generated" note.\n`);
    const edited = json<PolicyVersionDetail>(["policies", "edit", "generated-content", "--file", file]);
    expect(edited).toMatchObject({ version: 2, status: "draft", source: "edited", diff: { against: 1, added: 4, removed: 0 } });
    expect(caio(["policies", "edit", "generated-content", "--file", file], env).code).toBe(1); // same text: nothing to save
    expect(caio(["policies", "approve", "generated-content"], env).code).toBe(1); // a draft is not approved
    expect(caio(["policies", "submit", "generated-content"], env).code).toBe(0);
    const approve = caio(["policies", "approve", "generated-content", "--note", "Board, 23 Nov"], env);
    expect(approve.code, approve.stderr).toBe(0);
    expect(approve.stdout).toContain(edited.digest);
    const approved = json<PolicyVersionDetail>(["policies", "show", "generated-content"]);
    expect(approved).toMatchObject({ status: "approved", approvalNote: "Board, 23 Nov", digest: edited.digest });
    expect(approved.approvedBy).toMatch(/^local:/);
    const again = caio(["policies", "approve", "generated-content"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("approved and cannot change");
    expect(caio(["policies", "reject", "generated-content"], env).code).toBe(2); // --reason is required
    expect(caio(["policies", "approve", "generated-content", "--digest", "xyz"], env).code).toBe(2);
    const audit = json<AuditEntry[]>(["audit", "list", "--entity-type", "policy"]);
    const entry = audit.find((e) => e.entityType === "policy" && e.entityId === approved.id);
    expect(entry?.entityLabel).toBe(`AI-generated content v2 · sha256:${approved.digest}`);
    expect(entry?.actor).toBe(approved.approvedBy);
    expect(caio(["audit", "verify"], env).code).toBe(0);
  }, 240_000);

  it("sends a version in review back to draft with a reason", () => {
    const r = caio(["policies", "reject", "third-party-data", "--reason", "List the sub-processors."], env);
    expect(r.code, r.stderr).toBe(0);
    const v = json<PolicyVersionDetail>(["policies", "show", "third-party-data"]);
    expect(v).toMatchObject({ status: "draft", rejectionReason: "List the sub-processors." });
    const versions = json<unknown[]>(["policies", "versions", "third-party-data"]);
    expect(versions).toHaveLength(1);
  }, 240_000);
});
