import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DiffLine, diffHunks, diffStats, lineDiff, normalizeMarkdown, POLICY_KINDS, PolicyEditSchema, PolicyGenerateSchema } from "./policies.js";

/** Rebuilds the older and newer texts from a diff. */
function sides(lines: DiffLine[]): { before: string[]; after: string[] } {
  return {
    before: lines.filter((l) => l.op !== "add").map((l) => l.text),
    after: lines.filter((l) => l.op !== "del").map((l) => l.text),
  };
}

const text = (lines: string[]) => (lines.length ? `${lines.join("\n")}\n` : "");

describe("lineDiff", () => {
  it("marks nothing when the texts are equal", () => {
    const d = lineDiff("a\nb\nc\n", "a\nb\nc\n");
    expect(d.every((l) => l.op === "same")).toBe(true);
    expect(diffStats(d)).toEqual({ added: 0, removed: 0 });
    expect(diffHunks(d)).toEqual([]);
  });

  it("finds a changed line with line numbers on both sides, deletion before addition", () => {
    const d = lineDiff("# Title\nkeep\nold rule\nkeep too\n", "# Title\nkeep\nnew rule\nkeep too\nadded at the end\n");
    expect(d).toEqual([
      { op: "same", text: "# Title", oldLine: 1, newLine: 1 },
      { op: "same", text: "keep", oldLine: 2, newLine: 2 },
      { op: "del", text: "old rule", oldLine: 3, newLine: null },
      { op: "add", text: "new rule", oldLine: null, newLine: 3 },
      { op: "same", text: "keep too", oldLine: 4, newLine: 4 },
      { op: "add", text: "added at the end", oldLine: null, newLine: 5 },
    ]);
    expect(diffStats(d)).toEqual({ added: 2, removed: 1 });
  });

  it("keeps the longest common subsequence: a moved block costs only its own lines", () => {
    const d = lineDiff("a\nb\nc\nd\ne\n", "b\nc\nd\na\ne\n");
    expect(diffStats(d)).toEqual({ added: 1, removed: 1 });
  });

  it("handles empty texts", () => {
    expect(lineDiff("", "x\ny\n").map((l) => l.op)).toEqual(["add", "add"]);
    expect(lineDiff("x\n", "").map((l) => l.op)).toEqual(["del"]);
    expect(lineDiff("", "")).toEqual([]);
  });

  it("always reproduces both texts and is minimal for single edits (property)", () => {
    const line = fc.constantFrom("a", "b", "c", "d", "", "# h", "- item");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const d = lineDiff(text(a), text(b));
        const s = sides(d);
        expect(s.before).toEqual(a);
        expect(s.after).toEqual(b);
        // Line numbers count up on each side.
        expect(d.filter((l) => l.oldLine !== null).map((l) => l.oldLine)).toEqual(a.map((_, i) => i + 1));
        expect(d.filter((l) => l.newLine !== null).map((l) => l.newLine)).toEqual(b.map((_, i) => i + 1));
      }),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.nat(), (a, at) => {
        const i = at % a.length;
        const b = [...a.slice(0, i), "inserted line", ...a.slice(i)];
        expect(diffStats(lineDiff(text(a), text(b)))).toEqual({ added: 1, removed: 0 });
      }),
    );
  });

  it("falls back to delete-all, add-all for enormous changes, still correct", () => {
    const a = Array.from({ length: 2100 }, (_, i) => `old ${i}`);
    const b = Array.from({ length: 2100 }, (_, i) => `new ${i}`);
    const d = lineDiff(text(a), text(b));
    expect(sides(d)).toEqual({ before: a, after: b });
  });
});

describe("diffHunks", () => {
  it("groups changes with three lines of context and merges close ones", () => {
    const a = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const b = [...a];
    b[4] = "changed 5";
    b[7] = "changed 8";
    b[25] = "changed 26";
    const hunks = diffHunks(lineDiff(text(a), text(b)));
    expect(hunks).toHaveLength(2);
    expect(hunks[0]?.oldStart).toBe(2);
    expect(hunks[0]?.lines.filter((l) => l.op !== "same").map((l) => l.text)).toEqual(["line 5", "changed 5", "line 8", "changed 8"]);
    expect(hunks[1]?.oldStart).toBe(23);
    expect(hunks[1]?.lines.at(-1)?.text).toBe("line 29");
  });
});

describe("policy schemas", () => {
  it("normalizes Markdown: LF endings, no trailing spaces, one final newline", () => {
    expect(normalizeMarkdown("\r\n# T  \r\ntext\t\r\n\r\n\r\n")).toBe("# T\ntext\n");
    expect(PolicyEditSchema.parse({ markdown: "# T\r\n" }).markdown).toBe("# T\n");
    expect(PolicyEditSchema.safeParse({ markdown: " \n\n" }).success).toBe(false);
    expect(PolicyEditSchema.safeParse({ markdown: "a\u0000b" }).success).toBe(false);
  });

  it("generates all four policies by default and refuses unknown or repeated kinds", () => {
    expect(PolicyGenerateSchema.parse({}).kinds).toEqual([...POLICY_KINDS]);
    expect(PolicyGenerateSchema.safeParse({ kinds: ["hr-policy"] }).success).toBe(false);
    expect(PolicyGenerateSchema.safeParse({ kinds: ["acceptable-use", "acceptable-use"] }).success).toBe(false);
  });
});
