import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Fixture, fixture } from "../helpers/api.js";

/** Values that look like the fields the API expects, but mostly wrong. */
const fieldValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.uuid()), { maxLength: 5 }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom("idea", "production", "none", "personal", "used-in-eu", "model", "vendor-api", "yes", "2026-13-45", "-1", "1e309", "__proto__"),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
);

const FIELDS = [
  "name",
  "purpose",
  "stage",
  "customerFacing",
  "decisionsAffectingPeople",
  "personalData",
  "affectedPeople",
  "euNexus",
  "tags",
  "componentIds",
  "kind",
  "provider",
  "identifier",
  "version",
  "hosting",
  "vendorId",
  "systemIds",
  "services",
  "website",
  "contract",
  "dataTerms",
  "email",
  "password",
  "role",
  "slug",
  "__proto__",
  "constructor",
];

const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 8 }),
  fc.record({
    name: fc.string({ maxLength: 200 }),
    contract: fc.dictionary(fc.constantFrom("start", "end", "renewalNoticeDate", "commitmentAmount", "commitmentCurrency"), fieldValue),
  }),
  fc.anything(),
  fc.string().map((s) => `{"name": ${s}`),
);

const runs = Number(process.env.FC_RUNS ?? 60);

describe("random invalid input never yields a 500", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(async () => f.close());

  const targets = (fx: Fixture): [string, string][] => [
    ["POST", `/orgs/${fx.orgA.slug}/systems`],
    ["PATCH", `/orgs/${fx.orgA.slug}/systems/${fx.orgA.systemId}`],
    ["POST", `/orgs/${fx.orgA.slug}/components`],
    ["PATCH", `/orgs/${fx.orgA.slug}/components/${fx.orgA.componentId}`],
    ["POST", `/orgs/${fx.orgA.slug}/vendors`],
    ["PATCH", `/orgs/${fx.orgA.slug}/vendors/${fx.orgA.vendorId}`],
    ["POST", `/orgs/${fx.orgA.slug}/members`],
    ["POST", `/orgs/${fx.orgA.slug}/tokens`],
    ["POST", "/orgs"],
    ["POST", "/auth/login"],
    ["POST", "/restore"],
  ];

  it("for request bodies on every write route", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10 }), body, async (i, b) => {
        const [method, path] = targets(f)[i] as [string, string];
        const res = await call(f.app, method, path, { session: f.sessions.admin, body: typeof b === "string" ? b : JSON.stringify(b ?? null) });
        expect(res.status, `${method} ${path} ${JSON.stringify(b)?.slice(0, 300)}`).toBeLessThan(500);
        if (res.status === 400) {
          const e = (await res.json()) as { error: { code: string; issues: unknown[] } };
          expect(e.error.code).toBe("validation");
          expect(Array.isArray(e.error.issues)).toBe(true);
        }
      }),
      { numRuns: runs * 4 },
    );
  });

  it("for query strings and path segments", async () => {
    const seg = fc.oneof(fc.string({ maxLength: 40 }), fc.uuid(), fc.constantFrom("..", "%00", "%ZZ", "' or 1=1 --", "a".repeat(500)));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("systems", "components", "vendors", "audit"),
        fc.dictionary(
          fc.constantFrom("q", "stage", "vendorId", "customerFacing", "sort", "order", "limit", "offset", "kind", "entityType", "before", "zzz"),
          seg,
          { maxKeys: 5 },
        ),
        seg,
        async (collection, query, id) => {
          const qs = new URLSearchParams(query).toString();
          const list = await call(f.app, "GET", `/orgs/${f.orgA.slug}/${collection}?${qs}`, { session: f.sessions.viewer });
          expect(list.status, `${collection}?${qs}`).toBeLessThan(500);
          const one = await call(f.app, "GET", `/orgs/${f.orgA.slug}/${collection}/${encodeURIComponent(id)}`, { session: f.sessions.viewer });
          expect(one.status, `${collection}/${id}`).toBeLessThan(500);
        },
      ),
      { numRuns: runs * 2 },
    );
  });
});
