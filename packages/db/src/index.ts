export { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, type DemoResult, seedDemo } from "./demo.js";
export type { Database, Queryable, QueryResult } from "./driver.js";
export { DatabaseBusyError } from "./lock.js";
export { MIGRATIONS, migrate } from "./migrate.js";
export { type OpenOptions, openDatabase, pgliteDir } from "./open.js";
export { openPglite } from "./pglite-driver.js";
export { openPostgres } from "./postgres-driver.js";
export * from "./store/index.js";
