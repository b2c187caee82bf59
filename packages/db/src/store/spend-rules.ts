import { ConflictError, NotFoundError, type SpendRate, type SpendRateInput, type SpendRule, type SpendRuleInput, ValidationError } from "@caio/core";
import { hashApiKey } from "@caio/core/node";
import { recordChange } from "./audit.js";
import { type Actor, iso, type StoreContext } from "./context.js";

type RuleRow = Record<string, unknown>;

function ruleOf(r: RuleRow, matched: Map<string, string>): SpendRule {
  return {
    id: String(r.id),
    position: Number(r.position),
    field: r.match_field as SpendRule["field"],
    key: (r.match_key as string | null) ?? null,
    value: String(r.match_value),
    hint: (r.match_hint as string | null) ?? null,
    systemId: (r.system_id as string | null) ?? null,
    systemName: (r.system_name as string | null) ?? null,
    team: (r.team as string | null) ?? null,
    note: String(r.note ?? ""),
    matchedMicros: matched.get(String(r.id)) ?? "0",
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function rateOf(r: RuleRow): SpendRate {
  return {
    id: String(r.id),
    provider: String(r.provider),
    model: (r.model as string | null) ?? null,
    multiplier: (r.multiplier as string | null) ?? null,
    prices: r.prices === null || r.prices === undefined ? null : typeof r.prices === "string" ? JSON.parse(r.prices) : (r.prices as SpendRate["prices"]),
    note: String(r.note ?? ""),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A key id shown only by its start and end, e.g. `key_ab…9f`. */
function keyHint(id: string): string {
  return id.length <= 8 ? `${id.slice(0, 2)}…` : `${id.slice(0, 6)}…${id.slice(-2)}`;
}

function label(r: Pick<SpendRule, "field" | "key" | "value" | "hint">): string {
  const what = r.field === "tag" ? `tag ${r.key}=${r.value}` : r.field === "api_key" ? `api key ${r.hint}` : `${r.field} ${r.value}`;
  return `rule: ${what}`;
}

/** Attribution rules and negotiated rates of an organization. */
export function spendRulesRepo(ctx: StoreContext, ruleMatches: (orgId: string) => Promise<Map<string, string>>) {
  const { db } = ctx;
  const SELECT_RULES = `select r.*, s.name as system_name from spend_rules r left join systems s on s.org_id = r.org_id and s.id = r.system_id`;

  async function getRule(orgId: string, id: string): Promise<SpendRule> {
    const row = (await db.query<RuleRow>(`${SELECT_RULES} where r.org_id = $1 and r.id = $2`, [orgId, id])).rows[0];
    if (!row) throw new NotFoundError("spend rule");
    return ruleOf(row, await ruleMatches(orgId));
  }

  async function checkSystem(orgId: string, systemId: string | null | undefined): Promise<void> {
    if (!systemId) return;
    const found = await db.query("select 1 from systems where org_id = $1 and id = $2", [orgId, systemId]);
    if (found.rows.length === 0) throw new ValidationError("the system does not exist in this organization", [{ path: "systemId", message: "no such system" }]);
  }

  function matchOf(input: SpendRuleInput): { value: string; hint: string | null } {
    if (input.field === "api_key") return { value: hashApiKey(input.provider ?? "", input.value), hint: `${input.provider}:${keyHint(input.value)}` };
    return { value: input.value, hint: null };
  }

  return {
    async listRules(orgId: string): Promise<SpendRule[]> {
      const rows = (await db.query<RuleRow>(`${SELECT_RULES} where r.org_id = $1 order by r.position, r.created_at, r.id`, [orgId])).rows;
      const matched = await ruleMatches(orgId);
      return rows.map((r) => ruleOf(r, matched));
    },

    getRule,

    async createRule(orgId: string, input: SpendRuleInput, actor: Actor): Promise<SpendRule> {
      await checkSystem(orgId, input.systemId);
      const id = ctx.newId();
      const at = ctx.now();
      const { value, hint } = matchOf(input);
      await db.transaction(async (tx) => {
        const pos =
          input.position ??
          Number((await tx.query<{ n: number }>("select coalesce(max(position), -1) + 1 as n from spend_rules where org_id = $1", [orgId])).rows[0]?.n ?? 0);
        await tx.query(
          `insert into spend_rules (org_id, id, position, match_field, match_key, match_value, match_hint, system_id, team, note, created_at, updated_at)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11)`,
          [orgId, id, pos, input.field, input.key ?? null, value, hint, input.systemId ?? null, input.team ?? null, input.note ?? "", at],
        );
        await recordChange(tx, orgId, actor, at, {
          entityType: "spend-rule",
          entityId: id,
          entityLabel: label({ field: input.field, key: input.key ?? null, value, hint }),
          action: "create",
          before: null,
          after: {
            position: pos,
            field: input.field,
            key: input.key ?? null,
            value,
            systemId: input.systemId ?? null,
            team: input.team ?? null,
            note: input.note ?? "",
          },
        });
      });
      return getRule(orgId, id);
    },

    async updateRule(orgId: string, id: string, input: SpendRuleInput, actor: Actor): Promise<SpendRule> {
      const before = await getRule(orgId, id);
      await checkSystem(orgId, input.systemId);
      const at = ctx.now();
      // An api_key rule edited without a new key id keeps its hash (the id itself is never stored).
      const keep = input.field === "api_key" && before.field === "api_key" && input.value === before.value;
      const { value, hint } = keep ? { value: before.value, hint: before.hint } : matchOf(input);
      await db.transaction(async (tx) => {
        await tx.query(
          `update spend_rules set position = $3, match_field = $4, match_key = $5, match_value = $6, match_hint = $7, system_id = $8, team = $9, note = $10, updated_at = $11
           where org_id = $1 and id = $2`,
          [
            orgId,
            id,
            input.position ?? before.position,
            input.field,
            input.key ?? null,
            value,
            hint,
            input.systemId ?? null,
            input.team ?? null,
            input.note ?? before.note,
            at,
          ],
        );
        await recordChange(tx, orgId, actor, at, {
          entityType: "spend-rule",
          entityId: id,
          entityLabel: label({ field: input.field, key: input.key ?? null, value, hint }),
          action: "update",
          before: {
            position: before.position,
            field: before.field,
            key: before.key,
            value: before.value,
            systemId: before.systemId,
            team: before.team,
            note: before.note,
          },
          after: {
            position: input.position ?? before.position,
            field: input.field,
            key: input.key ?? null,
            value,
            systemId: input.systemId ?? null,
            team: input.team ?? null,
            note: input.note ?? before.note,
          },
        });
      });
      return getRule(orgId, id);
    },

    async removeRule(orgId: string, id: string, actor: Actor): Promise<void> {
      const before = await getRule(orgId, id);
      const at = ctx.now();
      await db.transaction(async (tx) => {
        await tx.query("delete from spend_rules where org_id = $1 and id = $2", [orgId, id]);
        await recordChange(tx, orgId, actor, at, {
          entityType: "spend-rule",
          entityId: id,
          entityLabel: label(before),
          action: "delete",
          before: {
            position: before.position,
            field: before.field,
            key: before.key,
            value: before.value,
            systemId: before.systemId,
            team: before.team,
            note: before.note,
          },
          after: null,
        });
      });
    },

    async listRates(orgId: string): Promise<SpendRate[]> {
      return (await db.query<RuleRow>("select * from spend_rates where org_id = $1 order by provider, coalesce(model, ''), id", [orgId])).rows.map(rateOf);
    },

    /** Creates or replaces the rate for a provider (and model). */
    async setRate(orgId: string, input: SpendRateInput, actor: Actor): Promise<SpendRate> {
      const at = ctx.now();
      const model = input.model ?? null;
      const existing = (
        await db.query<RuleRow>("select * from spend_rates where org_id = $1 and provider = $2 and coalesce(model, '') = coalesce($3, '')", [
          orgId,
          input.provider,
          model,
        ])
      ).rows[0];
      const id = existing ? String(existing.id) : ctx.newId();
      const after = { provider: input.provider, model, multiplier: input.multiplier ?? null, prices: input.prices ?? null, note: input.note ?? "" };
      await db.transaction(async (tx) => {
        if (existing) {
          await tx.query("update spend_rates set multiplier = $3, prices = $4, note = $5, updated_at = $6 where org_id = $1 and id = $2", [
            orgId,
            id,
            after.multiplier,
            after.prices === null ? null : JSON.stringify(after.prices),
            after.note,
            at,
          ]);
        } else {
          await tx.query(
            "insert into spend_rates (org_id, id, provider, model, multiplier, prices, note, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$8)",
            [orgId, id, input.provider, model, after.multiplier, after.prices === null ? null : JSON.stringify(after.prices), after.note, at],
          );
        }
        await recordChange(tx, orgId, actor, at, {
          entityType: "spend-rate",
          entityId: id,
          entityLabel: `negotiated rate: ${input.provider}${model ? ` ${model}` : " (all models)"}`,
          action: existing ? "update" : "create",
          before: existing ? rateOf(existing) : null,
          after,
        });
      });
      const row = (await db.query<RuleRow>("select * from spend_rates where org_id = $1 and id = $2", [orgId, id])).rows[0];
      if (!row) throw new ConflictError("the rate changed while it was being saved");
      return rateOf(row);
    },

    async removeRate(orgId: string, id: string, actor: Actor): Promise<SpendRate> {
      const row = (await db.query<RuleRow>("select * from spend_rates where org_id = $1 and id = $2", [orgId, id])).rows[0];
      if (!row) throw new NotFoundError("negotiated rate");
      const before = rateOf(row);
      const at = ctx.now();
      await db.transaction(async (tx) => {
        await tx.query("delete from spend_rates where org_id = $1 and id = $2", [orgId, id]);
        await recordChange(tx, orgId, actor, at, {
          entityType: "spend-rate",
          entityId: id,
          entityLabel: `negotiated rate: ${before.provider}${before.model ? ` ${before.model}` : " (all models)"}`,
          action: "delete",
          before,
          after: null,
        });
      });
      return before;
    },

    /** Records of a provider, for repricing after a rate change (only what pricing needs). */
    async pricingRows(orgId: string, provider: string): Promise<PricingRow[]> {
      const rows = (
        await db.query<Record<string, unknown>>(
          `select record_key, model_reported, period_start, uncached_input, cache_read, cache_write_5m, cache_write_1h, output, web_searches, requests, service_tier, long_context, list_cost_micros
           from usage_records where org_id = $1 and provider = $2 and model_reported is not null`,
          [orgId, provider],
        )
      ).rows;
      return rows.map((r) => ({
        recordKey: String(r.record_key),
        modelReported: String(r.model_reported),
        periodStart: iso(r.period_start),
        uncachedInput: Number(r.uncached_input),
        cacheRead: Number(r.cache_read),
        cacheWrite5m: Number(r.cache_write_5m),
        cacheWrite1h: Number(r.cache_write_1h),
        output: Number(r.output),
        webSearches: Number(r.web_searches),
        requests: Number(r.requests),
        serviceTier: r.service_tier as PricingRow["serviceTier"],
        longContext: Boolean(r.long_context),
        listCostMicros: r.list_cost_micros === null ? null : String(r.list_cost_micros),
      }));
    },

    /** Sets new list costs (after a rate change); returns how many changed. */
    async setListCosts(orgId: string, updates: { recordKey: string; listCostMicros: string | null }[]): Promise<number> {
      if (updates.length === 0) return 0;
      await db.transaction(async (tx) => {
        for (let i = 0; i < updates.length; i += 1000) {
          const chunk = updates.slice(i, i + 1000);
          await tx.query(
            `update usage_records u set list_cost_micros = v.cost::bigint
             from (select unnest($2::text[]) as key, unnest($3::text[]) as cost) v
             where u.org_id = $1 and u.record_key = v.key`,
            [orgId, chunk.map((c) => c.recordKey), chunk.map((c) => c.listCostMicros)],
          );
        }
      });
      return updates.length;
    },
  };
}

export interface PricingRow {
  recordKey: string;
  modelReported: string;
  periodStart: string;
  uncachedInput: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  webSearches: number;
  requests: number;
  serviceTier: "standard" | "batch" | "flex" | "priority" | "unknown";
  longContext: boolean;
  listCostMicros: string | null;
}
