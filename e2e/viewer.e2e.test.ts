import { describe, expect, it } from "vitest";
import { openPage, signIn, systemNames, useServerAndBrowser, visible } from "./support.js";

describe("a viewer", () => {
  const ctx = useServerAndBrowser();

  it("can read the inventory but sees no edit actions, and cannot save through the edit URL", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, ctx.server.demo.org);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      expect(await page.getByRole("link", { name: "New system" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "New system" }).count()).toBe(0);
      await visible(page.getByRole("banner").getByText("Viewer"));

      // Detail page: readable, without Edit or Delete.
      const first = (await systemNames(page))[0] as string;
      await page.getByRole("table", { name: "AI systems" }).getByRole("link", { name: first, exact: true }).click();
      await page.waitForURL(/\/systems\/[0-9a-f-]{36}$/);
      await visible(page.getByRole("heading", { level: 1, name: first }));
      await visible(page.getByRole("region", { name: "Impact on people" }));
      expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Edit" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);

      // A direct visit to the edit URL shows a "not allowed" message and no way to save.
      const detailUrl = new URL(page.url());
      await page.goto(`${detailUrl.pathname}/edit`);
      const alert = page.getByRole("alert").filter({ hasText: /not allowed/i });
      await visible(alert);
      expect(await alert.textContent()).toMatch(/viewer/i);
      expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);

      await page.goto(`/o/${ctx.server.demo.org}/systems/new`);
      await visible(page.getByRole("alert").filter({ hasText: /not allowed/i }));
      expect(await page.getByRole("button", { name: "Create system" }).count()).toBe(0);

      // The server refuses too: a write with the viewer's session is forbidden.
      const me = (await (await page.request.get("/api/v1/me")).json()) as { csrfToken: string };
      const res = await page.request.post(`/api/v1/orgs/${ctx.server.demo.org}/systems`, {
        data: { name: "Should not exist" },
        headers: { "X-CSRF-Token": me.csrfToken },
      });
      expect(res.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
