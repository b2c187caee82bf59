import { describe, expect, it } from "vitest";
import { chooseOption, gone, openPage, signIn, snap, systemNames, useServerAndBrowser, visible } from "./support.js";

describe("editing the inventory", () => {
  const ctx = useServerAndBrowser();

  it("validates, reports server errors on the field, creates, edits and deletes", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      const existing = (await systemNames(page))[0] as string;

      await page.getByRole("link", { name: "New system" }).click();
      await page.waitForURL(`**/o/${ctx.server.demo.org}/systems/new`);
      await visible(page.getByRole("heading", { level: 1, name: "New AI system" }));
      const name = page.getByRole("textbox", { name: "Name", exact: true });

      // 1. Client-side validation with the shared schema: the name is required.
      await page.getByRole("button", { name: "Create system" }).click();
      await visible(page.getByText("Name is required", { exact: true }));
      expect(await name.getAttribute("aria-invalid")).toBe("true");
      // The keyboard focus moves to the field to fix.
      expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe(await name.getAttribute("id"));
      expect(page.url()).toMatch(/\/systems\/new$/);

      // 2. A server-side error: the name is already used (409 with an issue on "name").
      await name.fill(existing);
      await page.getByRole("button", { name: "Create system" }).click();
      await visible(page.getByRole("alert").filter({ hasText: "Not saved" }));
      await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
      await visible(page.getByText(/already/i).first());
      await snap(page, "system-form-server-error");
      expect(page.url()).toMatch(/\/systems\/new$/);

      // 3. Create successfully.
      const newName = `E2E chatbot ${Date.now()}`;
      await name.fill(newName);
      await page.getByRole("textbox", { name: "Purpose", exact: true }).fill("Answers questions from employees about the travel policy.");
      await page.getByRole("textbox", { name: "Department", exact: true }).fill("Travel office");
      // Mantine draws its own switch over a visually hidden checkbox: toggle it with the keyboard.
      const customerFacing = page.getByRole("switch", { name: /Customer-facing/ });
      await customerFacing.focus();
      await page.keyboard.press("Space");
      expect(await customerFacing.isChecked()).toBe(true);
      await page.getByRole("radio", { name: /^Informs decisions about people/ }).check();
      await page.getByRole("textbox", { name: "Tags", exact: true }).fill("e2e");
      await page.getByRole("textbox", { name: "Tags", exact: true }).press("Enter");
      await page.getByRole("button", { name: "Create system" }).click();
      await page.waitForURL(/\/systems\/[0-9a-f-]{36}$/);
      await visible(page.getByRole("heading", { level: 1, name: newName }));
      await visible(page.getByText("Informs decisions about people"));
      await visible(page.getByText("Travel office"));
      await visible(page.getByRole("region", { name: "History" }).getByText("Created", { exact: true }));

      // 4. Edit it: change the stage.
      await page.getByRole("link", { name: "Edit" }).click();
      await page.waitForURL(/\/edit$/);
      await visible(page.getByRole("heading", { level: 1, name: `Edit ${newName}` }));
      await chooseOption(page, "Stage", "In production");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForURL(/\/systems\/[0-9a-f-]{36}$/);
      const history = page.getByRole("region", { name: "History" });
      await visible(history.getByText("Updated", { exact: true }).first());
      await visible(history.getByText(/Stage: .*Idea.*In production/));
      await snap(page, "system-detail-after-edit");

      // 5. Delete it, after confirming.
      await page.getByRole("button", { name: "Delete" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete this system?" });
      await visible(dialog);
      await dialog.getByRole("button", { name: "Delete system" }).click();
      await page.waitForURL(`**/o/${ctx.server.demo.org}/systems`);
      await gone(dialog);
      await expect.poll(() => systemNames(page)).not.toHaveLength(0);
      expect(await systemNames(page)).not.toContain(newName);
    } finally {
      await context.close();
    }
  });

  it("validates a vendor's contract dates with the shared schema, then creates the vendor", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await page.goto(`/o/${ctx.server.demo.org}/vendors/new`);
      await visible(page.getByRole("heading", { level: 1, name: "New vendor" }));
      await page.getByRole("textbox", { name: "Name", exact: true }).fill("E2E Vendor");
      await page.getByRole("textbox", { name: "Contract start", exact: true }).fill("2026-06-01");
      await page.getByRole("textbox", { name: "Contract end", exact: true }).fill("2026-01-31");
      await page.getByRole("textbox", { name: /^Commitment/ }).fill("12,500.50");
      await page.getByRole("button", { name: "Create vendor" }).click();
      await visible(page.getByText("End must not be before start", { exact: true }));
      expect(await page.getByRole("textbox", { name: "Contract end", exact: true }).getAttribute("aria-invalid")).toBe("true");

      await page.getByRole("textbox", { name: "Contract end", exact: true }).fill("2027-05-31");
      await page.getByRole("button", { name: "Create vendor" }).click();
      await page.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
      await visible(page.getByRole("heading", { level: 1, name: "E2E Vendor" }));
      const contract = page.getByRole("region", { name: "Contract" });
      await visible(contract.getByText("31 May 2027"));
      await visible(contract.getByText("$12,500.50"));
    } finally {
      await context.close();
    }
  });
});
