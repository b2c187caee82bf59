/** Node-only helpers (hashing). Kept out of the main entry so the web app can import the schemas. */
export * from "./canonical.js";
export * from "./ledger.js";
