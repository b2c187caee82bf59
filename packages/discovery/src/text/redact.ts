import { KEY_FORMATS } from "../catalog/index.js";

/** Longest evidence detail (the contract allows 300). */
export const MAX_DETAIL = 300;

/** A long run of key-like characters mixing letters and digits (a secret the catalogue does not know). */
const OPAQUE_TOKEN = /[A-Za-z0-9_+=]{32,}/g;

function looksOpaque(token: string): boolean {
  return /[0-9]/.test(token) && /[A-Za-z]/.test(token);
}

/**
 * Makes a detail or endpoint safe to store: anything shaped like a key (a catalogue key format or
 * an opaque token of 32+ characters) becomes `[redacted]`, and the text is cut to 300 characters.
 */
export function safeText(text: string): string {
  let out = text;
  for (const format of KEY_FORMATS) {
    format.global.lastIndex = 0;
    if (format.global.test(out)) {
      format.global.lastIndex = 0;
      out = out.replace(format.global, "[redacted]");
    }
  }
  out = out.replace(OPAQUE_TOKEN, (token) => (looksOpaque(token) ? "[redacted]" : token));
  out = out.replace(/[\r\n\t]+/g, " ");
  return out.length > MAX_DETAIL ? `${out.slice(0, MAX_DETAIL - 1)}…` : out;
}

/**
 * An endpoint as stored: scheme, host, port and path only; user info, query and fragment dropped,
 * the path cut to 120 characters.
 */
export function safeEndpoint(scheme: string | undefined, host: string, port: string | undefined, path: string | undefined): string {
  const cleanPath = (path ?? "").split(/[?#]/)[0]?.replace(/\/+$/, "").slice(0, 120) ?? "";
  return safeText(`${(scheme ?? "https").toLowerCase()}://${host.toLowerCase()}${port ? `:${port}` : ""}${cleanPath}`);
}
