import { DEMO_USERS, type Store, seedDemo } from "@caio/db";
import { seedDemoGovernance } from "./demo-governance.js";
import { seedDemoPolicies } from "./demo-policies.js";
import { seedDemoPortfolio } from "./demo-portfolio.js";
import { seedDemoReport } from "./demo-report.js";
import { seedDemoScans } from "./demo-scan.js";
import { seedDemoSpend } from "./demo-spend.js";
import { seedDemoStrategy } from "./demo-strategy.js";

/**
 * Loads the whole demo organization, as `caio demo` and `npm start` do: the inventory, risks and
 * incidents, scanned repositories, six months of usage, classifications and the policies.
 */
export async function loadDemo(store: Store) {
  const r = await seedDemo(store);
  const scans = await seedDemoScans(store, r.orgId, `user:${DEMO_USERS[1].email}`);
  const spend = await seedDemoSpend(store, r.orgId, `user:${DEMO_USERS[0].email}`);
  const governance = await seedDemoGovernance(store, r.orgId, `user:${DEMO_USERS[0].email}`, store.now().slice(0, 10));
  // After the classifications: a use case's risk labels come from its system's latest one.
  const portfolio = await seedDemoPortfolio(store, r.orgId, `user:${DEMO_USERS[0].email}`, store.now().slice(0, 10));
  // Last: the policies are generated from everything above (inventory, scans, model policy, classifications).
  await seedDemoPolicies(store, r.orgId);
  // The leadership-need assessment reads the inventory and the spend ledger.
  const strategy = await seedDemoStrategy(store, r.orgId, `user:${DEMO_USERS[0].email}`);
  // After everything else: the previous quarter's board pack, stored as the officer generated it.
  const report = await seedDemoReport(store, r.orgId, `user:${DEMO_USERS[0].email}`);
  return {
    ...r,
    repositories: scans.repositories.length,
    shadow: scans.repositories.reduce((n, x) => n + x.shadow, 0),
    usageRecords: spend.records,
    classified: governance.classified,
    useCases: portfolio.useCases,
    leadership: strategy.recommendation,
    reports: report.reports,
  };
}
