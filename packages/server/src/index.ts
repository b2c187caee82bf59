export { API_BASE, type App, createApp, VERSION } from "./app.js";
export { CSRF_HEADER, SESSION_COOKIE } from "./auth.js";
export type { AppDeps, Logger, Principal } from "./env.js";
export { silentLogger } from "./env.js";
export { argon2Hasher } from "./password.js";
export { type RunningServer, startServer } from "./serve.js";
export { computeReconciliation, computeSavings, savingsWindow } from "./services/savings.js";
