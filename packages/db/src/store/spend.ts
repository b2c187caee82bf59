import type { UsageRecord } from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import type { Actor, StoreContext } from "./context.js";

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

export const ROLLUP_DIMENSIONS = ["provider", "model", "month", "day", "source", "project", "workspace"] as const;
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
] as const;
const BATCH = 500;

function values(orgId: string, importId: string, r: UsageRecord): unknown[] {
  return [
    orgId,
    r.recordKey,
    importId,
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
  ];
}

/** Inserts records in batches; returns the keys that were new. */
export async function insertUsageRecords(tx: Queryable, orgId: string, importId: string, records: readonly UsageRecord[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < records.length; i += BATCH) {
    for (const k of await insertBatch(tx, orgId, importId, records.slice(i, i + BATCH))) fresh.add(k);
  }
  return fresh;
}

/** Inserts a batch; returns the keys that were new (a record already stored is a duplicate, not an update). */
async function insertBatch(tx: Queryable, orgId: string, importId: string, batch: readonly UsageRecord[]): Promise<string[]> {
  const params: unknown[] = [];
  const rows = batch.map((r) => {
    const v = values(orgId, importId, r);
    const placeholders = v.map((_, i) => `$${params.length + i + 1}`);
    params.push(...v);
    return `(${placeholders.join(",")})`;
  });
  const res = await tx.query<{ record_key: string }>(
    `insert into usage_records (${COLUMNS.join(",")}) values ${rows.join(",")} on conflict (org_id, record_key) do nothing returning record_key`,
    params,
  );
  return res.rows.map((r) => r.record_key);
}

const DIMENSION_SQL: Record<RollupDimension, string> = {
  provider: "provider",
  model: "model",
  month: "to_char(day, 'YYYY-MM')",
  day: "to_char(day, 'YYYY-MM-DD')",
  source: "source",
  project: "coalesce(project_id, '(none)')",
  workspace: "coalesce(workspace_id, '(none)')",
};

export function spendRepo(ctx: StoreContext) {
  const { db } = ctx;
  return {
    /**
     * Stores one file's records in one transaction: all or nothing. Records already stored (same
     * organization and record key) are counted as duplicates and left unchanged, so re-importing a
     * file, or two exports that overlap, never double counts.
     */
    async importRecords(orgId: string, file: ImportFile, records: readonly UsageRecord[], actor: Actor): Promise<ImportSummary> {
      return db.transaction(async (tx) => {
        const importId = ctx.newId();
        const at = ctx.now();
        await tx.query(
          `insert into usage_imports (id, org_id, source, file_name, file_sha256, records_read, records_imported, records_duplicate, cost_micros, actor, imported_at)
           values ($1,$2,$3,$4,$5,$6,0,0,0,$7,$8)`,
          [importId, orgId, file.source, file.fileName, file.fileSha256, records.length, actor.label, at],
        );
        const fresh = await insertUsageRecords(tx, orgId, importId, records);
        let cost = 0n;
        let dayFrom: string | null = null;
        let dayTo: string | null = null;
        for (const r of records) {
          if (!fresh.has(r.recordKey)) continue;
          cost += r.billedCostMicros ?? r.listCostMicros ?? 0n;
          if (!dayFrom || r.day < dayFrom) dayFrom = r.day;
          if (!dayTo || r.day > dayTo) dayTo = r.day;
        }
        const summary: ImportSummary = {
          importId,
          source: file.source,
          fileName: file.fileName,
          recordsRead: records.length,
          imported: fresh.size,
          duplicates: records.length - fresh.size,
          dayFrom,
          dayTo,
          costMicros: cost.toString(),
        };
        await tx.query(
          "update usage_imports set records_imported = $3, records_duplicate = $4, day_from = $5, day_to = $6, cost_micros = $7 where org_id = $1 and id = $2",
          [orgId, importId, summary.imported, summary.duplicates, dayFrom, dayTo, summary.costMicros],
        );
        await recordChange(tx, orgId, actor, at, {
          entityType: "usage-import",
          entityId: importId,
          entityLabel: `${file.source} import of ${file.fileName}`,
          action: "create",
          before: null,
          after: { ...summary, fileSha256: file.fileSha256 },
        });
        return summary;
      });
    },

    /** Spend grouped by one dimension over an optional day range, largest first. Sums are exact (numeric). */
    async rollup(orgId: string, by: RollupDimension, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<RollupRow[]> {
      const params: unknown[] = [orgId];
      let where = "org_id = $1";
      if (range.from) {
        params.push(range.from);
        where += ` and day >= $${params.length}`;
      }
      if (range.to) {
        params.push(range.to);
        where += ` and day <= $${params.length}`;
      }
      const key = DIMENSION_SQL[by];
      const rows = (
        await db.query<{ key: string; cost: string; billed: string; list: string; input: string; output: string; requests: string; records: string }>(
          `select ${key} as key,
             sum(coalesce(billed_cost_micros, list_cost_micros, 0))::text as cost,
             coalesce(sum(billed_cost_micros), 0)::text as billed,
             coalesce(sum(list_cost_micros), 0)::text as list,
             sum(uncached_input + cache_read + cache_write_5m + cache_write_1h)::text as input,
             sum(output)::text as output,
             sum(requests)::text as requests,
             count(*) as records
           from usage_records where ${where} group by 1 order by sum(coalesce(billed_cost_micros, list_cost_micros, 0)) desc, 1`,
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
  };
}
