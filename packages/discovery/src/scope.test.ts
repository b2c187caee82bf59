import { describe, expect, it } from "vitest";
import { scopeOf } from "./scope.js";

describe("scopeOf", () => {
  it.each([
    ["src/app.py", "runtime"],
    ["tests/test_app.py", "test"],
    ["src/test_app.py", "test"],
    ["pkg/handler_test.go", "test"],
    ["src/app.test.ts", "test"],
    ["web/button.spec.tsx", "test"],
    ["spec/models/user_spec.rb", "test"],
    ["src/test/java/com/acme/AppTest.java", "test"],
    ["Api.Tests/ChatTests.cs", "test"],
    ["__tests__/x.js", "test"],
    ["docs/guide.md", "docs"],
    ["README.md", "docs"],
    ["notes.txt", "docs"],
    ["requirements.txt", "runtime"],
    ["requirements/dev.txt", "runtime"],
    ["docs/conf.py", "docs"],
    ["examples/chat.py", "example"],
    ["samples/Demo/Program.cs", "example"],
    ["cookbook/rag.ipynb", "example"],
    ["examples/tests/test_x.py", "test"],
    ["src/main/java/com/example/bot/Chat.java", "runtime"],
    ["src/main/kotlin/org/demo/App.kt", "runtime"],
  ])("%s → %s", (path, scope) => {
    expect(scopeOf(path)).toBe(scope);
  });

  it("can ignore the prose-file rule (coding-assistant files)", () => {
    expect(scopeOf("CLAUDE.md", { byFileType: false })).toBe("runtime");
    expect(scopeOf("docs/AGENTS.md", { byFileType: false })).toBe("docs");
  });
});
