import { describe, expect, it } from "vitest";
import { type MatchableComponent, matchComponent } from "./discovery.js";

const c = (id: string, kind: string, identifier: string, provider = "", name = identifier): MatchableComponent => ({ id, kind, identifier, provider, name });
const inventory = [
  c("0", "model", "gpt-4o", "azure-openai", "Azure OpenAI gpt-4o (EU deployment)"),
  c("1", "model", "gpt-4o-2024-08-06", "openai"),
  c("2", "model", "anthropic.claude-haiku-4-5", "anthropic"),
  c("3", "sdk", "@anthropic-ai/sdk", "anthropic"),
  c("4", "vector-store", "pgvector", "postgresql"),
  c("5", "mcp-server", "mcp-tms", "in-house"),
];

describe("matching findings to inventory components", () => {
  it("matches model ids across dated snapshots and platform prefixes", () => {
    expect(matchComponent({ kind: "model", id: "gpt-4o", provider: "openai" }, inventory)?.id).toBe("1");
    expect(matchComponent({ kind: "model", id: "gpt-4o", provider: "azure-openai" }, inventory)?.id).toBe("0");
    expect(matchComponent({ kind: "model", id: "claude-haiku-4-5", provider: "anthropic" }, inventory)?.id).toBe("2");
    expect(matchComponent({ kind: "model", id: "gpt-4o-mini", provider: "openai" }, inventory)).toBeNull();
  });

  it("matches SDKs by package or provider, providers by any component of theirs", () => {
    expect(matchComponent({ kind: "sdk", id: "anthropic", provider: "anthropic" }, inventory)?.id).toBe("3");
    expect(matchComponent({ kind: "provider", id: "openai", provider: "openai" }, inventory)?.provider).toBe("openai");
    expect(matchComponent({ kind: "provider", id: "mistral", provider: "mistral" }, inventory)).toBeNull();
  });

  it("never matches secrets or dev tools", () => {
    expect(matchComponent({ kind: "secret", id: "secret:openai:x", provider: "openai" }, inventory)).toBeNull();
    expect(matchComponent({ kind: "dev-tool", id: "cursor", provider: null }, inventory)).toBeNull();
    expect(matchComponent({ kind: "mcp-server", id: "mcp-tms", provider: null }, inventory)?.id).toBe("5");
  });
});
