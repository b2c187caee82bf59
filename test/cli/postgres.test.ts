import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { openPostgres } from "@caio/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";
import { hasPostgres } from "../helpers/db.js";

// The same binary on a PostgreSQL server (DATABASE_URL) instead of the embedded database.
describe.skipIf(!hasPostgres)("caio CLI on PostgreSQL (DATABASE_URL)", () => {
  const name = `caio_cli_${randomBytes(5).toString("hex")}`;
  let url = "";
  beforeAll(async () => {
    const admin = await openPostgres(process.env.TEST_DATABASE_URL as string, { max: 1 });
    await admin.query(`create database ${name}`);
    await admin.close();
    const u = new URL(process.env.TEST_DATABASE_URL as string);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    const admin = await openPostgres(process.env.TEST_DATABASE_URL as string, { max: 1 });
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  });

  it("migrates, loads the demo, lists it, verifies the ledger and round-trips an export", () => {
    const env = { DATABASE_URL: url, CAIO_DATA_DIR: tempDataDir() };
    expect(caio(["demo"], env).code).toBe(0);
    expect(caio(["demo"], env).stdout).toMatch(/already exists/);
    const systems = JSON.parse(caio(["systems", "list", "--json"], env).stdout) as unknown[];
    expect(systems).toHaveLength(16);
    expect(caio(["audit", "verify"], env).code).toBe(0);
    const out = `${env.CAIO_DATA_DIR}/pg-export.json`;
    expect(caio(["export", "--out", out], env).code).toBe(0);
    const other = tempDataDir();
    expect(caio(["restore", out], { CAIO_DATA_DIR: other }).code).toBe(0);
    expect(JSON.parse(caio(["systems", "list", "--json"], { CAIO_DATA_DIR: other }).stdout)).toHaveLength(16);
    // the embedded database gives back exactly what PostgreSQL exported
    const out2 = `${other}/pglite-export.json`;
    expect(caio(["export", "--out", out2], { CAIO_DATA_DIR: other }).code).toBe(0);
    expect(readFileSync(out2, "utf8")).toBe(readFileSync(out, "utf8"));
  });

  it("fails clearly when the server cannot be reached", () => {
    const r = caio(["systems", "list"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot open the PostgreSQL database/);
  });
});
