import type { Reconciliation, SavingsQuery, SavingsReport, SavingsWindow } from "@caio/core";
import type { Store } from "@caio/db";
import {
  buildSavingsReport,
  type ComputedRecommendation,
  createPricer,
  negotiatedHook,
  optimize,
  PROVIDER_NAMES,
  perMonth,
  reconcile,
  type VendorFacts,
} from "@caio/spend";

const DAY = 86_400_000;

/**
 * The analysis window: `days` days ending at `to`, or at the last day with usage, starting no
 * earlier than the first day with usage. Null when the organization has no usage in it.
 */
export async function savingsWindow(store: Store, orgId: string, q: Partial<SavingsQuery>): Promise<SavingsWindow | null> {
  const span = await store.spend.dataSpan(orgId);
  if (!span) return null;
  const to = q.to ?? span.last;
  let from = new Date(Date.parse(`${to}T00:00:00Z`) - ((q.days ?? 90) - 1) * DAY).toISOString().slice(0, 10);
  // Monthly figures divide by the window's days: a window reaching before the first usage would dilute them.
  if (from < span.first) from = span.first;
  if (from > to) return null;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
  return { from, to, days };
}

/** Vendors with the providers their usage appears under: their components' providers, else their name. */
function vendorFacts(facts: Awaited<ReturnType<Store["savings"]["facts"]>>): VendorFacts[] {
  return facts.vendors.map((v) => {
    // The vendor's name says who bills the usage (a Claude model bought through AWS is billed by AWS);
    // components of vendors with an unknown name tell the rest.
    const providers = new Set<string>();
    for (const [p, re] of Object.entries(PROVIDER_NAMES)) if (re.test(v.name)) providers.add(p);
    if (providers.size === 0) for (const p of v.componentProviders) providers.add(p);
    return { id: v.id, name: v.name, services: v.services, providers: [...providers].sort(), contract: v.contract, dpaSigned: v.dpaSigned };
  });
}

/** Computes the organization's savings recommendations and merges their stored statuses. */
export async function computeSavings(
  store: Store,
  orgId: string,
  q: Partial<SavingsQuery> = {},
): Promise<{ report: SavingsReport; computed: ComputedRecommendation[] }> {
  const window = await savingsWindow(store, orgId, q);
  const decisions = await store.savings.decisions(orgId);
  if (!window) return { report: buildSavingsReport([], decisions, 0n, null), computed: [] };
  const range = { from: window.from, to: window.to };
  const [slices, activity, facts, rates, overview] = await Promise.all([
    store.spend.workloads(orgId, range),
    store.spend.activity(orgId, range),
    store.savings.facts(orgId),
    store.spendRules.listRates(orgId),
    store.spend.overview(orgId, range),
  ]);
  const computed = optimize({
    window,
    slices,
    activity,
    systems: facts.systems,
    vendors: vendorFacts(facts),
    pricer: createPricer({ negotiated: negotiatedHook(rates) }),
  });
  const monthly = perMonth(BigInt(overview.costMicros), window.days);
  return { report: buildSavingsReport(computed, decisions, monthly, window), computed };
}

/** Reconciles inventory, discovery and spend over the window. */
export async function computeReconciliation(store: Store, orgId: string, q: Partial<SavingsQuery> = {}): Promise<Reconciliation> {
  const window = await savingsWindow(store, orgId, q);
  const [activity, facts, findings, policy] = await Promise.all([
    window ? store.spend.activity(orgId, { from: window.from, to: window.to }) : Promise.resolve([]),
    store.savings.facts(orgId),
    store.discovery.findings(orgId, { status: "open" }),
    store.savings.modelPolicy(orgId),
  ]);
  return reconcile({
    window,
    systems: facts.systems,
    findings: findings.map((f) => {
      const first = f.evidence[0];
      return {
        findingId: f.findingId,
        repository: f.repository,
        kind: f.kind,
        name: f.name,
        provider: f.provider,
        scope: f.scope,
        status: f.status,
        shadow: f.shadow,
        systems: f.systems,
        location: first ? `${first.file}:${first.line}` : null,
      };
    }),
    activity,
    vendors: vendorFacts(facts),
    components: facts.components,
    policy: policy.policy,
  });
}
