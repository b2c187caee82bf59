import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AssessmentView, Plan, StoredAssessment } from "@caio/core";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

describe("caio assess and caio plan on the demo organization (real binary)", () => {
  const dir = tempDataDir();
  const env = { CAIO_DATA_DIR: dir };
  beforeAll(() => {
    const r = caio(["demo"], env);
    expect(r.code, r.stderr).toBe(0);
  });

  it("shows Meridian's stored assessment: a fractional CAIO with its reasons, costs and talent posture", () => {
    const r = caio(["assess", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const view = JSON.parse(r.stdout) as AssessmentView;
    const latest = view.latest;
    if (!latest) throw new Error("the demo has no assessment");
    expect(latest.result.recommendation).toBe("fractional-caio");
    expect(latest.result.confidence).toBe("firm");
    expect(latest.answers).toMatchObject({ employees: 400, engineers: 60, customerFacingAi: true, pressureRegulators: true });
    const workloads = view.prefill.find((p) => p.question === "productionWorkloads");
    expect(latest.answers.productionWorkloads).toBe(workloads?.value);
    expect(Number(workloads?.value)).toBeGreaterThanOrEqual(2);
    expect(view.prefill.find((p) => p.question === "annualAiSpendUsd")?.source).toMatch(/^spend: counted spend/);
    expect(latest.result.reasons.map((x) => x.text)).toEqual(expect.arrayContaining(["Pressure from regulators: yes"]));
    const text = caio(["assess"], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Fractional Chief AI Officer");
    expect(text.stdout).toContain("Cost comparison");
    expect(text.stdout).toContain("$700,000");
    expect(text.stdout).toContain("Talent posture");
    expect(text.stdout).toMatch(/AI workloads in production: \d+ ≥ 2/);
  });

  it("reads answers from a file over the prefilled values, and names a bad field", () => {
    const file = join(dir, "answers.yaml");
    writeFileSync(file, "answers:\n  engineers: 40\n  gap: technology\n  customerFacingAi: false\n  annualAiSpendUsd: 500000\n  coreSystemsInPlace: true\n");
    const r = caio(["assess", "--answers", file, "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const stored = JSON.parse(r.stdout) as StoredAssessment;
    expect(stored.result.recommendation).toBe("combined-cto-ai");
    expect(stored.answers.employees).toBe(400);
    expect(stored.result.reasons.map((x) => x.threshold)).toEqual(expect.arrayContaining(["combined.max-engineers", "combined.max-spend"]));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ engineers: "many" }));
    const e = caio(["assess", "--answers", bad], env);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain("engineers");
    expect(caio(["assess", "--answers", join(dir, "missing.json")], env).code).toBe(2);
  });

  it("prints the 30/60/90-day plan with progress measured from the data, and moves its start", () => {
    const r = caio(["plan", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as Plan;
    expect(plan.workstreams.map((w) => w.title)).toEqual(["Inventory and assessment", "Governance baseline", "Strategic roadmap"]);
    const all = plan.workstreams.flatMap((w) => w.milestones);
    expect(all.find((m) => m.id === "inventory.spend")?.progress).toBe(100);
    expect(all.find((m) => m.id === "inventory.assessment")?.status).toBe("done");
    const classified = all.find((m) => m.id === "governance.classified");
    expect(classified?.figures).toMatch(/^\d+ of \d+ systems classified$/);
    const text = caio(["plan"], env);
    expect(text.stdout).toContain("30/60/90-day plan");
    expect(text.stdout).toContain(classified?.figures ?? "?");
    const moved = JSON.parse(caio(["plan", "--start", "2020-01-01", "--json"], env).stdout) as Plan;
    expect(moved.startSource).toBe("set");
    expect(
      moved.workstreams
        .flatMap((w) => w.milestones)
        .filter((m) => m.progress < 100)
        .every((m) => m.status === "overdue"),
    ).toBe(true);
    expect(caio(["plan", "--start", "2020-02-30"], env).code).toBe(2);
  });
});
