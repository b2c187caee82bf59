import type { Confidence } from "@caio/core";
import { lookupImage, providerEntry, sdkById, type Target } from "../catalog/index.js";
import { safeText } from "../text/redact.js";
import type { Hit, Signal } from "../types.js";

/** The human name of a catalogue target. */
export function targetName(target: Target): string {
  if (target.kind === "provider") return providerEntry(target.id)?.name ?? target.id;
  return sdkById(target.id)?.name ?? lookupImage(target.id)?.name ?? target.id;
}

/** The provider field of a hit about a target: a provider's own id, else null. */
export function targetProvider(target: Target): string | null {
  return target.kind === "provider" ? target.id : null;
}

/** Builds a hit about a catalogue target, making the detail safe. */
export function targetHit(
  target: Target,
  fields: { confidence: Confidence; signal: Signal; line: number; column?: number; detail: string; endpoint?: string | null; version?: string | null },
): Hit {
  return {
    kind: target.kind,
    id: target.id,
    name: targetName(target),
    provider: targetProvider(target),
    confidence: fields.confidence,
    signal: fields.signal,
    line: fields.line,
    ...(fields.column === undefined ? {} : { column: fields.column }),
    detail: safeText(fields.detail),
    ...(fields.endpoint === undefined ? {} : { endpoint: fields.endpoint }),
    ...(fields.version === undefined ? {} : { version: fields.version }),
  };
}
