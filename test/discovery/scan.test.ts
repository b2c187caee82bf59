import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ScanResult, ScanResultSchema } from "@caio/core";
import { SCANNER_VERSION, type ScanProgress, scanPaths } from "@caio/discovery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTree, tempDir, writeTree } from "./helpers/tree.js";

const DIST = join(import.meta.dirname, "../../packages/discovery/dist/index.js");

describe("scanPaths", () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const dir = tempDir();
    dirs.push(dir);
    writeTree(dir, files);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) removeTree(dir);
  });

  it("returns one repository per path, named from the git remote or the directory", async () => {
    const withRemote = make({
      ".git/config":
        '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/other/fork.git\n[remote "origin"]\n\turl = git@github.com:acme/widgets.git\n',
      "app.py": "import openai\n",
    });
    const worktree = make({ "main.py": "" });
    const gitDir = make({ config: '[remote "origin"]\n\turl = https://gitlab.example.com/group/sub/billing-api\n' });
    writeTree(worktree, { ".git": `gitdir: ${gitDir}\n` });
    const plain = make({ "README.md": "hello" });
    const now = () => new Date("2025-01-02T03:04:05.000Z");
    const result = await scanPaths([withRemote, worktree, plain], { secretKey: "k", now, workers: 0 });
    expect(ScanResultSchema.parse(result)).toEqual(result);
    expect(result.tool).toEqual({ name: "caio", version: SCANNER_VERSION });
    expect(result.startedAt).toBe("2025-01-02T03:04:05.000Z");
    expect(result.repositories.map((r) => r.name)).toEqual(["widgets", "billing-api", plain.split("/").pop()]);
  });

  it("scans a single file as a one-file repository", async () => {
    const dir = make({ "svc/llm.py": "from anthropic import Anthropic\nAnthropic()\n" });
    const result = await scanPaths([join(dir, "svc/llm.py")], { secretKey: "k", workers: 0 });
    expect(result.repositories[0]?.name).toBe("svc");
    expect(result.repositories[0]?.findings.map((f) => `${f.kind}:${f.id}`)).toEqual(["sdk:anthropic", "provider:anthropic"]);
  });

  it("rejects a path that does not exist and an empty secret key", async () => {
    await expect(scanPaths(["/nonexistent/caio/path"], { secretKey: "k" })).rejects.toThrow(/no such file/);
    await expect(scanPaths([tempDir()], { secretKey: "" })).rejects.toThrow(/secretKey/);
  });

  it("reports progress with growing totals, ending at the files scanned", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`src/m${String(i).padStart(3, "0")}.py`] = `x = ${i}\n`;
    const dir = make(files);
    const seen: ScanProgress[] = [];
    const result = await scanPaths([dir], { secretKey: "k", onProgress: (p) => seen.push(p), workers: 0 });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.files).toBeGreaterThanOrEqual(seen[i - 1]?.files ?? 0);
    expect(seen.at(-1)?.files).toBe(result.repositories[0]?.filesScanned);
    expect(seen.at(-1)?.bytes).toBe(result.repositories[0]?.bytesScanned);
  });

  it("reads files with Windows line endings", async () => {
    const dir = make({
      "app.py": ["import os", "from openai import OpenAI", "client = OpenAI()", ""].join("\r\n"),
      "Program.cs": ["using OpenAI.Chat;", 'var chat = new ChatClient("gpt-4o", key);', ""].join("\r\n"),
      ".env": ["OPENAI_MODEL=gpt-4o-mini", ""].join("\r\n"),
    });
    const result = await scanPaths([dir], { secretKey: "k", workers: 0 });
    const ids = result.repositories[0]?.findings.map((f) => `${f.kind}:${f.id}:${f.evidence.map((e) => `${e.file}@${e.line}`).join(",")}`) ?? [];
    expect(ids).toContain("sdk:openai:Program.cs@1,Program.cs@2,app.py@2,app.py@3");
    expect(ids).toContain("model:gpt-4o-mini:.env@1");
  });

  it("caps evidence at 50 in file and line order while counting every occurrence", async () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 3; f++) files[`cfg/${["c", "a", "b"][f]}.env`] = Array.from({ length: 30 }, (_, i) => `OPENAI_API_KEY_${i}=x`).join("\n");
    const dir = make(files);
    const result = await scanPaths([dir], { secretKey: "k", workers: 0 });
    const finding = result.repositories[0]?.findings.find((f) => f.kind === "provider" && f.id === "openai");
    expect(finding?.occurrences).toBe(90);
    expect(finding?.evidence).toHaveLength(50);
    const order = finding?.evidence.map((e) => `${e.file}:${String(e.line).padStart(3, "0")}`) ?? [];
    expect(order).toEqual([...order].sort());
    expect(order[0]).toBe("cfg/a.env:001");
    expect(order.at(-1)).toBe("cfg/b.env:020");
  });

  it("keeps docs and test mentions out of runtime and scopes coding-assistant files by directory", async () => {
    const dir = make({
      "docs/guide.md": "We use OpenAI.\n",
      "CLAUDE.md": "Notes.\n",
      "docs/AGENTS.md": "Notes.\n",
      "tests/test_x.py": "from openai import OpenAI\nOpenAI()\n",
      "src/widget_test.go": 'package src\nimport "github.com/openai/openai-go"\nvar c = openai.NewClient()\n',
    });
    const result = await scanPaths([dir], { secretKey: "k", workers: 0 });
    const triples = result.repositories[0]?.findings.map((f) => `${f.scope} ${f.kind}:${f.id} ${f.confidence}`) ?? [];
    expect(triples).toEqual([
      "test sdk:openai used",
      "test provider:openai used",
      "docs provider:openai mentioned",
      "runtime dev-tool:claude-code declared",
      "docs dev-tool:agents-md declared",
    ]);
  });

  it.skipIf(!existsSync(DIST))("gives the same findings on worker threads as in one thread (built package)", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) {
      const kind = i % 97 === 0 ? "import anthropic\nanthropic.Anthropic()\n" : i % 89 === 0 ? 'const m = { model: "gpt-4o-mini" };\n' : `value_${i} = ${i}\n`;
      files[`pkg${i % 7}/f${i}.${i % 2 ? "py" : "js"}`] = kind;
    }
    const dir = make(files);
    const built = (await import(pathToFileURL(DIST).href)) as { scanPaths: typeof scanPaths };
    const threaded = await built.scanPaths([dir], { secretKey: "k", workers: 2 });
    const inline = await built.scanPaths([dir], { secretKey: "k", workers: 0 });
    const strip = (r: ScanResult) => r.repositories;
    expect(strip(threaded)).toEqual(strip(inline));
    expect(threaded.repositories[0]?.filesScanned).toBe(1500);
  });
});

describe("scanPaths on this repository's own sources", () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scanPaths([join(import.meta.dirname, "corpus")], { secretKey: "k", workers: 0 });
  });

  it("finds no committed key-shaped string in the corpus (keys are planted at test time)", () => {
    expect(result.repositories[0]?.findings.filter((f) => f.kind === "secret")).toEqual([]);
  });
});
