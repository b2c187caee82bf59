import type { Finding, ScanResult } from "@caio/core";
import { createFingerprinter, scanPaths } from "@caio/discovery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_GENERATORS, KEY_PROVIDER, type KeyKind } from "./helpers/keys.js";
import { removeTree, tempDir, writeTree } from "./helpers/tree.js";

const KEY_A = "installation-secret-a";
const KEY_B = Buffer.from("installation-secret-b");

/** Every 8-character substring of a key: none may appear anywhere in the output. */
function fragments(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 8 <= key.length; i++) out.push(key.slice(i, i + 8));
  return out;
}

function secrets(result: ScanResult): Finding[] {
  return result.repositories.flatMap((r) => r.findings.filter((f) => f.kind === "secret"));
}

describe("secrets are never stored or printed", () => {
  let dir: string;
  const keys = new Map<KeyKind, string>();
  let resultA: ScanResult;
  let resultA2: ScanResult;
  let resultB: ScanResult;

  beforeAll(async () => {
    for (const kind of Object.keys(KEY_GENERATORS) as KeyKind[]) keys.set(kind, KEY_GENERATORS[kind]());
    const k = (kind: KeyKind) => keys.get(kind) ?? "";
    dir = tempDir();
    writeTree(dir, {
      ".env": `OPENAI_API_KEY=${k("openai-project")}\nGROQ_API_KEY=${k("groq")}\nGEMINI_API_KEY=${k("google")}\n`,
      "src/app.py": `from openai import OpenAI\nclient = OpenAI(api_key="${k("openai-legacy")}", base_url="https://api.openai.com/v1?key=${k("openai-project")}")\nmodel = "${k("anthropic")}"\n`,
      "src/gemini.ts": `const url = "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent?key=${k("google")}";\nexport const GEMINI_API_KEY = "${k("google")}";\n`,
      "config/app.yaml": `replicate:\n  token: ${k("replicate")}\nmodel: ${k("xai")}\nendpoint: https://user:${k("openrouter")}@api.openai.com/v1\n`,
      "deploy/values.json": JSON.stringify({ pinecone: k("pinecone"), langsmith: k("langsmith"), aws: k("aws"), pplx: k("perplexity") }, null, 2),
      ".mcp.json": JSON.stringify({ mcpServers: { hf: { command: "npx", args: ["-y", "hf-mcp"], env: { HF_TOKEN: k("huggingface") } } } }),
      "docs/setup.md": `Set OPENAI_API_KEY=${k("openai-project")} (do not do this).\n`,
      "tests/test_keys.py": `KEY = "${k("anthropic")}"\n`,
      "requirements.txt": `openai==1.0  # token ${k("groq")}\n`,
    });
    resultA = await scanPaths([dir], { secretKey: KEY_A, workers: 0 });
    resultA2 = await scanPaths([dir], { secretKey: KEY_A, workers: 0 });
    resultB = await scanPaths([dir], { secretKey: KEY_B, workers: 0 });
  });

  afterAll(() => removeTree(dir));

  it("finds the planted keys with provider, kind, file, line and fingerprint only", () => {
    const found = secrets(resultA);
    const fingerprint = createFingerprinter(KEY_A);
    for (const [kind, key] of keys) {
      const id = `secret:${KEY_PROVIDER[kind]}:${fingerprint(key)}`;
      const finding = found.find((f) => f.id === id);
      expect(finding, `${kind} not found`).toBeDefined();
      expect(finding?.secret).toEqual({ provider: KEY_PROVIDER[kind], keyKind: expect.any(String), fingerprint: fingerprint(key) });
      for (const evidence of finding?.evidence ?? []) {
        expect(evidence.detail).toBe("");
        expect(evidence.line).toBeGreaterThanOrEqual(1);
        expect(evidence.signal).toBe("secret");
      }
    }
  });

  it("reports the same key as one finding per scope, counting every occurrence", () => {
    const fingerprint = createFingerprinter(KEY_A);
    const openai = secrets(resultA).filter((f) => f.id === `secret:openai:${fingerprint(keys.get("openai-project") ?? "")}`);
    expect(openai.map((f) => f.scope).sort()).toEqual(["docs", "runtime"]);
    expect(openai.find((f) => f.scope === "runtime")?.occurrences).toBe(2);
  });

  it("puts no fragment of any key anywhere in the result", () => {
    for (const result of [resultA, resultB]) {
      const json = JSON.stringify(result);
      for (const [kind, key] of keys) {
        for (const fragment of fragments(key)) expect(json.includes(fragment), `${kind} fragment ${fragment.length} chars leaked`).toBe(false);
      }
    }
  });

  it("keeps fingerprints stable under one secret key and different under another", () => {
    const idsA = secrets(resultA)
      .map((f) => f.id)
      .sort();
    const idsA2 = secrets(resultA2)
      .map((f) => f.id)
      .sort();
    const idsB = secrets(resultB)
      .map((f) => f.id)
      .sort();
    expect(idsA2).toEqual(idsA);
    expect(idsB.length).toBe(idsA.length);
    for (const id of idsB) expect(idsA).not.toContain(id);
  });

  it("leaves no key in RegExp's legacy match statics after scanning", () => {
    const statics = RegExp as unknown as Record<string, string>;
    const leftovers = [statics.lastMatch, statics.leftContext, statics.rightContext, statics.input].join("\n");
    for (const key of keys.values()) expect(leftovers.includes(key.slice(-10))).toBe(false);
  });

  it("redacts keys from endpoints built from URLs with credentials or query strings", () => {
    const endpoints = resultA.repositories.flatMap((r) => r.findings.map((f) => f.endpoint ?? ""));
    expect(endpoints).toContain("https://api.openai.com/v1");
    expect(endpoints.every((e) => !e.includes("?") && !e.includes("@"))).toBe(true);
  });
});
