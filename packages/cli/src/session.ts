import type { OrganizationWithRole } from "@caio/core";
import type { Command } from "commander";
import { type ApiClient, openClient } from "./client.js";
import { type Env, type GlobalOptions, readEnv } from "./config.js";
import { CliError, EXIT } from "./errors.js";

/** The root program's options, wherever the command sits in the tree. */
export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

/** Opens the client (local database or --server), runs `fn`, always closes. */
export async function withClient<T>(cmd: Command, fn: (client: ApiClient, env: Env, opts: GlobalOptions) => Promise<T>): Promise<T> {
  const env = readEnv();
  const opts = globals(cmd);
  const client = await openClient(env, opts);
  try {
    return await fn(client, env, opts);
  } finally {
    await client.close();
  }
}

/** --org, else CAIO_ORG, else the only organization there is. */
export async function resolveOrg(client: ApiClient, env: Env, opts: GlobalOptions): Promise<string> {
  const chosen = opts.org ?? env.CAIO_ORG;
  if (chosen) return chosen;
  const { items } = await client.request<{ items: OrganizationWithRole[] }>("GET", "/orgs");
  if (items.length === 1 && items[0]) return items[0].slug;
  if (items.length === 0) throw new CliError("there is no organization yet: run `caio init --org NAME --admin EMAIL` or `caio demo`", EXIT.failure);
  throw new CliError(`several organizations exist; choose one with --org or CAIO_ORG: ${items.map((o) => o.slug).join(", ")}`, EXIT.usage);
}

export async function withOrg<T>(cmd: Command, fn: (client: ApiClient, org: string, opts: GlobalOptions) => Promise<T>): Promise<T> {
  return withClient(cmd, async (client, env, opts) => fn(client, await resolveOrg(client, env, opts), opts));
}

export const enc = encodeURIComponent;
