import type { RecommendationStatus, RecommendationType, SavingsConfidence, SavingsWindow } from "@caio/core";
import { formatDate } from "../../lib/format";

/** Human labels of the recommendation types (see `RECOMMENDATION_TYPES`); unknown types show their raw value. */
export const TYPE_LABELS: Record<RecommendationType, string> = {
  downshift: "Smaller model",
  batch: "Batch API",
  caching: "Prompt caching",
  consolidation: "Consolidation",
  "unused-capacity": "Unused capacity",
  "long-context": "Long context",
  "priority-tier": "Priority tier",
};

export const TYPE_COLORS: Record<RecommendationType, string> = {
  downshift: "indigo.9",
  batch: "cyan.9",
  caching: "teal.9",
  consolidation: "grape.9",
  "unused-capacity": "orange.9",
  "long-context": "violet.9",
  "priority-tier": "blue.9",
};

export const STATUS_LABELS: Record<RecommendationStatus, string> = {
  open: "Open",
  accepted: "Accepted",
  dismissed: "Dismissed",
  done: "Done",
};

export const STATUS_DESCRIPTIONS: Record<RecommendationStatus, string> = {
  open: "Not decided yet.",
  accepted: "Someone will make the change.",
  dismissed: "Not worth doing, or not possible; left out of the identified savings.",
  done: "The change has shipped; counted as realized at the saving it showed when marked.",
};

export const STATUS_COLORS: Record<RecommendationStatus, string> = {
  open: "blue.9",
  accepted: "indigo.9",
  dismissed: "gray.8",
  done: "green.9",
};

export const CONFIDENCE_LABELS: Record<SavingsConfidence, string> = {
  high: "High confidence",
  medium: "Medium confidence",
  low: "Low confidence",
};

export const CONFIDENCE_DESCRIPTIONS: Record<SavingsConfidence, string> = {
  high: "High: the saving follows from prices and usage caio has on record.",
  medium: "Medium: the saving holds if the workload behaves as its usage suggests; check before changing.",
  low: "Low: a rough figure that depends on facts caio cannot see (contracts, seats, quality needs).",
};

export const CONFIDENCE_COLORS: Record<SavingsConfidence, string> = {
  high: "green.9",
  medium: "yellow.9",
  low: "gray.8",
};

/** The analysis windows the pages offer, in days; the API's default is 90. */
export const WINDOW_DAYS = [30, 90, 180] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];
export const DEFAULT_WINDOW_DAYS: WindowDays = 90;

/** Reads the window length from the address bar (`?days=30`), so a view can be bookmarked. */
export function windowDaysFromUrl(sp: URLSearchParams): WindowDays {
  const days = Number(sp.get("days"));
  return (WINDOW_DAYS as readonly number[]).includes(days) ? (days as WindowDays) : DEFAULT_WINDOW_DAYS;
}

/** "Last 90 days of usage: 25 Aug 2026 – 22 Nov 2026". */
export function windowLabel(window: SavingsWindow): string {
  return `Last ${window.days} days of usage: ${formatDate(window.from)} – ${formatDate(window.to)}`;
}

/**
 * A decimal fraction as the API sends it, with four digits ("0.1834"), as a percentage with one
 * decimal ("18.3%"), rounded half up with integer arithmetic. Anything else is shown as it came.
 */
export function formatFraction(value: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const [, whole = "0", frac = ""] = m;
  // Hundredths of a percent (the API's four digits), then tenths of a percent, rounded half up.
  const bp = BigInt(whole) * 10_000n + BigInt(`${frac}0000`.slice(0, 4));
  const tenths = (bp + 5n) / 10n;
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** The Spend page breakdowns that take a `by` from the address bar. */
const SPEND_BREAKDOWNS = ["provider", "model", "system", "team"];

/** The Spend page over a recommendation's evidence window: a custom period, and the breakdown when the Spend page has it. */
export function spendLink(org: string, q: { by: string; from: string; to: string }): string {
  const sp = new URLSearchParams({ period: "custom", from: q.from, to: q.to });
  if (SPEND_BREAKDOWNS.includes(q.by) && q.by !== "provider") sp.set("by", q.by);
  return `/o/${org}/spend?${sp.toString()}`;
}
