import { z } from "zod";
import { AuditEntrySchema, EntityVersionSchema } from "./audit.js";
import { ComponentSchema } from "./component.js";
import { EvidenceSchema, FindingKindSchema, SecretInfoSchema } from "./discovery.js";
import { RoleSchema } from "./enums.js";
import { ClassificationResultSchema, LawVersionSchema, ObligationStatusSchema, RecordedAnswerSchema } from "./governance.js";
import { OrganizationSchema } from "./org.js";
import { PoliciesExportSchema } from "./policies.js";
import { PortfolioExportSchema } from "./portfolio.js";
import { ReportsExportSchema } from "./report.js";
import { RisksExportSchema } from "./risks.js";
import { ModelPolicySchema } from "./savings.js";
import { UsageRecordSchema } from "./spend.js";
import { StrategyExportSchema } from "./strategy.js";
import { SystemSchema } from "./system.js";
import { VendorSchema } from "./vendor.js";

export const EXPORT_FORMAT = "caio-organization-export";
export const EXPORT_VERSION = 1;

/** Scanned repositories, scans and findings, as stored. */
export const DiscoveryExportSchema = z
  .object({
    fingerprintKey: z.string().nullable(),
    repositories: z.array(z.object({ id: z.uuid(), name: z.string(), lastScanAt: z.string().nullable(), createdAt: z.string() })),
    scans: z.array(
      z.object({
        id: z.uuid(),
        repositoryId: z.uuid(),
        startedAt: z.string(),
        finishedAt: z.string(),
        toolVersion: z.string(),
        filesScanned: z.number().int(),
        bytesScanned: z.number().int(),
        filesSkipped: z.number().int(),
        findingCount: z.number().int(),
        actor: z.string(),
      }),
    ),
    findings: z.array(
      z.object({
        id: z.uuid(),
        repositoryId: z.uuid(),
        lastScanId: z.uuid(),
        kind: FindingKindSchema,
        key: z.string(),
        name: z.string(),
        provider: z.string().nullable(),
        ecosystem: z.string().nullable(),
        version: z.string().nullable(),
        packages: z.array(z.object({ ecosystem: z.string(), name: z.string(), version: z.string().nullable() })).nullable(),
        endpoint: z.string().nullable(),
        confidence: z.string(),
        scope: z.string(),
        secret: SecretInfoSchema.nullable(),
        evidence: z.array(EvidenceSchema),
        occurrences: z.number().int(),
        status: z.enum(["open", "gone"]),
        componentId: z.uuid().nullable(),
        firstSeenAt: z.string(),
        lastSeenAt: z.string(),
      }),
    ),
  })
  .strict();

/** The spend ledger: imports and their usage records (money as micro-unit strings). */
export const SpendExportSchema = z
  .object({
    imports: z.array(
      z.object({
        id: z.uuid(),
        source: z.string(),
        fileName: z.string(),
        fileSha256: z.string(),
        recordsRead: z.number().int(),
        recordsImported: z.number().int(),
        recordsDuplicate: z.number().int(),
        dayFrom: z.string().nullable(),
        dayTo: z.string().nullable(),
        costMicros: z.string(),
        actor: z.string(),
        importedAt: z.string(),
      }),
    ),
    records: z.array(
      UsageRecordSchema.extend({
        importId: z.uuid(),
        billedCostMicros: z.string().regex(/^\d+$/).nullable(),
        listCostMicros: z.string().regex(/^\d+$/).nullable(),
      }),
    ),
    rules: z
      .array(
        z.object({
          id: z.uuid(),
          position: z.number().int(),
          field: z.string(),
          key: z.string().nullable(),
          value: z.string(),
          hint: z.string().nullable(),
          systemId: z.uuid().nullable(),
          team: z.string().nullable(),
          note: z.string(),
          createdAt: z.string(),
          updatedAt: z.string(),
        }),
      )
      .default([]),
    rates: z
      .array(
        z.object({
          id: z.uuid(),
          provider: z.string(),
          model: z.string().nullable(),
          multiplier: z.string().nullable(),
          prices: z.record(z.string(), z.string()).nullable(),
          note: z.string(),
          createdAt: z.string(),
          updatedAt: z.string(),
        }),
      )
      .default([]),
  })
  .strict();

/** Savings decisions (recommendation statuses) and the model policy. */
export const SavingsExportSchema = z
  .object({
    decisions: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        title: z.string(),
        status: z.string(),
        note: z.string(),
        monthlySavingMicros: z.string(),
        decidedBy: z.string(),
        decidedAt: z.string(),
      }),
    ),
    modelPolicy: z.object({ policy: ModelPolicySchema, updatedAt: z.string(), updatedBy: z.string() }).nullable(),
  })
  .strict();

/** Governance: classifications (history included) and obligation tracking. */
export const GovernanceExportSchema = z
  .object({
    classifications: z.array(
      z.object({
        id: z.uuid(),
        systemId: z.uuid(),
        rulesetVersion: z.string(),
        law: LawVersionSchema,
        asOf: z.string(),
        answers: z.record(z.string(), RecordedAnswerSchema),
        result: ClassificationResultSchema,
        createdBy: z.string(),
        createdAt: z.string(),
      }),
    ),
    tracking: z.array(
      z.object({
        systemId: z.uuid(),
        obligationId: z.string(),
        owner: z.string(),
        status: ObligationStatusSchema,
        evidence: z.string(),
        updatedBy: z.string(),
        updatedAt: z.string(),
      }),
    ),
  })
  .strict();

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
    discovery: DiscoveryExportSchema.default({ fingerprintKey: null, repositories: [], scans: [], findings: [] }),
    spend: SpendExportSchema.default({ imports: [], records: [], rules: [], rates: [] }),
    savings: SavingsExportSchema.default({ decisions: [], modelPolicy: null }),
    governance: GovernanceExportSchema.default({ classifications: [], tracking: [] }),
    risks: RisksExportSchema.default({ risks: [], incidents: [] }),
    policies: PoliciesExportSchema.default({ versions: [] }),
    portfolio: PortfolioExportSchema.default({ useCases: [], actuals: [] }),
    strategy: StrategyExportSchema.default({ assessments: [], planStart: null }),
    reports: ReportsExportSchema.default({ snapshots: [] }),
  })
  .strict();
export type OrganizationExport = z.infer<typeof OrganizationExportSchema>;
