import { describe, expect, it } from "vitest";
import type { Hit } from "../types.js";
import { FindingAggregator } from "./aggregate.js";

const hit = (over: Partial<Hit>): Hit => ({
  kind: "sdk",
  id: "openai",
  name: "OpenAI SDK",
  provider: "openai",
  confidence: "referenced",
  signal: "import",
  line: 1,
  detail: "import openai",
  ...over,
});
const source = (file: string) => ({ file, scope: "runtime" as const, detector: "python", ecosystem: "python" as const });

describe("FindingAggregator", () => {
  it("keeps the strongest confidence and sorts evidence by file and line", () => {
    const agg = new FindingAggregator();
    agg.addFile([hit({ line: 9 }), hit({ confidence: "used", signal: "call", line: 3, detail: "OpenAI(…)" })], source("b.py"));
    agg.addFile([hit({ confidence: "declared", signal: "manifest", line: 2, detail: "dependency openai 1.2.3", version: "1.2.3" })], source("a.txt"));
    const [finding] = agg.findings();
    expect(finding?.confidence).toBe("declared");
    expect(finding?.version).toBe("1.2.3");
    expect(finding?.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["a.txt:2", "b.py:3", "b.py:9"]);
    expect(finding?.occurrences).toBe(3);
  });

  it("uses lockfile versions only for findings a manifest declared", () => {
    const agg = new FindingAggregator();
    agg.addFile([hit({ confidence: "declared", signal: "manifest", version: "^4.0.0", package: "openai" })], source("package.json"));
    agg.addFile([hit({ signal: "lockfile", confidence: "declared", version: "4.2.1", versionHint: true, package: "openai" })], source("package-lock.json"));
    agg.addFile([hit({ id: "groq", signal: "lockfile", confidence: "declared", version: "0.7.0", versionHint: true })], source("package-lock.json"));
    const findings = agg.findings();
    expect(findings.map((f) => f.id)).toEqual(["openai"]);
    expect(findings[0]?.version).toBe("4.2.1");
  });

  it("prefers pinned versions over ranges", () => {
    const agg = new FindingAggregator();
    agg.addFile([hit({ confidence: "declared", signal: "manifest", version: ">=1.40" })], source("a/pyproject.toml"));
    agg.addFile([hit({ confidence: "declared", signal: "manifest", version: "1.51.0" })], source("b/requirements.txt"));
    expect(agg.findings()[0]?.version).toBe("1.51.0");
  });

  it("separates scopes and deduplicates identical hits within a file", () => {
    const agg = new FindingAggregator();
    agg.addFile([hit({}), hit({})], source("a.py"));
    agg.addFile([hit({})], { ...source("tests/a.py"), scope: "test" });
    const findings = agg.findings();
    expect(findings.map((f) => `${f.scope}:${f.occurrences}`)).toEqual(["runtime:1", "test:1"]);
  });

  it("bounds the evidence it holds", () => {
    const agg = new FindingAggregator();
    for (let i = 0; i < 500; i++) agg.addFile([hit({ line: 500 - i })], source(`f${String(i).padStart(3, "0")}.py`));
    const [finding] = agg.findings();
    expect(finding?.evidence).toHaveLength(50);
    expect(finding?.occurrences).toBe(500);
    expect(finding?.evidence[0]?.file).toBe("f000.py");
  });
});
