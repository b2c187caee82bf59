import { FAMILIES } from "../families.js";
import type { KeyFormat } from "../types.js";

/** A key format with its pattern compiled for scanning (global). */
export interface CompiledKeyFormat extends KeyFormat {
  global: RegExp;
}

/** Every key format of the catalogue, context-free formats first. */
export const KEY_FORMATS: readonly CompiledKeyFormat[] = FAMILIES.flatMap((f) => f.keys ?? [])
  .map((k) => ({ ...k, global: new RegExp(k.pattern.source, `${k.pattern.flags.replace("g", "")}g`) }))
  .sort((a, b) => Number(Boolean(a.context)) - Number(Boolean(b.context)));
