/**
 * Multi-selects where "none" excludes every other value: picking "none" clears the rest,
 * picking anything else drops "none".
 */
export function exclusiveNone<T extends string>(previous: readonly T[], next: T[]): T[] {
  const added = next.filter((v) => !previous.includes(v));
  if (added.includes("none" as T)) return ["none" as T];
  if (next.length > 1 && next.includes("none" as T)) return next.filter((v) => v !== "none");
  return next;
}
