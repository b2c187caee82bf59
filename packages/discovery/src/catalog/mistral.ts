import type { VendorFamily } from "./types.js";

/** Mistral AI: La Plateforme API, its SDKs, Mistral/Mixtral/Codestral models and (context-only) keys. */
export const MISTRAL: VendorFamily = {
  id: "mistral",
  literals: ["mistral", "mixtral", "codestral", "devstral", "magistral", "pixtral"],
  providers: [{ id: "mistral", name: "Mistral AI", hosts: ["api.mistral.ai", "codestral.mistral.ai"], mentions: ["Mistral AI", "Mistral"] }],
  sdks: [
    {
      id: "mistral",
      name: "Mistral AI SDK",
      kind: "sdk",
      provider: "mistral",
      packages: { pypi: ["mistralai"], npm: ["@mistralai/mistralai"] },
      imports: { python: ["mistralai"], javascript: ["@mistralai/mistralai"] },
      clients: [
        { language: "python", symbol: "mistralai.Mistral" },
        { language: "python", symbol: "mistralai.client.MistralClient" },
        { language: "python", symbol: "mistralai.async_client.MistralAsyncClient" },
        { language: "javascript", symbol: "@mistralai/mistralai:Mistral" },
        { language: "javascript", symbol: "@mistralai/mistralai:default" },
      ],
    },
  ],
  models: [
    { vendor: "mistral", pattern: /^(?:open-)?(?:mistral|mixtral|codestral|devstral|magistral|ministral|pixtral)(?:-|$)/ },
    { vendor: "mistral", pattern: /^mistral-embed$/ },
  ],
  routerPrefixes: [{ prefix: "mistral", provider: "mistral" }],
  keys: [
    {
      provider: "mistral",
      keyKind: "api-key",
      name: "Mistral API key",
      pattern: /\b[A-Za-z0-9]{32}\b/,
      context: /mistral/i,
      mixedCase: true,
    },
  ],
  envVars: [{ target: { kind: "provider", id: "mistral" }, prefixes: ["MISTRAL", "CODESTRAL"] }],
};
