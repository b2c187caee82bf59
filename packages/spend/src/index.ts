/** caio's spend ledger: importers for provider and cloud usage/cost exports, normalization and pricing. */
export const SPEND_VERSION = "0.1.0";
