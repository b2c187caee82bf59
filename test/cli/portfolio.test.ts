import type { KpiActual, Roadmap, RoiReport, UseCaseView } from "@caio/core";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

describe("caio usecases, roadmap and roi on the demo organization (real binary)", () => {
  const dir = tempDataDir();
  const env = { CAIO_DATA_DIR: dir };
  const json = <T>(args: string[]): T => {
    const r = caio(args, env);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  beforeAll(() => {
    const r = caio(["demo"], env);
    expect(r.code, r.stderr).toBe(0);
  });

  it("shows the demo portfolio with every recommendation, fund marks and reasons", () => {
    const items = json<UseCaseView[]>(["usecases", "--json"]);
    expect(items.length).toBeGreaterThanOrEqual(6);
    const rec = (name: string) => items.find((i) => i.name === name)?.assessment;
    expect(rec("Dispatch voice agent")?.reasons[0]?.code).toBe("unproven-after-pilot");
    expect(rec("Contract review assistant")?.recommendation).toBe("buy");
    expect(rec("Sales email drafting")?.recommendation).toBe("wait");
    expect(rec("Driver CV screening")?.reasons.map((r) => r.code)).toContain("high-risk");
    const funds = items.filter((i) => i.assessment.fund).length;
    expect(funds).toBeGreaterThanOrEqual(2);
    expect(funds).toBeLessThanOrEqual(3);
    const priorities = items.map((i) => i.assessment.scores.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));

    const table = caio(["usecases"], env);
    expect(table.stdout).toContain("Dispatch voice agent");
    const score = caio(["usecases", "score", "Dispatch voice agent"], env);
    expect(score.code).toBe(0);
    expect(score.stdout).toMatch(/STOP/);
    expect(score.stdout).toMatch(/Value unproven/);
    const show = caio(["usecases", "show", "invoice and bill-of-lading extraction"], env);
    expect(show.stdout).toMatch(/ROI/);
    expect(show.stdout).toMatch(/payback/);
  });

  it("adds, updates and records actuals; the recommendation and ROI follow", () => {
    const added = json<UseCaseView>([
      "usecases",
      "add",
      "--name",
      "Pallet damage detection",
      "--kpi-type",
      "cost",
      "--kpi-name",
      "Damage claims per month",
      "--baseline",
      "40",
      "--target",
      "20",
      "--value",
      "$300,000",
      "--build-cost",
      "90000",
      "--run-cost",
      "24000",
      "--data",
      "ready",
      "--differentiating",
      "no",
      "--vendor-trend",
      "rising",
      "--system",
      "Shipment ETA prediction",
      "--json",
    ]);
    expect(added).toMatchObject({ annualValue: "300000.00", systemName: "Shipment ETA prediction", stage: "idea" });
    expect(added.assessment.recommendation).toBe("buy");
    expect(added.assessment.reasons[0]?.code).toBe("vendor-rising");

    const today = new Date().toISOString().slice(0, 10);
    const updated = json<UseCaseView>(["usecases", "update", "Pallet damage detection", "--stage", "pilot", "--funded", "yes", "--json"]);
    expect(updated).toMatchObject({ stage: "pilot", pilotStartedOn: today, funded: true, fundedOn: today });
    expect(updated.gates.production).toMatchObject({ state: "due", daysLeft: 90 });

    const a = json<KpiActual>(["usecases", "actual", "Pallet damage detection", "--on", today, "--value", "30", "--note", "first month", "--json"]);
    expect(a).toMatchObject({ value: 30, note: "first month" });
    const roi = json<RoiReport>(["roi", "--json"]);
    const mine = roi.items.find((i) => i.name === "Pallet damage detection");
    expect(mine?.roi).toMatchObject({ progress: 0.5, realizedAnnualValue: "150000.00", annualCost: "54000.00" });
    expect(roi.totals.stalled).toBeGreaterThanOrEqual(1);
    expect(caio(["roi"], env).stdout).toMatch(/STALLED/);
  });

  it("prints the roadmap by quarter with investment", () => {
    const road = json<Roadmap>(["roadmap", "--json"]);
    expect(road.basis).toBe("funded");
    expect(road.quarters.length).toBeGreaterThanOrEqual(4);
    const capacity = road.items.find((i) => i.name === "Carrier capacity planning");
    expect(capacity?.dependsOn).toEqual(["Dynamic freight quote pricing"]);
    const pricing = road.items.find((i) => i.name === "Dynamic freight quote pricing");
    expect((capacity?.pilotQuarter ?? "") > (pricing?.productionQuarter ?? "")).toBe(true);
    const text = caio(["roadmap"], env);
    expect(text.stdout).toMatch(/Total investment: \$/);
  });

  it("refuses bad input with usage errors and unknown use cases with failures", () => {
    expect(caio(["usecases", "add", "--name", "X", "--value", "lots"], env).code).toBe(2);
    expect(caio(["usecases", "add", "--name", "X", "--differentiating", "maybe"], env).code).toBe(2);
    expect(caio(["usecases", "actual", "Pallet damage detection", "--on", "2026-02-30", "--value", "1"], env).code).toBe(2);
    const missing = caio(["usecases", "show", "No such thing"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no use case/);
  });
});
