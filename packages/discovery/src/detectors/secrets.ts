import { type CompiledKeyFormat, KEY_FORMATS } from "../catalog/index.js";
import { LineIndex } from "../text/line-index.js";
import { baseName } from "../text/paths.js";
import type { DetectContext, Detector, Hit, SourceFile } from "../types.js";

/** Files that hold hashes, not secrets. */
const NO_SECRETS =
  /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|Pipfile\.lock|Gemfile\.lock|go\.sum|Cargo\.lock|composer\.lock|packages\.lock\.json)$/;
/** A harmless successful match that overwrites RegExp's legacy statics. */
const CLEAR_LEGACY_STATICS = /-/;
/** Words that mark an example value. */
const PLACEHOLDER = /x{4,}|X{4,}|your|example|placeholder|dummy|redacted|changeme|change_me|insert|replace/i;

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Whether a match is a real-looking key rather than a placeholder (`sk-...`, `sk-xxxx`, `your-key`). */
function looksReal(key: string, format: CompiledKeyFormat): boolean {
  if (PLACEHOLDER.test(key) || /(.)\1{7,}/.test(key)) return false;
  if (format.mixedCase && !(/[a-z]/.test(key) && /[A-Z]/.test(key) && /\d/.test(key))) return false;
  const body = key.replace(/^[a-z]+[-_](?:[a-z0-9]+[-_])?/i, "");
  return entropy(body.length >= 16 ? body : key) >= 3;
}

/**
 * Key-shaped secrets of the catalogue. A hit carries provider, key kind, line and a keyed
 * fingerprint; the key is fingerprinted the moment it is matched and never stored, and the detail is empty.
 */
export const secretsDetector: Detector = {
  id: "secrets",
  ecosystem: "generic",
  matches: (path) => !NO_SECRETS.test(baseName(path)),
  detect(file: SourceFile, context: DetectContext): Hit[] {
    const lines = new LineIndex(file.text);
    const hits: Hit[] = [];
    const taken: [number, number][] = [];
    for (const format of KEY_FORMATS) {
      format.global.lastIndex = 0;
      for (let m = format.global.exec(file.text); m !== null; m = format.global.exec(file.text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const line = lines.line(start);
        if (format.context && !format.context.test(lines.lineText(file.text, line))) continue;
        if (!looksReal(m[0], format)) continue;
        taken.push([start, end]);
        const fingerprint = context.fingerprint(m[0]);
        hits.push({
          kind: "secret",
          id: `secret:${format.provider}:${fingerprint}`,
          name: format.name,
          provider: format.provider,
          confidence: "referenced",
          signal: "secret",
          line,
          column: start - lines.lineStart(line) + 1,
          detail: "",
          secret: { provider: format.provider, keyKind: format.keyKind, fingerprint },
        });
      }
    }
    // RegExp's legacy statics (RegExp.lastMatch, $&) would otherwise keep the last key matched.
    CLEAR_LEGACY_STATICS.exec("-");
    return hits;
  },
};
