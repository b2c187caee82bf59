import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlugSchema } from "./common.js";
import { SystemCreateSchema, SystemPatchSchema } from "./system.js";
import { VendorCreateSchema, VendorPatchSchema } from "./vendor.js";

describe("input schemas", () => {
  it("fills defaults for a minimal system", () => {
    expect(SystemCreateSchema.parse({ name: "  Bot  " })).toMatchObject({ name: "Bot", stage: "idea", customerFacing: false, personalData: [], tags: [] });
  });

  it("rejects unknown fields, bad enums and 'none' mixed with categories", () => {
    const r = SystemCreateSchema.safeParse({ name: "x", stage: "live", personalData: ["none", "children"], colour: "red" });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["stage", "personalData", ""]));
  });

  it("refuses an empty patch", () => {
    expect(SystemPatchSchema.safeParse({}).success).toBe(false);
    expect(VendorPatchSchema.safeParse({}).success).toBe(false);
  });

  it("checks contract dates against each other", () => {
    const r = VendorCreateSchema.safeParse({ name: "V", contract: { start: "2026-05-01", end: "2026-01-01", renewalNoticeDate: "2027-01-01" } });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["contract.end", "contract.renewalNoticeDate"]);
    expect(VendorCreateSchema.safeParse({ name: "V", contract: { start: "2026-02-30" } }).success).toBe(false);
  });

  it("never throws on arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        for (const s of [SystemCreateSchema, SystemPatchSchema, VendorCreateSchema, VendorPatchSchema, SlugSchema]) {
          expect(() => s.safeParse(v)).not.toThrow();
        }
      }),
    );
  });
});

describe("field issues", () => {
  it("says a missing field is required and keeps dotted paths", async () => {
    const { zodIssues } = await import("./errors.js");
    const r = VendorCreateSchema.safeParse({ contract: { end: "x" } });
    expect(zodIssues(r.error?.issues ?? [])).toEqual(
      expect.arrayContaining([
        { path: "name", message: "is required" },
        { path: "contract.end", message: expect.stringContaining("YYYY-MM-DD") },
      ]),
    );
  });
});
