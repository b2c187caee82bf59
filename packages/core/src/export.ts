import { z } from "zod";
import { AuditEntrySchema, EntityVersionSchema } from "./audit.js";
import { ComponentSchema } from "./component.js";
import { RoleSchema } from "./enums.js";
import { OrganizationSchema } from "./org.js";
import { SystemSchema } from "./system.js";
import { VendorSchema } from "./vendor.js";

export const EXPORT_FORMAT = "caio-organization-export";
export const EXPORT_VERSION = 1;

/**
 * A whole organization as JSON: inventory, members (without credentials), per-entity history
 * and the audit ledger. Restoring it into an empty installation and exporting again gives the
 * same document.
 */
export const OrganizationExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    organization: OrganizationSchema.extend({ auditSeq: z.number().int().min(0), auditHead: z.string() }),
    members: z.array(z.object({ email: z.string(), name: z.string(), role: RoleSchema })),
    vendors: z.array(VendorSchema),
    components: z.array(ComponentSchema),
    systems: z.array(SystemSchema),
    history: z.array(EntityVersionSchema),
    audit: z.array(AuditEntrySchema),
  })
  .strict();
export type OrganizationExport = z.infer<typeof OrganizationExportSchema>;
