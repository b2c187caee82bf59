import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ScanResultSchema } from "@caio/core";
import { openDatabase } from "@caio/db";
import { describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

const DEMO = fileURLToPath(new URL("../../packages/cli/demo-repos", import.meta.url));

function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "caio-scan-"));
  for (const r of ["support-assistant", "route-planner", "data-platform", "customs-classifier"]) cpSync(join(DEMO, r), join(dir, r), { recursive: true });
  return dir;
}

/** A key-shaped value made at test time (never committed), in OpenAI's project-key format. */
function generatedKey(): string {
  const part = () => randomBytes(60).toString("base64url").replace(/[-_]/g, "x").slice(0, 74);
  return `sk-proj-${part()}T3BlbkFJ${part()}`;
}

describe("caio scan (real binary)", () => {
  it("prints a table, JSON, CycloneDX and SARIF for the demo repositories", () => {
    const dir = demoCopy();
    const repos = ["route-planner", "support-assistant"].map((r) => join(dir, r));
    const table = caio(["scan", ...repos, "--no-store"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/mistral/);
    const json = caio(["scan", ...repos, "--no-store", "--format", "json", "--quiet"]);
    const result = ScanResultSchema.parse(JSON.parse(json.stdout));
    const planner = result.repositories.find((r) => r.name === "route-planner");
    const ids = new Set(planner?.findings.filter((f) => f.scope === "runtime").map((f) => `${f.kind}:${f.id}`));
    expect(ids).toEqual(
      new Set([
        "sdk:langchain",
        "sdk:mistral",
        "sdk:openai",
        "provider:mistral",
        "provider:openai",
        "model:gpt-4o",
        "model:mistral-large",
        "dev-tool:claude-code",
      ]),
    );
    // `new Agent(...)` in route-planner is ordinary code, not an AI agent
    expect(planner?.findings.some((f) => f.evidence.some((e) => e.file === "src/agent.ts"))).toBe(false);
    const bom = join(dir, "bom.json");
    expect(caio(["scan", ...repos, "--no-store", "--format", "cyclonedx", "--out", bom]).code).toBe(0);
    const doc = JSON.parse(readFileSync(bom, "utf8")) as { bomFormat: string; specVersion: string; components: { type: string; name: string }[] };
    expect(doc).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6" });
    expect(doc.components.some((c) => c.type === "machine-learning-model" && c.name === "gpt-4o")).toBe(true);
    const sarif = JSON.parse(caio(["scan", ...repos, "--no-store", "--format", "sarif", "-q"]).stdout) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe("2.1.0");
  });

  it("is a CI gate: exits 1 on providers, models or secrets the policy does not allow, writing SARIF", () => {
    const dir = demoCopy();
    const policy = join(dir, "caio-policy.yaml");
    writeFileSync(policy, "version: 1\nproviders:\n  allow: [openai, anthropic, aws-bedrock]\nmodels:\n  allow: [gpt-4o, gpt-4o-mini, 'claude-*']\n");
    const sarifOut = join(dir, "caio.sarif");
    const r = caio(["scan", "--ci", "--policy", policy, "--out", sarifOut, join(dir, "route-planner")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mistral/);
    const sarif = JSON.parse(readFileSync(sarifOut, "utf8")) as { runs: { results: { ruleId: string; level: string }[] }[] };
    expect(sarif.runs[0]?.results.some((x) => x.ruleId.startsWith("caio/policy/") && x.level === "error")).toBe(true);
    const ok = caio(["scan", "--ci", "--policy", policy, "--out", sarifOut, join(dir, "support-assistant")]);
    expect(ok.code, ok.stderr).toBe(0);
    // a committed key fails the gate even where providers are allowed
    writeFileSync(join(dir, "support-assistant", ".env"), `OPENAI_API_KEY=${generatedKey()}\n`);
    expect(caio(["scan", "--ci", "--policy", policy, "--out", sarifOut, join(dir, "support-assistant")]).code).toBe(1);
  });

  it("names the line and field of a bad policy and refuses bad paths", () => {
    const dir = demoCopy();
    const policy = join(dir, "bad.yaml");
    writeFileSync(policy, "version: 1\nproviders:\n  allow: [openai]\nmodels:\n  alow: [gpt-4o]\n");
    const r = caio(["scan", "--ci", "--policy", policy, join(dir, "route-planner")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:5.*alow/);
    expect(caio(["scan", join(dir, "nope")]).code).toBe(2);
    expect(caio(["scan", policy]).code).toBe(2);
    expect(caio(["scan", "--ci", join(dir, "route-planner")]).code).toBe(2);
  });

  it("stores findings in the organization and never lets a key reach output, files or the database", async () => {
    const data = tempDataDir();
    expect(caio(["init", "--org", "Keyholder", "--admin", "a@k.example"], { CAIO_DATA_DIR: data }).code).toBe(0);
    const dir = demoCopy();
    const keys = [generatedKey(), generatedKey()];
    writeFileSync(join(dir, "data-platform", ".env"), `OPENAI_API_KEY=${keys[0]}\n`);
    mkdirSync(join(dir, "data-platform", "config"), { recursive: true });
    writeFileSync(join(dir, "data-platform", "config", "settings.py"), `OPENAI_KEY = "${keys[1]}"  # TODO move to vault\n`);
    const outputs: string[] = [];
    for (const format of ["table", "json", "cyclonedx", "sarif"]) {
      const out = join(dir, `out.${format}`);
      const r = caio(["scan", join(dir, "data-platform"), "--format", format, "--out", out], { CAIO_DATA_DIR: data });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(r.stdout, r.stderr, readFileSync(out, "utf8"));
    }
    const secrets = JSON.parse(caio(["findings", "list", "--kind", "secret", "--json"], { CAIO_DATA_DIR: data }).stdout) as { secret: { keyKind: string } }[];
    expect(secrets).toHaveLength(2);
    outputs.push(JSON.stringify(secrets), caio(["shadow"], { CAIO_DATA_DIR: data }).stdout, caio(["export", "--out", "-"], { CAIO_DATA_DIR: data }).stdout);
    const db = await openDatabase({ dataDir: data });
    for (const t of ["findings", "scans", "audit_entries", "entity_versions"]) outputs.push(JSON.stringify((await db.query(`select * from ${t}`)).rows));
    await db.close();
    for (const f of readdirSync(join(data, "pgdata"), { recursive: true }) as string[]) {
      if (f.endsWith(".lock")) continue;
      try {
        outputs.push(readFileSync(join(data, "pgdata", f), "latin1"));
      } catch {
        /* directories */
      }
    }
    const everything = outputs.join("\n");
    for (const key of keys) {
      for (let i = 0; i + 12 <= key.length; i += 6) expect(everything.includes(key.slice(i, i + 12)), `fragment ${i} of a key leaked`).toBe(false);
    }
  });
});
