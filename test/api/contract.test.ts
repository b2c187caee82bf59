import {
  ApiTokenSchema,
  AuditEntrySchema,
  AuditVerifySchema,
  BoardReportSchema,
  ComponentSchema,
  EntityVersionSchema,
  MemberSchema,
  MeSchema,
  OrganizationExportSchema,
  OrganizationWithRoleSchema,
  ReportSnapshotSchema,
  SystemSchema,
  VendorSchema,
} from "@caio/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { call, type Fixture, fixture } from "../helpers/api.js";

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) }).passthrough();

describe("responses match the published schemas", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(async () => f.close());

  it("for every read route", async () => {
    const o = `/orgs/${f.orgA.slug}`;
    const cases: [string, z.ZodType][] = [
      ["/me", MeSchema],
      ["/orgs", list(OrganizationWithRoleSchema)],
      [o, OrganizationWithRoleSchema],
      [`${o}/systems`, list(SystemSchema).extend({ total: z.number() })],
      [`${o}/systems/${f.orgA.systemId}`, SystemSchema],
      [`${o}/systems/${f.orgA.systemId}/history`, list(EntityVersionSchema)],
      [`${o}/components`, list(ComponentSchema).extend({ total: z.number() })],
      [`${o}/components/${f.orgA.componentId}`, ComponentSchema],
      [`${o}/vendors`, list(VendorSchema).extend({ total: z.number() })],
      [`${o}/vendors/${f.orgA.vendorId}`, VendorSchema],
      [`${o}/audit`, list(AuditEntrySchema).extend({ nextBefore: z.number().nullable() })],
      [`${o}/audit/verify`, AuditVerifySchema],
      [`${o}/members`, list(MemberSchema)],
      [`${o}/tokens`, list(ApiTokenSchema)],
      [`${o}/export`, OrganizationExportSchema],
      [`${o}/reports/model`, BoardReportSchema],
      [`${o}/reports`, list(ReportSnapshotSchema)],
    ];
    for (const [path, schema] of cases) {
      const res = await call(f.app, "GET", path, { session: f.sessions.admin });
      expect(res.status, path).toBe(200);
      const parsed = schema.safeParse(await res.json());
      expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
