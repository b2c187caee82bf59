import {
  ConflictError,
  contractIssues,
  decimalToMicros,
  microsToDecimal,
  NotFoundError,
  ValidationError,
  type Vendor,
  type VendorCreate,
  type VendorPatch,
} from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, pgCode, type StoreContext } from "./context.js";

interface VendorRow {
  id: string;
  name: string;
  services: string[];
  website: string;
  notes: string;
  contract_start: string | null;
  contract_end: string | null;
  renewal_notice_date: string | null;
  commitment_micros: string | null;
  commitment_currency: string;
  trains_on_customer_data: "yes" | "no" | "unknown";
  retention_days: number | null;
  dpa_signed: boolean;
  data_region: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  component_ids: string[] | null;
  system_count: string;
}

const SELECT = `
  select v.*,
    coalesce((select array_agg(c.id order by c.name, c.id) from components c where c.org_id = v.org_id and c.vendor_id = v.id), '{}') as component_ids,
    (select count(distinct sc.system_id) from system_components sc join components c on c.id = sc.component_id where c.org_id = v.org_id and c.vendor_id = v.id) as system_count
  from vendors v`;

function toVendor(r: VendorRow): Vendor {
  return {
    id: r.id,
    name: r.name,
    services: r.services,
    website: r.website,
    notes: r.notes,
    contract: {
      start: r.contract_start,
      end: r.contract_end,
      renewalNoticeDate: r.renewal_notice_date,
      commitmentAmount: r.commitment_micros === null ? null : microsToDecimal(BigInt(r.commitment_micros)),
      commitmentCurrency: r.commitment_currency,
    },
    dataTerms: {
      trainsOnCustomerData: r.trains_on_customer_data,
      retentionDays: r.retention_days,
      dpaSigned: r.dpa_signed,
      dataRegion: r.data_region,
    },
    componentIds: r.component_ids ?? [],
    systemCount: Number(r.system_count),
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function getVendor(q: Queryable, orgId: string, id: string): Promise<Vendor | null> {
  const r = (await q.query<VendorRow>(`${SELECT} where v.org_id = $1 and v.id = $2`, [orgId, id])).rows[0];
  return r ? toVendor(r) : null;
}

function conflictOnName(e: unknown, name: string): never {
  if (pgCode(e) === "23505")
    throw new ConflictError(`a vendor named "${name}" already exists`, [{ path: "name", message: "is already used by another vendor" }]);
  throw e;
}

export function vendorsRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    async list(orgId: string, opts: { q?: string | undefined } = {}): Promise<{ items: Vendor[]; total: number }> {
      const params: unknown[] = [orgId];
      let where = "v.org_id = $1";
      if (opts.q) {
        params.push(`%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        where += ` and (v.name ilike $2 or array_to_string(v.services, ' ') ilike $2)`;
      }
      const items = (await db.query<VendorRow>(`${SELECT} where ${where} order by lower(v.name)`, params)).rows.map(toVendor);
      return { items, total: items.length };
    },
    get: (orgId: string, id: string) => getVendor(db, orgId, id),
    async create(orgId: string, input: VendorCreate, actor: Actor): Promise<Vendor> {
      const id = ctx.newId();
      const at = ctx.now();
      try {
        return await db.transaction(async (tx) => {
          await tx.query(
            `insert into vendors (id, org_id, name, services, website, notes, contract_start, contract_end, renewal_notice_date,
               commitment_micros, commitment_currency, trains_on_customer_data, retention_days, dpa_signed, data_region, created_at, updated_at)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16)`,
            [id, orgId, input.name, input.services, input.website, input.notes, ...contractParams(input.contract), ...termsParams(input.dataTerms), at],
          );
          const after = await getVendor(tx, orgId, id);
          await recordChange(tx, orgId, actor, at, { entityType: "vendor", entityId: id, entityLabel: input.name, action: "create", before: null, after });
          return after as Vendor;
        });
      } catch (e) {
        return conflictOnName(e, input.name);
      }
    },
    async update(orgId: string, id: string, patch: VendorPatch, actor: Actor): Promise<Vendor> {
      try {
        return await db.transaction(async (tx) => {
          const before = await getVendor(tx, orgId, id);
          if (!before) throw new NotFoundError("vendor");
          const merged = {
            name: patch.name ?? before.name,
            services: patch.services ?? before.services,
            website: patch.website ?? before.website,
            notes: patch.notes ?? before.notes,
            contract: { ...before.contract, ...patch.contract },
            dataTerms: { ...before.dataTerms, ...patch.dataTerms },
          };
          const issues = contractIssues(merged.contract).map((i) => ({ ...i, path: `contract.${i.path}` }));
          if (issues.length) throw new ValidationError("the contract dates do not fit together", issues);
          const at = ctx.now();
          await tx.query(
            `update vendors set name=$3, services=$4, website=$5, notes=$6, contract_start=$7, contract_end=$8, renewal_notice_date=$9,
               commitment_micros=$10, commitment_currency=$11, trains_on_customer_data=$12, retention_days=$13, dpa_signed=$14, data_region=$15,
               version = version + 1, updated_at=$16
             where org_id = $1 and id = $2`,
            [orgId, id, merged.name, merged.services, merged.website, merged.notes, ...contractParams(merged.contract), ...termsParams(merged.dataTerms), at],
          );
          const after = await getVendor(tx, orgId, id);
          await recordChange(tx, orgId, actor, at, { entityType: "vendor", entityId: id, entityLabel: merged.name, action: "update", before, after });
          return after as Vendor;
        });
      } catch (e) {
        return conflictOnName(e, patch.name ?? "");
      }
    },
    async remove(orgId: string, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await getVendor(tx, orgId, id);
        if (!before) throw new NotFoundError("vendor");
        if (before.componentIds.length > 0) {
          throw new ConflictError(`vendor "${before.name}" still supplies ${before.componentIds.length} component(s); unlink or delete them first`);
        }
        await tx.query("delete from vendors where org_id = $1 and id = $2", [orgId, id]);
        await recordChange(tx, orgId, actor, ctx.now(), {
          entityType: "vendor",
          entityId: id,
          entityLabel: before.name,
          action: "delete",
          before,
          after: null,
        });
      });
    },
  };
}

function contractParams(c: Vendor["contract"]): unknown[] {
  return [c.start, c.end, c.renewalNoticeDate, c.commitmentAmount === null ? null : decimalToMicros(c.commitmentAmount).toString(), c.commitmentCurrency];
}

function termsParams(t: Vendor["dataTerms"]): unknown[] {
  return [t.trainsOnCustomerData, t.retentionDays, t.dpaSigned, t.dataRegion];
}
