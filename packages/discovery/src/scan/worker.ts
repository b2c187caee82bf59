import { parentPort, workerData } from "node:worker_threads";
import { createFingerprinter } from "./fingerprint.js";
import { type FileTask, processFile } from "./process-file.js";
import { FileReader } from "./read-file.js";

/** Worker entry: processes batches of files sent by {@link ScanWorkerPool} and answers with their outcomes. */
const { secretKey } = workerData as { secretKey: Uint8Array };
const context = { fingerprint: createFingerprinter(Buffer.from(secretKey)) };
const reader = new FileReader();

parentPort?.on("message", (message: { id: number; tasks: FileTask[] }) => {
  const outcomes = message.tasks.map((task) => processFile(task, reader, context));
  parentPort?.postMessage({ id: message.id, outcomes });
});
