import { describe, expect, it } from "vitest";
import { richResult, sampleFinding, sampleRepository, sampleResult, sampleSecret } from "./samples.js";
import { toTable } from "./table.js";

const ESC = "\u001b";

describe("toTable", () => {
  it("lists findings per repository with kind, id, name, provider, confidence, scope and location", () => {
    const text = toTable(
      sampleResult([
        sampleRepository("shop-api", [
          sampleFinding({ kind: "model", id: "gpt-4o", name: "GPT-4o", confidence: "referenced", occurrences: 4 }),
          sampleFinding({ version: "4.23.0", confidence: "declared" }),
        ]),
      ]),
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("shop-api");
    expect(lines[1]).toMatch(/^ {2}KIND +ID +NAME +PROVIDER +CONFIDENCE +SCOPE +LOCATION$/);
    // SDKs come before models (contract order), whatever the scan order.
    expect(lines[2]).toMatch(/^ {2}sdk +openai +OpenAI SDK +openai +declared +runtime +src\/ai\.ts:3$/);
    expect(lines[3]).toMatch(/^ {2}model +gpt-4o +GPT-4o +openai +referenced +runtime +src\/ai\.ts:3 \(\+3 more\)$/);
    expect(lines[4]).toBe("  122 files scanned (3 skipped) · 2 findings (1 sdk, 1 model) · 2 runtime");
    expect(text.endsWith("\n")).toBe(true);
    expect(text).not.toContain(ESC);
  });

  it("shows a secret only as provider, key kind, location and a fingerprint prefix", () => {
    const secret = sampleSecret("openai", "project-key", "src/config.ts", 4);
    const text = toTable(sampleResult([sampleRepository("r", [secret])]));
    const fp = secret.secret?.fingerprint ?? "";
    expect(text).toContain(`  secret  openai project-key  src/config.ts:4  fingerprint ${fp.slice(0, 4)}…\n`);
    expect(text).not.toContain(fp.slice(0, 5));
    expect(text).not.toContain(secret.id);
    expect(text).not.toContain("KIND"); // no inventory table when there are only secrets
  });

  it("counts runtime findings apart from test, docs, secrets and dev tools", () => {
    const text = toTable(richResult());
    expect(text).toMatch(/24 findings \(8 sdk, 3 provider, 6 model, 1 service, 1 vector-store, 1 dataset, 1 mcp-server, 1 dev-tool, 2 secret\) · 18 runtime/);
  });

  it("says so when nothing was found, and when nothing was scanned", () => {
    expect(toTable(sampleResult([sampleRepository("empty", [])]))).toBe(
      "empty\n  no AI usage found\n  120 files scanned (3 skipped) · 0 findings · 0 runtime\n",
    );
    expect(toTable(sampleResult([]))).toBe("no repositories scanned\n");
  });

  it("separates repositories by a blank line", () => {
    const text = toTable(sampleResult([sampleRepository("a", [sampleFinding()]), sampleRepository("b", [sampleFinding()])]));
    expect(text).toMatch(/runtime\n\nb\n/);
  });

  it("fits every line into the given width", () => {
    for (const width of [60, 80, 100, 200]) {
      const lines = toTable(richResult(), { width }).trimEnd().split("\n");
      for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(width);
    }
    expect(toTable(richResult(), { width: 100 })).toContain("…");
  });

  it("colours only when asked", () => {
    const text = toTable(richResult(), { color: true });
    expect(text).toContain(`${ESC}[1mshop-api${ESC}[0m`);
    expect(text).toContain(`${ESC}[31m  secret`);
  });

  it("neutralises control characters from scanned names and paths", () => {
    const evil = sampleFinding({
      name: `x${ESC}]0;pwned\u0007`,
      evidence: [{ file: "a\nb.ts", line: 1, detector: "javascript", signal: "import", detail: "" }],
    });
    const text = toTable(sampleResult([sampleRepository(`repo${ESC}[2J`, [evil])]));
    expect(text).not.toContain(ESC);
    expect(text).not.toContain("\u0007");
    expect(text).toContain("a?b.ts:1");
  });

  it("keeps unicode names aligned", () => {
    const text = toTable(sampleResult([sampleRepository("ü", [sampleFinding({ id: "模型", name: "Ö ✓" }), sampleFinding({ id: "openai-long-id" })])]));
    const [, header = "", openai = "", unicode = ""] = text.split("\n");
    const at = (line: string, s: string) => Array.from(line.slice(0, line.indexOf(s))).length;
    expect(at(openai, "OpenAI SDK")).toBe(at(header, "NAME"));
    expect(at(unicode, "Ö ✓")).toBe(at(header, "NAME"));
  });
});
