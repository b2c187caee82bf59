import { isCaioError, ValidationError } from "@caio/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { richResult, sampleFinding, sampleRepository, sampleResult, sampleSecret } from "./emit/samples.js";
import { evaluatePolicy, globMatch, type Policy, PolicyError, parsePolicy } from "./policy.js";

const FILE = "caio-policy.yaml";

const EXAMPLE = `# CI gate for the shop
version: 1
providers:
  allow: [openai, anthropic, azure-openai]   # providers not listed are violations
models:
  allow: [gpt-4o, gpt-4o-mini, "claude-sonnet-4*"]
  deny: ["gpt-3.5*"]
secrets: forbid
scopes: [runtime]
`;

function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, FILE);
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error("expected parsePolicy to throw");
}

function policy(over: Partial<Policy> = {}): Policy {
  return { ...parsePolicy("version: 1\n", FILE), ...over };
}

describe("parsePolicy", () => {
  it("reads the documented example", () => {
    expect(parsePolicy(EXAMPLE, FILE)).toEqual({
      version: 1,
      providers: { allow: ["openai", "anthropic", "azure-openai"] },
      models: { allow: ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4*"], deny: ["gpt-3.5*"] },
      secrets: "forbid",
      scopes: ["runtime"],
    });
  });

  it("defaults to: any provider, any model, secrets forbidden, runtime scope only", () => {
    expect(parsePolicy("version: 1", FILE)).toEqual({ version: 1, secrets: "forbid", scopes: ["runtime"] });
  });

  it.each([
    ["a YAML syntax error", "version: 1\nproviders:\n  allow: [openai\n", /^caio-policy\.yaml:4:1: invalid YAML: /, 4, ""],
    ["a duplicate key", "version: 1\nsecrets: allow\nsecrets: forbid\n", /^caio-policy\.yaml:3:1: invalid YAML: .*unique/i, 3, ""],
    ["a wrong version", "version: 2\n", /^caio-policy\.yaml:1:10: version: must be 1$/, 1, "version"],
    ["a missing version", "# policy\n\nsecrets: allow\n", /^caio-policy\.yaml:3:1: version: is required$/, 3, "version"],
    [
      "an unknown top-level field",
      "version: 1\nprovider:\n  allow: [openai]\n",
      /^caio-policy\.yaml:2:1: provider: unknown field \(allowed here: version, providers, models, secrets, scopes\)$/,
      2,
      "provider",
    ],
    [
      "an unknown nested field",
      "version: 1\nmodels:\n  alow: [gpt-4o]\n",
      /^caio-policy\.yaml:3:3: models\.alow: unknown field \(allowed here: allow, deny\)$/,
      3,
      "models.alow",
    ],
    [
      "a non-string list item",
      "version: 1\nmodels:\n  allow:\n    - gpt-4o\n    - 42\n",
      /^caio-policy\.yaml:5:7: models\.allow\.1: must be a name or glob pattern \(a string\)$/,
      5,
      "models.allow.1",
    ],
    [
      "an empty pattern",
      "version: 1\nproviders:\n  allow: [openai, '']\n",
      /^caio-policy\.yaml:3:19: providers\.allow\.1: must not be empty$/,
      3,
      "providers.allow.1",
    ],
    ["a bad secrets value", "version: 1\nsecrets: maybe\n", /^caio-policy\.yaml:2:10: secrets: must be forbid or allow$/, 2, "secrets"],
    [
      "an unknown scope",
      "version: 1\nscopes:\n  - runtime\n  - staging\n",
      /^caio-policy\.yaml:4:5: scopes\.1: must be one of runtime, test, docs, example$/,
      4,
      "scopes.1",
    ],
    ["a mapping as a key", "version: 1\n? [a, b]\n: c\n", /^caio-policy\.yaml:2:3: invalid YAML: keys must be plain names/, 2, ""],
    [
      "a list instead of a mapping",
      "version: 1\nproviders: [openai]\n",
      /^caio-policy\.yaml:2:12: providers: must be a mapping with an `allow` list$/,
      2,
      "providers",
    ],
    ["an empty file", "", /^caio-policy\.yaml:1:1: the policy must be a YAML mapping/, 1, ""],
    ["a scalar document", "hello\n", /^caio-policy\.yaml:1:1: the policy must be a YAML mapping/, 1, ""],
  ])("names the line, field and reason for %s", (_name, text, message, line, field) => {
    const e = errorOf(text);
    expect(e.message).toMatch(message);
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.file).toBe(FILE);
    expect(e).toBeInstanceOf(ValidationError);
    expect(isCaioError(e) && e.code).toBe("validation");
  });

  it("mentions further problems and lists them all as issues", () => {
    const e = errorOf("version: 3\nsecrets: nope\nscopes: []\n");
    expect(e.message).toMatch(/^caio-policy\.yaml:1:10: version: must be 1 \(and 2 more problems\)$/);
    expect(e.issues.map((i) => i.path)).toEqual(["version", "secrets", "scopes"]);
    expect(e.issues[1]?.message).toBe("line 2: must be forbid or allow");
  });

  it("refuses alias bombs with a PolicyError", () => {
    const bomb = `version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(() => parsePolicy(bomb, FILE)).toThrow(PolicyError);
  });

  it("throws nothing but PolicyError, whatever the text (property)", () => {
    const yamlish = fc.stringMatching(/^[a-z0-9:\-[\]{},'"&*!|>%@`#?\n .]{0,80}$/);
    const structured = fc.anything().map((v) => {
      try {
        return stringify({ version: 1, ...(typeof v === "object" && v !== null ? v : { v }) });
      } catch {
        return "version: 1";
      }
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), yamlish, structured), (text) => {
        try {
          const p = parsePolicy(text, FILE);
          expect(p.version).toBe(1);
        } catch (e) {
          expect(e).toBeInstanceOf(PolicyError);
          expect((e as PolicyError).message).toMatch(/^caio-policy\.yaml:\d+:\d+: /);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("globMatch", () => {
  it.each([
    ["gpt-4o", "gpt-4o", true],
    ["gpt-4o", "gpt-4o-mini", false],
    ["claude-sonnet-4*", "claude-sonnet-4-20250514", true],
    ["claude-sonnet-4*", "claude-3-5-sonnet", false],
    ["gpt-3.5*", "gpt-3.5-turbo", true],
    ["gpt-3.5*", "gpt-305", false], // "." is literal
    ["o?-mini", "o3-mini", true],
    ["GPT-4O", "gpt-4o", true], // case-insensitive
    ["*", "anything/at:all", true],
    ["a+b(c)", "a+b(c)", true],
    ["模?", "模型", true],
  ])("%s matches %s: %s", (pattern, value, expected) => {
    expect(globMatch(pattern, value)).toBe(expected);
  });

  it("treats every other character literally (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((p) => !/[*?]/.test(p)),
        (p) => {
          expect(globMatch(p, p)).toBe(true);
          expect(globMatch(p, `${p}x`)).toBe(false);
          expect(globMatch(`${p}*`, `${p}anything`)).toBe(true);
        },
      ),
    );
  });
});

describe("evaluatePolicy", () => {
  const repo = (...findings: Parameters<typeof sampleRepository>[1]) => sampleResult([sampleRepository("shop", findings)]);

  it("allows everything but secrets by default", () => {
    const violations = evaluatePolicy(richResult(), policy());
    expect(violations.map((v) => v.ruleId)).toEqual(["caio/policy/secret", "caio/policy/secret"]);
  });

  it("forbids secrets by default, in every scope, without key material in the message", () => {
    const secret = sampleSecret("openai", "project-key", "src/config.ts", 4);
    const [v, ...rest] = evaluatePolicy(repo(secret, sampleSecret("groq", "api-key", "test/x.ts", 9, "test")), parsePolicy("version: 1\n", FILE));
    expect(rest).toHaveLength(1);
    expect(v).toEqual({
      ruleId: "caio/policy/secret",
      repository: "shop",
      kind: "secret",
      findingId: secret.id,
      scope: "runtime",
      location: { file: "src/config.ts", line: 4 },
      message: expect.stringMatching(/^Hard-coded secret: openai project-key in src\/config\.ts:4 \(fingerprint [0-9a-f]{8}…\)\. The policy forbids secrets/),
    });
    expect(v?.message).not.toContain(secret.secret?.fingerprint.slice(0, 9));
    expect(evaluatePolicy(repo(secret), policy({ secrets: "allow" }))).toEqual([]);
  });

  it("flags providers not on the allow-list: provider findings and the provider of models and SDKs", () => {
    const result = repo(
      sampleFinding({ kind: "provider", id: "groq", name: "Groq API", provider: "groq" }),
      sampleFinding({ kind: "model", id: "llama-3.3-70b-versatile", provider: "groq" }),
      sampleFinding({ kind: "sdk", id: "openai", provider: "groq" }), // OpenAI SDK pointed at Groq
      sampleFinding({ kind: "sdk", id: "openai", provider: "openai" }),
      sampleFinding({ kind: "model", id: "mystery", provider: null }), // unknown vendor: not a provider violation
      sampleFinding({ kind: "vector-store", id: "pinecone", provider: "pinecone" }), // not an AI provider
    );
    const violations = evaluatePolicy(result, policy({ providers: { allow: ["openai", "anthropic"] } }));
    expect(violations.map((v) => [v.ruleId, v.kind, v.findingId])).toEqual([
      ["caio/policy/provider-not-allowed", "provider", "groq"],
      ["caio/policy/provider-not-allowed", "model", "llama-3.3-70b-versatile"],
      ["caio/policy/provider-not-allowed", "sdk", "openai"],
    ]);
    expect(violations[1]?.message).toBe(
      "Provider groq (via model llama-3.3-70b-versatile) is not allowed by the policy (allowed: openai, anthropic); found in src/ai.ts:3.",
    );
    expect(evaluatePolicy(result, policy({ providers: { allow: ["OpenAI", "g*"] } }))).toEqual([]);
    expect(evaluatePolicy(result, policy({ providers: { allow: [] } }))).toHaveLength(4);
  });

  it("matches models with globs, deny winning over allow", () => {
    const models = ["gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo", "claude-sonnet-4-20250514", "claude-3-opus-20240229"];
    const result = repo(...models.map((id) => sampleFinding({ kind: "model", id, name: id })));
    const p = parsePolicy(EXAMPLE, FILE);
    const violations = evaluatePolicy(result, { ...p, providers: undefined });
    expect(violations.map((v) => v.findingId)).toEqual(["gpt-3.5-turbo", "claude-3-opus-20240229"]);
    expect(violations[0]?.message).toBe('Model gpt-3.5-turbo is denied by the policy pattern "gpt-3.5*"; found in src/ai.ts:3.');
    expect(violations[1]?.message).toMatch(/^Model claude-3-opus-20240229 is not allowed by the policy \(allowed: gpt-4o, gpt-4o-mini, claude-sonnet-4\*\)/);
    const denyOverAllow = evaluatePolicy(result, policy({ models: { allow: ["*"], deny: ["gpt-4o*"] } }));
    expect(denyOverAllow.map((v) => v.findingId)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(evaluatePolicy(result, policy({ models: { deny: ["claude-*"] } })).map((v) => v.findingId)).toEqual([
      "claude-sonnet-4-20250514",
      "claude-3-opus-20240229",
    ]);
  });

  it("checks only the policy's scopes for providers and models", () => {
    const result = repo(
      sampleFinding({ kind: "model", id: "gpt-3.5-turbo", scope: "test" }),
      sampleFinding({ kind: "model", id: "gpt-3.5-turbo", scope: "docs" }),
      sampleFinding({ kind: "model", id: "gpt-3.5-turbo", scope: "runtime" }),
      sampleFinding({ kind: "provider", id: "groq", scope: "example" }),
    );
    const models = { deny: ["gpt-3.5*"] };
    const providers = { allow: ["openai"] };
    expect(evaluatePolicy(result, policy({ models, providers })).map((v) => v.scope)).toEqual(["runtime"]);
    expect(evaluatePolicy(result, policy({ models, providers, scopes: ["test", "example"] })).map((v) => `${v.kind}:${v.scope}`)).toEqual([
      "model:test",
      "provider:example",
    ]);
  });

  it("reports a null location for findings without evidence", () => {
    const [v] = evaluatePolicy(repo(sampleFinding({ kind: "model", id: "gpt-3.5", evidence: [] })), policy({ models: { deny: ["gpt-3.5"] } }));
    expect(v?.location).toBeNull();
    expect(v?.message).toBe('Model gpt-3.5 is denied by the policy pattern "gpt-3.5".');
  });
});
