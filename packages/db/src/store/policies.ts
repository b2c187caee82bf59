import {
  ConflictError,
  NotFoundError,
  normalizeMarkdown,
  POLICY_TITLES,
  type PoliciesExport,
  type PolicyKind,
  type PolicySource,
  type PolicyStatus,
  type PolicyVersionSummary,
} from "@caio/core";
import { sha256Hex } from "@caio/core/node";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, isoOrNull, pgCode, type StoreContext } from "./context.js";

/** A stored policy version with its text. */
export interface StoredPolicyVersion extends PolicyVersionSummary {
  markdown: string;
}

/** The inventory facts policies are generated from (systems not retired, vendors with their data terms). */
export interface PolicyInventory {
  organization: string;
  systems: {
    name: string;
    purpose: string;
    stage: string;
    customerFacing: boolean;
    decisionsAffectingPeople: string;
    personalData: string[];
    affectedPeople: string;
    euNexus: string[];
    businessOwner: string;
    tags: string[];
    vendors: string[];
    providers: string[];
    /** Components of kind model or agent. */
    models: string[];
  }[];
  retiredSystems: number;
  vendors: {
    name: string;
    services: string[];
    trainsOnCustomerData: string;
    retentionDays: number | null;
    dpaSigned: boolean;
    dataRegion: string;
    /** Systems (not retired) that use one of the vendor's components. */
    systems: string[];
  }[];
}

const COLUMNS = `id, kind, version, status, source, digest, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, approval_note,
  rejected_by, rejected_at, rejection_reason, superseded_by, superseded_at`;

function summaryOf(r: Record<string, unknown>): PolicyVersionSummary {
  const kind = r.kind as PolicyKind;
  return {
    id: String(r.id),
    kind,
    title: POLICY_TITLES[kind],
    version: Number(r.version),
    status: r.status as PolicyStatus,
    source: r.source as PolicySource,
    digest: String(r.digest),
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
    submittedBy: r.submitted_by === null || r.submitted_by === undefined ? null : String(r.submitted_by),
    submittedAt: isoOrNull(r.submitted_at),
    approvedBy: r.approved_by === null || r.approved_by === undefined ? null : String(r.approved_by),
    approvedAt: isoOrNull(r.approved_at),
    approvalNote: String(r.approval_note ?? ""),
    rejectedBy: r.rejected_by === null || r.rejected_by === undefined ? null : String(r.rejected_by),
    rejectedAt: isoOrNull(r.rejected_at),
    rejectionReason: String(r.rejection_reason ?? ""),
    supersededBy: r.superseded_by === null || r.superseded_by === undefined ? null : Number(r.superseded_by),
    supersededAt: isoOrNull(r.superseded_at),
  };
}

function versionOf(r: Record<string, unknown>): StoredPolicyVersion {
  return { ...summaryOf(r), markdown: String(r.markdown) };
}

/** The audit label of a version: which policy, which version, which text. */
export function policyLabel(v: { kind: PolicyKind; version: number; digest: string }): string {
  return `${POLICY_TITLES[v.kind]} v${v.version} · sha256:${v.digest}`;
}

/**
 * The snapshot the ledger digests (`afterDigest`) for a version in a given state. It holds the
 * text's digest, not the text, and every field is kept on the version, so anyone can recompute an
 * entry's digest from the stored version and check who approved which text.
 */
export function policySnapshot(v: PolicyVersionSummary) {
  return {
    kind: v.kind,
    version: v.version,
    digest: v.digest,
    status: v.status,
    source: v.source,
    submittedBy: v.submittedBy,
    approvedBy: v.approvedBy,
    approvedAt: v.approvedAt,
    approvalNote: v.approvalNote,
    rejectedBy: v.rejectedBy,
    rejectionReason: v.rejectionReason,
    supersededBy: v.supersededBy,
  };
}

async function byId(q: Queryable, orgId: string, id: string, lock = false): Promise<StoredPolicyVersion> {
  const r = (await q.query<Record<string, unknown>>(`select * from policy_versions where org_id = $1 and id = $2${lock ? " for update" : ""}`, [orgId, id]))
    .rows[0];
  if (!r) throw new NotFoundError("policy version");
  return versionOf(r);
}

async function latestOf(q: Queryable, orgId: string, kind: PolicyKind, lock = false): Promise<StoredPolicyVersion | null> {
  const r = (
    await q.query<Record<string, unknown>>(
      `select * from policy_versions where org_id = $1 and kind = $2 order by version desc limit 1${lock ? " for update" : ""}`,
      [orgId, kind],
    )
  ).rows[0];
  return r ? versionOf(r) : null;
}

function refuseFinal(v: PolicyVersionSummary, what: string): void {
  if (v.status === "approved")
    throw new ConflictError(
      `${v.title} v${v.version} is approved and cannot change; ${what} needs a new version (edit or generate), which supersedes it once approved`,
    );
  if (v.status === "superseded") throw new ConflictError(`${v.title} v${v.version} is superseded and cannot change`);
}

async function assertLatest(q: Queryable, orgId: string, v: PolicyVersionSummary): Promise<void> {
  const latest = await latestOf(q, orgId, v.kind);
  if (latest && latest.id !== v.id) throw new ConflictError(`${v.title} v${v.version} is not the latest version (v${latest.version} is)`);
}

export async function allPolicyVersions(q: Queryable, orgId: string): Promise<PoliciesExport["versions"]> {
  return (await q.query<Record<string, unknown>>("select * from policy_versions where org_id = $1 order by kind, version", [orgId])).rows.map((r) => {
    const { title: _t, ...rest } = versionOf(r);
    return rest;
  });
}

export async function restorePolicies(tx: Queryable, orgId: string, p: PoliciesExport): Promise<void> {
  for (const v of p.versions) {
    await tx.query(
      `insert into policy_versions (id, org_id, kind, version, status, source, markdown, digest, created_by, created_at, submitted_by, submitted_at,
         approved_by, approved_at, approval_note, rejected_by, rejected_at, rejection_reason, superseded_by, superseded_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
      [
        v.id,
        orgId,
        v.kind,
        v.version,
        v.status,
        v.source,
        v.markdown,
        v.digest,
        v.createdBy,
        v.createdAt,
        v.submittedBy,
        v.submittedAt,
        v.approvedBy,
        v.approvedAt,
        v.approvalNote,
        v.rejectedBy,
        v.rejectedAt,
        v.rejectionReason,
        v.supersededBy,
        v.supersededAt,
      ],
    );
  }
}

async function policyInventory(q: Queryable, orgId: string): Promise<PolicyInventory> {
  const org = (await q.query<{ name: string }>("select name from organizations where id = $1", [orgId])).rows[0];
  if (!org) throw new NotFoundError("organization");
  const systems = (
    await q.query<Record<string, unknown>>(
      `select s.name, s.purpose, s.stage, s.customer_facing, s.decisions_affecting_people, s.personal_data, s.affected_people, s.eu_nexus,
         s.business_owner, s.tags,
         coalesce((select array_agg(distinct v.name) from system_components sc join components c on c.org_id = sc.org_id and c.id = sc.component_id
           join vendors v on v.org_id = c.org_id and v.id = c.vendor_id where sc.org_id = s.org_id and sc.system_id = s.id), '{}') as vendors,
         coalesce((select array_agg(distinct c.provider) from system_components sc join components c on c.org_id = sc.org_id and c.id = sc.component_id
           where sc.org_id = s.org_id and sc.system_id = s.id and c.provider <> ''), '{}') as providers,
         coalesce((select array_agg(distinct c.name) from system_components sc join components c on c.org_id = sc.org_id and c.id = sc.component_id
           where sc.org_id = s.org_id and sc.system_id = s.id and c.kind in ('model', 'agent')), '{}') as models
       from systems s where s.org_id = $1 and s.stage <> 'retired' order by s.name, s.id`,
      [orgId],
    )
  ).rows;
  const retired = (await q.query<{ n: string }>("select count(*) as n from systems where org_id = $1 and stage = 'retired'", [orgId])).rows[0];
  const vendors = (
    await q.query<Record<string, unknown>>(
      `select v.name, v.services, v.trains_on_customer_data, v.retention_days, v.dpa_signed, v.data_region,
         coalesce((select array_agg(distinct s.name) from components c join system_components sc on sc.org_id = c.org_id and sc.component_id = c.id
           join systems s on s.org_id = sc.org_id and s.id = sc.system_id where c.org_id = v.org_id and c.vendor_id = v.id and s.stage <> 'retired'), '{}') as systems
       from vendors v where v.org_id = $1 order by v.name, v.id`,
      [orgId],
    )
  ).rows;
  const sorted = (v: unknown) => [...((v as string[] | null) ?? [])].sort(byText);
  return {
    organization: org.name,
    systems: systems.map((r) => ({
      name: String(r.name),
      purpose: String(r.purpose),
      stage: String(r.stage),
      customerFacing: Boolean(r.customer_facing),
      decisionsAffectingPeople: String(r.decisions_affecting_people),
      personalData: sorted(r.personal_data),
      affectedPeople: String(r.affected_people),
      euNexus: sorted(r.eu_nexus),
      businessOwner: String(r.business_owner),
      tags: sorted(r.tags),
      vendors: sorted(r.vendors),
      providers: sorted(r.providers),
      models: sorted(r.models),
    })),
    retiredSystems: Number(retired?.n ?? 0),
    vendors: vendors.map((r) => ({
      name: String(r.name),
      services: (r.services as string[] | null) ?? [],
      trainsOnCustomerData: String(r.trains_on_customer_data),
      retentionDays: r.retention_days === null || r.retention_days === undefined ? null : Number(r.retention_days),
      dpaSigned: Boolean(r.dpa_signed),
      dataRegion: String(r.data_region),
      systems: sorted(r.systems),
    })),
  };
}

/** Code-unit order: the same on every machine, whatever the locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Versions of the four policies. A version's text never changes; its status moves draft →
 * in-review → approved → superseded (or back to draft when rejected). Every change goes to the
 * audit ledger with the version's digest in the entry's label.
 */
export function policiesRepo(ctx: StoreContext) {
  const { db } = ctx;

  async function transition(
    orgId: string,
    id: string,
    actor: Actor,
    change: (v: StoredPolicyVersion, at: string, tx: Queryable) => Promise<Partial<Record<string, unknown>>>,
  ): Promise<StoredPolicyVersion> {
    return db.transaction(async (tx) => {
      const v = await byId(tx, orgId, id, true);
      const at = ctx.now();
      const set = await change(v, at, tx);
      const cols = Object.keys(set);
      await tx.query(`update policy_versions set ${cols.map((c, i) => `${c} = $${i + 3}`).join(", ")} where org_id = $1 and id = $2`, [
        orgId,
        id,
        ...cols.map((c) => set[c]),
      ]);
      const after = await byId(tx, orgId, id);
      await recordChange(tx, orgId, actor, at, {
        entityType: "policy",
        entityId: id,
        entityLabel: policyLabel(after),
        action: "update",
        before: policySnapshot(v),
        after: policySnapshot(after),
      });
      return after;
    });
  }

  return {
    /** Every version of every policy, newest first within each policy. */
    async list(orgId: string): Promise<PolicyVersionSummary[]> {
      return (
        await db.query<Record<string, unknown>>(`select ${COLUMNS} from policy_versions where org_id = $1 order by kind, version desc`, [orgId])
      ).rows.map(summaryOf);
    },

    get: (orgId: string, id: string) => byId(db, orgId, id),

    latest: (orgId: string, kind: PolicyKind) => latestOf(db, orgId, kind),

    /** The version before `version` of the same policy, or null for version 1. */
    async previous(orgId: string, kind: PolicyKind, version: number): Promise<StoredPolicyVersion | null> {
      const r = (
        await db.query<Record<string, unknown>>(
          "select * from policy_versions where org_id = $1 and kind = $2 and version < $3 order by version desc limit 1",
          [orgId, kind, version],
        )
      ).rows[0];
      return r ? versionOf(r) : null;
    },

    /** The inventory facts the policies are generated from. */
    inventory: (orgId: string) => policyInventory(db, orgId),

    /**
     * Saves `markdown` as the next version of a policy (a draft). Returns the latest version
     * unchanged (created: false) when its text is the same. Refused while a version is in review,
     * and, with `basedOn`, when that version is no longer the latest.
     */
    async createVersion(
      orgId: string,
      kind: PolicyKind,
      markdown: string,
      source: PolicySource,
      actor: Actor,
      opts: { basedOn?: string } = {},
    ): Promise<{ created: boolean; version: StoredPolicyVersion }> {
      const text = normalizeMarkdown(markdown);
      try {
        return await db.transaction(async (tx) => {
          const latest = await latestOf(tx, orgId, kind, true);
          if (opts.basedOn && latest?.id !== opts.basedOn) {
            const based = await byId(tx, orgId, opts.basedOn);
            if (based.kind !== kind) throw new ConflictError(`version ${opts.basedOn} belongs to another policy`);
            throw new ConflictError(`${based.title} v${based.version} is not the latest version${latest ? ` (v${latest.version} is)` : ""}`);
          }
          if (latest?.status === "in-review")
            throw new ConflictError(`${latest.title} v${latest.version} is in review: approve or reject it before saving a new version`);
          if (latest && latest.markdown === text) return { created: false, version: latest };
          const id = ctx.newId();
          const at = ctx.now();
          const version = (latest?.version ?? 0) + 1;
          const digest = sha256Hex(text);
          await tx.query(
            `insert into policy_versions (id, org_id, kind, version, status, source, markdown, digest, created_by, created_at)
             values ($1,$2,$3,$4,'draft',$5,$6,$7,$8,$9)`,
            [id, orgId, kind, version, source, text, digest, actor.label, at],
          );
          const created = await byId(tx, orgId, id);
          await recordChange(tx, orgId, actor, at, {
            entityType: "policy",
            entityId: id,
            entityLabel: policyLabel(created),
            action: "create",
            before: null,
            after: policySnapshot(created),
          });
          return { created: true, version: created };
        });
      } catch (e) {
        if (pgCode(e) === "23505") throw new ConflictError(`another version of ${POLICY_TITLES[kind]} was saved at the same time; try again`);
        throw e;
      }
    },

    /** Sends the latest version, a draft, to review. */
    submit(orgId: string, id: string, actor: Actor): Promise<StoredPolicyVersion> {
      return transition(orgId, id, actor, async (v, at, tx) => {
        refuseFinal(v, "a change");
        if (v.status === "in-review") throw new ConflictError(`${v.title} v${v.version} is already in review`);
        await assertLatest(tx, orgId, v);
        return { status: "in-review", submitted_by: actor.label, submitted_at: at };
      });
    },

    /**
     * Approves a version in review ("board sign-off"); the previously approved version of the
     * policy becomes superseded. With `digest`, refuses unless it is the version's digest.
     */
    approve(orgId: string, id: string, opts: { note: string; digest?: string | undefined }, actor: Actor): Promise<StoredPolicyVersion> {
      return transition(orgId, id, actor, async (v, at, tx) => {
        refuseFinal(v, "a change");
        if (v.status !== "in-review") throw new ConflictError(`${v.title} v${v.version} is a draft: submit it for review before approving it`);
        if (opts.digest && opts.digest !== v.digest)
          throw new ConflictError(`${v.title} v${v.version} has digest ${v.digest}, not the ${opts.digest} you approved; read it again`);
        const prior = (
          await tx.query<Record<string, unknown>>(
            "select * from policy_versions where org_id = $1 and kind = $2 and status = 'approved' and id <> $3 for update",
            [orgId, v.kind, v.id],
          )
        ).rows.map(versionOf);
        for (const p of prior) {
          await tx.query("update policy_versions set status = 'superseded', superseded_by = $3, superseded_at = $4 where org_id = $1 and id = $2", [
            orgId,
            p.id,
            v.version,
            at,
          ]);
          const after = await byId(tx, orgId, p.id);
          await recordChange(tx, orgId, actor, at, {
            entityType: "policy",
            entityId: p.id,
            entityLabel: policyLabel(after),
            action: "update",
            before: policySnapshot(p),
            after: policySnapshot(after),
          });
        }
        return { status: "approved", approved_by: actor.label, approved_at: at, approval_note: opts.note };
      });
    },

    /** Sends a version in review back to draft, with the reason. */
    reject(orgId: string, id: string, reason: string, actor: Actor): Promise<StoredPolicyVersion> {
      return transition(orgId, id, actor, async (v, at) => {
        refuseFinal(v, "a change");
        if (v.status !== "in-review") throw new ConflictError(`${v.title} v${v.version} is not in review`);
        return { status: "draft", rejected_by: actor.label, rejected_at: at, rejection_reason: reason };
      });
    },
  };
}
