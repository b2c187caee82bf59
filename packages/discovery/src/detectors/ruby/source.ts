import { methodCalls } from "../code/chains.js";
import type { CallSite, CodeFacts, ImportSite } from "../code/engine.js";

/** `require "x"` / `require('x')`. Group 2: the name. */
const REQUIRE = /\brequire[ \t]*\(?[ \t]*(["'])([^"'\n]+)\1/g;
/** `A::B::C.method`, `A::B.new(`, `RubyLLM.chat` — constant paths, optionally with a method. Groups: 1 path, 2 method. */
const CONSTANT_CALL = /(?<![\w:.@$])([A-Z]\w*(?:::[A-Z]\w*)*)(?:\.(\w+[!?]?))?/g;

/** Require sites (`require_relative` is local code and skipped). */
export function rubyRequires(text: string): ImportSite[] {
  const out: ImportSite[] = [];
  for (const m of text.matchAll(REQUIRE)) out.push({ module: m[2] ?? "", offset: m.index, detail: `require "${m[2]}"` });
  return out;
}

/**
 * Extracts requires and constant-path calls from comment-free Ruby. Ruby has no import bindings: a
 * qualified constant (`OpenAI::Client.new`) is its own qualified name; plain constants (`Gemini.new`)
 * count only in files that require the SDK (see `resolveByClients`).
 */
export function rubyFacts(text: string): CodeFacts {
  const imports = rubyRequires(text);
  const calls: CallSite[] = [];
  for (const m of text.matchAll(CONSTANT_CALL)) {
    const path = m[1] ?? "";
    const method = m[2];
    if (!path.includes("::") && !method) continue;
    const chain = method ? `${path}.${method}` : path;
    const after = m.index + m[0].length;
    const open = /^[ \t]*\(/.test(text.slice(after, after + 20)) ? text.indexOf("(", after) : -1;
    calls.push({ candidates: [chain], chain, offset: m.index, open });
  }
  return { language: "ruby", imports, calls, methods: methodCalls(text), resolveByClients: true };
}
