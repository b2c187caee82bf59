import { randomBytes } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const URLSAFE = `${ALNUM}_-`;
const HEX = "0123456789abcdef";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** Substrings the scanner treats as placeholders; generated keys never contain them. */
const PLACEHOLDER = /x{4}|your|example|placeholder|dummy|redacted|changeme|change_me|insert|replace/i;

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt((bytes[i] ?? 0) % alphabet.length);
  return out;
}

function body(alphabet: string, length: number): string {
  for (;;) {
    const candidate = randomFrom(alphabet, length);
    if (!PLACEHOLDER.test(candidate)) return candidate;
  }
}

/** Random alphanumerics (never a placeholder-looking run). */
export function randomAlnum(length: number): string {
  return body(ALNUM, length);
}

/**
 * Generators of syntactically valid fake keys, built from pieces at run time so that no
 * key-shaped string is ever committed. Each takes no input and returns a fresh key.
 */
export const KEY_GENERATORS = {
  "openai-project": () => `sk-proj-${randomAlnum(48)}`,
  "openai-legacy": () => `sk-${randomAlnum(20)}T3Blbk${"FJ"}${randomAlnum(20)}`,
  anthropic: () => `sk-ant-${"api03"}-${body(URLSAFE, 93)}AA`,
  groq: () => `gsk_${randomAlnum(52)}`,
  huggingface: () => `hf_${body(LETTERS, 34)}`,
  google: () => `AIza${body(URLSAFE, 35)}`,
  aws: () => `AKIA${body(BASE32, 16)}`,
  replicate: () => `r8_${randomAlnum(37)}`,
  openrouter: () => `sk-or-v1-${body(HEX, 64)}`,
  xai: () => `xai-${randomAlnum(80)}`,
  pinecone: () => `pcsk_${randomAlnum(6)}_${randomAlnum(60)}`,
  langsmith: () => `lsv2_pt_${body(HEX, 32)}_${body(HEX, 10)}`,
  perplexity: () => `pplx-${randomAlnum(48)}`,
} as const;

/** Names of the key generators. */
export type KeyKind = keyof typeof KEY_GENERATORS;

/** The provider a generated key should be reported for. */
export const KEY_PROVIDER: Record<KeyKind, string> = {
  "openai-project": "openai",
  "openai-legacy": "openai",
  anthropic: "anthropic",
  groq: "groq",
  huggingface: "huggingface",
  google: "google",
  aws: "aws",
  replicate: "replicate",
  openrouter: "openrouter",
  xai: "xai",
  pinecone: "pinecone",
  langsmith: "langsmith",
  perplexity: "perplexity",
};
