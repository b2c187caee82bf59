/** The one interface both database drivers implement: PGlite (embedded) and node-postgres. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** OIDs whose text form we keep as strings: int8 (so big integers never lose precision) and date (no timezone shifts). */
export const TEXT_TYPE_OIDS = { int8: 20, date: 1082, numeric: 1700 } as const;
