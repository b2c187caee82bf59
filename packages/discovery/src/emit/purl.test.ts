import type { Finding } from "@caio/core";
import { describe, expect, it } from "vitest";
import { exactVersion, type FindingPackage, findingPurl, modelPurl, packagesOf, purlOf } from "./purl.js";
import { sampleFinding } from "./samples.js";

const pkg = (ecosystem: FindingPackage["ecosystem"], name: string, version: string | null = null): FindingPackage => ({ ecosystem, name, version });

describe("purlOf", () => {
  it.each([
    [pkg("javascript", "openai", "4.23.0"), "pkg:npm/openai@4.23.0"],
    [pkg("javascript", "@anthropic-ai/sdk", "0.30.1"), "pkg:npm/%40anthropic-ai/sdk@0.30.1"],
    [pkg("python", "Sentence_Transformers", "==3.0.1"), "pkg:pypi/sentence-transformers@3.0.1"],
    [pkg("go", "github.com/openai/openai-go/v2", "v2.1.0"), "pkg:golang/github.com/openai/openai-go/v2@v2.1.0"],
    [pkg("java", "com.openai:openai-java", "1.0.0"), "pkg:maven/com.openai/openai-java@1.0.0"],
    [pkg("csharp", "Azure.AI.OpenAI", "2.1.0-beta.2"), "pkg:nuget/Azure.AI.OpenAI@2.1.0-beta.2"],
    [pkg("ruby", "ruby-openai", "7.3.1"), "pkg:gem/ruby-openai@7.3.1"],
  ])("builds the purl of %o", (p, purl) => {
    expect(purlOf(p)).toBe(purl);
  });

  it("leaves out versions that are ranges", () => {
    for (const v of ["^4.0.0", "~> 7.0", ">=1.2", "4.x", "*", "1.2 - 1.4", "latest"]) {
      expect(exactVersion(v)).toBeNull();
      expect(purlOf(pkg("javascript", "openai", v))).toBe("pkg:npm/openai");
    }
  });

  it("gives no purl rather than a wrong one", () => {
    expect(purlOf(pkg("config", "openai"))).toBeNull(); // no registry
    expect(purlOf(pkg("go", "openai"))).toBeNull(); // not a module path
    expect(purlOf(pkg("java", "openai"))).toBeNull(); // not group:artifact
    expect(purlOf(pkg("python", "Open AI"))).toBeNull();
  });
});

describe("packagesOf and findingPurl", () => {
  it("reads the proposed packages field, or a single package name", () => {
    const many = { ...sampleFinding({ id: "anthropic" }), packages: [pkg("javascript", "@anthropic-ai/sdk"), pkg("javascript", "@anthropic-ai/bedrock-sdk")] };
    expect(packagesOf(many)).toHaveLength(2);
    expect(findingPurl(many)).toBeNull(); // several packages: no single purl
    const one = { ...sampleFinding({ id: "anthropic", version: "0.30.1" }), package: "@anthropic-ai/sdk" } as Finding;
    expect(findingPurl(one)).toBe("pkg:npm/%40anthropic-ai/sdk@0.30.1");
  });

  it("does not guess a package from the canonical id", () => {
    expect(packagesOf(sampleFinding({ id: "anthropic" }))).toEqual([]);
    expect(findingPurl(sampleFinding({ id: "openai" }))).toBeNull();
  });

  it("ignores malformed package entries", () => {
    const f = {
      ...sampleFinding(),
      packages: [{ name: "x" }, pkg("javascript", "openai"), null, { ecosystem: "npm", name: "y", version: null }],
    } as unknown as Finding;
    expect(packagesOf(f)).toEqual([pkg("javascript", "openai")]);
  });
});

describe("modelPurl", () => {
  it("names Hugging Face models and nothing else", () => {
    expect(modelPurl(sampleFinding({ kind: "model", id: "meta-llama/Llama-3.1-8B", provider: "huggingface" }))).toBe("pkg:huggingface/meta-llama/Llama-3.1-8B");
    expect(modelPurl(sampleFinding({ kind: "model", id: "gpt-4o", provider: "openai" }))).toBeNull();
    expect(modelPurl(sampleFinding({ kind: "model", id: "bert-base-uncased", provider: "huggingface" }))).toBeNull();
  });
});
