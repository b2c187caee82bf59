/** caio's rules: framework content as versioned data with citations, and the engine that evaluates it. */
export { type ClassifyInput, INCIDENT_SEVERITIES, type IncidentSeverity, type RulesEngine, type SystemFacts } from "./api.js";
export { RULESET } from "./content/index.js";
export { answersOf, createRulesEngine, obligationTiming, rules, scheduleEntry } from "./engine.js";
export { INCIDENT_CLOCKS, incidentDeadline } from "./incidents.js";
export * from "./leadership/index.js";
export {
  type Condition,
  type FactCondition,
  type IsoItem,
  type NistSubcategory,
  type Obligation,
  type Question,
  type RuleSet,
  RuleSetSchema,
  SECTIONS,
} from "./schema.js";
export { validateRuleSet } from "./validate.js";
