import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseBusyError, lockDataDir } from "./lock.js";

describe("data directory lock", () => {
  it("refuses a second holder while the first is alive, and frees on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "caio-lock-"));
    writeFileSync(join(dir, "caio.lock"), JSON.stringify({ pid: process.ppid, holder: "caio serve on port 1" }));
    expect(() => lockDataDir(dir, "second")).toThrow(DatabaseBusyError);
    writeFileSync(join(dir, "caio.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, holder: "crashed" }));
    const release = lockDataDir(dir, "me");
    expect(existsSync(join(dir, "caio.lock"))).toBe(true);
    release();
    expect(existsSync(join(dir, "caio.lock"))).toBe(false);
  });
});
