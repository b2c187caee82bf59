import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { KEY_GENERATORS, type KeyKind } from "./keys.js";

/** Creates a temporary directory for a test tree. */
export function tempDir(prefix = "caio-discovery-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a temporary tree. */
export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path → text or bytes) under a root, creating directories. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

const PLANT = /__CAIO_PLANT_([a-z-]+)__/g;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/**
 * Copies a fixture tree into a temporary directory, replacing every `__CAIO_PLANT_<kind>__` marker
 * with a freshly generated key of that kind. Returns the directory and the keys planted per kind.
 */
export function materialize(source: string, extra: Record<string, string | Uint8Array> = {}): { dir: string; planted: Map<KeyKind, string> } {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  const planted = new Map<KeyKind, string>();
  for (const file of walk(dir)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("__CAIO_PLANT_")) continue;
    writeFileSync(
      file,
      text.replace(PLANT, (_, kind: string) => {
        const generate = KEY_GENERATORS[kind as KeyKind];
        if (!generate) throw new Error(`unknown plant ${kind}`);
        const key = planted.get(kind as KeyKind) ?? generate();
        planted.set(kind as KeyKind, key);
        return key;
      }),
    );
  }
  writeTree(dir, extra);
  return { dir, planted };
}
