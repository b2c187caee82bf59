import { methodCalls } from "../code/chains.js";
import type { CallSite, CodeFacts, ImportSite, ReferenceSite } from "../code/engine.js";

/** `import alias "path"` (single). Groups: 1 alias, 2 path. */
const SINGLE_IMPORT = /\bimport[ \t]+(?:([\w.]+)[ \t]+)?"([^"\n]+)"/g;
/** `import ( … )` block. Group 1: body. */
const IMPORT_BLOCK = /\bimport[ \t]*\(([^)]*)\)/g;
/** One spec in an import block. Groups: 1 alias, 2 path. */
const BLOCK_SPEC = /(?:^|\n)[ \t]*(?:([\w.]+)[ \t]+)?"([^"\n]+)"/g;
/** `pkg.Name(`, `pkg.Name{`, `pkg.Name[T](` — exported selector used as a call or composite literal. Groups: 1 pkg, 2 name. */
const SELECTOR_CALL = /(?<![\w.])([A-Za-z_]\w*)\.([A-Z]\w*)[ \t]*(?:\[[^\]\n]{0,80}\])?[ \t]*([({])/g;
/** Any exported selector `pkg.Name` (for model constants). */
const SELECTOR = /(?<![\w.])([A-Za-z_]\w*)\.([A-Z]\w*)\b/g;

/** The package name Go code uses for an import path: last segment without `vN`, `go-`, `-go`, `-sdk`. */
export function goPackageName(path: string): string {
  const segments = path.split("/");
  let last = segments.pop() ?? path;
  if (/^v\d+$/.test(last) && segments.length) last = segments.pop() ?? last;
  return last.replace(/^go-/, "").replace(/-go$/, "").replace(/-sdk$/, "").replace(/[^\w]/g, "");
}

/** Drops major-version segments (`/v2`) so catalogue symbols match every major version. */
export function withoutMajorVersion(path: string): string {
  return path.replace(/\/v\d+(?=\/|$)/g, "");
}

/** Import bindings (package name or alias → import path) and import sites. */
export function goImports(text: string): { bindings: Map<string, string>; imports: ImportSite[] } {
  const bindings = new Map<string, string>();
  const imports: ImportSite[] = [];
  const add = (alias: string | undefined, path: string, offset: number) => {
    imports.push({ module: path, offset, detail: `import "${path}"` });
    if (alias === "_" || alias === ".") return;
    bindings.set(alias ?? goPackageName(path), withoutMajorVersion(path));
  };
  for (const m of text.matchAll(SINGLE_IMPORT)) add(m[1], m[2] ?? "", m.index);
  for (const block of text.matchAll(IMPORT_BLOCK)) {
    const bodyStart = block.index + block[0].indexOf("(") + 1;
    for (const m of (block[1] ?? "").matchAll(BLOCK_SPEC)) add(m[1], m[2] ?? "", bodyStart + m.index + m[0].indexOf('"'));
  }
  return { bindings, imports };
}

/** Extracts imports, resolved calls/composite literals and model-constant references from comment-free Go. */
export function goFacts(text: string): CodeFacts {
  const { bindings, imports } = goImports(text);
  const calls: CallSite[] = [];
  for (const m of text.matchAll(SELECTOR_CALL)) {
    const path = bindings.get(m[1] ?? "");
    if (!path) continue;
    const open = m[3] === "(" ? m.index + m[0].length - 1 : -1;
    calls.push({ candidates: [`${path}.${m[2]}`], chain: `${m[1]}.${m[2]}`, offset: m.index, open });
  }
  const references: ReferenceSite[] = [];
  for (const m of text.matchAll(SELECTOR)) {
    const path = bindings.get(m[1] ?? "");
    if (path) references.push({ qualified: `${path}.${m[2]}`, offset: m.index });
  }
  return { language: "go", imports, calls, methods: methodCalls(text), references };
}
