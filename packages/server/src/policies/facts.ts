import type { Store } from "@caio/db";

/** A classification as the policies read it (the latest one of the system). */
export interface PolicyClassification {
  status: string;
  labels: { kind: string; basis: string; cite: string[] }[];
  roles: string[];
  obligations: { title: string; cite: string[] }[];
  /** Extra checks (GDPR Art 22, NYC LL 144, Colorado, …) that apply or need review. */
  extraChecks: { title: string; applies: string; cite: string[] }[];
}

export interface PolicySystemFacts {
  name: string;
  purpose: string;
  stage: string;
  customerFacing: boolean;
  decisionsAffectingPeople: string;
  personalData: string[];
  affectedPeople: string;
  euNexus: string[];
  owner: string;
  tags: string[];
  vendors: string[];
  providers: string[];
  models: string[];
  /** Null when the system has not been classified. */
  classification: PolicyClassification | null;
}

export interface PolicyVendorFacts {
  name: string;
  services: string[];
  trainsOnCustomerData: string;
  retentionDays: number | null;
  dpaSigned: boolean;
  dataRegion: string;
  systems: string[];
}

/**
 * Everything a policy is generated from. Sorted and free of timestamps, so the same facts always
 * give the same text.
 */
export interface PolicyFacts {
  organization: string;
  /** Systems not retired, by name. */
  systems: PolicySystemFacts[];
  retiredSystems: number;
  vendors: PolicyVendorFacts[];
  /** The organization's model policy, or null when none is set. */
  modelPolicy: { allowedProviders: string[] | null; allowedModels: string[] | null; deniedModels: string[] } | null;
  discovery: {
    /** Repositories scanned with `caio scan`. */
    repositories: number;
    /** Open runtime findings of AI that no registered system accounts for. */
    shadow: { count: number; repositories: string[]; names: string[] };
    /** Open key-shaped secrets found in code. */
    secrets: number;
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const uniqueSorted = (xs: Iterable<string>) => [...new Set(xs)].sort(byText);

/** Reads the facts of one organization from the store. */
export async function collectPolicyFacts(store: Store, orgId: string): Promise<PolicyFacts> {
  const [inv, policy, findings, repositories, classifications] = await Promise.all([
    store.policies.inventory(orgId),
    store.savings.modelPolicy(orgId),
    store.discovery.findings(orgId, { status: "open" }),
    store.discovery.repositories(orgId),
    store.governance.latest(orgId),
  ]);
  const byName = new Map(classifications.map((c) => [c.systemName, c]));
  const shadow = findings.filter((f) => f.shadow);
  const p = policy.policy;
  return {
    organization: inv.organization,
    systems: inv.systems.map((s) => {
      const c = byName.get(s.name);
      const r = c?.result;
      return {
        name: s.name,
        purpose: s.purpose,
        stage: s.stage,
        customerFacing: s.customerFacing,
        decisionsAffectingPeople: s.decisionsAffectingPeople,
        personalData: s.personalData,
        affectedPeople: s.affectedPeople,
        euNexus: s.euNexus,
        owner: s.businessOwner,
        tags: s.tags,
        vendors: s.vendors,
        providers: s.providers,
        models: s.models,
        classification: r
          ? {
              status: String(r.status ?? "complete"),
              labels: (r.labels ?? []).map((l) => ({ kind: String(l.kind), basis: String(l.basis ?? ""), cite: [...(l.cite ?? [])] })),
              roles: uniqueSorted((r.roles ?? []).map((x) => String(x.role))),
              obligations: (r.obligations ?? []).map((o) => ({ title: String(o.title), cite: [...(o.cite ?? [])] })),
              extraChecks: (r.extraChecks ?? [])
                .filter((x) => x.applies !== "no")
                .map((x) => ({ title: String(x.title), applies: String(x.applies), cite: [...(x.cite ?? [])] })),
            }
          : null,
      };
    }),
    retiredSystems: inv.retiredSystems,
    vendors: inv.vendors.map((v) => ({ ...v, services: [...v.services] })),
    modelPolicy: p
      ? {
          allowedProviders: p.providers ? uniqueSorted(p.providers.allow) : null,
          allowedModels: p.models?.allow ? uniqueSorted(p.models.allow) : null,
          deniedModels: uniqueSorted(p.models?.deny ?? []),
        }
      : null,
    discovery: {
      repositories: repositories.length,
      shadow: {
        count: shadow.length,
        repositories: uniqueSorted(shadow.map((f) => f.repository)),
        names: uniqueSorted(shadow.map((f) => f.name)),
      },
      secrets: findings.filter((f) => f.kind === "secret").length,
    },
  };
}
