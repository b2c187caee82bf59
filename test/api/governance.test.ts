import { type Answer, type ClassificationPreview, type ClassificationView, type ObligationRow, SystemCreateSchema } from "@caio/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Fixture, fixture } from "../helpers/api.js";

const actor = { label: "local:test" };

describe("classification and obligations through the API", () => {
  let f: Fixture;
  let system: string;
  let path: string;
  beforeAll(async () => {
    f = await fixture();
    system = (
      await f.store.systems.create(
        f.orgA.id,
        SystemCreateSchema.parse({
          name: "Driver CV screening",
          purpose: "Ranks driver applications for recruiters",
          stage: "production",
          decisionsAffectingPeople: "informs",
          personalData: ["personal"],
          euNexus: ["used-in-eu"],
        }),
        actor,
      )
    ).id;
    path = `/orgs/${f.orgA.slug}/systems/${system}/classification`;
  });
  afterAll(async () => f.close());

  /** Answers every question the rules ask: `given` first, else the inventory's suggestion, else "no". */
  async function walk(given: Record<string, Answer>, law = "original"): Promise<Record<string, Answer>> {
    const answers: Record<string, Answer> = {};
    given = { "aia.scope.ai-system": "yes", "aia.scope.eu-nexus": "yes", ...given };
    for (let i = 0; i < 300; i++) {
      const res = await call(f.app, "POST", `${path}/preview`, { token: f.tokens.editor, body: { answers, law, reset: true } });
      expect(res.status).toBe(200);
      const next = ((await res.json()) as ClassificationPreview).questions.find((q) => q.answer === null);
      if (!next) return answers;
      answers[next.id] = given[next.id] ?? next.prefill?.answer ?? "no";
    }
    throw new Error("the questions never ended");
  }

  it("starts with the scope questions, pre-filled from the inventory, and nothing stored", async () => {
    const res = await call(f.app, "GET", path, { token: f.tokens.viewer });
    expect(res.status).toBe(200);
    const view = (await res.json()) as ClassificationView;
    expect(view.classification).toBeNull();
    expect(view.questions[0]?.id).toBe("aia.scope.ai-system");
    expect(view.questions.every((q) => q.cite.length > 0)).toBe(true);
  });

  it("classifies a recruitment system as high-risk under Annex III 4(a), recording who answered and when", async () => {
    const answers = await walk({ "aia.annex3.area-4": "yes", "aia.annex3.4a": "yes", "aia.role.deployer": "yes" });
    const res = await call(f.app, "POST", path, { token: f.tokens.editor, body: { answers, law: "original", asOf: "2026-11-23" } });
    expect(res.status).toBe(201);
    const view = (await res.json()) as ClassificationView;
    const c = view.classification;
    expect(c?.result.status).toBe("complete");
    const high = c?.result.labels.find((l) => l.kind === "high-risk");
    expect(high?.cite.join(" ")).toMatch(/Annex III/);
    expect(c?.result.roles.map((r) => r.role)).toContain("deployer");
    expect(c?.answers["aia.annex3.4a"]).toMatchObject({ answer: "yes", by: "token:editor-token" });
    expect(c?.rulesetVersion).toBe(view.rulesetVersion);
    expect(view.stale).toBe(false);
    // Obligations land on the board with their dates; the Annex III deployer duties apply from 2 Aug 2026 as published.
    const board = await call(f.app, "GET", `/orgs/${f.orgA.slug}/obligations?system=${system}`, { token: f.tokens.viewer });
    const rows = ((await board.json()) as { items: ObligationRow[] }).items;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.some((r) => r.obligation.cite.some((x) => x.includes("Art 26")) && r.obligation.dueDate === "2026-08-02")).toBe(true);
  });

  it("re-running under the Digital Omnibus moves the Annex III dates and says so", async () => {
    // The Omnibus adds questions (the new Art 5 ban, the Art 50(2) grace period): answer them too.
    const answers = await walk({ "aia.annex3.area-4": "yes", "aia.annex3.4a": "yes", "aia.role.deployer": "yes" }, "omnibus");
    const res = await call(f.app, "POST", path, { token: f.tokens.editor, body: { answers, law: "omnibus", asOf: "2026-11-23" } });
    expect(res.status).toBe(201);
    const view = (await res.json()) as ClassificationView;
    expect(view.classification?.result.status).toBe("complete");
    expect(view.changes.join("\n")).toMatch(/2026-08-02.*2027-12-02/);
    const history = await call(f.app, "GET", `${path.replace("/classification", "/classifications")}`, { token: f.tokens.viewer });
    expect(((await history.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it("an unknown answer makes the result need review, never a silent no", async () => {
    const answers = await walk({ "aia.annex3.area-4": "unknown" });
    const res = await call(f.app, "POST", path, { token: f.tokens.editor, body: { answers, reset: true } });
    const view = (await res.json()) as ClassificationView;
    expect(view.classification?.result.status).toBe("needs-review");
    expect(view.classification?.result.unknowns.map((u) => u.questionId)).toContain("aia.annex3.area-4");
  });

  it("tracks an obligation: owner, status and evidence, audited; viewers cannot", async () => {
    await call(f.app, "POST", path, {
      token: f.tokens.editor,
      body: { answers: await walk({ "aia.annex3.area-4": "yes", "aia.annex3.4a": "yes" }), reset: true },
    });
    const rows = ((await (await call(f.app, "GET", `/orgs/${f.orgA.slug}/obligations`, { token: f.tokens.viewer })).json()) as { items: ObligationRow[] })
      .items;
    const target = rows.find((r) => r.systemId === system);
    if (!target) throw new Error("no obligation");
    const url = `/orgs/${f.orgA.slug}/systems/${system}/obligations/${target.obligation.id}`;
    expect((await call(f.app, "PATCH", url, { token: f.tokens.viewer, body: { status: "done" } })).status).toBe(403);
    const res = await call(f.app, "PATCH", url, { token: f.tokens.editor, body: { status: "done", owner: "Ana", evidence: "DOC-7" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "done", owner: "Ana", evidence: "DOC-7", overdue: false });
    const bad = await call(f.app, "PATCH", `/orgs/${f.orgA.slug}/systems/${system}/obligations/aia.no.such`, {
      token: f.tokens.editor,
      body: { status: "done" },
    });
    expect(bad.status).toBe(404);
    const invalid = await call(f.app, "PATCH", url, { token: f.tokens.editor, body: { status: "finished" } });
    expect(invalid.status).toBe(400);
    const wrong = await call(f.app, "POST", path, { token: f.tokens.editor, body: { answers: { "aia.scope.ai-system": "maybe" } } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toMatch(/answers/);
  });
});
