/** TanStack Query keys. Everything of one organization lives under `["org", slug]`, so one invalidation refreshes it. */
export const keys = {
  me: ["me"] as const,
  org: (org: string) => ["org", org] as const,
  systems: (org: string, params?: object) => ["org", org, "systems", params ?? {}] as const,
  system: (org: string, id: string) => ["org", org, "system", id] as const,
  history: (org: string, type: string, id: string) => ["org", org, "history", type, id] as const,
  components: (org: string, params?: object) => ["org", org, "components", params ?? {}] as const,
  component: (org: string, id: string) => ["org", org, "component", id] as const,
  vendors: (org: string) => ["org", org, "vendors"] as const,
  vendor: (org: string, id: string) => ["org", org, "vendor", id] as const,
  audit: (org: string, params?: object) => ["org", org, "audit", params ?? {}] as const,
  members: (org: string) => ["org", org, "members"] as const,
  tokens: (org: string) => ["org", org, "tokens"] as const,
  // Discovery lives under the organization too: creating a system or component refreshes which findings are shadow AI.
  repositories: (org: string) => ["org", org, "discovery", "repositories"] as const,
  findings: (org: string, params?: object) => ["org", org, "discovery", "findings", params ?? {}] as const,
  shadow: (org: string) => ["org", org, "discovery", "shadow"] as const,
};
