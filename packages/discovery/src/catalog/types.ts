/**
 * Shapes of the detection catalogue. The catalogue is data: one module per vendor family lists
 * packages, import roots, qualified client symbols, hosts, environment variables, key formats,
 * model-id families, container images and infrastructure types. Detectors read it through the
 * indexes in `./index.ts` and never hard-code vendor knowledge.
 */

/** Package registries a manifest or lockfile can declare a dependency from. */
export type PackageEcosystem = "pypi" | "npm" | "go" | "maven" | "nuget" | "gem";

/** Source languages whose imports and calls are resolved to qualified symbols. */
export type CodeLanguage = "python" | "javascript" | "go" | "java" | "csharp" | "ruby";

/** What a catalogue entry produces when it is seen. */
export type TargetKind = "sdk" | "provider" | "service" | "vector-store" | "mcp-server" | "dev-tool";

/** A reference to something findings are about, e.g. `{ kind: "vector-store", id: "qdrant" }`. */
export interface Target {
  kind: TargetKind;
  id: string;
}

/** How a client call chooses its model: a positional argument index and/or a keyword. */
export interface ModelArgument {
  index?: number;
  keyword?: string;
}

/**
 * A qualified constructor or call that proves use of an SDK. Symbols are written in the
 * language's own qualified form:
 * - python: `openai.OpenAI`, `transformers.*.from_pretrained` (`*` is one segment)
 * - javascript: `<module specifier>:<export path>`, e.g. `openai:default`, `@ai-sdk/openai:createOpenAI`
 * - go: `<import path without /vN>.<Name>`, e.g. `github.com/openai/openai-go.NewClient`
 * - java, csharp: fully qualified type or method, e.g. `com.openai.client.okhttp.OpenAIOkHttpClient`
 * - ruby: constant path and method, e.g. `OpenAI::Client`
 * A resolved call matches when it equals the symbol or continues it with `.member`.
 */
export interface ClientSymbol {
  language: CodeLanguage;
  symbol: string;
  /** Provider the call talks to when no base URL says otherwise; `null` for none; absent: the SDK's default. */
  provider?: string | null;
  /** Marks the call as use of a vector store as well. */
  vectorStore?: string;
  /** Argument carrying a model id. */
  model?: ModelArgument;
  /** Argument carrying a Hugging Face dataset id. */
  dataset?: ModelArgument;
  /** Model ids in this call are Hugging Face ids (bare names such as `gpt2` are accepted). */
  huggingFace?: boolean;
  /** The call only counts when its arguments match this pattern (e.g. boto3 `client("bedrock-runtime")`). */
  argPattern?: RegExp;
  /** Argument patterns that switch the provider, e.g. `vertexai=True` on the Google GenAI client. */
  providerSwitches?: readonly { pattern: RegExp; provider: string }[];
  /**
   * A method called on an instance (`.GetChatClient(`): matched by the last name of `symbol` only,
   * in files that import the SDK, or anywhere when `argPattern` is given.
   */
  method?: boolean;
  /** Proves use on its own even under an ambiguous import root (`datasets.load_dataset`). */
  distinctive?: boolean;
}

/** An SDK, framework or vector-store client library. */
export interface SdkEntry {
  /** Canonical id, e.g. "openai", "langchain", "pinecone". */
  id: string;
  name: string;
  /** `vector-store` for vector database clients, `service` for observability services, else `sdk`. */
  kind: "sdk" | "vector-store" | "service";
  /** Provider its clients talk to by default (`null` when it has none, e.g. LangChain core). */
  provider: string | null;
  /** Package names per registry. A trailing `*` matches a prefix (`@langchain/*`, `langchain-*`). Maven uses `group:artifact`. */
  packages: Partial<Record<PackageEcosystem, readonly string[]>>;
  /**
   * Import roots per language: python module roots, npm package names, Go module paths, Java
   * packages, C# namespaces, Ruby `require` names. A trailing `*` matches a prefix.
   */
  imports: Partial<Record<CodeLanguage, readonly string[]>>;
  /**
   * Import roots that are also common local module names (`agents`, `datasets`): an import alone is
   * not reported, and use needs two distinct client symbols of the SDK in the file (or a distinctive one).
   */
  ambiguousImports?: Partial<Record<CodeLanguage, readonly string[]>>;
  clients?: readonly ClientSymbol[];
}

/** A provider of hosted models (an API one pays for or runs). */
export interface ProviderEntry {
  id: string;
  name: string;
  /**
   * Host names. `*` stands for one DNS label: `*.openai.azure.com`, `bedrock-runtime.*.amazonaws.com`.
   */
  hosts?: readonly string[];
  /** Ports that identify the provider on any host (Ollama's 11434). */
  ports?: readonly number[];
  /** Words that name the provider in prose (case-sensitive), for `mentioned` findings in docs. */
  mentions?: readonly string[];
}

/** Hosts that identify something other than a model provider (vector-database clouds, tracing services). */
export interface HostEntry {
  target: Target;
  /** Same syntax as {@link ProviderEntry.hosts}. */
  hosts: readonly string[];
}

/** A model-id family: the pattern is tested against the normalised, lower-case id. */
export interface ModelFamily {
  vendor: string;
  pattern: RegExp;
  /** Ambiguous outside code (`o1`, `sonar`): never reported from prose. */
  ambiguous?: boolean;
}

/**
 * A platform's own model-id form, e.g. Bedrock's `us.anthropic.claude-3-7-sonnet-20250219-v1:0`:
 * the provider is the platform, the vendor and model come from groups.
 */
export interface ModelIdForm {
  pattern: RegExp;
  provider: string;
  vendorGroup: number;
  modelGroup: number;
  /** Removed from the model part before normalising (version suffixes). */
  strip?: RegExp;
  /** Vendor names in the id that differ from the catalogue's vendor ids. */
  vendors?: Readonly<Record<string, string>>;
}

/** A router or gateway prefix in a model string (`anthropic/claude-…`, `openai:gpt-4o`). */
export interface RouterPrefix {
  prefix: string;
  provider: string;
}

/**
 * SDK model constants such as Go `openai.ChatModelGPT4o` or Java `ChatModel.GPT_4O`: the name after
 * `prefix` is converted to an id (CamelCase or UPPER_SNAKE, digits joined with `digitJoin`).
 */
export interface ModelConstantRule {
  language: CodeLanguage;
  /** Qualified prefix of the constant, e.g. `github.com/openai/openai-go.ChatModel`. */
  prefix: string;
  /** Text put in front of the converted name (`claude-` when the constant drops it). */
  idPrefix?: string;
  /** How `3_5` is joined: "." (gpt-3.5) or "-" (claude-3-5). */
  digitJoin: "." | "-";
}

/** A key format. `pattern` must be global-free; the detector adds flags. */
export interface KeyFormat {
  provider: string;
  keyKind: string;
  name: string;
  pattern: RegExp;
  /** The key counts only when its line also matches this (generic-looking formats). */
  context?: RegExp;
  /** The key must mix upper case, lower case and digits (generic alphanumeric formats). */
  mixedCase?: boolean;
}

/** Environment variables: exact names, or a prefix followed by `_…`. */
export interface EnvVarEntry {
  target: Target;
  names?: readonly string[];
  prefixes?: readonly string[];
}

/** A container image (repository without tag; registry host optional in the match). */
export interface ImageEntry {
  image: string;
  target: Target;
  name: string;
}

/** An infrastructure-as-code resource type (Terraform or Bicep/ARM) that declares a provider. */
export interface InfraResource {
  /** Terraform resource/data type or prefix (`aws_bedrock*`), or Bicep/ARM type (`Microsoft.CognitiveServices/accounts/deployments`). */
  type: string;
  format: "terraform" | "bicep";
  provider: string;
  /** The resource deploys a model whose name and version sit in a `model` block. */
  deploysModel?: boolean;
  /** Only counts when the resource's `kind` equals one of these (Azure cognitive accounts). */
  kinds?: readonly string[];
}

/** Configuration keys such as Spring AI's `spring.ai.openai.*`. */
export interface ConfigKey {
  prefix: string;
  target: Target;
}

/** One vendor family's part of the catalogue. */
export interface VendorFamily {
  id: string;
  /** Case-insensitive literals; a file without any literal of any family skips content detectors. */
  literals: readonly string[];
  providers?: readonly ProviderEntry[];
  hosts?: readonly HostEntry[];
  sdks?: readonly SdkEntry[];
  models?: readonly ModelFamily[];
  routerPrefixes?: readonly RouterPrefix[];
  modelIdForms?: readonly ModelIdForm[];
  modelConstants?: readonly ModelConstantRule[];
  keys?: readonly KeyFormat[];
  envVars?: readonly EnvVarEntry[];
  images?: readonly ImageEntry[];
  infra?: readonly InfraResource[];
  configKeys?: readonly ConfigKey[];
  /** Hugging Face organisations and the model vendor they publish for. */
  huggingFaceOrgs?: Readonly<Record<string, string>>;
}
