import { z } from "zod";
import { IdSchema, longText, shortText, TimestampSchema } from "./common.js";
import { ComponentKindSchema, HostingSchema } from "./enums.js";

const componentFields = {
  kind: ComponentKindSchema,
  name: shortText(160).pipe(z.string().min(1, "is required")),
  provider: shortText(120),
  identifier: shortText(240),
  version: shortText(80),
  hosting: HostingSchema,
  vendorId: IdSchema.nullable(),
  notes: longText(4000),
  systemIds: z.array(IdSchema).max(200, "at most 200 systems"),
};

/** A building block of an AI system: a model, SDK, vendor service, vector store, dataset, prompt surface, gateway, MCP server or agent. */
export const ComponentCreateSchema = z
  .object({
    kind: componentFields.kind,
    name: componentFields.name,
    provider: componentFields.provider.default(""),
    identifier: componentFields.identifier.default(""),
    version: componentFields.version.default(""),
    hosting: componentFields.hosting.default("vendor-api"),
    vendorId: componentFields.vendorId.default(null),
    notes: componentFields.notes.default(""),
    systemIds: componentFields.systemIds.default([]),
  })
  .strict();
export type ComponentCreate = z.infer<typeof ComponentCreateSchema>;
export type ComponentCreateInput = z.input<typeof ComponentCreateSchema>;

export const ComponentPatchSchema = z
  .object(componentFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "must change at least one field");
export type ComponentPatch = z.infer<typeof ComponentPatchSchema>;

export const ComponentSchema = z.object({
  id: IdSchema,
  kind: ComponentKindSchema,
  name: z.string(),
  provider: z.string(),
  identifier: z.string(),
  version: z.string(),
  hosting: HostingSchema,
  vendorId: IdSchema.nullable(),
  vendorName: z.string().nullable(),
  notes: z.string(),
  systemIds: z.array(IdSchema),
  entityVersion: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Component = z.infer<typeof ComponentSchema>;

export const ComponentListQuerySchema = z
  .object({
    q: z.string().max(200).optional(),
    kind: ComponentKindSchema.optional(),
    vendorId: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ComponentListQuery = z.infer<typeof ComponentListQuerySchema>;
