import { canonicalJson, sha256Hex } from "./canonical.js";

/** The hash of the chain before its first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit entry that its hash covers. */
export interface LedgerFields {
  orgId: string;
  seq: number;
  at: string;
  actor: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  action: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  prevHash: string;
}

export function entryHash(fields: LedgerFields): string {
  return sha256Hex(canonicalJson(fields));
}

export interface StoredLedgerEntry extends LedgerFields {
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  headHash: string;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * Verifies a chain given in stored order (by seq). Detects edited entries (hash mismatch),
 * deleted entries (sequence gap or broken link), reordered entries (link mismatch) and a
 * truncated tail (head recorded on the organization differs from the last entry).
 */
export function verifyChain(entries: readonly StoredLedgerEntry[], head: { seq: number; hash: string }): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      entries: entries.length,
      headHash: head.hash,
      firstBroken: { seq: e.seq, reason },
    });
    if (e.seq !== expectedSeq) {
      return broken(
        e.seq > expectedSeq
          ? `entry ${expectedSeq}${e.seq - expectedSeq > 1 ? `..${e.seq - 1}` : ""} missing before entry ${e.seq}`
          : `sequence out of order: expected ${expectedSeq}, found ${e.seq}`,
      );
    }
    if (e.prevHash !== prev) return broken("link to the previous entry does not match (entry moved, or one before it deleted or changed)");
    const { hash, ...fields } = e;
    if (entryHash(fields) !== hash) return broken("contents do not match the entry's hash (entry edited)");
    prev = hash;
    expectedSeq += 1;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq !== head.seq || prev !== (head.seq === 0 ? GENESIS_HASH : head.hash)) {
    return {
      ok: false,
      entries: entries.length,
      headHash: head.hash,
      firstBroken: {
        seq: lastSeq + 1,
        reason: `ledger ends at entry ${lastSeq} but the organization's head records entry ${head.seq} (entries deleted from the end)`,
      },
    };
  }
  return { ok: true, entries: entries.length, headHash: head.hash, firstBroken: null };
}
