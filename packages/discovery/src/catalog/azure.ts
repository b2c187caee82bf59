import type { VendorFamily } from "./types.js";

/** Microsoft Azure: Azure OpenAI / AI Foundry endpoints and SDKs, model deployments in Terraform and Bicep. */
export const AZURE: VendorFamily = {
  id: "azure",
  literals: ["azopenai", "ai-inference", "ai.inference", "ai-projects", "ai.projects", "ai-agents", "ai.agents", "cognitive", "services.ai.azure", "azure_ai"],
  providers: [
    {
      id: "azure",
      name: "Azure OpenAI / AI Foundry",
      hosts: ["*.openai.azure.com", "*.cognitiveservices.azure.com", "*.services.ai.azure.com", "models.inference.ai.azure.com"],
      mentions: ["Azure OpenAI", "Azure AI Foundry"],
    },
  ],
  sdks: [
    {
      id: "azure-openai",
      name: "Azure OpenAI SDK",
      kind: "sdk",
      provider: "azure",
      packages: {
        npm: ["@azure/openai"],
        go: ["github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"],
        maven: ["com.azure:azure-ai-openai"],
        nuget: ["Azure.AI.OpenAI", "Aspire.Azure.AI.OpenAI"],
      },
      imports: {
        javascript: ["@azure/openai"],
        go: ["github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"],
        java: ["com.azure.ai.openai"],
        csharp: ["Azure.AI.OpenAI"],
      },
      clients: [
        { language: "javascript", symbol: "@azure/openai:OpenAIClient" },
        { language: "javascript", symbol: "@azure/openai:AzureOpenAI" },
        { language: "go", symbol: "github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai.NewClient" },
        { language: "go", symbol: "github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai.NewClientWithKeyCredential" },
        { language: "java", symbol: "com.azure.ai.openai.OpenAIClientBuilder" },
        { language: "csharp", symbol: "Azure.AI.OpenAI.AzureOpenAIClient" },
        { language: "csharp", symbol: "Azure.AI.OpenAI.OpenAIClient" },
        { language: "csharp", symbol: "Azure.AI.OpenAI.GetChatClient", method: true, provider: null, model: { index: 0 } },
        { language: "csharp", symbol: "Azure.AI.OpenAI.GetEmbeddingClient", method: true, provider: null, model: { index: 0 } },
        { language: "csharp", symbol: "Azure.AI.OpenAI.AddAzureOpenAIClient", method: true },
      ],
    },
    {
      id: "azure-ai-inference",
      name: "Azure AI Inference SDK",
      kind: "sdk",
      provider: "azure",
      packages: {
        pypi: ["azure-ai-inference"],
        npm: ["@azure-rest/ai-inference"],
        maven: ["com.azure:azure-ai-inference"],
        nuget: ["Azure.AI.Inference"],
      },
      imports: { python: ["azure.ai.inference"], javascript: ["@azure-rest/ai-inference"], java: ["com.azure.ai.inference"], csharp: ["Azure.AI.Inference"] },
      clients: [
        { language: "python", symbol: "azure.ai.inference.ChatCompletionsClient" },
        { language: "python", symbol: "azure.ai.inference.EmbeddingsClient" },
        { language: "javascript", symbol: "@azure-rest/ai-inference:default" },
        { language: "java", symbol: "com.azure.ai.inference.ChatCompletionsClientBuilder" },
        { language: "csharp", symbol: "Azure.AI.Inference.ChatCompletionsClient" },
      ],
    },
    {
      id: "azure-ai-projects",
      name: "Azure AI Foundry Projects SDK",
      kind: "sdk",
      provider: "azure",
      packages: {
        pypi: ["azure-ai-projects", "azure-ai-agents"],
        npm: ["@azure/ai-projects", "@azure/ai-agents"],
        nuget: ["Azure.AI.Projects", "Azure.AI.Agents.Persistent"],
      },
      imports: {
        python: ["azure.ai.projects", "azure.ai.agents"],
        javascript: ["@azure/ai-projects", "@azure/ai-agents"],
        csharp: ["Azure.AI.Projects", "Azure.AI.Agents"],
      },
      clients: [
        { language: "python", symbol: "azure.ai.projects.AIProjectClient" },
        { language: "python", symbol: "azure.ai.agents.AgentsClient" },
        { language: "javascript", symbol: "@azure/ai-projects:AIProjectClient" },
        { language: "csharp", symbol: "Azure.AI.Projects.AIProjectClient" },
      ],
    },
  ],
  routerPrefixes: [
    { prefix: "azure", provider: "azure" },
    { prefix: "azure_ai", provider: "azure" },
    { prefix: "azure-openai", provider: "azure" },
    { prefix: "azureopenai", provider: "azure" },
  ],
  keys: [
    {
      provider: "azure",
      keyKind: "api-key",
      name: "Azure OpenAI key",
      pattern: /\b(?:[a-f0-9]{32}|[A-Za-z0-9]{84})\b/,
      context: /azure[_-]?openai[_-]?(?:api[_-]?)?key|azurekeycredential|openai\.azure\.com|cognitiveservices/i,
    },
  ],
  envVars: [
    {
      target: { kind: "provider", id: "azure" },
      prefixes: ["AZURE_OPENAI", "AZURE_AI_FOUNDRY", "AZURE_AI_INFERENCE", "AZURE_INFERENCE"],
      names: ["OPENAI_API_VERSION"],
    },
  ],
  infra: [
    { type: "azurerm_cognitive_deployment", format: "terraform", provider: "azure", deploysModel: true },
    { type: "azurerm_cognitive_account", format: "terraform", provider: "azure", kinds: ["OpenAI", "AIServices"] },
    { type: "azurerm_ai_foundry*", format: "terraform", provider: "azure" },
    { type: "azurerm_ai_services", format: "terraform", provider: "azure" },
    { type: "Microsoft.CognitiveServices/accounts/deployments", format: "bicep", provider: "azure", deploysModel: true },
    { type: "Microsoft.CognitiveServices/accounts", format: "bicep", provider: "azure", kinds: ["OpenAI", "AIServices"] },
  ],
};
