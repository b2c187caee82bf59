import type { Database } from "./driver.js";
import { sql as m0001 } from "./migrations/0001-foundation.js";
import { sql as m0002 } from "./migrations/0002-discovery.js";
import { sql as m0003 } from "./migrations/0003-spend.js";
import { sql as m0004 } from "./migrations/0004-spend-attribution.js";
import { sql as m0005 } from "./migrations/0005-savings.js";
import { sql as m0006 } from "./migrations/0006-governance.js";
import { sql as m0007 } from "./migrations/0007-policies.js";
import { sql as m0008 } from "./migrations/0008-risks-incidents.js";
import { sql as m0009 } from "./migrations/0009-strategy.js";
import { sql as m0010 } from "./migrations/0010-portfolio.js";
import { sql as m0011 } from "./migrations/0011-reports.js";
import { sql as m0012 } from "./migrations/0012-spend-import-speed.js";

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: "foundation", sql: m0001 },
  { id: 2, name: "discovery", sql: m0002 },
  { id: 3, name: "spend", sql: m0003 },
  { id: 4, name: "spend-attribution", sql: m0004 },
  { id: 5, name: "savings", sql: m0005 },
  { id: 6, name: "governance", sql: m0006 },
  { id: 7, name: "policies", sql: m0007 },
  { id: 8, name: "risks-incidents", sql: m0008 },
  { id: 9, name: "strategy", sql: m0009 },
  { id: 10, name: "portfolio", sql: m0010 },
  { id: 11, name: "reports", sql: m0011 },
  { id: 12, name: "spend-import-speed", sql: m0012 },
];

/** Arbitrary constant identifying caio's migration lock. */
const MIGRATION_LOCK = 4319_0001;

/**
 * Applies pending migrations in one transaction each, under an advisory lock so two processes
 * starting together do not race. Safe to run any number of times.
 */
export async function migrate(db: Database): Promise<{ applied: number[] }> {
  await db.query("create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())");
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const done = new Set((await tx.query<{ id: number }>("select id from schema_migrations")).rows.map((r) => Number(r.id)));
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query("insert into schema_migrations (id, name) values ($1, $2)", [m.id, m.name]);
      applied.push(m.id);
    }
  });
  return { applied };
}
