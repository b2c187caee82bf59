// Human-readable output: one block per repository, aligned columns, a summary line.
import type { Finding, RepositoryScan, ScanResult } from "@caio/core";
import { countByKind, locationText, shortFingerprint, sortedFindings } from "./common.js";

/** Options for {@link toTable}. */
export interface TableOptions {
  /** Colour with ANSI escapes (for a terminal). Default false: plain text. */
  color?: boolean;
  /** Maximum line width; wide columns (name, location, id) are shortened with "…" to fit. Default: no limit. */
  width?: number;
}

const HEADERS = ["KIND", "ID", "NAME", "PROVIDER", "CONFIDENCE", "SCOPE", "LOCATION"] as const;
/** Minimum widths of the columns that give up width when a line is too long (id, name, provider, location). */
const SHRINKABLE = new Map<number, number>([
  [1, 10],
  [2, 10],
  [3, 8],
  [6, 14],
]);
const INDENT = "  ";
const GAP = "  ";

const ANSI = { bold: "\u001b[1m", dim: "\u001b[2m", red: "\u001b[31m", cyan: "\u001b[36m", reset: "\u001b[0m" };

/** Replaces control characters (terminal escapes, newlines) from scanned paths and names by "?". */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

function len(text: string): number {
  return Array.from(text).length;
}

function fit(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

function row(f: Finding): string[] {
  return [f.kind, f.id, f.name, f.provider ?? "-", f.confidence, f.scope, locationText(f)].map(clean);
}

function columnWidths(rows: string[][], maxWidth: number | undefined): number[] {
  const widths = HEADERS.map((h, i) => rows.reduce((w, r) => Math.max(w, len(r[i] ?? "")), h.length));
  if (maxWidth === undefined) return widths;
  const total = INDENT.length + widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  // Take one character at a time from the widest shrinkable column still above its minimum.
  for (let over = total - maxWidth; over > 0; over--) {
    let widest = -1;
    for (const [i, min] of SHRINKABLE) if ((widths[i] ?? 0) > min && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `${code}${text}${ANSI.reset}` : text;
}

function truncateLine(line: string, width: number | undefined): string {
  if (width === undefined || len(line) <= width) return line;
  return `${Array.from(line)
    .slice(0, Math.max(0, width - 1))
    .join("")}…`;
}

function summary(repo: RepositoryScan): string {
  const kinds = countByKind(repo.findings).map(([k, n]) => `${n} ${k}`);
  const runtime = repo.findings.filter((f) => f.scope === "runtime" && f.kind !== "secret" && f.kind !== "dev-tool").length;
  const findings = repo.findings.length === 1 ? "1 finding" : `${repo.findings.length} findings`;
  const skipped = repo.filesSkipped > 0 ? ` (${repo.filesSkipped} skipped)` : "";
  return `${repo.filesScanned} files scanned${skipped} · ${findings}${kinds.length ? ` (${kinds.join(", ")})` : ""} · ${runtime} runtime`;
}

/** `secret  openai project-key  src/a.ts:3  fingerprint 1a2b…`: never the id (it holds the full fingerprint) nor any detail. */
function secretLine(f: Finding): string {
  const what = f.secret ? `${f.secret.provider} ${f.secret.keyKind}` : (f.provider ?? "unknown");
  const fp = f.secret ? `${GAP}fingerprint ${shortFingerprint(f.secret.fingerprint)}` : "";
  return `${INDENT}secret${GAP}${clean(what)}${GAP}${clean(locationText(f))}${fp}`;
}

function repositoryBlock(repo: RepositoryScan, opts: TableOptions): string[] {
  const color = opts.color === true;
  const lines = [paint(truncateLine(clean(repo.name), opts.width), ANSI.bold, color)];
  const findings = sortedFindings(repo.findings);
  const inventory = findings.filter((f) => f.kind !== "secret");
  const secrets = findings.filter((f) => f.kind === "secret");
  if (findings.length === 0) lines.push(`${INDENT}no AI usage found`);
  if (inventory.length > 0) {
    const rows = inventory.map(row);
    const widths = columnWidths(rows, opts.width);
    const format = (cells: readonly string[]) =>
      cells
        .map((c, i) => fit(c, widths[i] ?? 0))
        .join(GAP)
        .trimEnd();
    lines.push(paint(truncateLine(INDENT + format(HEADERS), opts.width), ANSI.dim, color));
    inventory.forEach((f, i) => {
      const text = truncateLine(INDENT + format(rows[i] ?? []), opts.width);
      lines.push(f.scope === "runtime" ? text : paint(text, ANSI.dim, color));
    });
  }
  for (const f of secrets) lines.push(paint(truncateLine(secretLine(f), opts.width), ANSI.red, color));
  lines.push(paint(truncateLine(INDENT + summary(repo), opts.width), ANSI.cyan, color));
  return lines;
}

/**
 * Renders a scan result as plain text: per repository a table of findings (kind, id, name,
 * provider, confidence, scope, first location and how many more), secrets as one line each with
 * provider, key kind, location and a short fingerprint prefix only, and a summary line (files
 * scanned, findings by kind, runtime findings). Control characters in scanned names are replaced,
 * so a hostile file name cannot drive the terminal.
 */
export function toTable(result: ScanResult, opts: TableOptions = {}): string {
  if (result.repositories.length === 0) return "no repositories scanned\n";
  const blocks = result.repositories.map((repo) => repositoryBlock(repo, opts).join("\n"));
  return `${blocks.join("\n\n")}\n`;
}
