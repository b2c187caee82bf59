import { createHash } from "node:crypto";
import { type BoardReport, type ReportFormat, type ReportSnapshot, type ReportSnapshotDetail, type ReportsExport, ValidationError } from "@caio/core";
import { digestOf } from "@caio/core/node";
import type { Queryable } from "../driver.js";
import { recordChange } from "./audit.js";
import { type Actor, iso, pgCode, type StoreContext } from "./context.js";

/** A rendered board pack to store. */
export interface ReportSnapshotInput {
  quarter: string;
  format: ReportFormat;
  title: string;
  mediaType: string;
  content: Uint8Array;
  /** The model the bytes were rendered from. */
  model: BoardReport;
}

interface SnapshotRow {
  id: string;
  quarter: string;
  format: ReportFormat;
  title: string;
  media_type: string;
  sha256: string;
  bytes: number | string;
  created_by: string;
  created_at: Date | string;
}

const COLUMNS = "id, quarter, format, title, media_type, sha256, bytes, created_by, created_at";

function snapshotOf(r: SnapshotRow): ReportSnapshot {
  return {
    id: r.id,
    quarter: r.quarter,
    format: r.format,
    title: r.title,
    mediaType: r.media_type,
    bytes: Number(r.bytes),
    sha256: r.sha256,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
}

/** bytea comes back as a Uint8Array (PGlite) or a Buffer (node-postgres). */
function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === "string" && v.startsWith("\\x")) return new Uint8Array(Buffer.from(v.slice(2), "hex"));
  throw new TypeError("report content is not binary");
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** What the audit ledger records about a snapshot (its after-digest covers exactly this). */
export function reportLedgerRecord(s: Pick<ReportSnapshot, "id" | "quarter" | "format" | "bytes" | "sha256">) {
  return { event: "report.generated", id: s.id, quarter: s.quarter, format: s.format, bytes: s.bytes, sha256: s.sha256 };
}

/** The ledger entry's label; it carries the digest so the ledger itself says which bytes were generated. */
export function reportLedgerLabel(s: Pick<ReportSnapshot, "quarter" | "format" | "sha256">): string {
  return `Board pack ${s.quarter} (${s.format.toUpperCase()}) · sha256:${s.sha256}`;
}

/** The report.generated entry of a snapshot: the SHA-256 its label carries and whether its after-digest matches the snapshot. */
async function ledgerEntry(q: Queryable, orgId: string, s: ReportSnapshot): Promise<{ sha256: string | null; matches: boolean }> {
  const row = (
    await q.query<{ entity_label: string; after_digest: string | null }>(
      "select entity_label, after_digest from audit_entries where org_id = $1 and entity_type = 'report' and entity_id = $2 and action = 'create' order by seq limit 1",
      [orgId, s.id],
    )
  ).rows[0];
  if (!row) return { sha256: null, matches: false };
  const sha256 = /sha256:([0-9a-f]{64})$/.exec(row.entity_label)?.[1] ?? null;
  return { sha256, matches: row.after_digest === digestOf(reportLedgerRecord(s)) };
}

/**
 * Stored board packs: immutable snapshots of the exact bytes a reader got, with their SHA-256,
 * written to the audit ledger ("report.generated") in the same transaction.
 */
export function reportsRepo(ctx: StoreContext) {
  const { db } = ctx;

  async function getContent(orgId: string, id: string): Promise<{ snapshot: ReportSnapshot; content: Uint8Array } | null> {
    const row = (
      await db.query<SnapshotRow & { content: unknown }>(`select ${COLUMNS}, content from report_snapshots where org_id = $1 and id = $2`, [orgId, id])
    ).rows[0];
    return row ? { snapshot: snapshotOf(row), content: bytesOf(row.content) } : null;
  }

  return {
    /** Stores a rendered pack and records its digest in the audit ledger, in one transaction. */
    async create(orgId: string, input: ReportSnapshotInput, actor: Actor): Promise<ReportSnapshot> {
      const snapshot: ReportSnapshot = {
        id: ctx.newId(),
        quarter: input.quarter,
        format: input.format,
        title: input.title,
        mediaType: input.mediaType,
        bytes: input.content.byteLength,
        sha256: sha256Hex(input.content),
        createdBy: actor.label,
        createdAt: ctx.now(),
      };
      await db.transaction(async (tx) => {
        await insertSnapshot(tx, orgId, {
          ...snapshot,
          content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
          model: input.model,
        });
        await recordChange(tx, orgId, actor, snapshot.createdAt, {
          entityType: "report",
          entityId: snapshot.id,
          entityLabel: reportLedgerLabel(snapshot),
          action: "create",
          before: null,
          after: reportLedgerRecord(snapshot),
        });
      });
      return snapshot;
    },

    /** Every stored pack, newest first (without the bytes). */
    async list(orgId: string): Promise<ReportSnapshot[]> {
      return (await db.query<SnapshotRow>(`select ${COLUMNS} from report_snapshots where org_id = $1 order by created_at desc, id desc`, [orgId])).rows.map(
        snapshotOf,
      );
    },

    /**
     * One pack with its verification: verified when the SHA-256 of the stored bytes equals the
     * snapshot's, and the audit ledger's entry for it records the same digest.
     */
    async get(orgId: string, id: string): Promise<ReportSnapshotDetail | null> {
      const found = await getContent(orgId, id);
      if (!found) return null;
      const { snapshot, content } = found;
      const ledger = await ledgerEntry(db, orgId, snapshot);
      const actual = sha256Hex(content);
      const verified = actual === snapshot.sha256 && content.byteLength === snapshot.bytes && ledger.sha256 === snapshot.sha256 && ledger.matches;
      return { ...snapshot, verified, ledgerSha256: ledger.sha256 };
    },

    /** The exact stored bytes of a pack with its metadata. */
    getContent,

    /** The model a pack was rendered from. */
    async model(orgId: string, id: string): Promise<BoardReport | null> {
      const row = (await db.query<{ model: unknown }>("select model from report_snapshots where org_id = $1 and id = $2", [orgId, id])).rows[0];
      if (!row) return null;
      return (typeof row.model === "string" ? JSON.parse(row.model) : row.model) as BoardReport;
    },
  };
}

/** Every snapshot with its bytes (base64) and model, oldest first, for export. */
export async function exportReports(q: Queryable, orgId: string): Promise<ReportsExport> {
  const rows = (
    await q.query<SnapshotRow & { content: unknown; model: unknown }>(
      `select ${COLUMNS}, content, model from report_snapshots where org_id = $1 order by created_at, id`,
      [orgId],
    )
  ).rows;
  return {
    snapshots: rows.map((r) => ({
      ...snapshotOf(r),
      contentBase64: Buffer.from(bytesOf(r.content)).toString("base64"),
      model: typeof r.model === "string" ? JSON.parse(r.model) : r.model,
    })),
  };
}

/** One snapshot row; the database checks `sha256` and `bytes` against `content`. */
function insertSnapshot(
  tx: Queryable,
  orgId: string,
  r: {
    id: string;
    quarter: string;
    format: string;
    title: string;
    mediaType: string;
    content: Buffer;
    sha256: string;
    bytes: number;
    model: unknown;
    createdBy: string;
    createdAt: string;
  },
) {
  return tx.query(
    `insert into report_snapshots (id, org_id, quarter, format, title, media_type, content, sha256, bytes, model, created_by, created_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [r.id, orgId, r.quarter, r.format, r.title, r.mediaType, r.content, r.sha256, r.bytes, JSON.stringify(r.model), r.createdBy, r.createdAt],
  );
}

/** Restores snapshots byte for byte (the database checks each digest against its bytes). */
export async function restoreReports(tx: Queryable, orgId: string, x: ReportsExport): Promise<void> {
  for (const s of x.snapshots) {
    await insertSnapshot(tx, orgId, { ...s, content: Buffer.from(s.contentBase64, "base64"), model: s.model ?? null }).catch((e: unknown) => {
      if (pgCode(e) === "23514")
        throw new ValidationError(`board pack ${s.id} does not match its digest or size`, [
          { path: "reports.snapshots", message: `the content of ${s.id} does not hash to its sha256 or has another size` },
        ]);
      throw e;
    });
  }
}
