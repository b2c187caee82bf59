import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileOutcome, FileTask } from "./process-file.js";

interface Pending {
  resolve: (outcomes: FileOutcome[]) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

/** Whether worker threads can be used (the compiled worker script exists; not when running from TypeScript sources). */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * A small pool of worker threads that read and scan batches of files. Each worker holds one file at
 * a time; the number of batches in flight is bounded by the caller.
 */
export class ScanWorkerPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: unknown = null;
  private closing = false;

  constructor(size: number, secretKey: Buffer) {
    this.slots = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_URL, { workerData: { secretKey: new Uint8Array(secretKey) } });
      const slot: Slot = { worker, busy: 0 };
      worker.on("message", (message: { id: number; outcomes: FileOutcome[] }) => {
        slot.busy--;
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.outcomes);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`scan worker exited with code ${code}`));
      });
      return slot;
    });
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** Number of workers. */
  get size(): number {
    return this.slots.length;
  }

  /** Sends a batch to the least busy worker. */
  process(tasks: FileTask[]): Promise<FileOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, tasks });
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
