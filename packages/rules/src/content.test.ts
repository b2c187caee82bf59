import { LABEL_KINDS } from "@caio/core";
import { describe, expect, it } from "vitest";
import { ANNEX_III_POINTS } from "./content/eu-ai-act/annex-iii.js";
import { CONTENT_MODULES, RULESET } from "./content/index.js";
import { rules } from "./engine.js";
import { AI_ACT_LAWS, type RuleSet, RuleSetSchema } from "./schema.js";
import { validateRuleSet } from "./validate.js";

const clone = (): RuleSet => structuredClone(RULESET);

describe("rule content", () => {
  it("validates against the schema", () => {
    const parsed = RuleSetSchema.safeParse(RULESET);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("has unique ids, resolvable references and questions that only depend on earlier ones", () => {
    expect(validateRuleSet(RULESET)).toEqual([]);
  });

  it("defines each named condition in one module only", () => {
    const names = CONTENT_MODULES.flatMap((m) => Object.keys(m.definitions ?? {}));
    expect(names.length).toBe(new Set(names).size);
  });

  it("cites the law on every question, label, role, route, obligation, check and date", () => {
    const cited = [
      ...RULESET.questions,
      ...RULESET.labels,
      ...RULESET.roles,
      ...RULESET.conformity,
      ...RULESET.obligations,
      ...RULESET.extraChecks,
      ...RULESET.schedules.flatMap((s) => s.entries),
      ...RULESET.penalties,
    ];
    for (const item of cited) {
      expect(item.cite.length).toBeGreaterThan(0);
      for (const c of item.cite) expect(c.trim()).not.toBe("");
    }
  });

  it("dates AI Act duties under the published text or the Omnibus, with the Omnibus pending publication", () => {
    for (const schedule of RULESET.schedules.filter((s) => s.id.startsWith("aia."))) {
      for (const entry of schedule.entries) {
        expect([AI_ACT_LAWS.original, AI_ACT_LAWS.omnibus]).toContain(entry.law);
        expect(entry.status).toBe(entry.law === AI_ACT_LAWS.omnibus ? "adopted-pending-publication" : "in-force");
      }
    }
    const sb24 = RULESET.schedules.find((s) => s.id === "colorado.sb24-205");
    expect(sb24?.entries.map((e) => e.status)).toEqual(["repealed"]);
    expect(RULESET.extraChecks.find((c) => c.id === "colorado-sb24-205")?.status).toBe("repealed");
  });

  it("has all 72 NIST AI RMF subcategories", () => {
    expect(RULESET.nist).toHaveLength(72);
    const count = (f: string) => RULESET.nist.filter((n) => n.function === f).length;
    expect([count("GOVERN"), count("MAP"), count("MEASURE"), count("MANAGE")]).toEqual([19, 18, 22, 13]);
    expect(RULESET.nist.map((n) => n.id)).toContain("MEASURE 2.13");
  });

  it("has the 38 ISO/IEC 42001 Annex A controls", () => {
    const annexA = RULESET.iso42001.filter((i) => i.kind === "annex-a");
    expect(annexA).toHaveLength(38);
    const perGroup = (prefix: string) => annexA.filter((c) => c.id.startsWith(`${prefix}.`)).length;
    expect(["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"].map(perGroup)).toEqual([3, 2, 5, 4, 9, 5, 4, 3, 3]);
  });

  it("crosswalks every obligation to NIST AI RMF and ISO/IEC 42001 ids that exist", () => {
    const mapped = new Set(RULESET.crosswalk.map((c) => c.obligation));
    expect(RULESET.obligations.filter((o) => !mapped.has(o.id)).map((o) => o.id)).toEqual([]);
    const nist = new Set(RULESET.nist.map((n) => n.id));
    const iso = new Set(RULESET.iso42001.map((i) => i.id));
    for (const c of RULESET.crosswalk) {
      expect(c.nist.length + c.iso42001.length).toBeGreaterThan(0);
      for (const id of c.nist) expect(nist.has(id), `${c.obligation}: ${id}`).toBe(true);
      for (const id of c.iso42001) expect(iso.has(id), `${c.obligation}: ${id}`).toBe(true);
    }
  });

  it("covers every Art 5(1) point, every Annex III point and every label kind", () => {
    const ids = RULESET.questions.map((q) => q.id);
    for (const p of ["a", "b", "c", "d", "e", "f", "g", "h"]) expect(ids).toContain(`aia.art5.${p}`);
    expect(ANNEX_III_POINTS.map((p) => p.code)).toEqual([
      "1a",
      "1b",
      "1c",
      "2",
      "3a",
      "3b",
      "3c",
      "3d",
      "4a",
      "4b",
      "5a",
      "5b",
      "5c",
      "5d",
      "6a",
      "6b",
      "6c",
      "6d",
      "6e",
      "7a",
      "7b",
      "7c",
      "7d",
      "8a",
      "8b",
    ]);
    for (const kind of LABEL_KINDS) expect(RULESET.labels.some((l) => l.kind === kind)).toBe(true);
  });

  it("has a version whose changelog entry comes first", () => {
    expect(rules.ruleset.id).toBe("caio-governance");
    expect(rules.ruleset.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    expect(rules.ruleset.changelog[0]?.version).toBe(rules.ruleset.version);
  });
});

describe("rule-set validation catches mistakes", () => {
  it("reports an unknown question, definition, schedule, penalty or crosswalk id", () => {
    const broken = clone();
    const [first, second] = broken.obligations;
    if (!first || !second) throw new Error("no obligations");
    first.when = { all: [{ answer: "no.such.question", is: "yes" }, { ref: "no.such.definition" }] };
    first.dates = [{ schedule: "no.such.schedule" }];
    second.penalty = "no.such.penalty";
    broken.crosswalk.push({ obligation: first.id, nist: ["GOVERN 9.9"], iso42001: ["A.99.1"] });
    const problems = validateRuleSet(broken).join("\n");
    for (const missing of [
      "no.such.question",
      "no.such.definition",
      "no.such.schedule",
      "no.such.penalty",
      "GOVERN 9.9",
      "A.99.1",
      "duplicate crosswalk entry",
    ]) {
      expect(problems).toContain(missing);
    }
  });

  it("reports a question asked depending on a later one, circular definitions and duplicate ids", () => {
    const broken = clone();
    const scopeQuestion = broken.questions.find((q) => q.id === "aia.scope.eu-nexus");
    if (!scopeQuestion) throw new Error("no question");
    scopeQuestion.askIf = { answer: "aia.role.provider", is: "yes" };
    broken.definitions["loop.a"] = { ref: "loop.b" };
    broken.definitions["loop.b"] = { ref: "loop.a" };
    broken.labels.push({ ...(broken.labels[0] as RuleSet["labels"][number]) });
    const problems = validateRuleSet(broken).join("\n");
    expect(problems).toContain("question aia.scope.eu-nexus is asked depending on aia.role.provider");
    expect(problems).toContain("circular");
    expect(problems).toContain("duplicate label rule id");
  });

  it("reports an empty citation through the schema", () => {
    const broken = clone();
    (broken.questions[0] as RuleSet["questions"][number]).cite = [" "];
    expect(validateRuleSet(broken).join("\n")).toContain("a citation must not be empty");
  });
});
