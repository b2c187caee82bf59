import { CONFIDENCES, FINDING_KINDS, SCOPES } from "@caio/core";
import { DETECTORS, type Detector, type Hit } from "@caio/discovery";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KEY_GENERATORS } from "./helpers/keys.js";

/** Paths each detector reads; every detector must be listed (a new detector joins the suite here). */
const SAMPLE_PATHS: Record<string, readonly string[]> = {
  python: ["src/app.py", "notebooks/a.ipynb", "requirements.txt", "pyproject.toml", "setup.py", "setup.cfg", "poetry.lock", "Pipfile.lock", "environment.yml"],
  javascript: ["src/app.ts", "web/x.mjs", "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml"],
  go: ["main.go", "go.mod", "go.sum"],
  java: ["src/main/java/A.java", "Report.kt", "pom.xml", "build.gradle.kts", "gradle/libs.versions.toml"],
  csharp: ["Program.cs", "Api.csproj", "Directory.Packages.props", "packages.config"],
  ruby: ["app.rb", "Gemfile", "Gemfile.lock", "x.gemspec"],
  config: [
    "docker-compose.yml",
    "Dockerfile",
    "main.tf",
    "main.bicep",
    ".env",
    "application.properties",
    "settings.json",
    "db.sql",
    "schema.prisma",
    "config.toml",
    ".mcp.json",
    ".vscode/mcp.json",
  ],
  scripts: ["run.sh", "Makefile"],
  "dev-tools": ["CLAUDE.md", ".cursorrules", "AGENTS.md", ".github/copilot-instructions.md"],
  prose: ["docs/a.md", "README.md", "notes.txt"],
  secrets: ["notes.txt", "src/app.py", ".env"],
};

/** Tokens that reach deep into the detectors when shuffled into random text. */
const TOKENS = [
  "import openai\n",
  "from openai import OpenAI\n",
  "OpenAI(base_url=",
  "new OpenAI({ baseURL: ",
  'require("openai")',
  "using OpenAI.Chat;\n",
  "import com.openai.client.okhttp.OpenAIOkHttpClient;\n",
  'import "github.com/openai/openai-go"\n',
  "OpenAI::Client.new(",
  'model="',
  "model: ",
  "modelId",
  ".modelName(",
  "gpt-4o",
  "claude-3-5-sonnet-20241022",
  "anthropic/",
  "us.anthropic.claude-3-haiku-20240307-v1:0",
  "meta-llama/Llama-3.1-8B",
  "http://localhost:11434",
  "https://api.groq.com/openai/v1",
  "OPENAI_API_KEY",
  "image: ollama/ollama",
  "FROM vllm/vllm-openai",
  'resource "azurerm_cognitive_deployment" "x" {',
  "model {",
  "'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {",
  "model_list:\n  - litellm_params:\n      model: ",
  '{"mcpServers": {"a": {"command": "npx", "args": ["-y", "',
  '<PackageReference Include="OpenAI" Version="',
  "<dependency><groupId>com.openai</groupId><artifactId>openai-java</artifactId>",
  'gem "ruby-openai"',
  '"openai": "^4"',
  "openai==1.0\n",
  "[tool.poetry.dependencies]\n",
  "CREATE EXTENSION vector;",
  "sk-proj-",
  '"',
  "'",
  "`",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  "\n",
  "#",
  "//",
  "/*",
  "*/",
  "\\",
  "=",
  ":",
  ",",
  ".",
  " ",
  "\t",
  "\u0000",
  "é",
  "\uFEFF",
];

const textArbitrary = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join("")),
  fc
    .tuple(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), fc.constantFrom(...Object.values(KEY_GENERATORS)))
    .map(([parts, key]) => `${parts.join("")}${key()}${parts.join("")}`),
);

const context = { fingerprint: () => "0123456789abcdef0123456789abcdef" };

function checkHits(hits: readonly Hit[], text: string): void {
  const lineCount = text.split("\n").length;
  for (const hit of hits) {
    expect(FINDING_KINDS).toContain(hit.kind);
    expect(CONFIDENCES).toContain(hit.confidence);
    expect(hit.id.length).toBeGreaterThan(0);
    expect(Number.isInteger(hit.line)).toBe(true);
    expect(hit.line).toBeGreaterThanOrEqual(1);
    expect(hit.line).toBeLessThanOrEqual(lineCount);
    if (hit.column !== undefined) expect(hit.column).toBeGreaterThanOrEqual(1);
    expect(hit.detail.length).toBeLessThanOrEqual(300);
    if (hit.scope !== undefined) expect(SCOPES).toContain(hit.scope);
    if (hit.kind === "secret") {
      expect(hit.detail).toBe("");
      expect(hit.secret?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(hit.id).toBe(`secret:${hit.secret?.provider}:${hit.secret?.fingerprint}`);
    }
  }
}

describe.each(DETECTORS.map((d): [string, Detector] => [d.id, d]))("detector conformance: %s", (id, detector) => {
  const paths = SAMPLE_PATHS[id] ?? [];

  it("is listed with sample paths it reads", () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(detector.matches(path), path).toBe(true);
  });

  it("never throws, returns 1-based lines inside the file and short details (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), textArbitrary, (path, text) => {
        const hits = detector.detect({ path, text, scope: "runtime" }, context);
        checkHits(hits, text);
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), textArbitrary, (path, text) => {
        const a = detector.detect({ path, text, scope: "runtime" }, context);
        const b = detector.detect({ path, text, scope: "runtime" }, context);
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it("never puts a key into a detail or endpoint (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }),
        fc.constantFrom(...Object.values(KEY_GENERATORS)),
        (path, parts, generate) => {
          const key = generate();
          const text = `${parts.join("")}"${key}"\nmodel="${key}"\nbase_url="https://api.openai.com/v1?key=${key}"\n${parts.join("")}`;
          for (const hit of detector.detect({ path, text, scope: "runtime" }, context)) {
            expect(hit.detail).not.toContain(key.slice(-12));
            expect(hit.endpoint ?? "").not.toContain(key.slice(-12));
            expect(hit.version ?? "").not.toContain(key.slice(-12));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
