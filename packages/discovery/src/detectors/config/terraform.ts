import { classifyModel, lookupInfra } from "../../catalog/index.js";
import { targetHit } from "../../signals/hit.js";
import { modelHits } from "../../signals/models.js";
import { matchingBracket } from "../../text/call-args.js";
import type { LineIndex } from "../../text/line-index.js";
import type { Hit } from "../../types.js";

/** `resource "type" "name" {` / `data "type" "name" {`. Groups: 1 resource|data, 2 type. */
const BLOCK = /^[ \t]*(resource|data)[ \t]+"([\w-]+)"[ \t]+"[\w-]+"[ \t]*\{/gm;
/** A nested `model { … }` block. Group 1: body. */
const MODEL_BLOCK = /\bmodel[ \t]*\{([^{}]*)\}/;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}[ \\t]*=[ \\t]*"([^"\\n]*)"`);

/**
 * Terraform resources of the catalogue: Azure OpenAI accounts and model deployments, Bedrock and
 * Vertex AI resources → declared providers; `azurerm_cognitive_deployment` model blocks → declared models.
 */
export function terraformHits(text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const type = m[2] ?? "";
    const entry = lookupInfra("terraform", type);
    if (!entry) continue;
    const body = text.slice(m.index, matchingBracket(text, m.index + m[0].length - 1));
    if (entry.kinds) {
      const kind = ATTRIBUTE("kind").exec(body)?.[1];
      if (!kind || !entry.kinds.includes(kind)) continue;
    }
    const at = lines.position(m.index);
    hits.push(
      targetHit(
        { kind: "provider", id: entry.provider },
        { confidence: "declared", signal: "infra", line: at.line, column: at.column, detail: `${m[1]} ${type}` },
      ),
    );
    if (!entry.deploysModel) continue;
    const model = MODEL_BLOCK.exec(body);
    const name = model ? ATTRIBUTE("name").exec(model[1] ?? "")?.[1] : undefined;
    const match = name ? classifyModel(name) : null;
    if (!match || !model || !name) continue;
    const version = ATTRIBUTE("version").exec(model[1] ?? "")?.[1];
    const where = lines.position(m.index + model.index);
    hits.push(
      ...modelHits(
        { ...match, version: version ? `${name}@${version}` : match.version },
        { line: where.line, column: where.column, detail: `${type} model ${name}${version ? ` ${version}` : ""}`, confidence: "declared", signal: "infra" },
      ),
    );
  }
  return hits;
}
