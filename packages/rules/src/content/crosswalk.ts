/**
 * Crosswalk from obligations to NIST AI RMF 1.0 subcategories and ISO/IEC 42001:2023 clauses and
 * Annex A controls. Started from the seed table in the research notes (AI Act Arts 4, 9-15, 17,
 * 19, 26(6), 27, 23-25, 53, 72-73) and extended to every obligation in the rule set. It is our
 * mapping, not an official one; ISO/IEC 42001 is not a harmonised standard under Art 40.
 */
import type { CrosswalkEntry } from "../schema.js";

const QMS_CLAUSES = ["4.4", "5.1", "5.2", "5.3", "6.1.1", "7.5", "8.1", "9.1", "9.2", "9.3", "10.1", "10.2"];
const GOVERN_1 = ["GOVERN 1.1", "GOVERN 1.2", "GOVERN 1.3", "GOVERN 1.4", "GOVERN 1.5", "GOVERN 1.6", "GOVERN 1.7"];
const VALUE_CHAIN = { nist: ["GOVERN 6.1", "GOVERN 6.2", "MANAGE 3.1", "MANAGE 3.2"], iso42001: ["A.10.2", "A.10.3", "A.10.4"] };
const INCIDENTS = { nist: ["MEASURE 3.1", "MANAGE 4.1", "MANAGE 4.2", "MANAGE 4.3"], iso42001: ["9.1", "10.2", "A.8.4"] };
const LOGS = { nist: ["MEASURE 2.4"], iso42001: ["A.6.2.8"] };
const DISCLOSURE = { nist: ["MEASURE 2.8", "GOVERN 4.2"], iso42001: ["A.8.2", "A.8.5"] };

const x = (obligation: string, map: { nist: string[]; iso42001: string[] }): CrosswalkEntry => ({ obligation, nist: map.nist, iso42001: map.iso42001 });

export const CROSSWALK: CrosswalkEntry[] = [
  // Seed table
  x("aia.art4.ai-literacy", { nist: ["GOVERN 2.2"], iso42001: ["7.2", "7.3", "A.4.6"] }),
  x("aia.art9.risk-management", {
    nist: ["GOVERN 1.3", "GOVERN 1.4", "GOVERN 1.5", "MAP 5.1", "MANAGE 1.1", "MANAGE 1.2", "MANAGE 1.3", "MANAGE 1.4"],
    iso42001: ["6.1.2", "6.1.3", "8.2", "8.3"],
  }),
  x("aia.art10.data-governance", { nist: ["MAP 2.3", "MEASURE 2.10", "MEASURE 2.11"], iso42001: ["A.4.3", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"] }),
  x("aia.art11.technical-documentation", { nist: ["MAP 2.1", "MAP 2.2", "MEASURE 2.9"], iso42001: ["A.6.2.3", "A.6.2.7"] }),
  x("aia.art13.instructions", { nist: ["MAP 2.1", "MAP 2.2", "MEASURE 2.9"], iso42001: ["A.6.2.7", "A.8.2", "A.9.4"] }),
  x("aia.art12.record-keeping", LOGS),
  x("aia.art19.log-retention", LOGS),
  x("aia.art26-6.log-retention", LOGS),
  x("aia.art14.human-oversight", { nist: ["GOVERN 3.2", "MAP 3.5", "MANAGE 2.4"], iso42001: ["A.6.2.2", "A.9.2"] }),
  x("aia.art15.accuracy-robustness-cybersecurity", { nist: ["MEASURE 2.3", "MEASURE 2.5", "MEASURE 2.6", "MEASURE 2.7"], iso42001: ["A.6.2.4"] }),
  x("aia.art17.quality-management", { nist: GOVERN_1, iso42001: QMS_CLAUSES }),
  x("aia.art27.fria", { nist: ["MAP 1.1", "MAP 5.1"], iso42001: ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"] }),
  x("aia.art23.importer", VALUE_CHAIN),
  x("aia.art24.distributor", VALUE_CHAIN),
  x("aia.art25-2.initial-provider-cooperation", VALUE_CHAIN),
  x("aia.art53-1b.downstream-information", { nist: ["GOVERN 6.1", "MAP 4.1"], iso42001: ["A.8.2", "A.10.4"] }),
  x("aia.art72.post-market-monitoring", INCIDENTS),
  x("aia.art73.serious-incidents", INCIDENTS),
  // Extensions
  x("aia.art5.stop", { nist: ["GOVERN 1.1", "MANAGE 1.1", "MANAGE 2.4"], iso42001: ["A.2.2", "A.9.4"] }),
  x("aia.art5.ncii-stop", { nist: ["GOVERN 1.1", "MANAGE 1.1", "MANAGE 2.4"], iso42001: ["A.2.2", "A.9.4"] }),
  x("aia.art5.rbi-authorisation", { nist: ["GOVERN 1.1", "MAP 1.1", "MAP 5.1"], iso42001: ["6.1.4", "A.5.2"] }),
  x("aia.art6-4.document", { nist: ["GOVERN 1.1", "MAP 1.1", "MAP 3.3"], iso42001: ["7.5", "A.5.3"] }),
  x("aia.art49-2.register", { nist: ["GOVERN 1.1", "GOVERN 1.6"], iso42001: ["A.8.3"] }),
  x("aia.art49-1.register", { nist: ["GOVERN 1.1", "GOVERN 1.6"], iso42001: ["A.8.3"] }),
  x("aia.art50-1.disclose-interaction", DISCLOSURE),
  x("aia.art50-2.mark-outputs", { nist: ["MEASURE 2.8"], iso42001: ["A.6.2.2", "A.8.5"] }),
  x("aia.art50-3.inform-exposed", DISCLOSURE),
  x("aia.art50-4.disclose-deepfakes", DISCLOSURE),
  x("aia.art50-4.disclose-public-text", DISCLOSURE),
  x("aia.art53-1a.technical-documentation", { nist: ["MAP 2.1", "MEASURE 2.1"], iso42001: ["A.6.2.7"] }),
  x("aia.art53-1c.copyright-policy", { nist: ["GOVERN 6.1", "MAP 4.1"], iso42001: ["A.7.3", "A.7.5"] }),
  x("aia.art53-1d.training-summary", { nist: ["MAP 4.1", "MEASURE 2.8"], iso42001: ["A.7.5", "A.8.5"] }),
  x("aia.art54.representative", { nist: ["GOVERN 2.1"], iso42001: ["A.10.2"] }),
  x("aia.art52.notify", { nist: ["GOVERN 1.1"], iso42001: ["A.8.3"] }),
  x("aia.art55-1a.evaluation", { nist: ["MEASURE 1.3", "MEASURE 2.7", "MEASURE 2.13"], iso42001: ["A.6.2.4"] }),
  x("aia.art55-1b.systemic-risk-mitigation", { nist: ["MAP 5.1", "MANAGE 1.3", "MEASURE 3.1"], iso42001: ["6.1.2", "6.1.3", "A.5.5"] }),
  x("aia.art55-1c.incident-reporting", { nist: ["MANAGE 4.3"], iso42001: ["A.8.4"] }),
  x("aia.art55-1d.cybersecurity", { nist: ["MEASURE 2.7"], iso42001: ["A.4.5", "A.6.2.4"] }),
  x("aia.art16.provider-duties", { nist: ["GOVERN 1.1", "GOVERN 2.1"], iso42001: ["A.8.2"] }),
  x("aia.art18.documentation-keeping", { nist: ["GOVERN 1.4"], iso42001: ["7.5", "A.6.2.7"] }),
  x("aia.art20.corrective-action", { nist: ["MANAGE 2.3", "MANAGE 2.4", "MANAGE 4.3"], iso42001: ["10.2", "A.8.4"] }),
  x("aia.art43.internal-control", { nist: ["MEASURE 1.3", "MEASURE 2.13"], iso42001: ["9.2", "A.6.2.4"] }),
  x("aia.art43.notified-body", { nist: ["MEASURE 1.3", "MEASURE 2.13"], iso42001: ["9.2", "A.6.2.4"] }),
  x("aia.art43.sectoral", { nist: ["MEASURE 1.3", "MEASURE 2.13"], iso42001: ["9.2", "A.6.2.4"] }),
  x("aia.art47.declaration", { nist: ["GOVERN 1.1"], iso42001: ["7.5"] }),
  x("aia.art48.ce-marking", { nist: ["GOVERN 1.1"], iso42001: ["A.8.2"] }),
  x("aia.art2-2.sectoral", { nist: ["GOVERN 1.1"], iso42001: ["4.1"] }),
  x("aia.art22.authorised-representative", VALUE_CHAIN),
  x("aia.art26-1.use-per-instructions", { nist: ["MAP 3.4"], iso42001: ["A.9.2", "A.9.4"] }),
  x("aia.art26-2.human-oversight", { nist: ["GOVERN 3.2", "MAP 3.5"], iso42001: ["A.3.2", "A.9.2"] }),
  x("aia.art26-4.input-data", { nist: ["MAP 2.3", "MEASURE 2.5"], iso42001: ["A.7.4"] }),
  x("aia.art26-5.monitor-and-report", { nist: ["MEASURE 2.4", "MANAGE 4.1", "MANAGE 4.3"], iso42001: ["A.6.2.6", "A.8.4"] }),
  x("aia.art26-7.inform-workers", { nist: ["GOVERN 5.1", "MAP 5.2"], iso42001: ["A.8.5"] }),
  x("aia.art26-8.public-registration", { nist: ["GOVERN 1.6"], iso42001: ["A.8.3"] }),
  x("aia.art26-9.dpia-input", { nist: ["MEASURE 2.10"], iso42001: ["6.1.4", "A.5.2"] }),
  x("aia.art26-10.post-rbi-authorisation", { nist: ["GOVERN 1.1"], iso42001: ["A.9.2"] }),
  x("aia.art26-11.inform-affected-persons", { nist: ["MEASURE 2.8", "GOVERN 4.2"], iso42001: ["A.5.4", "A.8.5"] }),
  x("aia.art26-12.cooperate", { nist: ["GOVERN 1.1"], iso42001: ["A.8.3"] }),
  x("aia.art86.explanation", { nist: ["MEASURE 2.9", "MEASURE 3.3"], iso42001: ["A.8.5"] }),
  x("nyc.bias-audit", { nist: ["MEASURE 1.3", "MEASURE 2.11"], iso42001: ["A.5.4"] }),
  x("nyc.public-summary", { nist: ["MEASURE 2.8"], iso42001: ["A.8.3"] }),
  x("nyc.candidate-notice", { nist: ["MEASURE 2.8", "MEASURE 3.3"], iso42001: ["A.8.5"] }),
  x("colorado.notice", { nist: ["MEASURE 2.8"], iso42001: ["A.8.5"] }),
  x("colorado.adverse-decision", { nist: ["MEASURE 3.3", "MANAGE 4.1"], iso42001: ["A.8.5", "A.9.2"] }),
  x("colorado.records", { nist: ["GOVERN 1.4"], iso42001: ["7.5"] }),
  x("gdpr.art22.safeguards", { nist: ["GOVERN 3.2", "MEASURE 3.3"], iso42001: ["A.5.4", "A.9.2"] }),
  x("gdpr.art35.dpia", { nist: ["MAP 5.1", "MEASURE 2.10"], iso42001: ["6.1.4", "A.5.2", "A.5.3"] }),
];
