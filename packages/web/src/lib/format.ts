const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const relFmt = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "2025-12-31" -> "31 Dec 2025". Empty text for null. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "";
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : dateFmt.format(d);
}

const dayFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** The day of an ISO timestamp in the reader's time zone: "3 Feb 2025". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayFmt.format(d);
}

/** An ISO timestamp in the reader's time zone: "3 Feb 2025, 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

/** "5 minutes ago", "yesterday", "in 3 days". */
export function formatRelative(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return relFmt.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relFmt.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86_400) return relFmt.format(Math.round(seconds / 86_400), "day");
  if (abs < 365 * 86_400) return relFmt.format(Math.round(seconds / (30 * 86_400)), "month");
  return relFmt.format(Math.round(seconds / (365 * 86_400)), "year");
}

/** Whole days from today (UTC) until a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string, now = new Date()): number {
  const target = Date.parse(`${date}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((target - today) / 86_400_000);
}

/** "120000.00" + "EUR" -> "€120,000.00". Amounts stay decimal strings (never floats) when the browser allows it. */
export function formatMoney(amount: string | null | undefined, currency: string): string {
  if (!amount) return "";
  try {
    const fmt = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 6 });
    return (fmt.format as (v: string) => string)(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function yesNo(v: boolean): string {
  return v ? "Yes" : "No";
}

export function shortHash(hash: string, n = 10): string {
  return hash.slice(0, n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** Audit actors are recorded as "user:ana@example.com", "token:ci" or "local:root". */
export function formatActor(actor: string): string {
  const i = actor.indexOf(":");
  if (i < 0) return actor;
  const kind = actor.slice(0, i);
  const who = actor.slice(i + 1);
  switch (kind) {
    case "user":
      return who;
    case "token":
      return `API token “${who}”`;
    case "local":
      return `${who} (command line)`;
    default:
      return actor;
  }
}

/** Micro-units per unit of currency: the API sends money as decimal strings of micro-units (1 USD = 1,000,000). */
export const MICROS_PER_UNIT = 1_000_000n;

/** A decimal string of micro-units (or a bigint) as an exact bigint; empty or malformed text counts as 0. */
export function toMicros(value: string | bigint | null | undefined): bigint {
  if (typeof value === "bigint") return value;
  if (!value || !/^-?\d+$/.test(value)) return 0n;
  return BigInt(value);
}

/** Rounds micro-units to whole cents, half away from zero, with exact integer arithmetic. */
function microsToCents(micros: bigint): bigint {
  const step = MICROS_PER_UNIT / 100n;
  const abs = micros < 0n ? -micros : micros;
  const cents = (abs + step / 2n) / step;
  return micros < 0n ? -cents : cents;
}

const currencyFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string): Intl.NumberFormat {
  let f = currencyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    currencyFormats.set(currency, f);
  }
  return f;
}

/**
 * Micro-units as money, to the cent: "1234567890" + "USD" -> "$1,234.57". The amount is rounded
 * with bigint arithmetic and handed to Intl as a decimal string, so large sums never pass through a
 * float. A non-zero amount under half a cent reads "< $0.01".
 */
export function formatMicros(value: string | bigint | null | undefined, currency: string): string {
  const micros = toMicros(value);
  const cents = microsToCents(micros);
  if (cents === 0n && micros !== 0n) return `< ${formatMicros(MICROS_PER_UNIT / 100n, currency)}`;
  const abs = cents < 0n ? -cents : cents;
  const text = `${cents < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  try {
    return (currencyFormat(currency).format as (v: string) => string)(text);
  } catch {
    return `${text} ${currency}`;
  }
}

/** Micro-units as a plain number of currency units, for chart geometry only (never for sums or displayed totals). */
export function microsToNumber(value: string | bigint | null | undefined): number {
  return Number(microsToCents(toMicros(value))) / 100;
}

/** An amount already rounded to cents, for chart tooltips: 1234.5 -> "$1,234.50". */
export function formatCents(units: number, currency: string): string {
  try {
    return currencyFormat(currency).format(units);
  } catch {
    return `${units.toFixed(2)} ${currency}`;
  }
}

/** A short amount for chart axes: "$1.2K", "$3M". */
export function formatCompactMoney(units: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(units);
  } catch {
    return `${units} ${currency}`;
  }
}

/** Tenths of a percent of `part` in `total`, rounded half up, exactly. */
function shareTenths(part: bigint, total: bigint): bigint {
  return (part * 1000n * 2n + total) / (total * 2n);
}

/** `part` as a share of `total`: "12.3%"; "< 0.1%" for a tiny non-zero part; "—" when the total is zero. */
export function formatShare(part: string | bigint, total: string | bigint): string {
  const p = toMicros(part);
  const t = toMicros(total);
  if (t <= 0n) return "—";
  const tenths = shareTenths(p < 0n ? 0n : p, t);
  if (tenths === 0n && p > 0n) return "< 0.1%";
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** `part` as a whole percentage of `total` (0 to 100), for bars and meters. */
export function sharePercent(part: string | bigint, total: string | bigint): number {
  const p = toMicros(part);
  const t = toMicros(total);
  if (t <= 0n || p <= 0n) return 0;
  return Math.min(100, Number(shareTenths(p, t)) / 10);
}

/**
 * The change from `previous` to `current` in percent: "+12.3%", "−4.0%", "0.0%". Null when there is
 * nothing to compare against (a previous value of zero).
 */
export function formatChange(current: string | bigint, previous: string | bigint): string | null {
  const c = toMicros(current);
  const p = toMicros(previous);
  if (p <= 0n) return null;
  const diff = c - p;
  const abs = diff < 0n ? -diff : diff;
  const tenths = shareTenths(abs, p);
  const sign = diff > 0n && tenths > 0n ? "+" : diff < 0n && tenths > 0n ? "−" : "";
  return `${sign}${tenths / 10n}.${tenths % 10n}%`;
}

/** A whole number sent as a decimal string (token and request counts): "12345678" -> "12,345,678". */
export function formatCount(value: string | bigint | number): string {
  try {
    return BigInt(value).toLocaleString("en-US");
  } catch {
    return String(value);
  }
}

const compactCount = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A large count in short form for tables: "12.3M". Use {@link formatCount} for the exact figure. */
export function formatCompactCount(value: string | bigint | number): string {
  try {
    const n = BigInt(value);
    return n < 10_000n ? n.toLocaleString("en-US") : compactCount.format(Number(n));
  } catch {
    return String(value);
  }
}

const monthFmt = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const longMonthFmt = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-09" -> "Sep 2026" ("September 2026" with `long`). */
export function formatMonth(month: string, long = false): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return (long ? longMonthFmt : monthFmt).format(d);
}
