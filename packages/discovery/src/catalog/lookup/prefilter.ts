import COMMON_TRIGRAMS from "../common-trigrams.json" with { type: "json" };
import { FAMILIES } from "../families.js";
import { envVarLiterals } from "./env-vars.js";
import { hostGlobs } from "./hosts.js";
import { configKeyPrefixes, imageNames, infraTypes } from "./infra.js";
import { createTrigramKernel, type TrigramKernel } from "./trigram-wasm.js";

function hostLiteral(glob: string): string {
  return glob.split("*").reduce((a, b) => (b.length > a.length ? b : a), "");
}

function minimize(literals: Iterable<string>): string[] {
  const sorted = [...new Set([...literals].map((l) => l.toLowerCase()).filter((l) => l.length >= 3))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const literal of sorted) if (!kept.some((k) => literal.includes(k))) kept.push(literal);
  return kept.sort();
}

/**
 * The scanner's literal prefilter: lower-case ASCII strings, matched case-insensitively. A file that
 * contains none of them cannot produce a content finding, so content detectors skip it. (Manifests
 * and path-identified files such as MCP configs are read regardless.)
 */
export const PREFILTER_LITERALS: readonly string[] = minimize([
  ...FAMILIES.flatMap((f) => f.literals),
  ...envVarLiterals(),
  ...hostGlobs().map(hostLiteral),
  ...imageNames(),
  ...infraTypes(),
  ...configKeyPrefixes(),
]);

/** ASCII case folding for bytes (verification). */
const FOLD = new Uint8Array(256);
for (let i = 0; i < 256; i++) FOLD[i] = i >= 65 && i <= 90 ? i + 32 : i;

/** Rolling trigram hash: 7 bits per byte over 21 bits, so it depends on exactly the last three bytes. */
const SHIFT = 7;
const MASK = (1 << (3 * SHIFT)) - 1;
/** `| 0x20` folds ASCII letters (and maps a few punctuation bytes together: only more candidates). */
const LOWER = 0x20;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The 1,000 most frequent case-folded trigrams in a sample of open-source JavaScript/TypeScript,
 * Python, Ruby, Go, Java, C#, YAML and shell sources, most frequent first: anchors avoid them.
 */
const COMMON_RANK = new Map((COMMON_TRIGRAMS as string[]).map((t, i) => [t, i]));

/** Higher is rarer: trigrams absent from the common list win, then those ranked lower in it. */
function rarity(trigram: string): number {
  const rank = COMMON_RANK.get(trigram);
  return rank === undefined ? COMMON_RANK.size + (/[^a-z]/.test(trigram) ? 1 : 0) : rank;
}

interface Anchored {
  bytes: Uint8Array;
  /** Offset of the anchor trigram inside the literal. */
  offset: number;
}

interface Matcher {
  /** One byte per trigram hash: 1 when some literal is anchored on a trigram with that hash. */
  table: Uint8Array;
  candidates: Map<number, Anchored[]>;
  /** The same table in a WebAssembly kernel, when WebAssembly is available. */
  kernel: TrigramKernel | null;
}

function trigramHash(a: number, b: number, c: number): number {
  return ((((((a | LOWER) << SHIFT) ^ (b | LOWER)) << SHIFT) ^ (c | LOWER)) & MASK) >>> 0;
}

let matcher: Matcher | null = null;

/** Built on first use: each literal is anchored on its rarest trigram. */
function getMatcher(): Matcher {
  if (matcher) return matcher;
  const table = new Uint8Array(MASK + 1);
  const candidates = new Map<number, Anchored[]>();
  for (const literal of PREFILTER_LITERALS) {
    const bytes = Buffer.from(literal, "latin1");
    let offset = 0;
    let best = -1;
    for (let k = 0; k + 3 <= literal.length; k++) {
      const score = rarity(literal.slice(k, k + 3));
      if (score > best) {
        best = score;
        offset = k;
      }
    }
    const key = trigramHash(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0);
    table[key] = 1;
    const list = candidates.get(key) ?? [];
    list.push({ bytes, offset });
    candidates.set(key, list);
  }
  const kernel = createTrigramKernel(SHIFT, MASK);
  kernel?.table.set(table);
  matcher = { table, candidates, kernel };
  return matcher;
}

/** Whether a literal anchored on the trigram ending at `end` (hash `key`) occurs there. */
function verify(buf: Uint8Array, end: number, key: number, candidates: Map<number, Anchored[]>): boolean {
  const list = candidates.get(key);
  if (!list) return false;
  for (const { bytes, offset } of list) {
    const start = end - 2 - offset;
    if (start < 0 || start + bytes.length > buf.length) continue;
    let j = 0;
    while (j < bytes.length && FOLD[buf[start + j] as number] === bytes[j]) j++;
    if (j === bytes.length) return true;
  }
  return false;
}

/** The rolling hash after the byte at `index` (it depends on that byte and the two before it). */
function hashAt(buf: Uint8Array, index: number): number {
  let h = 0;
  for (let k = Math.max(0, index - 2); k <= index; k++) h = ((h << SHIFT) ^ ((buf[k] as number) | LOWER)) & MASK;
  return h;
}

/** Checks positions `from`..`to` (inclusive) one byte at a time; returns the hash after `to`, or -1 on a match. */
function checkBytes(buf: Uint8Array, from: number, to: number, h: number, matcher: Matcher): number {
  let hash = h;
  for (let i = from; i <= to; i++) {
    hash = ((hash << SHIFT) ^ ((buf[i] as number) | LOWER)) & MASK;
    if (matcher.table[hash] !== 0 && verify(buf, i, hash, matcher.candidates)) return -1;
  }
  return hash;
}

/** The WebAssembly path: the kernel skips four-byte groups without table hits; JavaScript verifies the rest. */
function scanWithKernel(buf: Uint8Array, kernel: TrigramKernel, matcher: Matcher): boolean {
  const n = buf.length;
  kernel.load(buf);
  let start = 0;
  let h = 0;
  for (;;) {
    const group = kernel.find(start, n, h);
    if (group < 0) break;
    if (checkBytes(buf, group, group + 3, group > 0 ? hashAt(buf, group - 1) : 0, matcher) < 0) return true;
    start = group + 4;
    h = hashAt(buf, group + 3);
  }
  const tail = start + ((n - start) & ~3);
  return checkBytes(buf, tail, n - 1, tail > 0 ? hashAt(buf, tail - 1) : 0, matcher) < 0;
}

/** The JavaScript path: four bytes at a time through a 32-bit view, one at a time at the edges. */
function scanWithJavaScript(buf: Uint8Array, matcher: Matcher): boolean {
  const n = buf.length;
  const { table, candidates } = matcher;
  let i = LITTLE_ENDIAN ? Math.min(n, (4 - (buf.byteOffset & 3)) & 3) : n;
  let h = checkBytes(buf, 0, i - 1, 0, matcher);
  if (h < 0) return true;
  if (LITTLE_ENDIAN && n - i >= 4) {
    const words = new Uint32Array(buf.buffer, buf.byteOffset + i, (n - i) >> 2);
    for (let k = 0; k < words.length; k++) {
      const v = (words[k] as number) | 0x20202020;
      const h0 = ((h << SHIFT) ^ (v & 0xff)) & MASK;
      const h1 = ((h0 << SHIFT) ^ ((v >>> 8) & 0xff)) & MASK;
      const h2 = ((h1 << SHIFT) ^ ((v >>> 16) & 0xff)) & MASK;
      const h3 = ((h2 << SHIFT) ^ (v >>> 24)) & MASK;
      h = h3;
      if (((table[h0] as number) | (table[h1] as number) | (table[h2] as number) | (table[h3] as number)) === 0) continue;
      const base = i + k * 4;
      if (table[h0] !== 0 && verify(buf, base, h0, candidates)) return true;
      if (table[h1] !== 0 && verify(buf, base + 1, h1, candidates)) return true;
      if (table[h2] !== 0 && verify(buf, base + 2, h2, candidates)) return true;
      if (table[h3] !== 0 && verify(buf, base + 3, h3, candidates)) return true;
    }
    i += words.length * 4;
  }
  return checkBytes(buf, i, n - 1, h, matcher) < 0;
}

/**
 * Whether the bytes contain any prefilter literal (ASCII case-insensitive). One linear pass: a
 * rolling trigram hash is looked up in a table of the literals' anchor trigrams (in WebAssembly
 * when available), and only table hits are verified against the literals.
 */
export function bytesHavePrefilterLiteral(buf: Uint8Array): boolean {
  if (buf.length < 3) return false;
  const matcher = getMatcher();
  return matcher.kernel ? scanWithKernel(buf, matcher.kernel, matcher) : scanWithJavaScript(buf, matcher);
}

/** The same check without WebAssembly (tests compare both paths). */
export function bytesHavePrefilterLiteralInJavaScript(buf: Uint8Array): boolean {
  return buf.length >= 3 && scanWithJavaScript(buf, getMatcher());
}

/** Whether text contains any prefilter literal (ASCII case-insensitive). */
export function hasPrefilterLiteral(text: string): boolean {
  return bytesHavePrefilterLiteral(Buffer.from(text, "utf8"));
}
