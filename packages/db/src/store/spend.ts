import { createHash } from "node:crypto";
import type { UsageActivity, UsageRecord, WorkloadSlice } from "@caio/core";
import { NotFoundError } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, type StoreContext } from "./context.js";

export interface ImportFile {
  source: UsageRecord["source"];
  fileName: string;
  /** SHA-256 of the file's bytes, for the import history. */
  fileSha256: string;
}

export interface ImportSummary {
  importId: string;
  source: string;
  fileName: string;
  recordsRead: number;
  imported: number;
  duplicates: number;
  dayFrom: string | null;
  dayTo: string | null;
  /** Cost of the newly imported records: billed where the source states it, else list; decimal micro-units. */
  costMicros: string;
}

export const ROLLUP_DIMENSIONS = ["provider", "model", "system", "team", "month", "day", "source", "project", "workspace"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

export interface RollupRow {
  key: string;
  costMicros: string;
  billedMicros: string;
  listMicros: string;
  inputTokens: string;
  outputTokens: string;
  requests: string;
  records: number;
}

const COLUMNS = [
  "org_id",
  "record_key",
  "import_id",
  "source",
  "day",
  "hour",
  "period_start",
  "period_end",
  "provider",
  "model",
  "model_reported",
  "project_id",
  "workspace_id",
  "api_key_hash",
  "user_id",
  "team",
  "tags",
  "uncached_input",
  "cache_read",
  "cache_write_5m",
  "cache_write_1h",
  "output",
  "reasoning",
  "input_audio",
  "output_audio",
  "web_searches",
  "requests",
  "batch",
  "service_tier",
  "long_context",
  "billed_cost_micros",
  "list_cost_micros",
  "currency",
  "request_id",
  "series_key",
] as const;

/** The record's own columns, in COLUMNS order after org_id, record_key and import_id. */
function recordValues(r: UsageRecord): unknown[] {
  return [
    r.source,
    r.day,
    r.hour,
    r.periodStart,
    r.periodEnd,
    r.provider,
    r.model,
    r.modelReported,
    r.projectId,
    r.workspaceId,
    r.apiKeyHash,
    r.userId,
    r.team,
    JSON.stringify(r.tags),
    r.uncachedInput,
    r.cacheRead,
    r.cacheWrite5m,
    r.cacheWrite1h,
    r.output,
    r.reasoning,
    r.inputAudio,
    r.outputAudio,
    r.webSearches,
    r.requests,
    r.batch,
    r.serviceTier,
    r.longContext,
    r.billedCostMicros?.toString() ?? null,
    r.listCostMicros?.toString() ?? null,
    r.currency,
    r.requestId ?? null,
    seriesKeyOf(r),
  ];
}

/**
 * The identity of a bucket record without its period: two stored buckets of one series whose
 * periods overlap (a daily and an hourly export of the same usage) describe the same usage, so
 * the later one is skipped. Per-request records (with a request id) have no series.
 */
export function seriesKeyOf(r: UsageRecord): string | null {
  if (r.requestId) return null;
  return createHash("sha256")
    .update(
      JSON.stringify([
        r.source,
        r.provider,
        r.modelReported,
        r.projectId,
        r.workspaceId,
        r.apiKeyHash,
        r.userId,
        r.team,
        r.serviceTier,
        r.batch,
        r.longContext,
        Object.entries(r.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ]),
    )
    .digest("hex");
}

/** Inserts records in batches; returns the keys that were new. */
export async function insertUsageRecords(tx: Queryable, orgId: string, importId: string, records: readonly UsageRecord[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < records.length; i += STAGE_BATCH) {
    for (const k of await insertBatch(tx, orgId, importId, records.slice(i, i + STAGE_BATCH))) fresh.add(k);
  }
  return fresh;
}

/** Inserts a batch; returns the keys that were new (a record already stored is a duplicate, not an update). */
async function insertBatch(tx: Queryable, orgId: string, importId: string, batch: readonly UsageRecord[]): Promise<string[]> {
  const res = await tx.query<{ record_key: string }>(INSERT_SQL, [orgId, importId, ...stageColumns(batch)]);
  return res.rows.map((r) => r.record_key);
}

/** Sources that state billed cost per day without tokens: their totals are spread over the day's usage records. */
const STATEMENT_SOURCES = "('openai-costs','anthropic-cost')";

/**
 * Precedence of sources for the same provider and day, lowest first: bills and cost statements,
 * provider usage exports, gateway and telemetry logs, the generic CSV. Only the best class present
 * counts, so importing a provider's usage export and a gateway's log of the same traffic does not
 * double count.
 */
const CLASS_SQL = `case
  when source in ('openai-costs','anthropic-cost','aws-cur','azure-cost','gcp-billing','focus') then 1
  when source in ('openai-usage','anthropic-usage') then 2
  when source in ('otel','litellm','langfuse','helicone') then 3
  else 4 end`;

const RULE_MATCH = `(
  (r.match_field = 'project' and b.project_id = r.match_value) or
  (r.match_field = 'workspace' and b.workspace_id = r.match_value) or
  (r.match_field = 'api_key' and b.api_key_hash = r.match_value) or
  (r.match_field = 'user' and b.user_id = r.match_value) or
  (r.match_field = 'team' and b.team = r.match_value) or
  (r.match_field = 'tag' and b.tags ->> r.match_key = r.match_value) or
  (r.match_field = 'model' and (b.model = r.match_value or b.model_reported = r.match_value)) or
  (r.match_field = 'provider' and b.provider = r.match_value) or
  (r.match_field = 'source' and b.source = r.match_value))`;

/**
 * The counted spend, one row per stored record of the reporting currency in range: `cost` (numeric
 * micro-units: billed where stated, else list; statement totals spread over the day's usage in
 * proportion to list cost), `counted` (false when a higher-precedence source covers the day),
 * `billed_part` (the billed share of `cost`), `sys_rule`/`team_rule` (the id of the first matching rule that assigns a system, or a team).
 * Parameters: $1 org id, $2 currency, then the range.
 */
function countedSql(where: string, attribution = true): string {
  // Rules are matched once per distinct combination of the matched dimensions (few), not per record.
  const akey = `md5(concat_ws(chr(31), u.source, u.provider, u.model, coalesce(u.model_reported, chr(30)), coalesce(u.project_id, chr(30)),
    coalesce(u.workspace_id, chr(30)), coalesce(u.api_key_hash, chr(30)), coalesce(u.user_id, chr(30)), coalesce(u.team, chr(30)), u.tags::text))`;
  const attr = attribution
    ? `, keys as materialized (
    select distinct on (akey) akey, org_id, source, provider, model, model_reported, project_id, workspace_id, api_key_hash, user_id, team, tags from base
  ), attr as materialized (
    select b.akey,
      (select r.id from spend_rules r where r.org_id = b.org_id and r.system_id is not null and ${RULE_MATCH} order by r.position, r.created_at limit 1) as sys_rule,
      (select r.id from spend_rules r where r.org_id = b.org_id and r.team is not null and ${RULE_MATCH} order by r.position, r.created_at limit 1) as team_rule
    from keys b
  )`
    : "";
  return `with base as (
    select u.org_id, u.source, u.day, u.hour, u.provider, u.model, u.model_reported, u.project_id, u.workspace_id, u.api_key_hash, u.user_id, u.team, u.tags,
      u.batch, u.service_tier, u.long_context, u.uncached_input, u.cache_read, u.cache_write_5m, u.cache_write_1h, u.output, u.requests, u.billed_cost_micros, u.list_cost_micros,
      ${CLASS_SQL} as cls, coalesce(u.list_cost_micros, 0) as lc${attribution ? `, ${akey} as akey` : ""}
    from usage_records u where u.org_id = $1 and u.currency = $2 ${where}
  ), w1 as (
    select b.*,
      min(b.cls) filter (where b.source not in ${STATEMENT_SOURCES}) over pd as use_cls,
      sum(b.billed_cost_micros) filter (where b.source in ${STATEMENT_SOURCES}) over pd as stmt_billed
    from base b window pd as (partition by b.provider, b.day)
  ), w2 as (
    select w1.*, sum(case when w1.cls = w1.use_cls then w1.lc else 0 end) over (partition by w1.provider, w1.day) as list_sum from w1
  )${attr}, counted as (
    select b.*,
      case
        when b.source in ${STATEMENT_SOURCES} then
          case when b.use_cls is null or coalesce(b.list_sum, 0) = 0 then coalesce(b.billed_cost_micros, 0)::numeric else 0::numeric end
        when b.cls <> b.use_cls then 0::numeric
        when b.stmt_billed is not null and coalesce(b.list_sum, 0) > 0 then b.lc::numeric * b.stmt_billed::numeric / b.list_sum::numeric
        else coalesce(b.billed_cost_micros, b.list_cost_micros, 0)::numeric
      end as cost,
      case
        when b.source in ${STATEMENT_SOURCES} then
          case when b.use_cls is null or coalesce(b.list_sum, 0) = 0 then coalesce(b.billed_cost_micros, 0)::numeric else 0::numeric end
        when b.cls <> b.use_cls then 0::numeric
        when b.stmt_billed is not null and coalesce(b.list_sum, 0) > 0 then b.lc::numeric * b.stmt_billed::numeric / b.list_sum::numeric
        else coalesce(b.billed_cost_micros, 0)::numeric
      end as billed_part,
      case when b.source in ${STATEMENT_SOURCES} then (b.use_cls is null or coalesce(b.list_sum, 0) = 0) else b.cls = b.use_cls end as counted,
      ${attribution ? "a.sys_rule, a.team_rule" : "null::uuid as sys_rule, null::uuid as team_rule"}
    from w2 b
    ${attribution ? "left join attr a on a.akey = b.akey" : ""}
  )`;
}

const DIMENSION_SQL: Record<RollupDimension, string> = {
  provider: "c.provider",
  model: "c.model",
  system: "coalesce(s.name, '(unattributed)')",
  team: "coalesce(tr.team, c.team, '(unattributed)')",
  month: "to_char(c.day, 'YYYY-MM')",
  day: "to_char(c.day, 'YYYY-MM-DD')",
  source: "c.source",
  project: "coalesce(c.project_id, '(none)')",
  workspace: "coalesce(c.workspace_id, '(none)')",
};

const COUNTED_TOKENS = `sum(case when c.counted then c.uncached_input + c.cache_read + c.cache_write_5m + c.cache_write_1h else 0 end)`;

export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

function rangeWhere(range: DayRange, params: unknown[]): string {
  let where = "";
  if (range.from) {
    params.push(range.from);
    where += ` and u.day >= $${params.length}`;
  }
  if (range.to) {
    params.push(range.to);
    where += ` and u.day <= $${params.length}`;
  }
  return where;
}

/** The currency every spend figure is reported in. */
export const REPORTING_CURRENCY = "USD";

export interface ImportSession {
  id: string;
  source: string;
  fileName: string;
  recordsStaged: number;
  createdAt: string;
}

export interface ImportListItem extends ImportSummary {
  actor: string;
  importedAt: string;
}

export interface SpendOverview {
  currency: string;
  costMicros: string;
  billedMicros: string;
  listMicros: string;
  unattributedMicros: string;
  firstDay: string | null;
  lastDay: string | null;
  months: { month: string; costMicros: string; unattributedMicros: string }[];
  records: number;
  supersededRecords: number;
  otherCurrencyRecords: number;
  imports: number;
}

/** The pattern of tag text that marks non-interactive work. */
const BATCH_TAG_RE = "(batch|nightly|offline|backfill|cron|etl|bulk|scheduled)";

/** The record's own columns (everything but org_id, record_key and import_id). */
const MOVE_COLUMNS = COLUMNS.filter((c) => c !== "org_id" && c !== "record_key" && c !== "import_id");

/** The SQL type of each column of {@link STAGE_COLUMNS}, for the arrays staging passes. */
const COLUMN_TYPES: Record<(typeof COLUMNS)[number], string> = {
  org_id: "uuid",
  record_key: "text",
  import_id: "uuid",
  source: "text",
  day: "date",
  hour: "int2",
  period_start: "timestamptz",
  period_end: "timestamptz",
  provider: "text",
  model: "text",
  model_reported: "text",
  project_id: "text",
  workspace_id: "text",
  api_key_hash: "text",
  user_id: "text",
  team: "text",
  tags: "jsonb",
  uncached_input: "int8",
  cache_read: "int8",
  cache_write_5m: "int8",
  cache_write_1h: "int8",
  output: "int8",
  reasoning: "int8",
  input_audio: "int8",
  output_audio: "int8",
  web_searches: "int8",
  requests: "int8",
  batch: "bool",
  service_tier: "text",
  long_context: "bool",
  billed_cost_micros: "int8",
  list_cost_micros: "int8",
  currency: "text",
  request_id: "text",
  series_key: "text",
};

/** The staged columns passed as arrays: the record key, then the record's own columns. */
const STAGE_COLUMNS = ["record_key", ...MOVE_COLUMNS] as const;

/**
 * Stages a batch with one array parameter per column (unnest), not one parameter per value: a
 * far smaller statement for the database to parse and bind. Parameters: $1 org, $2 session,
 * $3 the sequence number before the batch, then one array per {@link STAGE_COLUMNS} entry.
 */
const STAGE_SQL = `insert into usage_staged (org_id, session_id, seq, ${STAGE_COLUMNS.join(",")})
  select $1::uuid, $2::uuid, $3::int8 + x.ord - 1, ${STAGE_COLUMNS.map((c) => `x.${c}`).join(",")}
  from unnest(${STAGE_COLUMNS.map((c, i) => `$${i + 4}::${COLUMN_TYPES[c]}[]`).join(",")}) with ordinality as x(${STAGE_COLUMNS.join(",")}, ord)`;

/** Stores records directly (restore): $1 org, $2 import, then the arrays of {@link STAGE_SQL}. */
const INSERT_SQL = `insert into usage_records (org_id, import_id, ${STAGE_COLUMNS.join(",")})
  select $1::uuid, $2::uuid, ${STAGE_COLUMNS.map((c) => `x.${c}`).join(",")}
  from unnest(${STAGE_COLUMNS.map((c, i) => `$${i + 3}::${COLUMN_TYPES[c]}[]`).join(",")}) as x(${STAGE_COLUMNS.join(",")})
  on conflict (org_id, record_key) do nothing returning record_key`;

/** Records per staging statement. */
const STAGE_BATCH = 5000;

/** A batch as one array per {@link STAGE_COLUMNS} entry. */
function stageColumns(batch: readonly UsageRecord[]): unknown[][] {
  const columns: unknown[][] = STAGE_COLUMNS.map(() => new Array(batch.length));
  for (let j = 0; j < batch.length; j++) {
    const r = batch[j] as UsageRecord;
    const v = recordValues(r);
    (columns[0] as unknown[])[j] = r.recordKey;
    for (let k = 0; k < v.length; k++) (columns[k + 1] as unknown[])[j] = v[k];
  }
  return columns;
}

/** Deletes a staged import and its rows (they have no foreign key to cascade from); false when there was none. */
async function dropSession(tx: Queryable, orgId: string, sessionId: string): Promise<boolean> {
  await tx.query("delete from usage_staged where org_id = $1 and session_id = $2", [orgId, sessionId]);
  return (await tx.query("delete from usage_import_sessions where org_id = $1 and id = $2 returning id", [orgId, sessionId])).rows.length > 0;
}

/** A stale staged import (abandoned by a client) is dropped after a day. */
const SESSION_TTL_MS = 24 * 3600 * 1000;

export function spendRepo(ctx: StoreContext) {
  const { db } = ctx;

  async function stageInto(tx: Queryable, orgId: string, sessionId: string, records: readonly UsageRecord[]): Promise<number> {
    const seq0 = Number(
      (await tx.query<{ n: number }>("select records_staged as n from usage_import_sessions where org_id = $1 and id = $2 for update", [orgId, sessionId]))
        .rows[0]?.n ?? Number.NaN,
    );
    if (Number.isNaN(seq0)) throw new NotFoundError("import session");
    for (let i = 0; i < records.length; i += STAGE_BATCH) {
      const columns = stageColumns(records.slice(i, i + STAGE_BATCH));
      await tx.query(STAGE_SQL, [orgId, sessionId, seq0 + i, ...columns]);
    }
    const total = seq0 + records.length;
    await tx.query("update usage_import_sessions set records_staged = $3 where org_id = $1 and id = $2", [orgId, sessionId, total]);
    return total;
  }

  async function openIn(tx: Queryable, orgId: string, file: { source: string; fileName: string }, actor: Actor): Promise<ImportSession> {
    const id = ctx.newId();
    const at = ctx.now();
    const expired = new Date(Date.parse(at) - SESSION_TTL_MS).toISOString();
    await tx.query(
      "delete from usage_staged s using usage_import_sessions x where x.org_id = $1 and x.created_at < $2 and s.org_id = x.org_id and s.session_id = x.id",
      [orgId, expired],
    );
    await tx.query("delete from usage_import_sessions where org_id = $1 and created_at < $2", [orgId, expired]);
    await tx.query("insert into usage_import_sessions (id, org_id, source, file_name, actor, records_staged, created_at) values ($1,$2,$3,$4,$5,0,$6)", [
      id,
      orgId,
      file.source,
      file.fileName,
      actor.label,
      at,
    ]);
    return { id, source: file.source, fileName: file.fileName, recordsStaged: 0, createdAt: at };
  }

  async function commitIn(tx: Queryable, orgId: string, sessionId: string, fileSha256: string, actor: Actor): Promise<ImportSummary> {
    const session = (
      await tx.query<{ source: string; file_name: string; records_staged: number }>(
        "select source, file_name, records_staged from usage_import_sessions where org_id = $1 and id = $2 for update",
        [orgId, sessionId],
      )
    ).rows[0];
    if (!session) throw new NotFoundError("import session");
    const importId = ctx.newId();
    const at = ctx.now();
    const read = Number(session.records_staged);
    await tx.query(
      `insert into usage_imports (id, org_id, source, file_name, file_sha256, records_read, records_imported, records_duplicate, cost_micros, actor, imported_at)
       values ($1,$2,$3,$4,$5,$6,0,0,0,$7,$8)`,
      [importId, orgId, session.source, session.file_name, fileSha256, read, actor.label, at],
    );
    const moved = (
      await tx.query<{ n: number; dmin: string | null; dmax: string | null; cost: string }>(
        `with ins as (
           insert into usage_records (org_id, record_key, import_id, ${MOVE_COLUMNS.join(",")})
           select distinct on (s.record_key) s.org_id, s.record_key, $3::uuid, ${MOVE_COLUMNS.map((c) => `s.${c}`).join(",")}
           from usage_staged s
           where s.org_id = $1 and s.session_id = $2
             and (s.series_key is null or not exists (
               select 1 from usage_records u
               where u.org_id = s.org_id and u.series_key = s.series_key and u.record_key <> s.record_key
                 and u.period_start < s.period_end and u.period_end > s.period_start))
           order by s.record_key, s.seq
           on conflict (org_id, record_key) do nothing
           returning day, coalesce(billed_cost_micros, list_cost_micros, 0) as cost
         )
         select count(*)::int as n, to_char(min(day), 'YYYY-MM-DD') as dmin, to_char(max(day), 'YYYY-MM-DD') as dmax, coalesce(sum(cost), 0)::text as cost from ins`,
        [orgId, sessionId, importId],
      )
    ).rows[0];
    const imported = Number(moved?.n ?? 0);
    const summary: ImportSummary = {
      importId,
      source: session.source,
      fileName: session.file_name,
      recordsRead: read,
      imported,
      duplicates: read - imported,
      dayFrom: moved?.dmin ?? null,
      dayTo: moved?.dmax ?? null,
      costMicros: moved?.cost ?? "0",
    };
    await tx.query(
      "update usage_imports set records_imported = $3, records_duplicate = $4, day_from = $5, day_to = $6, cost_micros = $7 where org_id = $1 and id = $2",
      [orgId, importId, summary.imported, summary.duplicates, summary.dayFrom, summary.dayTo, summary.costMicros],
    );
    await dropSession(tx, orgId, sessionId);
    await recordChange(tx, orgId, actor, at, {
      entityType: "usage-import",
      entityId: importId,
      entityLabel: `${session.source} import of ${session.file_name}`,
      action: "create",
      before: null,
      after: { ...summary, fileSha256 },
    });
    return summary;
  }

  return {
    /** Opens a staged import; records are added with {@link stage} and stored by {@link commit}. */
    openSession: (orgId: string, file: { source: string; fileName: string }, actor: Actor) => db.transaction((tx) => openIn(tx, orgId, file, actor)),

    /** Adds a batch of records to a staged import. Returns the number staged so far. */
    stage: (orgId: string, sessionId: string, records: readonly UsageRecord[]) => db.transaction((tx) => stageInto(tx, orgId, sessionId, records)),

    /**
     * Stores a staged import in one transaction: all or nothing. Records already stored (same key),
     * and buckets overlapping a stored bucket of the same series (another bucket width of the same
     * usage), are counted as duplicates and left unchanged, so re-imports never double count.
     */
    commit: (orgId: string, sessionId: string, fileSha256: string, actor: Actor) => db.transaction((tx) => commitIn(tx, orgId, sessionId, fileSha256, actor)),

    /** Drops a staged import. */
    abort: (orgId: string, sessionId: string): Promise<void> =>
      db.transaction(async (tx) => {
        if (!(await dropSession(tx, orgId, sessionId))) throw new NotFoundError("import session");
      }),

    /** One file's records in one request, stored all or nothing (a staged import in one transaction). */
    importRecords(orgId: string, file: ImportFile, records: readonly UsageRecord[], actor: Actor): Promise<ImportSummary> {
      return db.transaction(async (tx) => {
        const session = await openIn(tx, orgId, file, actor);
        await stageInto(tx, orgId, session.id, records);
        return commitIn(tx, orgId, session.id, file.fileSha256, actor);
      });
    },

    /** The import history, newest first. */
    async listImports(orgId: string, limit = 100): Promise<ImportListItem[]> {
      const rows = (
        await db.query<Record<string, unknown>>(
          `select id, source, file_name, records_read, records_imported, records_duplicate, to_char(day_from, 'YYYY-MM-DD') as day_from,
                  to_char(day_to, 'YYYY-MM-DD') as day_to, cost_micros::text as cost_micros, actor, imported_at
           from usage_imports where org_id = $1 order by imported_at desc, id limit $2`,
          [orgId, limit],
        )
      ).rows;
      return rows.map((r) => ({
        importId: String(r.id),
        source: String(r.source),
        fileName: String(r.file_name),
        recordsRead: Number(r.records_read),
        imported: Number(r.records_imported),
        duplicates: Number(r.records_duplicate),
        dayFrom: (r.day_from as string | null) ?? null,
        dayTo: (r.day_to as string | null) ?? null,
        costMicros: String(r.cost_micros),
        actor: String(r.actor),
        importedAt: iso(r.imported_at),
      }));
    },

    /**
     * Spend grouped by one dimension over an optional day range, largest first (months and days in date order). Only the
     * reporting currency is summed; sums are exact (numeric) and rounded half-even to micro-units
     * once per group.
     */
    async rollup(orgId: string, by: RollupDimension, range: DayRange = {}): Promise<RollupRow[]> {
      const params: unknown[] = [orgId, REPORTING_CURRENCY];
      const where = rangeWhere(range, params);
      const key = DIMENSION_SQL[by];
      const rows = (
        await db.query<{ key: string; cost: string; billed: string; list: string; input: string; output: string; requests: string; records: string }>(
          `${countedSql(where, by === "system" || by === "team")}
           select ${key} as key,
             round(sum(c.cost))::text as cost,
             coalesce(round(sum(c.billed_part)), 0)::text as billed,
             coalesce(sum(c.list_cost_micros) filter (where c.counted), 0)::text as list,
             ${COUNTED_TOKENS}::text as input,
             sum(case when c.counted then c.output else 0 end)::text as output,
             sum(case when c.counted then c.requests else 0 end)::text as requests,
             count(*) filter (where c.counted) as records
           from counted c
           left join spend_rules sr on sr.org_id = c.org_id and sr.id = c.sys_rule
           left join systems s on s.org_id = sr.org_id and s.id = sr.system_id
           left join spend_rules tr on tr.org_id = c.org_id and tr.id = c.team_rule
           group by 1 having count(*) filter (where c.counted) > 0 order by ${by === "month" || by === "day" ? "1" : "round(sum(c.cost)) desc, 1"}`,
          params,
        )
      ).rows;
      return rows.map((r) => ({
        key: r.key,
        costMicros: r.cost,
        billedMicros: r.billed,
        listMicros: r.list,
        inputTokens: r.input,
        outputTokens: r.output,
        requests: r.requests,
        records: Number(r.records),
      }));
    },

    /** Totals, the monthly trend, unattributed spend and what was left out, for the Spend page. */
    async overview(orgId: string, range: DayRange = {}): Promise<SpendOverview> {
      const params: unknown[] = [orgId, REPORTING_CURRENCY];
      const where = rangeWhere(range, params);
      const months = (
        await db.query<{ month: string; cost: string; unattributed: string }>(
          `${countedSql(where)}
           select to_char(c.day, 'YYYY-MM') as month, round(sum(c.cost))::text as cost,
                  round(coalesce(sum(c.cost) filter (where c.sys_rule is null), 0))::text as unattributed
           from counted c group by 1 order by 1`,
          params,
        )
      ).rows;
      const totals = (
        await db.query<{
          cost: string;
          billed: string;
          list: string;
          unattributed: string;
          first: string | null;
          last: string | null;
          records: string;
          superseded: string;
        }>(
          `${countedSql(where)}
           select coalesce(round(sum(c.cost)), 0)::text as cost,
                  coalesce(round(sum(c.billed_part)), 0)::text as billed,
                  coalesce(sum(c.list_cost_micros) filter (where c.counted), 0)::text as list,
                  coalesce(round(sum(c.cost) filter (where c.sys_rule is null)), 0)::text as unattributed,
                  to_char(min(c.day), 'YYYY-MM-DD') as first, to_char(max(c.day), 'YYYY-MM-DD') as last,
                  count(*) as records, count(*) filter (where not c.counted and c.source not in ${STATEMENT_SOURCES}) as superseded
           from counted c`,
          params,
        )
      ).rows[0];
      const other = (await db.query<{ n: string }>(`select count(*) as n from usage_records u where u.org_id = $1 and u.currency <> $2 ${where}`, params))
        .rows[0];
      const imports = (await db.query<{ n: string }>("select count(*) as n from usage_imports where org_id = $1", [orgId])).rows[0];
      return {
        currency: REPORTING_CURRENCY,
        costMicros: totals?.cost ?? "0",
        billedMicros: totals?.billed ?? "0",
        listMicros: totals?.list ?? "0",
        unattributedMicros: totals?.unattributed ?? "0",
        firstDay: totals?.first ?? null,
        lastDay: totals?.last ?? null,
        months: months.map((m) => ({ month: m.month, costMicros: m.cost, unattributedMicros: m.unattributed })),
        records: Number(totals?.records ?? 0),
        supersededRecords: Number(totals?.superseded ?? 0),
        otherCurrencyRecords: Number(other?.n ?? 0),
        imports: Number(imports?.n ?? 0),
      };
    },

    /** Counted usage per workload slice over a day range (the optimizer's input). */
    async workloads(orgId: string, range: DayRange = {}): Promise<WorkloadSlice[]> {
      const params: unknown[] = [orgId, REPORTING_CURRENCY];
      const where = rangeWhere(range, params);
      const rows = (
        await db.query<Record<string, unknown>>(
          `${countedSql(where)}
           select s.id as system_id, s.name as system_name, c.provider, c.model, coalesce(c.project_id, c.workspace_id) as scope,
             c.service_tier, c.batch, c.long_context, (c.tags::text ~* '${BATCH_TAG_RE}') as batch_tagged, c.hour,
             sum(c.uncached_input)::text as uncached_input, sum(c.cache_read)::text as cache_read,
             sum(c.cache_write_5m)::text as cache_write_5m, sum(c.cache_write_1h)::text as cache_write_1h,
             sum(c.output)::text as output, sum(c.requests)::text as requests,
             coalesce(round(sum(c.cost)), 0)::text as cost, coalesce(sum(c.list_cost_micros), 0)::text as list,
             count(*) filter (where c.list_cost_micros is null) as unpriced, count(*) as records, count(distinct c.day) as days,
             to_char(min(c.day), 'YYYY-MM-DD') as first_day, to_char(max(c.day), 'YYYY-MM-DD') as last_day
           from counted c
           left join spend_rules sr on sr.org_id = c.org_id and sr.id = c.sys_rule
           left join systems s on s.org_id = sr.org_id and s.id = sr.system_id
           where c.counted and c.source not in ${STATEMENT_SOURCES}
           group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
           order by 3, 4, 5, 1, 6, 7, 8, 9, 10`,
          params,
        )
      ).rows;
      return rows.map((r) => ({
        systemId: (r.system_id as string | null) ?? null,
        systemName: (r.system_name as string | null) ?? null,
        provider: String(r.provider),
        model: String(r.model),
        scope: (r.scope as string | null) ?? null,
        serviceTier: String(r.service_tier),
        batch: Boolean(r.batch),
        longContext: Boolean(r.long_context),
        batchTagged: Boolean(r.batch_tagged),
        hour: r.hour === null || r.hour === undefined ? null : Number(r.hour),
        uncachedInput: String(r.uncached_input),
        cacheRead: String(r.cache_read),
        cacheWrite5m: String(r.cache_write_5m),
        cacheWrite1h: String(r.cache_write_1h),
        output: String(r.output),
        requests: String(r.requests),
        costMicros: String(r.cost),
        listMicros: String(r.list),
        unpriced: Number(r.unpriced),
        records: Number(r.records),
        days: Number(r.days),
        firstDay: String(r.first_day),
        lastDay: String(r.last_day),
      }));
    },

    /**
     * Usage by where it came from (project, workspace or API key, else none) and model, all time,
     * with first and last day seen and the counted cost in the range: finds keys and projects that
     * went quiet, and spend no rule attributes.
     */
    async activity(orgId: string, range: DayRange = {}): Promise<UsageActivity[]> {
      const params: unknown[] = [orgId, REPORTING_CURRENCY];
      const inRange: string[] = [];
      if (range.from) {
        params.push(range.from);
        inRange.push(`c.day >= $${params.length}`);
      }
      if (range.to) {
        params.push(range.to);
        inRange.push(`c.day <= $${params.length}`);
      }
      const filter = inRange.length ? `filter (where ${inRange.join(" and ")})` : "";
      const rows = (
        await db.query<Record<string, unknown>>(
          `${countedSql("")}
           select c.provider,
             case when c.api_key_hash is not null then 'api_key' when c.project_id is not null then 'project' when c.workspace_id is not null then 'workspace' else 'none' end as field,
             coalesce(c.api_key_hash, c.project_id, c.workspace_id) as value, c.model, sr.system_id,
             to_char(min(c.day), 'YYYY-MM-DD') as first_day, to_char(max(c.day), 'YYYY-MM-DD') as last_day,
             coalesce(round(sum(c.cost) ${filter}), 0)::text as cost
           from counted c
           left join spend_rules sr on sr.org_id = c.org_id and sr.id = c.sys_rule
           where c.counted
           group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4`,
          params,
        )
      ).rows;
      return rows.map((r) => ({
        provider: String(r.provider),
        field: r.field as UsageActivity["field"],
        value: (r.value as string | null) ?? null,
        model: String(r.model),
        systemId: (r.system_id as string | null) ?? null,
        firstDay: String(r.first_day),
        lastDay: String(r.last_day),
        costMicros: String(r.cost),
      }));
    },

    /** The first and last day with counted usage in the reporting currency, or null when there is none. */
    async dataSpan(orgId: string): Promise<{ first: string; last: string } | null> {
      const r = (
        await db.query<{ first: string | null; last: string | null }>(
          "select to_char(min(day), 'YYYY-MM-DD') as first, to_char(max(day), 'YYYY-MM-DD') as last from usage_records where org_id = $1 and currency = $2",
          [orgId, REPORTING_CURRENCY],
        )
      ).rows[0];
      return r?.first && r.last ? { first: r.first, last: r.last } : null;
    },

    /** Spend each rule attributes (as first match for its system or team), all time. */
    async ruleMatches(orgId: string): Promise<Map<string, string>> {
      const rows = (
        await db.query<{ id: string; cost: string }>(
          `${countedSql("")}
           select r.id, coalesce(round(sum(c.cost)), 0)::text as cost
           from spend_rules r
           left join counted c on c.sys_rule = r.id or c.team_rule = r.id
           where r.org_id = $1 group by r.id`,
          [orgId, REPORTING_CURRENCY],
        )
      ).rows;
      return new Map(rows.map((r) => [String(r.id), r.cost]));
    },
  };
}
