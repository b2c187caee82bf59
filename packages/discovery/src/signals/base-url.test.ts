import { describe, expect, it } from "vitest";
import { findBaseUrl, parseUrl } from "./base-url.js";

describe("base URLs of client calls", () => {
  it("reads literal, wrapped, constant and config-field base URLs", () => {
    expect(findBaseUrl('(base_url="https://api.groq.com/openai/v1")', "")).toEqual({ kind: "url", url: parseUrl("https://api.groq.com/openai/v1") });
    expect(findBaseUrl('({ baseURL: process.env.X ?? "x", apiKey })', "")).toEqual({ kind: "dynamic" });
    expect(findBaseUrl('(base_url=os.getenv("LLM_URL", "http://localhost:11434/v1"))', "")?.kind).toBe("url");
    expect(findBaseUrl("(base_url=BASE)", 'BASE = "https://api.deepseek.com"\n')).toEqual({ kind: "url", url: parseUrl("https://api.deepseek.com") });
    expect(findBaseUrl("(cfg)", 'cfg.BaseURL = "https://api.x.ai/v1"\n')).toEqual({ kind: "url", url: parseUrl("https://api.x.ai/v1") });
    expect(findBaseUrl('(option.WithBaseURL("http://localhost:11434/v1"))', "")?.kind).toBe("url");
    expect(findBaseUrl('(new Uri("https://x.openai.azure.com"), cred)', "")).toBeNull();
    expect(findBaseUrl('(default_headers={"Referer": "https://mysite.example"})', "")).toBeNull();
  });

  it("parses hosts, ports and paths", () => {
    expect(parseUrl("http://user:pw@LocalHost:11434/v1")).toEqual({ scheme: "http", host: "localhost", port: "11434", path: "/v1" });
  });
});
