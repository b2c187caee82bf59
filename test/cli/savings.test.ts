import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reconciliation, SavingsReport, SpendRow } from "@caio/core";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

describe("caio optimize, reconcile and model-policy on the demo organization (real binary)", () => {
  const dir = tempDataDir();
  const env = { CAIO_DATA_DIR: dir };
  beforeAll(() => {
    const r = caio(["demo"], env);
    expect(r.code, r.stderr).toBe(0);
  });

  it("shows every recommendation type with figures a CFO can check against caio spend", () => {
    const r = caio(["optimize", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as SavingsReport;
    expect(new Set(report.recommendations.map((x) => x.type))).toEqual(
      new Set(["downshift", "batch", "caching", "consolidation", "unused-capacity", "long-context", "priority-tier"]),
    );
    const share = Number(report.summary.shareOfSpend);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
    // The downshift's window spend is the system's spend for the same dates.
    const w = report.window;
    if (!w) throw new Error("no window");
    const rec = report.recommendations.find((x) => x.type === "downshift" && x.systems.length === 1);
    const system = rec?.systems[0]?.name;
    const spend = JSON.parse(caio(["spend", "--by", "system", "--from", w.from, "--to", w.to, "--json"], env).stdout) as SpendRow[];
    const row = spend.find((s) => s.key === system);
    const monthly = (BigInt(row?.costMicros ?? "0") * 365n * 2n + 12n * BigInt(w.days)) / (2n * 12n * BigInt(w.days));
    expect(rec?.baselineMonthlyMicros).toBe(monthly.toString());
    const table = caio(["optimize"], env);
    expect(table.stdout).toMatch(/identified \$[\d,]+\.\d\d\/month/);
  });

  it("explains one recommendation and records status changes", () => {
    const report = JSON.parse(caio(["optimize", "--json"], env).stdout) as SavingsReport;
    const rec = report.recommendations.find((x) => x.type === "batch");
    if (!rec) throw new Error("no batch recommendation in the demo");
    const show = caio(["optimize", "show", rec.id.slice(0, 6)], env);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain("Assumptions");
    expect(show.stdout).toContain("Evidence");
    const set = caio(["optimize", "set", rec.id.slice(0, 8), "accepted", "--note", "nightly job moves next sprint"], env);
    expect(set.code, set.stderr).toBe(0);
    const accepted = JSON.parse(caio(["optimize", "--status", "accepted", "--json"], env).stdout) as SavingsReport;
    expect(accepted.recommendations.map((x) => [x.id, x.statusNote])).toEqual([[rec.id, "nightly job moves next sprint"]]);
    const audit = caio(["audit", "list", "--json"], env);
    expect(audit.stdout).toContain("savings-recommendation");
    expect(caio(["optimize", "set", rec.id, "maybe"], env).code).toBe(2);
    expect(caio(["optimize", "show", "ffffffffffffffff"], env).code).toBe(1);
    expect(caio(["optimize", "--days", "3"], env).code).toBe(2);
  });

  it("reconciles the demo: shadow AI, unattributed spend, a vendor missing, models the policy denies", () => {
    const r = caio(["reconcile", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout) as Reconciliation;
    expect(rec.shadow.length).toBeGreaterThan(0);
    expect(rec.unattributed.map((u) => u.model)).toContain("claude-opus-4-1");
    expect(rec.vendors).toEqual([expect.objectContaining({ provider: "mistral", issues: ["no-vendor"] })]);
    expect(rec.models.map((m) => m.model)).toEqual(expect.arrayContaining(["claude-opus-4-1", "mistral-large"]));
    expect(rec.stale.length).toBeGreaterThan(0);
  });

  it("sets the model policy from the CI gate's file, with line and field in errors", () => {
    const bad = join(dir, "bad-policy.yaml");
    writeFileSync(bad, "version: 1\nmodels:\n  alow: [gpt-4o]\n");
    const err = caio(["model-policy", "set", bad], env);
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/bad-policy\.yaml:3/);
    const good = join(dir, "policy.yaml");
    writeFileSync(good, "version: 1\nproviders:\n  allow: [openai, anthropic, mistral]\nmodels:\n  deny: ['o3*']\n");
    expect(caio(["model-policy", "set", good], env).code).toBe(0);
    const rec = JSON.parse(caio(["reconcile", "--json"], env).stdout) as Reconciliation;
    expect(rec.models.map((m) => m.model)).toContain("o3");
    expect(rec.models.map((m) => m.model)).not.toContain("mistral-large");
    expect(caio(["model-policy", "clear"], env).code).toBe(0);
    expect(JSON.parse(caio(["reconcile", "--json"], env).stdout).policySet).toBe(false);
  });
});
