import { describe, expect, it } from "vitest";
import { remoteName } from "./repo-name.js";

describe("remoteName", () => {
  it.each([
    ["git@github.com:acme/widgets.git", "widgets"],
    ["https://github.com/acme/widgets", "widgets"],
    ["https://gitlab.example.com/group/sub/api.git/", "api"],
    ["ssh://git@host:2222/team/repo.git", "repo"],
    ["/srv/git/local-repo.git", "local-repo"],
    ["C:\\repos\\win-repo", "win-repo"],
  ])("%s → %s", (url, name) => {
    expect(remoteName(url)).toBe(name);
  });
});
