import { type ModelPolicy, policyVerdict, type Reconciliation, type SavingsWindow } from "@caio/core";
import type { ActivityInput, VendorFacts } from "./types.js";

export interface ReconcileInput {
  window: SavingsWindow | null;
  systems: readonly { id: string; name: string; stage: string; components: number; serviceComponents?: number }[];
  /** Open findings of the latest scans, with the systems (by name) their component belongs to. */
  findings: readonly {
    findingId: string;
    repository: string;
    kind: string;
    name: string;
    provider: string | null;
    scope: string;
    status: string;
    shadow: boolean;
    systems: readonly string[];
    location: string | null;
  }[];
  /** Usage by origin, with cost inside the window (see the store's `activity`). */
  activity: readonly ActivityInput[];
  vendors: readonly VendorFacts[];
  /** Inventory models: components of kind `model`. */
  components: readonly { kind: string; name: string; provider: string; identifier: string }[];
  policy: ModelPolicy | null;
}

/**
 * One reconciled view of inventory, discovery and spend: registered systems nothing shows in use,
 * spend that belongs to no system, code that belongs to no system, vendors paid without a contract
 * or DPA, and models the policy does not allow.
 */
export function reconcile(input: ReconcileInput): Reconciliation {
  const used = new Set<string>();
  for (const a of input.activity) if (a.systemId && BigInt(a.costMicros) > 0n) used.add(a.systemId);
  const inCode = new Set<string>();
  for (const f of input.findings) if (f.status === "open") for (const s of f.systems) inCode.add(s);

  const stale = input.systems
    // Systems made only of SaaS bought as seats (a coding assistant) leave neither code nor usage: not stale.
    .filter((s) => !(s.components > 0 && s.serviceComponents === s.components))
    .filter((s) => (s.stage === "pilot" || s.stage === "production") && !used.has(s.id) && !inCode.has(s.name))
    .map((s) => ({
      systemId: s.id,
      name: s.name,
      stage: s.stage,
      components: s.components,
      reason:
        s.components === 0
          ? `registered as ${s.stage} with no components, no code evidence and no attributed usage${input.window ? " in the window" : ""}`
          : `registered as ${s.stage}; none of its ${s.components} components appears in scanned code and no usage is attributed to it${input.window ? " in the window" : ""}`,
    }));

  const unattributedMap = new Map<string, Reconciliation["unattributed"][number]>();
  let unattributedTotal = 0n;
  for (const a of input.activity) {
    const cost = BigInt(a.costMicros);
    if (a.systemId || cost === 0n) continue;
    unattributedTotal += cost;
    const k = `${a.provider}\u0000${a.model}\u0000${a.field}\u0000${a.value ?? ""}`;
    const prev = unattributedMap.get(k);
    if (prev) {
      prev.costMicros = (BigInt(prev.costMicros) + cost).toString();
      if (a.lastDay > prev.lastDay) prev.lastDay = a.lastDay;
    } else {
      unattributedMap.set(k, { provider: a.provider, model: a.model, field: a.field, value: a.value, costMicros: cost.toString(), lastDay: a.lastDay });
    }
  }
  const unattributed = [...unattributedMap.values()].sort((a, b) => Number(BigInt(b.costMicros) - BigInt(a.costMicros)) || a.model.localeCompare(b.model));

  const shadow = input.findings
    .filter((f) => f.shadow)
    .map((f) => ({ findingId: f.findingId, repository: f.repository, kind: f.kind, name: f.name, provider: f.provider, location: f.location }));

  const spendByProvider = new Map<string, bigint>();
  for (const a of input.activity) spendByProvider.set(a.provider, (spendByProvider.get(a.provider) ?? 0n) + BigInt(a.costMicros));
  const vendors: Reconciliation["vendors"] = [];
  for (const [provider, cost] of [...spendByProvider].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (cost === 0n) continue;
    const v = input.vendors.find((x) => x.providers.includes(provider));
    const issues: Reconciliation["vendors"][number]["issues"] = [];
    if (!v) issues.push("no-vendor");
    else {
      const c = v.contract;
      if (!c.start && !c.end && !c.commitmentAmount) issues.push("no-contract");
      if (!v.dpaSigned) issues.push("no-dpa");
    }
    if (issues.length) vendors.push({ provider, vendorId: v?.id ?? null, vendorName: v?.name ?? null, costMicros: cost.toString(), issues });
  }

  const models = new Map<string, Reconciliation["models"][number]>();
  const note = (provider: string | null, model: string, where: string, cost = 0n) => {
    const reason = policyVerdict(input.policy, provider, model);
    if (!reason) return;
    const k = `${provider ?? ""}\u0000${model.toLowerCase()}`;
    const m = models.get(k) ?? { provider, model, reason, seenIn: [], costMicros: "0" };
    if (!m.seenIn.includes(where)) m.seenIn.push(where);
    m.costMicros = (BigInt(m.costMicros) + cost).toString();
    models.set(k, m);
  };
  for (const a of input.activity) if (BigInt(a.costMicros) > 0n) note(a.provider, a.model, "spend", BigInt(a.costMicros));
  for (const f of input.findings) if (f.status === "open" && f.kind === "model") note(f.provider, f.name, `code: ${f.repository}`);
  for (const c of input.components) if (c.kind === "model") note(c.provider || null, c.identifier || c.name, `inventory: ${c.name}`);

  const modelList = [...models.values()].sort((a, b) => Number(BigInt(b.costMicros) - BigInt(a.costMicros)) || a.model.localeCompare(b.model));
  return {
    currency: "USD",
    window: input.window,
    counts: { stale: stale.length, unattributed: unattributed.length, shadow: shadow.length, vendors: vendors.length, models: modelList.length },
    stale,
    unattributedMicros: unattributedTotal.toString(),
    unattributed,
    shadow,
    vendors,
    models: modelList,
    policySet: input.policy !== null,
  };
}
