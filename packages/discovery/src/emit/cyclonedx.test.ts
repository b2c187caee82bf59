import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { describe, expect, it } from "vitest";
import { toCycloneDx } from "./cyclonedx.js";
import { richResult, sampleFinding, sampleFindings, sampleRepository, sampleResult, sampleSecret } from "./samples.js";

type Json = Record<string, unknown>;
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
const opts = { serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", timestamp: new Date("2026-11-23T10:00:03Z") };

async function validate(bom: Json): Promise<unknown> {
  return validator.validate(JSON.stringify(bom));
}

function components(bom: Json): Json[] {
  return (bom.components as Json[] | undefined) ?? [];
}

function services(bom: Json): Json[] {
  return (bom.services as Json[] | undefined) ?? [];
}

function props(node: Json): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of (node.properties as { name: string; value: string }[] | undefined) ?? []) out[p.name] = [...(out[p.name] ?? []), p.value];
  return out;
}

function byRefPart(list: Json[], part: string): Json {
  const found = list.find((c) => String(c["bom-ref"]).includes(part));
  if (!found) throw new Error(`no node with bom-ref containing ${part}`);
  return found;
}

function dependsOn(bom: Json, ref: unknown): string[] {
  const deps = (bom.dependencies as { ref: string; dependsOn?: string[] }[]).find((d) => d.ref === ref);
  return deps?.dependsOn ?? [];
}

const unicodeResult = () =>
  sampleResult([
    sampleRepository("données-ünïcode 日本語", [
      sampleFinding({ name: "Ö SDK ✓", evidence: [{ file: "src/模型 file.ts", line: 1, detector: "javascript", signal: "import", detail: "import ✓" }] }),
      sampleFinding({ kind: "model", id: "gpt-4o", name: "GPT‑4o «fast»" }),
      sampleFinding({ kind: "provider", id: "openai", name: "OpenAI API", endpoint: "https://api.openai.com/v1/ü" }),
    ]),
  ]);

const manyRepositories = () =>
  sampleResult(Array.from({ length: 12 }, (_, i) => sampleRepository(i === 11 ? "repo-0" : `repo-${i}`, i % 3 === 0 ? [] : sampleFindings().slice(0, 4 + i))));

describe("toCycloneDx", () => {
  const cases: [string, () => ReturnType<typeof sampleResult>][] = [
    ["an empty result", () => sampleResult([])],
    ["one repository without findings", () => sampleResult([sampleRepository("empty", [])])],
    ["every kind", richResult],
    ["unicode names and paths", unicodeResult],
    ["many repositories, one name twice", manyRepositories],
    [
      "findings without evidence",
      () =>
        sampleResult([
          sampleRepository(
            "bare",
            sampleFindings().map((f) => ({ ...f, evidence: [] })),
          ),
        ]),
    ],
  ];
  it.each(cases)("passes strict CycloneDX 1.6 validation: %s", async (_name, make) => {
    const bom = toCycloneDx(make(), opts);
    expect(bom.specVersion).toBe("1.6");
    expect(await validate(bom)).toBeNull();
  });

  it("rejects a BOM with an invented field, so the validation test can fail", async () => {
    const bom = toCycloneDx(richResult(), opts);
    const model = components(bom).find((c) => c.type === "machine-learning-model") as Json;
    model.modelCard = { modelParameters: { tasks: ["chat"] } };
    expect(JSON.stringify(await validate(bom))).toContain("additionalProperties");
    const bom2 = toCycloneDx(richResult(), opts);
    (services(bom2)[0] as Json).endpointz = ["https://api.openai.com"];
    expect(JSON.stringify(await validate(bom2))).toContain("endpointz");
  });

  it("puts the repository in metadata.component and the tool in metadata.tools", () => {
    const bom = toCycloneDx(richResult(), opts);
    const meta = bom.metadata as Json;
    expect(meta.component).toMatchObject({ type: "application", name: "shop-api" });
    expect(meta.timestamp).toBe("2026-11-23T10:00:03.000Z");
    expect((meta.tools as Json).components).toEqual([{ type: "application", name: "caio", version: "0.1.0" }]);
    expect(bom.serialNumber).toBe(opts.serialNumber);
    expect(props(meta.component as Json)["caio:files-scanned"]).toEqual([String(richResult().repositories[0]?.filesScanned)]);
  });

  it("maps SDKs to library components with purls per ecosystem, from the finding's packages", () => {
    const libraries = components(toCycloneDx(richResult(), opts)).filter((c) => c.type === "library");
    expect(libraries.map((c) => c.purl ?? null).sort()).toEqual([
      null, // anthropic: two packages, nested below
      null, // langchain: no packages, no guessed purl
      "pkg:gem/ruby-openai", // "~> 7.0" is a range, not a version
      "pkg:golang/github.com/openai/openai-go@v1.8.2",
      "pkg:maven/com.anthropic/anthropic-java@2.1.0",
      "pkg:npm/openai@4.23.0",
      "pkg:nuget/Azure.AI.OpenAI@2.1.0",
      "pkg:pypi/openai@1.51.0",
    ]);
    const anthropic = libraries.find((c) => c.name === "Anthropic SDK") as Json;
    expect(anthropic.version).toBe("^0.30.1");
    expect((anthropic.components as Json[]).map((c) => [c.name, c.purl])).toEqual([
      ["@anthropic-ai/bedrock-sdk", "pkg:npm/%40anthropic-ai/bedrock-sdk@0.12.0"],
      ["@anthropic-ai/sdk", "pkg:npm/%40anthropic-ai/sdk"],
    ]);
    const pinecone = byRefPart(components(toCycloneDx(richResult(), opts)), "vector-store:pinecone");
    expect((pinecone.components as Json[])[0]).toMatchObject({ type: "library", purl: "pkg:npm/%40pinecone-database/pinecone@3.0.0" });
  });

  it("maps models to machine-learning-model components with evidence and provider as manufacturer", () => {
    const bom = toCycloneDx(richResult(), opts);
    const gpt = byRefPart(components(bom), "model:gpt-4o:");
    expect(gpt).toMatchObject({ type: "machine-learning-model", name: "GPT-4o", publisher: "openai", manufacturer: { name: "openai" }, scope: "required" });
    expect(gpt.evidence).toEqual({
      identity: [{ field: "name", confidence: 0.6, methods: [{ technique: "source-code-analysis", confidence: 0.6 }] }],
      occurrences: [{ location: "src/ai.ts", line: 8, additionalContext: 'model: "gpt-4o"' }],
    });
    expect(props(gpt)).toMatchObject({ "caio:scope": ["runtime"], "caio:confidence": ["referenced"], "caio:repository": ["shop-api"] });
    const hf = byRefPart(components(bom), "all-MiniLM");
    expect(hf.purl).toBe("pkg:huggingface/sentence-transformers/all-MiniLM-L6-v2");
    const testModel = byRefPart(components(bom), "gpt-3.5-turbo");
    expect(testModel.scope).toBe("excluded");
  });

  it("maps confidence levels to identity confidences and manifests to manifest-analysis", () => {
    const bom = toCycloneDx(richResult(), opts);
    const declared = byRefPart(components(bom), "sdk:openai:runtime");
    const identity = (declared.evidence as Json).identity as Json[];
    expect(identity[0]).toMatchObject({ confidence: 1, methods: [{ technique: "manifest-analysis", confidence: 1 }] });
    const used = byRefPart(components(bom), "sdk:anthropic:runtime");
    expect(((used.evidence as Json).identity as Json[])[0]?.confidence).toBe(0.9);
    const mentioned = byRefPart(components(bom), "mystery-model");
    expect(((mentioned.evidence as Json).identity as Json[])[0]?.confidence).toBe(0.3);
  });

  it("maps providers and services to services with endpoints and trust boundaries", () => {
    const bom = toCycloneDx(richResult(), opts);
    const openai = byRefPart(services(bom), "provider:openai");
    expect(openai).toMatchObject({
      name: "OpenAI API",
      provider: { name: "openai" },
      endpoints: ["https://api.openai.com/v1"],
      authenticated: true,
      "x-trust-boundary": true,
    });
    expect(props(openai)["caio:location"]).toEqual(["src/ai.ts:5"]);
    const ollama = byRefPart(services(bom), "provider:ollama");
    expect(ollama["x-trust-boundary"]).toBe(false);
    expect(ollama.authenticated).toBeUndefined();
    const langsmith = byRefPart(services(bom), "service:langsmith");
    expect(langsmith.endpoints).toBeUndefined();
    expect(props(langsmith)["caio:endpoint"]).toEqual(["not a url"]);
  });

  it("maps datasets, vector stores, MCP servers and dev tools to sensible component types", () => {
    const bom = toCycloneDx(richResult(), opts);
    expect(byRefPart(components(bom), "dataset:squad")).toMatchObject({ type: "data", data: [{ type: "dataset", name: "squad" }] });
    expect(byRefPart(components(bom), "vector-store:pinecone").type).toBe("application");
    expect(byRefPart(components(bom), "mcp-server:github").type).toBe("application");
    const devTool = byRefPart(components(bom), "dev-tool:claude-code");
    expect(devTool.type).toBe("application");
    expect(props(devTool)["caio:dev-tool"]).toEqual(["true"]);
  });

  it("links application → libraries and services, service → models of its provider", () => {
    const bom = toCycloneDx(richResult(), opts);
    const app = (bom.metadata as Json).component as Json;
    const appDeps = dependsOn(bom, app["bom-ref"]);
    const openaiService = byRefPart(services(bom), "provider:openai")["bom-ref"];
    const groqService = byRefPart(services(bom), "provider:groq")["bom-ref"];
    expect(appDeps).toContain(openaiService);
    expect(appDeps).toContain(byRefPart(components(bom), "sdk:openai:runtime")["bom-ref"]);
    expect(dependsOn(bom, openaiService)).toEqual(
      [byRefPart(components(bom), "model:gpt-4o")["bom-ref"], byRefPart(components(bom), "gpt-3.5")["bom-ref"]].sort(),
    );
    expect(dependsOn(bom, groqService)).toEqual([byRefPart(components(bom), "llama-3.3")["bom-ref"]]);
    // No anthropic service in this repository: the application depends on the Claude model directly.
    expect(appDeps).toContain(byRefPart(components(bom), "claude-sonnet")["bom-ref"]);
  });

  it("never emits secrets as components and summarises them per provider without fingerprints", () => {
    const result = richResult();
    const bom = toCycloneDx(result, opts);
    const text = JSON.stringify(bom);
    for (const f of result.repositories[0]?.findings ?? []) {
      if (f.secret) expect(text).not.toContain(f.secret.fingerprint.slice(0, 8));
    }
    expect(text).not.toContain("secret:");
    expect(components(bom).some((c) => props(c)["caio:kind"]?.includes("secret"))).toBe(false);
    const app = props((bom.metadata as Json).component as Json);
    expect(app["caio:secrets"]).toEqual(["2"]);
    expect(app["caio:secrets:openai"]).toEqual(["1"]);
    expect(app["caio:secrets:anthropic"]).toEqual(["1"]);
  });

  it("gives every repository its own application component under a root with several repositories", async () => {
    const result = sampleResult([
      sampleRepository("a", [sampleFinding()]),
      sampleRepository("b", [sampleFinding(), sampleSecret("groq", "api-key", ".env", 1)]),
    ]);
    const bom = toCycloneDx(result, opts);
    const root = (bom.metadata as Json).component as Json;
    expect(root.name).toBe("caio-scan");
    const apps = components(bom).filter((c) => c.type === "application");
    expect(apps.map((a) => a.name).sort()).toEqual(["a", "b"]);
    expect(dependsOn(bom, root["bom-ref"]).sort()).toEqual(apps.map((a) => a["bom-ref"] as string).sort());
    const refs = [...components(bom), ...services(bom)].map((c) => c["bom-ref"]);
    expect(new Set(refs).size).toBe(refs.length);
    expect(await validate(bom)).toBeNull();
  });

  it("is deterministic for a fixed serial number and timestamp", () => {
    expect(JSON.stringify(toCycloneDx(richResult(), opts))).toBe(JSON.stringify(toCycloneDx(richResult(), opts)));
    expect(toCycloneDx(sampleResult([])).serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
});
