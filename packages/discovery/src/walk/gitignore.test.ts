import { describe, expect, it } from "vitest";
import { ignoreLevel, isIgnored } from "./gitignore.js";

describe("ignore levels", () => {
  const levels = [ignoreLevel("", ["*.log\nbuild/\n"]), ignoreLevel("pkg", ["!keep.log\n*.tmp\n"])];

  it("applies rules relative to their directory, deepest rule deciding", () => {
    expect(isIgnored(levels, "a.log", false)).toBe(true);
    expect(isIgnored(levels, "pkg/keep.log", false)).toBe(false);
    expect(isIgnored(levels, "pkg/other.log", false)).toBe(true);
    expect(isIgnored(levels, "pkg/x.tmp", false)).toBe(true);
    expect(isIgnored(levels, "x.tmp", false)).toBe(false);
  });

  it("treats directory-only patterns as directories", () => {
    expect(isIgnored(levels, "build", true)).toBe(true);
    expect(isIgnored(levels, "build", false)).toBe(false);
    expect(isIgnored(levels, "pkg/build", true)).toBe(true);
  });
});
