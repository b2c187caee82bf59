import { DEMO_USERS } from "@caio/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, critical, noOverflow, openPage, signIn, snap, useFullDemoServerAndBrowser, visible } from "./support.js";

interface PolicyListBody {
  items: { kind: string; title: string; latest: { id: string; version: number; status: string; digest: string } | null }[];
}

/** Opens one policy from the Policies page by its title. */
async function openPolicy(page: Page, org: string, title: string, kind: string): Promise<void> {
  await page.goto(`/o/${org}/policies`);
  await visible(page.getByRole("heading", { level: 1, name: "Policies" }));
  await page.getByRole("link", { name: new RegExp(`\\d\\. ${title}$`) }).click();
  await page.waitForURL(`**/o/${org}/policies/${kind}`);
  await visible(page.getByRole("heading", { level: 1, name: title }));
}

const statusBadge = (page: Page) => page.getByRole("main").locator(".mantine-Badge-root").first();

describe("the policy frame: review and board sign-off", () => {
  const ctx = useFullDemoServerAndBrowser();
  const approverEmail = DEMO_USERS[2].email;

  it("shows the demo's four policies with their statuses, the approved text and its changes", async () => {
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.editorEmail, ctx.server.demo.password, org);
      await page.getByRole("navigation").getByRole("link", { name: "Policies", exact: true }).click();
      await page.waitForURL(`**/o/${org}/policies`);
      const cards = page.getByRole("main").getByRole("region");
      await expect.poll(() => cards.count()).toBe(4);
      const texts = await cards.allTextContents();
      expect(texts[0]).toMatch(/1\. AI acceptable use.*Approved.*In force: version 2, approved by counsel@meridian\.example/);
      expect(texts[1]).toMatch(/2\. Data sent to third-party models.*In review/);
      expect(texts[2]).toMatch(/3\. AI-generated content.*Draft/);
      expect(texts[3]).toMatch(/4\. AI in customer-facing workflows.*Draft/);
      expect(critical(await axeViolations(page))).toEqual([]);

      // The approved policy: its text, rendered (headings and tables, not raw Markdown), and the changes since version 1.
      await openPolicy(page, org, "AI acceptable use", "acceptable-use");
      await visible(page.getByRole("heading", { name: "Meeting recordings and AI note-takers" }));
      await visible(page.getByRole("table").first());
      expect(await page.getByText("## Meeting recordings").count()).toBe(0);
      await page.getByText(/^Changes from version 1/).click();
      await visible(page.getByText("Version 2 against version 1:", { exact: false }));
      await visible(page.getByRole("listitem").filter({ hasText: "Added: ## Meeting recordings and AI note-takers" }));
      // Version 1 was sent back by counsel, with the reason.
      await page.getByRole("textbox", { name: "Version", exact: true }).click();
      await page.getByRole("option", { name: "Version 1 · Draft" }).click();
      await visible(page.getByText(/Add a rule on meeting recordings/));
      expect(critical(await axeViolations(page))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an editor submits a draft, the approver approves it, and the page shows who approved which digest", async () => {
    const { org, password } = ctx.server.demo;
    const editor = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      await signIn(editor.page, ctx.server.demo.editorEmail, password, org);
      await openPolicy(editor.page, org, "AI-generated content", "generated-content");
      await expect.poll(() => statusBadge(editor.page).textContent()).toBe("Draft");
      // An editor cannot approve.
      expect(await editor.page.getByRole("button", { name: "Approve" }).count()).toBe(0);
      await editor.page.getByRole("button", { name: "Submit for review" }).click();
      await expect.poll(() => statusBadge(editor.page).textContent()).toBe("In review");
      await visible(editor.page.getByText("Waiting for an approver"));
      expect(await editor.page.getByRole("button", { name: "Submit for review" }).count()).toBe(0);
    } finally {
      await editor.context.close();
    }

    const approver = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { page } = approver;
      await signIn(page, approverEmail, password, org);
      await openPolicy(page, org, "AI-generated content", "generated-content");
      const list = (await (await page.request.get(`/api/v1/orgs/${org}/policies`)).json()) as PolicyListBody;
      const version = list.items.find((i) => i.kind === "generated-content")?.latest;
      expect(version?.status).toBe("in-review");
      await page.getByRole("button", { name: "Approve" }).click();
      const dialog = page.getByRole("dialog", { name: "Approve AI-generated content, version 1" });
      await visible(dialog.getByText(version?.digest ?? "missing"));
      expect(critical(await axeViolations(page))).toEqual([]);
      await dialog.getByRole("textbox", { name: "Note" }).fill("Approved at the board meeting.");
      await dialog.getByRole("button", { name: "Approve version 1" }).click();
      await expect.poll(() => statusBadge(page).textContent()).toBe("Approved");
      const signOff = page.getByRole("region", { name: "Status and sign-off" });
      await visible(signOff.getByText(new RegExp(`^${approverEmail.replace(".", "\\.")}, `)));
      await visible(signOff.getByText("Approved at the board meeting."));
      expect(await signOff.getByTestId("policy-digest").textContent()).toBe(version?.digest);
      // An approved version offers no approval or submission any more; the audit log has the sign-off with the digest.
      expect(await page.getByRole("button", { name: "Approve" }).count()).toBe(0);
      const audit = (await (await page.request.get(`/api/v1/orgs/${org}/audit?entityType=policy&limit=5`)).json()) as {
        items: { actor: string; entityId: string; entityLabel: string }[];
      };
      expect(audit.items[0]).toMatchObject({
        actor: `user:${approverEmail}`,
        entityId: version?.id,
        entityLabel: `AI-generated content v1 · sha256:${version?.digest}`,
      });
      await snap(page, "policy-approved");
    } finally {
      await approver.context.close();
    }
  });

  it("shows a viewer no actions, and fits a 768 px screen", async () => {
    const { org, password } = ctx.server.demo;
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true, viewport: { width: 768, height: 1024 } });
    try {
      await signIn(page, ctx.server.demo.viewerEmail, password, org);
      await page.goto(`/o/${org}/policies`);
      await visible(page.getByRole("heading", { level: 1, name: "Policies" }));
      expect(await page.getByRole("button", { name: /Generate/ }).count()).toBe(0);
      expect(await noOverflow(page), "policies at 768 px").toBe(0);
      for (const kind of ["acceptable-use", "third-party-data", "customer-facing"]) {
        await page.goto(`/o/${org}/policies/${kind}`);
        await visible(page.getByRole("region", { name: "Status and sign-off" }));
        await visible(page.getByTestId("policy-digest"));
        for (const name of [/Submit/, /Approve/, /Send back/, /Edit/, /Regenerate/, /Generate/])
          expect(await page.getByRole("button", { name }).count(), `${kind}: ${name}`).toBe(0);
        expect(await noOverflow(page), `${kind} at 768 px`).toBe(0);
      }
      await page.goto(`/o/${org}/policies/acceptable-use`);
      await page.getByText(/^Changes from version 1/).click();
      await visible(page.getByText("Version 2 against version 1:", { exact: false }));
      expect(await noOverflow(page), "diff at 768 px").toBe(0);
      expect(critical(await axeViolations(page))).toEqual([]);
      await snap(page, "policies-768");
      // The server refuses a viewer's approval too.
      const me = (await (await page.request.get("/api/v1/me")).json()) as { csrfToken: string };
      const list = (await (await page.request.get(`/api/v1/orgs/${org}/policies`)).json()) as PolicyListBody;
      const inReview = list.items.find((i) => i.kind === "third-party-data")?.latest;
      const res = await page.request.post(`/api/v1/orgs/${org}/policies/versions/${inReview?.id}/approve`, {
        data: { note: "" },
        headers: { "X-CSRF-Token": me.csrfToken },
      });
      expect(res.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
