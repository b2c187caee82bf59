import { randomBytes } from "node:crypto";
import { EmailSchema, OrganizationCreateSchema, PasswordSchema } from "@caio/core";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, type Store } from "@caio/db";
import { type Logger, startServer } from "@caio/server";
import type { Command } from "commander";
import { localOperatorName, openLocalStore } from "../client.js";
import { readEnv } from "../config.js";
import { loadDemo } from "../demo-load.js";
import { CliError, UsageError } from "../errors.js";
import { info, printJson, style } from "../output.js";
import { WEB_DIST } from "../paths.js";
import { globals } from "../session.js";

function localOnly(cmd: Command, what: string): void {
  if (globals(cmd).server ?? readEnv().CAIO_SERVER) throw new UsageError(`${what} works on the local database only; drop --server/CAIO_SERVER`);
}

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48)
      .replace(/-+$/g, "") || "org"
  );
}

async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const { store, db } = await openLocalStore(readEnv(), globals(cmd));
  try {
    return await fn(store);
  } finally {
    await db.close();
  }
}

/** Seeds the demo organization unless it exists. Returns false when it was already there. */
async function ensureDemo(store: Store): Promise<boolean> {
  if (await store.orgs.bySlug(DEMO_ORG.slug)) return false;
  await loadDemo(store);
  return true;
}

function demoSignIn(): string {
  return [
    `  organization: ${DEMO_ORG.name} (${DEMO_ORG.slug})`,
    `  sign in as:   ${DEMO_USERS[0].email}  (admin)`,
    `                ${DEMO_USERS[3].email}  (viewer)`,
    `  password:     ${DEMO_PASSWORD}`,
  ].join("\n");
}

const consoleLogger: Logger = {
  info: (msg, f) => process.stderr.write(`${new Date().toISOString()} info  ${msg}${f ? ` ${JSON.stringify(f)}` : ""}\n`),
  warn: (msg, f) => process.stderr.write(`${new Date().toISOString()} warn  ${msg}${f ? ` ${JSON.stringify(f)}` : ""}\n`),
  error: (msg, f) => process.stderr.write(`${new Date().toISOString()} error ${msg}${f ? ` ${JSON.stringify(f)}` : ""}\n`),
};

export function registerSetup(program: Command): void {
  program
    .command("init")
    .description("create an organization and its first admin; prints a one-time API token")
    .usage("--org <name> --admin <email> [options]")
    .requiredOption("--admin <email>", "email of the first admin")
    .option("--slug <slug>", "short id used in URLs and --org (default: from the name)")
    .option("--admin-name <name>", "the admin's display name", "")
    .option("--password-env <var>", "read the admin's password from this environment variable (default: generate one)")
    .option("--json", "print JSON")
    .addHelpText("after", '\n  --org <name> names the new organization, e.g. caio init --org "Acme GmbH" --admin ada@acme.example')
    .action(async (opts, cmd: Command) => {
      localOnly(cmd, "init");
      // --org is the program-wide option; for init it names the new organization.
      const name = globals(cmd).org;
      if (!name) throw new UsageError('init needs --org "Organization name"');
      const org = OrganizationCreateSchema.safeParse({ name, slug: opts.slug ?? slugify(name) });
      if (!org.success) throw new UsageError(`--${org.error.issues[0]?.path[0] === "slug" ? "slug" : "org"} ${org.error.issues[0]?.message}`);
      const email = EmailSchema.safeParse(opts.admin);
      if (!email.success) throw new UsageError(`--admin ${email.error.issues[0]?.message}`);
      let password: string;
      let generated = false;
      if (opts.passwordEnv) {
        const fromEnv = process.env[opts.passwordEnv];
        if (!fromEnv) throw new UsageError(`environment variable ${opts.passwordEnv} is empty or not set`);
        const ok = PasswordSchema.safeParse(fromEnv);
        if (!ok.success) throw new UsageError(`the password in ${opts.passwordEnv} ${ok.error.issues[0]?.message}`);
        password = fromEnv;
      } else {
        password = randomBytes(15).toString("base64url");
        generated = true;
      }
      await withStore(cmd, async (store) => {
        const actor = { label: `local:${localOperatorName()}` };
        let user = await store.users.byEmail(email.data);
        const existed = !!user;
        if (!user) user = await store.users.create(email.data, opts.adminName, password);
        const created = await store.orgs.create(org.data, actor, { adminUserId: user.id });
        const token = await store.tokens.create(created.id, user.id, "caio init", "admin", actor);
        if (globals(cmd).json) {
          printJson({ organization: created, admin: { email: user.email, password: existed ? null : generated ? password : null }, token: token.token });
          return;
        }
        process.stdout.write(`created organization ${style.bold(created.name)} (${created.slug})\n`);
        process.stdout.write(`admin: ${user.email}${existed ? " (existing user, password unchanged)" : ""}\n`);
        if (!existed && generated) process.stdout.write(`password (shown once): ${password}\n`);
        process.stdout.write(`API token (shown once, store it safely): ${token.token}\n`);
        info(`use it with: CAIO_TOKEN=<token> caio --server http://localhost:4319 --org ${created.slug} systems list`);
      });
    });

  program
    .command("demo")
    .description("load the demo organization: a 400-person logistics company with 16 AI systems, 6 vendors and their components")
    .option("--reset", "delete the demo organization first and load it again")
    .option("--json", "print JSON")
    .action(async (opts, cmd: Command) => {
      localOnly(cmd, "demo");
      await withStore(cmd, async (store) => {
        const existing = await store.orgs.bySlug(DEMO_ORG.slug);
        if (existing && opts.reset) await store.orgs.remove(existing.id);
        if (existing && !opts.reset) {
          if (globals(cmd).json) return printJson({ created: false, slug: DEMO_ORG.slug });
          process.stdout.write(`the demo organization already exists (${DEMO_ORG.slug}); use --reset to load it again\n${demoSignIn()}\n`);
          return;
        }
        const r = await loadDemo(store);
        if (globals(cmd).json) return printJson({ created: true, ...r });
        process.stdout.write(
          `loaded ${DEMO_ORG.name}: ${r.systems} AI systems, ${r.vendors} vendors, ${r.components} components, ` +
            `${r.repositories} scanned repositories (${r.shadow} shadow AI findings), ${r.usageRecords} usage records over six months, ` +
            `${r.classified} systems classified, ${r.useCases} use cases in the portfolio, leadership assessed (${r.leadership}), ${r.reports} board pack stored\n${demoSignIn()}\n`,
        );
      });
    });

  program
    .command("serve")
    .description("serve the API and the web app")
    .option("-p, --port <n>", "port (default 4319, or CAIO_PORT)")
    .option("--host <host>", "interface to listen on (use 0.0.0.0 to accept other machines)", "127.0.0.1")
    .option("--demo", "load the demo organization first if it is missing")
    .action(async (opts, cmd: Command) => {
      localOnly(cmd, "serve");
      const env = readEnv();
      const port = opts.port === undefined ? (env.CAIO_PORT ?? 4319) : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${opts.port}"`);
      const { store, db } = await openLocalStore(env, globals(cmd), `caio serve on port ${port}`);
      let seeded = false;
      if (opts.demo) seeded = await ensureDemo(store);
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ store, logger: consoleLogger, webDir: WEB_DIST }, { port, host: opts.host });
      } catch (e) {
        await db.close();
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE") throw new CliError(`port ${port} is already in use; stop the other process or pass --port`);
        throw e;
      }
      const where = db.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded database in ${globals(cmd).dataDir ?? env.CAIO_DATA_DIR ?? ".caio"}`;
      process.stdout.write(`caio is running at ${style.bold(server.url)}  (${where})\n`);
      process.stdout.write(`API: ${server.url}/api/v1  ·  OpenAPI: ${server.url}/api/v1/openapi.json\n`);
      if (opts.demo) process.stdout.write(`${seeded ? "demo organization loaded" : "demo organization"}:\n${demoSignIn()}\n`);
      process.stdout.write("press Ctrl+C to stop\n");
      await new Promise<void>((resolve) => {
        const stop = async () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          await server.close();
          await db.close();
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });

  const users = program.command("users").description("user accounts of this installation");
  users
    .command("set-password <email>")
    .description("set a user's password, read from an environment variable")
    .requiredOption("--password-env <var>", "environment variable holding the new password")
    .action(async (emailArg: string, opts, cmd: Command) => {
      localOnly(cmd, "users set-password");
      const pw = PasswordSchema.safeParse(process.env[opts.passwordEnv] ?? "");
      if (!pw.success) throw new UsageError(`the password in ${opts.passwordEnv} ${pw.error.issues[0]?.message}`);
      await withStore(cmd, async (store) => {
        const user = await store.users.byEmail(emailArg);
        if (!user) throw new CliError(`no user with email ${emailArg}`);
        await store.users.setPassword(user.id, pw.data);
        process.stdout.write(`password set for ${user.email}\n`);
      });
    });
}
