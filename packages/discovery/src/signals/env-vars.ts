import { ENV_VAR_PATTERN, lookupEnvVar } from "../catalog/index.js";
import type { LineIndex } from "../text/line-index.js";
import type { Hit } from "../types.js";
import { targetHit } from "./hit.js";

/** Catalogue environment-variable names (`OPENAI_API_KEY`, `PINECONE_*`) in comment-free text → referenced. */
export function envVarHits(text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(ENV_VAR_PATTERN)) {
    const name = m[1] ?? "";
    const target = lookupEnvVar(name);
    if (!target) continue;
    const at = lines.position(m.index);
    hits.push(targetHit(target, { confidence: "referenced", signal: "env-var", line: at.line, column: at.column, detail: `env ${name}` }));
  }
  return hits;
}
