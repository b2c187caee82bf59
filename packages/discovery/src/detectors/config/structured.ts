import { classifyModel, lookupConfigKey, type Target } from "../../catalog/index.js";
import { targetHit } from "../../signals/hit.js";
import { modelHits } from "../../signals/models.js";
import type { LineIndex } from "../../text/line-index.js";
import type { Hit } from "../../types.js";
import type { YamlLeaf } from "./yaml-tree.js";

/** LiteLLM proxy configs: `model_list[].litellm_params.model` → declared models and the providers their prefixes name. */
export function litellmHits(leaves: readonly YamlLeaf[]): Hit[] {
  const hits: Hit[] = [];
  for (const leaf of leaves) {
    const [root, , params, key] = leaf.path;
    if (root !== "model_list" || params !== "litellm_params" || key !== "model" || leaf.path.length !== 4) continue;
    const match = classifyModel(leaf.value);
    if (!match) continue;
    const found = modelHits(match, {
      line: leaf.line,
      column: leaf.column,
      detail: `litellm_params.model="${leaf.value}"`,
      confidence: "declared",
      signal: "config",
    });
    hits.push(...found.map((h) => (h.kind === "provider" ? { ...h, confidence: "declared" as const } : h)));
  }
  return hits;
}

function configKeyHit(key: string, line: number, seen: Set<string>): Hit | null {
  const entry = lookupConfigKey(key);
  if (!entry) return null;
  const target: Target = entry.target;
  const id = `${target.kind}:${target.id}`;
  if (seen.has(id)) return null;
  seen.add(id);
  return targetHit(target, { confidence: "declared", signal: "config", line, detail: `config ${entry.prefix}` });
}

/** Spring AI keys in YAML (`spring: ai: openai: …`) → declared providers and vector stores. */
export function configKeyHitsFromYaml(leaves: readonly YamlLeaf[]): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const leaf of leaves) {
    const key = leaf.path.filter((p): p is string => typeof p === "string").join(".");
    const hit = configKeyHit(key, leaf.keyLine, seen);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Spring AI keys in `.properties` files (`spring.ai.openai.api-key=…`). */
export function configKeyHitsFromProperties(text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*([\w.-]+)[ \t]*[=:]/gm)) {
    const hit = configKeyHit(m[1] ?? "", lines.line(m.index), seen);
    if (hit) hits.push(hit);
  }
  return hits;
}
