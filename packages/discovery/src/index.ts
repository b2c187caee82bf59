/** caio's repository scanner: finds AI SDKs, models, providers, services and secrets in code and configuration. */
export const SCANNER_VERSION = "0.1.0";
export * from "./emit/index.js";
export * from "./policy.js";
