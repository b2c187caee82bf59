import { describe, expect, it } from "vitest";
import { axeViolations, critical, openPage, signIn, snap, systemNames, useServerAndBrowser, visible } from "./support.js";

describe("accessibility and layout", () => {
  const ctx = useServerAndBrowser();

  it("has no critical axe-core violations on the sign-in page, the inventory list and the system form", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      await page.goto("/login");
      await visible(page.getByRole("heading", { level: 1, name: "Sign in to caio" }));
      expect(critical(await axeViolations(page)), "login page").toEqual([]);

      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      expect(critical(await axeViolations(page)), "inventory list").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      for (const landmark of ["banner", "navigation", "main"] as const) {
        expect(await page.getByRole(landmark).count(), landmark).toBeGreaterThan(0);
      }

      await page.getByRole("link", { name: "New system" }).click();
      await visible(page.getByRole("heading", { level: 1, name: "New AI system" }));
      expect(critical(await axeViolations(page)), "system form").toEqual([]);
      // With validation errors shown, too.
      await page.getByRole("button", { name: "Create system" }).click();
      await visible(page.getByText("Name is required", { exact: true }));
      expect(critical(await axeViolations(page)), "system form with errors").toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("renders the inventory at tablet width without horizontal overflow; navigation collapses to a burger", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { viewport: { width: 768, height: 1024 } });
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      await snap(page, "inventory-768");

      const overflow = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number }; body: { scrollWidth: number; clientWidth: number } };
          }
        ).document;
        return {
          doc: d.documentElement.scrollWidth - d.documentElement.clientWidth,
          body: d.body.scrollWidth - d.body.clientWidth,
        };
      });
      expect(overflow).toEqual({ doc: 0, body: 0 });

      // The navigation is behind the burger at this width.
      const burger = page.getByRole("button", { name: "Open navigation" });
      await visible(burger);
      await burger.click();
      await visible(page.getByRole("navigation").getByRole("link", { name: "Vendors" }));
      await page.getByRole("navigation").getByRole("link", { name: "Vendors" }).click();
      await page.waitForURL(`**/o/${ctx.server.demo.org}/vendors`);
      await visible(page.getByRole("heading", { level: 1, name: "Vendors" }));
      const vendorOverflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      expect(vendorOverflow).toBe(0);
    } finally {
      await context.close();
    }
  });
});
