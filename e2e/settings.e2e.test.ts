import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, chooseOption, critical, gone, openPage, signIn, snap, useServerAndBrowser, visible } from "./support.js";

/** Opens the settings page through the navigation, as a keyboard or mouse user would. */
async function openSettings(page: Page, org: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  await page.waitForURL(`**/o/${org}/settings`);
  await visible(page.getByRole("heading", { level: 1, name: "Settings" }));
}

/** Paths of the API calls the page makes, to check what it does not ask for. */
function recordApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith("/api/")) calls.push(`${req.method()} ${url.pathname}`);
  });
  return calls;
}

describe("organization settings", () => {
  const ctx = useServerAndBrowser();

  it("lets an admin add a member, change their role, create, use and revoke an API token, and remove the member", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openSettings(page, org);
      const members = page.getByRole("table", { name: "Members" });
      await visible(members.getByText(ctx.server.demo.adminEmail));

      // 1. Add a member. The email is new to the installation, so the server asks for a password.
      await page.getByRole("button", { name: "Add member" }).click();
      const dialog = page.getByRole("dialog", { name: "Add member" });
      await visible(dialog);
      const email = `e2e-analyst-${Date.now()}@meridian.example`;
      await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(email);
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("E2E Analyst");
      await chooseOption(page, "Role", "Editor");
      await dialog.getByRole("button", { name: "Add member" }).click();
      const password = dialog.getByLabel("Password", { exact: true });
      await visible(dialog.getByText("Password is required for a new user", { exact: true }));
      await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
      await snap(page, "settings-add-member-password-error");

      await password.fill("e2e-analyst-password");
      await dialog.getByRole("button", { name: "Add member" }).click();
      await gone(dialog);
      await visible(page.getByText("E2E Analyst added as Editor."));
      const row = members.getByRole("row").filter({ hasText: email });
      await visible(row);
      const roleSelect = row.getByRole("textbox", { name: "Role of E2E Analyst" });
      expect(await roleSelect.inputValue()).toBe("Editor");

      // Adding the same person again is a conflict, shown on the email field.
      await page.getByRole("button", { name: "Add member" }).click();
      await visible(dialog);
      await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(email);
      await dialog.getByRole("button", { name: "Add member" }).click();
      await visible(dialog.getByText("Email is already a member", { exact: true }));
      expect(await dialog.getByRole("textbox", { name: "Email", exact: true }).getAttribute("aria-invalid")).toBe("true");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await gone(dialog);

      // 2. Change their role.
      await chooseOption(page, "Role of E2E Analyst", "Approver");
      await visible(page.getByText("E2E Analyst is now Approver."));
      await expect.poll(() => roleSelect.inputValue()).toBe("Approver");
      const listed = (await (await page.request.get(`/api/v1/orgs/${org}/members`)).json()) as { items: { email: string; role: string }[] };
      expect(listed.items.find((m) => m.email === email)?.role).toBe("approver");

      // The only admin cannot step down: the server's 409 is shown as an alert.
      await chooseOption(page, "Role of Ana Ortiz (AI officer)", "Viewer");
      const stepDown = page.getByRole("dialog", { name: "Give up your admin rights?" });
      await stepDown.getByRole("button", { name: "Change my role" }).click();
      await gone(stepDown);
      const roleAlert = page.getByRole("alert").filter({ hasText: "Role not changed" });
      await visible(roleAlert);
      expect(await roleAlert.textContent()).toMatch(/at least one admin/);
      expect(await members.getByRole("textbox", { name: "Role of Ana Ortiz (AI officer)" }).inputValue()).toBe("Admin");

      // 3. Create an API token; its secret is shown once, with a usage example.
      await page.getByRole("button", { name: "Create token" }).click();
      const create = page.getByRole("dialog", { name: "Create API token" });
      await visible(create);
      await create.getByRole("textbox", { name: "Name", exact: true }).fill("E2E CI");
      await chooseOption(page, "Role", "Editor");
      await create.getByRole("button", { name: "Create token" }).click();
      const secretDialog = page.getByRole("dialog", { name: "Copy your new API token" });
      await visible(secretDialog);
      await visible(secretDialog.getByText(/you will not see it again/i));
      const secret = await secretDialog.getByRole("textbox", { name: "API token" }).inputValue();
      expect(secret).toMatch(/^caio_\S{20,}$/);
      expect(await secretDialog.locator("pre").textContent()).toBe(`CAIO_TOKEN=${secret} npx caio --server ${ctx.server.url} --org ${org} systems list`);
      await visible(secretDialog.getByRole("button", { name: "Copy token" }));
      await snap(page, "settings-token-secret");

      // The token works against the API.
      const auth = { headers: { Authorization: `Bearer ${secret}` } };
      expect((await fetch(`${ctx.server.url}/api/v1/orgs/${org}/systems`, auth)).status).toBe(200);

      await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
      await gone(secretDialog);
      // Once closed, the secret is nowhere on the page; the list shows only its prefix.
      expect(await page.content()).not.toContain(secret);
      const tokens = page.getByRole("table", { name: "API tokens" });
      const tokenRow = tokens.getByRole("row").filter({ hasText: "E2E CI" });
      await visible(tokenRow);
      expect(await tokenRow.textContent()).toContain(`${secret.slice(0, 10)}…`);
      expect(await tokenRow.textContent()).toContain("Editor");
      await snap(page, "settings-admin");

      // 4. Revoke it: the API refuses it from then on.
      await tokenRow.getByRole("button", { name: "Revoke E2E CI" }).click();
      const revoke = page.getByRole("dialog", { name: "Revoke this token?" });
      await revoke.getByRole("button", { name: "Revoke token" }).click();
      await gone(revoke);
      await gone(tokenRow);
      expect((await fetch(`${ctx.server.url}/api/v1/orgs/${org}/systems`, auth)).status).toBe(401);

      // 5. Remove the member.
      await row.getByRole("button", { name: "Remove E2E Analyst" }).click();
      const remove = page.getByRole("dialog", { name: "Remove this member?" });
      await visible(remove.getByText(email, { exact: false }));
      await remove.getByRole("button", { name: "Remove member" }).click();
      await gone(remove);
      await gone(row);
      const after = (await (await page.request.get(`/api/v1/orgs/${org}/members`)).json()) as { items: { email: string }[] };
      expect(after.items.map((m) => m.email)).not.toContain(email);
    } finally {
      await context.close();
    }
  });

  it("shows a viewer the members read-only, and no way to create tokens", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const calls = recordApiCalls(page);
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, ctx.server.demo.org);
      await openSettings(page, ctx.server.demo.org);
      const members = page.getByRole("table", { name: "Members" });
      await visible(members.getByText(ctx.server.demo.adminEmail));
      await visible(page.getByRole("note").filter({ hasText: "Only admins can add members" }));
      await visible(page.getByRole("note").filter({ hasText: "You cannot create API tokens" }));
      expect(await page.getByRole("button", { name: "Add member" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
      expect(await members.getByRole("textbox").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Create token" }).count()).toBe(0);
      expect(await page.getByRole("table", { name: "API tokens" }).count()).toBe(0);
      await snap(page, "settings-viewer");
      // The token list is for admins: the page never asks for it.
      expect(calls.filter((c) => c.includes("/tokens"))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("lets an editor create a token up to their own role, without listing the organization's tokens", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const calls = recordApiCalls(page);
      await signIn(page, ctx.server.demo.editorEmail, ctx.server.demo.password, ctx.server.demo.org);
      await openSettings(page, ctx.server.demo.org);
      await visible(page.getByRole("note").filter({ hasText: "Only admins can see the organization's tokens" }));
      expect(await page.getByRole("button", { name: "Add member" }).count()).toBe(0);

      await page.getByRole("button", { name: "Create token" }).click();
      const create = page.getByRole("dialog", { name: "Create API token" });
      await create.getByRole("textbox", { name: "Name", exact: true }).fill("Editor script");
      await create.getByRole("textbox", { name: "Role", exact: true }).click();
      expect(await page.getByRole("option").allTextContents()).toEqual(["Viewer", "Editor"]);
      await page.getByRole("option", { name: "Editor", exact: true }).click();
      await create.getByRole("button", { name: "Create token" }).click();
      const secretDialog = page.getByRole("dialog", { name: "Copy your new API token" });
      const secret = await secretDialog.getByRole("textbox", { name: "API token" }).inputValue();
      expect((await fetch(`${ctx.server.url}/api/v1/orgs/${ctx.server.demo.org}/systems`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(
        200,
      );
      await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
      await gone(secretDialog);
      expect(calls.filter((c) => c.startsWith("GET") && c.includes("/tokens"))).toEqual([]);
      expect(calls).toContain(`POST /api/v1/orgs/${ctx.server.demo.org}/tokens`);
    } finally {
      await context.close();
    }
  });

  it("has no critical axe-core violations, one h1, and fits a tablet screen", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, ctx.server.demo.org);
      await openSettings(page, ctx.server.demo.org);
      await visible(page.getByRole("table", { name: "Members" }));
      await visible(page.getByRole("table", { name: "API tokens" }).or(page.getByText("No API tokens")));
      expect(critical(await axeViolations(page)), "settings page").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);

      // The add-member form with its validation errors.
      await page.getByRole("button", { name: "Add member" }).click();
      const dialog = page.getByRole("dialog", { name: "Add member" });
      await dialog.getByRole("button", { name: "Add member" }).click();
      await visible(dialog.getByText("Email is required", { exact: true }));
      expect(critical(await axeViolations(page)), "add member form with errors").toEqual([]);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await gone(dialog);

      // The token secret.
      await page.getByRole("button", { name: "Create token" }).click();
      const create = page.getByRole("dialog", { name: "Create API token" });
      await create.getByRole("textbox", { name: "Name", exact: true }).fill("Axe check");
      await create.getByRole("button", { name: "Create token" }).click();
      const secretDialog = page.getByRole("dialog", { name: "Copy your new API token" });
      await visible(secretDialog);
      expect(critical(await axeViolations(page)), "token secret").toEqual([]);
      await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
      await gone(secretDialog);

      // Tablet width: tables scroll inside their card, the page itself does not overflow.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.reload();
      await visible(page.getByRole("button", { name: "Open navigation" }));
      await visible(page.getByRole("table", { name: "API tokens" }));
      expect(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBe(0);
      await snap(page, "settings-768");
    } finally {
      await context.close();
    }
  });
});
