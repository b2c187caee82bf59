import { type Dirent, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import { extension } from "../text/paths.js";
import { type IgnoreLevel, ignoreLevel, isIgnored } from "./gitignore.js";
import { BINARY_EXTENSIONS, DOTNET_OUTPUT_DIRECTORIES, DOTNET_PROJECT_FILE, SKIPPED_DIRECTORIES, VIRTUALENV_MARKER } from "./skip-rules.js";

/** A file the walker hands on. */
export interface WalkedFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the root, with forward slashes. */
  path: string;
}

/** Counters the walker keeps while walking. */
export interface WalkStats {
  /** Files seen but not handed on (binary extensions). */
  skipped: number;
}

interface PendingDirectory {
  absolute: string;
  path: string;
  levels: readonly IgnoreLevel[];
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function listDirectory(absolute: string): Dirent[] {
  try {
    return readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function realPath(absolute: string): string | null {
  try {
    return realpathSync.native(absolute);
  } catch {
    return null;
  }
}

interface Frame {
  dir: PendingDirectory;
  entries: Dirent[];
  index: number;
  levels: readonly IgnoreLevel[];
  dotnet: boolean;
}

function openFrame(dir: PendingDirectory): Frame {
  const entries = listDirectory(dir.absolute);
  const ignoreTexts: string[] = [];
  if (dir.path === "") {
    const exclude = readText(join(dir.absolute, ".git", "info", "exclude"));
    if (exclude) ignoreTexts.push(exclude);
  }
  if (entries.some((e) => e.name === ".gitignore")) {
    const text = readText(join(dir.absolute, ".gitignore"));
    if (text) ignoreTexts.push(text);
  }
  const levels = ignoreTexts.length > 0 ? [...dir.levels, ignoreLevel(dir.path, ignoreTexts)] : dir.levels;
  return { dir, entries, index: 0, levels, dotnet: entries.some((e) => DOTNET_PROJECT_FILE.test(e.name)) };
}

/**
 * Walks a directory tree depth-first in path order, holding one directory listing per level,
 * yielding files to scan. Honours `.gitignore` at every level and `.git/info/exclude`, skips
 * dependency and build-output directories and binary extensions. Symbolic links are not followed
 * (as git stores them: a link inside the root is walked at its real path anyway, one outside it is
 * not part of the repository), so link loops cannot occur.
 */
export function* walkFiles(root: string, stats: WalkStats): Generator<WalkedFile> {
  const rootReal = realPath(root);
  if (rootReal === null) return;
  const stack: Frame[] = [openFrame({ absolute: rootReal, path: "", levels: [] })];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const entry = frame.entries[frame.index++];
    if (!entry) {
      stack.pop();
      continue;
    }
    const { dir, levels } = frame;
    const name = entry.name;
    const absolute = dir.absolute + sep + name;
    const path = dir.path ? `${dir.path}/${name}` : name;
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(name)) continue;
      if (frame.dotnet && DOTNET_OUTPUT_DIRECTORIES.has(name)) continue;
      if (name === "env" && readText(join(absolute, VIRTUALENV_MARKER)) !== null) continue;
      if (isIgnored(levels, path, true)) continue;
      stack.push(openFrame({ absolute, path, levels }));
    } else if (entry.isFile()) {
      if (isIgnored(levels, path, false)) continue;
      if (BINARY_EXTENSIONS.has(extension(name))) {
        stats.skipped++;
        continue;
      }
      yield { absolute, path };
    }
  }
}
