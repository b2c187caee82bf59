/** How comments and strings look in a language, for blanking comments while keeping strings. */
export interface CommentSyntax {
  /** Line-comment openers, e.g. `//`, `#`. */
  line: readonly string[];
  /** Block-comment delimiters, e.g. `/*` … `*\/`. */
  block: readonly (readonly [string, string])[];
  /** Single-line string quotes. */
  quotes: readonly string[];
  /** Quotes whose strings may span lines (`"""`, backtick). Checked before `quotes`. */
  multiline: readonly string[];
  /** Multi-line quotes without backslash escapes (Go raw strings). */
  raw?: readonly string[];
  /** JavaScript-style regular-expression literals. */
  regexLiterals?: boolean;
  /** C# verbatim strings (`@"…"`). */
  verbatim?: boolean;
  /** Ruby `=begin` … `=end` blocks at the start of a line. */
  rubyBlocks?: boolean;
}

/** C-family syntax (Java, C#, Go, Kotlin, Groovy). */
export const C_LIKE: CommentSyntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "'"], multiline: ['"""'] };
/** JavaScript and TypeScript. */
export const JS_SYNTAX: CommentSyntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "'"], multiline: ["`"], regexLiterals: true };
/** Go. */
export const GO_SYNTAX: CommentSyntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "'"], multiline: [], raw: ["`"] };
/** C#. */
export const CSHARP_SYNTAX: CommentSyntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "'"], multiline: ['"""'], verbatim: true };
/** Python. */
export const PYTHON_SYNTAX: CommentSyntax = { line: ["#"], block: [], quotes: ['"', "'"], multiline: ['"""', "'''"] };
/** Ruby. */
export const RUBY_SYNTAX: CommentSyntax = { line: ["#"], block: [], quotes: ['"', "'"], multiline: [], rubyBlocks: true };
/** Shell, YAML, TOML, .env, Dockerfile, HCL-with-hash. */
export const HASH_SYNTAX: CommentSyntax = { line: ["#"], block: [], quotes: ['"', "'"], multiline: [] };
/** JSON with comments (VS Code settings, tsconfig). */
export const JSON_SYNTAX: CommentSyntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"'], multiline: [] };
/** HCL (Terraform): `#`, `//` and `/* *\/`. */
export const HCL_SYNTAX: CommentSyntax = { line: ["#", "//"], block: [["/*", "*/"]], quotes: ['"'], multiline: [] };

const REGEX_PRECEDERS = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", ""]);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|delete|void|throw|new|yield|await)$/;

function blank(text: string): string {
  return text.replace(/[^\n]/g, " ");
}

function startsWithAt(text: string, token: string, at: number): boolean {
  return text.startsWith(token, at);
}

/** End (exclusive) of a string opened at `start` by `quote`. */
function stringEnd(text: string, start: number, quote: string, multiline: boolean, escapes: boolean): number {
  let i = start + quote.length;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (escapes && ch === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (!multiline && ch === 10) return i;
    if (startsWithAt(text, quote, i)) return i + quote.length;
    i++;
  }
  return text.length;
}

function previousSignificant(text: string, i: number): { ch: string; at: number } {
  let j = i - 1;
  while (j >= 0 && /\s/.test(text.charAt(j))) j--;
  return { ch: j >= 0 ? text.charAt(j) : "", at: j };
}

function regexEnd(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === "\n") return -1;
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "/" && !inClass) return i + 1;
    i++;
  }
  return -1;
}

const FIRSTS = new WeakMap<CommentSyntax, Set<string>>();

function firstCharacters(syntax: CommentSyntax): Set<string> {
  let set = FIRSTS.get(syntax);
  if (!set) {
    const tokens = [...syntax.line, ...syntax.block.map(([open]) => open), ...syntax.quotes, ...syntax.multiline, ...(syntax.raw ?? [])];
    set = new Set(tokens.map((t) => t.charAt(0)));
    if (syntax.regexLiterals) set.add("/");
    if (syntax.verbatim) set.add("@");
    if (syntax.rubyBlocks) set.add("=");
    FIRSTS.set(syntax, set);
  }
  return set;
}

/**
 * Returns `text` with every comment replaced by spaces (newlines kept), so offsets and line numbers
 * stay valid and strings stay intact. Never throws.
 */
export function stripComments(text: string, syntax: CommentSyntax): string {
  const out: string[] = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  const cut = (from: number, to: number) => {
    out.push(text.slice(last, from), blank(text.slice(from, to)));
    last = to;
  };
  const firsts = firstCharacters(syntax);
  outer: while (i < n) {
    const ch = text.charAt(i);
    if (!firsts.has(ch)) {
      i++;
      continue;
    }
    if (syntax.rubyBlocks && ch === "=" && (i === 0 || text.charAt(i - 1) === "\n") && startsWithAt(text, "=begin", i)) {
      const end = text.indexOf("\n=end", i);
      const stop = end === -1 ? n : end + 5;
      cut(i, stop);
      i = stop;
      continue;
    }
    for (const opener of syntax.line) {
      if (startsWithAt(text, opener, i)) {
        const end = text.indexOf("\n", i);
        const stop = end === -1 ? n : end;
        cut(i, stop);
        i = stop;
        continue outer;
      }
    }
    for (const [open, close] of syntax.block) {
      if (startsWithAt(text, open, i)) {
        const end = text.indexOf(close, i + open.length);
        const stop = end === -1 ? n : end + close.length;
        cut(i, stop);
        i = stop;
        continue outer;
      }
    }
    if (syntax.verbatim && ch === "@" && text.charAt(i + 1) === '"') {
      let j = i + 2;
      while (j < n) {
        if (text.charAt(j) === '"') {
          if (text.charAt(j + 1) === '"') j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    for (const quote of syntax.raw ?? []) {
      if (startsWithAt(text, quote, i)) {
        i = stringEnd(text, i, quote, true, false);
        continue outer;
      }
    }
    for (const quote of syntax.multiline) {
      if (startsWithAt(text, quote, i)) {
        i = stringEnd(text, i, quote, true, true);
        continue outer;
      }
    }
    for (const quote of syntax.quotes) {
      if (startsWithAt(text, quote, i)) {
        i = stringEnd(text, i, quote, false, true);
        continue outer;
      }
    }
    if (syntax.regexLiterals && ch === "/") {
      const prev = previousSignificant(text, i);
      if (REGEX_PRECEDERS.has(prev.ch) || REGEX_KEYWORDS.test(text.slice(Math.max(0, prev.at - 10), prev.at + 1))) {
        const end = regexEnd(text, i);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
    }
    i++;
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join("");
}
