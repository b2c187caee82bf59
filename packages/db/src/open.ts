import { resolve } from "node:path";
import type { Database } from "./driver.js";
import { migrate } from "./migrate.js";
import { openPglite } from "./pglite-driver.js";
import { openPostgres } from "./postgres-driver.js";

export interface OpenOptions {
  /** postgres://… URL; when set, a PostgreSQL server is used instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** Where the embedded database lives (default ./.caio). Ignored with databaseUrl. */
  dataDir?: string | undefined;
  /** Use a throwaway in-memory embedded database (tests). */
  memory?: boolean;
  /** Who holds the embedded database, shown to a second process that finds it locked. */
  holder?: string;
}

/** Where the embedded database is stored inside the data directory. */
export function pgliteDir(dataDir: string): string {
  return resolve(dataDir, "pgdata");
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let db: Database;
  if (opts.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(opts.databaseUrl)) throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    db = await openPostgres(opts.databaseUrl);
  } else {
    db = await openPglite(opts.memory ? null : pgliteDir(opts.dataDir ?? ".caio"), opts.holder);
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
