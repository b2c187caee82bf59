import type { AuditListQuery, EntityType } from "@caio/core";
import { listAudit, verifyAudit } from "./audit.js";
import { componentsRepo } from "./components.js";
import { makeContext, type StoreDeps } from "./context.js";
import { discoveryRepo } from "./discovery.js";
import { governanceRepo } from "./governance.js";
import { entityHistory, historyOfType } from "./history.js";
import { orgsRepo } from "./orgs.js";
import { policiesRepo } from "./policies.js";
import { portfolioRepo } from "./portfolio.js";
import { reportsRepo } from "./reports.js";
import { incidentsRepo, risksRepo } from "./risks.js";
import { savingsRepo } from "./savings.js";
import { spendRepo } from "./spend.js";
import { spendRulesRepo } from "./spend-rules.js";
import { strategyRepo } from "./strategy.js";
import { systemsRepo } from "./systems.js";
import { exportOrganization, restoreOrganization } from "./transfer.js";
import { type PasswordHasher, sessionsRepo, tokensRepo, usersRepo } from "./users.js";
import { vendorsRepo } from "./vendors.js";

export type { Actor, StoreDeps } from "./context.js";
export type { ObligationTracking, StoredClassification, SystemFactsRow } from "./governance.js";
export { type PolicyInventory, policyLabel, policySnapshot, type StoredPolicyVersion } from "./policies.js";
export { type ReportSnapshotInput, reportLedgerLabel, reportLedgerRecord, sha256Hex } from "./reports.js";
export type { DecisionSubject, InventoryFacts, SavingsDecision } from "./savings.js";
export {
  type DayRange,
  type ImportFile,
  type ImportListItem,
  type ImportSession,
  type ImportSummary,
  REPORTING_CURRENCY,
  ROLLUP_DIMENSIONS,
  type RollupDimension,
  type RollupRow,
  type SpendOverview,
  seriesKeyOf,
} from "./spend.js";
export type { PricingRow } from "./spend-rules.js";
export type { PlanCounts, PlanStartRow } from "./strategy.js";
export type { PasswordHasher } from "./users.js";
export { SESSION_TTL_MS, tokenDigest } from "./users.js";

/** Every data operation caio performs, each scoped by organization id. */
export function createStore(deps: StoreDeps & { hasher: PasswordHasher }) {
  const ctx = makeContext(deps);
  const spend = spendRepo(ctx);
  return {
    db: deps.db,
    now: ctx.now,
    orgs: orgsRepo(ctx),
    users: usersRepo(ctx, deps.hasher),
    sessions: sessionsRepo(ctx),
    tokens: tokensRepo(ctx),
    systems: systemsRepo(ctx),
    components: componentsRepo(ctx),
    vendors: vendorsRepo(ctx),
    discovery: discoveryRepo(ctx),
    spend: spend,
    spendRules: spendRulesRepo(ctx, spend.ruleMatches),
    savings: savingsRepo(ctx),
    governance: governanceRepo(ctx),
    policies: policiesRepo(ctx),
    risks: risksRepo(ctx),
    incidents: incidentsRepo(ctx),
    portfolio: portfolioRepo(ctx),
    strategy: strategyRepo(ctx),
    reports: reportsRepo(ctx),
    history: (orgId: string, type: EntityType, id: string) => entityHistory(deps.db, orgId, type, id),
    /** Every version of every entity of one type, oldest first per entity. */
    historyOfType: (orgId: string, type: EntityType) => historyOfType(deps.db, orgId, type),
    audit: {
      list: (orgId: string, q: AuditListQuery) => listAudit(deps.db, orgId, q),
      verify: (orgId: string) => verifyAudit(deps.db, orgId),
    },
    exportOrg: (orgId: string) => exportOrganization(ctx, orgId),
    restoreOrg: (doc: unknown) => restoreOrganization(ctx, doc),
  };
}

export type Store = ReturnType<typeof createStore>;
