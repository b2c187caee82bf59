import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesHavePrefilterLiteral, bytesHavePrefilterLiteralInJavaScript, hasPrefilterLiteral, PREFILTER_LITERALS } from "./prefilter.js";
import { importRoots } from "./symbols.js";

describe("literal prefilter", () => {
  it("is a set of lower-case literals, none containing another", () => {
    expect(PREFILTER_LITERALS.length).toBeGreaterThan(50);
    for (const literal of PREFILTER_LITERALS) {
      expect(literal).toBe(literal.toLowerCase());
      expect(literal.length).toBeGreaterThanOrEqual(3);
      for (const other of PREFILTER_LITERALS) if (other !== literal) expect(literal.includes(other), `${literal} contains ${other}`).toBe(false);
    }
  });

  it("lets every catalogue import through, in each language's import syntax", () => {
    const statements: Record<string, (root: string) => string> = {
      python: (r) => `import ${r}`,
      javascript: (r) => `import x from "${r}";`,
      go: (r) => `import "${r}"`,
      java: (r) => `import ${r}.Client;`,
      csharp: (r) => `using ${r};`,
      ruby: (r) => `require "${r}"`,
    };
    for (const [language, statement] of Object.entries(statements)) {
      for (const root of importRoots(language as Parameters<typeof importRoots>[0])) {
        const text = statement(root.prefix ? `${root.root}x` : root.root);
        if (!root.ambiguous) expect(hasPrefilterLiteral(text), `${language}: ${text}`).toBe(true);
      }
    }
  });

  it("matches a naive case-insensitive search on any text and any buffer alignment, in WebAssembly and JavaScript (property)", () => {
    const pieces = [...PREFILTER_LITERALS.slice(0, 40), "OpenAI", "ANTHROPIC", "Gpt-", "x", " ", "\n", "ab", "hf", "sk", "_"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 30 }),
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (parts, noise, shift) => {
          const text = parts.join(noise.replace(/[^\x20-\x7e]/g, ""));
          const naive = PREFILTER_LITERALS.some((l) => text.toLowerCase().includes(l));
          const padded = Buffer.alloc(text.length + shift);
          padded.write(text, shift, "latin1");
          expect(bytesHavePrefilterLiteral(padded.subarray(shift))).toBe(naive);
          expect(bytesHavePrefilterLiteralInJavaScript(padded.subarray(shift))).toBe(naive);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("finds literals at every offset of large buffers (WebAssembly memory growth, group boundaries)", () => {
    for (const size of [3, 4, 5, 7, 8, 1024, 3 * 1024 * 1024]) {
      for (const literal of ["openai", "gsk_", "ai-gateway"]) {
        for (const at of [0, 1, 2, 3, Math.max(0, size - literal.length)]) {
          if (at + literal.length > size) continue;
          const buf = Buffer.alloc(size, 0x2e);
          buf.write(literal.toUpperCase(), at, "latin1");
          expect(bytesHavePrefilterLiteral(buf), `${literal}@${at}/${size}`).toBe(true);
          expect(bytesHavePrefilterLiteralInJavaScript(buf), `${literal}@${at}/${size}`).toBe(true);
        }
      }
      expect(bytesHavePrefilterLiteral(Buffer.alloc(size, 0x2e))).toBe(false);
    }
  });
});
