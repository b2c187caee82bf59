#!/usr/bin/env node
// Scanner benchmark: generates a large synthetic tree (many copies of a dependency-like package of
// JS/TS/Python files with AI SDK usage sprinkled in), scans it with `scanPaths` from the built
// package, and compares the time with ripgrep searching the same tree for the scanner's literal
// prefilter set (`rg -l -F -i`, all CPUs). Both run on a warm page cache; the best of two scans and
// three ripgrep runs count. Reports files/s, MB/s, peak RSS and the time ratio; writes
// bench/results/scan.json.
// Run with `npm run bench:scan` (builds first). Options: --files N (default 110000), --keep.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PREFILTER_LITERALS, scanPaths } from "@caio/discovery";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const TARGET_FILES = argValue("--files", 110_000);
const FILES_PER_PACKAGE = 440;
const PACKAGES = Math.ceil(TARGET_FILES / FILES_PER_PACKAGE);
const keep = process.argv.includes("--keep");

// Deterministic pseudo-random numbers (mulberry32).
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// Ordinary code vocabulary, free of the scanner's literals.
const WORDS = [
  "value",
  "index",
  "result",
  "buffer",
  "options",
  "config",
  "handler",
  "request",
  "response",
  "stream",
  "parser",
  "token",
  "node",
  "state",
  "context",
  "cache",
  "queue",
  "item",
  "entry",
  "record",
  "schema",
  "field",
  "error",
  "event",
  "listener",
  "module",
  "export",
  "promise",
  "resolve",
  "reject",
  "length",
  "offset",
  "target",
  "source",
  "input",
  "output",
  "format",
  "encode",
  "decode",
  "compare",
  "update",
  "create",
  "remove",
  "insert",
  "select",
  "filter",
  "reduce",
  "map",
  "merge",
];
const identifier = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase()) + Math.floor(random() * 100);
const comment = () => `${pick(WORDS)} the ${pick(WORDS)} before the ${pick(WORDS)} is ${pick(WORDS)}d`;

function jsFunction() {
  const name = identifier();
  const a = identifier();
  const b = identifier();
  return [
    `/** ${comment()}. */`,
    `export function ${name}(${a}, ${b} = {}) {`,
    `  const ${identifier()} = ${a}.${pick(WORDS)}(${b}.${pick(WORDS)} ?? ${Math.floor(random() * 1000)});`,
    `  if (${a} === undefined || ${a} === null) throw new TypeError("${comment()}");`,
    `  for (let i = 0; i < ${a}.length; i++) ${b}[${a}[i]] = (${b}[${a}[i]] || 0) + i;`,
    `  return Object.keys(${b}).map((k) => ({ k, v: ${b}[k] }));`,
    "}",
    "",
  ].join("\n");
}

function pyFunction() {
  const name = identifier();
  const a = identifier();
  return [
    `def ${name}(${a}, *args, **kwargs):`,
    `    """${comment()}."""`,
    `    ${identifier()} = [x for x in ${a} if x is not None]`,
    `    if not ${a}:`,
    `        raise ValueError("${comment()}")`,
    `    return {k: v for k, v in kwargs.items() if k != "${pick(WORDS)}"}`,
    "",
  ].join("\n");
}

// AI usage sprinkled into about 1% of files.
const SPRINKLES_JS = [
  'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "gpt-4o-mini", messages: [] });\n',
  'import Anthropic from "@anthropic-ai/sdk";\nconst anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n',
  'const { Pinecone } = require("@pinecone-database/pinecone");\nconst pc = new Pinecone();\n',
];
const SPRINKLES_PY = [
  'from openai import OpenAI\nclient = OpenAI(base_url="https://api.groq.com/openai/v1")\nclient.chat.completions.create(model="llama-3.3-70b-versatile", messages=[])\n',
  'import ollama\nollama.chat(model="llama3.1", messages=[])\n',
  'from qdrant_client import QdrantClient\nclient = QdrantClient(url="http://localhost:6333")\n',
];

function fileBody(kind, sprinkle) {
  const target = 1500 + Math.floor(random() * 5500);
  const parts = [];
  let size = 0;
  if (sprinkle) parts.push(kind === "py" ? pick(SPRINKLES_PY) : pick(SPRINKLES_JS));
  while (size < target) {
    const chunk = kind === "py" ? pyFunction() : jsFunction();
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("\n");
}

function generate(dir) {
  let files = 0;
  let bytes = 0;
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = join(dir, `pkg-${String(p).padStart(4, "0")}`);
    for (let d = 0; d < FILES_PER_PACKAGE / 20; d++) {
      const sub = join(pkg, pick(["lib", "src", "internal", "helpers"]), `part${d}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 20; f++) {
        const kind = pick(["js", "ts", "py", "js", "mjs"]);
        const body = fileBody(kind, random() < 0.01);
        writeFileSync(join(sub, `${identifier()}-${f}.${kind}`), body);
        files++;
        bytes += Buffer.byteLength(body);
      }
    }
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: `pkg-${p}`, version: "1.0.0", dependencies: { lodash: "^4.17.21" } }, null, 2));
    files++;
  }
  return { files, bytes };
}

function hasRipgrep() {
  return spawnSync("rg", ["--version"], { stdio: "ignore" }).status === 0;
}

function timeRipgrep(dir) {
  const args = ["-l", "-F", "-i", "--no-messages", ...PREFILTER_LITERALS.flatMap((l) => ["-e", l]), dir];
  const t0 = performance.now();
  const res = spawnSync("rg", args, { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  return { ms, matchedFiles: res.stdout.toString().split("\n").filter(Boolean).length };
}

const dir = mkdtempSync(join(tmpdir(), "caio-scan-bench-"));
const results = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, figures: {} };
try {
  let t0 = performance.now();
  const generated = generate(dir);
  results.figures.generateMs = Math.round(performance.now() - t0);
  results.figures.files = generated.files;
  results.figures.megabytes = Number((generated.bytes / 1e6).toFixed(1));
  results.figures.prefilterLiterals = PREFILTER_LITERALS.length;

  const rg = hasRipgrep();
  if (rg) timeRipgrep(dir); // warm the page cache

  // The scan runs twice (the second on a warm cache, like ripgrep's timed runs); the best counts.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const scanRuns = [];
  let scan;
  for (let run = 0; run < 2; run++) {
    t0 = performance.now();
    scan = await scanPaths([dir], { secretKey: "bench" });
    scanRuns.push(performance.now() - t0);
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const scanMs = Math.min(...scanRuns);

  const repo = scan.repositories[0];
  results.figures.scanMs = Math.round(scanMs);
  results.figures.scanRunsMs = scanRuns.map(Math.round);
  results.figures.workers = Math.min(4, availableParallelism());
  results.figures.filesScanned = repo.filesScanned;
  results.figures.findings = repo.findings.length;
  results.figures.filesPerSecond = Math.round(repo.filesScanned / (scanMs / 1000));
  results.figures.megabytesPerSecond = Number((repo.bytesScanned / 1e6 / (scanMs / 1000)).toFixed(1));
  results.figures.peakRssMb = Math.round(peakRss / 1024 / 1024);
  if (rg) {
    const runs = [timeRipgrep(dir), timeRipgrep(dir), timeRipgrep(dir)];
    const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    results.figures.ripgrepMs = Math.round(best.ms);
    results.figures.ripgrepRunsMs = runs.map((r) => Math.round(r.ms));
    results.figures.ripgrepMatchedFiles = best.matchedFiles;
    results.figures.ratioToRipgrep = Number((scanMs / best.ms).toFixed(2));
    results.figures.ripgrepVersion = execFileSync("rg", ["--version"]).toString().split("\n")[0];
  } else {
    results.figures.ripgrep = "not installed (apt-get install -y ripgrep)";
  }
  results.targets = { maxRatioToRipgrep: 3, maxPeakRssMb: 500 };
  results.met = {
    ratio: rg ? results.figures.ratioToRipgrep <= 3 : null,
    memory: results.figures.peakRssMb < 500,
  };
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);
}
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/scan.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results.figures, null, 2)}\n`);
