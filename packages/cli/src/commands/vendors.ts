import { TRI_STATE, type Vendor } from "@caio/core";
import { type Command, Option } from "commander";
import { CliError } from "../errors.js";
import { printFields, printJson, printTable } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice, list, pick, readJsonFile, resolveRef } from "./common.js";

function fieldOptions(cmd: Command, requireName: boolean): Command {
  return cmd
    .addOption(new Option("--name <name>", "vendor name").makeOptionMandatory(requireName))
    .option("--service <name>", "service bought from the vendor (repeat or comma-separate)", list)
    .option("--website <url>", "vendor website")
    .option("--notes <text>", "free-text notes")
    .option("--contract-start <date>", "contract start, YYYY-MM-DD")
    .option("--contract-end <date>", "contract end, YYYY-MM-DD")
    .option("--renewal-notice <date>", "last day to give renewal notice, YYYY-MM-DD")
    .option("--commitment <amount>", "committed spend, e.g. 120000.00")
    .option("--currency <code>", "ISO 4217 currency of the commitment, e.g. USD")
    .addOption(choice("--trains-on-data <answer>", "does the vendor train on your data", TRI_STATE))
    .option("--retention-days <n>", "days the vendor retains your data", (v) => {
      if (!/^\d+$/.test(v)) throw new CliError(`--retention-days must be a whole number of days, got "${v}"`, 2);
      return Number(v);
    })
    .option("--dpa", "a data processing agreement is signed")
    .option("--no-dpa", "no data processing agreement")
    .option("--data-region <region>", "where the vendor processes your data")
    .option("--file <json>", "read fields from a JSON file (flags override it)");
}

function body(opts: Record<string, unknown>): Record<string, unknown> {
  const base = typeof opts.file === "string" ? readJsonFile(opts.file) : {};
  const out: Record<string, unknown> = { ...base, ...pick(opts, { name: "name", service: "services", website: "website", notes: "notes" }) };
  const contract = pick(opts, {
    contractStart: "start",
    contractEnd: "end",
    renewalNotice: "renewalNoticeDate",
    commitment: "commitmentAmount",
    currency: "commitmentCurrency",
  });
  const terms = pick(opts, { trainsOnData: "trainsOnCustomerData", retentionDays: "retentionDays", dpa: "dpaSigned", dataRegion: "dataRegion" });
  if (Object.keys(contract).length) out.contract = { ...(base.contract as object), ...contract };
  if (Object.keys(terms).length) out.dataTerms = { ...(base.dataTerms as object), ...terms };
  return out;
}

export function registerVendors(program: Command): void {
  const vendors = program.command("vendors").description("AI vendors, their contracts and data-use terms");

  vendors
    .command("list")
    .description("list vendors")
    .option("-q, --search <text>", "search names and services")
    .option("--json", "print JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = opts.search ? `?q=${enc(opts.search)}` : "";
        const { items } = await client.request<{ items: Vendor[] }>("GET", `/orgs/${enc(org)}/vendors${q}`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Name", "Services", "Contract end", "Renewal notice", "Commitment", "DPA", "Trains on data", "Id"],
          items.map((v) => [
            v.name,
            v.services.join(", "),
            v.contract.end,
            v.contract.renewalNoticeDate,
            v.contract.commitmentAmount ? `${v.contract.commitmentAmount} ${v.contract.commitmentCurrency}` : "",
            v.dataTerms.dpaSigned ? "yes" : "no",
            v.dataTerms.trainsOnCustomerData,
            v.id,
          ]),
        );
      });
    });

  vendors
    .command("show <vendor>")
    .description("show one vendor (by id or exact name)")
    .option("--json", "print JSON")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "vendors", ref, "vendor");
        const v = await client.request<Vendor>("GET", `/orgs/${enc(org)}/vendors/${id}`);
        if (globals(cmd).json) return printJson(v);
        printFields([
          ["Name", v.name],
          ["Id", v.id],
          ["Services", v.services],
          ["Website", v.website],
          ["Contract", `${v.contract.start ?? "?"} → ${v.contract.end ?? "?"}`],
          ["Renewal notice by", v.contract.renewalNoticeDate],
          ["Commitment", v.contract.commitmentAmount ? `${v.contract.commitmentAmount} ${v.contract.commitmentCurrency}` : null],
          ["Trains on our data", v.dataTerms.trainsOnCustomerData],
          ["Retention (days)", v.dataTerms.retentionDays],
          ["DPA signed", v.dataTerms.dpaSigned ? "yes" : "no"],
          ["Data region", v.dataTerms.dataRegion],
          ["Components", v.componentIds.length],
          ["Systems using it", v.systemCount],
          ["Notes", v.notes],
        ]);
      });
    });

  fieldOptions(vendors.command("add").description("add a vendor"), false)
    .option("--json", "print the created vendor as JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const v = await client.request<Vendor>("POST", `/orgs/${enc(org)}/vendors`, body(opts));
        if (globals(cmd).json) return printJson(v);
        process.stdout.write(`created vendor "${v.name}" (${v.id})\n`);
      });
    });

  fieldOptions(vendors.command("update <vendor>").description("change fields of a vendor (by id or exact name)"), false)
    .option("--json", "print the updated vendor as JSON")
    .action(async (ref: string, opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "vendors", ref, "vendor");
        const v = await client.request<Vendor>("PATCH", `/orgs/${enc(org)}/vendors/${id}`, body(opts));
        if (globals(cmd).json) return printJson(v);
        process.stdout.write(`updated vendor "${v.name}" (version ${v.version})\n`);
      });
    });

  vendors
    .command("remove <vendor>")
    .alias("rm")
    .description("delete a vendor that supplies no components")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "vendors", ref, "vendor");
        await client.request("DELETE", `/orgs/${enc(org)}/vendors/${id}`);
        process.stdout.write(`removed vendor ${ref}\n`);
      });
    });
}
