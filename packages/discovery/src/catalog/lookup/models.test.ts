import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyModel, constantToModelId, normalizeModelId } from "./models.js";

describe("model ids", () => {
  it.each([
    ["gpt-4o-2024-08-06", "gpt-4o", "openai", null],
    ["gpt-4.1-mini", "gpt-4.1-mini", "openai", null],
    ["gpt-3.5-turbo-0125", "gpt-3.5-turbo", "openai", null],
    ["o3-mini", "o3-mini", "openai", null],
    ["ft:gpt-4o-mini-2024-07-18:acme::abc123", "gpt-4o-mini", "openai", null],
    ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet", "anthropic", null],
    ["claude-haiku-4-5-20251001", "claude-haiku-4-5", "anthropic", null],
    ["claude-3-5-sonnet@20240620", "claude-3-5-sonnet", "anthropic", null],
    ["anthropic/claude-haiku-4.5", "claude-haiku-4.5", "anthropic", "anthropic"],
    ["openai:gpt-4o", "gpt-4o", "openai", "openai"],
    ["openrouter/anthropic/claude-3.5-sonnet", "claude-3.5-sonnet", "anthropic", "openrouter"],
    ["us.anthropic.claude-3-7-sonnet-20250219-v1:0", "claude-3-7-sonnet", "anthropic", "aws-bedrock"],
    ["amazon.nova-pro-v1:0", "nova-pro", "amazon", "aws-bedrock"],
    ["gemini-1.5-pro-002", "gemini-1.5-pro", "google", null],
    ["gemini-2.5-pro-preview-05-06", "gemini-2.5-pro-preview", "google", null],
    ["text-embedding-004", "text-embedding-004", "google", null],
    ["mistral-large-2407", "mistral-large", "mistral", null],
    ["command-r-08-2024", "command-r", "cohere", null],
    ["llama3.1:8b", "llama3.1", "meta", null],
    ["ollama/llama3.2", "llama3.2", "meta", "ollama"],
    ["groq/llama-3.1-8b-instant", "llama-3.1-8b-instant", "meta", "groq"],
    ["meta-llama/Llama-3.1-8B-Instruct", "meta-llama/llama-3.1-8b-instruct", "meta", null],
    ["deepseek-chat", "deepseek-chat", "deepseek", null],
    ["grok-2-1212", "grok-2", "xai", null],
  ])("%s → %s (%s, via %s)", (raw, id, vendor, provider) => {
    const match = classifyModel(raw);
    expect(match?.id).toBe(id);
    expect(match?.vendor).toBe(vendor);
    expect(match?.provider).toBe(provider);
  });

  it("rejects ordinary strings, paths and templates", () => {
    for (const raw of [
      "auth.User",
      "resnet50",
      "standard",
      "gpt",
      "claude monet",
      "./models/llama-2-7b.gguf",
      "llama-2-7b.Q4_K_M.gguf",
      "{{ model }}",
      "$" + "{MODEL}",
      "",
      "o1 preview",
    ]) {
      expect(classifyModel(raw), raw).toBeNull();
    }
  });

  it("accepts bare and unknown-organisation names only in Hugging Face calls", () => {
    expect(classifyModel("gpt2")).toBeNull();
    expect(classifyModel("gpt2", { huggingFace: true })?.id).toBe("gpt2");
    expect(classifyModel("acme/custom-bert", { huggingFace: true })?.vendor).toBe("acme");
    expect(classifyModel("acme/custom-bert")).toBeNull();
  });

  it("keeps ambiguous families out of prose", () => {
    expect(classifyModel("o1", { prose: true })).toBeNull();
    expect(classifyModel("gpt-4o", { prose: true })?.id).toBe("gpt-4o");
  });

  it("converts SDK constant names", () => {
    expect(constantToModelId("GPT4oMini", { digitJoin: "." })).toBe("gpt-4o-mini");
    expect(constantToModelId("GPT4_1Mini", { digitJoin: "." })).toBe("gpt-4.1-mini");
    expect(constantToModelId("GPT_3_5_TURBO", { digitJoin: "." })).toBe("gpt-3.5-turbo");
    expect(constantToModelId("O3Mini", { digitJoin: "." })).toBe("o3-mini");
    expect(constantToModelId("3Dot5Turbo", { digitJoin: ".", idPrefix: "gpt-" })).toBe("gpt-3.5-turbo");
    expect(constantToModelId("Claude3_7SonnetLatest", { digitJoin: "-" })).toBe("claude-3-7-sonnet-latest");
    expect(constantToModelId("CLAUDE_SONNET_4_20250514", { digitJoin: "-" })).toBe("claude-sonnet-4-20250514");
  });

  it("normalises idempotently (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9.:@-]{0,40}$/), (raw) => {
        const once = normalizeModelId(raw);
        expect(normalizeModelId(once).length).toBeLessThanOrEqual(once.length);
        expect(once.length).toBeLessThanOrEqual(raw.length);
      }),
    );
  });
});
