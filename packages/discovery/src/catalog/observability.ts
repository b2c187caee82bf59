import type { VendorFamily } from "./types.js";

/** LLM tracing and evaluation services: LangSmith and Langfuse. */
export const OBSERVABILITY: VendorFamily = {
  id: "observability",
  literals: ["langsmith", "smith.langchain", "langfuse", "lsv2_", "langchain_tracing", "langchain_api_key"],
  sdks: [
    {
      id: "langsmith",
      name: "LangSmith",
      kind: "service",
      provider: null,
      packages: { pypi: ["langsmith"], npm: ["langsmith"] },
      imports: { python: ["langsmith"], javascript: ["langsmith"] },
      clients: [
        { language: "python", symbol: "langsmith.Client" },
        { language: "python", symbol: "langsmith.traceable" },
        { language: "javascript", symbol: "langsmith:Client" },
        { language: "javascript", symbol: "langsmith/traceable:traceable" },
      ],
    },
    {
      id: "langfuse",
      name: "Langfuse",
      kind: "service",
      provider: null,
      packages: { pypi: ["langfuse"], npm: ["langfuse", "@langfuse/*"] },
      imports: { python: ["langfuse"], javascript: ["langfuse", "@langfuse/*"] },
      clients: [
        { language: "python", symbol: "langfuse.Langfuse" },
        { language: "python", symbol: "langfuse.observe" },
        { language: "javascript", symbol: "langfuse:Langfuse" },
      ],
    },
  ],
  hosts: [
    { target: { kind: "service", id: "langsmith" }, hosts: ["api.smith.langchain.com", "eu.api.smith.langchain.com"] },
    { target: { kind: "service", id: "langfuse" }, hosts: ["cloud.langfuse.com", "us.cloud.langfuse.com"] },
  ],
  envVars: [
    { target: { kind: "service", id: "langsmith" }, prefixes: ["LANGSMITH"], names: ["LANGCHAIN_API_KEY", "LANGCHAIN_TRACING_V2", "LANGCHAIN_ENDPOINT"] },
    { target: { kind: "service", id: "langfuse" }, prefixes: ["LANGFUSE"] },
  ],
  keys: [{ provider: "langsmith", keyKind: "api-key", name: "LangSmith API key", pattern: /\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b/ }],
};
