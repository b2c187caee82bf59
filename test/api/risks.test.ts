import { type Incident, IncidentSchema, type Risk, RiskSchema, SystemCreateSchema } from "@caio/core";
import { createStore, type Database, openDatabase, type Store } from "@caio/db";
import { INCIDENT_CLOCKS, INCIDENT_SEVERITIES } from "@caio/rules";
import { type App, argon2Hasher, createApp } from "@caio/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** YYYY-MM-DD plus n days. */
const plus = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("risks and incidents over the API, with an injected clock", () => {
  let db: Database;
  let store: Store;
  let app: App;
  let now = new Date("2026-11-23T09:00:00.000Z");
  let systemId: string;
  const setToday = (date: string, time = "09:00:00") => {
    now = new Date(`${date}T${time}.000Z`);
  };

  const req = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await app.request(`/api/v1/orgs/acme${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
  };

  beforeAll(async () => {
    db = await openDatabase({ memory: true });
    store = createStore({ db, hasher: argon2Hasher, clock: () => now });
    app = createApp({ store, localOperator: "tester" });
    const org = await store.orgs.create({ name: "Acme", slug: "acme" }, { label: "local:tester" });
    systemId = (await store.systems.create(org.id, SystemCreateSchema.parse({ name: "Claims triage" }), { label: "local:tester" })).id;
  });
  afterAll(async () => db.close());

  for (const severity of INCIDENT_SEVERITIES) {
    it(`${severity}: counts down to the due day and is overdue the day after`, async () => {
      setToday("2026-11-23");
      const created = await req<Incident>("POST", "/incidents", { title: `A ${severity} incident`, awareOn: "2026-11-20", severity, systemId });
      expect(created.status).toBe(201);
      expect(IncidentSchema.strict().parse(created.body)).toEqual(created.body);
      const days = INCIDENT_CLOCKS[severity].days;
      const due = plus("2026-11-20", days);
      expect(created.body.deadline).toEqual({ dueDate: due, days, cite: expect.arrayContaining(["AI Act Art 73(5)"]) });
      const at = async (today: string, time?: string) => {
        setToday(today, time);
        return (await req<Incident>("GET", `/incidents/${created.body.id}`)).body;
      };
      expect(await at(plus(due, -1))).toMatchObject({ daysLeft: 1, state: "due", today: plus(due, -1) });
      expect(await at(due, "00:00:00")).toMatchObject({ daysLeft: 0, state: "due" });
      expect(await at(due, "23:59:59")).toMatchObject({ daysLeft: 0, state: "due" });
      expect(await at(plus(due, 1), "00:00:00")).toMatchObject({ daysLeft: -1, state: "overdue" });
      // The list carries the same countdown and the server's day.
      const list = (await req<{ items: Incident[]; today: string }>("GET", "/incidents?active=true")).body;
      expect(list.today).toBe(plus(due, 1));
      expect(list.items.find((i) => i.id === created.body.id)).toMatchObject({ daysLeft: -1, state: "overdue" });
      // Reported on the due day: on time, and it stays so whatever the day.
      const reported = await req<Incident>("PATCH", `/incidents/${created.body.id}`, { status: "reported", reportedOn: due });
      expect(reported.status).toBe(200);
      expect(reported.body).toMatchObject({ state: "reported-on-time", daysLeft: null, status: "reported", reportedOn: due });
      const late = await req<Incident>("PATCH", `/incidents/${created.body.id}`, { reportedOn: plus(due, 1) });
      expect(late.body.state).toBe("reported-late");
    });
  }

  it("recomputes the deadline when the severity or awareness date changes", async () => {
    setToday("2026-11-23");
    const created = (await req<Incident>("POST", "/incidents", { title: "Recompute me", awareOn: "2026-11-22", severity: "serious" })).body;
    const serious = created.deadline?.dueDate;
    const death = (await req<Incident>("PATCH", `/incidents/${created.id}`, { severity: "death" })).body;
    expect(death.deadline?.days).toBe(INCIDENT_CLOCKS.death.days);
    expect(death.deadline?.dueDate).toBe(plus("2026-11-22", INCIDENT_CLOCKS.death.days));
    expect(death.deadline?.dueDate).not.toBe(serious);
    const moved = (await req<Incident>("PATCH", `/incidents/${created.id}`, { awareOn: "2026-11-21" })).body;
    expect(moved.deadline?.dueDate).toBe(plus("2026-11-21", INCIDENT_CLOCKS.death.days));
    expect(moved.daysLeft).toBe(death.daysLeft === null ? null : death.daysLeft - 1);
    const none = (await req<Incident>("PATCH", `/incidents/${created.id}`, { severity: "not-serious" })).body;
    expect(none).toMatchObject({ deadline: null, daysLeft: null, state: "no-clock" });
  });

  it("answers invalid incidents with 400 and the field paths", async () => {
    setToday("2026-11-23");
    const future = await req<{ error: { issues: { path: string }[] } }>("POST", "/incidents", { title: "x", awareOn: "2026-11-24", severity: "serious" });
    expect(future.status).toBe(400);
    expect(future.body.error.issues.map((i) => i.path)).toEqual(["awareOn"]);
    const bad = await req<{ error: { issues: { path: string }[] } }>("POST", "/incidents", { title: "", awareOn: "23/11/2026", severity: "minor" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path).sort()).toEqual(["awareOn", "severity", "title"]);
    expect((await req("DELETE", `/incidents/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await req("GET", `/incidents/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("lists risks by score with their rating, filters them, and keeps their history", async () => {
    const add = (b: object) => req<Risk>("POST", "/risks", b);
    const a = await add({ title: "Low one", likelihood: 2, severity: 2 });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ score: 4, rating: "low" });
    expect(RiskSchema.strict().parse(a.body)).toEqual(a.body);
    await add({ title: "Critical one", likelihood: 4, severity: 5, systemIds: [systemId], obligationIds: ["aia.art26.oversight"] });
    await add({ title: "Medium one", likelihood: 3, severity: 3, status: "mitigating" });
    const list = (await req<{ items: Risk[] }>("GET", "/risks")).body.items;
    expect(list.map((r) => [r.title, r.score, r.rating])).toEqual([
      ["Critical one", 20, "critical"],
      ["Medium one", 9, "medium"],
      ["Low one", 4, "low"],
    ]);
    expect((await req<{ items: Risk[] }>("GET", "/risks?status=mitigating")).body.items.map((r) => r.title)).toEqual(["Medium one"]);
    expect((await req<{ items: Risk[] }>(`GET`, `/risks?systemId=${systemId}`)).body.items.map((r) => r.title)).toEqual(["Critical one"]);
    const bad = await add({ title: "x", likelihood: 6, severity: 0, obligationIds: ["Art 26"] });
    expect(bad.status).toBe(400);
    const raised = await req<Risk>("PATCH", `/risks/${a.body.id}`, { likelihood: 5, severity: 4 });
    expect(raised.body).toMatchObject({ score: 20, rating: "critical", version: 2 });
    expect((await req("DELETE", `/risks/${a.body.id}`)).status).toBe(204);
    const history = (await req<{ items: { action: string }[] }>("GET", `/risks/${a.body.id}/history`)).body.items;
    expect(history.map((h) => h.action)).toEqual(["delete", "update", "create"]);
  });
});
