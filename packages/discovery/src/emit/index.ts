// Output formats for scan results (table, JSON, CycloneDX 1.6, SARIF 2.1.0).
export { CONFIDENCE_SCORE } from "./common.js";
export { CYCLONEDX_PROPERTY_PREFIX, type CycloneDxOptions, toCycloneDx } from "./cyclonedx.js";
export { toJson } from "./json.js";
export { type FindingPackage, findingPurl, modelPurl, packagesOf, purlOf } from "./purl.js";
export { CAIO_INFORMATION_URI, SARIF_RULES, type SarifOptions, toSarif } from "./sarif.js";
export { type TableOptions, toTable } from "./table.js";
