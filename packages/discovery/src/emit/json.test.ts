import { type ScanResult, ScanResultSchema } from "@caio/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJson } from "./json.js";
import { richResult, sampleFinding, sampleRepository, sampleResult } from "./samples.js";

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same result with every object's keys reversed and findings in another order. */
function scrambled(result: ScanResult, seed: number): ScanResult {
  const reverseKeys = (o: object): object => Object.fromEntries(Object.entries(o).reverse());
  return reverseKeys({
    ...result,
    repositories: result.repositories.map((r) =>
      reverseKeys({ ...r, findings: shuffled(r.findings, seed).map((f) => reverseKeys({ ...f, evidence: shuffled(f.evidence, seed).map(reverseKeys) })) }),
    ),
  }) as ScanResult;
}

describe("toJson", () => {
  it("round-trips through the contract", () => {
    const result = richResult();
    const parsed = ScanResultSchema.parse(JSON.parse(toJson(result)));
    expect(parsed.repositories[0]?.findings).toHaveLength(result.repositories[0]?.findings.length ?? -1);
  });

  it("is pretty-printed with a trailing newline, keys in contract order", () => {
    const text = toJson(sampleResult([sampleRepository("r", [sampleFinding()])]));
    expect(text.startsWith('{\n  "tool": {\n    "name": "caio",\n    "version": "0.1.0"\n  },\n  "startedAt"')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toMatch(/"kind": "sdk",\n\s+"id": "openai",\n\s+"name": "OpenAI SDK"/);
  });

  it("gives the same bytes whatever order the scanner produced keys, findings and evidence in", () => {
    const base = richResult();
    base.repositories[0]?.findings[1]?.evidence.reverse(); // evidence out of line order
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        expect(toJson(scrambled(base, seed))).toBe(toJson(base));
      }),
      { numRuns: 50 },
    );
  });

  it("orders findings by kind, id and scope, and keeps repository order", () => {
    const result = sampleResult([
      sampleRepository("zeta", [
        sampleFinding({ kind: "model", id: "b" }),
        sampleFinding({ kind: "model", id: "a", scope: "test" }),
        sampleFinding({ kind: "model", id: "a" }),
        sampleFinding({ kind: "sdk", id: "z" }),
      ]),
      sampleRepository("alpha", []),
    ]);
    const out = JSON.parse(toJson(result)) as ScanResult;
    expect(out.repositories.map((r) => r.name)).toEqual(["zeta", "alpha"]);
    expect(out.repositories[0]?.findings.map((f) => `${f.kind}:${f.id}:${f.scope}`)).toEqual([
      "sdk:z:runtime",
      "model:a:runtime",
      "model:a:test",
      "model:b:runtime",
    ]);
  });

  it("keeps fields the contract does not know yet, after the known ones", () => {
    const f = { ...sampleFinding(), package: "openai" };
    const text = toJson(sampleResult([sampleRepository("r", [])]));
    expect(text).not.toContain("package");
    const result = sampleResult([sampleRepository("r", [])]);
    result.repositories[0]?.findings.push(f);
    expect(toJson(result)).toMatch(/"occurrences": 1,\n\s+"package": "openai"/);
  });
});
