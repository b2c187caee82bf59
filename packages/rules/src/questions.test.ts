import type { Answer } from "@caio/core";
import { describe, expect, it } from "vitest";
import { AS_OF, complete, facts, IN_SCOPE, kinds, obligationIds } from "../test-support/scenario.js";
import type { SystemFacts } from "./api.js";
import { rules } from "./engine.js";
import { SECTIONS } from "./schema.js";

const ask = (answers: Record<string, Answer>, f: SystemFacts = facts(), law: "original" | "omnibus" = "original", asOf = AS_OF) =>
  rules.questions({ facts: f, answers, asOf, law });
const ids = (answers: Record<string, Answer>, f?: SystemFacts) => ask(answers, f).map((q) => q.id);
const prefillOf = (id: string, f: SystemFacts, answers: Record<string, Answer> = {}, asOf = AS_OF, law: "original" | "omnibus" = "original") =>
  ask(answers, f, law, asOf).find((q) => q.id === id)?.prefill ?? null;

/** Answers for a system in scope with nothing else applying. */
const throughScope = (): Record<string, Answer> => complete({ yes: IN_SCOPE }).answers;

describe("questions", () => {
  it("start with the AI-system question and the questions of other laws that need no EU answer", () => {
    expect(ids({})).toEqual(["aia.scope.ai-system", "us.scope", "gdpr.personal-data"]);
  });

  it("come in section order: scope, prohibitions, Annex I, Annex III, 6(3), transparency, GPAI, roles, conformity, extra", () => {
    const answers = complete({ yes: [...IN_SCOPE, "aia.annex3.area-1", "aia.annex3.1a", "aia.role.provider", "us.scope", "gdpr.personal-data"] }).answers;
    const sections = ask(answers).map((q) => q.section);
    const order = sections.map((s) => (SECTIONS as readonly string[]).indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(sections)).toEqual(new Set(SECTIONS));
  });

  it("carry their text, help and citations", () => {
    for (const q of ask(throughScope())) {
      expect(q.text.length).toBeGreaterThan(10);
      expect(q.help.length).toBeGreaterThan(10);
      expect(q.cite.length).toBeGreaterThan(0);
    }
  });

  it("stop at an exclusion: nothing after the scope section is asked", () => {
    const asked = ids({ "aia.scope.ai-system": "yes", "aia.scope.eu-nexus": "no" });
    expect(asked.filter((id) => id.startsWith("aia."))).toEqual(["aia.scope.ai-system", "aia.scope.eu-nexus"]);
  });

  it("stop at a prohibition: no Annex I, Annex III, transparency, GPAI or role questions", () => {
    const answers = { ...complete({ yes: [...IN_SCOPE, "aia.art5.c"] }).answers };
    const asked = ids(answers);
    expect(asked.some((id) => id.startsWith("aia.art5."))).toBe(true);
    for (const prefix of ["aia.annex", "aia.art6-3", "aia.art50", "aia.gpai", "aia.role", "aia.art25"])
      expect(asked.filter((id) => id.startsWith(prefix))).toEqual([]);
  });

  it("ask the prohibitions only once the system is known to be in scope", () => {
    const partial = { "aia.scope.ai-system": "yes", "aia.scope.eu-nexus": "yes" } as const;
    expect(ids(partial).filter((id) => id.startsWith("aia.art5."))).toEqual([]);
    const asked = ids(throughScope());
    expect(asked.filter((id) => id.startsWith("aia.art5."))).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"].map((p) => `aia.art5.${p}`));
  });

  it("ask no Annex III point without its area, and no 6(3) question without an Annex III point", () => {
    const asked = ids(throughScope());
    expect(asked).not.toContain("aia.annex3.4a");
    expect(asked.filter((id) => id.startsWith("aia.art6-3"))).toEqual([]);
    const withPoint = ids(complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a"] }).answers);
    expect(withPoint).toContain("aia.art6-3.profiling");
  });

  it("ask the Omnibus-only questions only under the Omnibus", () => {
    const yes = [...IN_SCOPE, "aia.art50.2"];
    const original = ask(complete({ yes }).answers, facts(), "original").map((q) => q.id);
    const omnibus = ask(complete({ yes, law: "omnibus" }).answers, facts(), "omnibus").map((q) => q.id);
    expect(original).not.toContain("aia.art5.ncii");
    expect(original).not.toContain("aia.art50.2-existing");
    expect(omnibus).toContain("aia.art5.ncii");
    expect(omnibus).toContain("aia.art50.2-existing");
  });

  it("ignore answers to questions that no longer matter", () => {
    const answers = complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.role.provider", "aia.role.deployer"] }).answers;
    const before = rules.classify({ facts: facts(), answers, asOf: AS_OF, law: "original" });
    expect(kinds(before)).toEqual(["high-risk"]);
    // Leaving the EU: the Annex III answers remain recorded but no longer count.
    const after = rules.classify({ facts: facts(), answers: { ...answers, "aia.scope.eu-nexus": "no" }, asOf: AS_OF, law: "original" });
    expect(after.labels.map((l) => l.ruleId)).toEqual(["aia.out.no-eu-nexus"]);
    expect(obligationIds(after)).toEqual([]);
  });
});

describe("pre-fill from inventory facts", () => {
  it("suggests no EU nexus from euNexus none, and yes from an EU nexus", () => {
    const answered = { "aia.scope.ai-system": "yes" } as const;
    expect(prefillOf("aia.scope.eu-nexus", facts({ euNexus: ["none"] }), answered)).toEqual({ answer: "no", reason: expect.stringContaining("no EU nexus") });
    expect(prefillOf("aia.scope.eu-nexus", facts({ euNexus: ["output-used-in-eu"] }), answered)?.answer).toBe("yes");
    expect(prefillOf("aia.scope.eu-nexus", facts({ euNexus: [] }), answered)).toBeNull();
  });

  it("suggests an AI system from model components or ML tags", () => {
    expect(prefillOf("aia.scope.ai-system", facts({ tags: ["ml"] }))?.answer).toBe("yes");
    const model = { kind: "model", provider: "openai", identifier: "gpt-4o", hosting: "vendor-api", name: "GPT-4o" };
    expect(prefillOf("aia.scope.ai-system", facts({ components: [model] }))?.answer).toBe("yes");
    expect(prefillOf("aia.scope.ai-system", facts())).toBeNull();
  });

  it("suggests the provider role for in-house or self-hosted components, the deployer role for vendor APIs", () => {
    const answers = throughScope();
    const inHouse = facts({ components: [{ kind: "model", provider: "in-house", identifier: "eta-v3", hosting: "cloud-platform", name: "ETA model" }] });
    expect(prefillOf("aia.role.provider", inHouse, answers)?.answer).toBe("yes");
    const selfHosted = facts({ components: [{ kind: "model", provider: "meta", identifier: "llama-3.1-8b", hosting: "self-hosted", name: "Llama" }] });
    expect(prefillOf("aia.role.provider", selfHosted, answers)?.answer).toBe("yes");
    const vendor = facts({ components: [{ kind: "model", provider: "openai", identifier: "gpt-4o", hosting: "vendor-api", name: "GPT-4o" }] });
    expect(prefillOf("aia.role.provider", vendor, answers)).toEqual({ answer: "no", reason: expect.stringContaining("deployer") });
    expect(prefillOf("aia.role.deployer", vendor, answers)?.answer).toBe("yes");
    expect(prefillOf("aia.gpai.model", vendor, answers)?.answer).toBe("no");
  });

  it("suggests the employment area and recruitment point from tags and purpose", () => {
    const answers = throughScope();
    const hr = facts({ tags: ["hr"], purpose: "Ranks applications for truck-driver roles and proposes a shortlist to recruiters." });
    expect(prefillOf("aia.annex3.area-4", hr, answers)?.answer).toBe("yes");
    const withArea = { ...answers, "aia.annex3.area-4": "yes" as const };
    expect(prefillOf("aia.annex3.4a", hr, withArea)?.answer).toBe("yes");
    expect(prefillOf("aia.annex3.4b", hr, withArea)).toBeNull();
  });

  it("suggests Art 50(1) for customer-facing systems and 50(2) for generative AI", () => {
    const answers = throughScope();
    expect(prefillOf("aia.art50.1", facts({ customerFacing: true, tags: ["genai"] }), answers)?.answer).toBe("yes");
    expect(prefillOf("aia.art50.1", facts({ customerFacing: true, tags: ["ml"] }), answers)).toBeNull();
    expect(prefillOf("aia.art50.1", facts(), answers)).toBeNull();
    expect(prefillOf("aia.art50.2", facts({ tags: ["genai"] }), answers)?.answer).toBe("yes");
    expect(prefillOf("aia.art50.2", facts({ tags: ["ml", "forecasting"] }), answers)?.answer).toBe("no");
  });

  it("suggests material influence when the system decides about people", () => {
    const answers = complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.art6-3.a"] }).answers;
    delete answers["aia.art6-3.material-influence"];
    expect(prefillOf("aia.art6-3.material-influence", facts({ decisionsAffectingPeople: "decides" }), answers)?.answer).toBe("yes");
  });

  it("suggests GDPR answers from personal data, special categories, decisions and reach", () => {
    const f = facts({ personalData: ["personal", "special-category"], decisionsAffectingPeople: "decides", affectedPeople: "100k-1m" });
    expect(prefillOf("gdpr.personal-data", f)?.answer).toBe("yes");
    expect(prefillOf("gdpr.personal-data", facts({ personalData: ["none"] }))?.answer).toBe("no");
    const answers = { "gdpr.personal-data": "yes" } as const;
    expect(prefillOf("gdpr.art22", f, answers)?.answer).toBe("yes");
    expect(prefillOf("gdpr.art35-3-b", f, answers)?.answer).toBe("yes");
    const noTrigger = { ...answers, "gdpr.art35-3-a": "no", "gdpr.art35-3-b": "no", "gdpr.art35-3-c": "no" } as const;
    expect(prefillOf("gdpr.wp248.automated-decision", f, noTrigger)?.answer).toBe("yes");
    // Criteria are asked one after another, until two hold.
    expect(prefillOf("gdpr.wp248.sensitive", f, noTrigger)).toBeNull();
    const earlier = { ...noTrigger, "gdpr.wp248.scoring": "no", "gdpr.wp248.automated-decision": "no", "gdpr.wp248.monitoring": "no" } as const;
    expect(prefillOf("gdpr.wp248.sensitive", f, earlier)?.answer).toBe("yes");
  });

  it("suggests whether a generative system was on the market before 2 August 2026, by the as-of day", () => {
    const answers = complete({ yes: [...IN_SCOPE, "aia.art50.2"], law: "omnibus" }).answers;
    delete answers["aia.art50.2-existing"];
    const f = facts({ stage: "production" });
    expect(prefillOf("aia.art50.2-existing", f, answers, "2026-08-01", "omnibus")?.answer).toBe("yes");
    expect(prefillOf("aia.art50.2-existing", f, answers, "2026-08-02", "omnibus")).toBeNull();
  });

  it("is only a suggestion: classify reads answers alone", () => {
    const f = facts({ euNexus: ["none"], tags: ["genai", "hr"], customerFacing: true, decisionsAffectingPeople: "decides" });
    const result = rules.classify({ facts: f, answers: {}, asOf: AS_OF, law: "original" });
    expect(result.status).toBe("incomplete");
    expect(result.labels).toEqual([]);
    expect(result.obligations).toEqual([]);
    expect(result.pending).toEqual(["aia.scope.ai-system", "us.scope", "gdpr.personal-data"]);
  });
});

describe("unknown answers lead to needs-review, never to no", () => {
  it("an unknown EU nexus: no out-of-scope label, no minimal label, the rest is still asked", () => {
    const { result, answers } = complete({ yes: ["aia.scope.ai-system", "aia.role.deployer"], unknown: ["aia.scope.eu-nexus"] });
    expect(result.status).toBe("needs-review");
    expect(result.unknowns).toEqual([{ questionId: "aia.scope.eu-nexus", text: expect.any(String) }]);
    expect(result.labels).toEqual([]);
    expect(answers["aia.art5.a"]).toBe("no");
    expect(answers["aia.annex3.area-4"]).toBe("no");
  });

  it("an unknown Annex III point: not minimal, not high-risk, and the 6(3) questions are asked", () => {
    const { result, answers } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.role.deployer"], unknown: ["aia.annex3.4a"] });
    expect(result.status).toBe("needs-review");
    expect(result.labels).toEqual([]);
    expect(answers["aia.art6-3.profiling"]).toBe("no");
    expect(obligationIds(result)).toEqual(["aia.art4.ai-literacy"]);
  });

  it("an unknown role: role-dependent obligations are held back", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.role.deployer"], unknown: ["aia.role.provider"] });
    expect(result.status).toBe("needs-review");
    expect(result.roles.map((r) => r.role)).toEqual(["deployer"]);
    expect(obligationIds(result)).not.toContain("aia.art9.risk-management");
    expect(obligationIds(result)).toContain("aia.art26-1.use-per-instructions");
  });

  it("an unknown 6(3) material influence: neither exempt nor high-risk", () => {
    const { result } = complete({
      yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.art6-3.b", "aia.role.provider"],
      unknown: ["aia.art6-3.material-influence"],
    });
    expect(result.status).toBe("needs-review");
    expect(result.labels).toEqual([]);
    expect(result.conformityRoute).toBeNull();
  });

  it("an unknown in an extra check: that check needs review", () => {
    const { result } = complete({ yes: ["us.scope"], unknown: ["nyc.aedt"] });
    expect(result.status).toBe("needs-review");
    expect(result.extraChecks.find((c) => c.id === "nyc-ll144")?.applies).toBe("needs-review");
    expect(obligationIds(result).filter((id) => id.startsWith("nyc."))).toEqual([]);
  });

  it("an unknown prohibition question keeps the system from being called minimal", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.role.deployer"], unknown: ["aia.art5.f"] });
    expect(result.status).toBe("needs-review");
    expect(result.labels).toEqual([]);
  });

  it("everything answered and nothing unknown: complete", () => {
    expect(complete({ yes: [...IN_SCOPE, "aia.role.deployer"] }).result.status).toBe("complete");
  });

  it("rejects a malformed as-of day", () => {
    expect(() => rules.classify({ facts: facts(), answers: {}, asOf: "2026-13-01", law: "original" })).toThrow(RangeError);
    expect(() => rules.classify({ facts: facts(), answers: {}, asOf: "2026-02-30", law: "original" })).toThrow(RangeError);
    expect(() => rules.questions({ facts: facts(), answers: {}, asOf: "tomorrow", law: "original" })).toThrow(RangeError);
  });
});
