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
