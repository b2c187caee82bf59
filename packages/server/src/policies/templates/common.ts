import type { PolicyKind } from "@caio/core";
import type { PolicyFacts, PolicySystemFacts, PolicyVendorFacts } from "../facts.js";
import { type Block, esc } from "../markdown.js";

/**
 * A policy template: fixed text and the rules that turn the organization's facts into the
 * sections specific to it. `sources` are the legal and standards references its rules come from,
 * listed at the end of the document.
 */
export interface PolicyTemplate {
  kind: PolicyKind;
  /** Position in the governance baseline (1 to 4). */
  number: number;
  /** The document's title. */
  heading: string;
  /** One paragraph: what the policy is for and whom it binds. */
  purpose: (f: PolicyFacts) => string;
  render: (f: PolicyFacts) => Block[];
  sources: { cite: string; why: string }[];
}

export const STAGE_WORDS: Record<string, string> = { idea: "idea", pilot: "pilot", production: "production", retired: "retired" };

export const PERSONAL_DATA_WORDS: Record<string, string> = {
  none: "none",
  personal: "personal data",
  "special-category": "special-category data",
  children: "children's data",
};

export const DECISION_WORDS: Record<string, string> = {
  none: "no",
  informs: "informs decisions",
  decides: "decides",
};

export const LABEL_WORDS: Record<string, string> = {
  "out-of-scope": "outside the AI Act",
  prohibited: "prohibited practice",
  "high-risk": "high-risk",
  "art6-3-exempt": "Annex III, exempt under Art 6(3)",
  transparency: "transparency duties",
  gpai: "general-purpose AI model",
  "gpai-systemic-risk": "general-purpose AI model with systemic risk",
  minimal: "minimal risk",
};

/** Providers whose models generate text, images, audio or code. */
export const GENERATIVE_PROVIDERS = new Set([
  "openai",
  "azure-openai",
  "anthropic",
  "mistral",
  "google",
  "gemini",
  "vertex-ai",
  "cohere",
  "meta",
  "bedrock",
  "aws-bedrock",
  "groq",
  "together",
  "perplexity",
  "xai",
  "deepseek",
  "github",
  "huggingface",
]);

const GENERATIVE_TAGS = new Set(["genai", "generative", "llm", "chatbot", "copilot", "gpt", "rag", "agents", "agent"]);

export function hasLabel(s: PolicySystemFacts, kind: string): boolean {
  return s.classification?.labels.some((l) => l.kind === kind) ?? false;
}

export function handlesPersonalData(s: PolicySystemFacts): boolean {
  return s.personalData.some((p) => p !== "none");
}

export function sensitiveData(s: PolicySystemFacts): boolean {
  return s.personalData.includes("special-category") || s.personalData.includes("children");
}

/** Generates content: a generative provider, a generative tag, or an Art 50 / GPAI label. */
export function isGenerative(s: PolicySystemFacts): boolean {
  return (
    s.providers.some((p) => GENERATIVE_PROVIDERS.has(p.toLowerCase())) ||
    s.tags.some((t) => GENERATIVE_TAGS.has(t.toLowerCase())) ||
    hasLabel(s, "transparency") ||
    hasLabel(s, "gpai") ||
    hasLabel(s, "gpai-systemic-risk")
  );
}

/** The classification in a few words: its labels, or "not classified". */
export function classificationWords(s: PolicySystemFacts): string {
  const c = s.classification;
  if (!c) return "not classified";
  const labels = [...new Set(c.labels.map((l) => LABEL_WORDS[l.kind] ?? l.kind))];
  const words = labels.length > 0 ? labels.join(", ") : "no label";
  return c.status === "complete" ? words : `${words} (${c.status === "needs-review" ? "needs review" : "incomplete"})`;
}

export function personalWords(s: PolicySystemFacts): string {
  const words = s.personalData.filter((p) => p !== "none").map((p) => PERSONAL_DATA_WORDS[p] ?? p);
  return words.length > 0 ? words.join(", ") : "none";
}

export function vendorNames(s: PolicySystemFacts): string {
  return s.vendors.length > 0 ? s.vendors.map(esc).join(", ") : "in-house";
}

/** A pattern or identifier as inline code (backticks removed, since a code span cannot escape them). */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "").replace(/\s+/g, " ").trim()}\``;
}

/** Record text used as a clause inside a sentence: escaped, without its final full stop. */
export function clause(text: string): string {
  return esc(text).replace(/[.\s]+$/, "");
}

/** A system name in bold, escaped. */
export function sys(name: string): string {
  return `**${esc(name)}**`;
}

/** "Not recorded" for vendor terms that are missing. */
export function retentionWords(v: PolicyVendorFacts): string {
  if (v.retentionDays === null) return "not recorded";
  if (v.retentionDays === 0) return "none (zero retention)";
  return `${v.retentionDays} days`;
}

export function trainsWords(v: PolicyVendorFacts): string {
  return v.trainsOnCustomerData === "no" ? "no" : v.trainsOnCustomerData === "yes" ? "yes" : "unknown";
}

/** A data region is in the EU/EEA when it says so. */
export function inEu(region: string): boolean {
  return (
    /\b(eu|eea|europe|european)\b/i.test(region) ||
    /\b(frankfurt|ireland|dublin|paris|stockholm|sweden|amsterdam|netherlands|milan|madrid|warsaw|zurich|belgium)\b/i.test(region)
  );
}

export function stageCounts(systems: readonly PolicySystemFacts[]): string {
  const n = (stage: string) => systems.filter((s) => s.stage === stage).length;
  const parts = [
    [n("production"), "in production"],
    [n("pilot"), "in pilot"],
    [n("idea"), "at the idea stage"],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, w]) => `${k} ${w}`);
  return parts.join(", ");
}

/** The systems table most policies open with. */
export function systemsTable(systems: readonly PolicySystemFacts[], extra: { head: string; value: (s: PolicySystemFacts) => string }[] = []): Block {
  return {
    table: {
      head: ["System", "Stage", "Owner", ...extra.map((e) => e.head)],
      rows: systems.map((s) => [esc(s.name), STAGE_WORDS[s.stage] ?? s.stage, esc(s.owner), ...extra.map((e) => e.value(s))]),
    },
  };
}

/** Systems whose latest classification says "needs review" or is incomplete. */
export function unsettled(systems: readonly PolicySystemFacts[]): PolicySystemFacts[] {
  return systems.filter((s) => s.classification && s.classification.status !== "complete");
}
