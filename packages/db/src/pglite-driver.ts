import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable, QueryResult } from "./driver.js";
import { TEXT_TYPE_OIDS } from "./driver.js";
import { lockDataDir } from "./lock.js";

const keepText = (v: string) => v;

/** Opens the embedded database stored in `dataDir`, or an in-memory one when `dataDir` is null. */
export async function openPglite(dataDir: string | null, holder = "caio"): Promise<Database> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir, holder);
  }
  // Parsers are passed on every query: this PGlite release ignores the constructor-level option.
  const parsers = {
    [TEXT_TYPE_OIDS.int8]: keepText,
    [TEXT_TYPE_OIDS.date]: keepText,
    [TEXT_TYPE_OIDS.numeric]: keepText,
  };
  let pg: PGlite;
  try {
    pg = new PGlite(dataDir ?? undefined);
    await pg.waitReady;
  } catch (e) {
    unlock();
    throw e;
  }
  const wrap = (q: { query: PGlite["query"]; exec: PGlite["exec"] }): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[], { parsers });
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const root = wrap(pg);
  return {
    kind: "pglite",
    query: root.query,
    exec: root.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}
