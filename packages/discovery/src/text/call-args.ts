/** Longest argument text read for one call; longer calls are cut (the scan stays linear). */
export const MAX_CALL_TEXT = 4000;

const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);

function skipString(text: string, i: number, limit: number): number {
  const quote = text.charAt(i);
  let j = i + 1;
  while (j < limit) {
    const ch = text.charAt(j);
    if (ch === "\\") {
      j += 2;
      continue;
    }
    if (ch === quote) return j + 1;
    if (ch === "\n" && quote !== "`") return j;
    j++;
  }
  return limit;
}

/**
 * Index just after the bracket matching the one at `open` (`(`, `[` or `{`), skipping strings.
 * Stops at {@link MAX_CALL_TEXT} characters.
 */
export function matchingBracket(text: string, open: number): number {
  const limit = Math.min(text.length, open + MAX_CALL_TEXT);
  let depth = 0;
  let i = open;
  while (i < limit) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'" || ch === "`") {
      i = skipString(text, i, limit);
      continue;
    }
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return limit;
}

/** The argument text of a call whose `(` is at `open`, and where the call's method chain ends. */
export interface CallExtent {
  /** Text between the parentheses. */
  args: string;
  argsStart: number;
  /** End of the call plus any chained `.method(…)` calls (builders), capped. */
  chainEnd: number;
}

/** Reads a call's arguments and its builder chain (`X.builder().baseUrl("…").build()`). */
export function callExtent(text: string, open: number): CallExtent {
  const close = matchingBracket(text, open);
  const args = text.slice(open + 1, Math.max(open + 1, close - 1));
  let end = close;
  const limit = Math.min(text.length, open + MAX_CALL_TEXT);
  const chain = /^\s*\.\s*[A-Za-z_]\w*\s*(?=\()/y;
  while (end < limit) {
    chain.lastIndex = 0;
    const m = chain.exec(text.slice(end, Math.min(limit, end + 200)));
    if (!m) break;
    end = matchingBracket(text, end + m[0].length);
  }
  return { args, argsStart: open + 1, chainEnd: Math.min(end, limit) };
}

/** Splits argument text at top-level commas. */
export function splitArguments(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < args.length) {
    const ch = args.charAt(i);
    if (ch === '"' || ch === "'" || ch === "`") {
      i = skipString(args, i, args.length);
      continue;
    }
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth--;
    else if (ch === "," && depth === 0) {
      out.push(args.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  const tail = args.slice(start);
  if (tail.trim() || out.length) out.push(tail);
  return out;
}

const STRING_ARGUMENT = /^\s*(?:[rRbBfFuU]{0,2}|@|\$)?(["'`])([^"'`\n]*)\1\s*$/;
const KEYWORD_ARGUMENT = /^\s*["']?([A-Za-z_$][\w$]*)["']?\s*(?:=(?!=)|:(?!:))\s*([\s\S]*)$/;

/** The content of an argument that is exactly one string literal, else null. */
export function stringArgument(arg: string | undefined): string | null {
  if (arg === undefined) return null;
  const m = STRING_ARGUMENT.exec(arg);
  return m ? (m[2] ?? null) : null;
}

/** Positional arguments (those that are not `name=value` / `name: value`). */
export function positionalArguments(args: readonly string[]): string[] {
  return args.filter((a) => !KEYWORD_ARGUMENT.test(a) || /^\s*["'`]/.test(a));
}

/** The value text of a keyword argument or object property named `keyword` (top level or one object deep). */
export function keywordArgument(args: readonly string[], keyword: string): string | undefined {
  for (const arg of args) {
    const m = KEYWORD_ARGUMENT.exec(arg);
    if (m && m[1] === keyword) return m[2];
    const trimmed = arg.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      const inner = keywordArgument(splitArguments(trimmed.slice(1, -1)), keyword);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
