import { describe, expect, it } from "vitest";
import { safeEndpoint, safeText } from "./redact.js";

describe("redaction", () => {
  it("redacts key-shaped and opaque tokens but keeps ids and hosts", () => {
    const key = ["sk", "proj", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4"].join("-");
    expect(safeText(`token ${key} end`)).toBe("token [redacted] end");
    expect(safeText("opaque Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm done")).toBe("opaque [redacted] done");
    expect(safeText('model="us.anthropic.claude-3-7-sonnet-20250219-v1:0"')).toBe('model="us.anthropic.claude-3-7-sonnet-20250219-v1:0"');
    expect(safeText("sentence-transformers/all-MiniLM-L6-v2")).toBe("sentence-transformers/all-MiniLM-L6-v2");
    expect(safeText("x".repeat(400)).length).toBe(300);
  });

  it("drops user info, query and fragment from endpoints", () => {
    expect(safeEndpoint("https", "API.OpenAI.com", undefined, "/v1/chat/?key=abc#x")).toBe("https://api.openai.com/v1/chat");
    expect(safeEndpoint(undefined, "localhost", "11434", undefined)).toBe("https://localhost:11434");
  });
});
