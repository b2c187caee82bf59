/**
 * The board pack's charts, drawn on the server as SVG with ECharts' server-side renderer, so the
 * HTML and Markdown need no browser. Each chart comes with the table of the very numbers it
 * draws; the renderers print that table next to it. Output is deterministic: the same model gives
 * byte-identical SVG (ECharts' per-instance ids, hover styles and metadata are stripped).
 */
import { createRequire } from "node:module";
import { type BoardReport, UNATTRIBUTED } from "@caio/core";
import { escapeHtml } from "./escape.js";
import {
  chartNumber,
  compactMoney,
  count,
  date,
  decimalMicros,
  durationMonths,
  label,
  money,
  moneyDecimal,
  month,
  percent,
  share,
  truncate,
} from "./format.js";

/** One table of figures; `align` per column ("right" for numbers). */
export interface FigureTable {
  caption: string;
  head: string[];
  align: ("left" | "right")[];
  rows: string[][];
  /** A totals row, printed in bold. */
  foot?: string[];
}

export interface Chart {
  /** A stable id, unique in the document: "chart-spend-trend". */
  id: string;
  /** The accessible title (also the figure caption). */
  title: string;
  /** One sentence on what the chart shows, for screen readers. */
  description: string;
  /** Standalone SVG document (xmlns, viewBox, role="img", <title>, <desc>). */
  svg: string;
  /** The chart's numbers. */
  tables: FigureTable[];
}

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
export const PALETTE = {
  blue: "#0072B2",
  sky: "#56B4E9",
  orange: "#E69F00",
  green: "#009E73",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  yellow: "#F0E442",
  ink: "#1F2933",
  muted: "#52606D",
  rule: "#D9DEE4",
  grey: "#9AA5B1",
} as const;

export const FONT = "Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif";
export const CHART_WIDTH = 640;
/** Charts printed beside their table. */
export const PAIR_WIDTH = 340;

type ECharts = typeof import("echarts");
type Option = import("echarts").EChartsOption;

let echartsModule: ECharts | undefined;

/**
 * ECharts, loaded on first use from its single-file build (one file loads several times faster
 * than its ES module graph, and commands that draw no chart do not pay for it at all).
 */
function echarts(): ECharts {
  if (!echartsModule) {
    echartsModule = createRequire(import.meta.url)("echarts") as ECharts;
    // Without a canvas ECharts guesses text widths too small for the fonts a reader has, which
    // clips axis labels; measure with generous per-character widths instead (deterministic).
    echartsModule.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: textWidth(text, font) }) });
  }
  return echartsModule;
}

/** Width estimate of `text` in pixels for a CSS font such as "bold 12px sans-serif", on the wide side. */
export function textWidth(text: string, font = "12px sans-serif"): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\bbold\b|\b[6-9]00\b/.test(font) ? 1.07 : 1;
  let em = 0;
  for (const ch of text) {
    if (ch === " ") em += 0.32;
    else if ("ijl.,:;'|!".includes(ch)) em += 0.3;
    else if ("frt()[]-/".includes(ch)) em += 0.42;
    else if ("mwMW%@".includes(ch)) em += 0.95;
    else if (ch >= "0" && ch <= "9") em += 0.64;
    else if (ch >= "A" && ch <= "Z") em += 0.72;
    else if (ch >= "a" && ch <= "z") em += 0.6;
    else em += 0.7;
  }
  return Math.ceil(em * size * bold);
}

/** A round axis maximum above `max` (with headroom for the labels on top of bars) and its step. */
export function niceAxis(max: number, steps = 5): { max: number; interval: number } {
  const target = (max > 0 ? max * 1.12 : 1) / steps;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= target) ?? 10) * magnitude;
  return { max: Math.ceil((max * 1.12) / step) * step || step, interval: step };
}

/** Renders an option to SVG and makes the output stable and self-describing. */
function draw(id: string, title: string, description: string, width: number, height: number, option: Option): string {
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  let raw: string;
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      textStyle: { fontFamily: FONT, fontSize: 12, color: PALETTE.ink },
      ...option,
    });
    raw = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const svg = raw
    .replace(/<style[\s\S]*?<\/style>\s*/g, "")
    .replace(/ class="[^"]*"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/ pointer-events="[^"]*"/g, "")
    .replace(/zr\d+-/g, `${id}-`)
    .replace(/\n+/g, "\n")
    .trim();
  const head = `<svg role="img" aria-labelledby="${id}-title ${id}-desc" `;
  const meta = `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`;
  return svg.replace(/^<svg /, head).replace(/^(<svg[^>]*>)/, `$1\n${meta}`);
}

interface Bar {
  name: string;
  value: number;
  text: string;
  color?: string;
}

const AXIS_LABEL = { color: PALETTE.muted, fontSize: 11, fontFamily: FONT, interval: 0 };

/** Horizontal bars, first item on top, value printed at the end of each bar. */
function horizontalBars(id: string, title: string, description: string, bars: Bar[], opts: { labelChars?: number; width?: number } = {}): string {
  const width = opts.width ?? CHART_WIDTH;
  const labelChars = opts.labelChars ?? 30;
  const rowHeight = 30;
  const height = 24 + bars.length * rowHeight;
  return draw(id, title, description, width, height, {
    grid: { left: 8, right: 72, top: 12, bottom: 12, containLabel: true },
    xAxis: { type: "value", show: false, min: 0, max: Math.max(...bars.map((b) => b.value), 0) || 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: bars.map((b) => truncate(b.name, labelChars)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.rule } },
      axisLabel: { ...AXIS_LABEL, fontSize: 12, color: PALETTE.ink },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 18,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color ?? PALETTE.blue } })),
        label: {
          show: true,
          position: "right",
          color: PALETTE.ink,
          fontSize: 11,
          fontFamily: FONT,
          formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.text ?? "",
        },
      },
    ],
  });
}

function byCostDesc<T extends { label: string; costMicros: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const d = BigInt(b.costMicros) - BigInt(a.costMicros);
    return d > 0n ? 1 : d < 0n ? -1 : a.label.localeCompare(b.label, "en");
  });
}

function sumMicros(values: readonly string[]): bigint {
  return values.reduce((s, v) => s + BigInt(v), 0n);
}

/** Spend over the four quarters ending with this one, and this quarter's months. Null without any spend. */
export function spendTrendChart(report: BoardReport): Chart | null {
  const trend = report.spend.trend;
  const months = report.spend.months;
  const any = [...trend, ...months].some((t) => BigInt(t.costMicros) !== 0n);
  if (!any) return null;
  const id = "chart-spend-trend";
  const title = months.length > 0 ? "AI spend over four quarters, and this quarter by month" : "AI spend over four quarters";
  const description = `Bar chart of AI spend in US dollars for ${trend.map((t) => t.quarter).join(", ")}${
    months.length > 0 ? `, and for ${months.map((m) => month(m.month)).join(", ")}` : ""
  }; the table that follows gives the exact figures.`;
  const width = CHART_WIDTH;
  const height = 280;
  const split = months.length > 0 ? 0.56 : 1;
  const maxQuarter = Math.max(...trend.map((t) => chartNumber(t.costMicros)), 0);
  const maxMonth = Math.max(...months.map((m) => chartNumber(m.costMicros)), 0);
  const quarterBars = trend.map((t) => ({
    value: chartNumber(t.costMicros),
    itemStyle: { color: t.quarter === report.quarter ? PALETTE.blue : PALETTE.sky },
  }));
  const valueLabel = (p: { value: unknown }) => compactMoney(Number(p.value));
  const grids: NonNullable<Option["grid"]> = [{ left: 56, right: width * (1 - split) + 16, top: 40, bottom: 36 }];
  const xAxes: NonNullable<Option["xAxis"]> = [
    {
      type: "category",
      gridIndex: 0,
      data: trend.map((t) => t.quarter),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.rule } },
      axisLabel: AXIS_LABEL,
    },
  ];
  const yAxes: NonNullable<Option["yAxis"]> = [
    {
      type: "value",
      gridIndex: 0,
      min: 0,
      ...niceAxis(maxQuarter),
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => compactMoney(v) },
      splitLine: { lineStyle: { color: PALETTE.rule } },
    },
  ];
  const series: NonNullable<Option["series"]> = [
    {
      type: "bar",
      xAxisIndex: 0,
      yAxisIndex: 0,
      barMaxWidth: 44,
      data: quarterBars,
      label: { show: true, position: "top", color: PALETTE.ink, fontSize: 11, fontFamily: FONT, formatter: valueLabel },
    },
  ];
  const titles: NonNullable<Option["title"]> = [
    {
      text: report.period.complete ? "Last four quarters" : `Last four quarters (${report.quarter} to ${date(report.period.asOf)})`,
      left: 56,
      top: 4,
      textStyle: { fontSize: 12, fontWeight: "bold", color: PALETTE.muted, fontFamily: FONT },
    },
  ];
  if (months.length > 0) {
    grids.push({ left: width * split + 48, right: 8, top: 40, bottom: 36 });
    xAxes.push({
      type: "category",
      gridIndex: 1,
      data: months.map((m) => month(m.month)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.rule } },
      axisLabel: AXIS_LABEL,
    });
    yAxes.push({
      type: "value",
      gridIndex: 1,
      min: 0,
      ...niceAxis(maxMonth),
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => compactMoney(v) },
      splitLine: { lineStyle: { color: PALETTE.rule } },
    });
    series.push({
      type: "bar",
      xAxisIndex: 1,
      yAxisIndex: 1,
      barMaxWidth: 36,
      data: months.map((m) => ({ value: chartNumber(m.costMicros), itemStyle: { color: PALETTE.blue } })),
      label: { show: true, position: "top", color: PALETTE.ink, fontSize: 11, fontFamily: FONT, formatter: valueLabel },
    });
    titles.push({
      text: `${report.quarter} by month`,
      left: width * split + 48,
      top: 4,
      textStyle: { fontSize: 12, fontWeight: "bold", color: PALETTE.muted, fontFamily: FONT },
    });
  }
  const svg = draw(id, title, description, width, height, { title: titles, grid: grids, xAxis: xAxes, yAxis: yAxes, series });

  const quarterRows = trend.map((t, i) => {
    const prev = i > 0 ? trend[i - 1] : undefined;
    const running = t.quarter === report.quarter && !report.period.complete;
    const now = running ? BigInt(report.spend.projectedMicros ?? t.costMicros) : BigInt(t.costMicros);
    const change = prev && BigInt(prev.costMicros) > 0n ? `${changeText(now, BigInt(prev.costMicros))}${running ? " at this pace" : ""}` : "—";
    const name = t.quarter === report.quarter && !report.period.complete ? `${t.quarter} (in progress, to ${date(report.period.asOf)})` : t.quarter;
    return [name, money(t.costMicros), change];
  });
  const tables: FigureTable[] = [
    { caption: "AI spend by quarter", head: ["Quarter", "Spend (USD)", "Change on the quarter before"], align: ["left", "right", "right"], rows: quarterRows },
  ];
  if (months.length > 0) {
    tables.push({
      caption: `AI spend by month, ${report.quarter}`,
      head: ["Month", "Spend (USD)", "Share of the quarter"],
      align: ["left", "right", "right"],
      rows: months.map((m) => [month(m.month, true), money(m.costMicros), share(m.costMicros, sumMicros(months.map((x) => x.costMicros)))]),
      foot: [
        "Total",
        money(sumMicros(months.map((x) => x.costMicros))),
        share(sumMicros(months.map((x) => x.costMicros)), sumMicros(months.map((x) => x.costMicros))),
      ],
    });
  }
  return { id, title, description, svg, tables };
}

/** Quarter-on-quarter change in words with an arrow, exact from micro-units. */
function changeText(current: bigint, previous: bigint): string {
  const diff = current - previous;
  const abs = diff < 0n ? -diff : diff;
  const tenths = (abs * 2000n + previous) / (previous * 2n);
  if (tenths === 0n) return "► unchanged (0.0%)";
  const text = `${tenths / 10n}.${tenths % 10n}%`;
  return diff > 0n ? `▲ up ${text}` : `▼ down ${text}`;
}

/** Spend by provider, largest first. Null without any. */
export function spendByProviderChart(report: BoardReport): Chart | null {
  const items = byCostDesc(report.spend.byProvider)
    .filter((p) => BigInt(p.costMicros) !== 0n)
    .map((p) => ({ ...p, label: label(p.label) }));
  if (items.length === 0) return null;
  const id = "chart-spend-by-provider";
  const title = `AI spend by provider, ${report.quarter}`;
  const description = `Horizontal bar chart of the quarter's AI spend in US dollars for ${items.length} providers; the table that follows gives the exact figures.`;
  const total = BigInt(report.spend.quarterMicros);
  const svg = horizontalBars(
    id,
    title,
    description,
    items.map((p) => ({ name: p.label, value: chartNumber(p.costMicros), text: compactMoney(chartNumber(p.costMicros)) })),
    { width: PAIR_WIDTH, labelChars: 22 },
  );
  return {
    id,
    title,
    description,
    svg,
    tables: [
      {
        caption: `AI spend by provider, ${report.quarter}`,
        head: ["Provider", "Spend (USD)", "Share"],
        align: ["left", "right", "right"],
        rows: items.map((p) => [p.label, money(p.costMicros), share(p.costMicros, total)]),
      },
    ],
  };
}

/** How many systems the by-system chart shows before folding the rest into "Other". */
export const TOP_SYSTEMS = 8;

/** Spend by system: the eight largest and "Other (n systems)". Null without any. */
export function spendBySystemChart(report: BoardReport): Chart | null {
  const items = byCostDesc(report.spend.bySystem).filter((s) => BigInt(s.costMicros) !== 0n);
  if (items.length === 0) return null;
  const top = items.length > TOP_SYSTEMS + 1 ? items.slice(0, TOP_SYSTEMS) : items;
  const rest = items.slice(top.length);
  const rows: { name: string; micros: bigint; color?: string }[] = top.map((s) => ({
    name: label(s.label),
    micros: BigInt(s.costMicros),
    ...(s.key === UNATTRIBUTED || s.key === "" ? { color: PALETTE.grey } : {}),
  }));
  if (rest.length > 0) rows.push({ name: `Other (${count(rest.length)} systems)`, micros: sumMicros(rest.map((r) => r.costMicros)), color: PALETTE.grey });
  const id = "chart-spend-by-system";
  const title = `AI spend by system, ${report.quarter}`;
  const description = `Horizontal bar chart of the quarter's AI spend in US dollars for the ${top.length} systems that cost most${
    rest.length > 0 ? " and the others together" : ""
  }; the table that follows gives the exact figures.`;
  const total = BigInt(report.spend.quarterMicros);
  const svg = horizontalBars(
    id,
    title,
    description,
    rows.map((r) => ({ name: r.name, value: chartNumber(r.micros), text: compactMoney(chartNumber(r.micros)), ...(r.color ? { color: r.color } : {}) })),
    { labelChars: 34 },
  );
  return {
    id,
    title,
    description,
    svg,
    tables: [
      {
        caption: `AI spend by system, ${report.quarter}`,
        head: ["System", "Spend (USD)", "Share of the quarter"],
        align: ["left", "right", "right"],
        rows: rows.map((r) => [r.name, money(r.micros), share(r.micros, total)]),
      },
    ],
  };
}

/** The use-case portfolio by stage. Null when there are no use cases. */
export function useCasesByStageChart(report: BoardReport): Chart | null {
  const items = report.capability.useCasesByStage;
  if (!items.some((s) => s.count > 0)) return null;
  const id = "chart-use-cases-by-stage";
  const title = "Use cases by stage";
  const description = `Horizontal bar chart of the number of use cases in each stage (${items.map((s) => `${label(s.stage)}: ${s.count}`).join(", ")}).`;
  const colors: Record<string, string> = { idea: PALETTE.sky, pilot: PALETTE.orange, production: PALETTE.green, stopped: PALETTE.grey, retired: PALETTE.grey };
  const svg = horizontalBars(
    id,
    title,
    description,
    items.map((s) => ({ name: label(s.stage), value: s.count, text: count(s.count), color: colors[s.stage] ?? PALETTE.blue })),
    { width: PAIR_WIDTH },
  );
  const total = items.reduce((n, s) => n + s.count, 0);
  return {
    id,
    title,
    description,
    svg,
    tables: [
      {
        caption: "Use cases by stage",
        head: ["Stage", "Use cases"],
        align: ["left", "right"],
        rows: items.map((s) => [label(s.stage), count(s.count)]),
        foot: ["Total", count(total)],
      },
    ],
  };
}

/** Systems by classification label, with those not classified yet. Null when there is nothing to show. */
export function systemsByLabelChart(report: BoardReport): Chart | null {
  const items = report.risk.systemsByLabel.filter((l) => l.count > 0);
  const unclassified = report.risk.unclassified;
  if (items.length === 0 && unclassified === 0) return null;
  const colors: Record<string, string> = { prohibited: PALETTE.vermillion, "high-risk": PALETTE.orange, "gpai-systemic-risk": PALETTE.orange };
  const bars: Bar[] = items.map((l) => ({ name: label(l.label), value: l.count, text: count(l.count), color: colors[l.label] ?? PALETTE.blue }));
  if (unclassified > 0) bars.push({ name: label("unclassified"), value: unclassified, text: count(unclassified), color: PALETTE.grey });
  const id = "chart-systems-by-label";
  const title = "AI systems by risk label";
  const description = `Horizontal bar chart of the number of systems carrying each classification label (${bars
    .map((b) => `${b.name}: ${b.text}`)
    .join(", ")}); a system can carry several labels.`;
  const svg = horizontalBars(id, title, description, bars, { width: PAIR_WIDTH, labelChars: 24 });
  return {
    id,
    title,
    description,
    svg,
    tables: [
      {
        caption: "AI systems by risk label (a system can carry several labels)",
        head: ["Label", "Systems"],
        align: ["left", "right"],
        rows: bars.map((b) => [b.name, b.text]),
      },
    ],
  };
}

/** Funded use cases: planned against realized annual value. Null without funded use cases. */
export function fundedValueChart(report: BoardReport): Chart | null {
  const items = report.capability.funded;
  if (items.length === 0) return null;
  const id = "chart-funded-value";
  const title = "Funded use cases: planned and realized annual value";
  const description = `Grouped horizontal bar chart of planned and realized annual value in US dollars for ${items.length} funded use cases; the table that follows gives the exact figures.`;
  const planned = items.map((u) => chartNumber(decimalMicros(u.plannedAnnualValue)));
  const realized = items.map((u) => chartNumber(decimalMicros(u.realizedAnnualValue)));
  const max = Math.max(...planned, ...realized, 0) || 1;
  const height = 56 + items.length * 46;
  const valueLabel = (p: { value: unknown }) => compactMoney(Number(p.value));
  const svg = draw(id, title, description, CHART_WIDTH, height, {
    legend: {
      top: 0,
      left: 8,
      itemWidth: 14,
      itemHeight: 10,
      itemGap: 24,
      textStyle: { fontSize: 11, color: PALETTE.ink, fontFamily: FONT },
      data: ["Planned annual value", "Realized annual value"],
    },
    grid: { left: 8, right: 72, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", show: false, min: Math.min(0, ...realized, ...planned), max },
    yAxis: {
      type: "category",
      inverse: true,
      data: items.map((u) => truncate(u.name, 30)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.rule } },
      axisLabel: { ...AXIS_LABEL, fontSize: 12, color: PALETTE.ink },
    },
    series: [
      {
        name: "Planned annual value",
        type: "bar",
        barMaxWidth: 14,
        barGap: "15%",
        itemStyle: { color: PALETTE.orange },
        data: planned,
        label: { show: true, position: "right", fontSize: 10, color: PALETTE.ink, fontFamily: FONT, formatter: valueLabel },
      },
      {
        name: "Realized annual value",
        type: "bar",
        barMaxWidth: 14,
        itemStyle: { color: PALETTE.blue },
        data: realized,
        label: { show: true, position: "right", fontSize: 10, color: PALETTE.ink, fontFamily: FONT, formatter: valueLabel },
      },
    ],
  });
  const plannedTotal = items.reduce((n, u) => n + decimalMicros(u.plannedAnnualValue), 0n);
  const realizedTotal = items.reduce((n, u) => n + decimalMicros(u.realizedAnnualValue), 0n);
  return {
    id,
    title,
    description,
    svg,
    tables: [
      {
        caption: "Funded use cases: planned and realized annual value",
        head: ["Use case", "Planned a year (USD)", "Realized a year (USD)", "Share of plan", "ROI", "Payback"],
        align: ["left", "right", "right", "right", "right", "right"],
        rows: items.map((u) => [
          u.name,
          moneyDecimal(u.plannedAnnualValue),
          moneyDecimal(u.realizedAnnualValue),
          share(decimalMicros(u.realizedAnnualValue), decimalMicros(u.plannedAnnualValue)),
          percent(u.roi),
          durationMonths(u.paybackMonths),
        ]),
        foot: ["Funded use cases together", money(plannedTotal), money(realizedTotal), share(realizedTotal, plannedTotal), "", ""],
      },
    ],
  };
}

/** Every chart of the pack, by id; absent when there is nothing to draw. */
export interface PackCharts {
  spendTrend: Chart | null;
  spendByProvider: Chart | null;
  spendBySystem: Chart | null;
  useCasesByStage: Chart | null;
  systemsByLabel: Chart | null;
  fundedValue: Chart | null;
}

export function renderCharts(report: BoardReport): PackCharts {
  return {
    spendTrend: spendTrendChart(report),
    spendByProvider: spendByProviderChart(report),
    spendBySystem: spendBySystemChart(report),
    useCasesByStage: useCasesByStageChart(report),
    systemsByLabel: systemsByLabelChart(report),
    fundedValue: fundedValueChart(report),
  };
}
