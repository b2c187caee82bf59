import type { Finding, ScanUpload } from "@caio/core";

export function finding(kind: Finding["kind"], id: string, extra: Partial<Finding> = {}): Finding {
  return {
    kind,
    id,
    name: id,
    provider: null,
    ecosystem: "python",
    version: null,
    endpoint: null,
    confidence: "used",
    scope: "runtime",
    secret: null,
    evidence: [{ file: "app/main.py", line: 3, detector: "python", signal: "import", detail: `import ${id}` }],
    occurrences: 1,
    ...extra,
  };
}

/** A scan upload as `caio scan` would send it. */
export function sampleScan(repo: string, findings: Finding[] = [finding("sdk", "openai", { provider: "openai" })]): ScanUpload {
  return {
    tool: { name: "caio", version: "0.1.0" },
    startedAt: "2026-11-23T10:00:00.000Z",
    finishedAt: "2026-11-23T10:00:05.000Z",
    repositories: [{ name: repo, filesScanned: 42, bytesScanned: 12345, filesSkipped: 3, findings }],
  };
}
