import { z } from "zod";

/** A token or request count: a non-negative safe integer. */
export const countField = () =>
  z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a non-negative integer") })
    .int("must be a non-negative integer")
    .min(0, "must not be negative")
    .max(Number.MAX_SAFE_INTEGER);

/** An optional count (absent or null means 0). */
export const optionalCount = () => countField().nullish();

/** An optional grouping key (null unless the export grouped by it). */
export const optionalKey = () => z.string({ error: "must be a string or null" }).max(300).nullish();

/** Unix seconds between 2000 and 2100. */
export const unixSeconds = () =>
  z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a unix time in seconds") })
    .int("must be a unix time in whole seconds")
    .min(946_684_800, "must be a unix time in seconds after 2000")
    .max(4_102_444_800, "must be a unix time in seconds before 2100");

/** An RFC 3339 instant with a zone (`Z` or offset). */
export const rfc3339 = () =>
  z.iso.datetime({
    offset: true,
    error: (iss) => (iss.input === undefined ? "is required" : "must be an RFC 3339 timestamp such as 2025-08-01T00:00:00Z"),
  });
