import { randomBytes } from "node:crypto";
import { type Database, openDatabase, openPostgres } from "@caio/db";

export interface DriverCase {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database; `close` drops it. */
  open(): Promise<{ db: Database; close(): Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

/** Both drivers when a PostgreSQL server is configured (TEST_DATABASE_URL), else the embedded one. */
export function drivers(): DriverCase[] {
  const list: DriverCase[] = [
    {
      name: "pglite",
      async open() {
        const db = await openDatabase({ memory: true });
        return { db, close: () => db.close() };
      },
    },
  ];
  if (pgUrl) {
    list.push({
      name: "postgres",
      async open() {
        const admin = await openPostgres(pgUrl, { max: 1 });
        const name = `caio_test_${randomBytes(6).toString("hex")}`;
        await admin.query(`create database ${name}`);
        const url = new URL(pgUrl);
        url.pathname = `/${name}`;
        const db = await openDatabase({ databaseUrl: url.toString() });
        return {
          db,
          async close() {
            await db.close();
            await admin.query(`drop database if exists ${name} with (force)`);
            await admin.close();
          },
        };
      },
    });
  }
  return list;
}

/** Whether the PostgreSQL half of the conformance suite will run. */
export const hasPostgres = !!pgUrl;
