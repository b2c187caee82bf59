import type { ServiceTier } from "./record.js";

/**
 * Service-tier multipliers on list token prices, per catalog provider id, as decimal strings.
 * The catalog (`@pydantic/genai-prices`) has no batch, flex or priority prices, so they live here.
 * Sources (see ../shared/reference/spend-data.md §3):
 * - batch 0.5: OpenAI Batch API, Anthropic Message Batches, Gemini Batch Mode / Vertex batch
 *   prediction, Bedrock batch inference, Azure Global Batch — all "50% off".
 * - OpenAI flex 0.5 and priority 2: LiteLLM price data (gpt-5.5 flex 2.5e-6 vs 5e-6; priority ≈2×).
 * - Anthropic Priority Tier is sold by commitment with no public per-token multiplier: priced at
 *   standard list (1). A tier without an entry (and `unknown`) is priced at 1.
 */
export const TIER_MULTIPLIERS: Readonly<Record<string, Readonly<Partial<Record<ServiceTier, string>>>>> = {
  openai: { batch: "0.5", flex: "0.5", priority: "2" },
  anthropic: { batch: "0.5" },
  google: { batch: "0.5" },
  "google-vertex": { batch: "0.5" },
  aws: { batch: "0.5" },
  azure: { batch: "0.5" },
};

/** The multiplier for a provider and tier ("1" when none is documented); batch defaults to 0.5. */
export function tierMultiplier(provider: string, tier: ServiceTier, table = TIER_MULTIPLIERS): string {
  const own = table[provider]?.[tier];
  if (own !== undefined) return own;
  return tier === "batch" ? "0.5" : "1";
}
