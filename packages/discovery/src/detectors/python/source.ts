import { dottedCalls, methodCalls, qualifyChain } from "../code/chains.js";
import type { CallSite, CodeFacts, ImportSite } from "../code/engine.js";

/** `import a.b as c, d` — group 1: the module list. */
const IMPORT = /^[ \t]*import[ \t]+([\w. \t,]+?)[ \t]*(?:;|$)/gm;
/** `from a.b import (X as Y, Z)` — groups: 1 module, 2 names. */
const FROM_IMPORT = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n;]+(?:\\\n[^\n;]+)*)/gm;
/** `@decorator` at the start of a line (a call without parentheses). Group 1: the chain. */
const DECORATOR = /^[ \t]*@([A-Za-z_][\w.]*)[ \t]*$/gm;

/** Import bindings (local name → qualified name), import sites and star-imported modules. */
export function pythonImports(text: string): { bindings: Map<string, string>; imports: ImportSite[]; star: string[] } {
  const bindings = new Map<string, string>();
  const imports: ImportSite[] = [];
  const star: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    for (const part of (m[1] ?? "").split(",")) {
      const [module, alias] = part.trim().split(/[ \t]+as[ \t]+/);
      if (!module || !/^[A-Za-z_][\w.]*$/.test(module)) continue;
      const local = alias?.trim() || module.split(".")[0] || module;
      bindings.set(local, alias ? module : local);
      imports.push({ module, offset: m.index + m[0].indexOf(module), detail: `import ${module}` });
    }
  }
  for (const m of text.matchAll(FROM_IMPORT)) {
    const module = m[1] ?? "";
    if (module.startsWith(".")) continue;
    imports.push({ module, offset: m.index + m[0].indexOf(module), detail: `from ${module} import …` });
    const names = (m[2] ?? "").replace(/[()\\]/g, " ");
    for (const part of names.split(",")) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (!name) continue;
      if (name === "*") star.push(module);
      else if (/^\w+$/.test(name)) bindings.set(alias?.trim() || name, `${module}.${name}`);
    }
  }
  return { bindings, imports, star };
}

/** Extracts imports and resolved calls from comment-free Python. */
export function pythonFacts(text: string): CodeFacts {
  const { bindings, imports, star } = pythonImports(text);
  const calls: CallSite[] = [];
  for (const call of dottedCalls(text)) {
    const qualified = qualifyChain(call.chain, bindings);
    const candidates = qualified ? [qualified] : star.map((module) => `${module}.${call.chain}`);
    if (candidates.length) calls.push({ candidates, chain: call.chain, offset: call.offset, open: call.open });
  }
  for (const m of text.matchAll(DECORATOR)) {
    const chain = m[1] ?? "";
    const qualified = qualifyChain(chain, bindings);
    if (qualified) calls.push({ candidates: [qualified], chain, offset: m.index + m[0].indexOf(chain), open: -1 });
  }
  return { language: "python", imports, calls, methods: methodCalls(text) };
}
