/** Node-only helpers (hashing). Kept out of the main entry so the web app can import the schemas. */
export * from "./canonical.js";
export * from "./ledger.js";

import { sha256Hex } from "./canonical.js";

/** Hashes an API key id (or key) with its provider, so records and rules never carry the id itself. */
export function hashApiKey(provider: string, keyId: string): string {
  return sha256Hex(`caio-spend-key:v1:${provider}:${keyId}`);
}
