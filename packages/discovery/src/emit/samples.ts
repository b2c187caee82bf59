// Hand-made scan results for the emitter and policy tests (and for trying the formats by hand).
// Not exported from the package: the scanner produces real ones.
import { createHash } from "node:crypto";
import { type Finding, type RepositoryScan, type ScanResult, ScanResultSchema } from "@caio/core";
import type { FindingPackage } from "./purl.js";

/** A finding with the proposed `packages` field (see {@link FindingPackage}). */
export type SampleFinding = Finding & { packages?: FindingPackage[] };

/** A deterministic 32-hex fingerprint for a label (stands in for the scanner's keyed HMAC). */
export function sampleFingerprint(label: string): string {
  return createHash("sha256").update(label).digest("hex").slice(0, 32);
}

/** A finding with sensible defaults: a runtime, used OpenAI SDK seen once in src/ai.ts:3. */
export function sampleFinding(over: Partial<SampleFinding> = {}): SampleFinding {
  return {
    kind: "sdk",
    id: "openai",
    name: "OpenAI SDK",
    provider: "openai",
    ecosystem: "javascript",
    version: null,
    endpoint: null,
    confidence: "used",
    scope: "runtime",
    secret: null,
    evidence: [{ file: "src/ai.ts", line: 3, detector: "javascript", signal: "import", detail: 'import OpenAI from "openai"' }],
    occurrences: 1,
    ...over,
  };
}

/** A secret finding: provider, key kind, location and fingerprint only. */
export function sampleSecret(provider: string, keyKind: string, file: string, line: number, scope: Finding["scope"] = "runtime"): Finding {
  const fingerprint = sampleFingerprint(`${provider}:${file}:${line}`);
  return sampleFinding({
    kind: "secret",
    id: `secret:${provider}:${fingerprint}`,
    name: `${provider} ${keyKind}`,
    provider,
    ecosystem: null,
    confidence: "referenced",
    scope,
    secret: { provider, keyKind, fingerprint },
    evidence: [{ file, line, detector: "secrets", signal: "secret", detail: "" }],
  });
}

/** A repository scan around the given findings. */
export function sampleRepository(name: string, findings: Finding[]): RepositoryScan {
  return { name, filesScanned: 120 + findings.length, bytesScanned: 480_000, filesSkipped: 3, findings };
}

/**
 * A scan result, checked against the contract so tests never run on an invalid one. The object
 * itself is returned (not the parsed copy), so fields the contract does not know yet survive.
 */
export function sampleResult(repositories: RepositoryScan[]): ScanResult {
  const result: ScanResult = {
    tool: { name: "caio", version: "0.1.0" },
    startedAt: "2026-11-23T10:00:00.000Z",
    finishedAt: "2026-11-23T10:00:02.500Z",
    repositories,
  };
  ScanResultSchema.parse(result);
  return result;
}

const pkg = (ecosystem: FindingPackage["ecosystem"], name: string, version: string | null = null): FindingPackage => ({ ecosystem, name, version });

/** One finding of every kind in one repository, several ecosystems, test and docs scopes, and a secret. */
export function sampleFindings(): SampleFinding[] {
  const ev = (file: string, line: number, signal: string, detail: string, detector = "javascript") => ({ file, line, detector, signal, detail });
  return [
    sampleFinding({
      version: "4.23.0",
      confidence: "declared",
      evidence: [ev("package.json", 12, "manifest", '"openai": "4.23.0"')],
      packages: [pkg("javascript", "openai", "4.23.0")],
    }),
    sampleFinding({
      id: "anthropic",
      name: "Anthropic SDK",
      provider: "anthropic",
      version: "^0.30.1",
      evidence: [ev("src/claude.ts", 1, "import", 'import Anthropic from "@anthropic-ai/sdk"'), ev("src/claude.ts", 9, "call", "client.messages.create")],
      occurrences: 7,
      packages: [pkg("javascript", "@anthropic-ai/sdk", "^0.30.1"), pkg("javascript", "@anthropic-ai/bedrock-sdk", "0.12.0")],
    }),
    sampleFinding({
      id: "openai",
      name: "OpenAI Python SDK",
      ecosystem: "python",
      version: "1.51.0",
      evidence: [ev("worker/app.py", 2, "import", "import openai", "python")],
      packages: [pkg("python", "openai", "1.51.0")],
    }),
    sampleFinding({
      id: "openai-go",
      name: "OpenAI Go SDK",
      ecosystem: "go",
      version: "v1.8.2",
      confidence: "declared",
      evidence: [ev("go.mod", 5, "manifest", "github.com/openai/openai-go v1.8.2", "go")],
      packages: [pkg("go", "github.com/openai/openai-go", "v1.8.2")],
    }),
    sampleFinding({
      id: "anthropic-java",
      name: "Anthropic Java SDK",
      provider: "anthropic",
      ecosystem: "java",
      version: "2.1.0",
      confidence: "declared",
      evidence: [ev("pom.xml", 40, "manifest", "com.anthropic:anthropic-java:2.1.0", "java")],
      packages: [pkg("java", "com.anthropic:anthropic-java", "2.1.0")],
    }),
    sampleFinding({
      id: "azure-openai",
      name: "Azure OpenAI .NET SDK",
      provider: "azure-openai",
      ecosystem: "csharp",
      version: "2.1.0",
      confidence: "declared",
      packages: [pkg("csharp", "Azure.AI.OpenAI", "2.1.0")],
    }),
    sampleFinding({
      id: "ruby-openai",
      name: "ruby-openai",
      ecosystem: "ruby",
      version: "~> 7.0",
      confidence: "declared",
      packages: [pkg("ruby", "ruby-openai", "~> 7.0")],
    }),
    sampleFinding({ id: "langchain", name: "LangChain", provider: null, ecosystem: "python", scope: "test" }), // no packages: no purl
    sampleFinding({
      kind: "provider",
      id: "openai",
      name: "OpenAI API",
      ecosystem: null,
      endpoint: "https://api.openai.com/v1",
      confidence: "referenced",
      evidence: [ev("src/ai.ts", 5, "endpoint", 'baseURL: "https://api.openai.com/v1"')],
    }),
    sampleFinding({
      kind: "provider",
      id: "groq",
      name: "Groq API",
      provider: "groq",
      ecosystem: null,
      endpoint: "https://api.groq.com/openai/v1",
      confidence: "referenced",
    }),
    sampleFinding({
      kind: "provider",
      id: "ollama",
      name: "Ollama (local)",
      provider: "ollama",
      ecosystem: null,
      endpoint: "http://localhost:11434",
      confidence: "referenced",
    }),
    sampleFinding({
      kind: "model",
      id: "gpt-4o",
      name: "GPT-4o",
      confidence: "referenced",
      evidence: [ev("src/ai.ts", 8, "model-literal", 'model: "gpt-4o"')],
    }),
    sampleFinding({ kind: "model", id: "gpt-3.5-turbo", name: "GPT-3.5 Turbo", confidence: "referenced", scope: "test" }),
    sampleFinding({ kind: "model", id: "claude-sonnet-4-20250514", name: "Claude Sonnet 4", provider: "anthropic", confidence: "referenced" }),
    sampleFinding({ kind: "model", id: "llama-3.3-70b-versatile", name: "Llama 3.3 70B", provider: "groq", confidence: "referenced" }),
    sampleFinding({ kind: "model", id: "sentence-transformers/all-MiniLM-L6-v2", name: "all-MiniLM-L6-v2", provider: "huggingface", ecosystem: "python" }),
    sampleFinding({ kind: "model", id: "mystery-model", name: "mystery-model", provider: null, confidence: "mentioned", scope: "docs" }),
    sampleFinding({ kind: "service", id: "langsmith", name: "LangSmith", provider: "langchain", endpoint: "not a url", confidence: "referenced" }),
    sampleFinding({
      kind: "vector-store",
      id: "pinecone",
      name: "Pinecone",
      provider: "pinecone",
      endpoint: "https://idx.svc.pinecone.io",
      packages: [pkg("javascript", "@pinecone-database/pinecone", "3.0.0")],
    }),
    sampleFinding({ kind: "dataset", id: "squad", name: "SQuAD", provider: "huggingface", ecosystem: "python" }),
    sampleFinding({ kind: "mcp-server", id: "github", name: "GitHub MCP server", provider: null, ecosystem: "config", confidence: "declared" }),
    sampleFinding({ kind: "dev-tool", id: "claude-code", name: "Claude Code (CLAUDE.md)", provider: "anthropic", ecosystem: null, confidence: "mentioned" }),
    sampleSecret("openai", "project-key", "src/config.ts", 4),
    sampleSecret("anthropic", "api-key", "test/fixtures/env.ts", 2, "test"),
  ];
}

/** A realistic single-repository result with every finding kind. */
export function richResult(): ScanResult {
  return sampleResult([sampleRepository("shop-api", sampleFindings())]);
}
