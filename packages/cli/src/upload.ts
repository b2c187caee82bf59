import { type ImportSession, type ImportSummary, type SpendSource, toWireRecord, type UsageRecord } from "@caio/core";
import { type ApiClient, RawJson } from "./client.js";
import { enc } from "./session.js";

/** What is being uploaded: one file or one API pull, stored all or nothing. */
export interface UploadFile {
  source: SpendSource;
  /** Shown in the import history, e.g. the file name or `openai usage API 2026-11-01…2026-11-23`. */
  fileName: string;
  /** SHA-256 of the file's bytes, or of the pulled pages; a function when it is known only after reading. */
  fileSha256: string | (() => string);
}

/** Records already serialized as a JSON array of wire records (`toWireRecord`), and how many. */
export interface SerializedBatch {
  json: string;
  count: number;
}

function isSerialized(item: unknown): item is SerializedBatch {
  return typeof (item as SerializedBatch).json === "string" && !Array.isArray(item);
}

/** Records per staged batch: large enough to amortize a request, small enough to keep memory flat. */
export const UPLOAD_BATCH = 20_000;

/**
 * Stores a stream of records as one import, all or nothing, with flat memory: records are sent
 * in batches to a staged import which is committed at the end. If the stream throws (a malformed
 * row), the staged import is dropped, nothing is stored, and the error is rethrown.
 * `records` may come one by one, in batches (as `parseInBatches` gives them, which saves an
 * async step per record on large files), or as batches already serialized (parsed in worker
 * threads, at most 50,000 records each). `onProgress` is called with the number of records sent.
 */
export async function uploadRecords(
  client: ApiClient,
  org: string,
  file: UploadFile,
  records: AsyncIterable<UsageRecord | readonly UsageRecord[] | SerializedBatch>,
  onProgress?: (sent: number) => void,
): Promise<ImportSummary> {
  const base = `/orgs/${enc(org)}/import-sessions`;
  const session = await client.request<ImportSession>("POST", base, { source: file.source, fileName: file.fileName });
  let batch: ReturnType<typeof toWireRecord>[] = [];
  let sent = 0;
  // One batch is stored while the next is read: the database's work overlaps the parsing. Batches
  // still go one at a time and in order.
  let inFlight: Promise<void> | undefined;
  const send = async (body: unknown, count: number) => {
    await inFlight;
    inFlight = client.request("POST", `${base}/${session.id}/records`, body).then(() => {
      sent += count;
      onProgress?.(sent);
    });
    // A failure is raised by the next flush or at the end; until then it must not count as unhandled.
    inFlight.catch(() => undefined);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const sending = batch;
    batch = [];
    await send({ records: sending }, sending.length);
  };
  try {
    for await (const item of records) {
      if (isSerialized(item)) {
        await flush();
        if (item.count > 0) await send(new RawJson(`{"records":${item.json}}`), item.count);
      } else if (Array.isArray(item)) {
        for (const r of item as readonly UsageRecord[]) {
          batch.push(toWireRecord(r));
          if (batch.length >= UPLOAD_BATCH) await flush();
        }
      } else {
        batch.push(toWireRecord(item as UsageRecord));
        if (batch.length >= UPLOAD_BATCH) await flush();
      }
    }
    await flush();
    await inFlight;
    const sha = typeof file.fileSha256 === "function" ? file.fileSha256() : file.fileSha256;
    return await client.request<ImportSummary>("POST", `${base}/${session.id}/commit`, { fileSha256: sha });
  } catch (e) {
    // The batch being stored finishes (or fails) before the staged import is dropped.
    await inFlight?.catch(() => undefined);
    await client.request("DELETE", `${base}/${session.id}`).catch(() => undefined);
    throw e;
  }
}
