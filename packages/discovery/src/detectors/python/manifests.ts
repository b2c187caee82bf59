import { baseName } from "../../text/paths.js";
import type { Dependency } from "../code/manifest.js";

/** A PEP 508 requirement: groups 1 name, 2 version specifier. */
const REQUIREMENT =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?\s*((?:===|==|~=|!=|>=|<=|>|<)\s*[^;#\s,)]+(?:\s*,\s*(?:===|==|~=|!=|>=|<=|>|<)\s*[^;#\s,)]+)*)?\s*\)?\s*(?:;.*)?$/;

function requirementVersion(spec: string | undefined): string | null {
  if (!spec) return null;
  const trimmed = spec.replace(/\s+/g, "");
  return trimmed.startsWith("==") && !trimmed.includes(",") ? trimmed.replace(/^===?/, "") : trimmed;
}

/** Parses one PEP 508 requirement string. */
export function parseRequirement(text: string, offset: number): Dependency | null {
  const m = REQUIREMENT.exec(text.trim());
  return m?.[1] ? { name: m[1], version: requirementVersion(m[2]), offset } : null;
}

/** `requirements*.txt`: one requirement per line; options, includes, hashes and URLs skipped (except `#egg=`). */
export function requirementsTxt(text: string): Dependency[] {
  const out: Dependency[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const content = line.replace(/\s+#.*$/, "").trim();
    if (content && !content.startsWith("#") && !content.startsWith("-")) {
      const egg = /#egg=([\w.-]+)/.exec(line);
      const dep = egg?.[1] ? { name: egg[1], version: null, offset } : parseRequirement(content.replace(/\s*\\$/, ""), offset + line.indexOf(content));
      if (dep) out.push(dep);
    }
    offset += line.length + 1;
  }
  return out;
}

const TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/;
const KEY_VALUE = /^\s*("[^"]+"|'[^']+'|[\w.-]+)\s*=\s*(.*)$/;
const STRING = /"([^"\\]*)"|'([^'\\]*)'/g;
/** TOML tables whose keys are package names (Poetry, Pipfile, PDM). */
const NAMED_TABLE = /^(?:tool\.poetry\.(?:dev-)?dependencies|tool\.poetry\.group\.[\w-]+\.dependencies|packages|dev-packages|tool\.pdm\.dev-dependencies)$/;

function unquote(key: string): string {
  return key.replace(/^["']|["']$/g, "");
}

function arrayKeyAccepted(table: string, key: string): boolean {
  if (table === "project") return key === "dependencies";
  if (table === "project.optional-dependencies" || table === "dependency-groups" || table === "tool.pdm.dev-dependencies") return true;
  return table.startsWith("tool.uv") && key === "dev-dependencies";
}

function withoutStrings(text: string): string {
  return text.replace(STRING, "");
}

function collectRequirements(text: string, offset: number, out: Dependency[]): void {
  for (const s of text.matchAll(STRING)) {
    const dep = parseRequirement(s[1] ?? s[2] ?? "", offset + s.index + 1);
    if (dep) out.push(dep);
  }
}

/** `pyproject.toml` (PEP 621, dependency groups, Poetry, uv, PDM) and `Pipfile`. */
export function pyprojectToml(text: string): Dependency[] {
  const out: Dependency[] = [];
  let table = "";
  let collecting = false;
  let offset = 0;
  for (const line of text.split("\n")) {
    const lineOffset = offset;
    offset += line.length + 1;
    if (collecting) {
      collectRequirements(line, lineOffset, out);
      if (withoutStrings(line).includes("]")) collecting = false;
      continue;
    }
    const tableMatch = TABLE.exec(line);
    if (tableMatch) {
      table = tableMatch[1] ?? "";
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    if (!kv) continue;
    const key = unquote(kv[1] ?? "");
    const value = kv[2] ?? "";
    if (NAMED_TABLE.test(table)) {
      const version = /^["']([^"']*)["']/.exec(value)?.[1] ?? /version\s*=\s*["']([^"']*)["']/.exec(value)?.[1] ?? null;
      if (key !== "python") out.push({ name: key, version: version === "*" ? null : version, offset: lineOffset + line.indexOf(kv[1] ?? "") });
      continue;
    }
    if (!value.trimStart().startsWith("[") || !arrayKeyAccepted(table, key)) continue;
    collectRequirements(value, lineOffset + line.length - value.length, out);
    collecting = !withoutStrings(value).includes("]");
  }
  return out;
}

/** `setup.py` (`install_requires=[…]`, `extras_require={…}`) and `setup.cfg` (`install_requires =` lines). */
export function setupFiles(text: string, path: string): Dependency[] {
  const out: Dependency[] = [];
  if (baseName(path) === "setup.cfg") {
    let inList = false;
    let offset = 0;
    for (const line of text.split("\n")) {
      if (/^\s*(?:install_requires|[\w-]+)\s*=/.test(line) && !/^\s/.test(line)) inList = /^install_requires\s*=/.test(line);
      else if (/^\S/.test(line)) inList = false;
      else if (inList && line.trim()) {
        const dep = parseRequirement(line.trim(), offset + line.indexOf(line.trim()));
        if (dep) out.push(dep);
      }
      offset += line.length + 1;
    }
    return out;
  }
  for (const block of text.matchAll(/(?:install_requires|extras_require|requires)\s*=\s*[[{(]/g)) {
    const start = block.index + block[0].length;
    const end = text.indexOf(block[0].endsWith("{") ? "}" : block[0].endsWith("(") ? ")" : "]", start);
    const body = text.slice(start, end === -1 ? Math.min(text.length, start + 4000) : end);
    for (const s of body.matchAll(STRING)) {
      const dep = parseRequirement(s[1] ?? s[2] ?? "", start + s.index + 1);
      if (dep) out.push(dep);
    }
  }
  return out;
}

/** `poetry.lock` and `uv.lock`: `[[package]]` tables with `name` and `version` (lockfile hints). */
export function pythonLockfile(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/\[\[package\]\]\s*\nname\s*=\s*"([^"]+)"\s*\nversion\s*=\s*"([^"]+)"/g)) {
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
  }
  return out;
}

/** `Pipfile.lock` (JSON): `"name": { … "version": "==x" }` (lockfile hints). */
export function pipfileLock(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/"([\w.-]+)":\s*\{[^{}]*?"version":\s*"==([^"]+)"/g))
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index, lockfile: true });
  return out;
}

/** Conda `environment.yml`: `- name=1.0` and pip sub-lists. */
export function condaEnvironment(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^[ \t]*-[ \t]+([A-Za-z0-9][\w.-]*)[ \t]*(?:(==?|>=|<=|~=)[ \t]*([\w.*]+))?[ \t]*$/gm)) {
    out.push({ name: m[1] ?? "", version: m[3] ?? null, offset: m.index + m[0].indexOf(m[1] ?? "") });
  }
  return out;
}
