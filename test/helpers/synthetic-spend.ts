import { type SpendSource, SystemCreateSchema, type UsageRecord, VendorCreateSchema } from "@caio/core";
import type { Store } from "@caio/db";
import { createPricer, hashApiKey, perMonth, type ServiceTier, THRESHOLDS } from "@caio/spend";
import { usageRecord } from "./spend.js";

/**
 * A synthetic organization with known inefficiencies of every recommendation type, and clean
 * control workloads that must get no recommendation. Each injected inefficiency carries the
 * monthly saving the lever is worth by its published discount, computed here from the catalog
 * (independently of the optimizer) over the records the generator writes.
 */

const pricer = createPricer();
const DAY = 86_400_000;
export const SYNTHETIC_WINDOW = { from: "2026-08-01", to: "2026-10-29", days: 90 };

interface Workload {
  name: string;
  control: boolean;
  customerFacing?: boolean;
  provider: "openai" | "anthropic";
  model: string;
  /** Requests per day. */
  requests: number;
  input: number;
  cached?: number;
  output: number;
  tier?: ServiceTier;
  longContext?: boolean;
  /** UTC hours the day's requests arrive in (hourly records); daily buckets otherwise. */
  hours?: number[];
}

const WORKLOADS: Workload[] = [
  // Injected: one inefficiency each.
  { name: "Ticket classifier", control: false, provider: "openai", model: "gpt-4o", requests: 3000, input: 900, output: 40 },
  { name: "Nightly enrichment", control: false, provider: "anthropic", model: "claude-haiku-4-5", requests: 6000, input: 800, output: 600, hours: [1, 2, 3] },
  { name: "Policy Q&A", control: false, provider: "openai", model: "gpt-4o-mini", requests: 12_000, input: 6000, output: 500 },
  {
    name: "Contract digest",
    control: false,
    provider: "anthropic",
    model: "claude-sonnet-4-5",
    requests: 30,
    input: 250_000,
    cached: 150_000,
    output: 2000,
    longContext: true,
  },
  { name: "Internal research", control: false, provider: "openai", model: "gpt-4o-mini", requests: 5000, input: 900, output: 500, tier: "priority" },
  // Controls: a customer-facing chat on a frontier model with long outputs (at priority: latency matters),
  // already-batched jobs, and a well-cached workload.
  {
    name: "Customer chat",
    control: true,
    customerFacing: true,
    provider: "openai",
    model: "gpt-4o",
    requests: 2500,
    input: 3000,
    cached: 1800,
    output: 700,
    tier: "priority",
  },
  { name: "Batched exports", control: true, provider: "openai", model: "gpt-4o-mini", requests: 8000, input: 700, output: 30, tier: "batch", hours: [2, 3] },
  { name: "Cached handbook", control: true, provider: "anthropic", model: "claude-haiku-4-5", requests: 3000, input: 5000, cached: 3500, output: 300 },
];

export interface Injected {
  type: string;
  /** The system or vendor the recommendation must name. */
  subject: string;
  monthlySavingMicros: bigint;
}

const usageOf = (w: Workload, n: number) => ({
  uncachedInput: n * (w.input - (w.cached ?? 0)),
  cacheRead: n * (w.cached ?? 0),
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: n * w.output,
  webSearches: 0,
  requests: n,
  serviceTier: w.tier ?? "standard",
  longContext: w.longContext ?? false,
});

function price(w: Workload, model: string, usage: ReturnType<typeof usageOf>): bigint {
  const p = pricer.price(w.provider, model, new Date(`${SYNTHETIC_WINDOW.to}T00:00:00Z`), usage);
  if (!p) throw new Error(`no price for ${w.provider} ${model}`);
  return p.micros;
}

function recordsOf(w: Workload): UsageRecord[] {
  const out: UsageRecord[] = [];
  const start = Date.parse(`${SYNTHETIC_WINDOW.from}T00:00:00Z`);
  const source: SpendSource = w.provider === "openai" ? "openai-usage" : "anthropic-usage";
  for (let d = 0; d < SYNTHETIC_WINDOW.days; d++) {
    const day = new Date(start + d * DAY).toISOString().slice(0, 10);
    const slots = w.hours ?? [null];
    for (const hour of slots) {
      const n = Math.round(w.requests / slots.length);
      const u = usageOf(w, n);
      const periodStart = hour === null ? `${day}T00:00:00.000Z` : `${day}T${String(hour).padStart(2, "0")}:00:00.000Z`;
      const periodEnd = new Date(Date.parse(periodStart) + (hour === null ? DAY : 3_600_000)).toISOString();
      out.push(
        usageRecord(day, price(w, w.model, u), {
          source,
          provider: w.provider,
          model: w.model,
          modelReported: w.model,
          projectId: w.provider === "openai" ? `proj_${w.name.toLowerCase().replace(/\W+/g, "_")}` : null,
          workspaceId: w.provider === "anthropic" ? `ws_${w.name.toLowerCase().replace(/\W+/g, "_")}` : null,
          hour,
          periodStart,
          periodEnd,
          ...u,
          batch: w.tier === "batch",
        }),
      );
    }
  }
  return out;
}

/** Sum of the workload's tokens over the window, priced once: the lever's saving by its published multiplier. */
function windowUsage(w: Workload) {
  const days = SYNTHETIC_WINDOW.days;
  const slots = w.hours?.length ?? 1;
  return usageOf(w, Math.round(w.requests / slots) * slots * days);
}

function injectedSavings(): Injected[] {
  const days = SYNTHETIC_WINDOW.days;
  const monthly = (m: bigint) => perMonth(m, days);
  const by = (name: string) => WORKLOADS.find((w) => w.name === name) as Workload;
  const out: Injected[] = [];
  // Downshift: the same tokens at gpt-4o-mini's list price.
  const tc = by("Ticket classifier");
  out.push({
    type: "downshift",
    subject: tc.name,
    monthlySavingMicros: monthly(price(tc, "gpt-4o", windowUsage(tc)) - price(tc, "gpt-4o-mini", windowUsage(tc))),
  });
  // Batch: half price.
  const ne = by("Nightly enrichment");
  out.push({ type: "batch", subject: ne.name, monthlySavingMicros: monthly(price(ne, ne.model, windowUsage(ne)) / 2n) });
  // Caching: half the input read from cache (one write per ten reads), at the vendor's multipliers.
  const pq = by("Policy Q&A");
  const u = windowUsage(pq);
  const moved = Math.round((u.uncachedInput + u.cacheRead) * THRESHOLDS.caching.targetCacheReadShare) - u.cacheRead;
  const writes = Math.round(moved / THRESHOLDS.caching.readsPerWrite);
  const cachedUsage = { ...u, uncachedInput: u.uncachedInput - moved, cacheRead: u.cacheRead + moved - writes, cacheWrite5m: writes };
  out.push({ type: "caching", subject: pq.name, monthlySavingMicros: monthly(price(pq, pq.model, u) - price(pq, pq.model, cachedUsage)) });
  // Long context: half the premium over the standard tier.
  const cd = by("Contract digest");
  const lc = windowUsage(cd);
  out.push({
    type: "long-context",
    subject: cd.name,
    monthlySavingMicros: monthly((price(cd, cd.model, lc) - price(cd, cd.model, { ...lc, longContext: false })) / 2n),
  });
  // Priority: OpenAI lists priority at 2×.
  const ir = by("Internal research");
  out.push({ type: "priority-tier", subject: ir.name, monthlySavingMicros: monthly(price(ir, ir.model, windowUsage(ir)) / 2n) });
  // Consolidation: the smaller coding-assistant contract ends ($12,000 a year).
  out.push({ type: "consolidation", subject: "Cursor", monthlySavingMicros: 1_000_000_000n });
  return out;
}

/**
 * Loads the synthetic organization into the store (systems, vendors, attribution rules, usage) and
 * returns the injected savings, with the commitment gap of the under-used Anthropic contract.
 */
export async function seedSynthetic(store: Store, orgId: string): Promise<{ injected: Injected[]; controls: string[] }> {
  const actor = { label: "local:synthetic" };
  const records: UsageRecord[] = [];
  for (const w of WORKLOADS) {
    const sys = await store.systems.create(
      orgId,
      SystemCreateSchema.parse({ name: w.name, stage: "production", customerFacing: w.customerFacing ?? false }),
      actor,
    );
    const field = w.provider === "openai" ? "project" : "workspace";
    const value = w.provider === "openai" ? `proj_${w.name.toLowerCase().replace(/\W+/g, "_")}` : `ws_${w.name.toLowerCase().replace(/\W+/g, "_")}`;
    await store.spendRules.createRule(orgId, { field, value, systemId: sys.id }, actor);
    records.push(...recordsOf(w));
  }
  // A key used once in the first week, quiet since: retire it (no dollar figure).
  records.push(
    usageRecord("2026-08-03", 5_000_000n, {
      projectId: null,
      apiKeyHash: hashApiKey("openai", "key_old_hackathon"),
      model: "gpt-4o-mini",
      modelReported: "gpt-4o-mini",
    }),
  );
  const openai = records.filter((r) => r.provider === "openai");
  const anthropic = records.filter((r) => r.provider === "anthropic");
  const file = (source: SpendSource, name: string) => ({ source, fileName: name, fileSha256: "0".repeat(64) });
  await store.spend.importRecords(orgId, file("openai-usage", "openai.json"), openai, actor);
  await store.spend.importRecords(orgId, file("anthropic-usage", "anthropic.json"), anthropic, actor);

  const sum = (rs: UsageRecord[]) => rs.reduce((a, r) => a + (r.listCostMicros ?? 0n), 0n);
  const monthlyUse = (rs: UsageRecord[]) => perMonth(sum(rs), SYNTHETIC_WINDOW.days);
  const contract = (amount: bigint) => ({
    start: "2026-01-01",
    end: "2026-12-31",
    renewalNoticeDate: "2026-12-01",
    // An annual amount with whole cents.
    commitmentAmount: (Number((amount * 12n) / 10_000n) / 100).toFixed(2),
    commitmentCurrency: "USD",
  });
  // Anthropic: committed at 2.5× its usage (under-used). OpenAI: at usage / 0.95 (well used: a control).
  const anthropicCommit = (monthlyUse(anthropic) * 5n) / 2n;
  const openaiCommit = (monthlyUse(openai) * 100n) / 95n;
  const vendors = [
    { name: "Anthropic", services: ["Claude API"], contract: contract(anthropicCommit) },
    { name: "OpenAI", services: ["API platform"], contract: contract(openaiCommit) },
    { name: "GitHub", services: ["GitHub Copilot Business"], contract: { ...contract(0n), commitmentAmount: "24000.00" } },
    { name: "Cursor", services: ["Cursor Business"], contract: { ...contract(0n), commitmentAmount: "12000.00" } },
  ];
  const ids: Record<string, string> = {};
  for (const v of vendors) ids[v.name] = (await store.vendors.create(orgId, VendorCreateSchema.parse({ ...v, dataTerms: { dpaSigned: true } }), actor)).id;
  const stored = (await store.vendors.get(orgId, ids.Anthropic as string))?.contract;
  const committed = (BigInt(Math.round(Number(stored?.commitmentAmount ?? 0) * 100)) * 10_000n * 365n) / (12n * 365n);
  const injected = injectedSavings();
  injected.push({ type: "unused-capacity", subject: "Anthropic", monthlySavingMicros: committed - monthlyUse(anthropic) });
  return {
    injected,
    controls: WORKLOADS.filter((w) => w.control)
      .map((w) => w.name)
      .concat(["OpenAI"]),
  };
}
