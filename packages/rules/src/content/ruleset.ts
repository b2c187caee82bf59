/**
 * The rule set's id, version and changelog (newest first). Bump the version and add a changelog
 * entry with every change to the content: a stored classification records the version that
 * produced it, and re-running it on a newer version shows what changed.
 */
export const RULESET_ID = "caio-governance";
export const RULESET_VERSION = "2026.11.0";

export const CHANGELOG = [
  {
    version: "2026.11.0",
    date: "2026-11-23",
    changes: [
      "First rule set: EU AI Act (Regulation (EU) 2024/1689) scope and Art 2 exclusions, roles and the Art 25 provider switch, Art 5 prohibitions, Art 6(1) with Annex I, Annex III under Art 6(2), the Art 6(3) derogation with the profiling override, Art 50 transparency, general-purpose AI models (Arts 51-55), obligations per role with penalties.",
      "Dates under the published text and under the Digital Omnibus on AI (adopted June 2026, pending publication): Annex III from 2 December 2027, Annex I from 2 August 2028, Art 50(2) marking for systems already on the market from 2 December 2026, the ban on non-consensual intimate imagery and CSAM from 2 December 2026, machinery on the sectoral route.",
      "NIST AI RMF 1.0 (72 subcategories) and ISO/IEC 42001:2023 (clauses 4-10, 38 Annex A controls) with a crosswalk from every obligation.",
      "Extra checks: NYC Local Law 144, Colorado SB 26-189 (SB 24-205 kept as repealed), GDPR Art 22 and DPIA triggers (Art 35(3), WP248 criteria).",
    ],
  },
];
