import {
  ConflictError,
  decimalToMicros,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type Organization,
  type OrganizationExport,
  OrganizationExportSchema,
  type UsageRecord,
  ValidationError,
  zodIssues,
} from "@caio/core";
import type { Queryable } from "../driver.js";
import { allAudit, toAuditEntry } from "./audit.js";
import { getComponent } from "./components.js";
import { iso, isoOrNull, type StoreContext } from "./context.js";
import { allClassifications, allTracking } from "./governance.js";
import { allHistory } from "./history.js";
import { allPolicyVersions, restorePolicies } from "./policies.js";
import { exportPortfolio, restorePortfolio } from "./portfolio.js";
import { exportReports, restoreReports } from "./reports.js";
import { exportRisks, restoreRisks } from "./risks.js";
import { listDecisions, loadModelPolicy } from "./savings.js";
import { insertUsageRecords } from "./spend.js";
import { exportStrategy, restoreStrategy } from "./strategy.js";
import { getSystem } from "./systems.js";
import { getVendor } from "./vendors.js";

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A whole organization as one JSON document, in a stable order. */
export async function exportOrganization(ctx: StoreContext, orgId: string): Promise<OrganizationExport> {
  return ctx.db.transaction(async (tx) => {
    const org = (
      await tx.query<{ id: string; slug: string; name: string; created_at: Date; audit_seq: string; audit_head: string }>(
        "select * from organizations where id = $1",
        [orgId],
      )
    ).rows[0];
    if (!org) throw new Error("organization not found");
    const ids = async (table: string) =>
      (await tx.query<{ id: string }>(`select id from ${table} where org_id = $1 order by id`, [orgId])).rows.map((r) => r.id);
    const vendors = [];
    for (const id of await ids("vendors")) vendors.push(await getVendor(tx, orgId, id));
    const components = [];
    for (const id of await ids("components")) components.push(await getComponent(tx, orgId, id));
    const systems = [];
    for (const id of await ids("systems")) systems.push(await getSystem(tx, orgId, id));
    const members = (
      await tx.query<{ email: string; name: string; role: OrganizationExport["members"][number]["role"] }>(
        "select u.email, u.name, m.role from memberships m join users u on u.id = m.user_id where m.org_id = $1 order by u.email",
        [orgId],
      )
    ).rows.map((m) => ({ email: m.email, name: m.name, role: m.role }));
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      organization: {
        id: org.id,
        slug: org.slug,
        name: org.name,
        createdAt: new Date(org.created_at).toISOString(),
        auditSeq: Number(org.audit_seq),
        auditHead: org.audit_head,
      },
      members,
      vendors: vendors.filter((v) => v !== null).sort(byId),
      components: components.filter((c) => c !== null).sort(byId),
      systems: systems.filter((s) => s !== null).sort(byId),
      history: await allHistory(tx, orgId),
      audit: (await allAudit(tx, orgId)).map(toAuditEntry),
      discovery: await exportDiscovery(tx, orgId),
      spend: await exportSpend(tx, orgId),
      savings: await exportSavings(tx, orgId),
      governance: await exportGovernance(tx, orgId),
      risks: await exportRisks(tx, orgId),
      policies: { versions: await allPolicyVersions(tx, orgId) },
      portfolio: await exportPortfolio(tx, orgId),
      strategy: await exportStrategy(tx, orgId),
      reports: await exportReports(tx, orgId),
    };
  });
}

/**
 * Restores an exported organization, keeping its ids, timestamps, history and audit ledger.
 * All or nothing: any failure leaves the installation unchanged. Members whose email is new to
 * this installation are created without a password (set one with `caio users set-password`).
 */
export async function restoreOrganization(ctx: StoreContext, doc: unknown): Promise<{ organization: Organization; usersCreated: string[] }> {
  const parsed = OrganizationExportSchema.safeParse(doc);
  if (!parsed.success) throw new ValidationError("not a valid caio organization export", zodIssues(parsed.error.issues));
  const x = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const clash = (await tx.query("select 1 from organizations where id = $1 or slug = $2", [x.organization.id, x.organization.slug])).rows.length;
    if (clash)
      throw new ConflictError(`organization "${x.organization.slug}" already exists in this installation`, [
        { path: "organization.slug", message: "already exists" },
      ]);
    const o = x.organization;
    await tx.query("insert into organizations (id, slug, name, created_at, audit_seq, audit_head) values ($1,$2,$3,$4,$5,$6)", [
      o.id,
      o.slug,
      o.name,
      o.createdAt,
      o.auditSeq,
      o.auditHead,
    ]);
    const usersCreated: string[] = [];
    for (const m of x.members) {
      let user = (await tx.query<{ id: string }>("select id from users where email = $1", [m.email.toLowerCase()])).rows[0];
      if (!user) {
        user = { id: ctx.newId() };
        await tx.query("insert into users (id, email, name, password_hash, created_at) values ($1,$2,$3,null,$4)", [
          user.id,
          m.email.toLowerCase(),
          m.name,
          ctx.now(),
        ]);
        usersCreated.push(m.email);
      }
      await tx.query("insert into memberships (org_id, user_id, role, created_at) values ($1,$2,$3,$4)", [o.id, user.id, m.role, ctx.now()]);
    }
    for (const v of x.vendors) {
      const c = v.contract;
      const t = v.dataTerms;
      await tx.query(
        `insert into vendors (id, org_id, name, services, website, notes, contract_start, contract_end, renewal_notice_date, commitment_micros,
           commitment_currency, trains_on_customer_data, retention_days, dpa_signed, data_region, version, created_at, updated_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
        [
          v.id,
          o.id,
          v.name,
          v.services,
          v.website,
          v.notes,
          c.start,
          c.end,
          c.renewalNoticeDate,
          c.commitmentAmount === null ? null : decimalToMicros(c.commitmentAmount).toString(),
          c.commitmentCurrency,
          t.trainsOnCustomerData,
          t.retentionDays,
          t.dpaSigned,
          t.dataRegion,
          v.version,
          v.createdAt,
          v.updatedAt,
        ],
      );
    }
    for (const c of x.components) {
      await tx.query(
        `insert into components (id, org_id, kind, name, provider, identifier, software_version, hosting, vendor_id, notes, version, created_at, updated_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [c.id, o.id, c.kind, c.name, c.provider, c.identifier, c.version, c.hosting, c.vendorId, c.notes, c.entityVersion, c.createdAt, c.updatedAt],
      );
    }
    for (const s of x.systems) {
      await tx.query(
        `insert into systems (id, org_id, name, purpose, business_owner, technical_owner, department, stage, customer_facing, decisions_affecting_people,
           personal_data, affected_people, eu_nexus, notes, tags, version, created_at, updated_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
        [
          s.id,
          o.id,
          s.name,
          s.purpose,
          s.businessOwner,
          s.technicalOwner,
          s.department,
          s.stage,
          s.customerFacing,
          s.decisionsAffectingPeople,
          s.personalData,
          s.affectedPeople,
          s.euNexus,
          s.notes,
          s.tags,
          s.version,
          s.createdAt,
          s.updatedAt,
        ],
      );
      for (const c of s.components) {
        await tx.query("insert into system_components (org_id, system_id, component_id) values ($1,$2,$3)", [o.id, s.id, c.id]);
      }
    }
    for (const h of x.history) {
      await tx.query("insert into entity_versions (org_id, entity_type, entity_id, version, action, actor, at, data) values ($1,$2,$3,$4,$5,$6,$7,$8)", [
        o.id,
        h.entityType,
        h.entityId,
        h.version,
        h.action,
        h.actor,
        h.at,
        h.data === null ? null : JSON.stringify(h.data),
      ]);
    }
    for (const a of x.audit) {
      await tx.query(
        `insert into audit_entries (org_id, seq, at, actor, entity_type, entity_id, entity_label, action, before_digest, after_digest, prev_hash, hash)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [o.id, a.seq, a.at, a.actor, a.entityType, a.entityId, a.entityLabel, a.action, a.beforeDigest, a.afterDigest, a.prevHash, a.hash],
      );
    }
    await restoreDiscovery(tx, o.id, x.discovery);
    await restoreSpend(tx, o.id, x.spend);
    await restoreSavings(tx, o.id, x.savings);
    await restoreGovernance(tx, o.id, x.governance);
    await restoreRisks(tx, o.id, x.risks);
    await restorePolicies(tx, o.id, x.policies);
    await restorePortfolio(tx, o.id, x.portfolio);
    await restoreStrategy(tx, o.id, x.strategy);
    await restoreReports(tx, o.id, x.reports);
    return { organization: { id: o.id, slug: o.slug, name: o.name, createdAt: o.createdAt }, usersCreated };
  });
}

interface RawFinding {
  id: string;
  repository_id: string;
  last_scan_id: string;
  kind: OrganizationExport["discovery"]["findings"][number]["kind"];
  finding_key: string;
  name: string;
  provider: string | null;
  ecosystem: string | null;
  package_version: string | null;
  packages: OrganizationExport["discovery"]["findings"][number]["packages"] | string | null;
  endpoint: string | null;
  confidence: string;
  scope: string;
  secret_provider: string | null;
  secret_key_kind: string | null;
  secret_fingerprint: string | null;
  evidence: OrganizationExport["discovery"]["findings"][number]["evidence"] | string;
  occurrences: number;
  status: "open" | "gone";
  component_id: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

/** Repositories, scans and findings of one organization, in a stable order. */
export async function exportDiscovery(tx: Queryable, orgId: string): Promise<OrganizationExport["discovery"]> {
  const key = (await tx.query<{ fingerprint_key: string | null }>("select fingerprint_key from organizations where id = $1", [orgId])).rows[0];
  const repositories = (
    await tx.query<{ id: string; name: string; last_scan_at: Date | null; created_at: Date }>("select * from repositories where org_id = $1 order by id", [
      orgId,
    ])
  ).rows.map((r) => ({ id: r.id, name: r.name, lastScanAt: isoOrNull(r.last_scan_at), createdAt: iso(r.created_at) }));
  const scans = (
    await tx.query<{
      id: string;
      repository_id: string;
      started_at: Date;
      finished_at: Date;
      tool_version: string;
      files_scanned: number;
      bytes_scanned: string;
      files_skipped: number;
      finding_count: number;
      actor: string;
    }>("select * from scans where org_id = $1 order by id", [orgId])
  ).rows.map((s) => ({
    id: s.id,
    repositoryId: s.repository_id,
    startedAt: iso(s.started_at),
    finishedAt: iso(s.finished_at),
    toolVersion: s.tool_version,
    filesScanned: s.files_scanned,
    bytesScanned: Number(s.bytes_scanned),
    filesSkipped: s.files_skipped,
    findingCount: s.finding_count,
    actor: s.actor,
  }));
  const findings = (await tx.query<RawFinding>("select * from findings where org_id = $1 order by id", [orgId])).rows.map((f) => ({
    id: f.id,
    repositoryId: f.repository_id,
    lastScanId: f.last_scan_id,
    kind: f.kind,
    key: f.finding_key,
    name: f.name,
    provider: f.provider,
    ecosystem: f.ecosystem,
    version: f.package_version,
    packages: typeof f.packages === "string" ? JSON.parse(f.packages) : (f.packages ?? null),
    endpoint: f.endpoint,
    confidence: f.confidence,
    scope: f.scope,
    secret:
      f.secret_provider && f.secret_key_kind && f.secret_fingerprint
        ? { provider: f.secret_provider, keyKind: f.secret_key_kind, fingerprint: f.secret_fingerprint }
        : null,
    evidence: typeof f.evidence === "string" ? JSON.parse(f.evidence) : f.evidence,
    occurrences: f.occurrences,
    status: f.status,
    componentId: f.component_id,
    firstSeenAt: iso(f.first_seen_at),
    lastSeenAt: iso(f.last_seen_at),
  }));
  return { fingerprintKey: key?.fingerprint_key ?? null, repositories, scans, findings };
}

export async function restoreDiscovery(tx: Queryable, orgId: string, d: OrganizationExport["discovery"]): Promise<void> {
  if (d.fingerprintKey) await tx.query("update organizations set fingerprint_key = $2 where id = $1", [orgId, d.fingerprintKey]);
  for (const r of d.repositories) {
    await tx.query("insert into repositories (id, org_id, name, last_scan_at, created_at) values ($1,$2,$3,$4,$5)", [
      r.id,
      orgId,
      r.name,
      r.lastScanAt,
      r.createdAt,
    ]);
  }
  for (const s of d.scans) {
    await tx.query(
      `insert into scans (id, org_id, repository_id, started_at, finished_at, tool_version, files_scanned, bytes_scanned, files_skipped, finding_count, actor)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [s.id, orgId, s.repositoryId, s.startedAt, s.finishedAt, s.toolVersion, s.filesScanned, s.bytesScanned, s.filesSkipped, s.findingCount, s.actor],
    );
  }
  for (const f of d.findings) {
    await tx.query(
      `insert into findings (id, org_id, repository_id, last_scan_id, kind, finding_key, name, provider, ecosystem, package_version, endpoint, confidence, scope,
         secret_provider, secret_key_kind, secret_fingerprint, evidence, occurrences, status, component_id, first_seen_at, last_seen_at, packages)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)`,
      [
        f.id,
        orgId,
        f.repositoryId,
        f.lastScanId,
        f.kind,
        f.key,
        f.name,
        f.provider,
        f.ecosystem,
        f.version,
        f.endpoint,
        f.confidence,
        f.scope,
        f.secret?.provider ?? null,
        f.secret?.keyKind ?? null,
        f.secret?.fingerprint ?? null,
        JSON.stringify(f.evidence),
        f.occurrences,
        f.status,
        f.componentId,
        f.firstSeenAt,
        f.lastSeenAt,
        f.packages ? JSON.stringify(f.packages) : null,
      ],
    );
  }
}

interface ImportRow {
  id: string;
  source: string;
  file_name: string;
  file_sha256: string;
  records_read: number;
  records_imported: number;
  records_duplicate: number;
  day_from: string | null;
  day_to: string | null;
  cost_micros: string;
  actor: string;
  imported_at: Date;
}

interface UsageRow {
  record_key: string;
  import_id: string;
  source: UsageRecord["source"];
  day: string;
  hour: number | null;
  period_start: Date;
  period_end: Date;
  provider: string;
  model: string;
  model_reported: string | null;
  project_id: string | null;
  workspace_id: string | null;
  api_key_hash: string | null;
  user_id: string | null;
  team: string | null;
  tags: Record<string, string> | string;
  uncached_input: string;
  cache_read: string;
  cache_write_5m: string;
  cache_write_1h: string;
  output: string;
  reasoning: string;
  input_audio: string;
  output_audio: string;
  web_searches: string;
  requests: string;
  batch: boolean;
  service_tier: UsageRecord["serviceTier"];
  long_context: boolean;
  billed_cost_micros: string | null;
  list_cost_micros: string | null;
  currency: string;
  request_id: string | null;
}

/** The spend ledger of one organization, in a stable order. */
export async function exportSpend(tx: Queryable, orgId: string): Promise<OrganizationExport["spend"]> {
  const imports = (await tx.query<ImportRow>("select * from usage_imports where org_id = $1 order by id", [orgId])).rows.map((i) => ({
    id: i.id,
    source: i.source,
    fileName: i.file_name,
    fileSha256: i.file_sha256,
    recordsRead: i.records_read,
    recordsImported: i.records_imported,
    recordsDuplicate: i.records_duplicate,
    dayFrom: i.day_from,
    dayTo: i.day_to,
    costMicros: String(i.cost_micros),
    actor: i.actor,
    importedAt: iso(i.imported_at),
  }));
  const records = (await tx.query<UsageRow>("select * from usage_records where org_id = $1 order by record_key", [orgId])).rows.map((r) => ({
    recordKey: r.record_key,
    importId: r.import_id,
    source: r.source,
    day: r.day,
    hour: r.hour,
    periodStart: iso(r.period_start),
    periodEnd: iso(r.period_end),
    provider: r.provider,
    model: r.model,
    modelReported: r.model_reported,
    projectId: r.project_id,
    workspaceId: r.workspace_id,
    apiKeyHash: r.api_key_hash,
    userId: r.user_id,
    team: r.team,
    tags: typeof r.tags === "string" ? (JSON.parse(r.tags) as Record<string, string>) : r.tags,
    uncachedInput: Number(r.uncached_input),
    cacheRead: Number(r.cache_read),
    cacheWrite5m: Number(r.cache_write_5m),
    cacheWrite1h: Number(r.cache_write_1h),
    output: Number(r.output),
    reasoning: Number(r.reasoning),
    inputAudio: Number(r.input_audio),
    outputAudio: Number(r.output_audio),
    webSearches: Number(r.web_searches),
    requests: Number(r.requests),
    batch: r.batch,
    serviceTier: r.service_tier,
    longContext: r.long_context,
    billedCostMicros: r.billed_cost_micros === null ? null : String(r.billed_cost_micros),
    listCostMicros: r.list_cost_micros === null ? null : String(r.list_cost_micros),
    currency: r.currency,
    requestId: r.request_id ?? null,
  }));
  const rules = (await tx.query<Record<string, unknown>>("select * from spend_rules where org_id = $1 order by position, created_at, id", [orgId])).rows.map(
    (r) => ({
      id: String(r.id),
      position: Number(r.position),
      field: String(r.match_field),
      key: (r.match_key as string | null) ?? null,
      value: String(r.match_value),
      hint: (r.match_hint as string | null) ?? null,
      systemId: (r.system_id as string | null) ?? null,
      team: (r.team as string | null) ?? null,
      note: String(r.note),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    }),
  );
  const rates = (
    await tx.query<Record<string, unknown>>("select * from spend_rates where org_id = $1 order by provider, coalesce(model, ''), id", [orgId])
  ).rows.map((r) => ({
    id: String(r.id),
    provider: String(r.provider),
    model: (r.model as string | null) ?? null,
    multiplier: (r.multiplier as string | null) ?? null,
    prices: r.prices === null || r.prices === undefined ? null : ((typeof r.prices === "string" ? JSON.parse(r.prices) : r.prices) as Record<string, string>),
    note: String(r.note),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
  return { imports, records, rules, rates };
}

export async function restoreSpend(tx: Queryable, orgId: string, s: OrganizationExport["spend"]): Promise<void> {
  for (const i of s.imports) {
    await tx.query(
      `insert into usage_imports (id, org_id, source, file_name, file_sha256, records_read, records_imported, records_duplicate, day_from, day_to, cost_micros, actor, imported_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        i.id,
        orgId,
        i.source,
        i.fileName,
        i.fileSha256,
        i.recordsRead,
        i.recordsImported,
        i.recordsDuplicate,
        i.dayFrom,
        i.dayTo,
        i.costMicros,
        i.actor,
        i.importedAt,
      ],
    );
  }
  const byImport = new Map<string, UsageRecord[]>();
  for (const { importId, billedCostMicros, listCostMicros, ...r } of s.records) {
    const rec: UsageRecord = {
      ...r,
      billedCostMicros: billedCostMicros === null ? null : BigInt(billedCostMicros),
      listCostMicros: listCostMicros === null ? null : BigInt(listCostMicros),
    };
    byImport.set(importId, [...(byImport.get(importId) ?? []), rec]);
  }
  for (const [importId, recs] of byImport) await insertUsageRecords(tx, orgId, importId, recs);
  for (const r of s.rules) {
    await tx.query(
      `insert into spend_rules (org_id, id, position, match_field, match_key, match_value, match_hint, system_id, team, note, created_at, updated_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [orgId, r.id, r.position, r.field, r.key, r.value, r.hint, r.systemId, r.team, r.note, r.createdAt, r.updatedAt],
    );
  }
  for (const r of s.rates) {
    await tx.query(
      "insert into spend_rates (org_id, id, provider, model, multiplier, prices, note, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
      [orgId, r.id, r.provider, r.model, r.multiplier, r.prices === null ? null : JSON.stringify(r.prices), r.note, r.createdAt, r.updatedAt],
    );
  }
}

/** Recommendation decisions and the model policy of one organization. */
export async function exportSavings(tx: Queryable, orgId: string): Promise<OrganizationExport["savings"]> {
  const stored = await loadModelPolicy(tx, orgId);
  return {
    decisions: await listDecisions(tx, orgId),
    modelPolicy:
      stored.policy && stored.updatedAt && stored.updatedBy ? { policy: stored.policy, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy } : null,
  };
}

export async function restoreSavings(tx: Queryable, orgId: string, s: OrganizationExport["savings"]): Promise<void> {
  for (const d of s.decisions) {
    await tx.query(
      `insert into savings_decisions (org_id, rec_id, rec_type, title, status, note, monthly_saving_micros, decided_by, decided_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [orgId, d.id, d.type, d.title, d.status, d.note, d.monthlySavingMicros, d.decidedBy, d.decidedAt],
    );
  }
  if (s.modelPolicy) {
    await tx.query("insert into model_policies (org_id, policy, updated_by, updated_at) values ($1,$2,$3,$4)", [
      orgId,
      JSON.stringify(s.modelPolicy.policy),
      s.modelPolicy.updatedBy,
      s.modelPolicy.updatedAt,
    ]);
  }
}

/** Classifications (oldest first) and obligation tracking of one organization. */
export async function exportGovernance(tx: Queryable, orgId: string): Promise<OrganizationExport["governance"]> {
  return {
    classifications: (await allClassifications(tx, orgId)).map(({ systemName: _n, ...c }) => c),
    tracking: await allTracking(tx, orgId),
  };
}

export async function restoreGovernance(tx: Queryable, orgId: string, g: OrganizationExport["governance"]): Promise<void> {
  for (const c of g.classifications) {
    await tx.query(
      `insert into classifications (id, org_id, system_id, ruleset_version, law, as_of, answers, result, created_by, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [c.id, orgId, c.systemId, c.rulesetVersion, c.law, c.asOf, JSON.stringify(c.answers), JSON.stringify(c.result), c.createdBy, c.createdAt],
    );
  }
  for (const t of g.tracking) {
    await tx.query(
      `insert into obligation_tracking (org_id, system_id, obligation_id, owner, status, evidence, updated_by, updated_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [orgId, t.systemId, t.obligationId, t.owner, t.status, t.evidence, t.updatedBy, t.updatedAt],
    );
  }
}
