import { describe, expect, it } from "vitest";
import { complete, IN_SCOPE } from "../test-support/scenario.js";
import { rules } from "./engine.js";

describe("diff", () => {
  const deployer = [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.role.deployer"];

  it("is empty for the same result", () => {
    const { result } = complete({ yes: deployer });
    expect(rules.diff(result, result)).toEqual([]);
  });

  it("lists added roles and obligations after the Art 25 switch", () => {
    const before = complete({ yes: deployer }).result;
    const after = complete({ yes: [...deployer, "aia.art25.c"] }).result;
    const lines = rules.diff(before, after);
    expect(lines).toContain(
      "Added role provider: You changed the intended purpose of a system that was not high-risk so that it became high-risk: you become its provider (Art 25(1)(c)).",
    );
    expect(lines).toContain("Added obligation: Risk management system (Art 9) (due 2026-08-02).");
    expect(lines).toContain("Added obligation: Report serious incidents (Art 73) (no fixed date, event-driven).");
    expect(lines.some((l) => l.startsWith("Removed"))).toBe(false);
  });

  it("lists changed labels, the route and the rule-set version", () => {
    const before = complete({ yes: [...deployer, "aia.role.provider"] }).result;
    const after = { ...complete({ yes: [...deployer, "aia.role.provider", "aia.art6-3.d"] }).result, rulesetVersion: "2099.1.0" };
    const lines = rules.diff(before, after);
    expect(lines[0]).toBe(`Rule set changed from ${before.rulesetVersion} to 2099.1.0.`);
    expect(lines).toContain("Removed label high-risk: Annex III point 4(a): recruitment and selection.");
    expect(
      lines.some((l) => l.startsWith("Added label art6-3-exempt: Annex III point 4(a) (recruitment and selection), not high-risk under Art 6(3)(d)")),
    ).toBe(true);
    expect(lines).toContain("Conformity route internal-control no longer applies.");
    expect(lines).toContain("Removed obligation: Risk management system (Art 9).");
    expect(lines).toContain("Added obligation: Document the Art 6(3) assessment (Art 6(4)) (due 2026-08-02).");
  });

  it("lists changed due dates between law versions", () => {
    const original = complete({ yes: deployer, law: "original" }).result;
    const omnibus = complete({ yes: deployer, law: "omnibus" }).result;
    const lines = rules.diff(original, omnibus);
    expect(lines).toContain("Law version changed from original to omnibus.");
    expect(lines).toContain('Due date of "Assign competent human oversight (Art 26(2))" changed from 2026-08-02 to 2027-12-02.');
    expect(lines).toContain('Legal status of the date of "AI literacy of staff (Art 4)" changed from in-force to adopted-pending-publication.');
  });

  it("lists a changed extra check and status", () => {
    const before = complete({ yes: ["us.scope"], unknown: ["nyc.aedt"] }).result;
    const after = complete({ yes: ["us.scope", "nyc.aedt"] }).result;
    const lines = rules.diff(before, after);
    expect(lines).toContain("Status changed from needs-review to complete.");
    expect(lines).toContain("NYC Local Law 144: automated employment decision tools: applies changed from needs-review to yes.");
  });
});
