import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ScanResult, ScanStored } from "@caio/core";
import { pgliteDir } from "@caio/db";
import { evaluatePolicy, type PolicyViolation, parsePolicy, scanPaths, toCycloneDx, toJson, toSarif, toTable } from "@caio/discovery";
import type { Command } from "commander";
import { type ApiClient, openClient } from "../client.js";
import { type Env, type GlobalOptions, readEnv } from "../config.js";
import { CliError, UsageError } from "../errors.js";
import { info, style } from "../output.js";
import { enc, globals, resolveOrg } from "../session.js";
import { choice } from "./common.js";

const FORMATS = ["table", "json", "cyclonedx", "sarif"] as const;
type Format = (typeof FORMATS)[number];

interface ScanOpts {
  format?: Format;
  out?: string;
  quiet?: boolean;
  store: boolean;
  ci?: boolean;
  policy?: string;
}

/** Where findings go: an organization (local database or server), or nowhere. */
async function storeTarget(env: Env, opts: GlobalOptions): Promise<{ client: ApiClient; org: string } | null> {
  const remote = opts.server ?? env.CAIO_SERVER;
  const dataDir = opts.dataDir ?? env.CAIO_DATA_DIR ?? ".caio";
  // Scanning never creates a database as a side effect: store locally only when one exists.
  if (!remote && !env.DATABASE_URL && !existsSync(pgliteDir(dataDir))) return null;
  const client = await openClient(env, opts);
  try {
    const { items } = await client.request<{ items: { slug: string }[] }>("GET", "/orgs");
    if (items.length === 0 && !(opts.org ?? env.CAIO_ORG)) {
      await client.close();
      return null;
    }
    return { client, org: await resolveOrg(client, env, opts) };
  } catch (e) {
    await client.close();
    throw e;
  }
}

function progress(quiet: boolean) {
  if (quiet || !process.stderr.isTTY) return undefined;
  let last = 0;
  return (p: { files: number; bytes: number; path: string }) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const mb = (p.bytes / 1_048_576).toFixed(1);
    const path = p.path.length > 60 ? `…${p.path.slice(-59)}` : p.path;
    process.stderr.write(`\r\x1b[2K${style.dim(`scanning ${p.files} files, ${mb} MB  ${path}`)}`);
  };
}

function render(result: ScanResult, format: Format, violations: PolicyViolation[]): string {
  switch (format) {
    case "table":
      return toTable(result, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
    case "json":
      return toJson(result);
    case "cyclonedx":
      return `${JSON.stringify(toCycloneDx(result, {}), null, 2)}\n`;
    case "sarif":
      return `${JSON.stringify(toSarif(result, { policyViolations: violations }), null, 2)}\n`;
  }
}

function writeOut(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function registerScan(program: Command): void {
  program
    .command("scan <paths...>")
    .description("find AI SDKs, models, providers, vector stores, MCP servers and key-shaped secrets in repositories")
    .addOption(choice("-f, --format <format>", "output format (default: table; sarif with --ci)", FORMATS))
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .option("-q, --quiet", "no progress and no summary on standard error")
    .option("--no-store", "do not store findings in the organization")
    .option("--ci", "CI gate: check findings against --policy; exit 1 on any violation")
    .option("--policy <file>", "policy file for --ci (see docs/policy.md)")
    .addHelpText(
      "after",
      `
Findings are stored per repository in the organization when one exists (local database or --server);
secrets are reported by provider, kind, file, line and a keyed fingerprint only, never the key.

Examples:
  caio scan .                                   table of what this repository uses
  caio scan ../api ../web --format cyclonedx -o ai-bom.json
  caio scan --ci --policy caio-policy.yaml -o caio.sarif .`,
    )
    .action(async (paths: string[], opts: ScanOpts, cmd: Command) => {
      const env = readEnv();
      const g = globals(cmd);
      for (const p of paths) {
        if (!existsSync(p)) throw new UsageError(`${p} does not exist`);
        if (!statSync(p).isDirectory()) throw new UsageError(`${p} is not a directory (scan a repository's root folder)`);
      }
      if (opts.ci && !opts.policy) throw new UsageError("--ci needs --policy FILE (see docs/policy.md)");
      let policy: ReturnType<typeof parsePolicy> | null = null;
      if (opts.policy) {
        let text: string;
        try {
          text = readFileSync(opts.policy, "utf8");
        } catch (e) {
          throw new UsageError(`cannot read ${opts.policy}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
        try {
          policy = parsePolicy(text, opts.policy);
        } catch (e) {
          throw new CliError(e instanceof Error ? e.message : String(e));
        }
      }
      const target = opts.store ? await storeTarget(env, g) : null;
      try {
        let secretKey = process.env.CAIO_FINGERPRINT_KEY ?? "";
        if (!secretKey && target) {
          secretKey = (await target.client.request<{ fingerprintKey: string }>("GET", `/orgs/${enc(target.org)}/discovery/key`)).fingerprintKey;
        }
        if (!secretKey) secretKey = randomBytes(32).toString("hex");
        const onProgress = progress(opts.quiet === true);
        const result = await scanPaths(
          paths.map((p) => resolve(p)),
          { secretKey, ...(onProgress ? { onProgress } : {}) },
        );
        if (onProgress) process.stderr.write("\r\x1b[2K");
        const violations = policy ? evaluatePolicy(result, policy) : [];
        const format: Format = opts.format ?? (opts.ci ? "sarif" : "table");
        const text = render(result, format, violations);
        if (opts.out) writeOut(opts.out, text);
        else process.stdout.write(text);
        if (!opts.quiet) {
          for (const r of result.repositories) info(`${r.name}: ${r.filesScanned} files scanned, ${r.findings.length} findings`);
          if (opts.out) info(`wrote ${format} to ${opts.out}`);
        }
        if (target) {
          const stored = await target.client.request<ScanStored>("POST", `/orgs/${enc(target.org)}/scans`, result);
          if (!opts.quiet) {
            for (const r of stored.repositories) {
              info(`stored in ${target.org}: ${r.name}: ${r.findings} findings (${r.new} new, ${r.gone} no longer seen), ${r.shadow} shadow AI`);
            }
            if (stored.repositories.some((r) => r.shadow > 0)) info("see them with: caio shadow");
          }
        }
        if (policy) {
          if (violations.length) {
            for (const v of violations) info(`${style.red("policy")}: ${v.message}`);
            info(`${violations.length} policy violation(s)`);
            process.exitCode = 1;
          } else if (!opts.quiet) {
            info("policy: no violations");
          }
        }
      } finally {
        await target?.client.close();
      }
    });
}
