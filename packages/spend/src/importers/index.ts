import type { DetectSample, Importer } from "../importer.js";
import { anthropicCostImporter } from "./anthropic-cost.js";
import { anthropicUsageImporter } from "./anthropic-usage.js";
import { awsCurImporter } from "./aws-cur.js";
import { azureCostImporter } from "./azure-cost.js";
import { focusImporter } from "./focus.js";
import { gcpBillingImporter } from "./gcp-billing.js";
import { csvImporter } from "./generic-csv.js";
import { heliconeImporter } from "./helicone.js";
import { langfuseImporter } from "./langfuse.js";
import { litellmImporter } from "./litellm.js";
import { openaiCostsImporter } from "./openai-costs.js";
import { openaiUsageImporter } from "./openai-usage.js";
import { otelImporter } from "./otel.js";

export { anthropicCostImporter } from "./anthropic-cost.js";
export { anthropicUsageImporter } from "./anthropic-usage.js";
export { awsCurImporter } from "./aws-cur.js";
export { azureCostImporter } from "./azure-cost.js";
export { focusImporter } from "./focus.js";
export { gcpBillingImporter } from "./gcp-billing.js";
export { csvImporter } from "./generic-csv.js";
export { heliconeImporter } from "./helicone.js";
export { langfuseImporter } from "./langfuse.js";
export { litellmImporter } from "./litellm.js";
export { openaiCostsImporter } from "./openai-costs.js";
export { openaiUsageImporter } from "./openai-usage.js";
export { otelImporter } from "./otel.js";

/** Every importer, in detection order: provider APIs, gateways and telemetry, cloud bills, then the generic CSV. */
export const IMPORTERS: readonly Importer[] = [
  openaiUsageImporter,
  anthropicUsageImporter,
  openaiCostsImporter,
  anthropicCostImporter,
  otelImporter,
  litellmImporter,
  langfuseImporter,
  heliconeImporter,
  awsCurImporter,
  azureCostImporter,
  gcpBillingImporter,
  focusImporter,
  csvImporter,
];

/** The importer whose `detect` accepts the sample, or undefined. */
export function detectImporter(sample: DetectSample, importers: readonly Importer[] = IMPORTERS): Importer | undefined {
  return importers.find((i) => i.detect(sample));
}
