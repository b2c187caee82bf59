import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { quarterOfDate, quartersEndingWith, type ReportSnapshot } from "@caio/core";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_SECTIONS } from "../../packages/report/test-support/fixture.js";
import { CAIO_BIN, caio, tempDataDir } from "../helpers/cli.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("caio report and caio reports on the demo organization (real binary)", () => {
  const dir = tempDataDir();
  const env = { CAIO_DATA_DIR: dir };
  const quarter = quarterOfDate(new Date().toISOString());
  beforeAll(() => {
    const r = caio(["demo"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("1 board pack stored");
  });

  it("lists the demo's stored pack for the previous quarter", () => {
    const r = caio(["reports", "list", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as ReportSnapshot[];
    expect(items.map((s) => [s.quarter, s.format])).toEqual([[quartersEndingWith(quarter, 2)[0], "html"]]);
    const table = caio(["reports"], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(items[0]?.id.slice(0, 8));
  });

  it("generates a Markdown pack into a file whose SHA-256 is the stored snapshot's, and verifies it", () => {
    const out = join(dir, "pack.md");
    const r = caio(["report", "--quarter", quarter, "--format", "md", "--out", out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    const bytes = readFileSync(out);
    expect(r.stdout).toContain(`sha256 ${sha(bytes)}`);
    expect(r.stdout).toMatch(/caio reports show [0-9a-f-]{36} --out FILE/);
    const text = bytes.toString("utf8");
    for (const h of EXPECTED_SECTIONS) expect(text).toContain(`## ${h}`);

    const list = JSON.parse(caio(["reports", "list", "--json"], env).stdout) as ReportSnapshot[];
    const snap = list[0];
    if (!snap) throw new Error("no snapshot listed");
    expect(snap).toMatchObject({ quarter, format: "md", bytes: bytes.byteLength, sha256: sha(bytes) });

    const verify = caio(["reports", "verify", snap.id.slice(0, 8)], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain(`verified ${snap.id}`);

    const again = join(dir, "again.md");
    const show = caio(["reports", "show", snap.id, "--out", again, "--json"], env);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: snap.id, verified: true, ledgerSha256: snap.sha256, path: again });
    expect(readFileSync(again).equals(bytes)).toBe(true);
  });

  it("writes ./caio-board-pack-<quarter>.html by default and prints JSON metadata with --json", () => {
    // Run in the temporary directory: the default file goes to the working directory.
    const r = spawnSync(process.execPath, [CAIO_BIN, "report", "--json"], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ...env },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout) as ReportSnapshot & { path: string };
    expect(meta).toMatchObject({ quarter, format: "html" });
    expect(meta.path).toBe(join(realpathSync(dir), `caio-board-pack-${quarter}.html`));
    expect(existsSync(meta.path)).toBe(true);
    expect(sha(readFileSync(meta.path))).toBe(meta.sha256);
  });

  it("refuses a bad quarter or format with exit 2 naming the flag", () => {
    for (const [args, flag] of [
      [["--quarter", "2026-Q5"], "--quarter"],
      [["--quarter", "1999-Q4"], "--quarter"],
      [["--quarter", "2999-Q1"], "--quarter"],
      [["--format", "docx"], "--format"],
    ] as const) {
      const r = caio(["report", ...args], env);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(flag);
    }
    expect(caio(["reports", "show", "zz"], env).code).toBe(2);
    expect(caio(["reports", "verify", "ffffffff"], env).code).toBe(1);
  });

  it("fails PDF with a message naming Chromium when it is missing", () => {
    const out = join(dir, "pack.pdf");
    const r = caio(["report", "--format", "pdf", "--out", out], { ...env, CAIO_CHROMIUM: join(dir, "no-such-chromium") });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/chromium/i);
    expect(existsSync(out)).toBe(false);
  });
});
