import { daysBetween, INCIDENT_SEVERITY_VALUES, INCIDENT_STATUSES, type Incident, RISK_RATINGS, RISK_STATUSES, type Risk } from "@caio/core";
import { type Command, Option } from "commander";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { printFields, printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice, dateOnly, list, pick, readJsonFile, resolveRef } from "./common.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** "due 2026-11-30, 5 days left", "OVERDUE by 2 days (due 2026-11-28)", "reported 2026-11-20, on time": where an incident stands. */
export function countdown(i: Incident): string {
  const d = i.deadline;
  if (!d) return "no reporting clock";
  switch (i.state) {
    case "due":
      return i.daysLeft === 0 ? `due ${d.dueDate}, last day today` : `due ${d.dueDate}, ${days(i.daysLeft ?? 0)} left`;
    case "overdue":
      return `OVERDUE by ${days(-(i.daysLeft ?? 0))} (due ${d.dueDate})`;
    case "reported-on-time":
      return `reported ${i.reportedOn}, on time (due ${d.dueDate})`;
    case "reported-late":
      return `reported ${i.reportedOn}, ${days(daysBetween(d.dueDate, i.reportedOn ?? d.dueDate))} late (due ${d.dueDate})`;
    default:
      return "no reporting clock";
  }
}

function level(flag: string) {
  return (v: string) => {
    if (!/^[1-5]$/.test(v)) throw new UsageError(`${flag}: "${v}" must be a whole number from 1 to 5`);
    return Number(v);
  };
}

/** A real calendar date YYYY-MM-DD; with `allowNone`, "none" passes (cleared in {@link cleared}). */
function date(flag: string, allowNone = false) {
  return (v: string) => {
    if (allowNone && v === "none") return v;
    const t = Date.parse(`${v}T00:00:00Z`);
    if (!DATE.test(v) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v)
      throw new UsageError(`${flag}: "${v}" is not a date as YYYY-MM-DD${allowNone ? ' (or "none")' : ""}`);
    return v;
  };
}

/** Date fields given as "none" are sent as null (cleared). */
function cleared(body: Record<string, unknown>): Record<string, unknown> {
  for (const k of ["reviewDate", "reportedOn", "occurredAt"]) if (body[k] === "none") body[k] = null;
  return body;
}

/** An instant: an ISO timestamp, or a date (midnight UTC); "none" clears it. */
function instant(v: string): string {
  if (v === "none") return v;
  const t = Date.parse(DATE.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(t)) throw new UsageError(`--occurred-at: "${v}" is not a date or time such as 2026-11-20T14:30:00Z`);
  return new Date(t).toISOString();
}

async function systemIds(client: ApiClient, org: string, refs: string[] | undefined): Promise<string[] | undefined> {
  if (!refs) return undefined;
  const ids: string[] = [];
  for (const r of refs) ids.push(await resolveRef(client, org, "systems", r, "system"));
  return ids;
}

/** Finds a record by id, by the start of its id (8 or more characters) or by exact (case-insensitive) title. */
function pickByRef<T extends { id: string; title: string }>(items: T[], ref: string, what: string): T {
  const lower = ref.toLowerCase();
  const byId = items.filter((i) => i.id === lower || (lower.length >= 8 && /^[0-9a-f-]+$/.test(lower) && i.id.startsWith(lower)));
  const hits = byId.length ? byId : items.filter((i) => i.title.toLowerCase() === lower);
  if (hits.length > 1) throw new CliError(`"${ref}" matches ${hits.length} ${what}s; use the id`);
  const hit = hits[0];
  if (!hit) throw new CliError(`no ${what} "${ref}" in this organization (see \`caio ${what === "risk" ? "risks" : "incidents"} list\`)`);
  return hit;
}

async function findRisk(client: ApiClient, org: string, ref: string): Promise<Risk> {
  if (UUID.test(ref)) return client.request<Risk>("GET", `/orgs/${enc(org)}/risks/${ref.toLowerCase()}`);
  const { items } = await client.request<{ items: Risk[] }>("GET", `/orgs/${enc(org)}/risks`);
  return pickByRef(items, ref, "risk");
}

async function findIncident(client: ApiClient, org: string, ref: string): Promise<Incident> {
  if (UUID.test(ref)) return client.request<Incident>("GET", `/orgs/${enc(org)}/incidents/${ref.toLowerCase()}`);
  const { items } = await client.request<{ items: Incident[] }>("GET", `/orgs/${enc(org)}/incidents`);
  return pickByRef(items, ref, "incident");
}

// ---- risks ----

function riskOptions(cmd: Command, create: boolean): Command {
  return cmd
    .addOption(new Option("--title <text>", "what could go wrong, in one line").makeOptionMandatory(create))
    .option("--description <text>", "the risk in more words: cause, event, consequence")
    .addOption(new Option("--likelihood <1-5>", "1 rare … 5 almost certain").argParser(level("--likelihood")).makeOptionMandatory(create))
    .addOption(new Option("--severity <1-5>", "1 negligible … 5 severe").argParser(level("--severity")).makeOptionMandatory(create))
    .option("--owner <name>", "who owns the risk")
    .option("--mitigation <text>", "what is done about it")
    .addOption(choice("--status <status>", "where the risk stands", RISK_STATUSES))
    .option("--review-date <date>", 'next review, YYYY-MM-DD ("none" clears it)', date("--review-date", true))
    .option("--system <system>", "linked AI system by name or id (repeat or comma-separate)", list)
    .option("--obligation <id>", 'linked obligation id such as "aia.art26.oversight" (repeat or comma-separate)', list)
    .option("--file <json>", "read fields from a JSON file (flags override it)");
}

async function riskBody(client: ApiClient, org: string, opts: Record<string, unknown>): Promise<Record<string, unknown>> {
  const base = typeof opts.file === "string" ? readJsonFile(opts.file) : {};
  const out = {
    ...base,
    ...pick(opts, {
      title: "title",
      description: "description",
      likelihood: "likelihood",
      severity: "severity",
      owner: "owner",
      mitigation: "mitigation",
      status: "status",
      reviewDate: "reviewDate",
      obligation: "obligationIds",
    }),
  };
  const ids = await systemIds(client, org, opts.system as string[] | undefined);
  if (ids) out.systemIds = ids;
  return cleared(out);
}

function printRisk(r: Risk): void {
  printFields([
    ["Title", r.title],
    ["Id", r.id],
    ["Score", `${r.score} (${r.rating}): likelihood ${r.likelihood} × severity ${r.severity}`],
    ["Status", r.status],
    ["Owner", r.owner],
    ["Description", r.description],
    ["Mitigation", r.mitigation],
    ["Review date", r.reviewDate],
    ["Systems", r.systems.map((s) => s.name)],
    ["Obligations", r.obligationIds],
    ["Version", r.version],
    ["Updated", dateOnly(r.updatedAt)],
  ]);
}

export function registerRisks(program: Command): void {
  const risks = program.command("risks").description("the risk register: likelihood × severity, owner, mitigation, status, linked systems and obligations");

  risks
    .command("list", { isDefault: true })
    .description("list risks, highest score first")
    .addOption(choice("--status <status>", "only risks with this status", RISK_STATUSES))
    .addOption(choice("--rating <rating>", "only risks in this band (low 1–4, medium 5–9, high 10–16, critical 17–25)", RISK_RATINGS))
    .option("--system <system>", "only risks linked to this system (name or id)")
    .option("--json", "print JSON")
    .action(async (opts: { status?: string; rating?: string; system?: string; json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams();
        if (opts.status) q.set("status", opts.status);
        if (opts.rating) q.set("rating", opts.rating);
        if (opts.system) q.set("systemId", await resolveRef(client, org, "systems", opts.system, "system"));
        const qs = q.toString();
        const { items } = await client.request<{ items: Risk[] }>("GET", `/orgs/${enc(org)}/risks${qs ? `?${qs}` : ""}`);
        if (globals(cmd).json || opts.json) return printJson(items);
        printTable(
          ["Score", "Rating", "Risk", "L", "S", "Status", "Owner", "Review", "Systems", "Id"],
          items.map((r) => [
            r.score,
            r.rating,
            r.title,
            r.likelihood,
            r.severity,
            r.status,
            r.owner,
            r.reviewDate ?? "",
            r.systems.map((s) => s.name).join(", "),
            r.id.slice(0, 8),
          ]),
        );
      });
    });

  risks
    .command("show <risk>")
    .description("one risk in full (by id, the start of its id, or exact title)")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const r = await findRisk(client, org, ref);
        if (globals(cmd).json || opts.json) return printJson(r);
        printRisk(r);
      });
    });

  riskOptions(risks.command("add").description("add a risk to the register"), true)
    .option("--json", "print the created risk as JSON")
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const r = await client.request<Risk>("POST", `/orgs/${enc(org)}/risks`, await riskBody(client, org, opts));
        if (globals(cmd).json || opts.json) return printJson(r);
        process.stdout.write(`added risk "${r.title}": score ${r.score} (${r.rating}) (${r.id})\n`);
      });
    });

  riskOptions(risks.command("update <risk>").description("change fields of a risk (by id, the start of its id, or exact title)"), false)
    .option("--json", "print the updated risk as JSON")
    .action(async (ref: string, opts: Record<string, unknown>, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const found = await findRisk(client, org, ref);
        const r = await client.request<Risk>("PATCH", `/orgs/${enc(org)}/risks/${found.id}`, await riskBody(client, org, opts));
        if (globals(cmd).json || opts.json) return printJson(r);
        process.stdout.write(`updated risk "${r.title}": score ${r.score} (${r.rating}), ${r.status} (version ${r.version})\n`);
      });
    });

  risks
    .command("remove <risk>")
    .alias("rm")
    .description("delete a risk (its history and audit entries remain)")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const r = await findRisk(client, org, ref);
        await client.request("DELETE", `/orgs/${enc(org)}/risks/${r.id}`);
        process.stdout.write(`removed risk "${r.title}"\n`);
      });
    });
}

// ---- incidents ----

function incidentOptions(cmd: Command, create: boolean): Command {
  return cmd
    .addOption(new Option("--title <text>", "what happened, in one line").makeOptionMandatory(create))
    .option("--description <text>", "what happened, who was affected, what was done")
    .option("--system <system>", 'the AI system involved, by name or id ("none" unlinks)')
    .option("--occurred-at <time>", 'when it happened, e.g. 2026-11-20T14:30:00Z or 2026-11-20 ("none" clears it)', instant)
    .addOption(
      new Option("--aware-on <date>", "the day the organization became aware of it, YYYY-MM-DD (starts the reporting clock)")
        .argParser(date("--aware-on"))
        .makeOptionMandatory(create),
    )
    .addOption(
      choice("--severity <severity>", "AI Act Art 73 severity; not-serious has no reporting clock", INCIDENT_SEVERITY_VALUES).makeOptionMandatory(create),
    )
    .option("--notes <text>", "notes: contacts, references, follow-up")
    .option("--file <json>", "read fields from a JSON file (flags override it)");
}

async function incidentBody(client: ApiClient, org: string, opts: Record<string, unknown>): Promise<Record<string, unknown>> {
  const base = typeof opts.file === "string" ? readJsonFile(opts.file) : {};
  const out: Record<string, unknown> = {
    ...base,
    ...pick(opts, {
      title: "title",
      description: "description",
      occurredAt: "occurredAt",
      awareOn: "awareOn",
      severity: "severity",
      status: "status",
      reportedOn: "reportedOn",
      notes: "notes",
    }),
  };
  if (typeof opts.system === "string") out.systemId = opts.system === "none" ? null : await resolveRef(client, org, "systems", opts.system, "system");
  return cleared(out);
}

function printIncident(i: Incident): void {
  printFields([
    ["Title", i.title],
    ["Id", i.id],
    ["Deadline", countdown(i)],
    ["Legal basis", i.deadline ? `${i.deadline.days} days from awareness: ${i.deadline.cite.join(", ")}` : ""],
    ["Severity", i.severity],
    ["Status", i.status],
    ["System", i.systemName],
    ["Occurred", i.occurredAt],
    ["Aware on", i.awareOn],
    ["Reported on", i.reportedOn],
    ["Description", i.description],
    ["Notes", i.notes],
    ["Version", i.version],
    ["Updated", dateOnly(i.updatedAt)],
  ]);
}

export function registerIncidents(program: Command): void {
  const incidents = program.command("incidents").description("incidents with their AI Act Art 73 reporting deadlines, counted down from the awareness date");

  incidents
    .command("list", { isDefault: true })
    .description("list incidents not closed yet, each with its reporting deadline counting down")
    .option("--all", "include closed incidents")
    .addOption(choice("--status <status>", "only incidents with this status", INCIDENT_STATUSES))
    .option("--system <system>", "only incidents of this system (name or id)")
    .option("--json", "print JSON")
    .action(async (opts: { all?: boolean; status?: string; system?: string; json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams();
        if (opts.status) q.set("status", opts.status);
        else if (!opts.all) q.set("active", "true");
        if (opts.system) q.set("systemId", await resolveRef(client, org, "systems", opts.system, "system"));
        const res = await client.request<{ items: Incident[]; today: string }>("GET", `/orgs/${enc(org)}/incidents?${q}`);
        if (globals(cmd).json || opts.json) return printJson(res.items);
        printTable(
          ["Incident", "Severity", "Aware on", "Reporting deadline", "Status", "System", "Id"],
          res.items.map((i) => [
            i.title,
            i.severity,
            i.awareOn,
            i.state === "overdue" ? style.red(countdown(i)) : countdown(i),
            i.status,
            i.systemName ?? "",
            i.id.slice(0, 8),
          ]),
        );
        process.stdout.write(style.dim(`counted from ${res.today} (UTC); deadlines per AI Act Art 73(2)–(4), an incomplete first report is allowed (73(5))\n`));
      });
    });

  incidents
    .command("show <incident>")
    .description("one incident in full with its deadline (by id, the start of its id, or exact title)")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const i = await findIncident(client, org, ref);
        if (globals(cmd).json || opts.json) return printJson(i);
        printIncident(i);
      });
    });

  incidentOptions(incidents.command("add").description("record an incident; serious ones get their reporting deadline"), true)
    .option("--json", "print the recorded incident as JSON")
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const i = await client.request<Incident>("POST", `/orgs/${enc(org)}/incidents`, await incidentBody(client, org, opts));
        if (globals(cmd).json || opts.json) return printJson(i);
        process.stdout.write(`recorded incident "${i.title}" (${i.id}): ${countdown(i)}\n`);
      });
    });

  incidentOptions(incidents.command("update <incident>").description("change an incident; a new severity or awareness date moves the deadline"), false)
    .addOption(choice("--status <status>", "open, reported or closed", INCIDENT_STATUSES))
    .option("--reported-on <date>", 'the day it was reported to the authority, YYYY-MM-DD ("none" clears it)', date("--reported-on", true))
    .option("--json", "print the updated incident as JSON")
    .action(async (ref: string, opts: Record<string, unknown>, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const found = await findIncident(client, org, ref);
        const i = await client.request<Incident>("PATCH", `/orgs/${enc(org)}/incidents/${found.id}`, await incidentBody(client, org, opts));
        if (globals(cmd).json || opts.json) return printJson(i);
        process.stdout.write(`updated incident "${i.title}" (version ${i.version}): ${countdown(i)}\n`);
      });
    });

  incidents
    .command("report <incident>")
    .description("mark an incident reported to the market-surveillance authority (default: today)")
    .option("--on <date>", "the day it was reported, YYYY-MM-DD", date("--on"))
    .option("--note <text>", "added to the notes, e.g. the authority's reference")
    .option("--json", "print the updated incident as JSON")
    .action(async (ref: string, opts: { on?: string; note?: string; json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client, org) => {
        const found = await findIncident(client, org, ref);
        const on = opts.on ?? found.today;
        const body: Record<string, unknown> = { status: "reported", reportedOn: on };
        if (opts.note) body.notes = found.notes ? `${found.notes}\nReported on ${on}: ${opts.note}` : `Reported on ${on}: ${opts.note}`;
        const i = await client.request<Incident>("PATCH", `/orgs/${enc(org)}/incidents/${found.id}`, body);
        if (globals(cmd).json || opts.json) return printJson(i);
        process.stdout.write(`incident "${i.title}": ${countdown(i)}\n`);
      });
    });
}
