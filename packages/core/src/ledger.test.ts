import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, digestOf } from "./canonical.js";
import { entryHash, GENESIS_HASH, type StoredLedgerEntry, verifyChain } from "./ledger.js";

function chain(n: number): StoredLedgerEntry[] {
  const out: StoredLedgerEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      orgId: "o",
      seq,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      actor: "user:a@example.com",
      entityType: "system",
      entityId: `s${seq}`,
      entityLabel: `System ${seq}`,
      action: "create",
      beforeDigest: null,
      afterDigest: digestOf({ seq }),
      prevHash: prev,
    };
    const hash = entryHash(fields);
    out.push({ ...fields, hash });
    prev = hash;
  }
  return out;
}

const headOf = (c: StoredLedgerEntry[]) => ({ seq: c.length, hash: c[c.length - 1]?.hash ?? "" });

describe("canonical JSON", () => {
  it("ignores key order and undefined members", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(canonicalJson({ a: [1, { d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).toBe('{"a":1}');
  });

  it("is stable for any JSON value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const again = JSON.parse(JSON.stringify(v));
        expect(canonicalJson(again)).toBe(canonicalJson(v));
      }),
    );
  });
});

describe("hash chain", () => {
  it("verifies an intact chain and an empty one", () => {
    const c = chain(5);
    expect(verifyChain(c, headOf(c))).toMatchObject({ ok: true, entries: 5 });
    expect(verifyChain([], { seq: 0, hash: "" })).toMatchObject({ ok: true, entries: 0 });
  });

  it("finds the first edited entry wherever it is (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.constantFrom("actor", "entityLabel", "at", "afterDigest"), (n, pick, field) => {
        const c = chain(n);
        const i = pick % n;
        const e = c[i] as StoredLedgerEntry;
        c[i] = { ...e, [field]: `${String(e[field as keyof StoredLedgerEntry])}x` };
        expect(verifyChain(c, headOf(chain(n))).firstBroken?.seq).toBe(i + 1);
      }),
    );
  });

  it("finds deletions and swaps", () => {
    const c = chain(6);
    const head = headOf(c);
    expect(verifyChain([...c.slice(0, 2), ...c.slice(3)], head).firstBroken?.seq).toBe(4);
    expect(verifyChain(c.slice(0, 5), head).firstBroken?.seq).toBe(6);
    const swapped = [c[0], c[2], c[1], ...c.slice(3)] as StoredLedgerEntry[];
    expect(verifyChain(swapped, head).firstBroken?.seq).toBe(3);
  });
});
