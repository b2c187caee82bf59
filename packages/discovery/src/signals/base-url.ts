import { BASE_URL_KEY, URL_LITERAL } from "../catalog/index.js";
import { blankStrings } from "../text/blank-strings.js";
import { matchingBracket } from "../text/call-args.js";
import { escapeRegExp } from "../text/regexp.js";

/** A parsed base URL. */
export interface ParsedUrl {
  scheme: string | undefined;
  host: string;
  port: string | undefined;
  path: string | undefined;
}

/** What a client call says about its base URL: a literal URL, a value known only at run time, or nothing. */
export type BaseUrl = { kind: "url"; url: ParsedUrl } | { kind: "dynamic" } | null;

const URL_PARTS = /^(?:(https?|wss?):\/\/)?(?:[^@/\s]*@)?(\[[0-9a-f:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[^\s?#]*)?/i;

/** Parses `https://host:port/path` or `host:port/path`. */
export function parseUrl(text: string): ParsedUrl | null {
  const m = URL_PARTS.exec(text);
  if (!m?.[2]) return null;
  return { scheme: m[1], host: m[2].toLowerCase(), port: m[3], path: m[4] };
}

function urlIn(text: string): ParsedUrl | null {
  const m = URL_LITERAL.exec(text);
  return m?.[2] ? parseUrl(m[2]) : null;
}

/** Resolves `NAME = "https://…"` (or `NAME := …`, `NAME: …`) in the file. */
function resolveConstant(name: string, fileText: string): ParsedUrl | null {
  const re = new RegExp(`(?<![\\w.$])${escapeRegExp(name)}\\s*(?::=|=|:)\\s*(?:[\\w.]+\\(\\s*["'\`][^"'\`]*["'\`]\\s*,\\s*)?(["'\`])([^"'\`\\s]{1,300})\\1`);
  const m = re.exec(fileText);
  return m?.[2] ? parseUrl(m[2]) : null;
}

const found = (url: ParsedUrl | null): BaseUrl => (url ? { kind: "url", url } : { kind: "dynamic" });

/**
 * The base URL written after a key: a string literal, the first URL inside a call (`new Uri("…")`,
 * `os.getenv("X", "…")`), or a constant defined in the file; anything else is known only at run time.
 */
function valueAt(callText: string, start: number, fileText: string): BaseUrl {
  const rest = callText.slice(start).replace(/^\s+/, "");
  const first = rest.charAt(0);
  if (first === '"' || first === "'" || first === "`") {
    const direct = URL_LITERAL.exec(rest);
    return found(direct?.index === 0 && direct[2] ? parseUrl(direct[2]) : null);
  }
  const call = /^(?:new\s+)?[A-Za-z_$][\w$.]*(?:\[[^\]]*\])?\s*\(/.exec(rest);
  if (call) {
    return found(urlIn(rest.slice(0, matchingBracket(rest, call[0].length - 1))));
  }
  const ident = /^[A-Za-z_$][\w$.]*/.exec(rest);
  if (ident) return found(resolveConstant(ident[0], fileText) ?? resolveConstant(ident[0].split(".").pop() ?? "", fileText));
  return { kind: "dynamic" };
}

/**
 * The base URL a client call (its arguments plus builder chain) points at. Looks at keys such as
 * `base_url=`, `baseURL:`, `.baseUrl(`, `WithBaseURL(`, `Endpoint = new Uri(`, resolving a constant
 * or a config field (`cfg.BaseURL = "…"`) defined in the same file.
 */
export function findBaseUrl(callText: string, fileText: string): BaseUrl {
  const blanked = blankStrings(callText);
  const keys = new RegExp(BASE_URL_KEY.source, BASE_URL_KEY.flags);
  const m = keys.exec(blanked);
  if (m) return valueAt(callText, m.index + m[0].length, fileText);
  for (const ident of new Set(blanked.match(/[A-Za-z_]\w*/g)?.slice(0, 12) ?? [])) {
    const field = new RegExp(
      `(?<![\\w.])${escapeRegExp(ident)}\\.(?:BaseURL|BaseUrl|base_url|baseURL|baseUrl|Endpoint)\\s*=\\s*(["'\`])([^"'\`\\s]{1,300})\\1`,
    ).exec(fileText);
    if (field?.[2]) {
      const url = parseUrl(field[2]);
      if (url) return { kind: "url", url };
    }
  }
  return null;
}
