import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  FIRST_REPORT_YEAR,
  QuarterSchema,
  quarterOfDate,
  quarterRange,
  REPORT_FORMATS,
  ReportFormatSchema,
  type ReportSnapshot,
  type ReportSnapshotDetail,
} from "@caio/core";
import type { Command } from "commander";
import { z } from "zod";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { info, printFields, printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";

const EXTENSIONS = { html: "html", md: "md", pdf: "pdf" } as const;

const today = () => new Date().toISOString().slice(0, 10);

/** `caio report` flags, validated field by field; the message names the flag. */
const ReportFlagsSchema = z.object({
  quarter: QuarterSchema.pipe(
    z
      .string()
      .refine((q) => Number(q.slice(0, 4)) >= FIRST_REPORT_YEAR, `must be ${FIRST_REPORT_YEAR}-Q1 or later`)
      .refine((q) => quarterRange(q).from <= today(), "has not started yet"),
  ).optional(),
  format: ReportFormatSchema.default("html"),
  out: z.string().min(1, "must name a file").optional(),
  json: z.boolean().optional(),
});
type ReportFlags = z.infer<typeof ReportFlagsSchema>;

const FLAG_NAMES: Record<string, string> = { quarter: "--quarter", format: "--format", out: "--out" };

function parseFlags<T extends z.ZodType>(schema: T, opts: unknown): z.infer<T> {
  const r = schema.safeParse(opts);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  const key = String(i?.path[0] ?? "");
  const given = (opts as Record<string, unknown>)[key];
  const message = i?.code === "invalid_value" ? `must be one of ${REPORT_FORMATS.join(", ")}` : (i?.message ?? "is invalid");
  throw new UsageError(`${FLAG_NAMES[key] ?? key}: ${given === undefined ? "" : `"${String(given)}" `}${message}`);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const size = (n: number) => `${n.toLocaleString("en-US")} bytes`;

function writeBytes(path: string, bytes: Uint8Array): string {
  const full = resolve(path);
  try {
    writeFileSync(full, bytes);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return full;
}

/** Finds a snapshot by id or unique id prefix (at least 4 characters). */
async function resolveSnapshot(client: ApiClient, org: string, ref: string): Promise<ReportSnapshot> {
  const id = ref.toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(id)) throw new UsageError(`"${ref}" is not a board pack id (see \`caio reports list\`)`);
  const { items } = await client.request<{ items: ReportSnapshot[] }>("GET", `/orgs/${enc(org)}/reports`);
  const hits = items.filter((s) => s.id.startsWith(id));
  if (hits.length > 1) throw new CliError(`"${ref}" matches ${hits.length} board packs; give more of the id`);
  const hit = hits[0];
  if (!hit) throw new CliError(`no board pack ${ref} in organization ${org} (see \`caio reports list\`)`);
  return hit;
}

/** Downloads a snapshot's bytes and checks them against its digest before anything is written. */
async function fetchBytes(client: ApiClient, org: string, s: ReportSnapshot): Promise<Uint8Array> {
  const { bytes } = await client.download(`/orgs/${enc(org)}/reports/${s.id}/content`);
  const digest = sha256(bytes);
  if (digest !== s.sha256) throw new CliError(`the bytes received for ${s.id} hash to ${digest}, not to the snapshot's ${s.sha256}`);
  return bytes;
}

const reopen = (s: ReportSnapshot) =>
  style.dim(`reopen the exact bytes with \`caio reports show ${s.id} --out FILE\`; check them with \`caio reports verify ${s.id}\``);

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("generate the quarterly board pack (HTML, PDF or Markdown) from live data, store it as an immutable snapshot and write it to a file")
    .option("--quarter <YYYY-Qn>", "the quarter, e.g. 2026-Q4 (default: the current quarter)")
    .option("--format <format>", `${REPORT_FORMATS.join(", ")} (PDF needs Chromium)`, "html")
    .option("--out <file>", "file to write (default ./caio-board-pack-<quarter>.<ext>)")
    .option("--json", "print the snapshot's metadata and the file's path as JSON")
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const opts: ReportFlags = parseFlags(ReportFlagsSchema, raw);
      const quarter = opts.quarter ?? quarterOfDate(today());
      await withOrg(cmd, async (client, org) => {
        if (process.stderr.isTTY)
          info(`generating the ${opts.format.toUpperCase()} board pack for ${quarter}${opts.format === "pdf" ? " (printing with Chromium)" : ""}…`);
        const snapshot = await client.request<ReportSnapshot>("POST", `/orgs/${enc(org)}/reports`, { quarter, format: opts.format });
        const bytes = await fetchBytes(client, org, snapshot);
        const path = writeBytes(opts.out ?? `caio-board-pack-${quarter}.${EXTENSIONS[snapshot.format]}`, bytes);
        if (globals(cmd).json || opts.json) return printJson({ ...snapshot, path });
        process.stdout.write(`wrote ${path}\n`);
        process.stdout.write(`${snapshot.title}: ${snapshot.format.toUpperCase()}, ${size(snapshot.bytes)}\n`);
        process.stdout.write(`sha256 ${snapshot.sha256} (recorded in the audit ledger)\n`);
        process.stdout.write(`${reopen(snapshot)}\n`);
      });
    });

  const reports = program.command("reports").description("stored board packs: list, reopen the exact bytes, verify their digest against the audit ledger");

  reports
    .command("list", { isDefault: true })
    .description("stored board packs, newest first")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: ReportSnapshot[] }>("GET", `/orgs/${enc(org)}/reports`);
        if (globals(cmd).json || opts.json) return printJson(items);
        if (items.length === 0) {
          process.stdout.write("no board packs generated yet: `caio report` makes one\n");
          return;
        }
        printTable(
          ["Id", "Quarter", "Format", "Created", "By", "Size", "SHA-256"],
          items.map((s) => [
            s.id.slice(0, 8),
            s.quarter,
            s.format.toUpperCase(),
            s.createdAt.slice(0, 16).replace("T", " "),
            s.createdBy,
            size(s.bytes),
            `${s.sha256.slice(0, 16)}…`,
          ]),
        );
      });
    });

  reports
    .command("show <id>")
    .description("one board pack's metadata and verification; with --out, write its exact stored bytes to a file")
    .option("--out <file>", "write the stored bytes to this file")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { out?: string; json?: boolean }, cmd: Command) => {
      if (opts.out !== undefined && opts.out === "") throw new UsageError("--out: must name a file");
      await withOrg(cmd, async (client, org) => {
        const s = await resolveSnapshot(client, org, ref);
        const detail = await client.request<ReportSnapshotDetail>("GET", `/orgs/${enc(org)}/reports/${s.id}`);
        const path = opts.out ? writeBytes(opts.out, await fetchBytes(client, org, s)) : null;
        if (globals(cmd).json || opts.json) return printJson(path ? { ...detail, path } : detail);
        if (path) process.stdout.write(`wrote ${path}: ${size(s.bytes)}, sha256 ${s.sha256}\n`);
        printFields([
          ["Id", detail.id],
          ["Title", detail.title],
          ["Quarter", detail.quarter],
          ["Format", `${detail.format.toUpperCase()} (${detail.mediaType})`],
          ["Size", size(detail.bytes)],
          ["SHA-256", detail.sha256],
          ["Ledger SHA-256", detail.ledgerSha256],
          ["Verified", detail.verified ? "yes: the stored bytes match the digest and the audit ledger" : style.red("NO: see `caio reports verify`")],
          ["Created", `${detail.createdAt} by ${detail.createdBy}`],
        ]);
      });
    });

  reports
    .command("verify <id>")
    .description("check that a board pack's stored bytes still hash to the SHA-256 recorded when it was generated (exit 1 when not)")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const s = await resolveSnapshot(client, org, ref);
        const detail = await client.request<ReportSnapshotDetail>("GET", `/orgs/${enc(org)}/reports/${s.id}`);
        const { bytes } = await client.download(`/orgs/${enc(org)}/reports/${s.id}/content`);
        const actual = sha256(bytes);
        const problems: string[] = [];
        if (actual !== detail.sha256) problems.push(`the stored bytes hash to ${actual}, but the snapshot records ${detail.sha256}`);
        if (bytes.byteLength !== detail.bytes) problems.push(`the stored bytes are ${size(bytes.byteLength)}, but the snapshot records ${size(detail.bytes)}`);
        if (detail.ledgerSha256 === null) problems.push("the audit ledger has no report.generated entry for this snapshot");
        else if (detail.ledgerSha256 !== detail.sha256)
          problems.push(`the audit ledger recorded ${detail.ledgerSha256}, but the snapshot records ${detail.sha256}`);
        if (problems.length === 0 && !detail.verified) problems.push("the server could not verify the snapshot against its audit-ledger entry");
        const ok = problems.length === 0;
        if (globals(cmd).json || opts.json)
          printJson({ id: s.id, verified: ok, sha256: detail.sha256, contentSha256: actual, ledgerSha256: detail.ledgerSha256, problems });
        else if (ok) process.stdout.write(`verified ${s.id}: ${size(bytes.byteLength)} hash to ${actual}, as recorded in the audit ledger\n`);
        if (!ok) throw new CliError(`board pack ${s.id} does not verify`, 1, problems);
      });
    });
}
