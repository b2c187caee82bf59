import { describe, expect, it } from "vitest";
import { complete, IN_SCOPE, obligation } from "../test-support/scenario.js";
import { obligationTiming, rules } from "./engine.js";

const ORIGINAL = { law: "2024/1689", status: "in-force" };
const OMNIBUS = { law: "omnibus-2026", status: "adopted-pending-publication" };
const HR_ANNEX_III = [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.role.provider", "aia.role.deployer"];

type Row = [name: string, yes: string[], id: string, original: [string | null, object | null], omnibus: [string | null, object | null]];

const ROWS: Row[] = [
  ["Annex III high-risk provider duty", HR_ANNEX_III, "aia.art9.risk-management", ["2026-08-02", ORIGINAL], ["2027-12-02", OMNIBUS]],
  ["Annex III high-risk deployer duty", HR_ANNEX_III, "aia.art26-2.human-oversight", ["2026-08-02", ORIGINAL], ["2027-12-02", OMNIBUS]],
  ["Annex III registration", HR_ANNEX_III, "aia.art49-1.register", ["2026-08-02", ORIGINAL], ["2027-12-02", OMNIBUS]],
  [
    "Annex I high-risk",
    [...IN_SCOPE, "aia.annex1.section-a", "aia.annex1.third-party", "aia.role.provider"],
    "aia.art9.risk-management",
    ["2027-08-02", ORIGINAL],
    ["2028-08-02", OMNIBUS],
  ],
  [
    "Art 6(3) documentation",
    [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.art6-3.a", "aia.role.provider"],
    "aia.art6-4.document",
    ["2026-08-02", ORIGINAL],
    ["2027-12-02", OMNIBUS],
  ],
  ["Art 50(1)", [...IN_SCOPE, "aia.art50.1", "aia.role.provider"], "aia.art50-1.disclose-interaction", ["2026-08-02", ORIGINAL], ["2026-08-02", ORIGINAL]],
  ["Art 50(2), new system", [...IN_SCOPE, "aia.art50.2", "aia.role.provider"], "aia.art50-2.mark-outputs", ["2026-08-02", ORIGINAL], ["2026-08-02", ORIGINAL]],
  [
    "Art 50(2), already on the market before 2 August 2026",
    [...IN_SCOPE, "aia.art50.2", "aia.art50.2-existing", "aia.role.provider"],
    "aia.art50-2.mark-outputs",
    ["2026-08-02", ORIGINAL],
    ["2026-12-02", OMNIBUS],
  ],
  ["Art 5", [...IN_SCOPE, "aia.art5.e"], "aia.art5.stop", ["2025-02-02", ORIGINAL], ["2025-02-02", ORIGINAL]],
  ["Art 4", [...IN_SCOPE, "aia.role.deployer"], "aia.art4.ai-literacy", ["2025-02-02", ORIGINAL], ["2025-02-02", OMNIBUS]],
  ["GPAI", [...IN_SCOPE, "aia.gpai.model"], "aia.art53-1d.training-summary", ["2025-08-02", ORIGINAL], ["2025-08-02", ORIGINAL]],
  [
    "GPAI placed before 2 August 2025",
    [...IN_SCOPE, "aia.gpai.model", "aia.gpai.before-2025"],
    "aia.art53-1d.training-summary",
    ["2027-08-02", ORIGINAL],
    ["2027-08-02", ORIGINAL],
  ],
  ["Art 73 incidents (event-driven)", HR_ANNEX_III, "aia.art73.serious-incidents", [null, null], [null, null]],
  [
    "Colorado SB 26-189",
    ["us.scope", "colorado.consequential"],
    "colorado.notice",
    ["2027-01-01", { law: "colorado-sb26-189", status: "in-force" }],
    ["2027-01-01", { law: "colorado-sb26-189", status: "in-force" }],
  ],
];

describe("due dates under both law versions", () => {
  it.each(ROWS)("%s", (_name, yes, id, [originalDate, originalBasis], [omnibusDate, omnibusBasis]) => {
    const original = obligation(complete({ yes, law: "original" }).result, id);
    expect([original.dueDate, original.dateBasis]).toEqual([originalDate, originalBasis]);
    const omnibus = obligation(complete({ yes, law: "omnibus" }).result, id);
    expect([omnibus.dueDate, omnibus.dateBasis]).toEqual([omnibusDate, omnibusBasis]);
  });
});

describe("deadlines at their boundaries, with the as-of day as the clock", () => {
  const boundaries: [law: "original" | "omnibus", due: string, before: string, after: string][] = [
    ["original", "2026-08-02", "2026-08-01", "2026-08-03"],
    ["omnibus", "2027-12-02", "2027-12-01", "2027-12-03"],
  ];
  it.each(boundaries)("Annex III duties under the %s text apply from %s", (law, due, dayBefore, dayAfter) => {
    for (const asOf of [dayBefore, due, dayAfter]) {
      const result = complete({ yes: HR_ANNEX_III, law, asOf }).result;
      expect(result.asOf).toBe(asOf);
      const o = obligation(result, "aia.art9.risk-management");
      expect(o.dueDate).toBe(due);
      const timing = obligationTiming(o.dueDate, asOf);
      if (asOf === dayBefore) expect(timing).toEqual({ state: "upcoming", days: 1 });
      if (asOf === due) expect(timing).toEqual({ state: "applies", days: 0 });
      if (asOf === dayAfter) expect(timing).toEqual({ state: "applies", days: -1 });
    }
  });

  it("an event-driven duty has no date to count down to", () => {
    expect(obligationTiming(null, "2026-11-23")).toEqual({ state: "event-driven", days: null });
  });

  it("a check under a law that is not yet in force says when it takes effect", () => {
    const reason = (asOf: string) =>
      complete({ yes: ["us.scope", "colorado.consequential"], asOf }).result.extraChecks.find((c) => c.id === "colorado-sb26-189")?.reason;
    expect(reason("2026-12-31")).toContain("Takes effect on 2027-01-01 (in 1 day).");
    expect(reason("2027-01-01")).toContain("In force since 2027-01-01.");
  });

  it("Art 73 incident clocks: 15, 10 and 2 calendar days from awareness", () => {
    expect(rules.incidentDeadline("2026-12-20", "serious")).toMatchObject({ dueDate: "2027-01-04", days: 15 });
    expect(rules.incidentDeadline("2026-12-20", "death")).toMatchObject({ dueDate: "2026-12-30", days: 10 });
    expect(rules.incidentDeadline("2028-02-28", "widespread-or-critical-infrastructure")).toMatchObject({ dueDate: "2028-03-01", days: 2 });
    expect(rules.incidentDeadline("2026-11-23", "serious").cite).toContain("AI Act Art 73(2)");
    expect(() => rules.incidentDeadline("23/11/2026", "serious")).toThrow(RangeError);
  });
});
