import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSHARP_SYNTAX, GO_SYNTAX, JS_SYNTAX, PYTHON_SYNTAX, RUBY_SYNTAX, stripComments } from "./strip-comments.js";

describe("stripComments", () => {
  it("blanks comments and keeps strings, offsets and newlines", () => {
    const interpolation = `$${"{"}"/*"}`;
    const js = `const a = "// not a comment"; // comment\n/* block\n comment */ const b = \`x ${interpolation} y\`;\nconst re = /"[^"]*"/g; // after regex\n`;
    const out = stripComments(js, JS_SYNTAX);
    expect(out.length).toBe(js.length);
    expect(out.split("\n").length).toBe(js.split("\n").length);
    expect(out).toContain('"// not a comment"');
    expect(out).not.toContain("comment */");
    expect(out).not.toContain("after regex");
    expect(out).toContain(`\`x ${interpolation} y\``);
  });

  it("handles Python triple quotes, Go raw strings, C# verbatim strings and Ruby =begin blocks", () => {
    expect(stripComments('s = """# not\n"""  # yes\n', PYTHON_SYNTAX)).toBe('s = """# not\n"""       \n');
    expect(stripComments("s := `// raw`\n// c\n", GO_SYNTAX)).toBe("s := `// raw`\n    \n");
    expect(stripComments('var p = @"C:\\dir\\"; // c\n', CSHARP_SYNTAX)).toBe('var p = @"C:\\dir\\";     \n');
    expect(stripComments("=begin\nrequire 'openai'\n=end\nx = 1 # c\n", RUBY_SYNTAX)).toBe("      \n                \n    \nx = 1    \n");
  });

  it("never throws and preserves length and line breaks (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const syntax of [JS_SYNTAX, PYTHON_SYNTAX, GO_SYNTAX, CSHARP_SYNTAX, RUBY_SYNTAX]) {
          const out = stripComments(text, syntax);
          expect(out.length).toBe(text.length);
          for (let i = 0; i < text.length; i++) if (text[i] === "\n") expect(out[i]).toBe("\n");
        }
      }),
    );
  });
});
