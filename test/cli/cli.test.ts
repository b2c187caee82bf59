import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "@caio/db";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, caioServe, tempDataDir } from "../helpers/cli.js";

describe("caio CLI (real binary)", () => {
  it("prints help for every command and subcommand", () => {
    const top = caio(["--help"]);
    expect(top.code).toBe(0);
    const commandsOf = (help: string) =>
      [...(help.split("Commands:")[1] ?? "").matchAll(/^ {2}([a-z-]+)\b/gm)].map((m) => m[1] as string).filter((c) => c !== "help");
    const commands = commandsOf(top.stdout);
    expect(commands).toEqual(expect.arrayContaining(["init", "demo", "serve", "systems", "vendors", "components", "audit", "export", "restore"]));
    for (const c of commands) {
      const r = caio([c, "--help"]);
      expect(r.code, c).toBe(0);
      expect(r.stdout).toMatch(/Usage: caio/);
      for (const sub of commandsOf(r.stdout)) {
        const s = caio([c, sub, "--help"]);
        expect(s.code, `${c} ${sub}`).toBe(0);
      }
    }
    // One process per command and subcommand (about a hundred): allow for a busy machine.
  }, 300_000);

  it("exits 2 on usage errors", () => {
    const dir = tempDataDir();
    expect(caio(["frobnicate"]).code).toBe(2);
    expect(caio(["systems", "list", "--stage", "launched"], { CAIO_DATA_DIR: dir }).code).toBe(2);
    expect(caio(["init", "--org", "X"]).code).toBe(2);
    expect(caio(["serve", "--port", "99999"], { CAIO_DATA_DIR: dir }).code).toBe(2);
  });

  describe("on a demo installation", () => {
    const dir = tempDataDir();
    const env = { CAIO_DATA_DIR: dir };
    beforeAll(() => {
      const r = caio(["demo"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("16 AI systems");
    });

    it("lists the demo systems as JSON", () => {
      const r = caio(["systems", "list", "--json"], env);
      expect(r.code).toBe(0);
      const systems = JSON.parse(r.stdout) as { name: string; stage: string }[];
      expect(systems).toHaveLength(16);
      expect(new Set(systems.map((s) => s.stage))).toEqual(new Set(["idea", "pilot", "production", "retired"]));
      const vendors = JSON.parse(caio(["vendors", "list", "--json"], env).stdout) as unknown[];
      expect(vendors).toHaveLength(6);
    });

    it("runs a system through add, show, update, list filters and remove", () => {
      const add = caio(
        ["systems", "add", "--name", "Claims triage", "--stage", "pilot", "--customer-facing", "--personal-data", "personal", "--tag", "ins,claims", "--json"],
        env,
      );
      expect(add.code, add.stderr).toBe(0);
      const created = JSON.parse(add.stdout) as { id: string; tags: string[]; customerFacing: boolean };
      expect(created).toMatchObject({ tags: ["ins", "claims"], customerFacing: true });
      const show = caio(["systems", "show", "claims triage"], env);
      expect(show.code).toBe(0);
      expect(show.stdout).toMatch(/Stage\s+pilot/);
      expect(caio(["systems", "update", created.id, "--stage", "production"], env).code).toBe(0);
      const prod = JSON.parse(caio(["systems", "list", "--stage", "production", "--search", "claims", "--json"], env).stdout) as { id: string }[];
      expect(prod.map((s) => s.id)).toEqual([created.id]);
      const hist = JSON.parse(caio(["systems", "history", created.id, "--json"], env).stdout) as { action: string; actor: string }[];
      expect(hist.map((h) => h.action)).toEqual(["update", "create"]);
      expect(hist[0]?.actor).toMatch(/^local:/);
      expect(caio(["systems", "remove", "Claims triage"], env).code).toBe(0);
      const gone = caio(["systems", "show", created.id], env);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toMatch(/not found/);
    });

    it("explains invalid values field by field and exits 1", () => {
      const r = caio(["vendors", "add", "--name", "Bad dates", "--contract-start", "2027-01-01", "--contract-end", "2026-01-01", "--commitment", "12,5"], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/contract\.end: end must not be before start/);
      expect(r.stderr).toMatch(/contract\.commitmentAmount/);
      const dup = caio(["systems", "add", "--name", "shipment eta prediction"], env);
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(/already exists/);
    });

    it("verifies the audit ledger", () => {
      const r = caio(["audit", "verify"], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^ok: \d+ entries verified/);
      const list = JSON.parse(caio(["audit", "list", "--limit", "5", "--json"], env).stdout) as { seq: number }[];
      expect(list).toHaveLength(5);
    });

    it("round-trips export and restore into an empty installation", () => {
      const out = join(dir, "export.json");
      const e1 = caio(["export", "--out", out], env);
      expect(e1.code, e1.stderr).toBe(0);
      const other = tempDataDir();
      const r = caio(["restore", out], { CAIO_DATA_DIR: other });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/without a password/);
      const out2 = join(other, "export.json");
      expect(caio(["export", "--out", out2], { CAIO_DATA_DIR: other }).code).toBe(0);
      expect(readFileSync(out2, "utf8")).toBe(readFileSync(out, "utf8"));
      expect(caio(["audit", "verify"], { CAIO_DATA_DIR: other }).code).toBe(0);
      const again = caio(["restore", out], { CAIO_DATA_DIR: other });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already exists/);
    });

    it("rejects a malformed export naming the field, restoring nothing", () => {
      const bad = join(dir, "bad.json");
      writeFileSync(bad, JSON.stringify({ format: "caio-organization-export", version: 1, organization: { slug: "x" } }));
      const other = tempDataDir();
      const r = caio(["restore", bad], { CAIO_DATA_DIR: other });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/organization\.id/);
      expect(JSON.parse(caio(["orgs", "list", "--json"], { CAIO_DATA_DIR: other }).stdout)).toEqual([]);
      writeFileSync(bad, "{oops");
      expect(caio(["restore", bad], { CAIO_DATA_DIR: other }).stderr).toMatch(/not valid JSON/);
    });
  });

  it("init creates an organization, admin and a one-time token; the token works against a server", async () => {
    const dir = tempDataDir();
    const env = { CAIO_DATA_DIR: dir, ADMIN_PW: "a long admin password" };
    const init = caio(["init", "--org", "Acme Robotics GmbH", "--admin", "Ada@Acme.example", "--password-env", "ADMIN_PW", "--json"], env);
    expect(init.code, init.stderr).toBe(0);
    const out = JSON.parse(init.stdout) as { organization: { slug: string }; token: string };
    expect(out.organization.slug).toBe("acme-robotics-gmbh");
    expect(out.token).toMatch(/^caio_/);
    caio(["orgs", "create", "Second Co"], env);
    const ambiguous = caio(["systems", "list"], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/acme-robotics-gmbh, second-co/);

    const server = await caioServe([], { CAIO_DATA_DIR: dir });
    try {
      const remote = { CAIO_SERVER: server.url, CAIO_TOKEN: out.token };
      const add = caio(["systems", "add", "--name", "Remote bot", "--stage", "idea"], remote);
      expect(add.code, add.stderr).toBe(0);
      const list = JSON.parse(caio(["systems", "list", "--json"], remote).stdout) as { name: string }[];
      expect(list.map((s) => s.name)).toEqual(["Remote bot"]);
      const audit = JSON.parse(caio(["audit", "list", "--json"], remote).stdout) as { actor: string }[];
      expect(audit[0]?.actor).toBe("token:caio init");
      const bad = caio(["systems", "list"], { CAIO_SERVER: server.url, CAIO_TOKEN: "caio_wrong" });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/invalid or revoked/);
      expect(caio(["demo"], remote).code).toBe(2);
      const busy = caio(["systems", "list"], { CAIO_DATA_DIR: dir });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/in use by another caio process .*caio serve/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const none = caio(["systems", "list"], { CAIO_SERVER: "http://127.0.0.1:9", CAIO_TOKEN: out.token });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/cannot reach/);
  });

  it("audit verify exits 1 and names the entry edited directly in the database", async () => {
    const dir = tempDataDir();
    expect(caio(["demo"], { CAIO_DATA_DIR: dir }).code).toBe(0);
    const db = await openDatabase({ dataDir: dir });
    await db.query("update audit_entries set entity_label = 'nothing to see' where seq = 7");
    await db.close();
    const r = caio(["audit", "verify"], { CAIO_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN: entry 7: .*edited/);
  });
});
