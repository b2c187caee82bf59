import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { OrganizationExport } from "@caio/core";
import type { Command } from "commander";
import { CliError, UsageError } from "../errors.js";
import { info } from "../output.js";
import { enc, withClient, withOrg } from "../session.js";

export function registerTransfer(program: Command): void {
  program
    .command("export")
    .description("write a whole organization (inventory, members, history, audit ledger) to a JSON file")
    .requiredOption("--out <file>", "where to write the export ('-' for standard output)")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const doc = await client.request<OrganizationExport>("GET", `/orgs/${enc(org)}/export`);
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        if (opts.out === "-") {
          process.stdout.write(text);
          return;
        }
        const tmp = `${opts.out}.tmp-${process.pid}`;
        writeFileSync(tmp, text, { mode: 0o600 });
        renameSync(tmp, opts.out);
        info(
          `exported ${org}: ${doc.systems.length} systems, ${doc.vendors.length} vendors, ${doc.components.length} components, ${doc.audit.length} audit entries → ${opts.out}`,
        );
      });
    });

  program
    .command("restore <file>")
    .description("restore an organization from an export into this installation (all or nothing)")
    .action(async (file: string, _opts, cmd: Command) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        throw new CliError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      await withClient(cmd, async (client) => {
        const r = await client.request<{ organization: { slug: string; name: string }; usersCreated: string[] }>("POST", "/restore", doc);
        process.stdout.write(`restored organization ${r.organization.name} (${r.organization.slug})\n`);
        if (r.usersCreated.length) {
          info(`created ${r.usersCreated.length} user(s) without a password: ${r.usersCreated.join(", ")}`);
          info("set one with: caio users set-password EMAIL");
        }
      });
    });
}
