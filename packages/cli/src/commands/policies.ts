import { readFileSync, writeFileSync } from "node:fs";
import {
  diffHunks,
  POLICY_KINDS,
  type PolicyGenerateResult,
  type PolicyKind,
  type PolicyList,
  type PolicyOverview,
  type PolicyVersionDetail,
  type PolicyVersionSummary,
} from "@caio/core";
import type { Command } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { printFields, printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { dateOnly } from "./common.js";

function kindOf(arg: string): PolicyKind {
  const k = arg.toLowerCase();
  if (!(POLICY_KINDS as readonly string[]).includes(k)) throw new UsageError(`"${arg}" is not a policy; use one of ${POLICY_KINDS.join(", ")}`);
  return k as PolicyKind;
}

async function overview(client: ApiClient, org: string, kind: PolicyKind): Promise<PolicyOverview> {
  const list = await client.request<PolicyList>("GET", `/orgs/${enc(org)}/policies`);
  const p = list.items.find((i) => i.kind === kind);
  if (!p) throw new CliError(`no policy ${kind}`);
  return p;
}

/** The policy's latest version, or a version by number. */
async function pick(client: ApiClient, org: string, kind: PolicyKind, version?: string): Promise<PolicyVersionSummary> {
  const p = await overview(client, org, kind);
  if (p.versions.length === 0) throw new CliError(`${p.title} has no version yet: run \`caio policies generate ${kind}\``);
  if (version === undefined) return p.versions[0] as PolicyVersionSummary;
  if (!/^\d+$/.test(version)) throw new UsageError(`"${version}" is not a version number (for example 2 or v2)`);
  const v = p.versions.find((x) => x.version === Number(version));
  if (!v) throw new CliError(`${p.title} has no version ${version} (versions 1 to ${p.versions[0]?.version})`);
  return v;
}

async function detail(client: ApiClient, org: string, id: string): Promise<PolicyVersionDetail> {
  return client.request<PolicyVersionDetail>("GET", `/orgs/${enc(org)}/policies/versions/${enc(id)}`);
}

const STATUS_WORDS: Record<string, string> = { draft: "draft", "in-review": "in review", approved: "approved", superseded: "superseded" };

function who(actor: string | null, at: string | null): string | null {
  return actor && at ? `${actor} on ${dateOnly(at)}` : null;
}

function printVersion(v: PolicyVersionSummary): void {
  printFields([
    ["Policy", `${v.title} (${v.kind})`],
    ["Version", `${v.version} (${v.source})`],
    ["Status", STATUS_WORDS[v.status] ?? v.status],
    ["SHA-256", v.digest],
    ["Created", who(v.createdBy, v.createdAt)],
    ["Submitted", who(v.submittedBy, v.submittedAt)],
    ["Approved", who(v.approvedBy, v.approvedAt)],
    ...(v.approvalNote ? ([["Approval note", v.approvalNote]] as [string, unknown][]) : []),
    ...(v.rejectedBy ? ([["Last rejected", `${who(v.rejectedBy, v.rejectedAt)}: ${v.rejectionReason}`]] as [string, unknown][]) : []),
    ...(v.supersededBy ? ([["Superseded", `by version ${v.supersededBy} on ${dateOnly(v.supersededAt ?? "")}`]] as [string, unknown][]) : []),
  ]);
}

function printDiff(d: PolicyVersionDetail): void {
  const out = process.stdout;
  if (!d.diff) {
    out.write(`${d.title} v${d.version} is the first version: nothing to compare\n`);
    return;
  }
  out.write(`${style.bold(`${d.title}: v${d.diff.against} → v${d.version}`)}  +${d.diff.added} −${d.diff.removed}\n`);
  for (const h of diffHunks(d.diff.lines)) {
    out.write(style.dim(`@@ v${d.diff.against} line ${h.oldStart}, v${d.version} line ${h.newStart} @@\n`));
    for (const l of h.lines) {
      const text = l.op === "add" ? style.green(`+ ${l.text}`) : l.op === "del" ? style.red(`- ${l.text}`) : `  ${l.text}`;
      out.write(`${text}\n`);
    }
  }
}

function done(v: PolicyVersionSummary, what: string): void {
  process.stdout.write(`${v.title} v${v.version}: ${what} (sha256 ${v.digest})\n`);
}

export function registerPolicies(program: Command): void {
  const policies = program
    .command("policies")
    .description(
      `the four governance policies (${POLICY_KINDS.join(", ")}): generated from the organization's facts, versioned with diffs, reviewed and approved`,
    );

  policies
    .command("list", { isDefault: true })
    .description("each policy's latest version and status, and its approved version")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const list = await client.request<PolicyList>("GET", `/orgs/${enc(org)}/policies`);
        if (globals(cmd).json || opts.json) return printJson(list);
        printTable(
          ["Policy", "Kind", "Latest", "Status", "Approved", "Approved by", "Approved on"],
          list.items.map((p) => [
            p.title,
            p.kind,
            p.latest ? `v${p.latest.version}` : "—",
            p.latest ? (STATUS_WORDS[p.latest.status] ?? p.latest.status) : "not generated",
            p.approved ? `v${p.approved.version}` : "—",
            p.approved?.approvedBy ?? "",
            p.approved?.approvedAt ? dateOnly(p.approved.approvedAt) : "",
          ]),
        );
        if (list.items.every((p) => !p.latest)) process.stdout.write(style.dim("no policy yet: `caio policies generate` drafts all four from the inventory\n"));
      });
    });

  policies
    .command("generate [kind]")
    .description("draft the policies (default: all four) from the current inventory, vendors, model policy, scans and classifications")
    .option("--json", "print JSON")
    .action(async (kindArg: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      const kinds = kindArg ? [kindOf(kindArg)] : [...POLICY_KINDS];
      await withOrg(cmd, async (client, org) => {
        const r = await client.request<PolicyGenerateResult>("POST", `/orgs/${enc(org)}/policies/generate`, { kinds });
        if (globals(cmd).json || opts.json) printJson(r);
        else
          printTable(
            ["Policy", "Outcome", "Version", "Why"],
            r.items.map((i) => [i.version?.title ?? i.kind, i.outcome, i.version ? `v${i.version.version}` : "", i.reason]),
          );
        const skipped = r.items.find((i) => i.outcome === "skipped");
        if (kindArg && skipped) throw new CliError(`${skipped.version?.title ?? skipped.kind} not generated: ${skipped.reason}`);
      });
    });

  policies
    // The version is a positional argument: `--version` anywhere on the line is caio's own version flag.
    .command("show <kind> [version]")
    .description("a policy's Markdown with its status and digest: the latest version, or VERSION (a number, e.g. 2 or v2)")
    .option("--diff", "show the line diff against the previous version instead of the text")
    .option("--out <file>", "write the Markdown to a file (its SHA-256 is the version's digest)")
    .option("--json", "print JSON (the text, the diff and the approval details)")
    .action(async (kindArg: string, version: string | undefined, opts: { diff?: boolean; out?: string; json?: boolean }, cmd: Command) => {
      const kind = kindOf(kindArg);
      await withOrg(cmd, async (client, org) => {
        const d = await detail(client, org, (await pick(client, org, kind, version?.replace(/^v/i, ""))).id);
        if (opts.out) {
          try {
            writeFileSync(opts.out, d.markdown);
          } catch (e) {
            throw new CliError(`cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
          }
        }
        if (globals(cmd).json || opts.json) return printJson(d);
        if (opts.out) {
          process.stdout.write(`wrote ${opts.out}: ${d.title} v${d.version} (${STATUS_WORDS[d.status]}), sha256 ${d.digest}\n`);
          if (!opts.diff) return;
        }
        if (opts.diff) return printDiff(d);
        printVersion(d);
        process.stdout.write(`\n${d.markdown}`);
      });
    });

  policies
    .command("versions <kind>")
    .description("every version of a policy, newest first, with status and who approved it")
    .option("--json", "print JSON")
    .action(async (kindArg: string, opts: { json?: boolean }, cmd: Command) => {
      const kind = kindOf(kindArg);
      await withOrg(cmd, async (client, org) => {
        const p = await overview(client, org, kind);
        if (globals(cmd).json || opts.json) return printJson(p.versions);
        printTable(
          ["Version", "Status", "Source", "Created", "Approved", "SHA-256"],
          p.versions.map((v) => [
            `v${v.version}`,
            STATUS_WORDS[v.status] ?? v.status,
            v.source,
            who(v.createdBy, v.createdAt),
            who(v.approvedBy, v.approvedAt) ?? "",
            `${v.digest.slice(0, 16)}…`,
          ]),
        );
      });
    });

  policies
    .command("edit <kind>")
    .description("save new Markdown for a policy as its next version (a draft); the latest version must not be in review")
    .requiredOption("--file <file>", "the Markdown file (for example one written by `caio policies show KIND --out FILE`)")
    .option("--json", "print JSON")
    .action(async (kindArg: string, opts: { file: string; json?: boolean }, cmd: Command) => {
      const kind = kindOf(kindArg);
      let markdown: string;
      try {
        markdown = readFileSync(opts.file, "utf8");
      } catch (e) {
        throw new UsageError(`cannot read ${opts.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      await withOrg(cmd, async (client, org) => {
        const base = await pick(client, org, kind);
        const v = await client.request<PolicyVersionDetail>("PUT", `/orgs/${enc(org)}/policies/versions/${enc(base.id)}`, { markdown });
        if (globals(cmd).json || opts.json) return printJson(v);
        done(v, `saved as a draft${v.diff ? ` (+${v.diff.added} −${v.diff.removed} lines against v${v.diff.against})` : ""}`);
      });
    });

  policies
    .command("submit <kind>")
    .description("submit the policy's latest version, a draft, for review")
    .option("--json", "print JSON")
    .action(async (kindArg: string, opts: { json?: boolean }, cmd: Command) => {
      const kind = kindOf(kindArg);
      await withOrg(cmd, async (client, org) => {
        const latest = await pick(client, org, kind);
        const v = await client.request<PolicyVersionDetail>("POST", `/orgs/${enc(org)}/policies/versions/${enc(latest.id)}/submit`);
        if (globals(cmd).json || opts.json) return printJson(v);
        done(v, "in review");
      });
    });

  policies
    .command("approve <kind>")
    .description("approve the policy's version in review (approver role: board sign-off); recorded in the audit ledger with its digest")
    .option("--note <text>", "a note kept with the approval, e.g. the board meeting")
    .option("--digest <sha256>", "approve only if the version's text has this SHA-256 (default: the digest of the version you are approving)")
    .option("--json", "print JSON")
    .action(async (kindArg: string, opts: { note?: string; digest?: string; json?: boolean }, cmd: Command) => {
      const kind = kindOf(kindArg);
      if (opts.digest !== undefined && !/^[0-9a-f]{64}$/i.test(opts.digest)) throw new UsageError("--digest must be a SHA-256 digest (64 hex characters)");
      await withOrg(cmd, async (client, org) => {
        const latest = await pick(client, org, kind);
        const v = await client.request<PolicyVersionDetail>("POST", `/orgs/${enc(org)}/policies/versions/${enc(latest.id)}/approve`, {
          note: opts.note ?? "",
          digest: (opts.digest ?? latest.digest).toLowerCase(),
        });
        if (globals(cmd).json || opts.json) return printJson(v);
        done(v, `approved by ${v.approvedBy}`);
      });
    });

  policies
    .command("reject <kind>")
    .description("send the policy's version in review back to draft, with the reason (approver role)")
    .requiredOption("--reason <text>", "what must change")
    .option("--json", "print JSON")
    .action(async (kindArg: string, opts: { reason: string; json?: boolean }, cmd: Command) => {
      const kind = kindOf(kindArg);
      if (!opts.reason.trim()) throw new UsageError("--reason must say what must change");
      await withOrg(cmd, async (client, org) => {
        const latest = await pick(client, org, kind);
        const v = await client.request<PolicyVersionDetail>("POST", `/orgs/${enc(org)}/policies/versions/${enc(latest.id)}/reject`, { reason: opts.reason });
        if (globals(cmd).json || opts.json) return printJson(v);
        done(v, `back to draft: ${v.rejectionReason}`);
      });
    });
}
