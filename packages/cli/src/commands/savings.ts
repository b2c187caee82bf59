import { readFileSync } from "node:fs";
import {
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_TYPES,
  type Recommendation,
  type Reconciliation,
  type SavingsReport,
  type StoredModelPolicy,
} from "@caio/core";
import { parsePolicy } from "@caio/discovery";
import type { Command } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice } from "./common.js";
import { money } from "./spend.js";

interface WindowOpts {
  to?: string;
  days?: string;
  json?: boolean;
}

function windowQuery(opts: WindowOpts): string {
  const q = new URLSearchParams();
  if (opts.to) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.to)) throw new UsageError(`--to: "${opts.to}" is not a date as YYYY-MM-DD`);
    q.set("to", opts.to);
  }
  if (opts.days) {
    if (!/^\d+$/.test(opts.days) || Number(opts.days) < 7 || Number(opts.days) > 366)
      throw new UsageError(`--days: "${opts.days}" must be a whole number from 7 to 366`);
    q.set("days", opts.days);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

const windowOptions = (cmd: Command) =>
  cmd
    .option("--to <date>", "last day of the analysis window, YYYY-MM-DD (default: the last day with usage)")
    .option("--days <n>", "length of the analysis window in days, 7 to 366", "90");

const pct = (share: string) => `${(Number(share) * 100).toFixed(1)}%`;

async function report(client: ApiClient, org: string, opts: WindowOpts): Promise<SavingsReport> {
  return client.request<SavingsReport>("GET", `/orgs/${enc(org)}/savings${windowQuery(opts)}`);
}

/** Finds a recommendation by id or unique id prefix (at least 4 characters). */
function findRec(r: SavingsReport, ref: string): Recommendation {
  const id = ref.toLowerCase();
  if (!/^[0-9a-f]{4,16}$/.test(id)) throw new UsageError(`"${ref}" is not a recommendation id (4 to 16 hex characters, see \`caio optimize\`)`);
  const hits = r.recommendations.filter((x) => x.id.startsWith(id));
  if (hits.length > 1) throw new CliError(`"${ref}" matches ${hits.length} recommendations; give more of the id`);
  const hit = hits[0];
  if (!hit) throw new CliError(`no recommendation ${ref} in the current savings (see \`caio optimize\`)`);
  return hit;
}

function printDetail(r: Recommendation): void {
  const out = process.stdout;
  out.write(`${style.bold(r.title)}  ${style.dim(r.id)}\n`);
  out.write(`${r.type} · confidence ${r.confidence} · status ${r.status}${r.statusNote ? ` (${r.statusNote})` : ""}\n`);
  out.write(`${r.action}\n\n`);
  out.write(
    `baseline ${money(r.baselineMonthlyMicros)}/month → projected ${money(r.projectedMonthlyMicros)}/month: saves ${money(r.monthlySavingMicros)}/month, ${money(r.annualSavingMicros)}/year\n`,
  );
  if (r.requiresRevalidation) out.write(`${style.bold("requires re-validation")}: the system may be high-risk\n`);
  out.write("\nAssumptions\n");
  for (const a of r.assumptions) out.write(`  - ${a}\n`);
  out.write("\nEvidence\n");
  for (const e of r.evidence) out.write(`  ${e.label}: ${e.value}\n`);
  if (r.spendQuery) out.write(style.dim(`  check with: caio spend --by ${r.spendQuery.by} --from ${r.spendQuery.from} --to ${r.spendQuery.to}\n`));
  if (r.evaluationPlan.length) {
    out.write("\nEvaluation plan\n");
    r.evaluationPlan.forEach((s, i) => {
      out.write(`  ${i + 1}. ${s}\n`);
    });
  }
}

export function registerSavings(program: Command): void {
  const optimize = program
    .command("optimize")
    .description("savings recommendations with dollar figures: model downshift, batch, caching, consolidation, unused capacity, long context, priority tier");

  windowOptions(
    optimize
      .command("list", { isDefault: true })
      .description("list the recommendations, largest saving first, with the summary")
      .addOption(choice("--status <status>", "only recommendations with this status", RECOMMENDATION_STATUSES))
      .addOption(choice("--type <type>", "only recommendations of this type", RECOMMENDATION_TYPES))
      .option("--json", "print the report as JSON (money as micro-unit strings)"),
  ).action(async (opts: WindowOpts & { status?: string; type?: string }, cmd: Command) => {
    await withOrg(cmd, async (client, org) => {
      const r = await report(client, org, opts);
      const recs = r.recommendations.filter((x) => (!opts.status || x.status === opts.status) && (!opts.type || x.type === opts.type));
      if (globals(cmd).json || opts.json) return printJson({ ...r, recommendations: recs });
      if (!r.window) {
        process.stdout.write("no usage imported: run `caio import FILE` (or `caio demo`) first\n");
        return;
      }
      printTable(
        ["Id", "Type", "Recommendation", "Saving / month", "Saving / year", "Confidence", "Status"],
        recs.map((x) => [x.id.slice(0, 8), x.type, x.title, money(x.monthlySavingMicros), money(x.annualSavingMicros), x.confidence, x.status]),
      );
      const s = r.summary;
      process.stdout.write(
        `identified ${money(s.identifiedMonthlyMicros)}/month (${money(s.identifiedAnnualMicros)}/year), ${pct(s.shareOfSpend)} of ${money(s.monthlySpendMicros)} monthly spend; window ${r.window.from} to ${r.window.to}\n`,
      );
      if (BigInt(s.realizedMonthlyMicros) > 0n) process.stdout.write(`realized ${money(s.realizedMonthlyMicros)}/month (recommendations marked done)\n`);
      process.stdout.write(style.dim("recommendations on the same workload combine rather than add; `caio optimize show ID` explains one\n"));
    });
  });

  windowOptions(
    optimize.command("show <id>").description("one recommendation in full: figures, assumptions, evidence and evaluation plan").option("--json", "print JSON"),
  ).action(async (id: string, opts: WindowOpts, cmd: Command) => {
    await withOrg(cmd, async (client, org) => {
      const rec = findRec(await report(client, org, opts), id);
      if (globals(cmd).json || opts.json) return printJson(rec);
      printDetail(rec);
    });
  });

  windowOptions(
    optimize
      .command("set <id> <status>")
      .description(`set a recommendation's status (${RECOMMENDATION_STATUSES.join(", ")}); recorded in the audit ledger`)
      .option("--note <text>", "why (kept with the status)")
      .option("--json", "print JSON"),
  ).action(async (id: string, status: string, opts: WindowOpts & { note?: string }, cmd: Command) => {
    if (!(RECOMMENDATION_STATUSES as readonly string[]).includes(status))
      throw new UsageError(`status "${status}" is not one of ${RECOMMENDATION_STATUSES.join(", ")}`);
    await withOrg(cmd, async (client, org) => {
      const rec = findRec(await report(client, org, opts), id);
      const updated = await client.request<Recommendation>("PUT", `/orgs/${enc(org)}/savings/${rec.id}/status${windowQuery(opts)}`, {
        status,
        note: opts.note ?? "",
      });
      if (globals(cmd).json || opts.json) return printJson(updated);
      process.stdout.write(`${updated.id.slice(0, 8)} ${updated.title}: ${updated.status}\n`);
    });
  });

  windowOptions(
    program
      .command("reconcile")
      .description(
        "reconcile inventory, discovery and spend: stale systems, unattributed spend, shadow AI, vendors without contract or DPA, models the policy does not allow",
      )
      .option("--json", "print JSON"),
  ).action(async (opts: WindowOpts, cmd: Command) => {
    await withOrg(cmd, async (client, org) => {
      const r = await client.request<Reconciliation>("GET", `/orgs/${enc(org)}/reconciliation${windowQuery(opts)}`);
      if (globals(cmd).json || opts.json) return printJson(r);
      const out = process.stdout;
      const head = (t: string, n: number) => out.write(`\n${style.bold(t)} (${n})\n`);
      if (r.window) out.write(style.dim(`window ${r.window.from} to ${r.window.to}\n`));
      head("Stale systems: registered, but no code evidence and no usage", r.stale.length);
      printTable(
        ["System", "Stage", "Why"],
        r.stale.map((s) => [s.name, s.stage, s.reason]),
      );
      head(`Unattributed spend: ${money(r.unattributedMicros)} belongs to no system`, r.unattributed.length);
      printTable(
        ["Provider", "Model", "Origin", "Cost", "Last seen"],
        r.unattributed.map((u) => [
          u.provider,
          u.model,
          u.field === "none" ? "(no project or key)" : `${u.field} ${u.field === "api_key" ? `sha256:${(u.value ?? "").slice(0, 12)}…` : u.value}`,
          money(u.costMicros),
          u.lastDay,
        ]),
      );
      head("Shadow AI: AI in code that belongs to no registered system", r.shadow.length);
      printTable(
        ["Repository", "Kind", "Name", "Provider", "Where"],
        r.shadow.map((f) => [f.repository, f.kind, f.name, f.provider ?? "", f.location ?? ""]),
      );
      head("Vendors: spend without a vendor, contract or DPA on record", r.vendors.length);
      printTable(
        ["Provider", "Vendor", "Spend", "Issues"],
        r.vendors.map((v) => [v.provider, v.vendorName ?? "(none)", money(v.costMicros), v.issues.join(", ")]),
      );
      head("Models the policy does not allow", r.models.length);
      if (!r.policySet) out.write(style.dim("no model policy set: `caio model-policy set FILE` (same format as the CI gate's caio-policy.yaml)\n"));
      else
        printTable(
          ["Model", "Provider", "Why", "Seen in", "Spend"],
          r.models.map((m) => [m.model, m.provider ?? "", m.reason, m.seenIn.join("; "), money(m.costMicros)]),
        );
    });
  });

  const policy = program.command("model-policy").description("the organization's model policy: allowed providers, allowed and denied models");
  policy
    .command("show")
    .description("print the model policy")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const p = await client.request<StoredModelPolicy>("GET", `/orgs/${enc(org)}/model-policy`);
        if (globals(cmd).json || opts.json || p.policy) return printJson(p);
        process.stdout.write("no model policy: every provider and model is allowed\n");
      });
    });
  policy
    .command("set <file>")
    .description("set the model policy from a YAML file in the CI gate's format (version: 1, providers.allow, models.allow / models.deny)")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      let parsed: ReturnType<typeof parsePolicy>;
      try {
        parsed = parsePolicy(text, file);
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e));
      }
      await withOrg(cmd, async (client, org) => {
        const body = { ...(parsed.providers ? { providers: parsed.providers } : {}), ...(parsed.models ? { models: parsed.models } : {}) };
        await client.request("PUT", `/orgs/${enc(org)}/model-policy`, body);
        process.stdout.write(`model policy set from ${file}\n`);
      });
    });
  policy
    .command("clear")
    .description("remove the model policy")
    .action(async (_opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        await client.request("DELETE", `/orgs/${enc(org)}/model-policy`);
        process.stdout.write("model policy removed\n");
      });
    });
}
