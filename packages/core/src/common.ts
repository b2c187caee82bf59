import { z } from "zod";

/** Organization slug: lowercase letters, digits and single dashes, 2 to 48 characters. */
export const SlugSchema = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(48, "must be at most 48 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single dashes");

export const IdSchema = z.uuid({ message: "must be a UUID" });

/** A calendar date, YYYY-MM-DD. */
export const DateSchema = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

/** An instant, ISO 8601 in UTC. */
export const TimestampSchema = z.iso.datetime({ message: "must be an ISO 8601 timestamp" });

/** Short single-line text (names, owners). */
export function shortText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters");
}

/** Long free text (purpose, notes). Newlines and tabs allowed. */
export function longText(max = 10_000) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "must not contain control characters");
}

export const TagSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(48, "must be at most 48 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.:/-]*$/u, "letters, digits, spaces and _ . : / - only");

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code such as USD");

/**
 * A money amount as a decimal string with at most 6 decimals ("120000", "99.95").
 * Stored as integer micro-units; never handled as a binary float.
 */
export const MoneyAmountSchema = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, "must be a non-negative decimal such as 120000.00 (at most 6 decimals)");

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
