import { createHash } from "node:crypto";
import { toWireRecord } from "@caio/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { usageRecord } from "../test/helpers/spend.js";
import {
  apiPost,
  apiSignIn,
  axeViolations,
  chooseOption,
  createToken,
  critical,
  gone,
  noOverflow,
  openPage,
  signIn,
  snap,
  usd,
  useServerAndBrowser,
  visible,
} from "./support.js";

/** Usage of a made-up provider and projects, so neither the demo's own spend nor its rules can touch it. */
const PROVIDER = "e2e-lab";
const PROJECT = "proj_e2e_support";
const OTHER_PROJECT = "proj_e2e_other";
const TEAM = "E2E Support";

interface Overview {
  currency: string;
  costMicros: string;
  unattributedMicros: string;
  firstDay: string | null;
  lastDay: string | null;
  months: { month: string; costMicros: string }[];
  records: number;
}
interface Row {
  key: string;
  costMicros: string;
}

/** The first day of the month `back` months before the month of `day`. */
function monthStart(day: string, back: number): string {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1)).toISOString().slice(0, 10);
}

async function openSpend(page: Page, org: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Spend" }).click();
  await page.waitForURL(`**/o/${org}/spend`);
  await visible(page.getByRole("heading", { level: 1, name: "Spend" }));
}

describe("spend", () => {
  const ctx = useServerAndBrowser();
  let token = "";
  /** The default period of the page: the 12 calendar months up to the latest day with data. */
  let range = "";
  /** Micro-units of the usage of PROJECT, which the rule will attribute. */
  let projectMicros = 0n;

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${ctx.server.url}/api/v1/orgs/${ctx.server.demo.org}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
    expect(res.ok, `${init.method ?? "GET"} ${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };
  const systemRow = async (name: string) => (await api<{ items: Row[] }>(`/spend?by=system&${range}`)).items.find((r) => r.key === name);

  it("explains how to import usage while there is none, then imports usage through the API", async () => {
    token = await createToken(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org, "e2e spend import");
    const before = await api<Overview>("/spend/overview");
    // An organization without usage explains how to get some.
    const session = await apiSignIn(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password);
    const created = await apiPost(ctx.server.url, session, "/orgs", { name: "E2E Empty Spend", slug: "e2e-empty-spend" });
    expect(created.status).toBe(201);
    {
      const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
      try {
        const org = "e2e-empty-spend";
        await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
        await openSpend(page, org);
        const empty = page.getByRole("region", { name: "No AI usage imported yet" });
        await visible(empty);
        const commands = await empty.locator("pre").allTextContents();
        expect(commands.slice(0, 2)).toEqual(["npx caio import FILE", "npx caio pull openai --key-env OPENAI_ADMIN_KEY --since 2026-01-01"]);
        // Rules can be written before the first import.
        await visible(page.getByRole("button", { name: "Add the first rule" }));
        expect(await page.getByRole("radiogroup", { name: "Period" }).count()).toBe(0);
        expect(critical(await axeViolations(page)), "empty spend page").toEqual([]);
        await snap(page, "spend-empty");
      } finally {
        await context.close();
      }
    }

    // Whatever the demo holds, the new usage lands in the page's default period: this month and last month of its data.
    const base = before.lastDay ?? "2026-09-15";
    const thisMonth = monthStart(base, 0);
    const lastMonth = monthStart(base, 1);
    const extra = { source: "csv" as const, provider: PROVIDER, model: "lab-large", modelReported: "lab-large" };
    const records = [
      usageRecord(lastMonth, 12_345_678n, { ...extra, projectId: PROJECT }),
      usageRecord(thisMonth, 20_004_999n, { ...extra, projectId: PROJECT }),
      usageRecord(thisMonth, 3_210_000n, { ...extra, projectId: OTHER_PROJECT }),
    ];
    projectMicros = 12_345_678n + 20_004_999n;
    const body = { source: "csv", fileName: "e2e-usage.csv", records: records.map(toWireRecord) };
    const fileSha256 = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    const summary = await api<{ imported: number }>("/imports", { method: "POST", body: JSON.stringify({ ...body, fileSha256 }) });
    expect(summary.imported).toBe(3);

    const after = await api<Overview>("/spend/overview");
    expect(after.records).toBeGreaterThanOrEqual(3);
    const last = after.lastDay as string;
    range = `from=${monthStart(last, 11)}&to=${last}`;
  });

  it("shows the officer the total, the monthly trend and the unattributed spend, and attributes a project with a rule", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      const overview = await api<Overview>(`/spend/overview?${range}`);
      const system = (await api<{ items: { name: string }[] }>("/systems?limit=1&sort=name")).items[0]?.name as string;
      expect(system).toBeTruthy();
      const systemBefore = toMicrosOf(await systemRow(system));

      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openSpend(page, org);

      // The period defaults to the last 12 months of data.
      await expect.poll(() => page.getByRole("radio", { name: "Last 12 months" }).isChecked()).toBe(true);

      // The total is the API's figure, to the cent.
      const total = page.getByRole("region", { name: "Total spend", exact: true });
      await visible(total.getByText(usd(overview.costMicros), { exact: true }));
      const unattributed = page.getByRole("region", { name: "Unattributed", exact: true });
      await visible(unattributed.getByText(usd(overview.unattributedMicros), { exact: true }));
      expect(BigInt(overview.unattributedMicros)).toBeGreaterThanOrEqual(projectMicros);
      await visible(unattributed.getByRole("button", { name: "Attribute it with rules" }));

      // The monthly chart renders bars, and its figures are available as a table.
      const trend = page.getByRole("region", { name: "Monthly spend" });
      await expect.poll(() => trend.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
      await trend.getByRole("button", { name: "Show as table" }).click();
      const months = page.getByRole("table", { name: "Spend per month" });
      await visible(months);
      expect(await months.getByRole("row").count()).toBe(12 + 1);
      await snap(page, "spend-overview");

      // The system breakdown lists the spend no rule assigns.
      await page.getByRole("tab", { name: "By system" }).click();
      const bySystem = page.getByRole("table", { name: "Spend by system" });
      const unattributedRow = bySystem.getByRole("row").filter({ hasText: "(unattributed)" });
      await visible(unattributedRow);
      expect(await unattributedRow.textContent()).toContain(usd(overview.unattributedMicros));

      // The card's link moves to the rules.
      await unattributed.getByRole("button", { name: "Attribute it with rules" }).click();
      await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.textContent")).toBe("Attribution rules");

      // Add a rule: the form checks the input with the server's schema first.
      await page.getByRole("button", { name: "Add rule" }).click();
      const dialog = page.getByRole("dialog", { name: "Add attribution rule" });
      await visible(dialog);
      await dialog.getByRole("button", { name: "Add rule" }).click();
      await visible(dialog.getByText("Project id is required"));
      await visible(dialog.getByText(/Choose a system, enter a team, or both/));

      await dialog.getByRole("textbox", { name: "Project id", exact: true }).fill(PROJECT);
      await chooseOption(page, "System", system);
      await dialog.getByRole("textbox", { name: "Team", exact: true }).fill(TEAM);
      await dialog.getByRole("textbox", { name: "Note", exact: true }).fill("The support assistant's OpenAI project.");
      await snap(page, "spend-rule-modal");
      await dialog.getByRole("button", { name: "Add rule" }).click();
      await gone(dialog);
      await visible(page.getByText(`Rule “Project ${PROJECT}” added.`, { exact: false }));

      // The rule is listed with the spend it attributes, over all time.
      const rules = page.getByRole("table", { name: "Attribution rules, in the order they are tried" });
      const ruleRow = rules.getByRole("row").filter({ hasText: PROJECT });
      await visible(ruleRow);
      expect(await ruleRow.textContent()).toContain(system);
      expect(await ruleRow.textContent()).toContain(TEAM);
      expect(await ruleRow.textContent()).toContain(usd(projectMicros));

      // The system breakdown and the unattributed card follow, for past usage too.
      const after = await api<Overview>(`/spend/overview?${range}`);
      expect(BigInt(after.unattributedMicros)).toBe(BigInt(overview.unattributedMicros) - projectMicros);
      expect(after.costMicros).toBe(overview.costMicros);
      await visible(unattributed.getByText(usd(after.unattributedMicros), { exact: true }));
      const systemAfter = toMicrosOf(await systemRow(system));
      expect(systemAfter).toBe(systemBefore + projectMicros);
      const attributedRow = bySystem.getByRole("row").filter({ has: page.getByRole("link", { name: system, exact: true }) });
      await visible(attributedRow);
      await expect.poll(() => attributedRow.textContent()).toContain(usd(systemAfter));
      if (BigInt(after.unattributedMicros) > 0n) await expect.poll(() => unattributedRow.textContent()).toContain(usd(after.unattributedMicros));
      else await gone(unattributedRow);
      await page.getByRole("tab", { name: "By team" }).click();
      await visible(page.getByRole("table", { name: "Spend by team" }).getByRole("row").filter({ hasText: TEAM }));
      await snap(page, "spend-after-rule");
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the spend and the rules without any write action", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      const overview = await api<Overview>(`/spend/overview?${range}`);
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await openSpend(page, org);
      await visible(page.getByRole("region", { name: "Total spend", exact: true }).getByText(usd(overview.costMicros), { exact: true }));
      const rules = page.getByRole("table", { name: "Attribution rules, in the order they are tried" });
      await visible(rules.getByRole("row").filter({ hasText: PROJECT }));
      expect(await page.getByRole("button", { name: "Add rule" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
      expect(await rules.getByRole("columnheader", { name: "Actions" }).count()).toBe(0);
      await snap(page, "spend-viewer");
    } finally {
      await context.close();
    }
  });

  it("deletes the rule again, switches periods, has no critical axe-core violations and fits a tablet screen", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openSpend(page, org);
      const rules = page.getByRole("table", { name: "Attribution rules, in the order they are tried" });
      await visible(rules.getByRole("row").filter({ hasText: PROJECT }));
      expect(critical(await axeViolations(page)), "spend page").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);

      // All time: the period is in the address bar, and the total is the all-time figure.
      await page.getByText("All time", { exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("period")).toBe("all");
      // The address bar changes before the page re-renders; "Custom" starts from the period the
      // page shows, so wait until the control itself says "All time".
      await expect.poll(() => page.getByRole("radio", { name: "All time", exact: true }).isChecked()).toBe(true);
      const all = await api<Overview>("/spend/overview");
      await visible(page.getByRole("region", { name: "Total spend", exact: true }).getByText(usd(all.costMicros), { exact: true }));

      // A custom period starts from the range on screen; its dates go to the address bar.
      await page.getByText("Custom", { exact: true }).click();
      const from = page.getByRole("group", { name: "Custom period" }).getByLabel("From", { exact: true });
      await expect.poll(() => from.inputValue()).toBe(all.firstDay);
      const lastDay = all.lastDay as string;
      await from.fill(monthStart(lastDay, 0));
      await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe(monthStart(lastDay, 0));
      const month = await api<Overview>(`/spend/overview?from=${monthStart(lastDay, 0)}&to=${lastDay}`);
      await visible(page.getByRole("region", { name: "Total spend", exact: true }).getByText(usd(month.costMicros), { exact: true }));
      await snap(page, "spend-custom-period");
      await page.getByText("All time", { exact: true }).click();

      // Delete the rule: its spend is unattributed again.
      await rules
        .getByRole("row")
        .filter({ hasText: PROJECT })
        .getByRole("button", { name: /^Delete/ })
        .click();
      const confirm = page.getByRole("dialog", { name: "Delete attribution rule?" });
      await confirm.getByRole("button", { name: "Delete rule" }).click();
      await gone(confirm);
      await gone(rules.getByRole("row").filter({ hasText: PROJECT }));
      const after = await api<Overview>("/spend/overview");
      expect(BigInt(after.unattributedMicros)).toBe(BigInt(all.unattributedMicros) + projectMicros);
      await visible(page.getByRole("region", { name: "Unattributed", exact: true }).getByText(usd(after.unattributedMicros), { exact: true }));

      // Tablet width: tables scroll inside their cards, the page itself does not overflow.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.reload();
      await visible(page.getByRole("button", { name: "Open navigation" }));
      await visible(page.getByRole("region", { name: "Monthly spend" }).locator(".recharts-bar-rectangle").first());
      expect(await noOverflow(page)).toBe(0);
      await snap(page, "spend-768");
    } finally {
      await context.close();
    }
  });
});

function toMicrosOf(row: Row | undefined): bigint {
  return row ? BigInt(row.costMicros) : 0n;
}
