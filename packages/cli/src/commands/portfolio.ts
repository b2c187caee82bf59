import {
  DATA_READINESS,
  KPI_TYPES,
  type KpiActual,
  PORTFOLIO_RECOMMENDATIONS,
  type Roadmap,
  type RoiReport,
  type StageGate,
  USE_CASE_STAGES,
  type UseCaseList,
  type UseCaseView,
  VENDOR_TRENDS,
} from "@caio/core";
import { type Command, Option } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { printFields, printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice, dateOnly, list, pick, readJsonFile, resolveRef } from "./common.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date YYYY-MM-DD; with `allowNone`, "none" (sent as null). */
function date(flag: string, allowNone = false) {
  return (v: string) => {
    if (allowNone && v === "none") return null;
    const t = Date.parse(`${v}T00:00:00Z`);
    if (!DATE.test(v) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v)
      throw new UsageError(`${flag}: "${v}" is not a date as YYYY-MM-DD${allowNone ? ' (or "none")' : ""}`);
    return v;
  };
}

/** A USD amount: "1200000", "1,200,000", "$95000.50". */
function money(flag: string) {
  return (v: string) => {
    const s = v.replace(/^\$/, "").replace(/[,_]/g, "");
    if (!/^\d{1,12}(\.\d{1,6})?$/.test(s)) throw new UsageError(`${flag}: "${v}" is not an amount in USD such as 250000 or 95000.50`);
    return s;
  };
}

/** A KPI number in its own unit; "none" clears it. */
function kpiNumber(flag: string) {
  return (v: string) => {
    if (v === "none") return null;
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${flag}: "${v}" is not a number`);
    return n;
  };
}

const yesNo = (flags: string, description: string) =>
  new Option(flags, `${description} (yes or no)`).choices(["yes", "no"]).argParser((v: string) => {
    if (v !== "yes" && v !== "no") throw new UsageError(`${flags.split(" ")[0]}: "${v}" must be yes or no`);
    return v === "yes";
  });

const usd = (amount: string) => `$${Number(amount).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const pct = (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)}%`);

function gateText(name: string, g: StageGate): string {
  switch (g.state) {
    case "due":
      return `${name} due ${g.dueDate} (${g.daysLeft} days left)`;
    case "overdue":
      return `${name} OVERDUE by ${-(g.daysLeft ?? 0)} days (due ${g.dueDate})`;
    case "late":
      return `${name} passed late (due ${g.dueDate})`;
    case "met":
      return `${name} met`;
    case "not-applicable":
      return `${name} n/a`;
    default:
      return `${name} not started`;
  }
}

/** The gate that matters now: the running one, else the last passed. */
function currentGate(v: UseCaseView): string {
  const g = v.gates;
  if (v.stage === "stopped") return "stopped";
  if (g.production.state === "due" || g.production.state === "overdue") return gateText("production", g.production);
  if (g.pilot.state === "due" || g.pilot.state === "overdue") return gateText("pilot", g.pilot);
  if (v.stage === "production") return gateText("production", g.production);
  if (v.stage === "pilot") return gateText("pilot", g.pilot);
  return "";
}

async function findUseCase(client: ApiClient, org: string, ref: string): Promise<UseCaseView> {
  if (UUID.test(ref)) return client.request<UseCaseView>("GET", `/orgs/${enc(org)}/usecases/${ref.toLowerCase()}`);
  const { items } = await client.request<UseCaseList>("GET", `/orgs/${enc(org)}/usecases`);
  const lower = ref.toLowerCase();
  const byId = lower.length >= 8 && /^[0-9a-f-]+$/.test(lower) ? items.filter((i) => i.id.startsWith(lower)) : [];
  const hits = byId.length ? byId : items.filter((i) => i.name.toLowerCase() === lower);
  if (hits.length > 1) throw new CliError(`"${ref}" matches ${hits.length} use cases; use the id`);
  const hit = hits[0];
  if (!hit) throw new CliError(`no use case "${ref}" in this organization (see \`caio usecases list\`)`);
  return hit;
}

function useCaseOptions(cmd: Command, create: boolean): Command {
  return cmd
    .addOption(new Option("--name <text>", "the use case in a few words").makeOptionMandatory(create))
    .option("--problem <text>", "the business problem it solves")
    .option("--owner <name>", "who owns the outcome")
    .addOption(choice("--kpi-type <type>", "what it moves on the P&L", KPI_TYPES))
    .option("--kpi-name <text>", 'the KPI, e.g. "minutes per invoice"')
    .option("--kpi-unit <text>", 'its unit, e.g. "min" or "%"')
    .option("--baseline <number>", 'the KPI today ("none" clears it)', kpiNumber("--baseline"))
    .option("--target <number>", 'the KPI when it works ("none" clears it)', kpiNumber("--target"))
    .option("--value <usd>", "estimated value per year at the target, USD", money("--value"))
    .option("--build-cost <usd>", "one-off cost to build or buy and roll out, USD", money("--build-cost"))
    .option("--run-cost <usd>", "cost per year to run, USD", money("--run-cost"))
    .addOption(choice("--data <readiness>", "is the data it needs there", DATA_READINESS))
    .option("--dependency <text>", "what must be in place first: another use case by name, or anything in words (repeat or comma-separate)", list)
    .option("--system <system>", 'the AI system in the inventory it runs as, by name or id ("none" unlinks)')
    .option("--label <label>", "a risk label beyond the system's classification, e.g. personal-data (repeat or comma-separate)", list)
    .addOption(yesNo("--differentiating <yes|no>", "does it set the company apart"))
    .addOption(choice("--vendor-trend <trend>", "vendors' offerings for it: rising, flat or none", VENDOR_TRENDS))
    .addOption(yesNo("--commoditizing <yes|no>", "expected to become a commodity within 12 months"))
    .addOption(choice("--stage <stage>", "idea, pilot, production or stopped", USE_CASE_STAGES))
    .option("--pilot-started <date>", 'first day of the pilot, YYYY-MM-DD ("none" clears it)', date("--pilot-started", true))
    .option("--production-on <date>", 'day it went into production ("none" clears it)', date("--production-on", true))
    .addOption(yesNo("--funded <yes|no>", "the decision to fund it"))
    .option("--funded-on <date>", "day it was funded (default: today when --funded yes)", date("--funded-on", true))
    .option("--file <json>", "read fields from a JSON file (flags override it)");
}

async function useCaseBody(client: ApiClient, org: string, opts: Record<string, unknown>): Promise<Record<string, unknown>> {
  const base = typeof opts.file === "string" ? readJsonFile(opts.file) : {};
  const out: Record<string, unknown> = {
    ...base,
    ...pick(opts, {
      name: "name",
      problem: "problem",
      owner: "owner",
      kpiType: "kpiType",
      kpiName: "kpiName",
      kpiUnit: "kpiUnit",
      baseline: "kpiBaseline",
      target: "kpiTarget",
      value: "annualValue",
      buildCost: "buildCost",
      runCost: "annualRunCost",
      data: "dataReadiness",
      dependency: "dependencies",
      label: "labels",
      differentiating: "differentiating",
      vendorTrend: "vendorTrend",
      commoditizing: "commoditizing",
      stage: "stage",
      pilotStarted: "pilotStartedOn",
      productionOn: "productionOn",
      funded: "funded",
      fundedOn: "fundedOn",
    }),
  };
  if (typeof opts.system === "string") out.systemId = opts.system === "none" ? null : await resolveRef(client, org, "systems", opts.system, "system");
  return out;
}

const scoreCells = (v: UseCaseView) => {
  const s = v.assessment.scores;
  return [s.priority.toFixed(1), s.value, s.feasibility, s.risk, s.timeToValue];
};

function printUseCase(v: UseCaseView): void {
  const a = v.assessment;
  printFields([
    ["Name", v.name],
    ["Id", v.id],
    ["Recommendation", `${a.recommendation.toUpperCase()}${a.fund ? " · recommended for funding" : ""}${a.rank ? ` (rank ${a.rank})` : ""}`],
    ["Reasons", a.reasons.map((r) => `${r.text} [${r.code}]`)],
    [
      "Scores",
      `priority ${a.scores.priority.toFixed(1)} · value ${a.scores.value} · feasibility ${a.scores.feasibility} · risk ${a.scores.risk} · time to value ${a.scores.timeToValue}`,
    ],
    ["Stage", v.stage],
    ["Funded", v.funded ? `yes, on ${v.fundedOn}` : "no"],
    ["Gates", [gateText("pilot", v.gates.pilot), gateText("production", v.gates.production)].concat(v.gates.stalled ? ["STALLED"] : [])],
    ["Problem", v.problem],
    ["Owner", v.owner],
    ["KPI", `${v.kpiType}: ${v.kpiName || "—"}${v.kpiUnit ? ` (${v.kpiUnit})` : ""}, baseline ${v.kpiBaseline ?? "—"} → target ${v.kpiTarget ?? "—"}`],
    ["Value per year", usd(v.annualValue)],
    ["Build cost", usd(v.buildCost)],
    ["Run cost per year", usd(v.annualRunCost)],
    ["Data readiness", v.dataReadiness],
    ["Dependencies", v.dependencies],
    ["System", v.systemName],
    ["Risk labels", v.riskLabels],
    [
      "Market",
      `${v.differentiating ? "differentiating" : "not differentiating"}, vendor trend ${v.vendorTrend}${v.commoditizing ? ", commoditizing within 12 months" : ""}`,
    ],
    ["Pilot started", v.pilotStartedOn],
    ["In production", v.productionOn],
    [
      "ROI",
      `realized ${usd(v.roi.realizedAnnualValue)} of ${usd(v.roi.plannedAnnualValue)} a year (${pct(v.roi.progress)} of plan), ROI ${pct(v.roi.roi)}, payback ${
        v.roi.paybackMonths === null ? "none at this rate" : `${v.roi.paybackMonths} months`
      }`,
    ],
    ["KPI actuals", v.actuals.map((x) => `${x.on}: ${x.value}${v.kpiUnit ? ` ${v.kpiUnit}` : ""}${x.note ? ` (${x.note})` : ""}`)],
    ["Version", v.version],
    ["Updated", dateOnly(v.updatedAt)],
  ]);
}

export function registerPortfolio(program: Command): void {
  const usecases = program
    .command("usecases")
    .description("the use-case portfolio: value, feasibility, risk and time-to-value scores; build / buy / wait / stop with reasons; KPI actuals");

  usecases
    .command("list", { isDefault: true })
    .description("list use cases, highest priority first, with their recommendation and fund marks")
    .addOption(choice("--stage <stage>", "only use cases in this stage", USE_CASE_STAGES))
    .addOption(choice("--recommendation <rec>", "only use cases with this recommendation", PORTFOLIO_RECOMMENDATIONS))
    .option("--json", "print JSON")
    .action(async (opts: { stage?: string; recommendation?: string; json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams();
        if (opts.stage) q.set("stage", opts.stage);
        if (opts.recommendation) q.set("recommendation", opts.recommendation);
        const qs = q.toString();
        const { items } = await client.request<UseCaseList>("GET", `/orgs/${enc(org)}/usecases${qs ? `?${qs}` : ""}`);
        if (globals(cmd).json || opts.json) return printJson(items);
        printTable(
          ["Priority", "Use case", "Stage", "Recommendation", "Fund", "Funded", "Value/yr", "Gate", "Id"],
          items.map((v) => [
            v.assessment.scores.priority.toFixed(1),
            v.name,
            v.stage,
            v.assessment.recommendation,
            v.assessment.fund ? "fund" : "",
            v.funded ? "yes" : "",
            usd(v.annualValue),
            currentGate(v),
            v.id.slice(0, 8),
          ]),
        );
      });
    });

  usecases
    .command("show <usecase>")
    .description("one use case in full: reasons, scores, gates, ROI and KPI actuals (by id, the start of its id, or exact name)")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const v = await findUseCase(client, org, ref);
        if (globals(cmd).json || opts.json) return printJson(v);
        printUseCase(v);
      });
    });

  usecases
    .command("score [usecase]")
    .description("the scores and the build / buy / wait / stop recommendation with the reasons that fired, for one use case or all")
    .option("--json", "print JSON")
    .action(async (ref: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const items = ref ? [await findUseCase(client, org, ref)] : (await client.request<UseCaseList>("GET", `/orgs/${enc(org)}/usecases`)).items;
        if (globals(cmd).json || opts.json) return printJson(items.map((v) => ({ id: v.id, name: v.name, ...v.assessment })));
        printTable(
          ["Priority", "Value", "Feasib.", "Risk", "Time", "Use case", "Recommendation", "Fund", "Why"],
          items.map((v) => [
            ...scoreCells(v),
            v.name,
            v.assessment.recommendation,
            v.assessment.fund ? "fund" : "",
            v.assessment.reasons.map((r) => r.code).join(", "),
          ]),
        );
        for (const v of items) {
          process.stdout.write(`\n${style.bold(v.name)}: ${v.assessment.recommendation.toUpperCase()}\n`);
          for (const r of v.assessment.reasons) process.stdout.write(`  - ${r.text}\n`);
        }
      });
    });

  useCaseOptions(usecases.command("add").description("add a use case to the portfolio"), true)
    .option("--json", "print the created use case as JSON")
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const v = await client.request<UseCaseView>("POST", `/orgs/${enc(org)}/usecases`, await useCaseBody(client, org, opts));
        if (globals(cmd).json || opts.json) return printJson(v);
        process.stdout.write(
          `added use case "${v.name}": ${v.assessment.recommendation}, priority ${v.assessment.scores.priority.toFixed(1)}${v.assessment.fund ? ", recommended for funding" : ""} (${v.id})\n`,
        );
      });
    });

  useCaseOptions(usecases.command("update <usecase>").description("change fields of a use case (by id, the start of its id, or exact name)"), false)
    .option("--json", "print the updated use case as JSON")
    .action(async (ref: string, opts: Record<string, unknown>, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const found = await findUseCase(client, org, ref);
        const body = await useCaseBody(client, org, opts);
        if (Object.keys(body).length === 0) throw new UsageError("nothing to change: give at least one field (see caio usecases update --help)");
        const v = await client.request<UseCaseView>("PATCH", `/orgs/${enc(org)}/usecases/${found.id}`, body);
        if (globals(cmd).json || opts.json) return printJson(v);
        process.stdout.write(`updated use case "${v.name}": ${v.stage}, ${v.assessment.recommendation} (version ${v.version})\n`);
      });
    });

  usecases
    .command("remove <usecase>")
    .alias("rm")
    .description("delete a use case and its KPI actuals (history and audit entries remain)")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const v = await findUseCase(client, org, ref);
        await client.request("DELETE", `/orgs/${enc(org)}/usecases/${v.id}`);
        process.stdout.write(`removed use case "${v.name}"\n`);
      });
    });

  usecases
    .command("actual <usecase>")
    .description("record a KPI actual of a use case: the day it was measured and the value in the KPI's unit")
    .addOption(new Option("--on <date>", "the day the value was measured, YYYY-MM-DD").argParser(date("--on")).makeOptionMandatory())
    .addOption(new Option("--value <number>", "the KPI's value in its unit").argParser(kpiNumber("--value")).makeOptionMandatory())
    .option("--note <text>", "where the figure comes from")
    .option("--json", "print the recorded actual as JSON")
    .action(async (ref: string, opts: { on: string; value: number | null; note?: string; json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        if (opts.value === null) throw new UsageError('--value: "none" is not a number');
        const found = await findUseCase(client, org, ref);
        const a = await client.request<KpiActual>("POST", `/orgs/${enc(org)}/usecases/${found.id}/actuals`, {
          on: opts.on,
          value: opts.value,
          note: opts.note ?? "",
        });
        if (globals(cmd).json || opts.json) return printJson(a);
        const v = await client.request<UseCaseView>("GET", `/orgs/${enc(org)}/usecases/${found.id}`);
        process.stdout.write(
          `recorded ${v.kpiName || "KPI"} ${a.value}${v.kpiUnit ? ` ${v.kpiUnit}` : ""} on ${a.on} for "${v.name}": ${pct(v.roi.progress)} of plan, ROI ${pct(v.roi.roi)}\n`,
        );
      });
    });

  program
    .command("roadmap")
    .description("the funded use cases (or the recommended ones) by quarter: pilot and production quarters, dependencies, investment per quarter")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const r = await client.request<Roadmap>("GET", `/orgs/${enc(org)}/roadmap`);
        if (globals(cmd).json || opts.json) return printJson(r);
        if (r.items.length === 0) {
          process.stdout.write("nothing on the roadmap: fund a use case (caio usecases update <name> --funded yes) or add some (caio usecases add)\n");
          return;
        }
        process.stdout.write(`${r.basis === "funded" ? "Funded use cases" : "Recommended use cases (none funded yet)"}, from ${r.today}\n\n`);
        const name = new Map(r.items.map((i) => [i.id, i.name]));
        printTable(
          ["Quarter", "Investment", "Pilots start", "Into production", "Running"],
          r.quarters.map((q) => [
            q.key,
            usd(q.investment),
            q.pilots.map((id) => name.get(id)).join(", "),
            q.productions.map((id) => name.get(id)).join(", "),
            q.running.map((id) => name.get(id)).join(", "),
          ]),
        );
        process.stdout.write("\n");
        printTable(
          ["Use case", "Stage", "Pilot", "Production", "Depends on", "Build", "Run/yr"],
          r.items.map((i) => [
            i.name,
            i.stage,
            i.pilotQuarter ?? "",
            i.productionQuarter,
            [...i.dependsOn, ...i.otherDependencies].join(", "),
            usd(i.buildCost),
            usd(i.annualRunCost),
          ]),
        );
        process.stdout.write(`\nTotal investment: ${usd(r.totalInvestment)}\n`);
        for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
      });
    });

  program
    .command("roi")
    .description("ROI of the use cases in pilot or production: realized value from KPI actuals, costs, payback, stage gates and stalled pilots")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const r = await client.request<RoiReport>("GET", `/orgs/${enc(org)}/roi`);
        if (globals(cmd).json || opts.json) return printJson(r);
        if (r.items.length === 0) {
          process.stdout.write("no use case in pilot or production yet\n");
          return;
        }
        printTable(
          ["Use case", "Stage", "Latest KPI", "Of plan", "Realized/yr", "Planned/yr", "Cost/yr", "ROI", "Payback", "Gates"],
          r.items.map((i) => [
            i.name,
            i.stage,
            i.roi.latestActual ? `${i.roi.latestActual.value}${i.kpiUnit ? ` ${i.kpiUnit}` : ""} (${i.roi.latestActual.on})` : "none",
            pct(i.roi.progress),
            usd(i.roi.realizedAnnualValue),
            usd(i.roi.plannedAnnualValue),
            usd(i.roi.annualCost),
            pct(i.roi.roi),
            i.roi.paybackMonths === null ? "—" : `${i.roi.paybackMonths} mo`,
            i.gates.stalled
              ? style.red(`STALLED: ${i.gates.production.state === "overdue" ? gateText("production", i.gates.production) : gateText("pilot", i.gates.pilot)}`)
              : gateText("production", i.gates.production),
          ]),
        );
        const t = r.totals;
        process.stdout.write(
          `\nPortfolio: realized ${usd(t.realizedAnnualValue)} of ${usd(t.plannedAnnualValue)} a year, cost ${usd(t.annualCost)} a year, net ${usd(
            t.annualNet,
          )}, ROI ${pct(t.roi)}${t.stalled ? `, ${t.stalled} stalled` : ""}\n`,
        );
      });
    });
}
