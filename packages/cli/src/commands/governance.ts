import { readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import {
  ANSWERS,
  type Answer,
  type ClassificationPreview,
  type ClassificationResult,
  type ClassificationView,
  LAW_VERSIONS,
  type ObligationRow,
  ObligationStatusSchema,
} from "@caio/core";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";
import { choice, resolveRef } from "./common.js";

const AnswerMapSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "is not a question id"),
  z.enum(ANSWERS, { error: "must be yes, no or unknown" }),
  { error: "must be a mapping of question ids to yes, no or unknown" },
);

/** Reads an answers file (JSON or YAML): `{ answers: { id: yes|no|unknown } }` or the map itself. */
function readAnswers(file: string): Record<string, Answer> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let doc: unknown;
  try {
    doc = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new CliError(`${file}: not valid ${/\.json$/i.test(file) ? "JSON" : "YAML"}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Either `{ answers: { id: answer } }` or the map itself.
  const wrapped = typeof doc === "object" && doc !== null && !Array.isArray(doc) && "answers" in doc;
  const parsed = AnswerMapSchema.safeParse(wrapped ? (doc as { answers: unknown }).answers : doc);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const where = [...(wrapped ? ["answers"] : []), ...(i?.path ?? []).map(String)].join(".") || "(document)";
    throw new CliError(`${file}: ${where}: ${i?.message ?? "invalid"}`);
  }
  return parsed.data as Record<string, Answer>;
}

function printResult(r: ClassificationResult, changes: string[]): void {
  const out = process.stdout;
  out.write(
    `${style.bold("status")}: ${r.status}   rule-set ${r.rulesetVersion}, ${r.law === "omnibus" ? "as amended by the Digital Omnibus" : "Regulation (EU) 2024/1689 as published"}, as of ${r.asOf}\n`,
  );
  out.write(`\n${style.bold("Labels")}\n`);
  for (const l of r.labels) out.write(`  ${l.kind}: ${l.basis}  ${style.dim(`[${l.cite.join("; ")}]`)}\n`);
  if (r.roles.length) {
    out.write(`\n${style.bold("Roles")}\n`);
    for (const x of r.roles) out.write(`  ${x.role}: ${x.reason}  ${style.dim(`[${x.cite.join("; ")}]`)}\n`);
  }
  if (r.conformityRoute) out.write(`\n${style.bold("Conformity route")}: ${r.conformityRoute.route}: ${r.conformityRoute.reason}\n`);
  if (r.unknowns.length) {
    out.write(`\n${style.bold("Needs review")}: answered "unknown"\n`);
    for (const u of r.unknowns) out.write(`  ${u.questionId}: ${u.text}\n`);
  }
  if (r.pending.length) out.write(`\n${r.pending.length} question(s) still to answer: ${r.pending.join(", ")}\n`);
  out.write(`\n${style.bold("Obligations")} (${r.obligations.length})\n`);
  printTable(
    ["Due", "Obligation", "Roles", "Citation"],
    r.obligations.map((o) => [o.dueDate ?? "on event", o.title, o.roles.join(", "), o.cite.join("; ")]),
  );
  const extra = r.extraChecks.filter((x) => x.applies !== "no");
  if (extra.length) {
    out.write(`\n${style.bold("Other rules")}\n`);
    for (const x of extra) out.write(`  ${x.title}: ${x.applies} (${x.reason})  ${style.dim(`[${x.cite.join("; ")}]`)}\n`);
  }
  if (changes.length) {
    out.write(`\n${style.bold("Changed since the previous classification")}\n`);
    for (const c of changes) out.write(`  - ${c}\n`);
  }
}

/** Asks the unanswered questions one by one on a terminal, with the inventory's suggestion as the default. */
async function askAll(client: ApiClient, path: string, base: { law: string; asOf?: string }, start: Record<string, Answer>): Promise<Record<string, Answer>> {
  const answers = { ...start };
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (let guard = 0; guard < 500; guard++) {
      const preview = await client.request<ClassificationPreview>("POST", `${path}/preview`, { ...base, answers });
      const next = preview.questions.find((q) => q.answer === null);
      if (!next) break;
      process.stderr.write(`\n${style.dim(next.section)}\n${style.bold(next.text)}\n`);
      if (next.help) process.stderr.write(`${style.dim(next.help)}\n`);
      process.stderr.write(`${style.dim(next.cite.join("; "))}\n`);
      const hint = next.prefill ? ` [${next.prefill.answer}: ${next.prefill.reason}]` : "";
      for (;;) {
        const raw = (await rl.question(`yes / no / unknown${hint}: `)).trim().toLowerCase();
        const a =
          raw === "" && next.prefill ? next.prefill.answer : (({ y: "yes", n: "no", u: "unknown", "?": "unknown" } as Record<string, Answer>)[raw] ?? raw);
        if ((ANSWERS as readonly string[]).includes(a)) {
          answers[next.id] = a as Answer;
          break;
        }
        process.stderr.write("answer yes, no or unknown (y, n, u)\n");
      }
    }
  } finally {
    rl.close();
  }
  return answers;
}

export function registerGovernance(program: Command): void {
  program
    .command("classify <system>")
    .description("classify a system under the EU AI Act and related rules; asks on a terminal, reads --answers otherwise")
    .option("--answers <file>", "answers as JSON or YAML: question id → yes, no or unknown")
    .option("--as-of <date>", "read obligations and dates for this day, YYYY-MM-DD (default: today)")
    .addOption(choice("--law <version>", "dates under the law as published (original) or as amended by the Digital Omnibus", LAW_VERSIONS).default("original"))
    .option("--reset", "start over: forget the stored answers")
    .option("--json", "print the classification as JSON")
    .addHelpText(
      "after",
      `
Answers are recorded with who gave them and when; an "unknown" answer makes the result "needs review",
never a silent "no". Without --answers and without a terminal, the stored answers are re-run against the
current rule-set and the changes are listed. See docs/governance.md.`,
    )
    .action(async (ref: string, opts: { answers?: string; asOf?: string; law: string; reset?: boolean; json?: boolean }, cmd: Command) => {
      if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new UsageError(`--as-of: "${opts.asOf}" is not a date as YYYY-MM-DD`);
      const fromFile = opts.answers ? readAnswers(opts.answers) : {};
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "systems", ref, "system");
        const path = `/orgs/${enc(org)}/systems/${id}/classification`;
        const base = { law: opts.law, ...(opts.asOf ? { asOf: opts.asOf } : {}) };
        const interactive = !opts.answers && process.stdin.isTTY === true && !(globals(cmd).json || opts.json);
        let answers = fromFile;
        if (interactive) {
          const current = await client.request<ClassificationView>("GET", path);
          const stored = opts.reset ? {} : Object.fromEntries(current.questions.filter((q) => q.answer !== null).map((q) => [q.id, q.answer as Answer]));
          answers = await askAll(client, path, { ...base, ...(opts.reset ? { reset: true } : {}) }, stored);
        }
        const view = await client.request<ClassificationView>("POST", path, { ...base, answers, reset: opts.reset === true });
        if (globals(cmd).json || opts.json) return printJson(view);
        const c = view.classification;
        if (!c) throw new CliError("the classification was not stored");
        process.stdout.write(`${style.bold(view.system.name)}\n`);
        printResult(c.result, view.changes);
        const pending = view.questions.filter((q) => q.answer === null);
        if (pending.length && !interactive) {
          process.stdout.write(`\nUnanswered (put them in --answers, or run on a terminal):\n`);
          for (const q of pending)
            process.stdout.write(`  ${q.id}: ${q.text}${q.prefill ? style.dim(` (suggested: ${q.prefill.answer}, ${q.prefill.reason})`) : ""}\n`);
        }
      });
    });

  const obligations = program.command("obligations").description("obligations of classified systems, with owners, due dates and status");
  obligations
    .command("list", { isDefault: true })
    .description("list obligations, soonest due first")
    .option("--due-within <days>", "only those due within this many days (overdue included)")
    .addOption(choice("--status <status>", "only this status", ObligationStatusSchema.options))
    .option("--system <system>", "only this system (name or id)")
    .option("--json", "print JSON")
    .action(async (opts: { dueWithin?: string; status?: string; system?: string; json?: boolean }, cmd: Command) => {
      if (opts.dueWithin !== undefined && !/^\d{1,4}$/.test(opts.dueWithin))
        throw new UsageError(`--due-within: "${opts.dueWithin}" must be a whole number of days`);
      await withOrg(cmd, async (client, org) => {
        const q = new URLSearchParams();
        if (opts.dueWithin !== undefined) q.set("dueWithin", opts.dueWithin);
        if (opts.status) q.set("status", opts.status);
        if (opts.system) q.set("system", await resolveRef(client, org, "systems", opts.system, "system"));
        const { items } = await client.request<{ items: ObligationRow[] }>("GET", `/orgs/${enc(org)}/obligations${q.size ? `?${q}` : ""}`);
        if (globals(cmd).json || opts.json) return printJson(items);
        if (items.length === 0) {
          process.stdout.write("no obligations: classify systems with `caio classify SYSTEM`\n");
          return;
        }
        printTable(
          ["Due", "When", "System", "Obligation", "Owner", "Status", "Citation"],
          items.map((r) => [
            r.obligation.dueDate ?? "on event",
            r.status === "done" || r.status === "not-applicable"
              ? r.status
              : r.daysLeft === null
                ? ""
                : r.overdue
                  ? `OVERDUE ${-r.daysLeft}d`
                  : `in ${r.daysLeft}d`,
            r.systemName,
            r.obligation.title,
            r.owner,
            r.status,
            r.obligation.cite.join("; "),
          ]),
        );
        const overdue = items.filter((r) => r.overdue).length;
        if (overdue) process.stdout.write(`${overdue} overdue (past their date and not done)\n`);
      });
    });
  obligations
    .command("set <system> <obligation>")
    .description("set an obligation's owner, status or evidence (audited)")
    .option("--owner <name>", "who is responsible")
    .addOption(choice("--status <status>", "status", ObligationStatusSchema.options))
    .option("--evidence <text>", "where the evidence is (document, link, ticket)")
    .option("--json", "print JSON")
    .action(async (ref: string, obligation: string, opts: { owner?: string; status?: string; evidence?: string; json?: boolean }, cmd: Command) => {
      if (opts.owner === undefined && opts.status === undefined && opts.evidence === undefined) throw new UsageError("give --owner, --status or --evidence");
      await withOrg(cmd, async (client, org) => {
        const id = await resolveRef(client, org, "systems", ref, "system");
        const body = {
          ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
          ...(opts.status ? { status: opts.status } : {}),
          ...(opts.evidence !== undefined ? { evidence: opts.evidence } : {}),
        };
        const row = await client.request<ObligationRow>("PATCH", `/orgs/${enc(org)}/systems/${id}/obligations/${enc(obligation)}`, body);
        if (globals(cmd).json || opts.json) return printJson(row);
        process.stdout.write(`${row.systemName}: ${row.obligation.title}: ${row.status}${row.owner ? `, owner ${row.owner}` : ""}\n`);
      });
    });
}
