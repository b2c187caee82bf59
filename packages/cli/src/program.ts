import { Command, CommanderError } from "commander";
import { registerAccess } from "./commands/access.js";
import { registerAudit } from "./commands/audit.js";
import { registerComponents } from "./commands/components.js";
import { registerDiscoveryReads } from "./commands/discovery.js";
import { registerGovernance } from "./commands/governance.js";
import { registerPolicies } from "./commands/policies.js";
import { registerPortfolio } from "./commands/portfolio.js";
import { registerPull } from "./commands/pull.js";
import { registerReport } from "./commands/report.js";
import { registerIncidents, registerRisks } from "./commands/risks.js";
import { registerSavings } from "./commands/savings.js";
import { registerScan } from "./commands/scan.js";
import { registerSetup } from "./commands/setup.js";
import { registerAttribution, registerSpend } from "./commands/spend.js";
import { registerStrategy } from "./commands/strategy.js";
import { registerSystems } from "./commands/systems.js";
import { registerTransfer } from "./commands/transfer.js";
import { registerVendors } from "./commands/vendors.js";
import { CliError, EXIT } from "./errors.js";
import { style } from "./output.js";

export const CLI_VERSION = "0.1.0";

export function buildProgram(): Command {
  const program = new Command("caio")
    .description("caio: the AI office as software. Inventory, govern and report on every AI system a company runs.")
    .version(CLI_VERSION, "-V, --version")
    .option("--org <slug>", "organization to work on (or CAIO_ORG; default: the only one)")
    .option("--server <url>", "work against a running caio server (or CAIO_SERVER) with CAIO_TOKEN")
    .option("--data-dir <dir>", "embedded database directory (or CAIO_DATA_DIR; default ./.caio)")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Environment:
  DATABASE_URL     postgres://… to use a PostgreSQL server instead of the embedded database
  CAIO_DATA_DIR    embedded database directory (default ./.caio)
  CAIO_ORG         default organization slug
  CAIO_SERVER      server URL; with CAIO_TOKEN, commands run against it
  NO_COLOR         disable colours

Exit codes: 0 success, 1 failure, 2 usage error.
Quick start: caio demo && caio systems list`,
    );
  program.exitOverride();
  registerSetup(program);
  registerSystems(program);
  registerVendors(program);
  registerComponents(program);
  registerAudit(program);
  registerTransfer(program);
  registerAccess(program);
  registerScan(program);
  registerSpend(program);
  registerAttribution(program);
  registerPull(program);
  registerSavings(program);
  registerRisks(program);
  registerIncidents(program);
  registerGovernance(program);
  registerPolicies(program);
  registerPortfolio(program);
  registerStrategy(program);
  registerReport(program);
  registerDiscoveryReads(program);
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
      // commander already printed the message
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      process.stderr.write(`${style.red("error")}: ${e.message}\n`);
      for (const d of e.details) process.stderr.write(`  - ${d}\n`);
      return e.exitCode;
    }
    process.stderr.write(`${style.red("error")}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.CAIO_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
    return EXIT.failure;
  }
}
