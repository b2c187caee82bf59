import { describe, expect, it } from "vitest";
import { openPage, signIn, systemNames, useServerAndBrowser, visible } from "./support.js";

describe("inventory (admin)", () => {
  const ctx = useServerAndBrowser();

  it("redirects to the sign-in page, signs in and lists the demo systems; search filters the list", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await page.goto(`/o/${ctx.server.demo.org}/systems`);
      await page.waitForURL("**/login?next=*");
      await visible(page.getByRole("heading", { level: 1, name: "Sign in to caio" }));

      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await visible(page.getByRole("link", { name: "New system" }));

      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      const all = await systemNames(page);
      expect(all.length).toBeGreaterThan(1);

      // Search for one system by its full name: it stays, the others go, and the address bar keeps the filter.
      const target = all[all.length - 1] as string;
      await page.getByRole("searchbox", { name: "Search" }).fill(target);
      await expect.poll(() => systemNames(page)).toContain(target);
      await expect.poll(async () => (await systemNames(page)).length).toBeLessThan(all.length);
      expect(new URL(page.url()).searchParams.get("q")).toBe(target);

      // Reloading keeps the filter (it lives in the URL).
      await page.reload();
      await expect.poll(() => systemNames(page)).toContain(target);
      expect(await page.getByRole("searchbox", { name: "Search" }).inputValue()).toBe(target);

      await page.getByRole("searchbox", { name: "Search" }).fill("zz-no-system-has-this-name-zz");
      await visible(page.getByText("No systems match these filters"));

      await page.getByRole("button", { name: "Clear filters" }).click();
      await expect.poll(async () => (await systemNames(page)).length).toBe(all.length);
    } finally {
      await context.close();
    }
  });

  it("sorts by a column header and filters by stage", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      const ascending = await systemNames(page);

      await page.getByRole("button", { name: "Name" }).click();
      await page.waitForURL(/order=desc/);
      await expect.poll(() => systemNames(page)).toEqual([...ascending].reverse());
      expect(await page.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("descending");

      await page.getByRole("textbox", { name: "Stage", exact: true }).click();
      await page.getByRole("option", { name: "Pilot", exact: true }).click();
      await page.waitForURL(/stage=pilot/);
      const rows = page.getByRole("table", { name: "AI systems" }).getByRole("row");
      await expect.poll(async () => (await rows.count()) - 1).toBeLessThan(ascending.length);
      const stages = await page.getByRole("table", { name: "AI systems" }).locator("tbody tr td:nth-child(2)").allTextContents();
      expect(stages.every((s) => s === "Pilot")).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("lists the user's organizations in the organization switcher and switches between them", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);

      // Create a second organization from the user menu.
      await page.getByRole("button", { name: /^User menu/ }).click();
      await page.getByRole("menuitem", { name: "New organization…" }).click();
      const dialog = page.getByRole("dialog", { name: "New organization" });
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("E2E Second Org");
      expect(await dialog.getByRole("textbox", { name: "Short name", exact: true }).inputValue()).toBe("e2e-second-org");
      await dialog.getByRole("button", { name: "Create organization" }).click();
      await page.waitForURL("**/o/e2e-second-org/systems");
      await visible(page.getByText("No AI systems recorded yet"));

      const me = (await (await page.request.get("/api/v1/me")).json()) as {
        organizations: { slug: string; name: string; role: string }[];
      };
      expect(me.organizations.length).toBeGreaterThanOrEqual(2);
      const demoOrg = me.organizations.find((o) => o.slug === ctx.server.demo.org);
      expect(demoOrg).toBeDefined();

      const switcher = page.getByRole("textbox", { name: "Organization" });
      expect(await switcher.inputValue()).toBe("E2E Second Org");
      await switcher.click();
      const options = page.getByRole("option");
      await expect.poll(() => options.count()).toBe(me.organizations.length);
      for (const o of me.organizations) {
        await visible(page.getByRole("option", { name: new RegExp(escapeRegExp(o.name)) }));
      }
      // Each option shows the user's role in that organization.
      await visible(page.getByRole("option", { name: new RegExp(`${escapeRegExp(demoOrg?.name ?? "")}.*Admin`) }));

      await page.getByRole("option", { name: new RegExp(escapeRegExp(demoOrg?.name ?? "")) }).click();
      await page.waitForURL(`**/o/${ctx.server.demo.org}/systems`);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
    } finally {
      await context.close();
    }
  });

  it("shows the audit log, filters it by entity type and verifies the hash chain", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
      await page.waitForURL(`**/o/${ctx.server.demo.org}/audit`);
      await visible(page.getByRole("heading", { level: 1, name: "Audit log" }));
      const rows = page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr");
      await expect.poll(() => rows.count()).toBeGreaterThan(0);

      await page.getByRole("textbox", { name: "Entity type", exact: true }).click();
      await page.getByRole("option", { name: "Vendor", exact: true }).click();
      await page.waitForURL(/type=vendor/);
      await expect.poll(async () => [...new Set(await rows.locator("td:nth-child(5)").allTextContents())]).toEqual(["Vendor"]);

      await page.getByRole("button", { name: "Verify chain" }).click();
      await visible(page.getByText("Chain intact"));
    } finally {
      await context.close();
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
