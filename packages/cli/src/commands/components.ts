import { COMPONENT_KINDS, type Component, HOSTINGS } from "@caio/core";
import { type Command, Option } from "commander";
import { printJson, printTable } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice, list, pick, readJsonFile, resolveRef } from "./common.js";

function fieldOptions(cmd: Command, create: boolean): Command {
  return cmd
    .addOption(choice("--kind <kind>", "component kind", COMPONENT_KINDS).makeOptionMandatory(create))
    .addOption(new Option("--name <name>", "component name").makeOptionMandatory(create))
    .option("--provider <name>", "provider, e.g. openai")
    .option("--identifier <id>", "model id, package name or endpoint")
    .option("--version <v>", "version")
    .addOption(choice("--hosting <where>", "where it runs", HOSTINGS))
    .option("--vendor <id>", "vendor id")
    .option("--system <id>", "linked system id (repeat or comma-separate)", list)
    .option("--notes <text>", "notes")
    .option("--file <json>", "read fields from a JSON file (flags override it)");
}

const FLAGS = {
  kind: "kind",
  name: "name",
  provider: "provider",
  identifier: "identifier",
  version: "version",
  hosting: "hosting",
  vendor: "vendorId",
  system: "systemIds",
  notes: "notes",
};

function body(opts: Record<string, unknown>): Record<string, unknown> {
  const base = typeof opts.file === "string" ? readJsonFile(opts.file) : {};
  return { ...base, ...pick(opts, FLAGS) };
}

export function registerComponents(program: Command): void {
  const components = program.command("components").description("models, SDKs, vendor services, vector stores, datasets and more that systems are built from");

  components
    .command("list")
    .description("list components")
    .option("-q, --search <text>", "search name, provider, identifier and vendor")
    .addOption(choice("--kind <kind>", "only this kind", COMPONENT_KINDS))
    .option("--json", "print JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams({ limit: "500" });
        if (opts.search) q.set("q", opts.search);
        if (opts.kind) q.set("kind", opts.kind);
        const { items } = await client.request<{ items: Component[] }>("GET", `/orgs/${enc(org)}/components?${q}`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Kind", "Name", "Provider", "Identifier", "Hosting", "Vendor", "Systems", "Id"],
          items.map((c) => [c.kind, c.name, c.provider, c.identifier, c.hosting, c.vendorName, c.systemIds.length, c.id]),
        );
      });
    });

  components
    .command("show <component>")
    .description("show one component as JSON (by id or exact name)")
    .option("--json", "print JSON (the default for this command)")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "components", ref, "component");
        printJson(await client.request<Component>("GET", `/orgs/${enc(org)}/components/${id}`));
      });
    });

  fieldOptions(components.command("add").description("add a component"), true)
    .option("--json", "print the created component as JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const c = await client.request<Component>("POST", `/orgs/${enc(org)}/components`, body(opts));
        if (globals(cmd).json) return printJson(c);
        process.stdout.write(`created component "${c.name}" (${c.id})\n`);
      });
    });

  fieldOptions(components.command("update <component>").description("change a component"), false)
    .option("--json", "print the updated component as JSON")
    .action(async (ref: string, opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "components", ref, "component");
        const c = await client.request<Component>("PATCH", `/orgs/${enc(org)}/components/${id}`, body(opts));
        if (globals(cmd).json) return printJson(c);
        process.stdout.write(`updated component "${c.name}"\n`);
      });
    });

  components
    .command("remove <component>")
    .alias("rm")
    .description("delete a component (unlinks it from systems)")
    .action(async (ref: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "components", ref, "component");
        await client.request("DELETE", `/orgs/${enc(org)}/components/${id}`);
        process.stdout.write(`removed component ${ref}\n`);
      });
    });
}
