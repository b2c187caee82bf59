import { calcPrice, type ModelPrice, type TieredPrices } from "@pydantic/genai-prices";
import { divRoundHalfEven, toScaled } from "./decimal.js";
import type { ServiceTier, UsageRecord } from "./record.js";
import { TIER_MULTIPLIERS, tierMultiplier } from "./tier-multipliers.js";

/** Prices in USD as decimal strings: tokens per million, searches and requests per thousand. */
export interface UnitPrices {
  inputMtok?: string;
  cacheReadMtok?: string;
  cacheWrite5mMtok?: string;
  cacheWrite1hMtok?: string;
  outputMtok?: string;
  webSearchesKcount?: string;
  requestsKcount?: string;
}

/** A negotiated rate: a multiplier on the catalog price, or explicit prices (missing keys fall back to the catalog). */
export type NegotiatedRate = { multiplier: string } | { prices: UnitPrices };

/** Per-organization hook: the negotiated rate for a provider and model (canonical or reported), if any. */
export type NegotiatedRateHook = (provider: string, model: string) => NegotiatedRate | undefined;

/** The usage figures pricing needs; a {@link UsageRecord} satisfies it. */
export type PricedUsage = Pick<
  UsageRecord,
  "uncachedInput" | "cacheRead" | "cacheWrite5m" | "cacheWrite1h" | "output" | "webSearches" | "requests" | "serviceTier" | "longContext"
>;

/** A priced record. `micros` is USD micro-units, rounded half-even once per record. */
export interface PriceResult {
  micros: bigint;
  basis: "catalog" | "negotiated";
  /** The catalog's model id, or null when only negotiated prices applied. */
  catalogModelId: string | null;
}

/** Prices usage at list (or negotiated) rates. */
export interface Pricer {
  /** The catalog's model id for a reported model, or null when the catalog does not know it. */
  catalogModel(provider: string, model: string, at: Date): string | null;
  /** The cost of the usage, or null when the model has no price for a token type it used. */
  price(provider: string, model: string, at: Date, usage: PricedUsage): PriceResult | null;
}

/** Options of {@link createPricer}. */
export interface PricerOptions {
  negotiated?: NegotiatedRateHook;
  tierMultipliers?: typeof TIER_MULTIPLIERS;
  /** Always compute in bigint (no safe-integer fast path); for checking that path against this one. */
  bigintOnly?: boolean;
}

const TOKEN_KEYS = ["uncachedInput", "cacheRead", "cacheWrite5m", "cacheWrite1h", "output"] as const;

interface UnitCache {
  provider: string;
  tokens: Record<(typeof TOKEN_KEYS)[number], bigint | undefined>;
  search: bigint | undefined;
  perRequest: bigint | undefined;
  tierM: bigint;
  negM: bigint;
  /**
   * The same prices as safe integers when both multipliers are 1 and every price fits in a
   * double exactly (then a record is priced in exact integer arithmetic on doubles; see price).
   */
  plain: { tokens: Record<(typeof TOKEN_KEYS)[number], number | undefined>; search: number | undefined; perRequest: number | undefined } | undefined;
}

/** The index of a context tier and service tier in CatalogEntry.units (-1: not cached there). */
function unitSlot(lc: boolean, tier: ServiceTier): number {
  const base = lc ? 4 : 0;
  switch (tier) {
    case "standard":
      return base;
    case "batch":
      return base + 1;
    case "flex":
      return base + 2;
    case "priority":
      return base + 3;
    default:
      return -1;
  }
}

/** A bigint price as a safe-integer number, or null when it is not one. */
function plainNumber(v: bigint | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

function plainPrices(u: Omit<UnitCache, "plain">): UnitCache["plain"] {
  if (u.tierM !== ONE_MULT || u.negM !== ONE_MULT) return undefined;
  const tokens = {} as Record<(typeof TOKEN_KEYS)[number], number | undefined>;
  for (const k of TOKEN_KEYS) {
    const n = plainNumber(u.tokens[k]);
    if (n === null) return undefined;
    tokens[k] = n;
  }
  const search = plainNumber(u.search);
  const perRequest = plainNumber(u.perRequest);
  if (search === null || perRequest === null) return undefined;
  return { tokens, search, perRequest };
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Sums above this take the bigint path (headroom for the division below). */
const PLAIN_LIMIT = 2 ** 52;

/**
 * The micro-units of a priced sum in nano-dollars × 1e3 … exactly as the bigint path: token
 * counts × nano-prices (+ searches and requests × nano-price × 1000), divided by 1e9 and rounded
 * half-even. Every value is an integer below 2^53, so double arithmetic is exact; returns
 * undefined when a value could leave that range (the caller then uses bigint).
 */
function plainMicros(usage: PricedUsage, p: NonNullable<UnitCache["plain"]>): bigint | null | undefined {
  let sum = 0;
  for (const k of TOKEN_KEYS) {
    const n = usage[k];
    if (n === 0) continue;
    const price = p.tokens[k];
    if (price === undefined) return null;
    if (!(Number.isSafeInteger(n) && n > 0)) return undefined;
    const prod = n * price;
    if (prod > MAX_SAFE) return undefined;
    sum += prod;
  }
  const { webSearches, requests } = usage;
  if (webSearches > 0 && p.search !== undefined) {
    if (!Number.isSafeInteger(webSearches)) return undefined;
    const prod = webSearches * p.search * 1000;
    if (prod > MAX_SAFE) return undefined;
    sum += prod;
  }
  if (requests > 0 && p.perRequest !== undefined) {
    if (!Number.isSafeInteger(requests)) return undefined;
    const prod = requests * p.perRequest * 1000;
    if (prod > MAX_SAFE) return undefined;
    sum += prod;
  }
  if (!(sum <= PLAIN_LIMIT)) return undefined;
  // The multipliers (1e6 each) cancel against the denominator 1e21, leaving a division by 1e9.
  return nanoSumToMicros(sum);
}

/**
 * `sum / 1e9` rounded half to even, for an integer 0 ≤ sum ≤ 2^52: the same as
 * `divRoundHalfEven(BigInt(sum), 10n ** 9n)`, in exact integer arithmetic on doubles.
 */
export function nanoSumToMicros(sum: number): bigint {
  let q = Math.floor(sum / 1e9);
  let r = sum - q * 1e9;
  if (r < 0) {
    q -= 1;
    r += 1e9;
  } else if (r >= 1e9) {
    q += 1;
    r -= 1e9;
  }
  const twice = 2 * r;
  if (twice > 1e9 || (twice === 1e9 && q % 2 === 1)) q += 1;
  return BigInt(q);
}

interface CatalogEntry {
  id: string;
  prices: ModelPrice;
  /** Unit prices without a negotiated rate, by context tier and service tier (see unitSlot). */
  units: (UnitCache | undefined)[];
}

// Prices are scaled to nano-dollars (1e-9) per unit; multipliers to 1e-6.
const PRICE_SCALE = 9;
const MULT_SCALE = 6;
const ONE_MULT = 10n ** BigInt(MULT_SCALE);
// micros = tokens × price$/MTok = tokens × nanoPrice / 1e9; times two multipliers (1e6 each).
const DENOMINATOR = 10n ** BigInt(PRICE_SCALE + 2 * MULT_SCALE);

function isTiered(p: unknown): p is TieredPrices {
  return typeof p === "object" && p !== null && "base" in p && "tiers" in p;
}

/**
 * A catalog price as nano-dollars. Aggregated records do not know each request's prompt size, so
 * tiered (long-context) prices use the base price unless the source marked the usage long-context,
 * in which case the highest tier applies.
 */
function catalogNanos(p: ModelPrice[string], longContext: boolean): bigint | undefined {
  if (p === undefined) return undefined;
  if (typeof p === "number") return toScaled(p, PRICE_SCALE);
  if (isTiered(p)) {
    const top = p.tiers.length > 0 ? p.tiers[p.tiers.length - 1] : undefined;
    return toScaled(longContext && top ? top.price : p.base, PRICE_SCALE);
  }
  return undefined;
}

/**
 * Creates a pricer over the bundled `@pydantic/genai-prices` data (offline; never updated at run
 * time). Costs are computed exactly: each catalog price is converted from its shortest decimal form
 * to an integer, token × price products are summed as bigint, and the sum is divided and rounded
 * half-even to micro-units once per record.
 */
export function createPricer(options: PricerOptions = {}): Pricer {
  // provider → model → UTC day (ms) → entry; nested maps, so a lookup builds no key string.
  const cache = new Map<string, Map<string, Map<number, CatalogEntry | null>>>();
  const tiers = options.tierMultipliers ?? TIER_MULTIPLIERS;

  function lookup(provider: string, model: string, at: Date): CatalogEntry | null {
    // Catalog prices change at most daily: look up once per provider, model and UTC day.
    const t = at.getTime();
    const dayMs = t - (((t % 86_400_000) + 86_400_000) % 86_400_000);
    let byModel = cache.get(provider);
    if (byModel === undefined) {
      byModel = new Map();
      cache.set(provider, byModel);
    }
    let byDay = byModel.get(model);
    if (byDay === undefined) {
      byDay = new Map();
      byModel.set(model, byDay);
    }
    const hit = byDay.get(dayMs);
    if (hit !== undefined) return hit;
    let entry: CatalogEntry | null = null;
    try {
      const r = calcPrice({ input_tokens: 0, output_tokens: 0 }, model, { providerId: provider, timestamp: new Date(dayMs) });
      if (r) entry = { id: r.model.id, prices: r.model_price, units: [] };
    } catch {
      entry = null;
    }
    byDay.set(dayMs, entry);
    return entry;
  }

  // Integer prices per catalog entry, rate, context tier and service tier: converted once, not per record.
  const units = new Map<string, UnitCache>();
  const entryIds = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (m: WeakMap<object, number>, o: object | undefined) => {
    if (!o) return 0;
    const known = m.get(o);
    if (known !== undefined) return known;
    const id = nextId++;
    m.set(o, id);
    return id;
  };
  function unitPrices(entry: CatalogEntry | null, rate: NegotiatedRate | undefined, lc: boolean, provider: string, tier: ServiceTier): UnitCache {
    // Without a negotiated rate, the entry itself holds its unit prices per context and service tier.
    const slot = entry && !rate ? unitSlot(lc, tier) : -1;
    if (slot >= 0) {
      const own = entry?.units[slot];
      if (own !== undefined && own.provider === provider) return own;
    }
    const key = `${idOf(entryIds, entry ?? undefined)}:${rate ? JSON.stringify(rate) : ""}:${lc ? 1 : 0}:${provider}:${tier}`;
    const hit = units.get(key);
    if (hit) {
      if (slot >= 0 && entry) entry.units[slot] = hit;
      return hit;
    }
    const cat = (k: string) => (entry ? catalogNanos(entry.prices[k], lc) : undefined);
    const own = rate && "prices" in rate ? rate.prices : {};
    const nano = (v: string | undefined, fallback: bigint | undefined) => (v !== undefined ? toScaled(v, PRICE_SCALE) : fallback);
    const input = nano(own.inputMtok, cat("input_mtok"));
    const cacheWrite = cat("cache_write_mtok");
    const base = {
      provider,
      tokens: {
        uncachedInput: input,
        cacheRead: nano(own.cacheReadMtok, cat("cache_read_mtok") ?? input),
        cacheWrite5m: nano(own.cacheWrite5mMtok, cat("cache_write_5m_mtok") ?? cacheWrite ?? input),
        cacheWrite1h: nano(own.cacheWrite1hMtok, cat("cache_write_1h_mtok") ?? cacheWrite ?? input),
        output: nano(own.outputMtok, cat("output_mtok")),
      },
      search: nano(own.webSearchesKcount, cat("web_searches_kcount")),
      perRequest: nano(own.requestsKcount, cat("requests_kcount")),
      tierM: toScaled(tierMultiplier(provider, tier, tiers), MULT_SCALE),
      negM: rate && "multiplier" in rate ? toScaled(rate.multiplier, MULT_SCALE) : ONE_MULT,
    };
    const unit: UnitCache = { ...base, plain: plainPrices(base) };
    units.set(key, unit);
    if (slot >= 0 && entry) entry.units[slot] = unit;
    return unit;
  }

  return {
    catalogModel: (provider, model, at) => lookup(provider, model, at)?.id ?? null,
    price(provider, model, at, usage) {
      const entry = lookup(provider, model, at);
      const rate = options.negotiated?.(provider, entry?.id ?? model) ?? (entry ? options.negotiated?.(provider, model) : undefined);
      if (!entry && !(rate && "prices" in rate)) return null;
      const unit = unitPrices(entry, rate, usage.longContext, provider, usage.serviceTier as ServiceTier);
      if (unit.plain !== undefined && !options.bigintOnly) {
        const micros = plainMicros(usage, unit.plain);
        if (micros === null) return null;
        if (micros !== undefined) return { micros, basis: rate ? "negotiated" : "catalog", catalogModelId: entry?.id ?? null };
      }
      let tokenSum = 0n;
      for (const k of TOKEN_KEYS) {
        const n = usage[k];
        if (n === 0) continue;
        const price = unit.tokens[k];
        if (price === undefined) return null;
        tokenSum += BigInt(n) * price;
      }
      // Per-thousand prices: count × price$/K × 1e6 micros / 1e3 = count × nanoPrice / 1e6 → × 1e3 over 1e9.
      let extraSum = 0n;
      if (usage.webSearches > 0 && unit.search !== undefined) extraSum += BigInt(usage.webSearches) * unit.search * 1000n;
      if (usage.requests > 0 && unit.perRequest !== undefined) extraSum += BigInt(usage.requests) * unit.perRequest * 1000n;
      const numerator = tokenSum * unit.tierM * unit.negM + extraSum * ONE_MULT * unit.negM;
      return {
        micros: divRoundHalfEven(numerator, DENOMINATOR),
        basis: rate ? "negotiated" : "catalog",
        catalogModelId: entry?.id ?? null,
      };
    },
  };
}
