import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { BoardReport, ReportSnapshot } from "@caio/core";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  apiPost,
  apiSignIn,
  axeViolations,
  chooseOption,
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

/** The change from `previous` to `current` as the page shows it ("+12.3%", "−4.0%"), "—" without a previous figure. */
function changeText(current: string, previous: string): string {
  const c = BigInt(current);
  const p = BigInt(previous);
  if (p <= 0n) return "—";
  const diff = c - p;
  const tenths = ((diff < 0n ? -diff : diff) * 2_000n + p) / (p * 2n);
  const sign = tenths === 0n ? "" : diff > 0n ? "+" : "−";
  return `${sign}${tenths / 10n}.${tenths % 10n}%`;
}

/** "2026-Q4" -> "Q4 2026", as the page labels quarters. */
function quarterLabel(q: string): string {
  const [year, n] = q.split("-");
  return `${n} ${year}`;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function openReports(page: Page, org: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Board reports", exact: true }).click();
  await page.waitForURL(`**/o/${org}/reports`);
  await visible(page.getByRole("heading", { level: 1, name: "Board reports" }));
}

/** The body rows of the stored packs' table (none while the empty state shows). */
function packRows(page: Page): Locator {
  return page.getByRole("table", { name: "Generated board packs" }).locator("tbody tr");
}

/** Clicks a row's download link and returns the downloaded file's name and bytes. */
async function download(page: Page, row: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /^Download/ }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

describe("board reports", () => {
  const ctx = useFullDemoServerAndBrowser();

  const api = demoOrgApi(ctx, "e2e reports");

  it("shows the model's key figures and a preview of the current quarter's pack", async () => {
    const model = await api<BoardReport>("/reports/model");
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openReports(page, org);

      // The page opens on the server's current quarter.
      expect(await page.getByRole("textbox", { name: "Quarter", exact: true }).inputValue()).toBe(`${quarterLabel(model.quarter)} (current)`);

      // The key figures are the model's, to the cent.
      const figure = (title: string, text: string) => visible(page.getByRole("region", { name: title, exact: true }).getByText(text, { exact: true }));
      await figure("Quarter spend", usd(model.spend.quarterMicros));
      // A running quarter is compared at its pace, a finished one as it is.
      if (model.period.complete) await figure("Change vs previous quarter", changeText(model.spend.quarterMicros, model.spend.previousQuarterMicros));
      else await figure("Change at this pace", changeText(model.spend.projectedMicros ?? "", model.spend.previousQuarterMicros));
      await figure("Savings identified (annual)", usd(model.spend.savings.identifiedAnnualMicros));
      await figure("Obligations overdue", String(model.risk.obligations.overdue));
      await figure("Decisions needed", String(model.decisions.length));

      // The preview is the HTML rendering, in a sandboxed frame without scripts.
      const iframe = page.locator("iframe");
      expect(await iframe.getAttribute("sandbox")).toBe("");
      expect(await iframe.getAttribute("title")).toBe(`Board pack preview, ${quarterLabel(model.quarter)}`);
      const frame = page.frameLocator("iframe");
      await visible(frame.getByText("Executive summary").first());
      await visible(frame.getByText(usd(model.spend.quarterMicros)).first());

      expect(critical(await axeViolations(page)), "reports page").toEqual([]);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      await snap(page, "reports");
    } finally {
      await context.close();
    }
  });

  it("generates an HTML pack whose download hashes to its SHA-256, then a PDF pack", async () => {
    const before = (await api<{ items: ReportSnapshot[] }>("/reports")).items.length;
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openReports(page, org);
      const rows = packRows(page);
      if (before === 0) await visible(page.getByText("No board packs generated yet", { exact: true }));
      else await expect.poll(() => rows.count()).toBe(before);

      // HTML: a new row on top, verified, whose download is exactly the stored, hashed bytes.
      expect(await page.getByRole("textbox", { name: "Format", exact: true }).inputValue()).toBe("HTML");
      await page.getByRole("button", { name: "Generate board pack" }).click();
      await visible(page.getByText("Board pack generated", { exact: true }));
      await expect.poll(() => rows.count()).toBe(before + 1);
      const html = (await api<{ items: ReportSnapshot[] }>("/reports")).items[0];
      expect(html?.format).toBe("html");
      const top = rows.first();
      expect(await top.locator("td").nth(1).textContent()).toBe("HTML");
      const shown = top.locator("code");
      expect(await shown.getAttribute("title")).toBe(html?.sha256);
      expect(html?.sha256.startsWith((await shown.textContent()) ?? "-")).toBe(true);
      await visible(top.getByText("Verified", { exact: true }));
      const file = await download(page, top);
      expect(sha256(file.bytes)).toBe(html?.sha256);
      expect(file.bytes.length).toBe(html?.bytes);
      expect(file.name).toBe(`caio-board-pack-${org}-${html?.quarter}.html`);
      expect(new TextDecoder().decode(file.bytes)).toContain("Executive summary");

      expect(critical(await axeViolations(page)), "reports page with a generated pack").toEqual([]);

      // PDF without Chromium (the server runs in this process): the server's message, and nothing stored.
      await chooseOption(page, "Format", "PDF");
      const configured = process.env.CAIO_CHROMIUM;
      process.env.CAIO_CHROMIUM = "/nonexistent/chromium";
      try {
        await page.getByRole("button", { name: "Generate board pack" }).click();
        const alert = page.getByRole("alert").filter({ hasText: "The board pack was not generated" });
        await visible(alert.getByText(/PDF needs Chromium.*install the "chromium" package/));
      } finally {
        if (configured === undefined) delete process.env.CAIO_CHROMIUM;
        else process.env.CAIO_CHROMIUM = configured;
      }
      expect(await rows.count()).toBe(before + 1);

      // PDF with Chromium, present in the browser tests; it takes a few seconds.
      await page.getByRole("button", { name: "Generate board pack" }).click();
      await expect.poll(() => page.getByRole("alert").filter({ hasText: "The board pack was not generated" }).count()).toBe(0);
      await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(before + 2);
      expect(await rows.first().locator("td").nth(1).textContent()).toBe("PDF");
      const pdf = (await api<{ items: ReportSnapshot[] }>("/reports")).items[0];
      expect(pdf).toMatchObject({ format: "pdf", mediaType: "application/pdf" });
      await visible(rows.first().getByText("Verified", { exact: true }));
      const pdfFile = await download(page, rows.first());
      expect(new TextDecoder().decode(pdfFile.bytes.slice(0, 5))).toBe("%PDF-");
      expect(sha256(pdfFile.bytes)).toBe(pdf?.sha256);
      await snap(page, "reports-generated");
    } finally {
      await context.close();
    }
  }, 120_000);

  it("lets the board viewer read and download packs without a generate action, and fits a tablet screen", async () => {
    const { items } = await api<{ items: ReportSnapshot[] }>("/reports");
    expect(items.length).toBeGreaterThan(0);
    const { context, page } = await openPage(ctx.browser, ctx.server.url, { bypassCSP: true });
    try {
      const { org } = ctx.server.demo;
      // The demo's viewer is the board observer.
      expect(ctx.server.demo.viewerEmail).toBe("board@meridian.example");
      await signIn(page, ctx.server.demo.viewerEmail, ctx.server.demo.password, org);
      await openReports(page, org);
      const rows = packRows(page);
      await expect.poll(() => rows.count()).toBe(items.length);
      expect(await page.getByRole("button", { name: "Generate board pack" }).count()).toBe(0);
      expect(await page.getByRole("textbox", { name: "Format", exact: true }).count()).toBe(0);
      await visible(page.getByText("Editors and admins generate them.", { exact: false }));

      const newest = items[0];
      const file = await download(page, rows.first());
      expect(sha256(file.bytes)).toBe(newest?.sha256);
      expect(critical(await axeViolations(page)), "reports page as a viewer").toEqual([]);

      // Tablet width: the navigation collapses and nothing overflows sideways.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.reload();
      await visible(page.getByRole("button", { name: "Open navigation" }));
      await visible(page.getByRole("region", { name: "Quarter spend", exact: true }));
      await visible(page.locator("iframe"));
      await expect.poll(() => rows.count()).toBe(items.length);
      expect(await noOverflow(page)).toBe(0);
      await snap(page, "reports-768");
    } finally {
      await context.close();
    }
  });

  it("says so when an organization has no board packs yet", async () => {
    const session = await apiSignIn(ctx.server.url, ctx.server.demo.adminEmail, ctx.server.demo.password);
    const created = await apiPost(ctx.server.url, session, "/orgs", { name: "E2E Empty Reports", slug: "e2e-empty-reports" });
    expect(created.status).toBe(201);
    const { context, page } = await openPage(ctx.browser, ctx.server.url);
    try {
      const org = "e2e-empty-reports";
      await signIn(page, ctx.server.demo.adminEmail, ctx.server.demo.password, org);
      await openReports(page, org);
      await visible(page.getByText("No board packs generated yet", { exact: true }));
      await visible(page.getByRole("region", { name: "Quarter spend", exact: true }).getByText("$0.00", { exact: true }));
      await visible(page.frameLocator("iframe").getByText("Executive summary").first());
      await visible(page.getByRole("button", { name: "Generate board pack" }));
    } finally {
      await context.close();
    }
  });
});
