import type { ClientSymbol, VendorFamily } from "./types.js";

/** AI SDK provider packages: module, provider function, its `create…` factory, and the provider they reach. */
const PROVIDERS: readonly [module: string, fn: string, factory: string, provider: string | null][] = [
  ["@ai-sdk/openai", "openai", "createOpenAI", "openai"],
  ["@ai-sdk/anthropic", "anthropic", "createAnthropic", "anthropic"],
  ["@ai-sdk/google", "google", "createGoogleGenerativeAI", "google"],
  ["@ai-sdk/google-vertex", "vertex", "createVertex", "vertex-ai"],
  ["@ai-sdk/amazon-bedrock", "bedrock", "createAmazonBedrock", "aws-bedrock"],
  ["@ai-sdk/azure", "azure", "createAzure", "azure"],
  ["@ai-sdk/mistral", "mistral", "createMistral", "mistral"],
  ["@ai-sdk/groq", "groq", "createGroq", "groq"],
  ["@ai-sdk/xai", "xai", "createXai", "xai"],
  ["@ai-sdk/deepseek", "deepseek", "createDeepSeek", "deepseek"],
  ["@ai-sdk/cohere", "cohere", "createCohere", "cohere"],
  ["@ai-sdk/togetherai", "togetherai", "createTogetherAI", "together"],
  ["@ai-sdk/fireworks", "fireworks", "createFireworks", "fireworks"],
  ["@ai-sdk/perplexity", "perplexity", "createPerplexity", "perplexity"],
  ["@ai-sdk/cerebras", "cerebras", "createCerebras", "cerebras"],
  ["@ai-sdk/gateway", "gateway", "createGateway", "vercel-ai-gateway"],
  ["@ai-sdk/openai-compatible", "openaiCompatible", "createOpenAICompatible", null],
  ["@openrouter/ai-sdk-provider", "openrouter", "createOpenRouter", "openrouter"],
];

function clients(): ClientSymbol[] {
  const out: ClientSymbol[] = [];
  for (const [module, fn, factory, provider] of PROVIDERS) {
    out.push({ language: "javascript", symbol: `${module}:${fn}`, provider, model: { index: 0 } });
    out.push({ language: "javascript", symbol: `${module}:${factory}`, provider });
  }
  for (const fn of ["generateText", "streamText", "generateObject", "streamObject", "embed", "embedMany"]) {
    out.push({ language: "javascript", symbol: `ai:${fn}`, provider: null });
  }
  return out;
}

/** The Vercel AI SDK (`ai` and `@ai-sdk/*` provider packages). */
export const VERCEL_AI: VendorFamily = {
  id: "vercel-ai",
  literals: ["@ai-sdk/", "ai-sdk-provider", 'from "ai"', "from 'ai'", 'require("ai")', "require('ai')"],
  sdks: [
    {
      id: "vercel-ai",
      name: "Vercel AI SDK",
      kind: "sdk",
      provider: null,
      packages: { npm: ["ai", "@ai-sdk/*", "@openrouter/ai-sdk-provider"] },
      imports: { javascript: ["ai", "@ai-sdk/*", "@openrouter/ai-sdk-provider"] },
      clients: clients(),
    },
  ],
};
