import { readFileSync } from "node:fs";
import { Option } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { enc } from "../session.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a record by id or by exact (case-insensitive) name. */
export async function resolveRef(client: ApiClient, org: string, collection: "systems" | "vendors" | "components", ref: string, what: string): Promise<string> {
  if (UUID.test(ref)) return ref.toLowerCase();
  const { items } = await client.request<{ items: { id: string; name: string }[] }>("GET", `/orgs/${enc(org)}/${collection}?q=${enc(ref)}&limit=500`);
  const matches = items.filter((i) => i.name.toLowerCase() === ref.toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) throw new CliError(`several ${what}s are named "${ref}"; use the id`);
  throw new CliError(`no ${what} named "${ref}" in organization ${org}`);
}

/** Reads a JSON object from a file given with --file. */
export function readJsonFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CliError(`${path} must contain a JSON object`);
  return value as Record<string, unknown>;
}

export const list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
];

export function choice(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices as string[]);
}

/** Copies defined option values into a body under API field names. */
export function pick(opts: Record<string, unknown>, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [opt, field] of Object.entries(map)) if (opts[opt] !== undefined) out[field] = opts[opt];
  return out;
}

export function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}
