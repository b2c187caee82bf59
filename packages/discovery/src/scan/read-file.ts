import { closeSync, openSync, readSync } from "node:fs";

/** Bytes sniffed for a NUL byte to tell binary from text. */
export const SNIFF_BYTES = 8192;

/** Why a file was not read as text. */
export type ReadOutcome = { kind: "text"; bytes: Buffer } | { kind: "too-large" } | { kind: "binary" } | { kind: "unreadable" };

/**
 * Reads files into one reusable buffer (memory stays flat): a file larger than the limit is not
 * read past the limit, and a file with a NUL byte in its first 8 KiB is binary. The returned bytes
 * are a view that the next call overwrites.
 */
export class FileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(path: string, limit: number): ReadOutcome {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      return { kind: "unreadable" };
    }
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          if (length > limit) break;
          const grown = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, limit + 1));
          this.buffer.copy(grown, 0, 0, length);
          this.buffer = grown;
        }
        const wanted = this.buffer.length - length;
        const n = readSync(fd, this.buffer, length, wanted, null);
        length += n;
        // A short read of a regular file means end of file: no extra read to see 0 bytes.
        if (n === 0 || n < wanted || length > limit) break;
      }
      if (length > limit) return { kind: "too-large" };
      const bytes = this.buffer.subarray(0, length);
      if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: "binary" };
      return { kind: "text", bytes };
    } catch {
      return { kind: "unreadable" };
    } finally {
      closeSync(fd);
    }
  }
}
