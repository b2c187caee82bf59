import type { Confidence } from "@caio/core";
import {
  type ClassifyOptions,
  classifyModel,
  MODEL_ASSIGNMENT,
  MODEL_COMMAND,
  MODEL_CONFIG_LINE,
  MODEL_KEY,
  MODEL_SETTER,
  type ModelMatch,
  SECOND_STRING_ARGUMENT,
} from "../catalog/index.js";
import type { LineIndex } from "../text/line-index.js";
import { safeText } from "../text/redact.js";
import type { Hit, Signal } from "../types.js";
import { targetHit } from "./hit.js";

/** Where a model id was found and how strongly. */
export interface ModelSite {
  line: number;
  column?: number;
  detail: string;
  confidence: Confidence;
  signal?: Signal;
}

/**
 * Hits for a classified model id: the model (with its vendor as provider) and, when the id's form
 * names a provider (`groq/llama-3.1-8b`, a Bedrock id), that provider.
 */
export function modelHits(match: ModelMatch, site: ModelSite): Hit[] {
  const signal = site.signal ?? "model-literal";
  const hits: Hit[] = [
    {
      kind: "model",
      id: match.id,
      name: match.id,
      provider: match.vendor,
      confidence: site.confidence,
      signal,
      line: site.line,
      ...(site.column === undefined ? {} : { column: site.column }),
      detail: safeText(site.detail),
      version: match.version,
    },
  ];
  if (match.provider) {
    hits.push(
      targetHit(
        { kind: "provider", id: match.provider },
        { confidence: "referenced", signal, line: site.line, column: site.column, detail: safeText(site.detail) },
      ),
    );
  }
  return hits;
}

function isModelKey(key: string): boolean {
  return MODEL_KEY.test(key.split(".").pop() ?? key);
}

function quote(value: string): string {
  return `"${value}"`;
}

/** Options for {@link modelLiteralHits}. */
export interface ModelLiteralOptions {
  confidence?: Confidence;
  /** Also read unquoted `key: value` lines (YAML, .env, properties). */
  configLines?: boolean;
  /** Also read command lines (`--model x`, `ollama run x`). */
  commands?: boolean;
  classify?: ClassifyOptions;
}

/**
 * Model ids in model contexts of comment-free text: `model="…"`, `model: "…"`, `"model": "…"`,
 * `.modelName("…")`, env-lookup defaults, and optionally config lines and command lines.
 */
export function modelLiteralHits(text: string, lines: LineIndex, options: ModelLiteralOptions = {}): Hit[] {
  const confidence = options.confidence ?? "referenced";
  const hits: Hit[] = [];
  const add = (key: string, value: string, offset: number, setter = false) => {
    const match = classifyModel(value, options.classify);
    if (!match) return false;
    const at = lines.position(offset);
    const detail = setter ? `${key}(${quote(value)})` : `${key}=${quote(value)}`;
    hits.push(...modelHits(match, { line: at.line, column: at.column, detail, confidence }));
    return true;
  };
  for (const m of text.matchAll(MODEL_ASSIGNMENT)) {
    const key = m[1] ?? "";
    if (!isModelKey(key)) continue;
    const value = m[4] ?? "";
    if (add(key, value, m.index)) continue;
    if (m[2]) {
      const rest = SECOND_STRING_ARGUMENT.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 200));
      if (rest) add(key, rest[2] ?? "", m.index);
    }
  }
  for (const m of text.matchAll(MODEL_SETTER)) {
    const method = m[1] ?? "";
    if (!isModelKey(method)) continue;
    add(`.${method}`, m[3] ?? "", m.index, true);
  }
  if (options.configLines) {
    for (const m of text.matchAll(MODEL_CONFIG_LINE)) {
      const key = m[1] ?? "";
      if (isModelKey(key)) add(key, m[2] ?? "", m.index + (m[0].length - m[0].trimStart().length));
    }
  }
  if (options.commands) {
    for (const m of text.matchAll(MODEL_COMMAND)) add("command model", m[1] ?? "", m.index);
  }
  return hits;
}
