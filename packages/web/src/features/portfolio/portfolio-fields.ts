import type { DataReadiness, GateState, KpiType, PortfolioRecommendation, UseCaseStage, UseCaseView, VendorTrend } from "@caio/core";

export const RECOMMENDATION_LABELS: Record<PortfolioRecommendation, string> = { build: "Build", buy: "Buy", wait: "Wait", stop: "Stop" };
/** Badge colours (filled, with autoContrast) and chart colours of the recommendations. */
export const RECOMMENDATION_COLORS: Record<PortfolioRecommendation, string> = { build: "indigo.7", buy: "teal.8", wait: "yellow.5", stop: "red.8" };
export const USE_CASE_STAGE_LABELS: Record<UseCaseStage, string> = { idea: "Idea", pilot: "Pilot", production: "In production", stopped: "Stopped" };
export const KPI_TYPE_LABELS: Record<KpiType, string> = { revenue: "Revenue", cost: "Cost", risk: "Risk" };
export const DATA_READINESS_LABELS: Record<DataReadiness, string> = { none: "None", partial: "Partial", ready: "Ready" };
export const VENDOR_TREND_LABELS: Record<VendorTrend, string> = { rising: "Rising", flat: "Flat", none: "No vendor" };
export const GATE_LABELS: Record<GateState, string> = {
  "not-started": "Not started",
  due: "Due",
  met: "Met",
  late: "Passed late",
  overdue: "Overdue",
  "not-applicable": "Not applicable",
};

const usdFmt = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** "1200000.00" → "$1,200,000" (whole dollars; the amounts are estimates). */
export function usd(amount: string): string {
  return usdFmt.format(Number(amount));
}

/** 0.4567 → "46 %"; null → "—". */
export function percent(ratio: number | null): string {
  return ratio === null ? "—" : `${Math.round(ratio * 100)} %`;
}

/** The gate that matters now, in words: the running one, else the last passed. */
export function gateSummary(v: UseCaseView): { text: string; color: string } | null {
  const { pilot, production } = v.gates;
  if (v.stage === "stopped") return null;
  const running =
    production.state === "due" || production.state === "overdue"
      ? ["Production", production]
      : pilot.state === "due" || pilot.state === "overdue"
        ? ["Pilot", pilot]
        : null;
  if (running) {
    const [name, g] = running as [string, UseCaseView["gates"]["pilot"]];
    if (g.state === "overdue") return { text: `${name} overdue by ${-(g.daysLeft ?? 0)} days`, color: "red.8" };
    return { text: `${name} due in ${g.daysLeft} days`, color: "blue.8" };
  }
  if (v.stage === "production")
    return { text: `Production ${GATE_LABELS[production.state].toLowerCase()}`, color: production.state === "late" ? "orange.9" : "green.9" };
  return null;
}
