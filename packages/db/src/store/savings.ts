import type { ModelPolicy, RecommendationStatus, StoredModelPolicy } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, type StoreContext } from "./context.js";

/** A stored decision about a savings recommendation. */
export interface SavingsDecision {
  id: string;
  type: string;
  title: string;
  status: RecommendationStatus;
  note: string;
  /** The monthly saving the recommendation showed when the decision was taken. */
  monthlySavingMicros: string;
  decidedBy: string;
  decidedAt: string;
}

/** What the status change is about, as computed when it was made. */
export interface DecisionSubject {
  id: string;
  type: string;
  title: string;
  monthlySavingMicros: bigint;
}

function decisionOf(r: Record<string, unknown>): SavingsDecision {
  return {
    id: String(r.rec_id),
    type: String(r.rec_type),
    title: String(r.title),
    status: r.status as RecommendationStatus,
    note: String(r.note),
    monthlySavingMicros: String(r.monthly_saving_micros),
    decidedBy: String(r.decided_by),
    decidedAt: iso(r.decided_at),
  };
}

export async function listDecisions(q: Queryable, orgId: string): Promise<SavingsDecision[]> {
  return (await q.query<Record<string, unknown>>("select * from savings_decisions where org_id = $1 order by rec_id", [orgId])).rows.map(decisionOf);
}

export async function loadModelPolicy(q: Queryable, orgId: string): Promise<StoredModelPolicy> {
  const r = (await q.query<Record<string, unknown>>("select * from model_policies where org_id = $1", [orgId])).rows[0];
  if (!r) return { policy: null, updatedAt: null, updatedBy: null };
  const policy = typeof r.policy === "string" ? (JSON.parse(r.policy) as ModelPolicy) : (r.policy as ModelPolicy);
  return { policy, updatedAt: iso(r.updated_at), updatedBy: String(r.updated_by) };
}

/** The inventory facts the optimizer and reconciliation read. */
export interface InventoryFacts {
  systems: {
    id: string;
    name: string;
    stage: string;
    customerFacing: boolean;
    decisionsAffectingPeople: string;
    personalData: string[];
    components: number;
    /** Components of kind `vendor-service` (SaaS bought as seats: no code or usage evidence expected). */
    serviceComponents: number;
  }[];
  vendors: {
    id: string;
    name: string;
    services: string[];
    /** Providers of the vendor's components served by the vendor's own API (e.g. `openai`). */
    componentProviders: string[];
    contract: { start: string | null; end: string | null; renewalNoticeDate: string | null; commitmentAmount: string | null; commitmentCurrency: string };
    dpaSigned: boolean;
  }[];
  components: { kind: string; name: string; provider: string; identifier: string }[];
}

const day = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function microsToAmount(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const m = BigInt(String(v));
  const whole = m / 1_000_000n;
  const frac = (m % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export async function inventoryFacts(q: Queryable, orgId: string): Promise<InventoryFacts> {
  const systems = (
    await q.query<Record<string, unknown>>(
      `select s.id, s.name, s.stage, s.customer_facing, s.decisions_affecting_people, s.personal_data,
         (select count(*) from system_components sc where sc.org_id = s.org_id and sc.system_id = s.id) as components,
         (select count(*) from system_components sc join components c on c.org_id = sc.org_id and c.id = sc.component_id
           where sc.org_id = s.org_id and sc.system_id = s.id and c.kind = 'vendor-service') as services
       from systems s where s.org_id = $1 order by s.name, s.id`,
      [orgId],
    )
  ).rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    stage: String(r.stage),
    customerFacing: Boolean(r.customer_facing),
    decisionsAffectingPeople: String(r.decisions_affecting_people),
    personalData: (r.personal_data as string[] | null) ?? [],
    components: Number(r.components),
    serviceComponents: Number(r.services),
  }));
  const vendors = (
    await q.query<Record<string, unknown>>(
      `select v.id, v.name, v.services, v.contract_start, v.contract_end, v.renewal_notice_date, v.commitment_micros, v.commitment_currency, v.dpa_signed,
         coalesce((select array_agg(distinct c.provider) from components c where c.org_id = v.org_id and c.vendor_id = v.id and c.provider <> '' and c.hosting = 'vendor-api'), '{}') as providers
       from vendors v where v.org_id = $1 order by v.name, v.id`,
      [orgId],
    )
  ).rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    services: (r.services as string[] | null) ?? [],
    componentProviders: (r.providers as string[] | null) ?? [],
    contract: {
      start: day(r.contract_start),
      end: day(r.contract_end),
      renewalNoticeDate: day(r.renewal_notice_date),
      commitmentAmount: microsToAmount(r.commitment_micros),
      commitmentCurrency: String(r.commitment_currency),
    },
    dpaSigned: Boolean(r.dpa_signed),
  }));
  const components = (
    await q.query<{ kind: string; name: string; provider: string; identifier: string }>(
      "select kind, name, provider, identifier from components where org_id = $1 order by kind, name, id",
      [orgId],
    )
  ).rows;
  return { systems, vendors, components };
}

/** Recommendation statuses and the model policy; every change goes to the audit ledger. */
export function savingsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    decisions: (orgId: string) => listDecisions(db, orgId),
    facts: (orgId: string) => inventoryFacts(db, orgId),

    /** Sets a recommendation's status (with a note), recording who and when, and the saving it showed. */
    async setStatus(orgId: string, subject: DecisionSubject, status: RecommendationStatus, note: string, actor: Actor): Promise<SavingsDecision> {
      return db.transaction(async (tx) => {
        const at = ctx.now();
        const before = (
          await tx.query<Record<string, unknown>>("select * from savings_decisions where org_id = $1 and rec_id = $2 for update", [orgId, subject.id])
        ).rows[0];
        await tx.query(
          `insert into savings_decisions (org_id, rec_id, rec_type, title, status, note, monthly_saving_micros, decided_by, decided_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9)
           on conflict (org_id, rec_id) do update set rec_type = excluded.rec_type, title = excluded.title, status = excluded.status,
             note = excluded.note, monthly_saving_micros = excluded.monthly_saving_micros, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
          [orgId, subject.id, subject.type, subject.title, status, note, subject.monthlySavingMicros.toString(), actor.label, at],
        );
        const prior = before ? decisionOf(before) : null;
        await recordChange(tx, orgId, actor, at, {
          entityType: "savings-recommendation",
          entityId: subject.id,
          entityLabel: subject.title,
          action: prior ? "update" : "create",
          before: prior ? { status: prior.status, note: prior.note, monthlySavingMicros: prior.monthlySavingMicros } : null,
          after: { status, note, monthlySavingMicros: subject.monthlySavingMicros.toString() },
        });
        return { ...subject, monthlySavingMicros: subject.monthlySavingMicros.toString(), status, note, decidedBy: actor.label, decidedAt: at };
      });
    },

    modelPolicy: (orgId: string) => loadModelPolicy(db, orgId),

    /** Replaces the model policy (null removes it). */
    async setModelPolicy(orgId: string, policy: ModelPolicy | null, actor: Actor): Promise<StoredModelPolicy> {
      return db.transaction(async (tx) => {
        const at = ctx.now();
        const before = await loadModelPolicy(tx, orgId);
        if (policy === null) {
          if (before.policy === null) return before;
          await tx.query("delete from model_policies where org_id = $1", [orgId]);
        } else {
          await tx.query(
            `insert into model_policies (org_id, policy, updated_by, updated_at) values ($1,$2,$3,$4)
             on conflict (org_id) do update set policy = excluded.policy, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
            [orgId, JSON.stringify(policy), actor.label, at],
          );
        }
        await recordChange(tx, orgId, actor, at, {
          entityType: "model-policy",
          entityId: orgId,
          entityLabel: "model policy",
          action: policy === null ? "delete" : before.policy === null ? "create" : "update",
          before: before.policy,
          after: policy,
        });
        return policy === null ? { policy: null, updatedAt: null, updatedBy: null } : { policy, updatedAt: at, updatedBy: actor.label };
      });
    },
  };
}
