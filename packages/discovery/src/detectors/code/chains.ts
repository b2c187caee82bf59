/** Shared extraction of call chains and method calls from comment-free text. */

/** `a.b.C(`, `new a.C(`, `a.C<T>(` — a dotted chain followed by a call. Groups: 1 chain. */
const DOTTED_CALL = /(?<![\w$.])(?:new\s+)?([A-Za-z_$][\w$]*(?:[ \t]*\.[ \t]*[A-Za-z_$][\w$]*)*)[ \t]*(?:<[^<>()\n]{0,80}>)?[ \t]*\(/g;

/** `.Name(` on any receiver. Groups: 1 name. */
const METHOD_CALL = /\.[ \t]*([A-Za-z_]\w*)[ \t]*(?:<[^<>()\n]{0,80}>)?[ \t]*\(/g;

/** A dotted call: the chain without spaces, where it starts, and where its `(` is. */
export interface DottedCall {
  chain: string;
  offset: number;
  open: number;
}

/** Every dotted call in the text (including constructor calls with `new`). */
export function dottedCalls(text: string): DottedCall[] {
  const out: DottedCall[] = [];
  for (const m of text.matchAll(DOTTED_CALL)) {
    const chain = (m[1] ?? "").replace(/[ \t]/g, "");
    out.push({ chain, offset: m.index + m[0].indexOf(m[1] ?? ""), open: m.index + m[0].length - 1 });
  }
  return out;
}

/** Every `.method(` call on any receiver. */
export function methodCalls(text: string): { name: string; open: number; offset: number }[] {
  const out: { name: string; open: number; offset: number }[] = [];
  for (const m of text.matchAll(METHOD_CALL)) out.push({ name: m[1] ?? "", open: m.index + m[0].length - 1, offset: m.index + 1 });
  return out;
}

/** Resolves a dotted chain through import bindings: the head's binding plus the rest (`sep` joins them). */
export function qualifyChain(chain: string, bindings: ReadonlyMap<string, string>, sep = "."): string | null {
  const dot = chain.indexOf(".");
  const head = dot === -1 ? chain : chain.slice(0, dot);
  const bound = bindings.get(head);
  if (bound === undefined) return null;
  const rest = dot === -1 ? "" : chain.slice(dot + 1);
  if (!rest) return bound;
  return bound.endsWith(":") ? `${bound}${rest}` : `${bound}${sep}${rest}`;
}
