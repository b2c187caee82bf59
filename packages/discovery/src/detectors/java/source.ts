import { findImportRoot } from "../../catalog/index.js";
import { dottedCalls, methodCalls, qualifyChain } from "../code/chains.js";
import type { CallSite, CodeFacts, ImportSite, ReferenceSite } from "../code/engine.js";

/** `import [static] a.b.C[.*] [as D];` (Java, Kotlin, Scala, Groovy). Groups: 1 static, 2 name, 3 wildcard, 4 alias. */
const IMPORT = /^[ \t]*import[ \t]+(static[ \t]+)?([\w.]+?)(\.\*|\._)?(?:[ \t]+as[ \t]+(\w+))?[ \t]*;?[ \t]*$/gm;
/** `Type.CONSTANT` references (enum-style model constants). Groups: 1 chain. */
const CONSTANT_REFERENCE = /(?<![\w.])((?:[a-z_]\w*\.)*[A-Z]\w*\.[A-Z][A-Z0-9_]+)\b(?!\s*\()/g;

/** Import bindings (simple name → qualified), wildcard packages and import sites. */
export function jvmImports(text: string): { bindings: Map<string, string>; wildcards: string[]; imports: ImportSite[] } {
  const bindings = new Map<string, string>();
  const wildcards: string[] = [];
  const imports: ImportSite[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const name = m[2] ?? "";
    imports.push({ module: name, offset: m.index + m[0].indexOf(name), detail: `import ${name}${m[3] ? ".*" : ""}` });
    if (m[3]) wildcards.push(name);
    else bindings.set(m[4] ?? name.split(".").pop() ?? name, name);
  }
  return { bindings, wildcards, imports };
}

/**
 * Qualified candidates for a chain: through an explicit import or as written (a fully qualified
 * name); failing that, guesses through wildcard imports of SDK packages.
 */
export function jvmCandidates(chain: string, bindings: ReadonlyMap<string, string>, wildcards: readonly string[]): { candidates: string[]; guessed: boolean } {
  const bound = qualifyChain(chain, bindings);
  if (bound) return { candidates: [bound], guessed: false };
  if (/^[a-z]\w*\.[a-z]\w*\..*[A-Z]/.test(chain)) return { candidates: [chain], guessed: false };
  if (!/^[A-Z]/.test(chain)) return { candidates: [], guessed: true };
  return { candidates: wildcards.filter((pkg) => findImportRoot("java", pkg)).map((pkg) => `${pkg}.${chain}`), guessed: true };
}

/** Extracts imports, resolved calls and model-constant references from comment-free JVM code. */
export function javaFacts(text: string): CodeFacts {
  const { bindings, wildcards, imports } = jvmImports(text);
  const calls: CallSite[] = [];
  for (const call of dottedCalls(text)) {
    const { candidates, guessed } = jvmCandidates(call.chain, bindings, wildcards);
    if (candidates.length) calls.push({ candidates, chain: call.chain, offset: call.offset, open: call.open, guessed });
  }
  const references: ReferenceSite[] = [];
  for (const m of text.matchAll(CONSTANT_REFERENCE)) {
    for (const qualified of jvmCandidates(m[1] ?? "", bindings, wildcards).candidates) references.push({ qualified, offset: m.index });
  }
  return { language: "java", imports, calls, methods: methodCalls(text), references };
}
