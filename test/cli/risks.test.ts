import { daysBetween, type Incident, type Risk } from "@caio/core";
import { INCIDENT_CLOCKS } from "@caio/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

/** Today (UTC) plus n days, YYYY-MM-DD. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("caio risks and caio incidents on the demo organization (real binary)", () => {
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

  it("lists the demo's risks by score, linked to its systems, and manages the register", () => {
    const risks = json<Risk[]>(["risks", "--json"]);
    expect(risks.length).toBeGreaterThanOrEqual(5);
    expect(risks.length).toBeLessThanOrEqual(7);
    const scores = risks.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(risks.every((r) => r.systems.length > 0)).toBe(true);
    const table = caio(["risks"], env);
    expect(table.stdout).toContain(risks[0]?.title.slice(0, 20));

    const added = json<Risk>([
      "risks",
      "add",
      "--title",
      "Route suggestions ignore low bridges",
      "--likelihood",
      "4",
      "--severity",
      "3",
      "--owner",
      "Head of Dispatch",
      "--system",
      "Route optimization copilot",
      "--obligation",
      "aia.art26.oversight",
      "--review-date",
      day(30),
      "--json",
    ]);
    expect(added).toMatchObject({ score: 12, rating: "high", status: "open", obligationIds: ["aia.art26.oversight"], reviewDate: day(30) });
    expect(added.systems.map((s) => s.name)).toEqual(["Route optimization copilot"]);

    const updated = json<Risk>(["risks", "update", added.id.slice(0, 8), "--status", "accepted", "--review-date", "none", "--severity", "5", "--json"]);
    expect(updated).toMatchObject({ status: "accepted", reviewDate: null, score: 20, rating: "critical", version: 2 });
    const show = caio(["risks", "show", "route suggestions ignore low bridges"], env);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Score\s+20 \(critical\): likelihood 4 × severity 5/);
    expect(json<Risk[]>(["risks", "--status", "accepted", "--json"]).map((r) => r.title)).toContain("Route suggestions ignore low bridges");
    expect(json<Risk[]>(["risks", "--system", "Route optimization copilot", "--json"]).map((r) => r.title)).toContain("Route suggestions ignore low bridges");

    expect(caio(["risks", "add", "--title", "x", "--likelihood", "7", "--severity", "2"], env).code).toBe(2);
    const badObligation = caio(["risks", "add", "--title", "x", "--likelihood", "2", "--severity", "2", "--obligation", "Art 26"], env);
    expect(badObligation.code).toBe(1);
    expect(badObligation.stderr).toContain("obligationIds.0");
    expect(caio(["risks", "add", "--title", "x", "--likelihood", "2", "--severity", "2", "--system", "No such system"], env).code).toBe(1);

    const rm = caio(["risks", "rm", "Route suggestions ignore low bridges"], env);
    expect(rm.code, rm.stderr).toBe(0);
    expect(json<Risk[]>(["risks", "--json"]).map((r) => r.id)).not.toContain(added.id);
    expect(caio(["risks", "show", added.id], env).code).toBe(1);
  });

  it("counts the demo's open serious incident down to its deadline", () => {
    const open = json<Incident[]>(["incidents", "--json"]);
    const serious = open.find((i) => i.severity === "serious" && i.status === "open");
    if (!serious?.deadline || serious.daysLeft === null) throw new Error("no open serious incident with a clock in the demo");
    expect(serious.daysLeft).toBe(daysBetween(day(0), serious.deadline.dueDate));
    expect(serious.daysLeft).toBeGreaterThan(0);
    expect(serious.daysLeft).toBeLessThanOrEqual(7);
    const table = caio(["incidents"], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`due ${serious.deadline.dueDate}, ${serious.daysLeft} days left`);
    // The closed demo incident was reported on time; it shows only with --all.
    expect(open.some((i) => i.status === "closed")).toBe(false);
    const all = json<Incident[]>(["incidents", "--all", "--json"]);
    expect(all.find((i) => i.status === "closed")?.state).toBe("reported-on-time");
  });

  it("records an incident, shows it overdue, recomputes on change and marks it reported", () => {
    const days = INCIDENT_CLOCKS.serious.days;
    const awareOn = day(-(days + 2));
    const add = caio(
      [
        "incidents",
        "add",
        "--title",
        "Quote engine priced one shipper at ten times the rate",
        "--aware-on",
        awareOn,
        "--severity",
        "serious",
        "--system",
        "Dynamic freight quote pricing",
        "--occurred-at",
        awareOn,
      ],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain("OVERDUE by 2 days");
    expect(caio(["incidents"], env).stdout).toContain("OVERDUE by 2 days");

    const death = json<Incident>(["incidents", "update", "Quote engine priced one shipper at ten times the rate", "--severity", "death", "--json"]);
    expect(death.deadline?.days).toBe(INCIDENT_CLOCKS.death.days);
    expect(death.daysLeft).toBe(INCIDENT_CLOCKS.death.days - (days + 2));
    const later = json<Incident>(["incidents", "update", death.id.slice(0, 8), "--severity", "serious", "--aware-on", day(-1), "--json"]);
    expect(later).toMatchObject({ state: "due", daysLeft: days - 1 });

    const report = caio(["incidents", "report", later.id, "--note", "Authority reference MSA-2026-118"], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`reported ${day(0)}, on time`);
    const shown = json<Incident>(["incidents", "show", later.id, "--json"]);
    expect(shown).toMatchObject({ status: "reported", reportedOn: day(0), state: "reported-on-time" });
    expect(shown.notes).toContain("MSA-2026-118");

    expect(caio(["incidents", "add", "--title", "x", "--aware-on", "2026-13-01", "--severity", "serious"], env).code).toBe(2);
    expect(caio(["incidents", "add", "--title", "x", "--aware-on", day(0), "--severity", "minor"], env).code).toBe(2);
    const future = caio(["incidents", "add", "--title", "x", "--aware-on", day(2), "--severity", "serious"], env);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain("awareOn");
    const reportedWithoutDate = caio(["incidents", "update", later.id, "--status", "open"], env);
    expect(reportedWithoutDate.code).toBe(1);

    const audit = caio(["audit", "list", "--json"], env);
    expect(audit.stdout).toContain('"entityType": "incident"');
    expect(audit.stdout).toContain('"entityType": "risk"');
  });
});
