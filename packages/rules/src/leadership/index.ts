/** Strategy rules: the leadership-need assessment and the 30/60/90-day plan, as data with their evaluators. */
export { assessLeadership, LEADERSHIP_THRESHOLDS } from "./assess.js";
export {
  LEADERSHIP_RULES,
  LEADERSHIP_RULES_VERSION,
  type LeadershipCondition,
  type LeadershipRule,
  OUTCOME_TITLES,
  PRICES,
  QUESTIONS as ASSESSMENT_QUESTIONS,
  SOURCES as LEADERSHIP_SOURCES,
  TALENT,
  THRESHOLDS,
} from "./content.js";
export { buildPlan, MILESTONES, type MilestoneDef, milestoneStatus, type PlanFacts, WORKSTREAM_TITLES } from "./plan.js";
