import type { Roadmap, RoiReport, UseCaseList } from "@caio/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiPost,
  apiSignIn,
  axeViolations,
  critical,
  noOverflow,
  openPage,
  signIn,
  snap,
  useFullDemoServerAndBrowser,
  visible,
} from "./support.js";

async function openPortfolio(page: Page, org: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Portfolio", exact: true }).click();
  await page.waitForURL(`**/o/${org}/portfolio`);
  await visible(page.getByRole("heading", { level: 1, name: "Use-case portfolio" }));
  await visible(page.getByTestId("portfolio-table"));
}

describe("use-case portfolio, roadmap and ROI", () => {
  const ctx = useFullDemoServerAndBrowser();
  let session: ApiSession | undefined;

  const api = async <T>(path: string): Promise<T> => {
    session ??= await apiSignIn(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password);
    const res = await fetch(`${ctx.server.url}/api/v1/orgs/${ctx.server.demo.org}${path}`, { headers: { cookie: session.cookie } });
    expect(res.ok, `GET ${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };

  it("shows the API's portfolio in the table, a chart point per use case, and lets an editor add a use case", async () => {
    const before = (await api<UseCaseList>("/usecases")).items;
    expect(before.length).toBeGreaterThanOrEqual(6);
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.editorEmail, ctx.server.demo.password, org);
      await openPortfolio(page, org);

      // The table is the API's list, in its order, with its recommendation, priority and fund marks.
      const rows = page.getByTestId("portfolio-table").locator("tbody tr");
      await expect.poll(() => rows.count()).toBe(before.length);
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector("[data-testid=name]")?.textContent ?? "",
          priority: tr.querySelector("[data-testid=priority]")?.textContent ?? "",
          recommendation: (tr.querySelector("[data-testid=recommendation]")?.textContent ?? "").toLowerCase(),
          fund: !!tr.querySelector("td:first-child .mantine-Badge-root"),
        })),
      );
      expect(shown).toEqual(
        before.map((u) => ({
          name: u.name,
          priority: u.assessment.scores.priority.toFixed(1),
          recommendation: u.assessment.recommendation,
          fund: u.assessment.fund,
        })),
      );
      // Each reason that fired is on the page.
      const stop = before.find((u) => u.assessment.recommendation === "stop");
      expect(stop).toBeDefined();
      await visible(page.getByText(stop?.assessment.reasons[0]?.text ?? "-", { exact: true }));

      // One chart point per use case.
      const chart = page.getByTestId("value-feasibility-chart");
      await visible(chart);
      await expect.poll(() => chart.locator(".recharts-scatter-symbol").count()).toBe(before.length);
      expect(critical(await axeViolations(page))).toEqual([]);

      // An editor adds a use case; it appears in the table with its recommendation.
      await page.getByRole("button", { name: "Add use case" }).click();
      const dialog = page.getByRole("dialog", { name: "Add use case" });
      await visible(dialog);
      await dialog.getByRole("textbox", { name: "Name" }).fill("Yard slot scheduling");
      await dialog.getByRole("textbox", { name: "Value per year (USD)" }).fill("350000");
      await dialog.getByRole("textbox", { name: "Build cost (USD)" }).fill("60000");
      await dialog.getByRole("button", { name: "Add use case" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => rows.count()).toBe(before.length + 1);
      await visible(page.getByTestId("portfolio-table").getByText("Yard slot scheduling", { exact: true }));
      const after = (await api<UseCaseList>("/usecases")).items;
      expect(after.find((u) => u.name === "Yard slot scheduling")).toMatchObject({ annualValue: "350000.00", buildCost: "60000.00" });
      await expect.poll(() => chart.locator(".recharts-scatter-symbol").count()).toBe(before.length + 1);
      await snap(page, "portfolio-editor");
    } finally {
      await context.close();
    }
  });

  it("shows the roadmap by quarter with the API's investment and ROI per use case", async () => {
    const roadmap = await api<Roadmap>("/roadmap");
    const roi = await api<RoiReport>("/roi");
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openPortfolio(page, org);
      await page.getByRole("tab", { name: "Roadmap" }).click();
      const quarters = page.getByTestId("roadmap-quarter");
      await expect.poll(() => quarters.count()).toBe(roadmap.quarters.length);
      for (const [i, q] of roadmap.quarters.entries()) {
        const text = (await quarters.nth(i).textContent()) ?? "";
        expect(text).toContain(q.key);
        expect(text).toContain(`$${Number(q.investment).toLocaleString("en-US", { maximumFractionDigits: 0 })}`);
      }
      expect(critical(await axeViolations(page))).toEqual([]);

      await page.getByRole("tab", { name: "ROI" }).click();
      const table = page.getByTestId("roi-table");
      await visible(table);
      await expect.poll(() => table.locator("tbody tr").count()).toBe(roi.items.length);
      expect(await table.textContent()).toContain("Stalled");
      expect(critical(await axeViolations(page))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the portfolio without write actions, and fits a 768 px screen", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { viewport: { width: 768, height: 1024 }, bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/portfolio`);
      await visible(page.getByRole("heading", { level: 1, name: "Use-case portfolio" }));
      await visible(page.getByTestId("portfolio-table"));
      expect(await page.getByRole("button", { name: "Add use case" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Record actual/ }).count()).toBe(0);
      await visible(page.getByText(/can read the portfolio/));
      expect(await noOverflow(page)).toBe(0);
      expect(critical(await axeViolations(page))).toEqual([]);
      for (const tab of ["Roadmap", "ROI"]) {
        await page.getByRole("tab", { name: tab }).click();
        await page.waitForTimeout(200);
        expect(await noOverflow(page)).toBe(0);
      }
      const viewer = await apiSignIn(ctx.server.url, ctx.server.demo.viewerEmail, ctx.server.demo.password);
      expect((await apiPost(ctx.server.url, viewer, `/orgs/${org}/usecases`, { name: "x" })).status).toBe(403);
      await snap(page, "portfolio-viewer");
    } finally {
      await context.close();
    }
  });
});
