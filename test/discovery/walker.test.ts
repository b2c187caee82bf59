import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { scanPaths, walkFiles } from "@caio/discovery";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeTree, tempDir, writeTree } from "./helpers/tree.js";

function walked(root: string): { paths: string[]; skipped: number } {
  const stats = { skipped: 0 };
  const paths = [...walkFiles(root, stats)].map((f) => f.path);
  return { paths, skipped: stats.skipped };
}

describe("walker", () => {
  let root: string;
  beforeEach(() => {
    root = tempDir();
  });
  afterEach(() => removeTree(root));

  it("honours .gitignore at every level, nested negations and .git/info/exclude", () => {
    writeTree(root, {
      ".gitignore": "*.log\nsecret/\n/generated\n",
      ".git/info/exclude": "local-notes.py\n",
      ".git/config": "[core]\n",
      "app.py": "",
      "debug.log": "",
      "local-notes.py": "",
      "secret/keys.py": "",
      "generated/client.py": "",
      "pkg/.gitignore": "gen/\n!keep.log\n*.tmp\n",
      "pkg/main.py": "",
      "pkg/keep.log": "",
      "pkg/other.log": "",
      "pkg/gen/out.py": "",
      "pkg/cache.tmp": "",
      "pkg/generated/kept.py": "",
      "pkg/deep/.gitignore": "*.py\n!wanted.py\n",
      "pkg/deep/unwanted.py": "",
      "pkg/deep/wanted.py": "",
    });
    expect(walked(root).paths).toEqual([
      ".gitignore",
      "app.py",
      "pkg/.gitignore",
      "pkg/deep/.gitignore",
      "pkg/deep/wanted.py",
      "pkg/generated/kept.py",
      "pkg/keep.log",
      "pkg/main.py",
    ]);
  });

  it("skips dependency folders, virtual environments and build output", () => {
    writeTree(root, {
      "src/app.ts": "",
      "node_modules/openai/index.js": "",
      "web/node_modules/x/index.js": "",
      "vendor/github.com/x/y.go": "",
      ".venv/lib/site.py": "",
      "venv/lib/site.py": "",
      "env/pyvenv.cfg": "home = /usr",
      "env/lib/site.py": "",
      "env2/config.py": "",
      "lib/python3.12/site-packages/openai/__init__.py": "",
      "bower_components/x.js": "",
      "ios/Pods/x.swift": "",
      "target/classes/A.java": "",
      "dist/bundle.js": "",
      "build/out.js": "",
      ".next/server.js": "",
      "out/index.js": "",
      "coverage/lcov.js": "",
      "src/__pycache__/a.py": "",
      "Api/Api.csproj": "<Project />",
      "Api/bin/Debug/a.cs": "",
      "Api/obj/a.cs": "",
      "scripts/bin/run.sh": "",
    });
    expect(walked(root).paths).toEqual(["Api/Api.csproj", "env2/config.py", "scripts/bin/run.sh", "src/app.ts"]);
  });

  it("skips binary files by extension and by content, and files over the size limit", async () => {
    writeTree(root, {
      "logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      "model.safetensors": new Uint8Array([1, 2, 3]),
      "data.custom": new Uint8Array([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0x00, 0x01]),
      "big.py": `import openai\nopenai.OpenAI()\n${"#".repeat(2048)}\n`,
      "small.py": "import anthropic\nanthropic.Anthropic()\n",
      "package-lock.json": `{"packages": {"node_modules/openai": {"version": "4.0.0"}}, "pad": "${"x".repeat(3000)}"}`,
      "package.json": '{"dependencies": {"openai": "^4.0.0"}}',
    });
    const stats = walked(root);
    expect(stats.paths).toEqual(["big.py", "data.custom", "package-lock.json", "package.json", "small.py"]);
    expect(stats.skipped).toBe(2);
    const result = await scanPaths([root], { secretKey: "k", maxFileBytes: 1024, workers: 0 });
    const repo = result.repositories[0];
    expect(repo?.filesScanned).toBe(3);
    expect(repo?.filesSkipped).toBe(4);
    const ids = repo?.findings.map((f) => `${f.kind}:${f.id}`) ?? [];
    expect(ids).toContain("sdk:anthropic");
    expect(ids).toContain("sdk:openai");
    expect(repo?.findings.find((f) => f.kind === "sdk" && f.id === "openai")?.evidence.map((e) => e.file)).toEqual(["package-lock.json", "package.json"]);
  });

  it("does not follow symbolic links (no loops, nothing outside the root, no duplicates)", () => {
    const outside = tempDir();
    try {
      writeTree(outside, { "leak.py": "import openai\n" });
      writeTree(root, { "a/file.py": "", "b/other.py": "" });
      symlinkSync(root, join(root, "a", "loop"));
      symlinkSync(join(root, "b"), join(root, "a", "to-b"));
      symlinkSync(outside, join(root, "escape"));
      symlinkSync(join(root, "missing"), join(root, "dangling"));
      const { paths, skipped } = walked(root);
      expect(paths).toEqual(["a/file.py", "b/other.py"]);
      expect(skipped).toBe(0);
    } finally {
      removeTree(outside);
    }
  });

  it("walks in a deterministic order", () => {
    for (const name of ["z", "a", "m"]) mkdirSync(join(root, name));
    writeTree(root, { "z/1.py": "", "a/2.py": "", "m/3.py": "", "b.py": "" });
    expect(walked(root).paths).toEqual(["a/2.py", "b.py", "m/3.py", "z/1.py"]);
  });
});
