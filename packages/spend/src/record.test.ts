import { describe, expect, it } from "vitest";
import { detectImporter } from "./importers/index.js";
import { hashApiKey, type RecordIdentity, recordKeyOf } from "./record.js";

const id: RecordIdentity = {
  source: "openai-usage",
  periodStart: "2025-11-01T00:00:00.000Z",
  periodEnd: "2025-11-02T00:00:00.000Z",
  provider: "openai",
  modelReported: "gpt-5",
  projectId: "proj_a",
  workspaceId: null,
  apiKeyHash: hashApiKey("openai", "key_1"),
  userId: null,
  serviceTier: "standard",
  batch: false,
  longContext: false,
  tags: { a: "1", b: "2" },
};

describe("record key", () => {
  it("is stable and independent of tag order", () => {
    expect(recordKeyOf(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(recordKeyOf({ ...id, tags: { b: "2", a: "1" } })).toBe(recordKeyOf(id));
  });
  it("changes with every identifying dimension", () => {
    const k = recordKeyOf(id);
    expect(recordKeyOf({ ...id, serviceTier: "flex" })).not.toBe(k);
    expect(recordKeyOf({ ...id, batch: true })).not.toBe(k);
    expect(recordKeyOf({ ...id, periodEnd: "2025-11-01T01:00:00.000Z" })).not.toBe(k);
    expect(recordKeyOf({ ...id, projectId: null })).not.toBe(k);
    expect(recordKeyOf({ ...id, source: "anthropic-usage" })).not.toBe(k);
  });
  it("hashes API key ids per provider", () => {
    expect(hashApiKey("openai", "key_1")).not.toBe(hashApiKey("anthropic", "key_1"));
    expect(hashApiKey("openai", "key_1")).not.toContain("key_1");
  });
});

describe("detection", () => {
  it("takes an Anthropic cost report and an OpenAI costs page for what they are, not for usage reports", () => {
    const anthropicCost =
      '{"data":[{"starting_at":"2025-11-01T00:00:00Z","ending_at":"2025-11-02T00:00:00Z","results":[{"currency":"USD","amount":"123.45","cost_type":"tokens","token_type":"uncached_input_tokens"}]}]}';
    const openaiCosts =
      '{"object":"page","data":[{"object":"bucket","results":[{"object":"organization.costs.result","amount":{"value":0.06,"currency":"usd"}}]}]}';
    const sample = (firstBytes: string) => ({ fileName: "c.json", container: "json" as const, firstBytes, columns: [], firstRow: undefined });
    expect(detectImporter(sample(anthropicCost))?.source).toBe("anthropic-cost");
    expect(detectImporter(sample(openaiCosts))?.source).toBe("openai-costs");
  });
});
