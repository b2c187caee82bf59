import { ANTHROPIC } from "./anthropic.js";
import { AWS } from "./aws.js";
import { AZURE } from "./azure.js";
import { COHERE } from "./cohere.js";
import { FRAMEWORKS } from "./frameworks.js";
import { GOOGLE } from "./google.js";
import { HUGGINGFACE } from "./huggingface.js";
import { INFERENCE_PROVIDERS } from "./inference-providers.js";
import { LANGCHAIN } from "./langchain.js";
import { LOCAL_RUNTIMES } from "./local-runtimes.js";
import { MCP } from "./mcp.js";
import { MICROSOFT } from "./microsoft.js";
import { MISTRAL } from "./mistral.js";
import { OBSERVABILITY } from "./observability.js";
import { OPENAI } from "./openai.js";
import type { VendorFamily } from "./types.js";
import { VECTOR_STORES } from "./vector-stores.js";
import { VERCEL_AI } from "./vercel-ai.js";

/** Every vendor family of the catalogue. Order matters only where patterns overlap: earlier wins. */
export const FAMILIES: readonly VendorFamily[] = [
  OPENAI,
  AZURE,
  ANTHROPIC,
  GOOGLE,
  AWS,
  COHERE,
  MISTRAL,
  INFERENCE_PROVIDERS,
  HUGGINGFACE,
  LOCAL_RUNTIMES,
  MICROSOFT,
  LANGCHAIN,
  VERCEL_AI,
  FRAMEWORKS,
  VECTOR_STORES,
  OBSERVABILITY,
  MCP,
];
