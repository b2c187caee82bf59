import { HUGGING_FACE_ID, HUGGING_FACE_NAME, MODEL_ID_SUFFIXES, NOT_MODEL_VALUE, ROUTER_FORM } from "../contexts.js";
import { FAMILIES } from "../families.js";
import type { ModelConstantRule, ModelFamily, ModelIdForm } from "../types.js";

/** A string classified as a model id. */
export interface ModelMatch {
  /** Canonical id: lower case, without router prefix, date or tag (`gpt-4o`, `claude-3-5-sonnet`). */
  id: string;
  /** The model's vendor (`openai`, `meta`), when known. */
  vendor: string | null;
  /** The provider named by the id's form (router prefix, Bedrock id), when there is one. */
  provider: string | null;
  /** The literal as written, when it differs from the id (kept as the version). */
  version: string | null;
}

/** Options for {@link classifyModel}. */
export interface ClassifyOptions {
  /** The value is an argument of a Hugging Face call: `org/name` and bare names are accepted. */
  huggingFace?: boolean;
  /** The value comes from prose: only unambiguous families count. */
  prose?: boolean;
}

const MODEL_FAMILIES: ModelFamily[] = FAMILIES.flatMap((f) => f.models ?? []);
const ID_FORMS: ModelIdForm[] = FAMILIES.flatMap((f) => f.modelIdForms ?? []);
const ROUTERS = new Map<string, string>(FAMILIES.flatMap((f) => (f.routerPrefixes ?? []).map((r): [string, string] => [r.prefix, r.provider])));
const HF_ORGS = new Map<string, string>(FAMILIES.flatMap((f) => Object.entries(f.huggingFaceOrgs ?? {})));
const CONSTANT_RULES: ModelConstantRule[] = FAMILIES.flatMap((f) => f.modelConstants ?? []);

function family(id: string, prose: boolean): ModelFamily | undefined {
  return MODEL_FAMILIES.find((f) => f.pattern.test(id) && !(prose && f.ambiguous));
}

/** Strips tags, dates and snapshot suffixes (`gpt-4o-2024-08-06` → `gpt-4o`). */
export function normalizeModelId(raw: string): string {
  let id = raw.toLowerCase();
  for (const suffix of MODEL_ID_SUFFIXES) {
    id = id.replace(suffix, (...args: unknown[]) => (typeof args[1] === "string" ? args[1] : ""));
  }
  return id;
}

function plain(lower: string, prose: boolean): { id: string; vendor: string } | null {
  const id = normalizeModelId(lower);
  const hit = family(id, prose);
  return hit && id.length > 1 ? { id, vendor: hit.vendor } : null;
}

function huggingFaceId(lower: string, options: ClassifyOptions): { id: string; vendor: string } | null {
  const m = HUGGING_FACE_ID.exec(lower);
  if (!m) return null;
  const org = m[1] ?? "";
  const name = m[2] ?? "";
  const known = HF_ORGS.get(org);
  if (known) return { id: lower, vendor: known };
  const byName = plain(name, false);
  if (byName) return { id: lower, vendor: byName.vendor };
  return options.huggingFace ? { id: lower, vendor: org } : null;
}

function platformForm(lower: string): ModelMatch | null {
  for (const form of ID_FORMS) {
    const m = form.pattern.exec(lower);
    if (!m) continue;
    const vendorText = m[form.vendorGroup] ?? "";
    let model = m[form.modelGroup] ?? "";
    if (form.strip) model = model.replace(form.strip, "");
    const classified = plain(model, false);
    const id = classified?.id ?? normalizeModelId(model);
    return { id, vendor: classified?.vendor ?? form.vendors?.[vendorText] ?? vendorText, provider: form.provider, version: null };
  }
  return null;
}

/**
 * Classifies a string found in a model context. Returns null when it is not a model id of a known
 * family, router, platform or (in Hugging Face calls) Hugging Face form.
 */
export function classifyModel(raw: string, options: ClassifyOptions = {}): ModelMatch | null {
  const value = raw.trim();
  if (!value || value.length > 160 || NOT_MODEL_VALUE.test(value)) return null;
  let lower = value.toLowerCase();
  if (lower.startsWith("ft:")) lower = lower.slice(3).split(":")[0] ?? "";
  const withVersion = (m: Omit<ModelMatch, "version">): ModelMatch => ({ ...m, version: m.id === lower ? null : value });

  if (options.huggingFace && HUGGING_FACE_ID.test(lower)) {
    const hf = huggingFaceId(lower, options);
    if (hf) return withVersion({ ...hf, provider: null });
  }
  const router = ROUTER_FORM.exec(lower);
  const routerProvider = router ? ROUTERS.get(router[1] ?? "") : undefined;
  if (router && routerProvider && !options.prose) {
    let rest = router[3] ?? "";
    const nested = ROUTER_FORM.exec(rest);
    if (nested?.[2] === "/" && ROUTERS.has(nested[1] ?? "")) rest = nested[3] ?? "";
    const inner =
      platformForm(rest) ??
      (() => {
        const p = plain(rest, false) ?? huggingFaceId(rest, { huggingFace: false });
        return p ? { ...p, provider: null, version: null } : null;
      })();
    if (inner) return withVersion({ id: inner.id, vendor: inner.vendor, provider: routerProvider });
    if (router[2] === "/" && /^[a-z0-9][\w.:-]*$/.test(rest)) return withVersion({ id: normalizeModelId(rest), vendor: null, provider: routerProvider });
  }
  const platform = options.prose ? null : platformForm(lower);
  if (platform) return withVersion(platform);
  const simple = plain(lower, options.prose ?? false);
  if (simple) return withVersion({ ...simple, provider: null });
  if (options.prose) return null;
  const hf = huggingFaceId(lower, options);
  if (hf) return withVersion({ ...hf, provider: null });
  if (options.huggingFace && HUGGING_FACE_NAME.test(lower)) return withVersion({ id: lower, vendor: "huggingface", provider: null });
  return null;
}

function splitWords(name: string): string[] {
  const withDots = name.replace(/(\d)Dot(\d)/g, "$1.$2");
  const parts = withDots.split("_").filter(Boolean);
  const upperSnake = withDots === withDots.toUpperCase();
  if (upperSnake) return parts;
  return parts.flatMap((part) =>
    part
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Za-z]{2,}|[A-NP-Za-np-z])(\d)/g, "$1 $2")
      .replace(/(\d)([A-Z])/g, "$1 $2")
      .split(" "),
  );
}

/** Converts an SDK model constant's name (`GPT4oMini`, `GPT_3_5_TURBO`, `Claude3_7SonnetLatest`) to an id. */
export function constantToModelId(name: string, rule: Pick<ModelConstantRule, "digitJoin" | "idPrefix">): string {
  const words = splitWords(name).map((w) => w.toLowerCase());
  let out = "";
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const prev = words[i - 1];
    if (i === 0) out = word;
    else if (prev && /^\d{1,2}$/.test(prev) && /^\d{1,2}$/.test(word)) out += rule.digitJoin + word;
    else out += `-${word}`;
  }
  return (rule.idPrefix ?? "") + out;
}

/** The model id an SDK constant stands for (`github.com/openai/openai-go.ChatModelGPT4o` → gpt-4o), if any. */
export function modelFromConstant(language: ModelConstantRule["language"], qualified: string): ModelMatch | null {
  for (const rule of CONSTANT_RULES) {
    if (rule.language !== language || !qualified.startsWith(rule.prefix)) continue;
    const name = qualified.slice(rule.prefix.length).split(/[.(]/)[0] ?? "";
    if (!/^[A-Za-z0-9_]+$/.test(name)) continue;
    const match = classifyModel(constantToModelId(name, rule));
    if (match) return match;
  }
  return null;
}

/** Whether a language has model-constant rules. */
export function hasModelConstants(language: ModelConstantRule["language"]): boolean {
  return CONSTANT_RULES.some((r) => r.language === language);
}
