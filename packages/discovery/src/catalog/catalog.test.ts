import { describe, expect, it } from "vitest";
import {
  DEV_TOOLS,
  FAMILIES,
  findImportRoot,
  KEY_FORMATS,
  lookupEnvVar,
  lookupHost,
  lookupImage,
  lookupPackage,
  MCP_CONFIG_FILES,
  providerEntries,
  sdkById,
} from "./index.js";

const providers = new Set(providerEntries().map((p) => p.id));
const sdks = FAMILIES.flatMap((f) => f.sdks ?? []);

describe("catalogue integrity", () => {
  it("has unique ids for families, SDKs and providers", () => {
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(FAMILIES.map((f) => f.id));
    unique(sdks.map((s) => s.id));
    unique(providerEntries().map((p) => p.id));
    unique(DEV_TOOLS.map((t) => t.id));
  });

  it("names only providers it defines", () => {
    const named: string[] = [];
    for (const family of FAMILIES) {
      for (const sdk of family.sdks ?? []) {
        if (sdk.provider) named.push(sdk.provider);
        for (const client of sdk.clients ?? []) {
          if (client.provider) named.push(client.provider);
          for (const sw of client.providerSwitches ?? []) named.push(sw.provider);
        }
      }
      for (const router of family.routerPrefixes ?? []) named.push(router.provider);
      for (const form of family.modelIdForms ?? []) named.push(form.provider);
      for (const infra of family.infra ?? []) named.push(infra.provider);
      for (const env of family.envVars ?? []) if (env.target.kind === "provider") named.push(env.target.id);
      for (const key of family.configKeys ?? []) if (key.target.kind === "provider") named.push(key.target.id);
    }
    for (const id of named) expect(providers, id).toContain(id);
  });

  it("gives every client symbol an import root of its own SDK (except Ruby constants and method clients)", () => {
    for (const sdk of sdks) {
      for (const client of sdk.clients ?? []) {
        if (client.language === "ruby" || client.method) continue;
        const key = client.language === "javascript" ? (client.symbol.split(":")[0] ?? "") : client.symbol.replace(/\*/g, "x");
        expect(findImportRoot(client.language, key)?.sdk.id, `${sdk.id}: ${client.symbol}`).toBe(sdk.id);
      }
    }
  });

  it("anchors model families and key formats, and keeps patterns non-global", () => {
    for (const family of FAMILIES) {
      for (const model of family.models ?? []) {
        expect(model.pattern.source.startsWith("^"), model.pattern.source).toBe(true);
        expect(model.pattern.global).toBe(false);
      }
    }
    for (const key of KEY_FORMATS) {
      expect(key.pattern.global).toBe(false);
      expect(key.global.global).toBe(true);
    }
  });

  it("resolves packages, hosts, env vars and images", () => {
    expect(lookupPackage("pypi", "Langchain_OpenAI")?.id).toBe("langchain");
    expect(lookupPackage("npm", "@langchain/anthropic")?.id).toBe("langchain");
    expect(lookupPackage("go", "github.com/openai/openai-go/v2")?.id).toBe("openai");
    expect(lookupPackage("maven", "dev.langchain4j:langchain4j-open-ai")?.id).toBe("langchain4j");
    expect(lookupPackage("nuget", "microsoft.semantickernel.connectors.openai")?.id).toBe("semantic-kernel");
    expect(lookupPackage("gem", "ruby-openai")?.id).toBe("openai");
    expect(lookupPackage("npm", "react")).toBeUndefined();
    expect(lookupHost("my-resource.openai.azure.com")?.target).toEqual({ kind: "provider", id: "azure" });
    expect(lookupHost("bedrock-runtime.eu-west-1.amazonaws.com")?.target).toEqual({ kind: "provider", id: "aws-bedrock" });
    expect(lookupHost("index-abc.svc.us-east-1.pinecone.io")?.target).toEqual({ kind: "vector-store", id: "pinecone" });
    expect(lookupHost("example.com")).toBeUndefined();
    expect(lookupEnvVar("AZURE_OPENAI_ENDPOINT")).toEqual({ kind: "provider", id: "azure" });
    expect(lookupEnvVar("OPENAI_API_VERSION")).toEqual({ kind: "provider", id: "azure" });
    expect(lookupEnvVar("GOOGLE_GENAI_USE_VERTEXAI")).toEqual({ kind: "provider", id: "vertex-ai" });
    expect(lookupEnvVar("AWS_REGION")).toBeUndefined();
    expect(lookupImage("docker.io/library/ollama/ollama:0.3@sha256:abc")?.target.id).toBe("ollama");
    expect(lookupImage("registry.example.com/ollama/ollama")).toBeUndefined();
    expect(sdkById("vercel-ai")?.name).toBe("Vercel AI SDK");
  });

  it("lists MCP config files and coding-assistant files with globs", () => {
    expect(MCP_CONFIG_FILES.map((f) => f.glob)).toContain("**/.cursor/mcp.json");
    for (const tool of DEV_TOOLS) expect(tool.globs.length).toBeGreaterThan(0);
  });
});
