import { createStore, type Database, type PasswordHasher, type Store } from "@caio/db";
import { argon2Hasher } from "@caio/server";

/** A controllable clock for deterministic timestamps. */
export function fakeClock(start = "2026-11-23T09:00:00.000Z") {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

export function testStore(db: Database, opts: { clock?: () => Date; hasher?: PasswordHasher } = {}): Store {
  return createStore({ db, hasher: opts.hasher ?? argon2Hasher, ...(opts.clock ? { clock: opts.clock } : {}) });
}
