import { z } from "zod";
import { CurrencySchema, DateSchema, IdSchema, longText, MoneyAmountSchema, shortText, TimestampSchema } from "./common.js";
import { TriStateSchema } from "./enums.js";

const contractFields = {
  start: DateSchema.nullable(),
  end: DateSchema.nullable(),
  renewalNoticeDate: DateSchema.nullable(),
  commitmentAmount: MoneyAmountSchema.nullable(),
  commitmentCurrency: CurrencySchema,
};

type ContractShape = { start: string | null; end: string | null; renewalNoticeDate: string | null };

/** Cross-field rules for a contract, applied to the full (merged) contract. */
export function contractIssues(c: ContractShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (c.start && c.end && c.start > c.end) issues.push({ path: "end", message: "end must not be before start" });
  if (c.end && c.renewalNoticeDate && c.renewalNoticeDate > c.end)
    issues.push({ path: "renewalNoticeDate", message: "renewal notice date must not be after the contract end" });
  return issues;
}

export const ContractSchema = z
  .object({
    start: contractFields.start.default(null),
    end: contractFields.end.default(null),
    renewalNoticeDate: contractFields.renewalNoticeDate.default(null),
    commitmentAmount: contractFields.commitmentAmount.default(null),
    commitmentCurrency: contractFields.commitmentCurrency.default("USD"),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const i of contractIssues(c)) ctx.addIssue({ code: "custom", message: i.message, path: [i.path] });
  });
/** A contract change: only the fields sent change; the rest keep their values. */
export const ContractPatchSchema = z.object(contractFields).partial().strict();
export type Contract = z.infer<typeof ContractSchema>;

const termsFields = {
  trainsOnCustomerData: TriStateSchema,
  retentionDays: z.number().int().min(0, "must be 0 or more").max(36_500, "must be at most 36500").nullable(),
  dpaSigned: z.boolean(),
  dataRegion: shortText(80),
};

export const DataTermsSchema = z
  .object({
    trainsOnCustomerData: termsFields.trainsOnCustomerData.default("unknown"),
    retentionDays: termsFields.retentionDays.default(null),
    dpaSigned: termsFields.dpaSigned.default(false),
    dataRegion: termsFields.dataRegion.default(""),
  })
  .strict();
export const DataTermsPatchSchema = z.object(termsFields).partial().strict();
export type DataTerms = z.infer<typeof DataTermsSchema>;

const vendorFields = {
  name: shortText(120).pipe(z.string().min(1, "is required")),
  services: z
    .array(shortText(120).pipe(z.string().min(1, "must not be empty")))
    .max(50)
    .refine((v) => new Set(v).size === v.length, "must not repeat a service"),
  website: z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(300)]),
  notes: longText(4000),
};

export const VendorCreateSchema = z
  .object({
    name: vendorFields.name,
    services: vendorFields.services.default([]),
    website: vendorFields.website.default(""),
    notes: vendorFields.notes.default(""),
    contract: ContractSchema.default({
      start: null,
      end: null,
      renewalNoticeDate: null,
      commitmentAmount: null,
      commitmentCurrency: "USD",
    }),
    dataTerms: DataTermsSchema.default({
      trainsOnCustomerData: "unknown",
      retentionDays: null,
      dpaSigned: false,
      dataRegion: "",
    }),
  })
  .strict();
export type VendorCreate = z.infer<typeof VendorCreateSchema>;
export type VendorCreateInput = z.input<typeof VendorCreateSchema>;

export const VendorPatchSchema = z
  .object({ ...vendorFields, contract: ContractPatchSchema, dataTerms: DataTermsPatchSchema })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type VendorPatch = z.infer<typeof VendorPatchSchema>;

export const VendorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  services: z.array(z.string()),
  website: z.string(),
  notes: z.string(),
  contract: z.object({
    start: DateSchema.nullable(),
    end: DateSchema.nullable(),
    renewalNoticeDate: DateSchema.nullable(),
    commitmentAmount: MoneyAmountSchema.nullable(),
    commitmentCurrency: z.string(),
  }),
  dataTerms: z.object({
    trainsOnCustomerData: TriStateSchema,
    retentionDays: z.number().int().nullable(),
    dpaSigned: z.boolean(),
    dataRegion: z.string(),
  }),
  componentIds: z.array(IdSchema),
  systemCount: z.number().int(),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Vendor = z.infer<typeof VendorSchema>;
