import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common.js";
import { AuditActionSchema, EntityTypeSchema } from "./enums.js";

export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: TimestampSchema,
  actor: z.string(),
  entityType: EntityTypeSchema,
  entityId: z.string(),
  entityLabel: z.string(),
  action: AuditActionSchema,
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = z
  .object({
    entityType: EntityTypeSchema.optional(),
    entityId: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  /** The first entry that fails verification, by sequence number. */
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.string(),
    })
    .nullable(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;

/** One stored version of an entity: the full snapshot after a change (null after delete). */
export const EntityVersionSchema = z.object({
  entityType: EntityTypeSchema,
  entityId: IdSchema,
  version: z.number().int(),
  action: AuditActionSchema,
  actor: z.string(),
  at: TimestampSchema,
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type EntityVersion = z.infer<typeof EntityVersionSchema>;
