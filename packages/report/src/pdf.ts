/**
 * Prints the HTML board pack to PDF with headless Chromium, spawned as a process (no browser
 * library). The executable comes from the caller, then CAIO_CHROMIUM, then CHROMIUM_PATH, then
 * the usual install locations. Runs in a fresh temporary profile, which is always removed.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CaioError } from "@caio/core";

/** Where Chromium is usually installed (Debian and Ubuntu packages, Google Chrome). */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const PDF_TIMEOUT_MS = 60_000;

export const CHROMIUM_MISSING =
  'PDF needs Chromium, which was not found: install the "chromium" package (Debian/Ubuntu: apt-get install chromium) or set CAIO_CHROMIUM to its path';

export interface PdfOptions {
  chromiumPath?: string;
  /** For tests; default {@link PDF_TIMEOUT_MS}. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

function missing(cause?: unknown): CaioError {
  return new CaioError("unavailable", CHROMIUM_MISSING, cause === undefined ? undefined : { cause });
}

/** The Chromium to run, or a CaioError naming the package to install. */
export function findChromium(opts: PdfOptions = {}): string {
  const env = opts.env ?? process.env;
  const chosen = opts.chromiumPath || env.CAIO_CHROMIUM || env.CHROMIUM_PATH;
  if (chosen) {
    if (!isExecutable(chosen)) throw missing();
    return chosen;
  }
  const found = CANDIDATES.find((p) => isExecutable(p));
  if (!found) throw missing();
  return found;
}

function isExecutable(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function lastLines(text: string, n: number): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .slice(-n)
    .join("\n");
}

/** Prints `html` to PDF bytes. */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const executable = findChromium(opts);
  const dir = await mkdtemp(join(tmpdir(), "caio-pdf-"));
  try {
    const input = join(dir, "board-pack.html");
    const output = join(dir, "board-pack.pdf");
    await writeFile(input, html, "utf8");
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-pdf-header-footer",
      `--user-data-dir=${join(dir, "profile")}`,
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ];
    await run(executable, args, opts.timeoutMs ?? PDF_TIMEOUT_MS);
    let bytes: Buffer;
    try {
      bytes = await readFile(output);
    } catch (e) {
      throw new CaioError("internal", "Chromium exited without writing the PDF", { cause: e });
    }
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new CaioError("internal", "Chromium wrote a file that is not a PDF");
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
}

function run(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    let settled = false;
    const child = spawn(executable, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    // Chromium starts helper processes in its own process group; on timeout, end the whole group.
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      finish(new CaioError("internal", `Chromium did not finish printing the PDF within ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_384);
    });
    child.on("error", (e) => finish(missing(e)));
    child.on("close", (code, signal) => {
      if (code === 0) return finish();
      const tail = lastLines(stderr, 5);
      const how = code === null ? `was stopped by ${signal ?? "a signal"}` : `exited with code ${code}`;
      finish(new CaioError("internal", `Chromium failed to print the PDF: it ${how}${tail ? `. Its last messages:\n${tail}` : ""}`));
    });
  });
}
