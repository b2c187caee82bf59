import { createHmac } from "node:crypto";

/**
 * Returns the keyed fingerprint function for secrets: HMAC-SHA256 under the installation's secret,
 * hex, first 32 characters. The same key gives the same fingerprint across repositories and scans;
 * another secret key gives unrelated fingerprints.
 */
export function createFingerprinter(secretKey: string | Buffer): (secret: string) => string {
  if (secretKey.length === 0) throw new TypeError("secretKey must not be empty");
  const key = Buffer.isBuffer(secretKey) ? Buffer.from(secretKey) : Buffer.from(secretKey, "utf8");
  return (secret) => createHmac("sha256", key).update(secret, "utf8").digest("hex").slice(0, 32);
}
