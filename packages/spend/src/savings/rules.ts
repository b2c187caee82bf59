/**
 * The optimizer's thresholds and reference data, in one place so they are visible and testable.
 * Figures come from ../shared/reference/spend-data.md §3 (cost levers) unless stated.
 */

export const THRESHOLDS = {
  /** Recommendations saving less than this per month (USD) are not shown. */
  minMonthlySavingUsd: 25,
  downshift: {
    /** At least this many requests per month: a quality evaluation is worth running. */
    minMonthlyRequests: 1000,
    /** Average output per request at or below this looks like classification, extraction or short answers. */
    maxAvgOutputTokens: 400,
    /** Output tokens per input token at or below this: the model reads much more than it writes. */
    maxOutputInputRatio: 0.25,
  },
  batch: {
    /** Hourly data: at least this share of the workload's tokens falls in one window of `windowHours` hours. */
    minShareInWindow: 0.8,
    windowHours: 4,
    /** Days with hourly data needed before the pattern counts. */
    minHourlyDays: 7,
  },
  caching: {
    /** Average input per request at or above this (OpenAI caches prompts of 1,024 tokens or more). */
    minAvgInputTokens: 1024,
    /** Cache reads below this share of input count as "low". */
    maxCacheReadShare: 0.2,
    /** Share of input assumed cacheable (stable system prompts, tools, few-shot examples, documents). */
    targetCacheReadShare: 0.5,
    /** Each cached prefix is assumed read this many times per write. */
    readsPerWrite: 10,
  },
  longContext: {
    /** Share of long-context usage assumed to fit the standard tier after trimming or splitting. */
    recoverableShare: 0.5,
  },
  commitment: {
    /** A commitment used below this share of its monthly value counts as under-used. */
    maxUsedShare: 0.9,
    /** Renewals within this many days make the recommendation urgent (high confidence). */
    renewalWindowDays: 90,
  },
  quiet: {
    /** Keys and projects with no traffic for this many days before the window's end are quiet. */
    quietDays: 30,
  },
} as const;

/** A cheaper model of the same vendor for workloads that do not need the frontier one. */
export interface DownshiftTarget {
  provider: string;
  /** Matches the canonical model id. */
  from: RegExp;
  to: string;
  /** Price ratio as the vendor lists it, for the assumption text. */
  label: string;
}

/** One step down in the same family; list prices per MTok in spend-data.md §3. */
export const DOWNSHIFT_TARGETS: readonly DownshiftTarget[] = [
  {
    provider: "openai",
    from: /^gpt-4o(-\d{4}-\d{2}-\d{2})?$/,
    to: "gpt-4o-mini",
    label: "GPT-4o mini lists at $0.15/$0.60 per MTok against GPT-4o's $2.50/$10",
  },
  {
    provider: "openai",
    from: /^gpt-4\.1(-\d{4}-\d{2}-\d{2})?$/,
    to: "gpt-4.1-mini",
    label: "GPT-4.1 mini lists at $0.40/$1.60 per MTok against GPT-4.1's $2/$8",
  },
  {
    provider: "openai",
    from: /^gpt-5(\.\d)?(-\d{4}-\d{2}-\d{2})?$/,
    to: "gpt-5-mini",
    label: "GPT-5 mini lists at $0.25/$2 per MTok against GPT-5's $1.25/$10",
  },
  { provider: "openai", from: /^(o1|o3)(-\d{4}-\d{2}-\d{2})?$/, to: "o4-mini", label: "o4-mini lists at $1.10/$4.40 per MTok against o3's $2/$8" },
  { provider: "openai", from: /^gpt-4(-turbo)?(-\d{4}-\d{2}-\d{2})?$/, to: "gpt-4o-mini", label: "GPT-4o mini is a fraction of GPT-4 Turbo's price" },
  {
    provider: "anthropic",
    from: /^claude-opus-4/,
    to: "claude-sonnet-4-5",
    label: "Claude Sonnet 4.5 lists at $3/$15 per MTok against Opus 4.1's $15/$75 and Opus 4.5's $5/$25",
  },
  {
    provider: "anthropic",
    from: /^claude-(3-7-)?sonnet-(4|3)/,
    to: "claude-haiku-4-5",
    label: "Claude Haiku 4.5 lists at $1/$5 per MTok against Sonnet's $3/$15",
  },
  {
    provider: "google",
    from: /^gemini-(2\.5|1\.5)-pro/,
    to: "gemini-2.5-flash",
    label: "Gemini 2.5 Flash lists at $0.30/$2.50 per MTok against 2.5 Pro's $1.25/$10",
  },
  {
    provider: "google-vertex",
    from: /^gemini-(2\.5|1\.5)-pro/,
    to: "gemini-2.5-flash",
    label: "Gemini 2.5 Flash lists at $0.30/$2.50 per MTok against 2.5 Pro's $1.25/$10",
  },
  {
    provider: "aws",
    from: /anthropic\.claude-(3-7-)?sonnet-4/,
    to: "anthropic.claude-haiku-4-5-20251001-v1:0",
    label: "Claude Haiku 4.5 on Bedrock lists at about a third of Sonnet's price",
  },
];

/** Providers that sell a batch tier at about half price (spend-data.md §3). */
export const BATCH_PROVIDERS: Readonly<Record<string, string>> = {
  openai: "OpenAI Batch API (50% off, results within 24 hours)",
  anthropic: "Anthropic Message Batches (50% off, results within 24 hours)",
  google: "Gemini Batch Mode (50% off)",
  "google-vertex": "Vertex AI batch prediction (50% off)",
  aws: "Amazon Bedrock batch inference (50% off on supported models)",
  azure: "Azure OpenAI Global Batch (about 50% off)",
};

/** Providers whose contracts are cloud-wide (EDP, MACC): their commitments cover more than AI. */
export const CLOUD_PROVIDERS: ReadonlySet<string> = new Set(["aws", "azure", "google-vertex", "gcp"]);

/** Capabilities bought as seats or subscriptions; two vendors in one category overlap. */
export const CAPABILITIES: readonly { id: string; label: string; match: RegExp }[] = [
  {
    id: "coding-assistant",
    label: "coding assistant seats",
    match: /copilot (business|enterprise|pro)|github copilot|cursor|claude code|windsurf|codeium|tabnine|amazon q developer|gemini code assist|jetbrains ai/i,
  },
  {
    id: "chat-assistant",
    label: "chat assistant seats",
    match:
      /chatgpt (enterprise|team|business|edu)|claude (team|enterprise)|microsoft 365 copilot|copilot for microsoft 365|gemini (for workspace|enterprise)|le chat/i,
  },
  { id: "meeting-notes", label: "meeting notes and transcription", match: /otter|fireflies|fathom|tl;?dv|avoma|zoom ai companion|read\.ai/i },
  { id: "vector-database", label: "vector database", match: /pinecone|weaviate|qdrant|milvus|zilliz|chroma cloud/i },
  { id: "llm-observability", label: "LLM observability and gateway", match: /langfuse|helicone|langsmith|portkey|arize|braintrust/i },
];

/** Providers as they appear in vendor names, for vendors without components. */
export const PROVIDER_NAMES: Readonly<Record<string, RegExp>> = {
  openai: /\bopenai\b/i,
  anthropic: /\banthropic\b/i,
  google: /\bgoogle\b|\bgemini\b/i,
  "google-vertex": /\bgoogle cloud\b|\bvertex\b/i,
  aws: /\bamazon web services\b|\baws\b|\bbedrock\b/i,
  azure: /\bazure\b|\bmicrosoft\b/i,
  mistral: /\bmistral\b/i,
  cohere: /\bcohere\b/i,
};
