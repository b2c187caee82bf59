import type { ClientSymbol, VendorFamily } from "./types.js";

/** LangChain chat-model and embedding classes per integration package, with the provider each talks to. */
const PYTHON_INTEGRATIONS: readonly [module: string, classes: readonly string[], provider: string][] = [
  ["langchain_openai", ["ChatOpenAI", "OpenAI", "OpenAIEmbeddings"], "openai"],
  ["langchain_openai", ["AzureChatOpenAI", "AzureOpenAI", "AzureOpenAIEmbeddings"], "azure"],
  ["langchain_anthropic", ["ChatAnthropic", "AnthropicLLM"], "anthropic"],
  ["langchain_google_genai", ["ChatGoogleGenerativeAI", "GoogleGenerativeAIEmbeddings"], "google"],
  ["langchain_google_vertexai", ["ChatVertexAI", "VertexAI", "VertexAIEmbeddings"], "vertex-ai"],
  ["langchain_aws", ["ChatBedrock", "ChatBedrockConverse", "BedrockLLM", "BedrockEmbeddings"], "aws-bedrock"],
  ["langchain_ollama", ["ChatOllama", "OllamaLLM", "OllamaEmbeddings"], "ollama"],
  ["langchain_mistralai", ["ChatMistralAI", "MistralAIEmbeddings"], "mistral"],
  ["langchain_groq", ["ChatGroq"], "groq"],
  ["langchain_cohere", ["ChatCohere", "CohereEmbeddings"], "cohere"],
  ["langchain_together", ["ChatTogether", "TogetherEmbeddings"], "together"],
  ["langchain_fireworks", ["ChatFireworks"], "fireworks"],
  ["langchain_xai", ["ChatXAI"], "xai"],
  ["langchain_deepseek", ["ChatDeepSeek"], "deepseek"],
  ["langchain_huggingface", ["HuggingFaceEndpoint", "ChatHuggingFace"], "huggingface"],
  ["langchain_community.chat_models", ["ChatOpenAI"], "openai"],
  ["langchain_community.chat_models", ["ChatAnthropic"], "anthropic"],
  ["langchain_community.chat_models", ["ChatOllama"], "ollama"],
  ["langchain_community.llms", ["Ollama"], "ollama"],
  ["langchain_community.embeddings", ["OpenAIEmbeddings"], "openai"],
  ["langchain.chat_models", ["ChatOpenAI"], "openai"],
  ["langchain.llms", ["OpenAI"], "openai"],
];

const JS_INTEGRATIONS: readonly [module: string, classes: readonly string[], provider: string][] = [
  ["@langchain/openai", ["ChatOpenAI", "OpenAI", "OpenAIEmbeddings"], "openai"],
  ["@langchain/openai", ["AzureChatOpenAI", "AzureOpenAIEmbeddings"], "azure"],
  ["@langchain/anthropic", ["ChatAnthropic"], "anthropic"],
  ["@langchain/google-genai", ["ChatGoogleGenerativeAI", "GoogleGenerativeAIEmbeddings"], "google"],
  ["@langchain/google-vertexai", ["ChatVertexAI"], "vertex-ai"],
  ["@langchain/aws", ["ChatBedrockConverse", "BedrockEmbeddings"], "aws-bedrock"],
  ["@langchain/ollama", ["ChatOllama", "Ollama", "OllamaEmbeddings"], "ollama"],
  ["@langchain/mistralai", ["ChatMistralAI"], "mistral"],
  ["@langchain/groq", ["ChatGroq"], "groq"],
  ["@langchain/cohere", ["ChatCohere", "CohereEmbeddings"], "cohere"],
];

/** Vector-store integrations: class → vector store. */
const PYTHON_VECTOR_STORES: readonly [module: string, cls: string, store: string][] = [
  ["langchain_pinecone", "PineconeVectorStore", "pinecone"],
  ["langchain_qdrant", "QdrantVectorStore", "qdrant"],
  ["langchain_chroma", "Chroma", "chroma"],
  ["langchain_weaviate", "WeaviateVectorStore", "weaviate"],
  ["langchain_milvus", "Milvus", "milvus"],
  ["langchain_postgres", "PGVector", "pgvector"],
  ["langchain_community.vectorstores", "Chroma", "chroma"],
  ["langchain_community.vectorstores", "Qdrant", "qdrant"],
  ["langchain_community.vectorstores", "Pinecone", "pinecone"],
  ["langchain_community.vectorstores", "PGVector", "pgvector"],
  ["langchain_community.vectorstores", "FAISS", "faiss"],
];

const JS_VECTOR_STORES: readonly [module: string, cls: string, store: string][] = [
  ["@langchain/pinecone", "PineconeStore", "pinecone"],
  ["@langchain/qdrant", "QdrantVectorStore", "qdrant"],
  ["@langchain/community/vectorstores/chroma", "Chroma", "chroma"],
  ["@langchain/community/vectorstores/pgvector", "PGVectorStore", "pgvector"],
];

const LANGCHAIN4J: readonly [cls: string, provider: string][] = [
  ["dev.langchain4j.model.openai.OpenAiChatModel", "openai"],
  ["dev.langchain4j.model.openai.OpenAiStreamingChatModel", "openai"],
  ["dev.langchain4j.model.openai.OpenAiEmbeddingModel", "openai"],
  ["dev.langchain4j.model.azure.AzureOpenAiChatModel", "azure"],
  ["dev.langchain4j.model.anthropic.AnthropicChatModel", "anthropic"],
  ["dev.langchain4j.model.ollama.OllamaChatModel", "ollama"],
  ["dev.langchain4j.model.ollama.OllamaEmbeddingModel", "ollama"],
  ["dev.langchain4j.model.googleai.GoogleAiGeminiChatModel", "google"],
  ["dev.langchain4j.model.vertexai.VertexAiGeminiChatModel", "vertex-ai"],
  ["dev.langchain4j.model.bedrock.BedrockChatModel", "aws-bedrock"],
  ["dev.langchain4j.model.mistralai.MistralAiChatModel", "mistral"],
];

function pythonClients(): ClientSymbol[] {
  const out: ClientSymbol[] = [];
  for (const [module, classes, provider] of PYTHON_INTEGRATIONS) {
    for (const cls of classes) out.push({ language: "python", symbol: `${module}.${cls}`, provider, model: { keyword: "model" } });
  }
  for (const [module, cls, store] of PYTHON_VECTOR_STORES) out.push({ language: "python", symbol: `${module}.${cls}`, provider: null, vectorStore: store });
  out.push({ language: "python", symbol: "langchain.chat_models.init_chat_model", provider: null, model: { index: 0, keyword: "model" } });
  out.push({ language: "python", symbol: "langchain.agents.create_agent", provider: null, model: { keyword: "model" } });
  return out;
}

function jsClients(): ClientSymbol[] {
  const out: ClientSymbol[] = [];
  for (const [module, classes, provider] of JS_INTEGRATIONS) {
    for (const cls of classes) out.push({ language: "javascript", symbol: `${module}:${cls}`, provider });
  }
  for (const [module, cls, store] of JS_VECTOR_STORES) out.push({ language: "javascript", symbol: `${module}:${cls}`, provider: null, vectorStore: store });
  out.push({ language: "javascript", symbol: "langchain/chat_models/universal:initChatModel", provider: null, model: { index: 0 } });
  return out;
}

/** LangChain (Python, JS, Go, Ruby), LangGraph and LangChain4j. */
export const LANGCHAIN: VendorFamily = {
  id: "langchain",
  literals: ["langchain", "langgraph"],
  sdks: [
    {
      id: "langchain",
      name: "LangChain",
      kind: "sdk",
      provider: null,
      packages: {
        pypi: ["langchain", "langchain-*"],
        npm: ["langchain", "@langchain/*"],
        go: ["github.com/tmc/langchaingo"],
        gem: ["langchainrb"],
      },
      imports: {
        python: ["langchain", "langchain_*"],
        javascript: ["langchain", "@langchain/*"],
        go: ["github.com/tmc/langchaingo"],
        ruby: ["langchain"],
      },
      clients: [
        ...pythonClients(),
        ...jsClients(),
        { language: "go", symbol: "github.com/tmc/langchaingo/llms/openai.New", provider: "openai" },
        { language: "go", symbol: "github.com/tmc/langchaingo/llms/anthropic.New", provider: "anthropic" },
        { language: "go", symbol: "github.com/tmc/langchaingo/llms/ollama.New", provider: "ollama" },
        { language: "go", symbol: "github.com/tmc/langchaingo/llms/googleai.New", provider: "google" },
        { language: "go", symbol: "github.com/tmc/langchaingo/llms/bedrock.New", provider: "aws-bedrock" },
        { language: "go", symbol: "github.com/tmc/langchaingo/llms.GenerateFromSinglePrompt", provider: null },
        { language: "ruby", symbol: "Langchain::LLM::OpenAI", provider: "openai" },
        { language: "ruby", symbol: "Langchain::LLM::Anthropic", provider: "anthropic" },
        { language: "ruby", symbol: "Langchain::LLM::Ollama", provider: "ollama" },
        { language: "ruby", symbol: "Langchain::LLM::GoogleGemini", provider: "google" },
        { language: "ruby", symbol: "Langchain::Assistant", provider: null },
      ],
    },
    {
      id: "langgraph",
      name: "LangGraph",
      kind: "sdk",
      provider: null,
      packages: { pypi: ["langgraph", "langgraph-*"], npm: ["@langchain/langgraph", "@langchain/langgraph-*"] },
      imports: { python: ["langgraph"], javascript: ["@langchain/langgraph", "@langchain/langgraph-*"] },
      clients: [
        { language: "python", symbol: "langgraph.graph.StateGraph" },
        { language: "python", symbol: "langgraph.prebuilt.create_react_agent", model: { index: 0, keyword: "model" } },
        { language: "javascript", symbol: "@langchain/langgraph:StateGraph" },
        { language: "javascript", symbol: "@langchain/langgraph/prebuilt:createReactAgent" },
      ],
    },
    {
      id: "langchain4j",
      name: "LangChain4j",
      kind: "sdk",
      provider: null,
      packages: { maven: ["dev.langchain4j:langchain4j", "dev.langchain4j:langchain4j-*"] },
      imports: { java: ["dev.langchain4j"] },
      clients: [
        ...LANGCHAIN4J.map(([symbol, provider]): ClientSymbol => ({ language: "java", symbol, provider })),
        { language: "java", symbol: "dev.langchain4j.service.AiServices", provider: null },
      ],
    },
  ],
};
