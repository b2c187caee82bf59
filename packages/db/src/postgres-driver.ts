import pg from "pg";
import type { Database, Queryable, QueryResult } from "./driver.js";
import { TEXT_TYPE_OIDS } from "./driver.js";

/** Connects to a PostgreSQL server given a postgres:// URL. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const keepText = (v: string) => v;
  const typeParsers = {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === TEXT_TYPE_OIDS.int8 || oid === TEXT_TYPE_OIDS.date || oid === TEXT_TYPE_OIDS.numeric) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: typeParsers as pg.CustomTypesConfig });
  pool.on("error", () => {
    /* idle client errors are surfaced on the next query */
  });
  // Fail fast with a clear error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const wrap = (c: { query: pg.Pool["query"] }): Queryable => ({
    async exec(sql: string) {
      await c.query(sql);
    },
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
  });
  const root = wrap(pool);
  return {
    kind: "postgres",
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client as unknown as { query: pg.Pool["query"] }));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
