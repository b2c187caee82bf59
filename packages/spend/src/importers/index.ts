import type { DetectSample, Importer } from "../importer.js";
import { anthropicUsageImporter } from "./anthropic-usage.js";
import { openaiUsageImporter } from "./openai-usage.js";

export { anthropicUsageImporter } from "./anthropic-usage.js";
export { openaiUsageImporter } from "./openai-usage.js";

/** Every importer, in detection order. */
export const IMPORTERS: readonly Importer[] = [openaiUsageImporter, anthropicUsageImporter];

/** The importer whose `detect` accepts the sample, or undefined. */
export function detectImporter(sample: DetectSample, importers: readonly Importer[] = IMPORTERS): Importer | undefined {
  return importers.find((i) => i.detect(sample));
}
