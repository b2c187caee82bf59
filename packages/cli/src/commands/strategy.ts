import { readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { type AssessmentAnswers, AssessmentAnswersSchema, type AssessmentQuestion, type AssessmentView, type Plan, type StoredAssessment } from "@caio/core";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import type { ApiClient } from "../client.js";
import { CliError, UsageError } from "../errors.js";
import { printJson, printTable, style } from "../output.js";
import { enc, globals, withOrg } from "../session.js";

const usd = (n: number) => `$${n.toLocaleString("en-US")}`;

/** Reads an answers file (JSON or YAML): `{ answers: {...} }` or the map itself, validated field by field. */
function readAnswersFile(file: string): Partial<AssessmentAnswers> {
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
  const wrapped = typeof doc === "object" && doc !== null && !Array.isArray(doc) && "answers" in doc;
  const map = wrapped ? (doc as { answers: unknown }).answers : doc;
  const parsed = AssessmentAnswersSchema.partial().safeParse(map);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const where = [...(wrapped ? ["answers"] : []), ...(i?.path ?? []).map(String)].join(".") || "(document)";
    throw new CliError(`${file}: ${where}: ${i?.message ?? "invalid"}`);
  }
  // Only the keys the file gives: the rest keep their prefilled values.
  return Object.fromEntries(Object.keys(map as object).map((k) => [k, (parsed.data as Record<string, unknown>)[k]])) as Partial<AssessmentAnswers>;
}

function show(q: AssessmentQuestion, v: unknown): string {
  if (v === null || v === undefined) return "unknown";
  if (q.kind === "usd") return `${usd(Number(v))}/yr`;
  if (q.kind === "yes-no") return v ? "yes" : "no";
  if (q.kind === "choice") return q.choices.find((c) => c.value === v)?.label ?? String(v);
  return Number(v).toLocaleString("en-US");
}

/** Parses one typed answer; undefined when it is not valid. "?" or "unknown" is null. */
function parseAnswer(q: AssessmentQuestion, raw: string): unknown {
  const s = raw.trim().toLowerCase();
  if (s === "?" || s === "unknown" || s === "u") return null;
  if (q.kind === "count" || q.kind === "usd") {
    const n = Number(s.replace(/^\$/, "").replace(/[,_]/g, "").replace(/k$/, "e3").replace(/m$/, "e6"));
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  }
  if (q.kind === "yes-no") return ({ y: true, yes: true, n: false, no: false } as Record<string, boolean>)[s];
  const i = Number(s);
  if (Number.isInteger(i) && i >= 1 && i <= q.choices.length) return q.choices[i - 1]?.value;
  return q.choices.find((c) => c.value === s)?.value;
}

/** Asks every question on a terminal with the prefilled value as the default. */
async function ask(view: AssessmentView, start: Partial<AssessmentAnswers>): Promise<Partial<AssessmentAnswers>> {
  const answers: Record<string, unknown> = { ...start };
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (const q of view.questions) {
      const pre = view.prefill.find((p) => p.question === q.id);
      process.stderr.write(`\n${style.bold(q.text)}\n`);
      if (q.help) process.stderr.write(`${style.dim(q.help)}\n`);
      q.choices.forEach((c, i) => {
        process.stderr.write(`  ${i + 1}. ${c.label}\n`);
      });
      const current = answers[q.id];
      const hint = current !== undefined && current !== null ? ` [${show(q, current)}${pre ? `: ${pre.source}` : ""}]` : "";
      const kinds = { count: "a number", usd: "US dollars a year", "yes-no": "yes / no", choice: "a number from the list" };
      for (;;) {
        const raw = await rl.question(`${kinds[q.kind]}, ? for unknown${hint}: `);
        if (raw.trim() === "" && current !== undefined) break;
        const v = parseAnswer(q, raw);
        if (v !== undefined) {
          answers[q.id] = v;
          break;
        }
        process.stderr.write(`answer ${kinds[q.kind]}, or ? for unknown\n`);
      }
    }
  } finally {
    rl.close();
  }
  return answers as Partial<AssessmentAnswers>;
}

function printAssessment(a: StoredAssessment, view: AssessmentView): void {
  const out = process.stdout;
  const r = a.result;
  out.write(`${style.bold(r.title)}  ${style.dim(`(${r.confidence}; rules ${r.rulesVersion}; ${a.createdBy}, ${a.createdAt.slice(0, 10)})`)}\n\n`);
  out.write(`${style.bold("Reasons")}\n`);
  for (const x of r.reasons) out.write(`  - ${x.text}\n`);
  if (r.unknowns.length) {
    out.write(`\n${style.bold("Unknown")} (could change the recommendation)\n`);
    for (const u of r.unknowns) out.write(`  - ${u.text}\n`);
  }
  if (r.whatWouldChange.length) {
    out.write(`\n${style.bold("What would change the answer")}\n`);
    for (const w of r.whatWouldChange) out.write(`  - ${w.text}\n`);
  }
  out.write(`\n${style.bold("Cost comparison")} (USD)\n`);
  printTable(
    ["Option", "Low", "High", "Period", "Basis", ""],
    r.costs.map((c) => [
      c.label,
      c.lowUsd === null ? "—" : usd(c.lowUsd),
      c.highUsd === null ? (c.lowUsd === null ? "—" : "more") : usd(c.highUsd),
      c.period === "year" ? "per year" : "one-off",
      c.basis,
      c.recommended ? "recommended" : "",
    ]),
  );
  out.write(`\n${style.bold("Talent posture")}: ${r.talent.title}. ${r.talent.reason}\n`);
  const used = view.questions.map((q) => [q.id, show(q, a.answers[q.id]), view.prefill.find((p) => p.question === q.id)?.source ?? ""]);
  out.write(`\n${style.bold("Answers")}\n`);
  printTable(["Question", "Answer", "Prefilled from"], used);
}

export function registerStrategy(program: Command): void {
  program
    .command("assess")
    .description("which leadership do we need? asks on a terminal (prefilled from inventory and spend), reads --answers otherwise")
    .option("--answers <file>", "answers as JSON or YAML: employees, engineers, productionWorkloads, annualAiSpendUsd, customerFacingAi, …")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      `
Recommends a fractional CAIO, CTO or CIO, a combined CTO+AI seat, an AI advisor, a strategy sprint or
a full-time CAIO, with the reasons that fired, what would change the answer, a cost comparison and a
talent posture. Values the product knows (production systems, annual AI spend, customer-facing AI) are
prefilled; a file's answers override them. Without --answers and without a terminal it shows the
latest stored assessment. Rules and thresholds: docs/strategy.md.`,
    )
    .action(async (opts: { answers?: string; json?: boolean }, cmd: Command) => {
      await withOrg(cmd, async (client: ApiClient, org) => {
        const json = globals(cmd).json || opts.json;
        const path = `/orgs/${enc(org)}/assessment`;
        const fromFile = opts.answers ? readAnswersFile(opts.answers) : null;
        const view = await client.request<AssessmentView>("GET", path);
        const prefilled = Object.fromEntries(view.prefill.map((p) => [p.question, p.value])) as Partial<AssessmentAnswers>;
        let answers: Partial<AssessmentAnswers> | null = null;
        if (fromFile) answers = { ...prefilled, ...fromFile };
        else if (process.stdin.isTTY === true && !json) answers = await ask(view, prefilled);
        if (!answers) {
          if (json) return printJson(view);
          if (!view.latest) throw new CliError("no assessment yet: run `caio assess` on a terminal, or pass --answers FILE");
          printAssessment(view.latest, view);
          return;
        }
        const stored = await client.request<StoredAssessment>("POST", path, { answers });
        if (json) return printJson(stored);
        printAssessment(stored, view);
      });
    });

  program
    .command("plan")
    .description("the 30/60/90-day plan: three workstreams, milestones measured from the data, status by the clock")
    .option("--start <date>", "set the plan's start date, YYYY-MM-DD (admin); \"none\" goes back to the organization's creation day")
    .option("--json", "print JSON")
    .action(async (opts: { start?: string; json?: boolean }, cmd: Command) => {
      if (opts.start !== undefined && opts.start !== "none") {
        const t = Date.parse(`${opts.start}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.start) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== opts.start)
          throw new UsageError(`--start: "${opts.start}" is not a date as YYYY-MM-DD (or "none")`);
      }
      await withOrg(cmd, async (client, org) => {
        const path = `/orgs/${enc(org)}/plan`;
        const plan =
          opts.start === undefined
            ? await client.request<Plan>("GET", path)
            : await client.request<Plan>("PUT", path, { start: opts.start === "none" ? null : opts.start });
        if (globals(cmd).json || opts.json) return printJson(plan);
        const source = plan.startSource === "set" ? `set by ${plan.startSetBy}` : "the organization's creation day";
        process.stdout.write(`${style.bold("30/60/90-day plan")}: started ${plan.start} (${source}); today is day ${plan.day}; overall ${plan.progress}%\n`);
        for (const w of plan.workstreams) {
          process.stdout.write(`\n${style.bold(w.title)}  ${w.progress}%\n`);
          printTable(
            ["Due", "Milestone", "Progress", "Measured", "Status"],
            w.milestones.map((m) => [`day ${m.dueDay} (${m.dueDate})`, m.title, `${m.progress}%`, m.figures, m.status]),
          );
        }
      });
    });
}
