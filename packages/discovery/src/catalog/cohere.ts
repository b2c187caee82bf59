import type { VendorFamily } from "./types.js";

/** Cohere: the API, its SDKs, Command/Embed/Rerank models and (context-only) keys. */
export const COHERE: VendorFamily = {
  id: "cohere",
  literals: ["cohere", "co_api_key", "command-r", "command-a", "rerank-", "embed-english", "embed-multilingual", "embed-v4"],
  providers: [{ id: "cohere", name: "Cohere", hosts: ["api.cohere.com", "api.cohere.ai"], mentions: ["Cohere"] }],
  sdks: [
    {
      id: "cohere",
      name: "Cohere SDK",
      kind: "sdk",
      provider: "cohere",
      packages: {
        pypi: ["cohere"],
        npm: ["cohere-ai"],
        go: ["github.com/cohere-ai/cohere-go"],
        maven: ["com.cohere:cohere-java"],
        gem: ["cohere-ruby"],
      },
      imports: { python: ["cohere"], javascript: ["cohere-ai"], go: ["github.com/cohere-ai/cohere-go"], java: ["com.cohere"], ruby: ["cohere"] },
      clients: [
        { language: "python", symbol: "cohere.Client" },
        { language: "python", symbol: "cohere.ClientV2" },
        { language: "python", symbol: "cohere.AsyncClient" },
        { language: "python", symbol: "cohere.AsyncClientV2" },
        { language: "javascript", symbol: "cohere-ai:CohereClient" },
        { language: "javascript", symbol: "cohere-ai:CohereClientV2" },
        { language: "go", symbol: "github.com/cohere-ai/cohere-go/client.NewClient" },
        { language: "java", symbol: "com.cohere.api.Cohere" },
        { language: "ruby", symbol: "Cohere::Client" },
      ],
    },
  ],
  models: [
    { vendor: "cohere", pattern: /^command(?:-(?:r|a|light|nightly|xlarge|r7b|r-plus)(?:-|$)|$)/ },
    { vendor: "cohere", pattern: /^(?:embed-(?:english|multilingual|v\d)|rerank-|c4ai-aya|aya-)/ },
  ],
  routerPrefixes: [
    { prefix: "cohere", provider: "cohere" },
    { prefix: "cohere_chat", provider: "cohere" },
  ],
  keys: [
    {
      provider: "cohere",
      keyKind: "api-key",
      name: "Cohere API key",
      pattern: /\b[A-Za-z0-9]{40}\b/,
      context: /cohere|\bco_api_key/i,
      mixedCase: true,
    },
  ],
  envVars: [{ target: { kind: "provider", id: "cohere" }, prefixes: ["COHERE"], names: ["CO_API_KEY", "CO_API_URL"] }],
};
