import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { DETECTORS, scanText } from "@caio/discovery";
import { describe, expect, it } from "vitest";
import { CONFIG_FIXTURES } from "./fixtures/config.js";
import { CSHARP_FIXTURES } from "./fixtures/csharp.js";
import { GO_FIXTURES } from "./fixtures/go.js";
import { JAVA_FIXTURES } from "./fixtures/java.js";
import { JAVASCRIPT_FIXTURES } from "./fixtures/javascript.js";
import { MISC_FIXTURES } from "./fixtures/misc.js";
import { PYTHON_FIXTURES } from "./fixtures/python.js";
import { RUBY_FIXTURES } from "./fixtures/ruby.js";
import { withKeys } from "./helpers/annotated.js";

const context = { fingerprint: () => "0".repeat(32) };

function corpusFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) corpusFiles(full, out);
    else if (!name.endsWith(".truth.json") || dir.includes("/corpus/")) out.push(full);
  }
  return out;
}

/** What every matching detector finds when run directly, without the prefilter. */
function unfiltered(path: string, text: string): string[] {
  return DETECTORS.filter((d) => d.matches(path)).flatMap((d) =>
    d.detect({ path, text, scope: "runtime" }, context).map((h) => `${d.id}|${h.kind}:${h.id}@${h.line}`),
  );
}

function filtered(path: string, text: string): string[] {
  return scanText(path, text, context).flatMap((r) => r.hits.map((h) => `${r.detector.id}|${h.kind}:${h.id}@${h.line}`));
}

describe("literal prefilter soundness", () => {
  it("never changes what the detectors find in the fixtures and the corpus", () => {
    const fixtures = [
      ...PYTHON_FIXTURES,
      ...JAVASCRIPT_FIXTURES,
      ...GO_FIXTURES,
      ...JAVA_FIXTURES,
      ...CSHARP_FIXTURES,
      ...RUBY_FIXTURES,
      ...CONFIG_FIXTURES,
      ...MISC_FIXTURES,
    ];
    for (const fixture of fixtures) {
      const text = withKeys(fixture.text);
      expect(filtered(fixture.path, text).sort(), fixture.name).toEqual(unfiltered(fixture.path, text).sort());
    }
    const corpus = join(import.meta.dirname, "corpus");
    for (const file of corpusFiles(corpus)) {
      const path = relative(corpus, file).split("/").slice(1).join("/");
      const text = readFileSync(file, "utf8");
      expect(filtered(path, text).sort(), path).toEqual(unfiltered(path, text).sort());
    }
  });
});
