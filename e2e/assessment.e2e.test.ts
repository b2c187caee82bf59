import type { AssessmentList, AssessmentView, Plan } from "@caio/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, critical, demoOrgApi, noOverflow, openPage, signIn, useFullDemoServerAndBrowser, visible } from "./support.js";

async function openNav(page: Page, org: string, label: string, section: string, heading: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL(`**/o/${org}/${section}`);
  await visible(page.getByRole("heading", { level: 1, name: heading }));
}

describe("leadership assessment and 30/60/90-day plan", () => {
  const ctx = useFullDemoServerAndBrowser();
  const api = demoOrgApi(ctx, "e2e strategy");

  it("shows the API's recommendation, reasons, costs and talent posture; an editor re-runs it from the prefilled form", async () => {
    const view = await api<AssessmentView>("/assessment");
    const latest = view.latest;
    if (!latest) throw new Error("the demo has no assessment");
    expect(latest.result.recommendation).toBe("fractional-caio");
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "Leadership", "assessment", "Leadership assessment");
      await expect.poll(() => page.getByTestId("recommendation").textContent()).toBe(latest.result.title);
      const reasons = await page.getByTestId("reasons").getByRole("listitem").allTextContents();
      expect(reasons).toEqual(latest.result.reasons.map((r) => r.text));
      await visible(page.getByRole("table", { name: "Cost comparison in US dollars" }).getByText("over $700,000", { exact: true }));
      await visible(page.getByRole("heading", { name: `Talent posture: ${latest.result.talent.title}` }));
      // The prefilled values say where they come from.
      const spend = view.prefill.find((p) => p.question === "annualAiSpendUsd");
      await visible(page.getByText(`Prefilled from ${spend?.source}.`, { exact: false }));
      expect(critical(await axeViolations(page)), "assessment page").toEqual([]);
      await page.setViewportSize({ width: 768, height: 1024 });
      expect(await noOverflow(page), "assessment page at 768 px").toBe(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      const before = (await api<AssessmentList>("/assessments")).items.length;
      await page.getByRole("button", { name: "Assess", exact: true }).click();
      await expect.poll(async () => (await api<AssessmentList>("/assessments")).items.length).toBe(before + 1);
      await expect.poll(() => page.getByTestId("recommendation").textContent()).toBe("Fractional Chief AI Officer");
    } finally {
      await context.close();
    }
  });

  it("shows each milestone's progress as the API computes it", async () => {
    const plan = await api<Plan>("/plan");
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openNav(page, org, "30/60/90 plan", "plan", "30/60/90-day plan");
      await expect.poll(() => page.getByTestId("plan-summary").textContent()).toContain(`today is day ${plan.day}; overall ${plan.progress}%`);
      for (const m of plan.workstreams.flatMap((w) => w.milestones)) {
        const row = page.locator(`[data-milestone="${m.id}"]`);
        expect(await row.getByTestId("progress").textContent(), m.id).toBe(`${m.progress}%`);
        await visible(row.getByText(m.figures, { exact: true }));
      }
      expect(new Set(plan.workstreams.flatMap((w) => w.milestones.map((m) => m.status))).size).toBeGreaterThan(1);
      expect(critical(await axeViolations(page)), "plan page").toEqual([]);
      await page.setViewportSize({ width: 768, height: 1024 });
      expect(await noOverflow(page), "plan page at 768 px").toBe(0);
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the result without write actions", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await page.goto(`/o/${org}/assessment`);
      await visible(page.getByTestId("recommendation"));
      await visible(page.getByRole("table", { name: "Answers of the latest assessment" }));
      expect(await page.getByRole("button", { name: "Assess" }).count()).toBe(0);
      await page.goto(`/o/${org}/plan`);
      await visible(page.getByTestId("plan-summary"));
      expect(await page.getByRole("button", { name: "Save start" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
