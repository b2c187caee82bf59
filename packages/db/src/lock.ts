import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/** The embedded database allows one process at a time; a second one would corrupt it. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly pid: number,
    readonly holder: string,
  ) {
    super(
      `the embedded database is in use by another caio process (pid ${pid}${holder ? `, ${holder}` : ""}). ` +
        "Stop it first, or talk to the running server with --server URL and CAIO_TOKEN.",
    );
    this.name = "DatabaseBusyError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data directory's lock file; a lock left by a dead process is taken over. */
export function lockDataDir(dir: string, holder: string): () => void {
  const path = join(dir, "caio.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, holder }));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let info: { pid?: number; holder?: string } = {};
      try {
        info = JSON.parse(readFileSync(path, "utf8")) as typeof info;
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (typeof info.pid === "number" && info.pid !== process.pid && alive(info.pid)) throw new DatabaseBusyError(info.pid, info.holder ?? "");
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${path}`);
}
