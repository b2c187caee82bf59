import type { RepositorySummary, StoredFinding } from "@caio/core";
import type { Command } from "commander";
import { printJson, printTable } from "../output.js";
import { enc, globals, withOrg } from "../session.js";

function where(f: StoredFinding): string {
  const e = f.evidence[0];
  return e ? `${e.file}:${e.line}${f.occurrences > 1 ? ` (+${f.occurrences - 1})` : ""}` : "";
}

export function registerDiscoveryReads(program: Command): void {
  program
    .command("shadow")
    .description("shadow AI: runtime AI found by `caio scan` that belongs to no registered system")
    .option("--json", "print JSON")
    .action(async (_opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: StoredFinding[] }>("GET", `/orgs/${enc(org)}/shadow`);
        if (globals(cmd).json) return printJson(items);
        if (items.length === 0) {
          process.stdout.write("no shadow AI: every runtime finding belongs to a registered system (or nothing was scanned yet: run `caio scan PATH`)\n");
          return;
        }
        printTable(
          ["Repository", "Kind", "Id", "Provider", "Confidence", "Where", "Matching component"],
          items.map((f) => [f.repository, f.kind, f.id, f.provider, f.confidence, where(f), f.componentName ?? "—"]),
        );
        process.stdout.write(
          `${items.length} finding(s) belong to no registered system: register them with \`caio systems add\` or in the web app (Discovery).\n`,
        );
      });
    });

  const findings = program.command("findings").description("what `caio scan` found, per repository");
  findings
    .command("list")
    .description("list findings (open ones by default)")
    .option("--repository <name>", "only this repository")
    .option("--kind <kind>", "only this kind (sdk, provider, model, service, vector-store, dataset, mcp-server, dev-tool, secret)")
    .option("--scope <scope>", "only this scope (runtime, test, docs, example)")
    .option("--gone", "findings no longer seen by the latest scan")
    .option("--json", "print JSON")
    .action(async (opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams({ status: opts.gone ? "gone" : "open" });
        if (opts.repository) q.set("repository", opts.repository);
        if (opts.kind) q.set("kind", opts.kind);
        if (opts.scope) q.set("scope", opts.scope);
        const { items } = await client.request<{ items: StoredFinding[] }>("GET", `/orgs/${enc(org)}/findings?${q}`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Repository", "Kind", "Id", "Provider", "Confidence", "Scope", "Where", "Systems"],
          items.map((f) => [f.repository, f.kind, f.id, f.provider, f.confidence, f.scope, where(f), f.shadow ? "SHADOW" : f.systems.join(", ")]),
        );
      });
    });
  findings
    .command("repos")
    .description("scanned repositories with counts")
    .option("--json", "print JSON")
    .action(async (_opts, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const { items } = await client.request<{ items: RepositorySummary[] }>("GET", `/orgs/${enc(org)}/repositories`);
        if (globals(cmd).json) return printJson(items);
        printTable(
          ["Repository", "Last scan", "Files", "Open", "Runtime", "Shadow", "Secrets"],
          items.map((r) => [
            r.name,
            r.lastScanAt?.slice(0, 16).replace("T", " "),
            r.filesScanned,
            r.openFindings,
            r.runtimeFindings,
            r.shadowFindings,
            r.secrets,
          ]),
        );
      });
    });
}
