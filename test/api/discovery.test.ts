import { type ComponentCreate, StoredFindingSchema, SystemCreateSchema } from "@caio/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Fixture, fixture } from "../helpers/api.js";
import { finding, sampleScan } from "../helpers/scan.js";

const actor = { label: "local:test" };
const comp = (c: Partial<ComponentCreate> & Pick<ComponentCreate, "kind" | "name">): ComponentCreate => ({
  provider: "",
  identifier: "",
  version: "",
  hosting: "vendor-api",
  vendorId: null,
  notes: "",
  systemIds: [],
  ...c,
});

describe("discovery API: scans, findings and shadow AI", () => {
  let f: Fixture;
  let org: string;
  beforeAll(async () => {
    f = await fixture();
    org = f.orgA.slug;
    // the inventory knows GPT-4o (used by a system) and an unused pgvector component
    const model = await f.store.components.create(
      f.orgA.id,
      comp({ kind: "model", name: "GPT-4o", provider: "openai", identifier: "gpt-4o-2024-08-06" }),
      actor,
    );
    await f.store.components.create(f.orgA.id, comp({ kind: "vector-store", name: "pgvector", provider: "postgresql", identifier: "pgvector" }), actor);
    await f.store.systems.create(f.orgA.id, SystemCreateSchema.parse({ name: "Support bot", stage: "production", componentIds: [model.id] }), actor);
  });
  afterAll(async () => f.close());

  const upload = (repo: string, findings: ReturnType<typeof finding>[]) =>
    call(f.app, "POST", `/orgs/${org}/scans`, { token: f.tokens.editor, body: sampleScan(repo, findings) });

  it("stores a scan and separates registered AI from shadow AI", async () => {
    const res = await upload("support-bot", [
      finding("model", "gpt-4o", { provider: "openai" }),
      finding("provider", "mistral", { provider: "mistral", confidence: "referenced" }),
      finding("vector-store", "pgvector"),
      finding("model", "gpt-4o", { provider: "openai", scope: "test" }),
      finding("secret", "secret:openai:0123456789abcdef0123456789abcdef", {
        secret: { provider: "openai", keyKind: "project-key", fingerprint: "0123456789abcdef0123456789abcdef" },
        evidence: [{ file: "app/settings.py", line: 9, detector: "secrets", signal: "secret", detail: "" }],
      }),
    ]);
    expect(res.status, await res.clone().text()).toBe(201);
    const stored = (await res.json()) as { repositories: { new: number; shadow: number }[] };
    expect(stored.repositories[0]).toMatchObject({ new: 5, shadow: 2 });

    const all = (await (await call(f.app, "GET", `/orgs/${org}/findings`, { session: f.sessions.viewer })).json()) as { items: unknown[] };
    const items = all.items.map((i) => StoredFindingSchema.parse(i));
    const gpt = items.find((i) => i.id === "gpt-4o" && i.scope === "runtime");
    expect(gpt).toMatchObject({ componentName: "GPT-4o", systems: ["Support bot"], shadow: false });
    expect(items.find((i) => i.id === "gpt-4o" && i.scope === "test")?.shadow).toBe(false);
    expect(items.find((i) => i.id === "pgvector")).toMatchObject({ componentName: "pgvector", systems: [], shadow: true });
    expect(items.find((i) => i.kind === "secret")).toMatchObject({ shadow: false, secret: { keyKind: "project-key" } });

    const shadow = (await (await call(f.app, "GET", `/orgs/${org}/shadow`, { session: f.sessions.viewer })).json()) as { items: { id: string }[] };
    expect(shadow.items.map((i) => i.id).sort()).toEqual(["mistral", "pgvector"]);
  });

  it("marks findings not seen again as gone, and registering a system clears shadow AI", async () => {
    const res = await upload("support-bot", [finding("model", "gpt-4o", { provider: "openai" }), finding("vector-store", "pgvector")]);
    const stored = (await res.json()) as { repositories: { new: number; gone: number }[] };
    expect(stored.repositories[0]).toMatchObject({ new: 0, gone: 3 });
    const pg = (await f.store.components.list(f.orgA.id, { q: "pgvector", limit: 10, offset: 0 })).items[0];
    await f.store.systems.create(f.orgA.id, SystemCreateSchema.parse({ name: "Knowledge search", componentIds: [pg?.id ?? ""] }), actor);
    const shadow = (await (await call(f.app, "GET", `/orgs/${org}/shadow`, { session: f.sessions.viewer })).json()) as { items: unknown[] };
    expect(shadow.items).toEqual([]);
    const gone = (await (await call(f.app, "GET", `/orgs/${org}/findings?status=gone`, { session: f.sessions.viewer })).json()) as { items: { id: string }[] };
    expect(gone.items).toHaveLength(3);
  });

  it("summarises repositories and records each scan in the audit ledger", async () => {
    const repos = (await (await call(f.app, "GET", `/orgs/${org}/repositories`, { session: f.sessions.viewer })).json()) as { items: { name: string }[] };
    expect(repos.items.map((r) => r.name)).toContain("support-bot");
    const audit = (await (await call(f.app, "GET", `/orgs/${org}/audit?entityType=scan`, { session: f.sessions.viewer })).json()) as {
      items: { actor: string }[];
    };
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0]?.actor).toBe("token:editor-token");
    expect((await f.store.audit.verify(f.orgA.id)).ok).toBe(true);
  });

  it("rejects a malformed upload naming the field, storing nothing", async () => {
    const bad = sampleScan("broken", [finding("model", "")]);
    const res = await call(f.app, "POST", `/orgs/${org}/scans`, { token: f.tokens.editor, body: bad });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toContain("repositories.0.findings.0.id");
    const repos = (await (await call(f.app, "GET", `/orgs/${org}/repositories`, { session: f.sessions.viewer })).json()) as { items: { name: string }[] };
    expect(repos.items.map((r) => r.name)).not.toContain("broken");
  });

  it("hands editors a stable fingerprint key and hides it from viewers", async () => {
    const a = (await (await call(f.app, "GET", `/orgs/${org}/discovery/key`, { token: f.tokens.editor })).json()) as { fingerprintKey: string };
    const b = (await (await call(f.app, "GET", `/orgs/${org}/discovery/key`, { token: f.tokens.admin })).json()) as { fingerprintKey: string };
    expect(a.fingerprintKey).toMatch(/^[0-9a-f]{64}$/);
    expect(b.fingerprintKey).toBe(a.fingerprintKey);
    expect((await call(f.app, "GET", `/orgs/${org}/discovery/key`, { token: f.tokens.viewer })).status).toBe(403);
  });
});
