import { type AuditEntry, type AuditVerify, ENTITY_TYPES } from "@caio/core";
import type { Command } from "commander";
import { CliError } from "../errors.js";
import { printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice } from "./common.js";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit ledger");

  audit
    .command("list")
    .description("list ledger entries, newest first")
    .addOption(choice("--entity-type <type>", "only this kind of record", ENTITY_TYPES))
    .option("--limit <n>", "how many entries", "50")
    .option("--json", "print JSON")
    .action(async (opts, cmd: Command) => {
      if (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1 || Number(opts.limit) > 1000) throw new CliError("--limit must be a number from 1 to 1000", 2);
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams({ limit: opts.limit });
        if (opts.entityType) q.set("entityType", opts.entityType);
        const { items } = await client.request<{ items: AuditEntry[] }>("GET", `/orgs/${enc(org)}/audit?${q}`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["#", "At", "Actor", "Action", "Entity", "Label", "Hash"],
          items.map((e) => [e.seq, e.at.replace("T", " ").slice(0, 19), e.actor, e.action, e.entityType, e.entityLabel, e.hash.slice(0, 12)]),
        );
      });
    });

  audit
    .command("verify")
    .description("recompute the hash chain; exits 1 and names the first broken entry if anything was edited, deleted or reordered")
    .option("--json", "print JSON")
    .action(async (_opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const v = await client.request<AuditVerify>("GET", `/orgs/${enc(org)}/audit/verify`);
        if (globals(cmd).json) printJson(v);
        else if (v.ok) process.stdout.write(`${style.green("ok")}: ${v.entries} entries verified; head ${v.headHash.slice(0, 16)}…\n`);
        else process.stdout.write(`${style.red("BROKEN")}: entry ${v.firstBroken?.seq}: ${v.firstBroken?.reason}\n`);
        if (!v.ok) process.exitCode = 1;
      });
    });
}
