import { AFFECTED_BANDS, DECISIONS, EU_NEXUS, PERSONAL_DATA, STAGES, type System } from "@caio/core";
import { type Command, Option } from "commander";
import { printFields, printJson, printTable } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice, dateOnly, list, pick, readJsonFile, resolveRef } from "./common.js";

const FIELD_FLAGS = {
  name: "name",
  purpose: "purpose",
  businessOwner: "businessOwner",
  technicalOwner: "technicalOwner",
  department: "department",
  stage: "stage",
  customerFacing: "customerFacing",
  decisions: "decisionsAffectingPeople",
  personalData: "personalData",
  affected: "affectedPeople",
  euNexus: "euNexus",
  notes: "notes",
  tag: "tags",
  component: "componentIds",
};

function fieldOptions(cmd: Command, requireName: boolean): Command {
  return cmd
    .addOption(new Option("--name <name>", "system name").makeOptionMandatory(requireName))
    .option("--purpose <text>", "what the system does and for whom")
    .option("--business-owner <name>", "accountable business owner")
    .option("--technical-owner <name>", "team or person who runs it")
    .option("--department <name>", "department")
    .addOption(choice("--stage <stage>", "lifecycle stage", STAGES))
    .option("--customer-facing", "customers interact with it or see its output")
    .option("--no-customer-facing", "internal only")
    .addOption(choice("--decisions <level>", "decisions affecting people", DECISIONS))
    .option("--personal-data <list>", `personal-data categories, comma-separated (${PERSONAL_DATA.join(", ")})`, list)
    .addOption(choice("--affected <band>", "how many people its outputs reach", AFFECTED_BANDS))
    .option("--eu-nexus <list>", `EU nexus, comma-separated (${EU_NEXUS.join(", ")})`, list)
    .option("--notes <text>", "free-text notes")
    .option("--tag <tag>", "tag (repeat or comma-separate)", list)
    .option("--component <id>", "linked component id (repeat or comma-separate)", list)
    .option("--file <json>", "read fields from a JSON file (flags override it)");
}

function body(opts: Record<string, unknown>): Record<string, unknown> {
  const base = typeof opts.file === "string" ? readJsonFile(opts.file) : {};
  return { ...base, ...pick(opts, FIELD_FLAGS) };
}

export function registerSystems(program: Command): void {
  const systems = program.command("systems").description("AI systems (use cases) in the inventory");

  systems
    .command("list")
    .description("list AI systems")
    .option("-q, --search <text>", "search name, purpose, owners, department and tags")
    .addOption(choice("--stage <stage>", "only this stage", STAGES))
    .option("--vendor <id>", "only systems using this vendor's components (id)")
    .addOption(choice("--customer-facing <yes|no>", "only customer-facing (yes) or internal (no)", ["yes", "no"]))
    .addOption(choice("--sort <field>", "sort by", ["name", "stage", "updatedAt", "department"]).default("name"))
    .option("--desc", "sort descending")
    .option("--json", "print JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams({ sort: opts.sort, order: opts.desc ? "desc" : "asc", limit: "500" });
        if (opts.search) q.set("q", opts.search);
        if (opts.stage) q.set("stage", opts.stage);
        if (opts.vendor) q.set("vendorId", opts.vendor);
        if (opts.customerFacing) q.set("customerFacing", opts.customerFacing === "yes" ? "true" : "false");
        const res = await client.request<{ items: System[]; total: number }>("GET", `/orgs/${enc(org)}/systems?${q}`);
        if (globals(cmd).json) return printJson(res.items);
        printTable(
          ["Name", "Stage", "Department", "Business owner", "Customer-facing", "Components", "Id"],
          res.items.map((s) => [s.name, s.stage, s.department, s.businessOwner, s.customerFacing ? "yes" : "no", s.components.length, s.id]),
        );
      });
    });

  systems
    .command("show <system>")
    .description("show one system (by id or exact name)")
    .option("--json", "print JSON")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "systems", ref, "system");
        const s = await client.request<System>("GET", `/orgs/${enc(org)}/systems/${id}`);
        if (globals(cmd).json) return printJson(s);
        printFields([
          ["Name", s.name],
          ["Id", s.id],
          ["Purpose", s.purpose],
          ["Stage", s.stage],
          ["Business owner", s.businessOwner],
          ["Technical owner", s.technicalOwner],
          ["Department", s.department],
          ["Customer-facing", s.customerFacing ? "yes" : "no"],
          ["Decisions about people", s.decisionsAffectingPeople],
          ["Personal data", s.personalData],
          ["People affected", s.affectedPeople],
          ["EU nexus", s.euNexus],
          ["Tags", s.tags],
          ["Notes", s.notes],
          ["Components", s.components.map((c) => `${c.name} (${c.kind}${c.vendorName ? `, ${c.vendorName}` : ""})`)],
          ["Version", s.version],
          ["Updated", dateOnly(s.updatedAt)],
        ]);
      });
    });

  fieldOptions(systems.command("add").description("register an AI system"), false)
    .option("--json", "print the created system as JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const s = await client.request<System>("POST", `/orgs/${enc(org)}/systems`, body(opts));
        if (globals(cmd).json) return printJson(s);
        process.stdout.write(`created system "${s.name}" (${s.id})\n`);
      });
    });

  fieldOptions(systems.command("update <system>").description("change fields of a system (by id or exact name)"), false)
    .option("--json", "print the updated system as JSON")
    .action(async (ref: string, opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "systems", ref, "system");
        const s = await client.request<System>("PATCH", `/orgs/${enc(org)}/systems/${id}`, body(opts));
        if (globals(cmd).json) return printJson(s);
        process.stdout.write(`updated system "${s.name}" (version ${s.version})\n`);
      });
    });

  systems
    .command("remove <system>")
    .alias("rm")
    .description("delete a system (history and audit entries remain)")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "systems", ref, "system");
        await client.request("DELETE", `/orgs/${enc(org)}/systems/${id}`);
        process.stdout.write(`removed system ${ref}\n`);
      });
    });

  systems
    .command("history <system>")
    .description("every version of a system, newest first")
    .option("--json", "print JSON")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "systems", ref, "system");
        const { items } = await client.request<{ items: { version: number; action: string; actor: string; at: string }[] }>(
          "GET",
          `/orgs/${enc(org)}/systems/${id}/history`,
        );
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Version", "Action", "Actor", "At"],
          items.map((v) => [v.version, v.action, v.actor, v.at]),
        );
      });
    });
}
