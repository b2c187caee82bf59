import { describe, expect, it } from "vitest";
import { callExtent, keywordArgument, matchingBracket, positionalArguments, splitArguments, stringArgument } from "./call-args.js";

describe("call arguments", () => {
  it("splits at top-level commas only", () => {
    expect(splitArguments('"a", f(1, 2), { b: [3, 4] }, "x,y"')).toEqual(['"a"', " f(1, 2)", " { b: [3, 4] }", ' "x,y"']);
    expect(splitArguments("")).toEqual([]);
  });

  it("reads string, keyword and positional arguments (also inside an options object)", () => {
    const args = splitArguments('"text-generation", model="gpt2", device=0');
    expect(stringArgument(positionalArguments(args)[0])).toBe("text-generation");
    expect(stringArgument(keywordArgument(args, "model"))).toBe("gpt2");
    expect(stringArgument(keywordArgument(splitArguments('{ model: "gpt-4o", temperature: 0 }'), "model"))).toBe("gpt-4o");
    expect(stringArgument(" f(x) ")).toBeNull();
    expect(stringArgument(' r"raw" ')).toBe("raw");
  });

  it("follows builder chains after the call", () => {
    const text = 'X.builder().baseUrl("http://h").modelName("m").build(); next()';
    const extent = callExtent(text, text.indexOf("("));
    expect(text.slice(0, extent.chainEnd)).toBe('X.builder().baseUrl("http://h").modelName("m").build()');
  });

  it("matches brackets across strings and stops at the limit", () => {
    expect(matchingBracket('f(")", (1))', 1)).toBe(11);
    expect(matchingBracket(`f(${"a".repeat(10_000)}`, 1)).toBe(4001);
  });
});
