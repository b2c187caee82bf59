import { describe, expect, it } from "vitest";
import { AS_OF, complete, IN_SCOPE, kinds, obligation, obligationIds, roleNames, ruleIds } from "../test-support/scenario.js";
import { ANNEX_III_POINTS } from "./content/eu-ai-act/annex-iii.js";

const PROVIDER_HR = [
  "aia.art9.risk-management",
  "aia.art10.data-governance",
  "aia.art11.technical-documentation",
  "aia.art12.record-keeping",
  "aia.art13.instructions",
  "aia.art14.human-oversight",
  "aia.art15.accuracy-robustness-cybersecurity",
  "aia.art16.provider-duties",
  "aia.art17.quality-management",
  "aia.art18.documentation-keeping",
  "aia.art19.log-retention",
  "aia.art20.corrective-action",
  "aia.art47.declaration",
  "aia.art48.ce-marking",
  "aia.art72.post-market-monitoring",
  "aia.art73.serious-incidents",
];
const DEPLOYER_HR = [
  "aia.art26-1.use-per-instructions",
  "aia.art26-2.human-oversight",
  "aia.art26-4.input-data",
  "aia.art26-5.monitor-and-report",
  "aia.art26-6.log-retention",
  "aia.art26-7.inform-workers",
  "aia.art26-9.dpia-input",
  "aia.art26-12.cooperate",
];
const BOTH_ROLES = ["aia.role.provider", "aia.role.deployer"];
const asked = (answers: Record<string, unknown>, prefix: string) => Object.keys(answers).filter((id) => id.startsWith(prefix));

describe("Art 2: scope and exclusions", () => {
  const terminal: [string, string[], string][] = [
    ["not an AI system", [], "aia.out.not-ai-system"],
    ["no EU nexus", ["aia.scope.ai-system"], "aia.out.no-eu-nexus"],
    ["2(3) military, defence, national security", [...IN_SCOPE, "aia.scope.military"], "aia.out.art2-3"],
    ["2(4) third-country authority", [...IN_SCOPE, "aia.scope.third-country-authority"], "aia.out.art2-4"],
    ["2(6) sole-purpose research", [...IN_SCOPE, "aia.scope.research"], "aia.out.art2-6"],
    ["2(8) pre-market research and testing", [...IN_SCOPE, "aia.scope.pre-market"], "aia.out.art2-8"],
    ["2(10) purely personal use", [...IN_SCOPE, "aia.scope.personal-use"], "aia.out.art2-10"],
  ];
  it.each(terminal)("%s: out of scope, nothing else asked", (_name, yes, ruleId) => {
    const { result, answers } = complete({ yes });
    expect(result.status).toBe("complete");
    expect(ruleIds(result)).toEqual([ruleId]);
    expect(result.labels[0]?.kind).toBe("out-of-scope");
    expect(result.roles).toEqual([]);
    expect(result.obligations.filter((o) => o.framework === "eu-ai-act")).toEqual([]);
    expect(asked(answers, "aia.art5.")).toEqual([]);
    expect(asked(answers, "aia.annex")).toEqual([]);
    expect(asked(answers, "aia.role.")).toEqual([]);
  });

  it("2(12) open source: out of scope when neither high-risk, prohibited nor under Art 50", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.scope.open-source", "aia.role.provider"] });
    expect(ruleIds(result)).toEqual(["aia.out.art2-12"]);
    expect(obligationIds(result)).toEqual([]);
  });

  it("2(12) open source: back in scope under Art 50 or when high-risk", () => {
    const chatbot = complete({ yes: [...IN_SCOPE, "aia.scope.open-source", "aia.art50.1", "aia.role.provider"] }).result;
    expect(kinds(chatbot)).toEqual(["transparency"]);
    expect(obligationIds(chatbot)).toContain("aia.art50-1.disclose-interaction");
    const hr = complete({ yes: [...IN_SCOPE, "aia.scope.open-source", "aia.annex3.area-4", "aia.annex3.4a", "aia.role.provider"] }).result;
    expect(kinds(hr)).toEqual(["high-risk"]);
  });

  it("in scope with nothing else: minimal, with Art 4 literacy only", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.role.deployer"] });
    expect(ruleIds(result)).toEqual(["aia.minimal"]);
    expect(obligationIds(result)).toEqual(["aia.art4.ai-literacy"]);
    expect(roleNames(result)).toEqual(["deployer"]);
    expect(result.conformityRoute).toBeNull();
  });
});

describe("Art 5: prohibited practices", () => {
  it.each(["a", "b", "c", "d", "e", "f", "g"])("5(1)(%s): prohibited, terminal", (point) => {
    const { result, answers } = complete({ yes: [...IN_SCOPE, `aia.art5.${point}`] });
    expect(ruleIds(result)).toEqual([`aia.prohibited.${point}`]);
    expect(result.labels[0]?.cite).toEqual([`AI Act Art 5(1)(${point})`]);
    expect(result.labels[0]?.penalty?.maximum).toContain("EUR 35 million or 7%");
    expect(obligationIds(result)).toEqual(["aia.art5.stop"]);
    expect(obligation(result, "aia.art5.stop").dueDate).toBe("2025-02-02");
    expect(result.roles).toEqual([]);
    expect(asked(answers, "aia.annex")).toEqual([]);
    expect(asked(answers, "aia.art50")).toEqual([]);
    expect(asked(answers, "aia.gpai")).toEqual([]);
  });

  it("5(1)(h) real-time remote biometric identification: prohibited outside the exceptions", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.art5.h"] });
    expect(ruleIds(result)).toEqual(["aia.prohibited.h"]);
    expect(obligationIds(result)).toEqual(["aia.art5.stop"]);
  });

  it("5(1)(h) within the 5(2)-(3) exceptions: not prohibited, high-risk under Annex III 1(a), authorisation and FRIA", () => {
    const { result } = complete({
      yes: [...IN_SCOPE, "aia.art5.h", "aia.art5.h-exception", "aia.annex3.area-1", "aia.annex3.1a", "aia.role.deployer", "aia.deployer.public-body"],
    });
    expect(kinds(result)).toEqual(["high-risk"]);
    expect(ruleIds(result)).toContain("aia.hr.annex3.1a");
    expect(obligationIds(result)).toEqual(expect.arrayContaining(["aia.art5.rbi-authorisation", "aia.art27.fria", "aia.art26-8.public-registration"]));
  });

  it("several prohibitions are all listed", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.art5.a", "aia.art5.f"] });
    expect(ruleIds(result)).toEqual(["aia.prohibited.a", "aia.prohibited.f"]);
  });

  it("Omnibus ban on non-consensual intimate imagery and CSAM: asked and applied only under the Omnibus", () => {
    const omnibus = complete({ yes: [...IN_SCOPE, "aia.art5.ncii"], law: "omnibus" });
    expect(ruleIds(omnibus.result)).toEqual(["aia.prohibited.ncii"]);
    const stop = obligation(omnibus.result, "aia.art5.ncii-stop");
    expect(stop.dueDate).toBe("2026-12-02");
    expect(stop.dateBasis).toEqual({ law: "omnibus-2026", status: "adopted-pending-publication" });
    const original = complete({ yes: [...IN_SCOPE, "aia.art5.ncii"], law: "original" });
    expect(original.answers["aia.art5.ncii"]).toBeUndefined();
    expect(kinds(original.result)).toEqual(["minimal"]);
  });
});

describe("Art 6(2) and Annex III: each point", () => {
  const gate = (area: number) => (area === 2 ? [] : [`aia.annex3.area-${area}`]);
  it.each(ANNEX_III_POINTS.map((p) => [p.label, p] as const))("point %s: high-risk with provider and deployer duties", (_label, point) => {
    const { result, answers } = complete({ yes: [...IN_SCOPE, ...gate(point.area), point.question, ...BOTH_ROLES] });
    expect(result.status).toBe("complete");
    expect(ruleIds(result)).toEqual([`aia.hr.annex3.${point.code}`].concat(point.code === "1b" || point.code === "1c" ? ["aia.tr.50-3"] : []));
    expect(result.labels[0]?.cite).toEqual(["AI Act Art 6(2)", `AI Act Annex III point ${point.label}`]);
    expect(roleNames(result)).toEqual(["provider", "deployer"]);
    const ids = obligationIds(result);
    expect(ids).toEqual(expect.arrayContaining([...PROVIDER_HR, ...DEPLOYER_HR, "aia.art49-1.register", "aia.art26-11.inform-affected-persons"]));
    expect(result.conformityRoute?.route).toBe(point.area === 1 ? "notified-body" : "internal-control");
    expect(ids).toContain(point.area === 1 ? "aia.art43.notified-body" : "aia.art43.internal-control");
    // FRIA: private deployers only for 5(b) and 5(c); Art 86 for every point but 2.
    expect(ids.includes("aia.art27.fria")).toBe(point.code === "5b" || point.code === "5c");
    expect(ids.includes("aia.art86.explanation")).toBe(point.area !== 2);
    expect(obligation(result, "aia.art9.risk-management").dueDate).toBe("2026-08-02");
    // The 6(3) conditions were asked because an Annex III point applies.
    expect(answers["aia.art6-3.profiling"]).toBe("no");
  });

  it("asks the points of an area only when the area applies", () => {
    const { answers } = complete({ yes: [...IN_SCOPE] });
    expect(asked(answers, "aia.annex3.").sort()).toEqual(["aia.annex3.2", ...[1, 3, 4, 5, 6, 7, 8].map((a) => `aia.annex3.area-${a}`)].sort());
    expect(asked(answers, "aia.art6-3")).toEqual([]);
  });

  it("a public body (or public-service provider) owes a FRIA for any Annex III point but 2", () => {
    const employment = complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4b", "aia.role.deployer", "aia.deployer.public-body"] }).result;
    expect(obligationIds(employment)).toEqual(expect.arrayContaining(["aia.art27.fria", "aia.art26-8.public-registration"]));
    const service = complete({ yes: [...IN_SCOPE, "aia.annex3.area-3", "aia.annex3.3a", "aia.role.deployer", "aia.deployer.public-service"] }).result;
    expect(obligationIds(service)).toContain("aia.art27.fria");
    expect(obligationIds(service)).not.toContain("aia.art26-8.public-registration");
    const infrastructure = complete({ yes: [...IN_SCOPE, "aia.annex3.2", "aia.role.deployer", "aia.deployer.public-body"] }).result;
    expect(obligationIds(infrastructure)).not.toContain("aia.art27.fria");
    expect(obligationIds(infrastructure)).not.toContain("aia.art26-8.public-registration");
  });

  it("Annex III point 1 with harmonised standards applied in full: internal control is possible", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-1", "aia.annex3.1a", "aia.role.provider", "aia.art43.standards"] });
    expect(result.conformityRoute?.route).toBe("internal-control");
    expect(obligationIds(result)).toContain("aia.art43.internal-control");
  });

  it("post-remote biometric identification in law enforcement: Art 26(10)", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-1", "aia.annex3.1a", "aia.annex3.area-6", "aia.annex3.6c", "aia.role.deployer"] });
    expect(obligationIds(result)).toContain("aia.art26-10.post-rbi-authorisation");
  });
});

describe("Art 6(3): derogation and profiling override", () => {
  const base = [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.role.provider"];
  it.each(["a", "b", "c", "d"])("condition (%s) without material influence: exempt, document and register", (c) => {
    const { result, answers } = complete({ yes: [...base, `aia.art6-3.${c}`] });
    expect(ruleIds(result)).toEqual([`aia.exempt.annex3.4a.${c}`]);
    expect(result.labels[0]?.basis).toContain(`Art 6(3)(${c})`);
    expect(obligationIds(result)).toEqual(["aia.art6-4.document", "aia.art49-2.register", "aia.art4.ai-literacy"]);
    expect(result.conformityRoute).toBeNull();
    // Later conditions are not asked once one holds.
    const later = ["a", "b", "c", "d"].slice(["a", "b", "c", "d"].indexOf(c) + 1);
    for (const l of later) expect(answers[`aia.art6-3.${l}`]).toBeUndefined();
    expect(answers["aia.art6-3.material-influence"]).toBe("no");
  });

  it("a condition holds but the system materially influences decisions: high-risk", () => {
    const { result } = complete({ yes: [...base, "aia.art6-3.a", "aia.art6-3.material-influence"] });
    expect(ruleIds(result)).toEqual(["aia.hr.annex3.4a"]);
  });

  it("no condition holds: high-risk, and the material-influence question is not asked", () => {
    const { result, answers } = complete({ yes: base });
    expect(ruleIds(result)).toEqual(["aia.hr.annex3.4a"]);
    expect(answers["aia.art6-3.material-influence"]).toBeUndefined();
  });

  it("profiling of natural persons: always high-risk, the conditions are not asked", () => {
    const { result, answers } = complete({ yes: [...base, "aia.art6-3.profiling", "aia.art6-3.a"] });
    expect(ruleIds(result)).toEqual(["aia.hr.annex3.4a.profiling"]);
    expect(result.labels[0]?.cite).toContain("AI Act Art 6(3) third subparagraph");
    expect(asked(answers, "aia.art6-3.").sort()).toEqual(["aia.art6-3.profiling"]);
    expect(obligationIds(result)).toContain("aia.art9.risk-management");
  });
});

describe("Art 6(1) and Annex I", () => {
  it("Section A product with third-party assessment: high-risk, sectoral route, Annex I dates", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex1.section-a", "aia.annex1.third-party", ...BOTH_ROLES] });
    expect(ruleIds(result)).toEqual(["aia.hr.annex1-a"]);
    expect(result.conformityRoute?.route).toBe("sectoral");
    expect(obligationIds(result)).toEqual(expect.arrayContaining([...PROVIDER_HR, ...DEPLOYER_HR, "aia.art43.sectoral"]));
    expect(obligationIds(result)).not.toContain("aia.art49-1.register");
    expect(obligation(result, "aia.art9.risk-management").dueDate).toBe("2027-08-02");
  });

  it("Section A product that is self-certified: not high-risk through Art 6(1)", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex1.section-a", "aia.role.provider"] });
    expect(kinds(result)).toEqual(["minimal"]);
  });

  it("Section B product: high-risk on the sectoral route, with only the sectoral obligation (Art 2(2))", () => {
    const { result, answers } = complete({ yes: [...IN_SCOPE, "aia.annex1.section-b", ...BOTH_ROLES] });
    expect(asked(answers, "aia.art50")).toEqual([]);
    expect(ruleIds(result)).toEqual(["aia.hr.annex1-b"]);
    expect(result.conformityRoute?.route).toBe("sectoral");
    expect(obligationIds(result)).toEqual(["aia.art2-2.sectoral"]);
  });

  it("machinery: Section A under the published text, sectoral route under the Omnibus", () => {
    const yes = [...IN_SCOPE, "aia.annex1.machinery", "aia.annex1.third-party", "aia.role.provider"];
    const original = complete({ yes, law: "original" }).result;
    expect(ruleIds(original)).toEqual(["aia.hr.annex1-a.machinery"]);
    expect(obligationIds(original)).toContain("aia.art9.risk-management");
    const omnibus = complete({ yes, law: "omnibus" }).result;
    expect(ruleIds(omnibus)).toEqual(["aia.hr.annex1-b.machinery"]);
    expect(obligationIds(omnibus)).toEqual(["aia.art2-2.sectoral"]);
    expect(obligation(omnibus, "aia.art2-2.sectoral").dueDate).toBe("2028-08-02");
  });

  it("Art 25(3): the product manufacturer is the provider", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex1.section-a", "aia.annex1.third-party", "aia.role.product-manufacturer"] });
    expect(roleNames(result)).toEqual(["provider", "product-manufacturer"]);
    expect(result.roles[0]?.cite).toEqual(["AI Act Art 25(3)"]);
    expect(obligationIds(result)).toContain("aia.art9.risk-management");
  });
});

describe("Art 50: transparency", () => {
  it("50(1) interaction: provider discloses; a deployer alone owes nothing under 50(1)", () => {
    const provider = complete({ yes: [...IN_SCOPE, "aia.art50.1", "aia.role.provider"] }).result;
    expect(ruleIds(provider)).toEqual(["aia.tr.50-1"]);
    expect(obligation(provider, "aia.art50-1.disclose-interaction").dueDate).toBe("2026-08-02");
    const deployer = complete({ yes: [...IN_SCOPE, "aia.art50.1", "aia.role.deployer"] }).result;
    expect(ruleIds(deployer)).toEqual(["aia.tr.50-1"]);
    expect(obligationIds(deployer)).toEqual(["aia.art4.ai-literacy"]);
  });

  it("50(2) synthetic content: machine-readable marking by the provider", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.art50.2", "aia.role.provider"] });
    expect(ruleIds(result)).toEqual(["aia.tr.50-2"]);
    expect(obligationIds(result)).toContain("aia.art50-2.mark-outputs");
  });

  it("50(3) emotion recognition or biometric categorisation: the deployer informs", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.art50.3", "aia.role.deployer"] });
    expect(ruleIds(result)).toEqual(["aia.tr.50-3"]);
    expect(obligationIds(result)).toContain("aia.art50-3.inform-exposed");
  });

  it("50(3) follows from Annex III 1(c) without asking again", () => {
    const { result, answers } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-1", "aia.annex3.1c", "aia.role.deployer"] });
    expect(answers["aia.art50.3"]).toBeUndefined();
    expect(ruleIds(result)).toEqual(["aia.hr.annex3.1c", "aia.tr.50-3"]);
    expect(obligationIds(result)).toContain("aia.art50-3.inform-exposed");
  });

  it("50(4) deep fakes and public-interest text: the deployer discloses", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.art50.2", "aia.art50.4-deepfake", "aia.art50.4-text", "aia.role.deployer"] });
    expect(ruleIds(result)).toEqual(["aia.tr.50-2", "aia.tr.50-4.deepfake", "aia.tr.50-4.text"]);
    expect(obligationIds(result)).toEqual(expect.arrayContaining(["aia.art50-4.disclose-deepfakes", "aia.art50-4.disclose-public-text"]));
    expect(obligationIds(result)).not.toContain("aia.art50-2.mark-outputs");
  });

  it("50(4) is not asked when the system generates no synthetic content", () => {
    const { answers } = complete({ yes: [...IN_SCOPE] });
    expect(answers["aia.art50.4-deepfake"]).toBeUndefined();
    expect(answers["aia.art50.4-text"]).toBeUndefined();
  });

  it("labels accumulate: high-risk and transparency at once", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.art50.1", ...BOTH_ROLES] });
    expect(kinds(result)).toEqual(["high-risk", "transparency"]);
    expect(obligationIds(result)).toEqual(
      expect.arrayContaining(["aia.art9.risk-management", "aia.art50-1.disclose-interaction", "aia.art26-1.use-per-instructions"]),
    );
  });
});

describe("Arts 51-55: general-purpose AI models", () => {
  const gpai = [...IN_SCOPE, "aia.gpai.model"];
  const ART53 = [
    "aia.art53-1a.technical-documentation",
    "aia.art53-1b.downstream-information",
    "aia.art53-1c.copyright-policy",
    "aia.art53-1d.training-summary",
  ];
  const ART55 = ["aia.art55-1a.evaluation", "aia.art55-1b.systemic-risk-mitigation", "aia.art55-1c.incident-reporting", "aia.art55-1d.cybersecurity"];

  it("without systemic risk: Art 53 duties, provider role", () => {
    const { result } = complete({ yes: gpai });
    expect(ruleIds(result)).toEqual(["aia.gpai"]);
    expect(roleNames(result)).toEqual(["provider"]);
    expect(obligationIds(result)).toEqual(expect.arrayContaining(ART53));
    for (const id of [...ART55, "aia.art52.notify", "aia.art54.representative"]) expect(obligationIds(result)).not.toContain(id);
    expect(obligation(result, "aia.art53-1c.copyright-policy").dueDate).toBe("2025-08-02");
    expect(result.labels[0]?.penalty?.cite).toEqual(["AI Act Art 101(1)"]);
  });

  it("open weights without systemic risk: 53(1)(a)-(b) and Art 54 do not apply", () => {
    const { result } = complete({ yes: [...gpai, "aia.gpai.open-weights", "aia.gpai.non-eu"] });
    const ids = obligationIds(result);
    expect(ids).toEqual(expect.arrayContaining(["aia.art53-1c.copyright-policy", "aia.art53-1d.training-summary"]));
    for (const id of ["aia.art53-1a.technical-documentation", "aia.art53-1b.downstream-information", "aia.art54.representative"]) expect(ids).not.toContain(id);
  });

  it("non-EU provider: Art 54 representative", () => {
    const { result } = complete({ yes: [...gpai, "aia.gpai.non-eu"] });
    expect(obligationIds(result)).toContain("aia.art54.representative");
  });

  it("above 10^25 FLOP: systemic risk, Art 52 notification and Art 55, even with open weights", () => {
    const { result, answers } = complete({ yes: [...gpai, "aia.gpai.compute", "aia.gpai.open-weights"] });
    expect(ruleIds(result)).toEqual(["aia.gpai", "aia.gpai.systemic.compute"]);
    expect(obligationIds(result)).toEqual(expect.arrayContaining([...ART53, ...ART55, "aia.art52.notify"]));
    expect(answers["aia.gpai.designated"]).toBeUndefined();
  });

  it("designated by the Commission: systemic risk and Art 55, no threshold notification", () => {
    const { result } = complete({ yes: [...gpai, "aia.gpai.designated"] });
    expect(kinds(result)).toEqual(["gpai", "gpai-systemic-risk"]);
    expect(obligationIds(result)).toEqual(expect.arrayContaining(ART55));
    expect(obligationIds(result)).not.toContain("aia.art52.notify");
  });

  it("a model placed on the market before 2 August 2025 has until 2 August 2027", () => {
    const { result } = complete({ yes: [...gpai, "aia.gpai.before-2025"] });
    expect(obligation(result, "aia.art53-1c.copyright-policy").dueDate).toBe("2027-08-02");
  });
});

describe("roles and the Art 25(1) switch", () => {
  const deployerOfHighRisk = [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", "aia.role.deployer"];
  it("a deployer of a high-risk system keeps deployer duties only", () => {
    const { result } = complete({ yes: deployerOfHighRisk });
    expect(roleNames(result)).toEqual(["deployer"]);
    expect(obligationIds(result)).not.toContain("aia.art9.risk-management");
    expect(obligationIds(result)).toEqual(expect.arrayContaining(DEPLOYER_HR));
  });

  it.each([
    ["a", "puts its name or trademark on it"],
    ["b", "substantially modifies it"],
    ["c", "changes its intended purpose"],
  ])("25(1)(%s): a deployer that %s becomes the provider", (point) => {
    const { result } = complete({ yes: [...deployerOfHighRisk, `aia.art25.${point}`] });
    expect(roleNames(result)).toEqual(["provider", "deployer"]);
    expect(result.roles[0]?.cite).toEqual([`AI Act Art 25(1)(${point})`]);
    expect(result.roles[0]?.reason).toContain(`Art 25(1)(${point})`);
    expect(obligationIds(result)).toEqual(expect.arrayContaining([...PROVIDER_HR, "aia.art25-2.initial-provider-cooperation"]));
  });

  it("the switch is not asked of the provider, nor for a system that is not high-risk", () => {
    expect(asked(complete({ yes: [...IN_SCOPE, "aia.annex3.area-4", "aia.annex3.4a", ...BOTH_ROLES] }).answers, "aia.art25")).toEqual([]);
    expect(asked(complete({ yes: [...IN_SCOPE, "aia.role.deployer"] }).answers, "aia.art25")).toEqual([]);
  });

  it("importer, distributor and authorised representative of a high-risk system", () => {
    const { result } = complete({
      yes: [...IN_SCOPE, "aia.annex3.area-5", "aia.annex3.5b", "aia.role.importer", "aia.role.distributor", "aia.role.authorised-representative"],
    });
    expect(roleNames(result)).toEqual(["importer", "distributor", "authorised-representative"]);
    expect(obligationIds(result)).toEqual(expect.arrayContaining(["aia.art23.importer", "aia.art24.distributor", "aia.art22.authorised-representative"]));
  });
});

describe("extra checks", () => {
  it("NYC Local Law 144: bias audit, public summary and notice", () => {
    const { result } = complete({ yes: ["us.scope", "nyc.aedt"] });
    const check = result.extraChecks.find((c) => c.id === "nyc-ll144");
    expect(check?.applies).toBe("yes");
    expect(check?.reason).toContain("no more than one year");
    expect(check?.reason).toContain("10 business days");
    expect(obligationIds(result)).toEqual(expect.arrayContaining(["nyc.bias-audit", "nyc.public-summary", "nyc.candidate-notice"]));
    expect(obligation(result, "nyc.bias-audit").penalty?.maximum).toContain("1,500");
  });

  it("Colorado: SB 26-189 applies from 2027-01-01; SB 24-205 is shown as repealed", () => {
    const { result } = complete({ yes: ["us.scope", "colorado.consequential"] });
    const sb26 = result.extraChecks.find((c) => c.id === "colorado-sb26-189");
    expect(sb26).toMatchObject({ applies: "yes", status: "in-force" });
    expect(sb26?.reason).toContain("Takes effect on 2027-01-01");
    expect(result.extraChecks.find((c) => c.id === "colorado-sb24-205")).toMatchObject({ applies: "no", status: "repealed" });
    expect(obligation(result, "colorado.adverse-decision").dueDate).toBe("2027-01-01");
  });

  it("not used in the US: the US checks do not apply and their questions are not asked", () => {
    const { result, answers } = complete({});
    expect(result.extraChecks.find((c) => c.id === "nyc-ll144")?.applies).toBe("no");
    expect(answers["nyc.aedt"]).toBeUndefined();
    expect(result.extraChecks.find((c) => c.id === "colorado-sb24-205")).toBeUndefined();
  });

  it("GDPR Art 22: solely automated decisions with significant effects", () => {
    const { result } = complete({ yes: ["gdpr.personal-data", "gdpr.art22"] });
    expect(result.extraChecks.find((c) => c.id === "gdpr-art22")?.applies).toBe("yes");
    expect(obligationIds(result)).toContain("gdpr.art22.safeguards");
  });

  it.each(["gdpr.art35-3-a", "gdpr.art35-3-b", "gdpr.art35-3-c"])("DPIA required by %s, without asking the WP248 criteria", (trigger) => {
    const { result, answers } = complete({ yes: ["gdpr.personal-data", trigger] });
    expect(result.extraChecks.find((c) => c.id === "gdpr-dpia")?.applies).toBe("yes");
    expect(obligation(result, "gdpr.art35.dpia").dueDate).toBe("2018-05-25");
    expect(asked(answers, "gdpr.wp248")).toEqual([]);
  });

  it("DPIA required by two WP248 criteria; the rest are not asked", () => {
    const { result, answers } = complete({ yes: ["gdpr.personal-data", "gdpr.wp248.scoring", "gdpr.wp248.sensitive"] });
    expect(result.extraChecks.find((c) => c.id === "gdpr-dpia")?.applies).toBe("yes");
    expect(asked(answers, "gdpr.wp248").sort()).toEqual(
      ["gdpr.wp248.automated-decision", "gdpr.wp248.monitoring", "gdpr.wp248.scoring", "gdpr.wp248.sensitive"].sort(),
    );
  });

  it("one WP248 criterion is not enough", () => {
    const { result } = complete({ yes: ["gdpr.personal-data", "gdpr.wp248.innovative"] });
    expect(result.extraChecks.find((c) => c.id === "gdpr-dpia")?.applies).toBe("no");
    expect(obligationIds(result)).not.toContain("gdpr.art35.dpia");
  });
});

describe("results are well-formed", () => {
  it("every obligation carries its citation, crosswalk and evidence", () => {
    const { result } = complete({ yes: [...IN_SCOPE, "aia.annex3.area-5", "aia.annex3.5b", "aia.art50.1", ...BOTH_ROLES, "gdpr.personal-data", "gdpr.art22"] });
    expect(result.asOf).toBe(AS_OF);
    for (const o of result.obligations) {
      expect(o.cite.length).toBeGreaterThan(0);
      expect(o.evidence.length).toBeGreaterThan(0);
      expect(o.crosswalk.nist.length + o.crosswalk.iso42001.length).toBeGreaterThan(0);
    }
  });
});
