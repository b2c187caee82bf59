/** The rule set assembled from its content modules (one per framework or topic). */
import type { ContentModule, RuleSet } from "../schema.js";
import { CROSSWALK } from "./crosswalk.js";
import { annexI } from "./eu-ai-act/annex-i.js";
import { annexIII } from "./eu-ai-act/annex-iii.js";
import { art63 } from "./eu-ai-act/art6-3.js";
import { gpai } from "./eu-ai-act/gpai.js";
import { highRisk } from "./eu-ai-act/high-risk.js";
import { outcomes } from "./eu-ai-act/outcomes.js";
import { prohibitions } from "./eu-ai-act/prohibitions.js";
import { roles } from "./eu-ai-act/roles.js";
import { scope } from "./eu-ai-act/scope.js";
import { timeline } from "./eu-ai-act/timeline.js";
import { transparency } from "./eu-ai-act/transparency.js";
import { gdpr } from "./gdpr.js";
import { ISO_42001 } from "./iso-42001.js";
import { NIST_AI_RMF } from "./nist-ai-rmf.js";
import { PENALTIES } from "./penalties.js";
import { CHANGELOG, RULESET_ID, RULESET_VERSION } from "./ruleset.js";
import { us } from "./us.js";

/** In this order; questions are then ordered by section, keeping this order within a section. */
export const CONTENT_MODULES: ContentModule[] = [
  scope,
  prohibitions,
  annexI,
  annexIII,
  art63,
  transparency,
  gpai,
  roles,
  highRisk,
  outcomes,
  timeline,
  us,
  gdpr,
];

export const RULESET: RuleSet = {
  id: RULESET_ID,
  version: RULESET_VERSION,
  changelog: CHANGELOG,
  questions: CONTENT_MODULES.flatMap((m) => m.questions ?? []),
  definitions: Object.assign({}, ...CONTENT_MODULES.map((m) => m.definitions ?? {})),
  labels: CONTENT_MODULES.flatMap((m) => m.labels ?? []),
  roles: CONTENT_MODULES.flatMap((m) => m.roles ?? []),
  conformity: CONTENT_MODULES.flatMap((m) => m.conformity ?? []),
  obligations: CONTENT_MODULES.flatMap((m) => m.obligations ?? []),
  schedules: CONTENT_MODULES.flatMap((m) => m.schedules ?? []),
  penalties: PENALTIES,
  extraChecks: CONTENT_MODULES.flatMap((m) => m.extraChecks ?? []),
  nist: NIST_AI_RMF,
  iso42001: ISO_42001,
  crosswalk: CROSSWALK,
};
