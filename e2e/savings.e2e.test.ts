import type { Recommendation, Reconciliation, SavingsReport } from "@caio/core";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  apiPost,
  apiSignIn,
  axeViolations,
  critical,
  demoOrgApi,
  noOverflow,
  openPage,
  signIn,
  snap,
  usd,
  useFullDemoServerAndBrowser,
  visible,
} from "./support.js";

interface AuditItem {
  actor: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  action: string;
}

/** The API's four-digit fraction ("0.4121") as the page shows it ("41.2%"), rounded half up. */
function percent(fraction: string): string {
  const [whole = "0", frac = ""] = fraction.split(".");
  const tenths = (BigInt(whole) * 10_000n + BigInt(`${frac}0000`.slice(0, 4)) + 5n) / 10n;
  return `${tenths / 10n}.${tenths % 10n}%`;
}

function bySaving(a: Recommendation, b: Recommendation): number {
  const x = BigInt(a.monthlySavingMicros);
  const y = BigInt(b.monthlySavingMicros);
  return x > y ? -1 : x < y ? 1 : a.title.localeCompare(b.title, "en");
}

/** A recommendation whose title no other title contains, so its control can be found by name. */
function distinct(recs: Recommendation[], pick: (r: Recommendation) => boolean): Recommendation {
  const rec = recs.find((r) => pick(r) && !recs.some((o) => o !== r && o.title.includes(r.title)));
  if (!rec) throw new Error("no recommendation fits the test");
  return rec;
}

async function openNav(page: Page, org: string, label: string, section: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL(`**/o/${org}/${section}`);
  await visible(page.getByRole("heading", { level: 1, name: label }));
}

/** Opens a recommendation of the list and returns its panel. */
async function expand(page: Page, title: string): Promise<Locator> {
  const list = page.getByRole("region", { name: "Recommendations", exact: true });
  const control = list.getByRole("heading", { level: 3 }).filter({ hasText: title }).getByRole("button");
  if ((await control.getAttribute("aria-expanded")) !== "true") await control.click();
  await expect.poll(() => control.getAttribute("aria-expanded")).toBe("true");
  const panel = page.locator(`[id="${await control.getAttribute("aria-controls")}"]`);
  await visible(panel);
  return panel;
}

const CHECK_TITLES: Record<keyof Reconciliation["counts"], string> = {
  stale: "Stale systems",
  unattributed: "Unattributed spend",
  shadow: "Shadow AI",
  vendors: "Vendors with gaps",
  models: "Models the policy does not allow",
};

describe("savings and reconciliation", () => {
  const ctx = useFullDemoServerAndBrowser();
  /** The recommendation whose status the tests change. */
  let target: Recommendation | undefined;
  const note = "Agreed in the platform review; the team evaluates it this sprint.";

  const api = demoOrgApi(ctx, "e2e savings");

  it("shows the API's identified savings, the recommendations by saving, and a recommendation's assumptions and evidence", async () => {
    const report = await api<SavingsReport>("/savings");
    expect(report.window).not.toBeNull();
    expect(report.recommendations.length).toBeGreaterThan(0);
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Savings", "savings");

      // The headline figures are the API's, to the cent.
      await visible(
        page.getByRole("region", { name: "Identified per month", exact: true }).getByText(usd(report.summary.identifiedMonthlyMicros), { exact: true }),
      );
      await visible(
        page.getByRole("region", { name: "Identified per year", exact: true }).getByText(usd(report.summary.identifiedAnnualMicros), { exact: true }),
      );
      await visible(page.getByRole("region", { name: "Share of spend", exact: true }).getByText(percent(report.summary.shareOfSpend), { exact: true }));
      await visible(
        page.getByRole("region", { name: "Realized per month", exact: true }).getByText(usd(report.summary.realizedMonthlyMicros), { exact: true }),
      );
      await visible(page.getByText(`Last ${report.window?.days} days of usage:`, { exact: false }));
      await expect.poll(() => page.getByRole("radio", { name: "90 days" }).isChecked()).toBe(true);

      // Every recommendation is listed, largest monthly saving first.
      const sorted = [...report.recommendations].sort(bySaving);
      const headings = page.getByRole("region", { name: "Recommendations", exact: true }).getByRole("heading", { level: 3 });
      await expect.poll(() => headings.count()).toBe(sorted.length);
      const texts = await headings.allTextContents();
      sorted.forEach((r, i) => {
        expect(texts[i], `position ${i + 1}`).toContain(r.title);
        expect(texts[i]).toContain(`${usd(r.monthlySavingMicros)} per month`);
      });

      // Opening one shows what to do, its assumptions, evidence and the link to its spend.
      const rec = distinct(sorted, (r) => r.assumptions.length > 0 && r.evidence.length > 0 && r.spendQuery !== null);
      const panel = await expand(page, rec.title);
      await visible(panel.getByText(rec.action));
      for (const a of rec.assumptions) await visible(panel.getByText(a, { exact: true }));
      const rows = await panel.getByRole("table", { name: "Evidence" }).getByRole("row").allTextContents();
      expect(rows).toEqual(rec.evidence.map((e) => `${e.label}${e.value}`));
      for (const step of rec.evaluationPlan) await visible(panel.getByText(step, { exact: true }));
      const spendLink = panel.getByRole("link", { name: /^Show the spend behind it/ });
      const href = new URL((await spendLink.getAttribute("href")) ?? "", ctx.server.url);
      expect(href.pathname).toBe(`/o/${org}/spend`);
      expect(Object.fromEntries(href.searchParams)).toMatchObject({ period: "custom", from: rec.spendQuery?.from, to: rec.spendQuery?.to });
      expect(await panel.getByText("Requires re-validation").count()).toBe(rec.requiresRevalidation ? 1 : 0);

      // A type filter narrows the list to that type, and goes to the address bar.
      await page.getByRole("textbox", { name: "Type", exact: true }).click();
      const option = page.getByRole("option").nth(1);
      const n = Number(/\((\d+)\)$/.exec((await option.textContent()) ?? "")?.[1]);
      await option.click();
      await expect.poll(() => new URL(page.url()).searchParams.get("type")).toBeTruthy();
      const type = new URL(page.url()).searchParams.get("type");
      expect(n).toBe(sorted.filter((r) => r.type === type).length);
      await expect.poll(() => headings.count()).toBe(n);
      await page.getByRole("button", { name: "Clear filters" }).first().click();
      await expect.poll(() => headings.count()).toBe(sorted.length);

      expect(critical(await axeViolations(page)), "savings page with a recommendation open").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      await snap(page, "savings");
    } finally {
      await context.close();
    }
  });

  it("sets a recommendation's status with a note: it persists and is in the audit log", async () => {
    const report = await api<SavingsReport>("/savings");
    target = distinct([...report.recommendations].sort(bySaving), (r) => r.status === "open");
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Savings", "savings");
      const panel = await expand(page, target.title);
      const save = panel.getByRole("button", { name: "Save status" });
      expect(await save.isDisabled()).toBe(true);
      await panel.getByRole("radiogroup", { name: "Set status" }).getByText("Accepted", { exact: true }).click();
      await panel.getByRole("textbox", { name: "Note" }).fill(note);
      await save.click();
      await visible(page.getByText(`“${target.title}” is now accepted.`));
      await visible(panel.getByText(`Note: ${note}`, { exact: true }));

      const after = (await api<SavingsReport>("/savings")).recommendations.find((r) => r.id === target?.id);
      expect(after).toMatchObject({ status: "accepted", statusNote: note, statusChangedBy: `user:${ctx.server.demo.adminEmail}` });

      // A reload reads it back from the server.
      await page.reload();
      const reloaded = await expand(page, target.title);
      const heading = page.getByRole("region", { name: "Recommendations", exact: true }).getByRole("heading", { level: 3 }).filter({ hasText: target.title });
      expect(await heading.textContent()).toContain("Accepted");
      await visible(reloaded.getByText(`Note: ${note}`, { exact: true }));
      await expect.poll(() => reloaded.getByRole("radio", { name: "Accepted" }).isChecked()).toBe(true);

      const audit = await api<{ items: AuditItem[] }>("/audit?entityType=savings-recommendation&limit=5");
      expect(audit.items[0]).toMatchObject({
        entityType: "savings-recommendation",
        entityId: target.id,
        entityLabel: target.title,
        action: "create",
        actor: `user:${ctx.server.demo.adminEmail}`,
      });
      await snap(page, "savings-status");
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the status and its note, without a status control or a policy editor", async () => {
    expect(target).toBeDefined();
    const title = target?.title ?? "";
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Savings", "savings");
      const panel = await expand(page, title);
      await visible(panel.getByText(`Note: ${note}`, { exact: true }));
      expect(await panel.getByText(/^Set by .+ on /).count()).toBe(1);
      expect(await page.getByRole("radiogroup", { name: "Set status" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Save status" }).count()).toBe(0);
      expect(await page.getByRole("textbox", { name: "Note" }).count()).toBe(0);

      // Nor does a viewer change the model policy.
      await openNav(page, org, "Reconciliation", "reconciliation");
      const policy = page.getByRole("region", { name: "Model policy", exact: true });
      await visible(policy.getByText(/^(No model policy is set|Allowed providers)/).first());
      expect(await page.getByRole("button", { name: /^(Edit policy|Set a policy|Remove policy)$/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("shows the API's reconciliation counts, saves the model policy, links unattributed spend to the rules, and fits a tablet screen", async () => {
    const recon = await api<Reconciliation>("/reconciliation");
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Reconciliation", "reconciliation");

      const summary = page.getByRole("list", { name: "Reconciliation at a glance" });
      for (const [key, title] of Object.entries(CHECK_TITLES) as [keyof Reconciliation["counts"], string][]) {
        const item = summary.getByRole("listitem").filter({ has: page.getByRole("button", { name: title, exact: true }) });
        await visible(item.getByText(String(recon.counts[key]), { exact: true }));
        await visible(page.getByRole("heading", { level: 2, name: title, exact: true }));
      }
      const stale = page.getByRole("table", { name: "Stale systems" });
      if (recon.stale.length > 0) {
        expect(await stale.getByRole("link").allTextContents()).toEqual(recon.stale.map((s) => s.name));
      }
      if (recon.counts.unattributed > 0) await visible(page.getByText(usd(recon.unattributedMicros), { exact: true }));
      expect(await page.getByRole("table", { name: "Shadow AI findings" }).getByRole("row").count()).toBe(recon.shadow.length + (recon.shadow.length ? 1 : 0));
      expect(critical(await axeViolations(page)), "reconciliation page").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      await snap(page, "reconciliation");

      // The admin denies a model in use that the policy allows so far: the count follows the API.
      const inUse = (await api<{ items: { key: string }[] }>(`/spend?by=model&from=${recon.window?.from}&to=${recon.window?.to}`)).items.map((r) => r.key);
      const model = inUse.find((k) => !k.startsWith("(") && !recon.models.some((m) => m.model.toLowerCase() === k.toLowerCase())) ?? "e2e-never-used";
      const policy = page.getByRole("region", { name: "Model policy", exact: true });
      await policy.getByRole("button", { name: /^(Edit policy|Set a policy)$/ }).click();
      const denied = policy.getByRole("textbox", { name: "Denied models" });
      await denied.fill(`${await denied.inputValue()}\n${model}`.trim());
      await policy.getByRole("button", { name: "Save policy" }).click();
      await visible(policy.getByText(model, { exact: true }));
      expect((await api<{ policy: { models?: { deny?: string[] } } | null }>("/model-policy")).policy?.models?.deny).toContain(model);
      const after = await api<Reconciliation>("/reconciliation");
      if (model !== "e2e-never-used") expect(after.counts.models).toBeGreaterThan(recon.counts.models);
      const modelsItem = summary.getByRole("listitem").filter({ has: page.getByRole("button", { name: CHECK_TITLES.models, exact: true }) });
      await visible(modelsItem.getByText(String(after.counts.models), { exact: true }));
      const deniedRows = page
        .getByRole("table", { name: "Models the policy does not allow" })
        .getByRole("row")
        .filter({ hasText: `matches the denied pattern ${model}` });
      await expect.poll(() => deniedRows.count()).toBe(after.models.filter((m) => m.reason.endsWith(`matches the denied pattern ${model}`)).length);

      // The unattributed spend links to the Spend page's rules.
      if (recon.counts.unattributed > 0) {
        await page.getByRole("link", { name: "Attribute with rules" }).click();
        await page.waitForURL(`**/o/${org}/spend#spend-rules`);
        await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.textContent")).toBe("Attribution rules");
      }

      // Tablet width: the navigation collapses and neither page overflows.
      await page.setViewportSize({ width: 768, height: 1024 });
      for (const section of ["reconciliation", "savings"]) {
        await page.goto(`/o/${org}/${section}`);
        await visible(page.getByRole("button", { name: "Open navigation" }));
        await visible(
          section === "savings"
            ? page.getByRole("region", { name: "Recommendations", exact: true }).getByRole("heading", { level: 3 }).first()
            : page.getByRole("list", { name: "Reconciliation at a glance" }),
        );
        expect(await noOverflow(page), section).toBe(0);
        await snap(page, `${section}-768`);
      }
    } finally {
      await context.close();
    }
  });

  it("points an organization without usage to importing it", async () => {
    const session = await apiSignIn(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password);
    const created = await apiPost(ctx.server.url, session, "/orgs", { name: "E2E Empty Savings", slug: "e2e-empty-savings" });
    expect(created.status).toBe(201);
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const org = "e2e-empty-savings";
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Savings", "savings");
      await visible(page.getByText("No AI usage imported yet", { exact: true }));
      expect(await page.getByRole("radiogroup", { name: "Window" }).count()).toBe(0);
      await page.getByRole("link", { name: "Import usage on the Spend page" }).click();
      await page.waitForURL(`**/o/${org}/spend`);
      await visible(page.getByRole("region", { name: "No AI usage imported yet" }));
    } finally {
      await context.close();
    }
  });
});
