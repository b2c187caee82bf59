import { type ApiToken, type ApiTokenCreated, type Member, type OrganizationWithRole, ROLES } from "@caio/core";
import type { Command } from "commander";
import { CliError, UsageError } from "../errors.js";
import { info, printJson, printTable } from "../output.js";
import { enc, globals, withClient, withOrg } from "../session.js";
import { choice } from "./common.js";
import { slugify } from "./setup.js";

export function registerAccess(program: Command): void {
  const orgs = program.command("orgs").description("organizations");
  orgs
    .command("list")
    .description("organizations you can reach, with your role")
    .option("--json", "print JSON")
    .action(async (_opts, cmd: Command) => {
      await withClient(cmd, async (client) => {
        const { items } = await client.request<{ items: OrganizationWithRole[] }>("GET", "/orgs");
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Slug", "Name", "Your role", "Created"],
          items.map((o) => [o.slug, o.name, o.role, o.createdAt.slice(0, 10)]),
        );
      });
    });
  orgs
    .command("create <name>")
    .description("create another organization (add members with `caio members add`)")
    .option("--slug <slug>", "short id (default: from the name)")
    .action(async (name: string, opts, cmd: Command) => {
      await withClient(cmd, async (client) => {
        const o = await client.request<OrganizationWithRole>("POST", "/orgs", { name, slug: opts.slug ?? slugify(name) });
        process.stdout.write(`created organization ${o.name} (${o.slug})\n`);
      });
    });

  const members = program.command("members").description("who can use an organization, and with which role");
  members
    .command("list")
    .option("--json", "print JSON")
    .description("list members")
    .action(async (_opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: Member[] }>("GET", `/orgs/${enc(org)}/members`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Email", "Name", "Role"],
          items.map((m) => [m.email, m.name, m.role]),
        );
      });
    });
  members
    .command("add <email>")
    .description("add a member; a new user's password is read from --password-env")
    .addOption(choice("--role <role>", "role in this organization", ROLES).makeOptionMandatory())
    .option("--name <name>", "display name", "")
    .option("--password-env <var>", "environment variable holding the new user's password")
    .action(async (email: string, opts, cmd: Command) => {
      let password: string | undefined;
      if (opts.passwordEnv) {
        password = process.env[opts.passwordEnv];
        if (!password) throw new UsageError(`environment variable ${opts.passwordEnv} is empty or not set`);
      }
      await withOrg(cmd, async (client, org) => {
        const m = await client.request<Member>("POST", `/orgs/${enc(org)}/members`, {
          email,
          name: opts.name,
          role: opts.role,
          ...(password ? { password } : {}),
        });
        process.stdout.write(`${m.email} is now ${m.role} of ${org}\n`);
      });
    });
  members
    .command("set-role <email>")
    .description("change a member's role")
    .addOption(choice("--role <role>", "new role", ROLES).makeOptionMandatory())
    .action(async (email: string, opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: Member[] }>("GET", `/orgs/${enc(org)}/members`);
        const m = items.find((x) => x.email === email.toLowerCase());
        if (!m) throw new CliError(`${email} is not a member of ${org}`);
        await client.request("PATCH", `/orgs/${enc(org)}/members/${m.userId}`, { role: opts.role });
        process.stdout.write(`${m.email} is now ${opts.role} of ${org}\n`);
      });
    });
  members
    .command("remove <email>")
    .description("remove a member and their API tokens for this organization")
    .action(async (email: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: Member[] }>("GET", `/orgs/${enc(org)}/members`);
        const m = items.find((x) => x.email === email.toLowerCase());
        if (!m) throw new CliError(`${email} is not a member of ${org}`);
        await client.request("DELETE", `/orgs/${enc(org)}/members/${m.userId}`);
        process.stdout.write(`removed ${m.email} from ${org}\n`);
      });
    });

  const tokens = program.command("tokens").description("API tokens for scripts, CI and `caio --server`");
  tokens
    .command("list")
    .option("--json", "print JSON")
    .description("active tokens (never their secrets)")
    .action(async (_opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: ApiToken[] }>("GET", `/orgs/${enc(org)}/tokens`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Name", "Prefix", "Role", "Created", "Last used", "Id"],
          items.map((t) => [t.name, `${t.prefix}…`, t.role, t.createdAt.slice(0, 10), t.lastUsedAt?.slice(0, 10), t.id]),
        );
      });
    });
  tokens
    .command("create <name>")
    .description("create a token; its secret is printed once")
    .addOption(choice("--role <role>", "role the token acts with (default: yours)", ROLES))
    .action(async (name: string, opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const t = await client.request<ApiTokenCreated>("POST", `/orgs/${enc(org)}/tokens`, { name, ...(opts.role ? { role: opts.role } : {}) });
        process.stdout.write(`${t.token}\n`);
        info(`token "${t.name}" (${t.role}) created; this is the only time it is shown`);
      });
    });
  tokens
    .command("revoke <id>")
    .description("revoke a token")
    .action(async (id: string, _opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        await client.request("DELETE", `/orgs/${enc(org)}/tokens/${enc(id)}`);
        process.stdout.write(`revoked token ${id}\n`);
      });
    });
}
