import { randomBytes } from "node:crypto";
import {
  type Finding,
  type FindingListQuery,
  type MatchableComponent,
  matchComponent,
  type RepositorySummary,
  type ScanStored,
  type ScanUpload,
  SHADOW_KINDS,
  type StoredFinding,
} from "@caio/core";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, isoOrNull, type StoreContext } from "./context.js";

interface FindingRow {
  id: string;
  repository: string;
  kind: Finding["kind"];
  finding_key: string;
  name: string;
  provider: string | null;
  ecosystem: Finding["ecosystem"];
  package_version: string | null;
  packages: Finding["packages"] | string | null;
  endpoint: string | null;
  confidence: Finding["confidence"];
  scope: Finding["scope"];
  secret_provider: string | null;
  secret_key_kind: string | null;
  secret_fingerprint: string | null;
  evidence: Finding["evidence"] | string;
  occurrences: number;
  status: "open" | "gone";
  first_seen_at: Date;
  last_seen_at: Date;
}

interface Inventory {
  components: (MatchableComponent & { systems: string[] })[];
}

async function loadInventory(q: Queryable, orgId: string): Promise<Inventory> {
  const rows = (
    await q.query<{ id: string; name: string; kind: string; provider: string; identifier: string; systems: string[] | null }>(
      `select c.id, c.name, c.kind, c.provider, c.identifier,
         (select array_agg(s.name order by s.name) from system_components sc join systems s on s.org_id = sc.org_id and s.id = sc.system_id
           where sc.org_id = c.org_id and sc.component_id = c.id and s.stage <> 'retired') as systems
       from components c where c.org_id = $1 order by c.kind, c.name, c.id`,
      [orgId],
    )
  ).rows;
  // Components that some system uses come first, so a finding matches a registered use when there is one.
  const components = rows.map((r) => ({ ...r, systems: r.systems ?? [] }));
  components.sort((a, b) => Number(b.systems.length > 0) - Number(a.systems.length > 0));
  return { components };
}

function toStored(r: FindingRow, inv: Inventory): StoredFinding {
  const finding = {
    kind: r.kind,
    id: r.finding_key,
    name: r.name,
    provider: r.provider,
    ecosystem: r.ecosystem,
    version: r.package_version,
    ...(r.packages ? { packages: typeof r.packages === "string" ? (JSON.parse(r.packages) as Finding["packages"]) : r.packages } : {}),
    endpoint: r.endpoint,
    confidence: r.confidence,
    scope: r.scope,
    secret:
      r.kind === "secret" && r.secret_provider && r.secret_key_kind && r.secret_fingerprint
        ? { provider: r.secret_provider, keyKind: r.secret_key_kind, fingerprint: r.secret_fingerprint }
        : null,
    evidence: typeof r.evidence === "string" ? (JSON.parse(r.evidence) as Finding["evidence"]) : r.evidence,
    occurrences: r.occurrences,
  };
  const match = matchComponent(finding, inv.components) as (MatchableComponent & { systems: string[] }) | null;
  const systems = match?.systems ?? [];
  return {
    ...finding,
    findingId: r.id,
    repository: r.repository,
    status: r.status,
    componentId: match?.id ?? null,
    componentName: match?.name ?? null,
    systems,
    shadow: r.status === "open" && r.scope === "runtime" && SHADOW_KINDS.includes(r.kind) && systems.length === 0,
    firstSeenAt: iso(r.first_seen_at),
    lastSeenAt: iso(r.last_seen_at),
  };
}

const SELECT = "select f.*, r.name as repository from findings f join repositories r on r.org_id = f.org_id and r.id = f.repository_id";

export function discoveryRepo(ctx: StoreContext) {
  const { db } = ctx;

  async function findings(orgId: string, q: Partial<FindingListQuery> = {}): Promise<StoredFinding[]> {
    const params: unknown[] = [orgId];
    let where = "f.org_id = $1";
    if (q.status) {
      params.push(q.status);
      where += ` and f.status = $${params.length}`;
    }
    if (q.repository) {
      params.push(q.repository);
      where += ` and r.name = $${params.length}`;
    }
    if (q.kind) {
      params.push(q.kind);
      where += ` and f.kind = $${params.length}`;
    }
    if (q.scope) {
      params.push(q.scope);
      where += ` and f.scope = $${params.length}`;
    }
    const rows = (await db.query<FindingRow>(`${SELECT} where ${where} order by r.name, f.kind, f.finding_key, f.scope`, params)).rows;
    const inv = await loadInventory(db, orgId);
    const all = rows.map((r) => toStored(r, inv));
    return q.shadow === undefined ? all : all.filter((f) => f.shadow === (q.shadow === "true"));
  }

  return {
    /** The organization's key for secret fingerprints, created on first use. */
    async fingerprintKey(orgId: string): Promise<string> {
      const existing = (await db.query<{ fingerprint_key: string | null }>("select fingerprint_key from organizations where id = $1", [orgId])).rows[0];
      if (existing?.fingerprint_key) return existing.fingerprint_key;
      const key = randomBytes(32).toString("hex");
      await db.query("update organizations set fingerprint_key = coalesce(fingerprint_key, $2) where id = $1", [orgId, key]);
      const now = (await db.query<{ fingerprint_key: string }>("select fingerprint_key from organizations where id = $1", [orgId])).rows[0];
      return now?.fingerprint_key ?? key;
    },

    /**
     * Stores a scan: per repository, findings seen now are upserted as open, findings of that
     * repository not seen this time become "gone". All repositories in one transaction.
     */
    async recordScan(orgId: string, upload: ScanUpload, actor: Actor): Promise<ScanStored> {
      const out: ScanStored["repositories"] = [];
      await db.transaction(async (tx) => {
        const at = ctx.now();
        for (const repo of upload.repositories) {
          let repoId = (await tx.query<{ id: string }>("select id from repositories where org_id = $1 and name = $2", [orgId, repo.name])).rows[0]?.id;
          if (!repoId) {
            repoId = ctx.newId();
            await tx.query("insert into repositories (id, org_id, name, created_at) values ($1,$2,$3,$4)", [repoId, orgId, repo.name, at]);
          }
          await tx.query("update repositories set last_scan_at = $3 where org_id = $1 and id = $2", [orgId, repoId, upload.finishedAt]);
          const scanId = ctx.newId();
          await tx.query(
            `insert into scans (id, org_id, repository_id, started_at, finished_at, tool_version, files_scanned, bytes_scanned, files_skipped, finding_count, actor)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
            [
              scanId,
              orgId,
              repoId,
              upload.startedAt,
              upload.finishedAt,
              upload.tool.version,
              repo.filesScanned,
              repo.bytesScanned,
              repo.filesSkipped,
              repo.findings.length,
              actor.label,
            ],
          );
          let created = 0;
          for (const f of repo.findings) {
            const r = await tx.query<{ inserted: boolean }>(
              `insert into findings (id, org_id, repository_id, last_scan_id, kind, finding_key, name, provider, ecosystem, package_version, endpoint,
                 confidence, scope, secret_provider, secret_key_kind, secret_fingerprint, evidence, occurrences, status, first_seen_at, last_seen_at, packages)
               values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,'open',$19,$19,$20)
               on conflict (org_id, repository_id, kind, finding_key, scope) do update set
                 last_scan_id = excluded.last_scan_id, name = excluded.name, provider = excluded.provider, ecosystem = excluded.ecosystem,
                 package_version = excluded.package_version, packages = excluded.packages, endpoint = excluded.endpoint, confidence = excluded.confidence,
                 evidence = excluded.evidence, occurrences = excluded.occurrences, status = 'open', last_seen_at = excluded.last_seen_at
               returning (xmax = 0) as inserted`,
              [
                ctx.newId(),
                orgId,
                repoId,
                scanId,
                f.kind,
                f.id,
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
                at,
                f.packages ? JSON.stringify(f.packages) : null,
              ],
            );
            if (r.rows[0]?.inserted) created += 1;
          }
          const gone = await tx.query(
            "update findings set status = 'gone' where org_id = $1 and repository_id = $2 and last_scan_id <> $3 and status = 'open'",
            [orgId, repoId, scanId],
          );
          const summary = { repository: repo.name, scanId, findings: repo.findings.length, new: created, gone: gone.rowCount, filesScanned: repo.filesScanned };
          await recordChange(tx, orgId, actor, at, {
            entityType: "scan",
            entityId: scanId,
            entityLabel: `scan of ${repo.name}`,
            action: "create",
            before: null,
            after: summary,
          });
          out.push({ name: repo.name, scanId, findings: repo.findings.length, new: created, gone: gone.rowCount, shadow: 0 });
        }
      });
      const open = await findings(orgId, { status: "open" });
      for (const r of out) r.shadow = open.filter((f) => f.repository === r.name && f.shadow).length;
      return { repositories: out };
    },

    findings,

    async repositories(orgId: string): Promise<RepositorySummary[]> {
      const repos = (
        await db.query<{ id: string; name: string; last_scan_at: Date | null; files_scanned: number | null }>(
          `select r.id, r.name, r.last_scan_at,
             (select s.files_scanned from scans s where s.org_id = r.org_id and s.repository_id = r.id order by s.finished_at desc limit 1) as files_scanned
           from repositories r where r.org_id = $1 order by r.name`,
          [orgId],
        )
      ).rows;
      const open = await findings(orgId, { status: "open" });
      return repos.map((r) => {
        const mine = open.filter((f) => f.repository === r.name);
        return {
          id: r.id,
          name: r.name,
          lastScanAt: isoOrNull(r.last_scan_at),
          filesScanned: r.files_scanned ?? 0,
          openFindings: mine.length,
          runtimeFindings: mine.filter((f) => f.scope === "runtime").length,
          shadowFindings: mine.filter((f) => f.shadow).length,
          secrets: mine.filter((f) => f.kind === "secret").length,
        };
      });
    },
  };
}
