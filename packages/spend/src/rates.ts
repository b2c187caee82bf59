import type { NegotiatedRate, NegotiatedRateHook } from "./pricing.js";

/** A stored negotiated rate (see the organization's spend rates). */
export interface RateSetting {
  provider: string;
  model: string | null;
  multiplier: string | null;
  prices: Record<string, string | undefined> | null;
}

/**
 * The pricer hook for an organization's negotiated rates: a model-specific rate wins over the
 * provider-wide one; model names match the catalog's canonical id or the reported id.
 */
export function negotiatedHook(rates: readonly RateSetting[]): NegotiatedRateHook | undefined {
  if (rates.length === 0) return undefined;
  const byKey = new Map<string, NegotiatedRate>();
  for (const r of rates) {
    const rate: NegotiatedRate | undefined = r.multiplier ? { multiplier: r.multiplier } : r.prices ? { prices: r.prices } : undefined;
    if (rate) byKey.set(`${r.provider}\u0000${r.model ?? ""}`, rate);
  }
  return (provider, model) => byKey.get(`${provider}\u0000${model}`) ?? byKey.get(`${provider}\u0000`);
}
