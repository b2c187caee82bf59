import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ClassificationView, ObligationRow } from "@caio/core";
import { beforeAll, describe, expect, it } from "vitest";
import { caio, tempDataDir } from "../helpers/cli.js";

describe("caio classify and caio obligations on the demo organization (real binary)", () => {
  const dir = tempDataDir();
  const env = { CAIO_DATA_DIR: dir };
  beforeAll(() => {
    const r = caio(["demo"], env);
    expect(r.code, r.stderr).toBe(0);
  });

  it("shows the demo's obligations with due dates, owners and citations", () => {
    const r = caio(["obligations", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as ObligationRow[];
    expect(new Set(rows.map((x) => x.systemName)).has("Driver CV screening")).toBe(true);
    expect(rows.every((x) => x.obligation.cite.length > 0)).toBe(true);
    expect(rows.some((x) => x.status === "done")).toBe(true);
    const soon = JSON.parse(caio(["obligations", "--due-within", "0", "--json"], env).stdout) as ObligationRow[];
    expect(soon.every((x) => x.daysLeft !== null && x.daysLeft <= 0)).toBe(true);
    expect(caio(["obligations", "--due-within", "soon"], env).code).toBe(2);
    const table = caio(["obligations", "--system", "Driver CV screening"], env);
    expect(table.stdout).toMatch(/Art 26/);
  });

  it("classifies from an answers file, lists what is left, and says needs review for unknown", () => {
    const partial = join(dir, "partial.yaml");
    writeFileSync(partial, "answers:\n  aia.scope.ai-system: yes\n  aia.scope.eu-nexus: unknown\n");
    const r = caio(["classify", "Sales email drafting", "--answers", partial, "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const view = JSON.parse(r.stdout) as ClassificationView;
    // Questions remain, so the result is incomplete; the unknown is already listed for review.
    expect(view.classification?.result.status).toBe("incomplete");
    expect(view.classification?.result.unknowns.map((u) => u.questionId)).toContain("aia.scope.eu-nexus");
    expect(view.classification?.answers["aia.scope.eu-nexus"]).toMatchObject({ answer: "unknown", by: expect.stringMatching(/^local:/) });
    const text = caio(["classify", "Sales email drafting", "--answers", partial], env);
    expect(text.stdout).toMatch(/Needs review/);
    expect(text.stdout).toMatch(/Unanswered/);
  });

  it("rejects a bad answers file naming the field, and a bad flag", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ answers: { "aia.scope.ai-system": "maybe" } }));
    const r = caio(["classify", "Sales email drafting", "--answers", bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: answers\.aia\.scope\.ai-system: must be yes, no or unknown/);
    expect(caio(["classify", "Sales email drafting", "--law", "draft"], env).code).toBe(2);
    expect(caio(["classify", "No such system"], env).code).toBe(1);
  });

  it("sets an obligation's owner and status", () => {
    const rows = JSON.parse(caio(["obligations", "--system", "Driver CV screening", "--status", "open", "--json"], env).stdout) as ObligationRow[];
    const o = rows[0];
    if (!o) throw new Error("no open obligation");
    const r = caio(["obligations", "set", "Driver CV screening", o.obligation.id, "--status", "in-progress", "--owner", "Claire Dubois"], env);
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(caio(["obligations", "--system", "Driver CV screening", "--json"], env).stdout) as ObligationRow[];
    expect(after.find((x) => x.obligation.id === o.obligation.id)).toMatchObject({ status: "in-progress", owner: "Claire Dubois" });
    expect(caio(["obligations", "set", "Driver CV screening", o.obligation.id], env).code).toBe(2);
  });
});
