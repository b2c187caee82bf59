import type { BoardReport, ReportFormat } from "@caio/core";
import { reportTitle } from "./document.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { htmlToPdf } from "./pdf.js";

export { type Chart, type FigureTable, type PackCharts, renderCharts } from "./charts.js";
export { buildDocument, type PackDocument, reportTitle, SECTION_HEADINGS, SECTION_IDS } from "./document.js";
export { renderHtml } from "./html.js";
export { renderMarkdown } from "./markdown.js";
export { CHROMIUM_MISSING, findChromium, htmlToPdf } from "./pdf.js";

export interface RenderedReport {
  content: Uint8Array;
  mediaType: string;
  /** File extension without the dot: html, md, pdf. */
  extension: string;
  title: string;
}

export interface RenderOptions {
  /** Chromium executable for PDF; default: CAIO_CHROMIUM, CHROMIUM_PATH, then common install paths. */
  chromiumPath?: string;
}

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
};

/**
 * Renders a board pack. HTML and Markdown need no browser (charts are server-side SVG); PDF is
 * printed from the HTML by headless Chromium, and fails with a CaioError ("unavailable") naming
 * the package to install when there is none. The same model always gives the same HTML and
 * Markdown bytes.
 */
export async function renderReport(report: BoardReport, format: ReportFormat, opts: RenderOptions = {}): Promise<RenderedReport> {
  const title = reportTitle(report);
  let content: Uint8Array;
  switch (format) {
    case "html":
      content = new TextEncoder().encode(renderHtml(report));
      break;
    case "md":
      content = new TextEncoder().encode(renderMarkdown(report));
      break;
    case "pdf":
      content = await htmlToPdf(renderHtml(report), opts.chromiumPath ? { chromiumPath: opts.chromiumPath } : {});
      break;
  }
  return { content, mediaType: MEDIA_TYPES[format], extension: format, title };
}
