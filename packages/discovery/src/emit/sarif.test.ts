import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { evaluatePolicy, parsePolicy } from "../policy.js";
import { richResult, sampleFinding, sampleFindings, sampleRepository, sampleResult, sampleSecret } from "./samples.js";
import { SARIF_RULES, toSarif } from "./sarif.js";

type Json = Record<string, unknown>;

// The official SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif (only the JSON file is used).
// It declares draft-04 but uses nothing draft-07 reads differently, so ajv (draft-07) validates it
// once the draft-04 `$schema`/`id` markers are dropped. One of its patterns (`language`) is not a
// valid regular expression in unicode mode, hence `unicodeRegExp: false`.
const schemaFile = new URL("../../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json", import.meta.url);
const { $schema: _draft, id: _id, ...sarifSchema } = JSON.parse(readFileSync(schemaFile, "utf8")) as Json;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormatsModule.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

function check(log: Json): string {
  return validateSarif(log) ? "" : ajv.errorsText(validateSarif.errors);
}

function run(log: Json): Json {
  return (log.runs as Json[])[0] as Json;
}

function results(log: Json): Json[] {
  return run(log).results as Json[];
}

const POLICY = `version: 1
providers:
  allow: [openai, anthropic]
models:
  allow: [gpt-4o, "claude-sonnet-4*"]
  deny: ["gpt-3.5*"]
scopes: [runtime, test]
`;

describe("toSarif", () => {
  const cases: [string, () => ReturnType<typeof sampleResult>][] = [
    ["an empty result", () => sampleResult([])],
    ["every kind", richResult],
    [
      "unicode paths and several repositories",
      () =>
        sampleResult([
          sampleRepository("é", [
            sampleFinding({ evidence: [{ file: "src/模型 file#1.ts", line: 2, column: 4, detector: "javascript", signal: "import", detail: "" }] }),
          ]),
          sampleRepository("b", sampleFindings()),
        ]),
    ],
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
  it.each(cases)("validates against the SARIF 2.1.0 schema: %s", (_name, make) => {
    const result = make();
    expect(check(toSarif(result))).toBe("");
    expect(check(toSarif(result, { policyViolations: evaluatePolicy(result, parsePolicy(POLICY, "caio-policy.yaml")) }))).toBe("");
  });

  it("fails validation for a broken log, so the validation test can fail", () => {
    const log = toSarif(richResult());
    (results(log)[0] as Json).level = "fatal";
    expect(check(log)).toMatch(/level/);
    const log2 = toSarif(richResult());
    (run(log2).tool as Json).vendor = "caio";
    expect(check(log2)).toMatch(/additional properties/);
  });

  it("describes the tool with a fixed rule set", () => {
    const driver = (run(toSarif(richResult())).tool as Json).driver as Json;
    expect(driver).toMatchObject({ name: "caio", version: "0.1.0", semanticVersion: "0.1.0" });
    expect(String(driver.informationUri)).toMatch(/^https:\/\//);
    const rules = driver.rules as Json[];
    expect(rules.map((r) => r.id)).toEqual(SARIF_RULES.map((r) => r.id));
    expect(rules.map((r) => r.id)).toContain("caio/ai-usage/model");
    const secretRule = rules.find((r) => r.id === "caio/policy/secret") as Json;
    expect(secretRule.defaultConfiguration).toEqual({ level: "error" });
  });

  it("reports each finding at its first location, relative to the repository's base id", () => {
    const log = toSarif(richResult());
    const anthropic = results(log).find((r) => (r.properties as Json).id === "anthropic") as Json;
    expect(anthropic).toMatchObject({
      ruleId: "caio/ai-usage/sdk",
      level: "note",
      locations: [{ physicalLocation: { artifactLocation: { uri: "src/claude.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } } }],
    });
    expect(anthropic.relatedLocations).toHaveLength(1);
    expect((anthropic.message as Json).text).toBe(
      'AI SDK "Anthropic SDK" (anthropic) is used in runtime code of shop-api; provider anthropic, version ^0.30.1; seen 7 times.',
    );
    expect(SARIF_RULES[anthropic.ruleIndex as number]?.id).toBe("caio/ai-usage/sdk");
  });

  it("uses one uriBaseId per repository and percent-encodes paths", () => {
    const result = sampleResult([
      sampleRepository("a", [sampleFinding()]),
      sampleRepository("b", [sampleFinding({ evidence: [{ file: "src/my file ü.ts", line: 2, detector: "javascript", signal: "import", detail: "" }] })]),
    ]);
    const log = toSarif(result);
    expect(Object.keys(run(log).originalUriBaseIds as Json)).toEqual(["REPO1", "REPO2"]);
    const locs = results(log).map((r) => ((r.locations as Json[])[0] as Json).physicalLocation as Json);
    expect(locs.map((l) => l.artifactLocation)).toEqual([
      { uri: "src/ai.ts", uriBaseId: "REPO1" },
      { uri: "src/my%20file%20%C3%BC.ts", uriBaseId: "REPO2" },
    ]);
  });

  it("keeps partial fingerprints stable when lines move, distinct between findings", () => {
    const before = results(toSarif(richResult()));
    const moved = richResult();
    for (const f of moved.repositories[0]?.findings ?? []) for (const e of f.evidence) e.line += 10;
    const after = results(toSarif(moved));
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    const prints = before.map((r) => JSON.stringify(r.partialFingerprints));
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("describes secrets without key material, and policy violations as errors", () => {
    const result = sampleResult([
      sampleRepository("svc", [sampleSecret("openai", "project-key", "src/config.ts", 4), sampleFinding({ kind: "model", id: "gpt-3.5-turbo" })]),
    ]);
    const violations = evaluatePolicy(result, parsePolicy(POLICY, "caio-policy.yaml"));
    const log = toSarif(result, { policyViolations: violations });
    const secret = results(log).find((r) => r.ruleId === "caio/ai-usage/secret") as Json;
    expect(secret.level).toBe("warning");
    expect((secret.message as Json).text).toMatch(/^Hard-coded secret committed here: openai project-key, fingerprint [0-9a-f]{8}…\. /);
    const fingerprint = result.repositories[0]?.findings[0]?.secret?.fingerprint ?? "";
    expect(JSON.stringify(log)).not.toContain(fingerprint.slice(0, 9));
    const errors = results(log).filter((r) => r.level === "error");
    expect(errors.map((r) => r.ruleId).sort()).toEqual(["caio/policy/model-not-allowed", "caio/policy/secret"]);
    expect(((errors[0] as Json).locations as Json[])[0]).toMatchObject({ physicalLocation: { artifactLocation: { uriBaseId: "%SRCROOT%" } } });
    expect(check(log)).toBe("");
  });
});
