import { classifyModel, lookupInfra } from "../../catalog/index.js";
import { targetHit } from "../../signals/hit.js";
import { modelHits } from "../../signals/models.js";
import { matchingBracket } from "../../text/call-args.js";
import type { LineIndex } from "../../text/line-index.js";
import type { Hit } from "../../types.js";

/** Bicep `resource sym 'Type@api' = {`. Group 1: type. */
const BICEP_RESOURCE = /^[ \t]*resource[ \t]+\w+[ \t]+'([^'@\n]+)@[^'\n]*'[^=\n]*=[ \t]*(?:if[ \t]*\([^)]*\)[ \t]*)?(?:\[[^\]]*\][ \t]*)?\{?/gm;
/** ARM JSON `"type": "Microsoft.X/y"`. Group 1: type. */
const ARM_RESOURCE = /"type"[ \t]*:[ \t]*"([\w.]+\/[\w./]+)"/g;
const MODEL_OBJECT = /\bmodel"?[ \t]*:[ \t]*\{([^{}]*)\}/;
const FIELD = (name: string) => new RegExp(`\\b${name}"?[ \\t]*:[ \\t]*['"]([^'"\\n]*)['"]`);

function resourceHits(type: string, body: string, offset: number, lines: LineIndex, bodyOffset: number): Hit[] {
  const entry = lookupInfra("bicep", type);
  if (!entry) return [];
  if (entry.kinds) {
    const kind = FIELD("kind").exec(body)?.[1];
    if (!kind || !entry.kinds.includes(kind)) return [];
  }
  const at = lines.position(offset);
  const hits = [
    targetHit(
      { kind: "provider", id: entry.provider },
      { confidence: "declared", signal: "infra", line: at.line, column: at.column, detail: `resource ${type}` },
    ),
  ];
  if (!entry.deploysModel) return hits;
  const model = MODEL_OBJECT.exec(body);
  const name = model ? FIELD("name").exec(model[1] ?? "")?.[1] : undefined;
  const match = name ? classifyModel(name) : null;
  if (!match || !model || !name) return hits;
  const version = FIELD("version").exec(model[1] ?? "")?.[1];
  const where = lines.position(bodyOffset + model.index);
  hits.push(
    ...modelHits(
      { ...match, version: version ? `${name}@${version}` : match.version },
      { line: where.line, column: where.column, detail: `${type} model ${name}${version ? ` ${version}` : ""}`, confidence: "declared", signal: "infra" },
    ),
  );
  return hits;
}

/** Bicep resources: Cognitive Services (Azure OpenAI) accounts and deployments → declared provider and models. */
export function bicepHits(text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(BICEP_RESOURCE)) {
    const brace = text.indexOf("{", m.index + m[0].length - 1);
    const end = brace === -1 ? m.index + m[0].length : matchingBracket(text, brace);
    hits.push(...resourceHits(m[1] ?? "", text.slice(m.index, end), m.index, lines, m.index));
  }
  return hits;
}

/** ARM JSON templates: the same resource types as Bicep. */
export function armHits(text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(ARM_RESOURCE)) {
    const type = m[1] ?? "";
    if (!lookupInfra("bicep", type)) continue;
    const start = text.lastIndexOf("{", m.index);
    const end = start === -1 ? m.index + 2000 : matchingBracket(text, start);
    const body = text.slice(Math.max(0, start), end);
    hits.push(...resourceHits(type, body, m.index, lines, Math.max(0, start)));
  }
  return hits;
}
