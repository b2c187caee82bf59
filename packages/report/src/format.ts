/**
 * Formatting shared by the renderers: money (exact, from micro-units), percentages with one
 * decimal, changes with arrows and words, dates in UTC, and human labels for the model's keys.
 * Everything here is deterministic: no clock, no locale of the machine.
 */
import { decimalToMicros, microsToDecimal } from "@caio/core";

const MICROS_PER_CENT = 10_000n;

function toBigInt(micros: string | bigint | null | undefined): bigint {
  if (typeof micros === "bigint") return micros;
  if (!micros || !/^-?\d+$/.test(micros)) return 0n;
  return BigInt(micros);
}

/** Rounds micro-units to whole cents, half away from zero, in integer arithmetic. */
function roundToCents(micros: bigint): bigint {
  const abs = micros < 0n ? -micros : micros;
  const cents = (abs + MICROS_PER_CENT / 2n) / MICROS_PER_CENT;
  return micros < 0n ? -cents : cents;
}

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Micro-units as US dollars to the cent: "12345670000" -> "$12,345.67"; negative "-$5.00".
 * A non-zero amount under half a cent reads "< $0.01". Never passes through a float.
 */
export function money(micros: string | bigint | null | undefined): string {
  const value = toBigInt(micros);
  const cents = roundToCents(value);
  if (cents === 0n && value !== 0n) return value < 0n ? "> -$0.01" : "< $0.01";
  const decimal = microsToDecimal((cents < 0n ? -cents : cents) * MICROS_PER_CENT); // "12345.67"
  const [whole = "0", frac = "00"] = decimal.split(".");
  return `${cents < 0n ? "-" : ""}$${group(whole)}.${frac.padEnd(2, "0").slice(0, 2)}`;
}

/** A USD decimal string ("80000", "-1234.5") as micro-units; malformed text counts as 0. */
export function decimalMicros(amount: string | null | undefined): bigint {
  if (!amount) return 0n;
  const negative = amount.startsWith("-");
  try {
    const micros = decimalToMicros(negative ? amount.slice(1) : amount);
    return negative ? -micros : micros;
  } catch {
    return 0n;
  }
}

/** A USD decimal string as money: "80000" -> "$80,000.00". */
export function moneyDecimal(amount: string | null | undefined): string {
  return money(decimalMicros(amount));
}

/** Micro-units as a number of dollars, for chart geometry only (never for sums or printed totals). */
export function chartNumber(micros: string | bigint | null | undefined): number {
  return Number(roundToCents(toBigInt(micros))) / 100;
}

const compactFmt = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const wholeFmt = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const centsFmt = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A short amount for chart labels and axes: "$1.2M", "$45.3K", "$532", "$0.42". */
export function compactMoney(dollars: number): string {
  const abs = Math.abs(dollars);
  if (abs === 0) return "$0";
  if (abs < 1) return centsFmt.format(dollars);
  if (abs < 1000) return wholeFmt.format(dollars);
  return compactFmt.format(dollars);
}

/** A fraction as a percentage with one decimal: 0.1234 -> "12.3%", -0.04 -> "−4.0%". "—" for null. */
export function percent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  const tenths = Math.round(Math.abs(fraction) * 1000);
  const sign = fraction < 0 && tenths > 0 ? "−" : "";
  return `${sign}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** `part` as a share of `total` (both micro-units), one decimal, exact: "12.3%"; "—" when the total is zero. */
export function share(part: string | bigint, total: string | bigint): string {
  const p = toBigInt(part);
  const t = toBigInt(total);
  if (t <= 0n) return "—";
  const clamped = p < 0n ? 0n : p;
  const tenths = (clamped * 2000n + t) / (t * 2n);
  if (tenths === 0n && clamped > 0n) return "< 0.1%";
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/**
 * A change as arrow plus words, so it never relies on colour: "▲ up 12.3%", "▼ down 4.0%",
 * "► unchanged (0.0%)"; `null` (nothing to compare with) -> "no spend in the previous quarter".
 */
export function change(fraction: number | null | undefined, noneText = "no spend in the previous quarter"): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return noneText;
  const tenths = Math.round(Math.abs(fraction) * 1000);
  if (tenths === 0) return "► unchanged (0.0%)";
  const text = `${Math.floor(tenths / 10)}.${tenths % 10}%`;
  return fraction > 0 ? `▲ up ${text}` : `▼ down ${text}`;
}

/** Which way a change points, for styling only (the text says it too). */
export function changeDirection(fraction: number | null | undefined): "up" | "down" | "flat" | "none" {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "none";
  const tenths = Math.round(Math.abs(fraction) * 1000);
  if (tenths === 0) return "flat";
  return fraction > 0 ? "up" : "down";
}

/** A whole number with thousands separators: 12345 -> "12,345". */
export function count(n: number): string {
  if (!Number.isFinite(n)) return "—";
  const whole = Math.trunc(n);
  return `${whole < 0 ? "-" : ""}${group(String(Math.abs(whole)))}`;
}

/** "3 systems", "1 system". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A KPI value: integers as is, decimals to at most two places; "—" for null. */
export function kpiNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const rounded = Math.round(n * 100) / 100;
  const [whole = "0", frac] = String(Math.abs(rounded)).split(".");
  return `${rounded < 0 ? "-" : ""}${group(whole)}${frac ? `.${frac}` : ""}`;
}

/** Months with one decimal: 14.25 -> "14.3 months"; "—" for null. */
export function durationMonths(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const tenths = Math.round(n * 10);
  return `${Math.floor(tenths / 10)}.${Math.abs(tenths % 10)} months`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-10-01" -> "1 Oct 2026"; anything else is returned as is; "—" for null. */
export function date(value: string | null | undefined): string {
  if (!value) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : value;
}

/** An ISO instant in UTC: "2026-11-23T14:30:15.894Z" -> "23 Nov 2026, 14:30 UTC". */
export function dateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const iso = d.toISOString();
  return `${date(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** "2026-10" -> "Oct 2026" ("October 2026" with `long`). */
export function month(value: string, long = false): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) return value;
  const name = (long ? LONG_MONTHS : MONTHS)[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : value;
}

/** Days left as words: 12 -> "in 12 days", -3 -> "3 days overdue", 0 -> "today"; "—" for null. */
export function daysLeft(n: number | null | undefined, pastWord = "overdue"): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (n === 0) return "today";
  if (n > 0) return `in ${plural(n, "day")}`;
  return `${plural(-n, "day")} ${pastWord}`;
}

/** Human words for the model's keys (stages, labels, kinds, statuses); unknown keys are shown as they are. */
const LABELS: Record<string, string> = {
  // stages of systems and use cases
  idea: "Idea",
  pilot: "Pilot",
  production: "In production",
  retired: "Retired",
  stopped: "Stopped",
  // classification labels
  "out-of-scope": "Out of scope",
  prohibited: "Prohibited",
  "high-risk": "High-risk",
  "art6-3-exempt": "Not high-risk (Art 6(3) exemption)",
  transparency: "Transparency duties",
  gpai: "General-purpose AI model",
  "gpai-systemic-risk": "General-purpose AI model with systemic risk",
  minimal: "Minimal risk",
  unclassified: "Not classified yet",
  // decisions for the board
  renewal: "Vendor renewal",
  "policy-approval": "Policy approval",
  "continue-or-stop": "Continue or stop",
  funding: "Funding",
  obligation: "Overdue obligation",
  incident: "Incident",
  // statuses and ratings
  open: "Open",
  "in-progress": "In progress",
  done: "Done",
  "not-applicable": "Not applicable",
  closed: "Closed",
  resolved: "Resolved",
  investigating: "Investigating",
  mitigating: "Mitigating",
  reported: "Reported",
  accepted: "Accepted",
  mitigated: "Mitigated",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
  serious: "Serious",
  death: "Death",
  "widespread-or-critical-infrastructure": "Widespread or critical infrastructure",
  "not-serious": "Not serious",
  // savings recommendation types
  downshift: "Switch to a smaller model",
  batch: "Batch processing",
  caching: "Prompt caching",
  consolidation: "Consolidate vendors",
  "unused-capacity": "Unused capacity",
  "long-context": "Trim long context",
  "priority-tier": "Standard instead of priority tier",
  // shadow AI finding kinds
  sdk: "SDK",
  provider: "AI provider",
  model: "Model",
  service: "AI service",
  "vector-store": "Vector store",
  dataset: "Dataset",
  "mcp-server": "MCP server",
  "dev-tool": "Developer tool",
  secret: "API key (secret)",
  // AI providers, as spend records name them
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google",
  "google-vertex": "Google Vertex AI",
  gemini: "Google Gemini",
  azure: "Microsoft Azure",
  "azure-openai": "Azure OpenAI",
  aws: "Amazon Web Services",
  "aws-bedrock": "Amazon Bedrock",
  bedrock: "Amazon Bedrock",
  mistral: "Mistral AI",
  cohere: "Cohere",
  groq: "Groq",
  deepseek: "DeepSeek",
  xai: "xAI",
  github: "GitHub",
  "in-house": "In-house",
  // spend buckets
  other: "Other",
  unattributed: "Not attributed to a system",
};

export function label(key: string): string {
  return LABELS[key] ?? key;
}

/** Shortens text for chart axes (the tables carry the full names). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
