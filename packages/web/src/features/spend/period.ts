import { formatDate } from "../../lib/format";
import type { DayRange } from "./spend-api";

/** The Spend page's period presets; `12m` is the default. */
export type PeriodPreset = "3m" | "12m" | "all" | "custom";

export const PERIOD_OPTIONS: { value: PeriodPreset; label: string }[] = [
  { value: "3m", label: "Last 3 months" },
  { value: "12m", label: "Last 12 months" },
  { value: "all", label: "All time" },
  { value: "custom", label: "Custom" },
];

export interface Period {
  preset: PeriodPreset;
  /** Only for `custom`: YYYY-MM-DD, either may be missing. */
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(v: string | null | undefined): v is string {
  return Boolean(v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
}

/** Reads the period from the address bar (`?period=3m`, or `?period=custom&from=…&to=…`), so a view can be bookmarked. */
export function periodFromUrl(sp: URLSearchParams): Period {
  const p = sp.get("period");
  if (p === "3m" || p === "all") return { preset: p };
  if (p === "custom") {
    const from = sp.get("from");
    const to = sp.get("to");
    return { preset: "custom", from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined };
  }
  return { preset: "12m" };
}

/** The first day of the month `monthsBack` months before the month of `day`. */
export function monthStart(day: string, monthsBack: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return new Date(Date.UTC(y, m - 1 - monthsBack, 1)).toISOString().slice(0, 10);
}

/** "2026-09" -> "2026-08". */
export function previousMonth(month: string): string {
  return monthStart(`${month}-01`, 1).slice(0, 7);
}

/** The last day of a month: "2026-02" -> "2026-02-28". */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The days a period covers. Presets count whole calendar months back from the latest day with data
 * (`lastDay`), not from today, so an organization whose latest import is weeks old still sees it.
 */
export function rangeOf(period: Period, lastDay: string | null): DayRange {
  switch (period.preset) {
    case "all":
      return {};
    case "custom": {
      const range: DayRange = {};
      if (period.from) range.from = period.from;
      if (period.to) range.to = period.to;
      return range;
    }
    case "3m":
      return lastDay ? { from: monthStart(lastDay, 2), to: lastDay } : {};
    default:
      return lastDay ? { from: monthStart(lastDay, 11), to: lastDay } : {};
  }
}

/** "1 Oct 2025 – 30 Sep 2026", with the data's own first and last day filling open ends. */
export function rangeLabel(range: DayRange, firstDay: string | null, lastDay: string | null): string {
  const from = range.from ?? firstDay;
  const to = range.to ?? lastDay;
  if (!from && !to) return "No usage in this period";
  if (from && to) return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
  return from ? `From ${formatDate(from)}` : `Until ${formatDate(to)}`;
}

/** Every month from `first` to `last` (YYYY-MM), so the trend shows months without spend as zero. */
export function monthsBetween(first: string, last: string, limit = 240): string[] {
  const out: string[] = [];
  let m = first;
  while (m <= last && out.length < limit) {
    out.push(m);
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    m = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7);
  }
  return out;
}
