import { calcPrice } from "@pydantic/genai-prices";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divRoundHalfEven } from "./decimal.js";
import { createPricer, nanoSumToMicros, type PricedUsage } from "./pricing.js";
import { tierMultiplier } from "./tier-multipliers.js";

const at = new Date("2025-11-01T00:00:00Z");
const zero: PricedUsage = {
  uncachedInput: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 0,
  webSearches: 0,
  requests: 0,
  serviceTier: "standard",
  longContext: false,
};
const usage = (u: Partial<PricedUsage>): PricedUsage => ({ ...zero, ...u });

describe("pricing (hand-computed)", () => {
  const pricer = createPricer();

  it("Claude Sonnet 4: uncached, cache read, 5 min and 1 h cache writes, output", () => {
    // $3 in, $0.30 read, $3.75 write 5m, $6 write 1h, $15 out per MTok:
    // 500k×3 + 200k×0.3 + 200k×3.75 + 100k×6 + 100k×15 = 1.5 + 0.06 + 0.75 + 0.6 + 1.5 = $4.41
    const u = usage({ uncachedInput: 500_000, cacheRead: 200_000, cacheWrite5m: 200_000, cacheWrite1h: 100_000, output: 100_000 });
    const r = pricer.price("anthropic", "claude-sonnet-4-20250514", at, u);
    expect(r).toEqual({ micros: 4_410_000n, basis: "catalog", catalogModelId: "claude-sonnet-4-0" });
    // Agrees with the library's own (float) calculation; its input_tokens is the total incl. cache partitions.
    const lib = calcPrice(
      { input_tokens: 1_000_000, cache_read_tokens: 200_000, cache_write_tokens: 300_000, cache_write_1h_tokens: 100_000, output_tokens: 100_000 },
      "claude-sonnet-4-20250514",
      { providerId: "anthropic", timestamp: at },
    );
    expect(lib?.total_price).toBeCloseTo(4.41, 9);
  });

  it("Anthropic batch halves tokens; web searches are $10 per 1,000 and not discounted", () => {
    // Haiku 4.5: 1M in × $1 + 1M out × $5 = $6, batch → $3; 10 searches × $0.01 = $0.10.
    const r = pricer.price(
      "anthropic",
      "claude-haiku-4-5-20251001",
      at,
      usage({ uncachedInput: 1_000_000, output: 1_000_000, webSearches: 10, serviceTier: "batch" }),
    );
    expect(r?.micros).toBe(3_100_000n);
  });

  it("gpt-4o-mini batch with cached input", () => {
    // (1M × 0.15 + 1M × 0.075 + 1M × 0.60) × 0.5 = 0.4125
    const r = pricer.price(
      "openai",
      "gpt-4o-mini-2024-07-18",
      at,
      usage({ uncachedInput: 1_000_000, cacheRead: 1_000_000, output: 1_000_000, serviceTier: "batch" }),
    );
    expect(r?.micros).toBe(412_500n);
  });

  it("OpenAI flex and priority multipliers", () => {
    // gpt-5: 1M in × 1.25 + 100k out × 10 = 2.25; flex 1.125; priority 4.5
    const u = { uncachedInput: 1_000_000, output: 100_000 };
    expect(pricer.price("openai", "gpt-5", at, usage(u))?.micros).toBe(2_250_000n);
    expect(pricer.price("openai", "gpt-5", at, usage({ ...u, serviceTier: "flex" }))?.micros).toBe(1_125_000n);
    expect(pricer.price("openai", "gpt-5", at, usage({ ...u, serviceTier: "priority" }))?.micros).toBe(4_500_000n);
    expect(tierMultiplier("anthropic", "priority")).toBe("1");
    expect(tierMultiplier("somevendor", "batch")).toBe("0.5");
  });

  it("long-context usage uses the upper tier", () => {
    // Sonnet 4.5 above 200k: $6 in, $22.50 out → 1M × 6 + 100k × 22.5 = 8.25; base: 3 + 1.5 = 4.5
    const u = { uncachedInput: 1_000_000, output: 100_000 };
    expect(pricer.price("anthropic", "claude-sonnet-4-5-20250929", at, usage(u))?.micros).toBe(4_500_000n);
    expect(pricer.price("anthropic", "claude-sonnet-4-5-20250929", at, usage({ ...u, longContext: true }))?.micros).toBe(8_250_000n);
  });

  it("rounds half to even once per record", () => {
    // gpt-4o-mini input $0.15/MTok: 10 tokens = 1.5 micros → 2; 30 tokens = 4.5 → 4; 3 tokens = 0.45 → 0
    expect(pricer.price("openai", "gpt-4o-mini", at, usage({ uncachedInput: 10 }))?.micros).toBe(2n);
    expect(pricer.price("openai", "gpt-4o-mini", at, usage({ uncachedInput: 30 }))?.micros).toBe(4n);
    expect(pricer.price("openai", "gpt-4o-mini", at, usage({ uncachedInput: 3 }))?.micros).toBe(0n);
  });

  it("unknown models are not priced", () => {
    expect(pricer.price("openai", "no-such-model-xyz", at, usage({ uncachedInput: 1 }))).toBeNull();
    expect(pricer.catalogModel("openai", "no-such-model-xyz", at)).toBeNull();
  });
});

describe("negotiated rates", () => {
  it("a multiplier overrides list price", () => {
    const pricer = createPricer({ negotiated: (p, m) => (p === "anthropic" && m === "claude-opus-4-5" ? { multiplier: "0.8" } : undefined) });
    // Opus 4.5: 1M × $5 = $5 × 0.8 = $4
    expect(pricer.price("anthropic", "claude-opus-4-5-20251101", at, usage({ uncachedInput: 1_000_000 }))).toEqual({
      micros: 4_000_000n,
      basis: "negotiated",
      catalogModelId: "claude-opus-4-5",
    });
  });
  it("explicit prices price a model the catalog lacks, and stack with batch", () => {
    const pricer = createPricer({ negotiated: (_p, m) => (m === "acme-llm" ? { prices: { inputMtok: "0.2", outputMtok: "0.8" } } : undefined) });
    const u = usage({ uncachedInput: 1_000_000, output: 1_000_000 });
    expect(pricer.price("acme", "acme-llm", at, u)?.micros).toBe(1_000_000n);
    expect(pricer.price("acme", "acme-llm", at, { ...u, serviceTier: "batch" })?.micros).toBe(500_000n);
    // cache reads fall back to the input price when no read price is set
    expect(pricer.price("acme", "acme-llm", at, usage({ cacheRead: 1_000_000 }))?.micros).toBe(200_000n);
  });
});

describe("pricing in exact integer arithmetic on doubles", () => {
  it("nanoSumToMicros rounds half to even exactly as the bigint division does", () => {
    const check = (sum: number) => expect(nanoSumToMicros(sum)).toBe(divRoundHalfEven(BigInt(sum), 1_000_000_000n));
    for (const k of [0, 1, 2, 3, 7, 4_503_599, 4_503_598]) {
      for (const d of [-1, 0, 1, 499_999_999, 500_000_000, 500_000_001, 999_999_999]) {
        const sum = k * 1e9 + d;
        if (sum >= 0 && sum <= 2 ** 52) check(sum);
      }
    }
    check(2 ** 52);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), (sum) => {
        check(sum);
      }),
      { numRuns: 2000 },
    );
  });

  it("prices any usage as the sum of its parts, rounded once (the safe-integer path agrees with bigint)", () => {
    const pricer = createPricer();
    const ref = createPricer({ bigintOnly: true });
    const count = fc.oneof(fc.constant(0), fc.nat(5_000_000), fc.nat(Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(
        fc.record({ uncachedInput: count, cacheRead: count, cacheWrite5m: count, cacheWrite1h: count, output: count, webSearches: count, requests: count }),
        fc.constantFrom(["openai", "gpt-4o-mini"], ["anthropic", "claude-sonnet-4-5"], ["google", "gemini-2.5-flash"]),
        (u, [provider, model]) => {
          const a = pricer.price(provider as string, model as string, at, usage(u));
          const b = ref.price(provider as string, model as string, at, usage(u));
          expect(a?.micros).toBe(b?.micros);
        },
      ),
      { numRuns: 500 },
    );
  });
});
