import type { VendorFamily } from "./types.js";

/** AWS: Amazon Bedrock (SDKs in every ecosystem, boto3 `bedrock-runtime` clients, Terraform), Amazon models, access keys. */
export const AWS: VendorFamily = {
  id: "aws",
  literals: ["bedrock", "akia", "asia", "amazon.nova", "amazon.titan"],
  providers: [
    {
      id: "aws-bedrock",
      name: "Amazon Bedrock",
      hosts: ["bedrock-runtime.*.amazonaws.com", "bedrock.*.amazonaws.com", "bedrock-agent-runtime.*.amazonaws.com", "bedrock-runtime-fips.*.amazonaws.com"],
      mentions: ["Amazon Bedrock", "AWS Bedrock"],
    },
  ],
  sdks: [
    {
      id: "aws-bedrock",
      name: "AWS SDK for Amazon Bedrock",
      kind: "sdk",
      provider: "aws-bedrock",
      packages: {
        npm: ["@aws-sdk/client-bedrock-runtime", "@aws-sdk/client-bedrock", "@aws-sdk/client-bedrock-agent-runtime", "@aws-sdk/client-bedrock-agent"],
        go: [
          "github.com/aws/aws-sdk-go-v2/service/bedrockruntime",
          "github.com/aws/aws-sdk-go-v2/service/bedrock",
          "github.com/aws/aws-sdk-go-v2/service/bedrockagentruntime",
        ],
        maven: ["software.amazon.awssdk:bedrockruntime", "software.amazon.awssdk:bedrock", "software.amazon.awssdk:bedrockagentruntime"],
        nuget: ["AWSSDK.BedrockRuntime", "AWSSDK.Bedrock", "AWSSDK.BedrockAgentRuntime"],
        gem: ["aws-sdk-bedrockruntime", "aws-sdk-bedrock", "aws-sdk-bedrockagentruntime"],
      },
      imports: {
        javascript: ["@aws-sdk/client-bedrock-runtime", "@aws-sdk/client-bedrock", "@aws-sdk/client-bedrock-agent-runtime", "@aws-sdk/client-bedrock-agent"],
        go: [
          "github.com/aws/aws-sdk-go-v2/service/bedrockruntime",
          "github.com/aws/aws-sdk-go-v2/service/bedrock",
          "github.com/aws/aws-sdk-go-v2/service/bedrockagentruntime",
        ],
        java: [
          "software.amazon.awssdk.services.bedrockruntime",
          "software.amazon.awssdk.services.bedrock",
          "software.amazon.awssdk.services.bedrockagentruntime",
        ],
        csharp: ["Amazon.BedrockRuntime", "Amazon.Bedrock", "Amazon.BedrockAgentRuntime"],
        ruby: ["aws-sdk-bedrockruntime", "aws-sdk-bedrock", "aws-sdk-bedrockagentruntime"],
      },
      clients: [
        { language: "python", symbol: "client", method: true, argPattern: /^\s*(?:service_name\s*=\s*)?["']bedrock[\w-]*["']/ },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock-runtime:BedrockRuntimeClient" },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock-runtime:InvokeModelCommand" },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock-runtime:ConverseCommand" },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock-runtime:ConverseStreamCommand" },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock-runtime:InvokeModelWithResponseStreamCommand" },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock:BedrockClient" },
        { language: "javascript", symbol: "@aws-sdk/client-bedrock-agent-runtime:BedrockAgentRuntimeClient" },
        { language: "go", symbol: "github.com/aws/aws-sdk-go-v2/service/bedrockruntime.NewFromConfig" },
        { language: "go", symbol: "github.com/aws/aws-sdk-go-v2/service/bedrockruntime.New" },
        { language: "go", symbol: "github.com/aws/aws-sdk-go-v2/service/bedrock.NewFromConfig" },
        { language: "go", symbol: "github.com/aws/aws-sdk-go-v2/service/bedrockagentruntime.NewFromConfig" },
        { language: "java", symbol: "software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient" },
        { language: "java", symbol: "software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient" },
        { language: "java", symbol: "software.amazon.awssdk.services.bedrock.BedrockClient" },
        { language: "csharp", symbol: "Amazon.BedrockRuntime.AmazonBedrockRuntimeClient" },
        { language: "csharp", symbol: "Amazon.Bedrock.AmazonBedrockClient" },
        { language: "ruby", symbol: "Aws::BedrockRuntime::Client" },
        { language: "ruby", symbol: "Aws::Bedrock::Client" },
        { language: "ruby", symbol: "Aws::BedrockAgentRuntime::Client" },
      ],
    },
  ],
  models: [
    { vendor: "amazon", pattern: /^(?:nova|titan)-/ },
    { vendor: "ai21", pattern: /^(?:jamba|j2)-/ },
  ],
  modelIdForms: [
    {
      pattern:
        /^(?:(?:us|eu|apac|global|us-gov|jp|au|ca)\.)?(anthropic|amazon|meta|cohere|ai21|mistral|stability|deepseek|openai|writer|qwen|twelvelabs|luma)\.([a-z0-9][\w.:-]*)$/,
      provider: "aws-bedrock",
      vendorGroup: 1,
      modelGroup: 2,
      strip: /(?:-v\d+(?::\d+)?|:\d+)$/,
      vendors: { qwen: "alibaba" },
    },
  ],
  routerPrefixes: [
    { prefix: "bedrock", provider: "aws-bedrock" },
    { prefix: "bedrock_converse", provider: "aws-bedrock" },
    { prefix: "amazon-bedrock", provider: "aws-bedrock" },
  ],
  keys: [{ provider: "aws", keyKind: "access-key-id", name: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/ }],
  envVars: [{ target: { kind: "provider", id: "aws-bedrock" }, prefixes: ["BEDROCK", "AWS_BEDROCK"], names: ["AWS_BEARER_TOKEN_BEDROCK"] }],
  infra: [{ type: "aws_bedrock*", format: "terraform", provider: "aws-bedrock" }],
};
