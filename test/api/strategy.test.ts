import { AssessmentViewSchema, PlanSchema, StoredAssessmentSchema, SystemCreateSchema } from "@caio/core";
import { createStore, type Database, openDatabase, type Store } from "@caio/db";
import { type App, argon2Hasher, createApp } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("assessment and plan over the API", () => {
  let db: Database;
  let store: Store;
  let app: App;
  let now = new Date("2026-04-01T09:00:00.000Z");
  let orgId: string;

  const req = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await app.request(`/api/v1/orgs/acme${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    db = await openDatabase({ memory: true });
    store = createStore({ db, hasher: argon2Hasher, clock: () => now });
    app = createApp({ store, localOperator: "tester" });
    orgId = (await store.orgs.create({ name: "Acme", slug: "acme" }, { label: "local:tester" })).id;
    for (const name of ["Claims triage", "Quote assistant"])
      await store.systems.create(orgId, SystemCreateSchema.parse({ name, stage: "production", customerFacing: name === "Quote assistant" }), {
        label: "local:tester",
      });
  });
  afterAll(async () => db.close());

  it("shows the questions, thresholds with sources and the prefill before any assessment", async () => {
    const r = await req("GET", "/assessment");
    expect(r.status).toBe(200);
    const view = AssessmentViewSchema.parse(r.body);
    expect(view.latest).toBeNull();
    expect(view.questions.map((q) => q.id)).toContain("engineers");
    expect(view.thresholds.find((t) => t.id === "combined.max-engineers")).toMatchObject({ value: 100 });
    expect(view.prefill).toEqual(
      expect.arrayContaining([
        { question: "productionWorkloads", value: 2, source: "inventory: 2 system(s) in stage production" },
        { question: "customerFacingAi", value: true, source: "inventory: customer-facing in production: Quote assistant" },
      ]),
    );
  });

  it("runs the rules on POST, stores the result and returns it on GET", async () => {
    const post = await req("POST", "/assessment", { answers: { engineers: 101, productionWorkloads: 2, gap: "technology", customerFacingAi: false } });
    expect(post.status).toBe(201);
    const stored = StoredAssessmentSchema.parse(post.body);
    expect(stored.answers.employees).toBeNull();
    expect(stored.result.confidence).toBe("provisional");
    const view = AssessmentViewSchema.parse((await req("GET", "/assessment")).body);
    expect(view.latest?.id).toBe(stored.id);
    const list = await req<{ items: { id: string }[] }>("GET", "/assessments");
    expect(list.body.items.map((i) => i.id)).toEqual([stored.id]);
  });

  it("rejects answers of the wrong shape with the field named", async () => {
    const bad = await req<{ error: { issues: { path: string }[] } }>("POST", "/assessment", { answers: { engineers: -3, gap: "money" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["answers.engineers", "answers.gap"]));
    const extra = await req("POST", "/assessment", { answers: { headcount: 3 } });
    expect(extra.status).toBe(400);
  });

  it("returns the plan and lets an admin move its start", async () => {
    const p = PlanSchema.parse((await req("GET", "/plan")).body);
    expect(p).toMatchObject({ start: "2026-04-01", startSource: "organization-created", day: 0 });
    expect(p.workstreams.flatMap((w) => w.milestones).find((m) => m.id === "inventory.assessment")).toMatchObject({ progress: 100, status: "done" });
    now = new Date("2026-06-15T09:00:00.000Z");
    const moved = PlanSchema.parse((await req("PUT", "/plan", { start: "2026-03-01" })).body);
    expect(moved).toMatchObject({ start: "2026-03-01", startSource: "set", day: 106 });
    expect(moved.workstreams[1]?.milestones.find((m) => m.id === "governance.classified")).toMatchObject({ status: "overdue", dueDate: "2026-04-30" });
    expect((await req("PUT", "/plan", { start: "March" })).status).toBe(400);
  });
});
