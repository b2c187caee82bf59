import { readFileSync, statSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";

function readGitConfig(root: string): string | null {
  const dotGit = join(root, ".git");
  try {
    if (statSync(dotGit).isFile()) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1]?.trim();
      if (!pointer) return null;
      const gitDir = isAbsolute(pointer) ? pointer : resolve(root, pointer);
      const common = (() => {
        try {
          return resolve(gitDir, readFileSync(join(gitDir, "commondir"), "utf8").trim());
        } catch {
          return gitDir;
        }
      })();
      return readFileSync(join(common, "config"), "utf8");
    }
    return readFileSync(join(dotGit, "config"), "utf8");
  } catch {
    return null;
  }
}

/** The last path segment of a remote URL without `.git` (`git@github.com:org/repo.git` → `repo`). */
export function remoteName(url: string): string | null {
  const trimmed = url
    .trim()
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  const last = trimmed.split(/[/:\\]/).pop();
  return last && last.length > 0 ? last : null;
}

/**
 * A repository's name: the last segment of the `origin` remote URL in `.git/config` (else the first
 * remote), else the directory's base name.
 */
export function repositoryName(root: string): string {
  const config = readGitConfig(root);
  if (config) {
    const remotes = [...config.matchAll(/\[remote\s+"([^"]+)"\]([^[]*)/g)].map((m) => ({
      name: m[1] ?? "",
      url: /^\s*url\s*=\s*(.+)$/m.exec(m[2] ?? "")?.[1] ?? "",
    }));
    const remote = remotes.find((r) => r.name === "origin" && r.url) ?? remotes.find((r) => r.url);
    const name = remote ? remoteName(remote.url) : null;
    if (name) return name;
  }
  return basename(resolve(root)) || root;
}
