/**
 * The board pack printed by the real Chromium: a PDF of the expected length whose first page is
 * not blank, and the HTML loaded in the browser with names meant to run script staying inert.
 * The PDF checks use poppler-utils (`pdfinfo`, `pdftoppm`); without them the raster checks are
 * skipped locally (scripts/test.mjs says so) and fail under CI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CaioError } from "@caio/core";
import { renderHtml, renderReport } from "@caio/report";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_SECTIONS, emptyReport, HOSTILE, hostileReport, reportFixture } from "../packages/report/test-support/fixture.js";
import { axeViolations, critical, launchBrowser, openPage } from "./support.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ci = process.env.CI === "true" || process.env.CI === "1";
const poppler = spawnSync("pdftoppm", ["-v"], { stdio: "ignore" }).error === undefined && spawnSync("pdfinfo", ["-v"], { stdio: "ignore" }).error === undefined;
const skipRaster = !poppler && !ci;

/** Pages as the PDF's page objects count them (`/Type /Page`, not `/Type /Pages`). */
function pageObjects(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}

/** Share of pixels that are not (nearly) white. */
function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r = 255, g = 255, b = 255] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < 235 || g < 235 || b < 235) ink++;
  }
  return ink / (png.width * png.height);
}

describe("board pack PDF", () => {
  let dir = "";
  let pdf: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "caio-e2e-pdf-"));
    const rendered = await renderReport(reportFixture(), "pdf", { chromiumPath });
    expect(rendered.mediaType).toBe("application/pdf");
    expect(rendered.extension).toBe("pdf");
    pdf = rendered.content;
    writeFileSync(join(dir, "pack.pdf"), pdf);
  }, 90_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is a PDF of A4 pages: the cover, six sections, some running over", () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const objects = pageObjects(pdf);
    expect(objects).toBeGreaterThanOrEqual(7);
    expect(objects).toBeLessThanOrEqual(16);
  });

  it.skipIf(skipRaster)("has the same page count for pdfinfo, and page 1 rendered to PNG is not blank", () => {
    expect(poppler, "poppler-utils (pdfinfo, pdftoppm) is required under CI: apt-get install poppler-utils").toBe(true);
    const info = execFileSync("pdfinfo", [join(dir, "pack.pdf")], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBe(pageObjects(pdf));
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);

    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", join(dir, "pack.pdf"), join(dir, "page")]);
    const file = readFileSync(join(dir, pages >= 10 ? "page-01.png" : "page-1.png"));
    const png = PNG.sync.read(file);
    expect(png.width).toBeGreaterThan(350); // A4 at 50 dpi: 413 x 585
    expect(inkShare(png)).toBeGreaterThan(0.01);

    // The spend section (page 3) carries charts: clearly more ink than a page of text.
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "3", "-l", "3", "-singlefile", join(dir, "pack.pdf"), join(dir, "spend")]);
    expect(inkShare(PNG.sync.read(readFileSync(join(dir, "spend.png"))))).toBeGreaterThan(0.05);
  });

  it("prints an empty organization's pack too", async () => {
    const empty = await renderReport(emptyReport(), "pdf", { chromiumPath });
    expect(pageObjects(empty.content)).toBeGreaterThanOrEqual(7);
    expect(pageObjects(empty.content)).toBeLessThanOrEqual(9);
  }, 90_000);

  it("fails with an error naming Chromium when the executable does not exist", async () => {
    const err = await renderReport(reportFixture(), "pdf", { chromiumPath: join(tmpdir(), "no-such-dir", "chromium") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaioError);
    expect((err as CaioError).code).toBe("unavailable");
    expect((err as Error).message).toMatch(/chromium/i);
    expect((err as Error).message).toContain("apt-get install chromium");
  });
});

describe("board pack HTML in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps names meant to run script inert, and reads as a document with its sections", async () => {
    const { context, page } = await openPage(browser, "http://127.0.0.1", { bypassCSP: true });
    try {
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.setContent(renderHtml(hostileReport()), { waitUntil: "load" });
      expect(await page.evaluate("document.querySelectorAll('script, img, iframe, link').length")).toBe(0);
      expect(dialogs).toEqual([]);
      expect(await page.title()).toBe(`${HOSTILE.org} — AI board pack 2026-Q4`);
      await expect(page.getByText(HOSTILE.script).first().isVisible()).resolves.toBe(true);
      const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
      expect(headings.filter((h) => !["Notes", "Contents"].includes(h))).toEqual(EXPECTED_SECTIONS);
      expect(await page.getByRole("img", { name: /AI spend by provider/ }).count()).toBe(1);
      expect(critical(await axeViolations(page))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
