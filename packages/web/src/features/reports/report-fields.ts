import { QuarterSchema, quarterOfDate, quartersEndingWith, REPORT_FORMATS, type ReportFormat } from "@caio/core";

/** How many quarters the selector offers: the current one and the seven before it. */
export const QUARTER_CHOICES = 8;

export const FORMAT_LABELS: Record<ReportFormat, string> = { html: "HTML", pdf: "PDF", md: "Markdown" };

/** The generator offers the formats in this order: HTML, PDF, Markdown. */
const FORMAT_RANK: Record<ReportFormat, number> = { html: 0, pdf: 1, md: 2 };

export const formatOptions = [...REPORT_FORMATS].sort((a, b) => FORMAT_RANK[a] - FORMAT_RANK[b]).map((f) => ({ value: f, label: FORMAT_LABELS[f] }));

/** The calendar quarter of today, in UTC like the server's: "2026-Q4". */
export function currentQuarter(now = new Date()): string {
  return quarterOfDate(now.toISOString());
}

/** "2026-Q4" -> "Q4 2026". */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `Q${m[2]} ${m[1]}` : quarter;
}

/** The quarters to choose from, newest first. */
export function quarterOptions(current: string): { value: string; label: string }[] {
  return quartersEndingWith(current, QUARTER_CHOICES)
    .reverse()
    .map((q) => ({ value: q, label: q === current ? `${quarterLabel(q)} (current)` : quarterLabel(q) }));
}

/** The quarter in the address bar when it is one of the choices; otherwise the current quarter. */
export function quarterFromUrl(value: string | null, current: string): string {
  if (!value || !QuarterSchema.safeParse(value).success) return current;
  return quartersEndingWith(current, QUARTER_CHOICES).includes(value) ? value : current;
}

/** A file size: "812 B", "48.3 KB", "1.2 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString("en-US")} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })} ${units[unit]}`;
}
