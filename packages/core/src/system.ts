import { z } from "zod";
import { IdSchema, longText, shortText, TagSchema, TimestampSchema } from "./common.js";
import { AffectedBandSchema, DecisionsSchema, EuNexusSchema, PersonalDataSchema, StageSchema } from "./enums.js";

function exclusiveNone<T extends string>(values: T[]): boolean {
  return !(values.includes("none" as T) && values.length > 1);
}

const systemFields = {
  name: shortText(120).pipe(z.string().min(1, "is required")),
  purpose: longText(4000),
  businessOwner: shortText(),
  technicalOwner: shortText(),
  department: shortText(),
  stage: StageSchema,
  customerFacing: z.boolean(),
  decisionsAffectingPeople: DecisionsSchema,
  personalData: z
    .array(PersonalDataSchema)
    .max(4)
    .refine((v) => new Set(v).size === v.length, "must not repeat a category")
    .refine(exclusiveNone, '"none" cannot be combined with other categories'),
  affectedPeople: AffectedBandSchema,
  euNexus: z
    .array(EuNexusSchema)
    .max(4)
    .refine((v) => new Set(v).size === v.length, "must not repeat a value")
    .refine(exclusiveNone, '"none" cannot be combined with other values'),
  notes: longText(10_000),
  tags: z
    .array(TagSchema)
    .max(32, "at most 32 tags")
    .refine((v) => new Set(v).size === v.length, "must not repeat a tag"),
  componentIds: z.array(IdSchema).max(200, "at most 200 components"),
};

/** Body to create an AI system. Only `name` is required; everything else has a sensible default. */
export const SystemCreateSchema = z
  .object({
    name: systemFields.name,
    purpose: systemFields.purpose.default(""),
    businessOwner: systemFields.businessOwner.default(""),
    technicalOwner: systemFields.technicalOwner.default(""),
    department: systemFields.department.default(""),
    stage: systemFields.stage.default("idea"),
    customerFacing: systemFields.customerFacing.default(false),
    decisionsAffectingPeople: systemFields.decisionsAffectingPeople.default("none"),
    personalData: systemFields.personalData.default([]),
    affectedPeople: systemFields.affectedPeople.default("unknown"),
    euNexus: systemFields.euNexus.default([]),
    notes: systemFields.notes.default(""),
    tags: systemFields.tags.default([]),
    componentIds: systemFields.componentIds.default([]),
  })
  .strict();
export type SystemCreate = z.infer<typeof SystemCreateSchema>;
export type SystemCreateInput = z.input<typeof SystemCreateSchema>;

/** Body to change an AI system: any subset of the fields. */
export const SystemPatchSchema = z
  .object(systemFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type SystemPatch = z.infer<typeof SystemPatchSchema>;

export const SystemComponentRefSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  name: z.string(),
  provider: z.string(),
  identifier: z.string(),
  vendorId: IdSchema.nullable(),
  vendorName: z.string().nullable(),
});

export const SystemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  purpose: z.string(),
  businessOwner: z.string(),
  technicalOwner: z.string(),
  department: z.string(),
  stage: StageSchema,
  customerFacing: z.boolean(),
  decisionsAffectingPeople: DecisionsSchema,
  personalData: z.array(PersonalDataSchema),
  affectedPeople: AffectedBandSchema,
  euNexus: z.array(EuNexusSchema),
  notes: z.string(),
  tags: z.array(z.string()),
  components: z.array(SystemComponentRefSchema),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type System = z.infer<typeof SystemSchema>;

export const SYSTEM_SORTS = ["name", "stage", "updatedAt", "department"] as const;

export const SystemListQuerySchema = z
  .object({
    q: z.string().max(200).optional(),
    stage: StageSchema.optional(),
    vendorId: IdSchema.optional(),
    customerFacing: z.enum(["true", "false"]).optional(),
    sort: z.enum(SYSTEM_SORTS).default("name"),
    order: z.enum(["asc", "desc"]).default("asc"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type SystemListQuery = z.infer<typeof SystemListQuerySchema>;
