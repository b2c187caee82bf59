import { dottedCalls, methodCalls, qualifyChain } from "../code/chains.js";
import type { CallSite, CodeFacts, ImportSite } from "../code/engine.js";

/** `import X, { a as b } from "m"`, `import * as ns from "m"`, `import type …`. Groups: 1 clause, 3 module. */
const IMPORT_FROM = /\bimport\s+(?:type\s+)?([\w$]+\s*(?:,\s*(?:\*\s*as\s+[\w$]+|\{[^}]*\}))?|\*\s*as\s+[\w$]+|\{[^}]*\})\s*from\s*(["'])([^"'\n]+)\2/g;
/** `import "m"`, `export … from "m"`, `import("m")`, bare `require("m")`. Group 2: module. */
const MODULE_REFERENCE = /\b(?:import\s*\(?\s*|export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*|require\s*\(\s*)(["'])([^"'\n]+)\1/g;
/** `const X = require("m")`, `const { a, b: c } = require("m")`, `… = await import("m")`. Groups: 1 binding, 3 module, 4 member. */
const REQUIRE = /\b(?:const|let|var)\s+(\{[^}]*\}|[\w$]+)\s*=\s*(?:await\s+)?(?:require|import)\s*\(\s*(["'])([^"'\n]+)\2\s*\)(?:\s*\.\s*([\w$]+))?/g;

function bindNamed(bindings: Map<string, string>, module: string, list: string, arrow: "as" | ":"): void {
  for (const part of list.replace(/[{}]/g, "").split(",")) {
    const piece = part.replace(/^\s*type\s+/, "").trim();
    if (!piece) continue;
    const [name, alias] = piece.split(arrow === "as" ? /\s+as\s+/ : /\s*:\s*/).map((s) => s.trim());
    if (!name || !/^[\w$]+$/.test(name)) continue;
    const local = alias && /^[\w$]+$/.test(alias) ? alias : name;
    bindings.set(local, `${module}:${name}`);
  }
}

/** Import bindings (local name → `module:export`, or `module:` for namespaces) and import sites. */
export function javascriptImports(text: string): { bindings: Map<string, string>; imports: ImportSite[] } {
  const bindings = new Map<string, string>();
  const imports: ImportSite[] = [];
  for (const m of text.matchAll(IMPORT_FROM)) {
    const clause = m[1] ?? "";
    const module = m[3] ?? "";
    imports.push({ module, offset: m.index, detail: `import from "${module}"` });
    const namespace = /\*\s*as\s+([\w$]+)/.exec(clause);
    if (namespace?.[1]) bindings.set(namespace[1], `${module}:`);
    const named = /\{[^}]*\}/.exec(clause);
    if (named) bindNamed(bindings, module, named[0], "as");
    const defaultName = /^([\w$]+)/.exec(clause.trim());
    if (defaultName?.[1] && !clause.trim().startsWith("{") && !clause.trim().startsWith("*")) bindings.set(defaultName[1], `${module}:default`);
  }
  for (const m of text.matchAll(REQUIRE)) {
    const binding = m[1] ?? "";
    const module = m[3] ?? "";
    const member = m[4];
    if (binding.startsWith("{")) bindNamed(bindings, module, binding, ":");
    else bindings.set(binding, member ? `${module}:${member === "default" ? "default" : member}` : `${module}:default`);
  }
  for (const m of text.matchAll(MODULE_REFERENCE)) {
    const module = m[2] ?? "";
    if (!imports.some((i) => i.module === module)) imports.push({ module, offset: m.index, detail: `import "${module}"` });
  }
  return { bindings, imports };
}

/** Extracts imports and resolved calls from comment-free JavaScript or TypeScript. */
export function javascriptFacts(text: string): CodeFacts {
  const { bindings, imports } = javascriptImports(text);
  const calls: CallSite[] = [];
  for (const call of dottedCalls(text)) {
    let qualified = qualifyChain(call.chain, bindings);
    if (qualified === null) continue;
    if (qualified.endsWith(":")) qualified += "default";
    calls.push({ candidates: [qualified], chain: call.chain, offset: call.offset, open: call.open });
  }
  return { language: "javascript", imports, calls, methods: methodCalls(text) };
}
