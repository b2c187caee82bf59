import { createHash } from "node:crypto";
import type { EvidenceItem } from "@caio/core";
import { decimalToMicros } from "@caio/core";
import { divRoundHalfEven } from "../decimal.js";
import type { PricedUsage } from "../pricing.js";
import type { ServiceTier } from "../record.js";
import { BATCH_PROVIDERS, CAPABILITIES, CLOUD_PROVIDERS, DOWNSHIFT_TARGETS, THRESHOLDS } from "./rules.js";
import type { ComputedRecommendation, OptimizerInput, SliceInput, SystemFacts, VendorFacts } from "./types.js";

const T = THRESHOLDS;
const MIN_SAVING = BigInt(T.minMonthlySavingUsd) * 1_000_000n;

/** One workload: a system's (or, unattributed, a project's) usage of one model. */
interface Workload {
  key: string;
  system: SystemFacts | null;
  systemName: string | null;
  scope: string | null;
  provider: string;
  model: string;
  slices: SliceInput[];
  cost: bigint;
  requests: number;
  input: number;
  cacheRead: number;
  output: number;
}

/** A stable 16-hex id for a recommendation's type and scope. */
export function recommendationId(type: string, key: string): string {
  return createHash("sha256").update(`${type}\u0000${key}`).digest("hex").slice(0, 16);
}

/** Micro-dollars over the window as micro-dollars per average month (365/12 days). */
export function perMonth(micros: bigint, days: number): bigint {
  return divRoundHalfEven(micros * 365n, 12n * BigInt(days));
}

/** Display only: "$1,234.56". */
export function usd(micros: bigint): string {
  const cents = divRoundHalfEven(micros, 10_000n);
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = (abs / 100n).toLocaleString("en-US");
  return `${neg ? "-" : ""}$${whole}.${String(abs % 100n).padStart(2, "0")}`;
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (f: number) => `${(f * 100).toFixed(f < 0.1 ? 1 : 0)}%`;

/** True when a system may be high-risk: a classification says so, or it decides about people (or informs decisions on sensitive data). */
export function mayBeHighRisk(s: SystemFacts | null): boolean {
  if (!s) return false;
  if (s.highRisk !== undefined) return s.highRisk;
  return (
    s.decisionsAffectingPeople === "decides" ||
    (s.decisionsAffectingPeople === "informs" && s.personalData.some((p) => p === "special-category" || p === "children"))
  );
}

function usageOf(s: SliceInput): PricedUsage {
  return {
    uncachedInput: Number(s.uncachedInput),
    cacheRead: Number(s.cacheRead),
    cacheWrite5m: Number(s.cacheWrite5m),
    cacheWrite1h: Number(s.cacheWrite1h),
    output: Number(s.output),
    webSearches: 0,
    requests: Number(s.requests),
    serviceTier: s.serviceTier as ServiceTier,
    longContext: s.longContext,
  };
}

const totalIn = (u: PricedUsage) => u.uncachedInput + u.cacheRead + u.cacheWrite5m + u.cacheWrite1h;

function groupWorkloads(input: OptimizerInput): Workload[] {
  const systems = new Map(input.systems.map((s) => [s.id, s]));
  const byKey = new Map<string, Workload>();
  for (const s of input.slices) {
    const owner = s.systemId ? `system:${s.systemId}` : `scope:${s.scope ?? ""}`;
    const key = `${owner}|${s.provider}|${s.model}`;
    let w = byKey.get(key);
    if (!w) {
      w = {
        key,
        system: s.systemId ? (systems.get(s.systemId) ?? null) : null,
        systemName: s.systemName,
        scope: s.systemId ? null : s.scope,
        provider: s.provider,
        model: s.model,
        slices: [],
        cost: 0n,
        requests: 0,
        input: 0,
        cacheRead: 0,
        output: 0,
      };
      byKey.set(key, w);
    }
    const u = usageOf(s);
    w.slices.push(s);
    w.cost += BigInt(s.costMicros);
    w.requests += u.requests;
    w.input += totalIn(u);
    w.cacheRead += u.cacheRead;
    w.output += u.output;
  }
  return [...byKey.values()];
}

/** A saving over the window below the monthly minimum is noise. */
function tooSmall(input: OptimizerInput, windowSaving: bigint): boolean {
  return perMonth(windowSaving, input.window.days) < MIN_SAVING;
}

interface Counterfactual {
  baseline: bigint;
  projected: bigint;
}

/**
 * Prices a change: each slice's counted cost is scaled by (list price after / list price before),
 * both from the catalog at the window's end, so billed rates and discounts carry over. Null when
 * any slice cannot be priced either way.
 */
function counterfactual(
  input: OptimizerInput,
  w: Workload,
  slices: readonly SliceInput[],
  change: (u: PricedUsage) => { model?: string; usage: PricedUsage },
): Counterfactual | null {
  const at = new Date(`${input.window.to}T00:00:00Z`);
  let baseline = 0n;
  let projected = 0n;
  for (const s of slices) {
    const u = usageOf(s);
    const cost = BigInt(s.costMicros);
    const before = input.pricer.price(w.provider, w.model, at, u);
    const next = change(u);
    const after = input.pricer.price(w.provider, next.model ?? w.model, at, next.usage);
    if (!before || !after) return null;
    if (before.micros === 0n) {
      if (cost === 0n) continue;
      return null;
    }
    baseline += cost;
    projected += divRoundHalfEven(cost * after.micros, before.micros);
  }
  return { baseline, projected };
}

function labelOf(w: Workload): string {
  if (w.system) return w.system.name;
  if (w.systemName) return w.systemName;
  return w.scope ? `project ${w.scope}` : `unattributed ${w.provider} usage`;
}

function baseRec(
  input: OptimizerInput,
  w: Workload,
  type: ComputedRecommendation["type"],
  cf: Counterfactual,
): Pick<
  ComputedRecommendation,
  "id" | "type" | "systems" | "scope" | "providers" | "models" | "vendors" | "baselineMonthlyMicros" | "projectedMonthlyMicros" | "spendQuery" | "workloadKey"
> {
  const days = input.window.days;
  return {
    id: recommendationId(type, w.key),
    type,
    systems: w.system ? [{ id: w.system.id, name: w.system.name }] : [],
    scope: w.system ? `system ${w.system.name}` : labelOf(w),
    providers: [w.provider],
    models: [w.model],
    vendors: [],
    baselineMonthlyMicros: perMonth(cf.baseline, days),
    projectedMonthlyMicros: perMonth(cf.projected, days),
    spendQuery: { by: w.system ? "system" : "project", from: input.window.from, to: input.window.to },
    workloadKey: w.key,
  };
}

function windowEvidence(input: OptimizerInput, w: Workload): EvidenceItem[] {
  return [
    { label: "Window", value: `${input.window.from} to ${input.window.to} (${input.window.days} days)` },
    { label: `Counted spend on ${w.model} in the window`, value: usd(w.cost) },
    { label: "Requests", value: int(w.requests) },
  ];
}

function downshift(input: OptimizerInput, w: Workload): ComputedRecommendation | null {
  const target = DOWNSHIFT_TARGETS.find((t) => t.provider === w.provider && t.from.test(w.model));
  if (!target || w.requests === 0 || w.input === 0) return null;
  const monthlyRequests = (w.requests * 365) / (12 * input.window.days);
  const avgOut = w.output / w.requests;
  const ratio = w.output / w.input;
  const d = T.downshift;
  if (monthlyRequests < d.minMonthlyRequests || avgOut > d.maxAvgOutputTokens || ratio > d.maxOutputInputRatio) return null;
  const cf = counterfactual(input, w, w.slices, (u) => ({ model: target.to, usage: u }));
  if (!cf || tooSmall(input, cf.baseline - cf.projected)) return null;
  const highRisk = mayBeHighRisk(w.system);
  const who = labelOf(w);
  return {
    ...baseRec(input, w, "downshift", cf),
    title: `${who}: move ${w.model} to ${target.to}`,
    action: `Evaluate ${target.to} on ${who}'s traffic; switch if quality holds.`,
    confidence: highRisk ? "low" : "medium",
    assumptions: [
      `The usage looks like classification, extraction or short answers: ${int(avgOut)} output tokens per request (threshold ${d.maxAvgOutputTokens}) and ${ratio.toFixed(2)} output tokens per input token (threshold ${d.maxOutputInputRatio}).`,
      `The same tokens are priced at ${target.to}'s list price, keeping today's billed-to-list ratio. ${target.label}.`,
      "Verify quality first: a smaller model may need prompt changes or a fallback to the larger model for hard cases.",
      ...(highRisk
        ? ["The system may be high-risk (it decides about people or handles sensitive data): a model change needs re-validation and sign-off before it ships."]
        : []),
    ],
    evidence: [
      ...windowEvidence(input, w),
      { label: "Requests per month", value: int(monthlyRequests) },
      { label: "Average output per request", value: `${int(avgOut)} tokens` },
      { label: "Output / input tokens", value: ratio.toFixed(3) },
    ],
    evaluationPlan: [
      `Sample 300 recent requests of ${who} with the outputs ${w.model} gave.`,
      `Replay them on ${target.to} with the same prompts and settings.`,
      "Score both on the task's own measure (exact match for labels, field accuracy for extraction, owner review for answers).",
      "Switch when the smaller model is within the agreed tolerance; roll out behind a flag and watch error reports for two weeks.",
    ],
    requiresRevalidation: highRisk,
  };
}

/** The largest share of tokens in any run of `width` consecutive UTC hours (wrapping midnight). */
export function peakWindowShare(byHour: readonly number[], width: number): { share: number; start: number } {
  const total = byHour.reduce((a, b) => a + b, 0);
  if (total === 0) return { share: 0, start: 0 };
  let best = { share: 0, start: 0 };
  for (let h = 0; h < 24; h++) {
    let sum = 0;
    for (let k = 0; k < width; k++) sum += byHour[(h + k) % 24] ?? 0;
    // On a tie, prefer the window that starts with traffic (01:00–05:00 rather than 00:00–04:00).
    const tieBetter = sum / total === best.share && (byHour[h] ?? 0) > 0 && (byHour[best.start] ?? 0) === 0;
    if (sum / total > best.share || tieBetter) best = { share: sum / total, start: h };
  }
  return best;
}

function batch(input: OptimizerInput, w: Workload): ComputedRecommendation | null {
  const offer = BATCH_PROVIDERS[w.provider];
  if (!offer) return null;
  const eligible = w.slices.filter((s) => !s.batch && s.serviceTier !== "batch" && s.serviceTier !== "flex");
  if (eligible.length === 0) return null;
  const tagged = eligible.filter((s) => s.batchTagged);
  let slices: SliceInput[];
  let why: string;
  let evidence: EvidenceItem[] = [];
  let confidence: ComputedRecommendation["confidence"];
  if (tagged.length > 0) {
    slices = tagged;
    why = "Its requests are tagged as batch, nightly, offline or scheduled work, yet they run at the interactive price.";
    confidence = "high";
  } else {
    if (w.system?.customerFacing) return null;
    const hourly = w.slices.filter((s) => s.hour !== null);
    if (hourly.length === 0) return null;
    const byHour = new Array<number>(24).fill(0);
    let hourlyDays = 0;
    for (const s of hourly) {
      const u = usageOf(s);
      byHour[s.hour as number] = (byHour[s.hour as number] ?? 0) + totalIn(u) + u.output;
      hourlyDays = Math.max(hourlyDays, s.days);
    }
    const peak = peakWindowShare(byHour, T.batch.windowHours);
    if (hourlyDays < T.batch.minHourlyDays || peak.share < T.batch.minShareInWindow) return null;
    slices = eligible;
    const end = (peak.start + T.batch.windowHours) % 24;
    why = `${pct(peak.share)} of its tokens arrive between ${String(peak.start).padStart(2, "0")}:00 and ${String(end).padStart(2, "0")}:00 UTC: a scheduled bulk pattern, not people waiting for answers.`;
    evidence = [
      { label: `Share of tokens in the busiest ${T.batch.windowHours} hours`, value: pct(peak.share) },
      { label: "Days with hourly data", value: String(hourlyDays) },
    ];
    confidence = "medium";
  }
  const cf = counterfactual(input, w, slices, (u) => ({ usage: { ...u, serviceTier: "batch" } }));
  if (!cf || tooSmall(input, cf.baseline - cf.projected)) return null;
  const who = labelOf(w);
  return {
    ...baseRec(input, w, "batch", cf),
    title: `${who}: send ${w.model} jobs through the batch API`,
    action: `Move ${who}'s non-interactive ${w.model} requests to the provider's batch tier.`,
    confidence,
    assumptions: [
      why,
      `${offer}; results can take up to 24 hours, so only work nobody waits on qualifies.`,
      "Only requests not already sent as batch or flex are counted.",
    ],
    evidence: [...windowEvidence(input, w), { label: "Cost of the eligible requests in the window", value: usd(cf.baseline) }, ...evidence],
    evaluationPlan: [],
    requiresRevalidation: false,
  };
}

function caching(input: OptimizerInput, w: Workload): ComputedRecommendation | null {
  if (w.requests === 0 || w.input === 0) return null;
  const avgIn = w.input / w.requests;
  const share = w.cacheRead / w.input;
  const c = T.caching;
  if (avgIn < c.minAvgInputTokens || share >= c.maxCacheReadShare) return null;
  // The vendor must discount cached input for this model.
  const at = new Date(`${input.window.to}T00:00:00Z`);
  const probe = (k: "uncachedInput" | "cacheRead") =>
    input.pricer.price(w.provider, w.model, at, {
      uncachedInput: 0,
      cacheRead: 0,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: 0,
      webSearches: 0,
      requests: 0,
      serviceTier: "standard",
      longContext: false,
      [k]: 1_000_000,
    })?.micros;
  const full = probe("uncachedInput");
  const read = probe("cacheRead");
  if (full === undefined || read === undefined || read >= full) return null;
  const cf = counterfactual(input, w, w.slices, (u) => {
    const all = totalIn(u);
    const add = Math.min(u.uncachedInput, Math.max(0, Math.round(all * c.targetCacheReadShare) - u.cacheRead));
    const writes = Math.round(add / c.readsPerWrite);
    return { usage: { ...u, uncachedInput: u.uncachedInput - add, cacheRead: u.cacheRead + add - writes, cacheWrite5m: u.cacheWrite5m + writes } };
  });
  if (!cf || tooSmall(input, cf.baseline - cf.projected)) return null;
  const who = labelOf(w);
  const readRatio = Number(read) / Number(full);
  return {
    ...baseRec(input, w, "caching", cf),
    title: `${who}: cache the repeated prompt prefix on ${w.model}`,
    action: `Put ${who}'s stable prompt parts (system prompt, tools, examples, documents) first and enable prompt caching.`,
    confidence: "medium",
    assumptions: [
      `Requests average ${int(avgIn)} input tokens but only ${pct(share)} of input is read from the cache.`,
      `Half of the input is assumed cacheable; each cached prefix is written once per ${c.readsPerWrite} reads. Cached input costs ${readRatio.toFixed(2)}× the normal input price on ${w.model}; writes are priced at the vendor's cache-write rate.`,
    ],
    evidence: [
      ...windowEvidence(input, w),
      { label: "Average input per request", value: `${int(avgIn)} tokens` },
      { label: "Cache-read share of input", value: pct(share) },
    ],
    evaluationPlan: [],
    requiresRevalidation: false,
  };
}

function longContext(input: OptimizerInput, w: Workload): ComputedRecommendation | null {
  const slices = w.slices.filter((s) => s.longContext);
  if (slices.length === 0) return null;
  const cf = counterfactual(input, w, slices, (u) => ({ usage: { ...u, longContext: false } }));
  if (!cf) return null;
  const premium = cf.baseline - cf.projected;
  const share = T.longContext.recoverableShare;
  const saving = (premium * BigInt(Math.round(share * 100))) / 100n;
  if (tooSmall(input, saving)) return null;
  const who = labelOf(w);
  return {
    ...baseRec(input, w, "long-context", { baseline: cf.baseline, projected: cf.baseline - saving }),
    title: `${who}: trim prompts that cross ${w.model}'s long-context price tier`,
    action: `Split or trim ${who}'s prompts above the long-context threshold (retrieve fewer, shorter passages; summarize history).`,
    confidence: "low",
    assumptions: [
      `Usage priced at the long-context tier costs ${usd(cf.baseline)} in the window, of which ${usd(premium)} is the premium over the standard tier.`,
      `${pct(share)} of that usage is assumed to fit the standard tier after trimming or splitting.`,
    ],
    evidence: [...windowEvidence(input, w), { label: "Long-context cost in the window", value: usd(cf.baseline) }],
    evaluationPlan: ["Check answer quality on the trimmed prompts for a sample of long documents before rolling out."],
    requiresRevalidation: false,
  };
}

function priority(input: OptimizerInput, w: Workload): ComputedRecommendation | null {
  if (w.system?.customerFacing) return null;
  const slices = w.slices.filter((s) => s.serviceTier === "priority");
  if (slices.length === 0) return null;
  const cf = counterfactual(input, w, slices, (u) => ({ usage: { ...u, serviceTier: "standard" } }));
  if (!cf || tooSmall(input, cf.baseline - cf.projected)) return null;
  const who = labelOf(w);
  return {
    ...baseRec(input, w, "priority-tier", cf),
    title: `${who}: use the standard tier instead of priority on ${w.model}`,
    action: `Send ${who}'s ${w.model} requests at the standard service tier.`,
    confidence: "medium",
    assumptions: [
      w.system ? `${w.system.name} is not customer-facing, so nobody outside waits on its latency.` : "The usage belongs to no customer-facing system.",
      "Priority processing is priced at a premium over standard (OpenAI about 2×); standard latency is assumed acceptable.",
    ],
    evidence: [...windowEvidence(input, w), { label: "Priority-tier cost in the window", value: usd(cf.baseline) }],
    evaluationPlan: [],
    requiresRevalidation: false,
  };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A contract's commitment per average month, in micro-USD; null when not comparable. */
export function monthlyCommitment(v: VendorFacts): bigint | null {
  const c = v.contract;
  if (!c.commitmentAmount || c.commitmentCurrency !== "USD") return null;
  const total = decimalToMicros(c.commitmentAmount);
  const termDays = c.start && c.end ? daysBetween(c.start, c.end) + 1 : 365;
  if (termDays <= 0) return null;
  return divRoundHalfEven(total * 365n, 12n * BigInt(termDays));
}

function commitments(input: OptimizerInput): ComputedRecommendation[] {
  const out: ComputedRecommendation[] = [];
  const to = input.window.to;
  // Only usage caio sees can be compared with a commitment: seats and subscriptions leave no usage records.
  const seen = new Set(input.activity.map((a) => a.provider));
  for (const v of input.vendors) {
    if (!v.providers.some((p) => seen.has(p))) continue;
    const monthly = monthlyCommitment(v);
    if (monthly === null || monthly === 0n || v.providers.length === 0) continue;
    if (v.providers.every((p) => CLOUD_PROVIDERS.has(p))) continue;
    const c = v.contract;
    if ((c.start && c.start > to) || (c.end && c.end < to)) continue;
    let used = 0n;
    for (const s of input.slices) if (v.providers.includes(s.provider)) used += BigInt(s.costMicros);
    const usedMonthly = perMonth(used, input.window.days);
    if (usedMonthly * 100n >= monthly * BigInt(Math.round(T.commitment.maxUsedShare * 100))) continue;
    const decisionDay = c.renewalNoticeDate ?? c.end;
    const soon = decisionDay !== null && daysBetween(to, decisionDay) <= T.commitment.renewalWindowDays;
    const seats = v.services.some((s) => CAPABILITIES.some((cap) => cap.id === "chat-assistant" && cap.match.test(s)));
    out.push({
      id: recommendationId("unused-capacity", `vendor:${v.id}`),
      type: "unused-capacity",
      title: `${v.name}: commitment used at ${pct(Number(usedMonthly) / Number(monthly))}`,
      action: soon
        ? `Renegotiate ${v.name}'s commitment down to usage before ${decisionDay}.`
        : `Right-size ${v.name}'s commitment to usage at renewal${c.end ? ` (${c.end})` : ""}.`,
      systems: [],
      scope: `vendor ${v.name}`,
      providers: [...v.providers],
      models: [],
      vendors: [v.name],
      baselineMonthlyMicros: monthly,
      projectedMonthlyMicros: usedMonthly,
      confidence: soon ? "high" : "medium",
      assumptions: [
        `The commitment of ${c.commitmentAmount} USD${c.start && c.end ? ` over ${c.start} to ${c.end}` : " per year"} is ${usd(monthly)} per month; usage under ${v.providers.join(", ")} was ${usd(usedMonthly)} per month in the window.`,
        "A commitment sized to usage stops paying for capacity nobody uses; the figure assumes usage stays at today's level.",
        ...(seats ? [`The contract also covers seats (${v.services.join(", ")}): subtract their cost before renegotiating.`] : []),
        ...(soon ? [`The renewal decision is due ${decisionDay}, within ${T.commitment.renewalWindowDays} days.`] : []),
      ],
      evidence: [
        { label: "Window", value: `${input.window.from} to ${input.window.to} (${input.window.days} days)` },
        { label: "Commitment per month", value: usd(monthly) },
        { label: "Usage per month", value: usd(usedMonthly) },
        ...(c.end ? [{ label: "Contract end", value: c.end }] : []),
        ...(c.renewalNoticeDate ? [{ label: "Renewal notice date", value: c.renewalNoticeDate }] : []),
      ],
      evaluationPlan: [],
      requiresRevalidation: false,
      spendQuery: { by: "provider", from: input.window.from, to: input.window.to },
      workloadKey: null,
    });
  }
  return out;
}

function quietKeys(input: OptimizerInput): ComputedRecommendation[] {
  const cutoff = new Date(Date.parse(`${input.window.to}T00:00:00Z`) - T.quiet.quietDays * 86_400_000).toISOString().slice(0, 10);
  const byProvider = new Map<string, Map<string, { field: string; value: string; lastDay: string }>>();
  const lastSeen = new Map<string, string>();
  for (const a of input.activity) {
    if (a.field === "none" || !a.value) continue;
    const k = `${a.provider}\u0000${a.field}\u0000${a.value}`;
    const prev = lastSeen.get(k);
    if (!prev || a.lastDay > prev) lastSeen.set(k, a.lastDay);
  }
  for (const [k, last] of lastSeen) {
    if (last >= cutoff) continue;
    const [provider = "", field = "", value = ""] = k.split("\u0000");
    const m = byProvider.get(provider) ?? new Map();
    m.set(k, { field, value, lastDay: last });
    byProvider.set(provider, m);
  }
  const out: ComputedRecommendation[] = [];
  for (const [provider, items] of byProvider) {
    const list = [...items.values()].sort((a, b) => a.lastDay.localeCompare(b.lastDay));
    const keys = list.filter((i) => i.field === "api_key").length;
    const projects = list.length - keys;
    const parts = [keys ? `${keys} API key${keys === 1 ? "" : "s"}` : "", projects ? `${projects} project${projects === 1 ? "" : "s"}` : ""].filter(Boolean);
    out.push({
      id: recommendationId("unused-capacity", `quiet:${provider}:${list.map((i) => `${i.field}=${i.value}`).join(",")}`),
      type: "unused-capacity",
      title: `${provider}: retire ${parts.join(" and ")} with no traffic for ${T.quiet.quietDays}+ days`,
      action: `Revoke the quiet ${provider} keys and archive the quiet projects (or re-attribute them if still needed).`,
      systems: [],
      scope: `${provider} keys and projects`,
      providers: [provider],
      models: [],
      vendors: [],
      baselineMonthlyMicros: 0n,
      projectedMonthlyMicros: 0n,
      confidence: "high",
      assumptions: ["No direct saving: idle keys and projects are exposure (a leaked key still works) and clutter attribution."],
      evidence: list.map((i) => ({
        label: i.field === "api_key" ? `API key sha256:${i.value.slice(0, 12)}…` : `${i.field} ${i.value}`,
        value: `last traffic ${i.lastDay}`,
      })),
      evaluationPlan: [],
      requiresRevalidation: false,
      spendQuery: null,
      workloadKey: null,
    });
  }
  return out;
}

function consolidation(input: OptimizerInput): ComputedRecommendation[] {
  const out: ComputedRecommendation[] = [];
  for (const cap of CAPABILITIES) {
    const vendors = input.vendors.filter((v) => v.services.some((s) => cap.match.test(s)) || cap.match.test(v.name));
    if (vendors.length < 2) continue;
    // Only a contract that buys nothing but this capability can be ended as a whole.
    const dedicated = (v: VendorFacts) => v.services.length > 0 && v.services.every((s) => cap.match.test(s));
    const priced = vendors.map((v) => ({ v, monthly: dedicated(v) ? (monthlyCommitment(v) ?? 0n) : 0n }));
    priced.sort((a, b) => (b.monthly > a.monthly ? 1 : b.monthly < a.monthly ? -1 : a.v.name.localeCompare(b.v.name)));
    const [keep, ...rest] = priced;
    if (!keep) continue;
    const saving = rest.reduce((a, r) => a + r.monthly, 0n);
    const total = priced.reduce((a, r) => a + r.monthly, 0n);
    if (saving === 0n) continue;
    out.push({
      id: recommendationId(
        "consolidation",
        `${cap.id}:${vendors
          .map((v) => v.id)
          .sort()
          .join(",")}`,
      ),
      type: "consolidation",
      title: `${vendors.length} vendors sell the company ${cap.label}`,
      action: `Standardize ${cap.label} on ${keep.v.name} and end ${rest.map((r) => r.v.name).join(", ")} at renewal.`,
      systems: [],
      scope: cap.label,
      providers: [],
      models: [],
      vendors: vendors.map((v) => v.name),
      baselineMonthlyMicros: total,
      projectedMonthlyMicros: total - saving,
      confidence: "low",
      assumptions: [
        `${vendors.map((v) => `${v.name} (${v.services.filter((s) => cap.match.test(s)).join(", ") || v.name})`).join(", ")} overlap.`,
        `The saving is the contracts that would end (${usd(saving)} per month); if their users need extra seats on ${keep.v.name}, subtract that cost.`,
      ],
      evidence: priced.map((r) => ({ label: r.v.name, value: r.monthly > 0n ? `${usd(r.monthly)} per month` : "no separate commitment on record" })),
      evaluationPlan: [],
      requiresRevalidation: false,
      spendQuery: null,
      workloadKey: null,
    });
  }
  return out;
}

/**
 * Computes savings recommendations from counted usage over a window, the inventory, vendor
 * contracts and the price catalog. Pure: the same input gives the same output.
 */
export function optimize(input: OptimizerInput): ComputedRecommendation[] {
  const recs: ComputedRecommendation[] = [];
  for (const w of groupWorkloads(input)) {
    for (const rule of [downshift, batch, caching, longContext, priority]) {
      const r = rule(input, w);
      if (r) recs.push(r);
    }
  }
  recs.push(...commitments(input), ...consolidation(input), ...quietKeys(input));
  const saving = (r: ComputedRecommendation) => r.baselineMonthlyMicros - r.projectedMonthlyMicros;
  return recs.sort((a, b) => (saving(b) > saving(a) ? 1 : saving(b) < saving(a) ? -1 : a.id.localeCompare(b.id)));
}
