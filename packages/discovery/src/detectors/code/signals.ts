import { endpointHits } from "../../signals/endpoints.js";
import { envVarHits } from "../../signals/env-vars.js";
import { modelLiteralHits } from "../../signals/models.js";
import type { LineIndex } from "../../text/line-index.js";
import type { Hit } from "../../types.js";

/** Language-neutral signals in comment-free source: environment variables, endpoints, model ids in model contexts. */
export function sourceSignals(text: string, lines: LineIndex): Hit[] {
  return [...envVarHits(text, lines), ...endpointHits(text, lines), ...modelLiteralHits(text, lines)];
}
