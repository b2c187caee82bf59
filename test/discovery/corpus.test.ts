import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ScanResult } from "@caio/core";
import { ScanResultSchema } from "@caio/core";
import { createFingerprinter, scanPaths } from "@caio/discovery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_PROVIDER, type KeyKind } from "./helpers/keys.js";
import { formatScores, scoreByKind, type Triple } from "./helpers/score.js";
import { materialize, removeTree } from "./helpers/tree.js";

const CORPUS = join(import.meta.dirname, "corpus");
const SECRET_KEY = "corpus-secret-key";
const fingerprint = createFingerprinter(SECRET_KEY);

interface TruthFile {
  description: string;
  findings: ({ kind: Triple["kind"]; id: string; scope: Triple["scope"] } | { kind: "secret"; plant: KeyKind; scope: Triple["scope"] })[];
}

/** Files each repository gets at test time: ignored or skipped content that must never produce findings. */
const EXTRA: Record<string, Record<string, string | Uint8Array>> = {
  "py-rag-service": {
    ".venv/lib/python3.12/site-packages/mistralai/__init__.py": 'from mistralai import Mistral\nclient = Mistral(api_key="k")\n',
    "src/rag/__pycache__/llm.cpython-312.pyc": new Uint8Array([0x6f, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x63, 0x6f, 0x68, 0x65, 0x72, 0x65]),
  },
  "ts-chat-app": {
    "node_modules/openai/index.js": 'const Mistral = require("@mistralai/mistralai");\nnew Mistral();\n',
    "dist/bundle.js": 'import Groq from "groq-sdk";\nnew Groq();\n',
    "assets/logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    "src/data/blob.bin.js": new Uint8Array([0x63, 0x6f, 0x68, 0x65, 0x72, 0x65, 0, 1, 2, 3]),
    "src/huge-fixture.js": `import OpenAI from "openai";\nnew OpenAI({ baseURL: "https://api.mistral.ai/v1" });\n${"// padding\n".repeat(110_000)}`,
  },
  "dotnet-assistant": {
    "src/Assistant/bin/Debug/net8.0/Generated.cs": "using Anthropic;\nvar c = new AnthropicClient();\n",
    "src/Assistant/obj/Debug/Generated.cs": "using Mscc.GenerativeAI;\nvar m = new GenerativeModel();\n",
  },
  "platform-infra": {
    "generated/client.py": "import cohere\nco = cohere.Client()\n",
  },
};

function repositories(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe("labelled corpus", () => {
  const truth: Triple[] = [];
  const found: Triple[] = [];
  const results = new Map<string, ScanResult>();
  const dirs: string[] = [];

  beforeAll(async () => {
    for (const repo of repositories()) {
      const { dir, planted } = materialize(join(CORPUS, repo), EXTRA[repo] ?? {});
      dirs.push(dir);
      const file = JSON.parse(readFileSync(join(CORPUS, `${repo}.truth.json`), "utf8")) as TruthFile;
      for (const item of file.findings) {
        if ("plant" in item) {
          const key = planted.get(item.plant);
          if (!key) throw new Error(`${repo}: nothing planted for ${item.plant}`);
          truth.push({ repo, kind: "secret", id: `secret:${KEY_PROVIDER[item.plant]}:${fingerprint(key)}`, scope: item.scope });
        } else truth.push({ repo, kind: item.kind, id: item.id, scope: item.scope });
      }
      const result = await scanPaths([dir], { secretKey: SECRET_KEY, workers: 0 });
      results.set(repo, result);
      for (const finding of result.repositories[0]?.findings ?? []) found.push({ repo, kind: finding.kind, id: finding.id, scope: finding.scope });
    }
  });

  afterAll(() => {
    for (const dir of dirs) removeTree(dir);
  });

  it("has at least six repositories covering every ecosystem", () => {
    expect(repositories().length).toBeGreaterThanOrEqual(6);
    const ecosystems = new Set([...results.values()].flatMap((r) => r.repositories[0]?.findings.map((f) => f.ecosystem) ?? []));
    for (const ecosystem of ["python", "javascript", "go", "java", "csharp", "ruby", "config"]) expect(ecosystems).toContain(ecosystem);
  });

  it("produces results that satisfy the ScanResult contract", () => {
    for (const result of results.values()) expect(ScanResultSchema.safeParse(result).success).toBe(true);
  });

  it("reaches 0.95 precision and recall on runtime findings (per-kind table printed)", () => {
    const scores = scoreByKind(truth, found);
    process.stdout.write(`\nDiscovery corpus: precision and recall on exact (kind, id, scope) sets\n${formatScores(scores)}\n`);
    const runtime = scores.get("runtime (all kinds)");
    const all = scores.get("all scopes");
    if (all && (all.falsePositives.length || all.falseNegatives.length)) {
      process.stdout.write(`false positives: ${all.falsePositives.join(", ") || "none"}\nfalse negatives: ${all.falseNegatives.join(", ") || "none"}\n`);
    }
    expect(runtime?.precision).toBeGreaterThanOrEqual(0.95);
    expect(runtime?.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("reports no runtime finding for the negatives repository", () => {
    const negatives = results.get("polyglot-negatives")?.repositories[0]?.findings ?? [];
    expect(negatives.filter((f) => f.scope === "runtime")).toEqual([]);
  });

  it("never reports findings from ignored, dependency, build-output, binary or oversized files", () => {
    for (const result of results.values()) {
      for (const finding of result.repositories[0]?.findings ?? []) {
        for (const evidence of finding.evidence) {
          expect(evidence.file).not.toMatch(/(^|\/)(node_modules|dist|\.venv|bin|obj|generated|__pycache__)\//);
          expect(evidence.file).not.toMatch(/huge-fixture|blob\.bin|logo\.png/);
        }
      }
    }
    expect(found.some((t) => t.id === "mistral" || t.id === "cohere" || t.id === "groq-sdk")).toBe(found.some((t) => t.id === "cohere" && t.scope === "docs"));
  });

  it("keeps lockfile versions on the declared SDK and ignores transitive lockfile entries", () => {
    const findings = results.get("ts-chat-app")?.repositories[0]?.findings ?? [];
    expect(findings.find((f) => f.kind === "sdk" && f.id === "openai" && f.scope === "runtime")?.version).toBe("4.67.3");
    expect(findings.some((f) => f.id === "groq")).toBe(false);
    const ruby = results.get("ruby-helpdesk")?.repositories[0]?.findings ?? [];
    expect(ruby.find((f) => f.kind === "sdk" && f.id === "openai")?.version).toBe("7.3.1");
  });

  it("classifies the provider by base URL, not by SDK", () => {
    const py = results.get("py-rag-service")?.repositories[0]?.findings ?? [];
    const groq = py.find((f) => f.kind === "provider" && f.id === "groq");
    expect(groq?.confidence).toBe("used");
    expect(groq?.endpoint).toBe("https://api.groq.com/openai/v1");
    const go = results.get("go-gateway")?.repositories[0]?.findings ?? [];
    expect(go.find((f) => f.kind === "provider" && f.id === "ollama")?.confidence).toBe("used");
  });
});
