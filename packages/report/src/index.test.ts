import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CaioError } from "@caio/core";
import { describe, expect, it } from "vitest";
import { reportFixture } from "../test-support/fixture.js";
import { CHROMIUM_MISSING, findChromium, renderReport } from "./index.js";

describe("renderReport", () => {
  const report = reportFixture();
  const title = `${report.org.name} — AI board pack ${report.quarter}`;

  it("renders HTML and Markdown with their media types, extensions and the pack's title", async () => {
    const h = await renderReport(report, "html");
    expect(h).toMatchObject({ mediaType: "text/html; charset=utf-8", extension: "html", title });
    expect(new TextDecoder().decode(h.content)).toMatch(/^<!doctype html>/);
    const m = await renderReport(report, "md");
    expect(m).toMatchObject({ mediaType: "text/markdown; charset=utf-8", extension: "md", title });
    expect(new TextDecoder().decode(m.content).startsWith(`# ${title}`)).toBe(true);
    expect(Buffer.from((await renderReport(report, "html")).content).equals(Buffer.from(h.content))).toBe(true);
  });

  it("fails PDF with an error naming the chromium package when the executable is missing", async () => {
    const err = await renderReport(report, "pdf", { chromiumPath: "/nonexistent/chromium" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaioError);
    expect(err).toMatchObject({ code: "unavailable", message: CHROMIUM_MISSING });
    expect((err as Error).message).toMatch(/chromium/);
    expect((err as Error).message).toContain("CAIO_CHROMIUM");
  });

  it("finds Chromium from the option, then CAIO_CHROMIUM, then CHROMIUM_PATH, and never falls back past a wrong setting", () => {
    const node = process.execPath; // any executable file stands in for Chromium here
    expect(findChromium({ chromiumPath: node, env: {} })).toBe(node);
    expect(findChromium({ env: { CAIO_CHROMIUM: node, CHROMIUM_PATH: "/nonexistent" } })).toBe(node);
    expect(findChromium({ env: { CHROMIUM_PATH: node } })).toBe(node);
    expect(() => findChromium({ env: { CAIO_CHROMIUM: "/nonexistent/chromium", CHROMIUM_PATH: node } })).toThrow(CHROMIUM_MISSING);
    expect(() => findChromium({ chromiumPath: "/nonexistent/chromium", env: { CAIO_CHROMIUM: node } })).toThrow(CHROMIUM_MISSING);
  });

  it("names the exit code and Chromium's last messages when printing fails", async () => {
    // `node` rejects Chromium's flags and exits non-zero: a stand-in for a Chromium that fails.
    const { htmlToPdf } = await import("./pdf.js");
    const err = await htmlToPdf("<p>x</p>", { chromiumPath: process.execPath }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaioError);
    expect((err as Error).message).toMatch(/^Chromium failed to print the PDF: it exited with code \d+\. Its last messages:\n/);
    expect((err as Error).message).toMatch(/bad option|--headless/);
  });

  it("stops a Chromium that hangs, and always removes its temporary directory", async () => {
    const { htmlToPdf } = await import("./pdf.js");
    const dir = mkdtempSync(join(tmpdir(), "caio-test-hang-"));
    try {
      const fake = join(dir, "chromium");
      writeFileSync(fake, "#!/bin/sh\nsleep 30\n");
      chmodSync(fake, 0o755);
      // The renderer's temporary directory goes under TMPDIR: point it here to see it removed.
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = dir;
      const t0 = Date.now();
      const err = await htmlToPdf("<p>x</p>", { chromiumPath: fake, timeoutMs: 300 })
        .catch((e: unknown) => e)
        .finally(() => {
          if (saved === undefined) delete process.env.TMPDIR;
          else process.env.TMPDIR = saved;
        });
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(err).toBeInstanceOf(CaioError);
      expect((err as Error).message).toMatch(/did not finish printing the PDF within \d+ s and was stopped/);
      expect(readdirSync(dir)).toEqual(["chromium"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
