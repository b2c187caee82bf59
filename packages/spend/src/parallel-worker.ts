/**
 * A worker thread of {@link parseInParallel}: parses pieces of one file with the file's importer
 * and answers each with its records as wire JSON and a tally per day (see parallel.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { toWireRecord } from "@caio/core";
import { parseInBatches } from "./importer.js";
import { IMPORTERS } from "./importers/index.js";
import { textInput, utf8Error } from "./input.js";
import type { DayTally, ParsedPiece, WorkerAnswer, WorkerSetup } from "./parallel.js";
import { createPricer } from "./pricing.js";
import { negotiatedHook } from "./rates.js";

const setup = workerData as WorkerSetup;
const importer = IMPORTERS.find((i) => i.source === setup.source);
const pricer = createPricer({ negotiated: negotiatedHook(setup.rates) });
const port = parentPort;
const SLICE = 64 * 1024;

interface Task {
  id: number;
  bytes: ArrayBuffer;
  length: number;
  firstLine: number;
}

async function parsePiece(task: Task): Promise<{ piece: ParsedPiece; blank: boolean }> {
  if (!importer) throw new Error(`no importer for ${setup.source}`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(task.bytes, 0, task.length));
  } catch (e) {
    throw utf8Error(setup.fileName, e);
  }
  const days = new Map<string, { records: number; input: number; output: number; cost: bigint }>();
  const batches: ParsedPiece["batches"] = [];
  let records = 0;
  const blank = text.trim() === "";
  if (!blank) {
    const input = textInput(
      setup.fileName,
      setup.container,
      // In slices of the size a file is read in: rows (and records) then come in small batches
      // that die young, rather than one batch per piece that outlives the young generation.
      async function* () {
        for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
      },
      { firstLine: task.firstLine, header: setup.header },
    );
    // Each parse batch is serialized as it comes (its records then die young); the texts are
    // joined into upload batches of up to `batchRecords` records.
    let parts: string[] = [];
    let partCount = 0;
    const close = () => {
      if (partCount > 0) batches.push({ json: `[${parts.join(",")}]`, count: partCount });
      parts = [];
      partCount = 0;
    };
    for await (const batch of parseInBatches(importer, input, { fileName: setup.fileName, pricer })) {
      for (const r of batch) {
        let d = days.get(r.day);
        if (d === undefined) {
          d = { records: 0, input: 0, output: 0, cost: 0n };
          days.set(r.day, d);
        }
        d.records++;
        d.input += r.uncachedInput + r.cacheRead + r.cacheWrite5m + r.cacheWrite1h;
        d.output += r.output;
        d.cost += r.billedCostMicros ?? r.listCostMicros ?? 0n;
      }
      records += batch.length;
      if (!setup.serialize) continue;
      for (let i = 0; i < batch.length; ) {
        const take = Math.min(batch.length - i, setup.batchRecords - partCount);
        const json = JSON.stringify((i === 0 && take === batch.length ? batch : batch.slice(i, i + take)).map(toWireRecord));
        parts.push(json.slice(1, -1));
        partCount += take;
        i += take;
        if (partCount >= setup.batchRecords) close();
      }
    }
    close();
  }
  const tally: DayTally[] = [...days].map(([day, d]) => ({
    day,
    records: d.records,
    inputTokens: d.input,
    outputTokens: d.output,
    costMicros: d.cost.toString(),
  }));
  return { piece: { bytes: task.length, records, batches, days: tally }, blank };
}

function describe(e: unknown): Extract<WorkerAnswer, { ok: false }>["error"] {
  if (e instanceof Error && e.name === "SpendImportError") {
    const s = e as Error & { file: string; line?: number; record?: string; field?: string; reason: string };
    return { file: s.file, line: s.line, record: s.record, field: s.field, reason: s.reason, message: s.message };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

// One piece at a time, in the order given.
let chain = Promise.resolve();
port?.on("message", (task: Task) => {
  chain = chain.then(async () => {
    let answer: WorkerAnswer;
    try {
      answer = { id: task.id, ok: true, ...(await parsePiece(task)) };
    } catch (e) {
      answer = { id: task.id, ok: false, error: describe(e) };
    }
    port.postMessage(answer);
  });
});
