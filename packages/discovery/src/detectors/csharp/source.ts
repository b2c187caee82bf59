import { dottedCalls, methodCalls } from "../code/chains.js";
import type { CallSite, CodeFacts, ImportSite } from "../code/engine.js";

/** `[global] using [static] [Alias =] Name.Space;`. Groups: 1 alias, 2 namespace. */
const USING = /^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:(\w+)[ \t]*=[ \t]*)?([\w.]+)[ \t]*;/gm;

/** Namespaces brought in by `using`, aliases, and import sites. */
export function csharpUsings(text: string): { namespaces: string[]; aliases: Map<string, string>; imports: ImportSite[] } {
  const namespaces: string[] = [];
  const aliases = new Map<string, string>();
  const imports: ImportSite[] = [];
  for (const m of text.matchAll(USING)) {
    const name = m[2] ?? "";
    imports.push({ module: name, offset: m.index + m[0].indexOf(name), detail: `using ${name}` });
    if (m[1]) aliases.set(m[1], name);
    else namespaces.push(name);
  }
  return { namespaces, aliases, imports };
}

/** Extracts usings and calls from comment-free C#. Names resolve through every imported namespace (guesses). */
export function csharpFacts(text: string): CodeFacts {
  const { namespaces, aliases, imports } = csharpUsings(text);
  const calls: CallSite[] = [];
  for (const call of dottedCalls(text)) {
    const head = call.chain.split(".")[0] ?? "";
    const alias = aliases.get(head);
    if (alias) {
      calls.push({ candidates: [alias + call.chain.slice(head.length)], chain: call.chain, offset: call.offset, open: call.open });
      continue;
    }
    if (!/^[A-Z]/.test(call.chain)) continue;
    const candidates = [...namespaces.map((ns) => `${ns}.${call.chain}`), call.chain];
    calls.push({ candidates, chain: call.chain, offset: call.offset, open: call.open, guessed: true });
  }
  return { language: "csharp", imports, calls, methods: methodCalls(text) };
}
