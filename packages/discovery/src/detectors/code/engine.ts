import type { Confidence } from "@caio/core";
import {
  allClients,
  type CodeLanguage,
  type CompiledClient,
  clientsOf,
  findImportRoot,
  methodClients,
  modelFromConstant,
  type SdkEntry,
} from "../../catalog/index.js";
import { modelHits } from "../../signals/models.js";
import type { LineIndex } from "../../text/line-index.js";
import { safeText } from "../../text/redact.js";
import type { Hit, Signal } from "../../types.js";
import { clientArgsMatch, clientHits } from "./client-hits.js";

/** An import statement: the module it names and where. */
export interface ImportSite {
  module: string;
  offset: number;
  detail: string;
}

/** A call (or construction) found in code, with the qualified names it may resolve to. */
export interface CallSite {
  /** Candidate qualified names, most likely first. Empty when the head is not imported. */
  candidates: readonly string[];
  /** The chain as written, e.g. `OpenAI` or `genai.GenerativeModel` (for the detail). */
  chain: string;
  offset: number;
  /** Index of the call's `(`, or -1 for calls without parentheses (Ruby). */
  open: number;
  /** Candidates are guesses (wildcard or namespace imports): the call counts only if it matches a catalogue client. */
  guessed?: boolean;
}

/** A qualified reference that is not a call (SDK model constants). */
export interface ReferenceSite {
  qualified: string;
  offset: number;
}

/** What a language front end extracted from comment-free text. */
export interface CodeFacts {
  language: CodeLanguage;
  imports: readonly ImportSite[];
  calls: readonly CallSite[];
  /** Method calls on any receiver: name, `(` index, and offset, for method clients. */
  methods: readonly { name: string; open: number; offset: number }[];
  references?: readonly ReferenceSite[];
  /**
   * Calls are not resolved through import roots but matched against every client of the language
   * (Ruby constants). Clients on plain constants (`Gemini.new`) then need the SDK's import in the file
   * unless they are distinctive.
   */
  resolveByClients?: boolean;
}

/** Part of a qualified name compared with import roots (the module specifier for JavaScript). */
function rootKey(language: CodeLanguage, qualified: string): string {
  return language === "javascript" ? (qualified.split(":")[0] ?? qualified) : qualified;
}

function sdkHit(sdk: SdkEntry, fields: { confidence: Confidence; signal: Signal; line: number; column: number; detail: string }): Hit {
  return {
    kind: sdk.kind,
    id: sdk.id,
    name: sdk.name,
    provider: sdk.kind === "sdk" ? sdk.provider : null,
    confidence: fields.confidence,
    signal: fields.signal,
    line: fields.line,
    column: fields.column,
    detail: safeText(fields.detail),
  };
}

/** The SDK a call resolves to, the catalogue client it matches (if any), and whether its root is ambiguous. */
interface Resolution {
  sdk: SdkEntry;
  client: CompiledClient | undefined;
  ambiguous: boolean;
}

function matchingClient(clients: readonly CompiledClient[], qualified: string, site: CallSite, text: string): CompiledClient | undefined {
  return clients.find((c) => !c.methodName && c.pattern.test(qualified) && clientArgsMatch(c.client, site, text));
}

/** Resolves a call through its candidates; undefined when it is not (provably) a call into an SDK. */
function resolveCall(facts: CodeFacts, site: CallSite, text: string, importedSdks: ReadonlySet<string>): Resolution | undefined {
  const { language } = facts;
  for (const qualified of site.candidates) {
    if (facts.resolveByClients) {
      const client = matchingClient(allClients(language), qualified, site, text);
      if (!client) continue;
      const plainConstant = !client.client.symbol.includes("::") && !client.client.distinctive;
      if (plainConstant && !importedSdks.has(client.sdk.id)) continue;
      return { sdk: client.sdk, client, ambiguous: false };
    }
    const root = findImportRoot(language, rootKey(language, qualified));
    if (!root) continue;
    const client = matchingClient(clientsOf(root.sdk.id, language), qualified, site, text);
    if ((root.ambiguous || site.guessed) && !client) continue;
    return { sdk: root.sdk, client, ambiguous: root.ambiguous };
  }
  return undefined;
}

/** Imports of catalogue SDKs → referenced (ambiguous roots only remember the import). */
function importHits(facts: CodeFacts, lines: LineIndex, importedSdks: Set<string>): Hit[] {
  const hits: Hit[] = [];
  for (const site of facts.imports) {
    const root = findImportRoot(facts.language, site.module);
    if (!root) continue;
    importedSdks.add(root.sdk.id);
    if (root.ambiguous) continue;
    const at = lines.position(site.offset);
    hits.push(sdkHit(root.sdk, { confidence: "referenced", signal: "import", line: at.line, column: at.column, detail: site.detail }));
  }
  return hits;
}

/**
 * Calls resolved into SDKs → used, plus what matched clients say. Under an ambiguous import root
 * (`agents`, `datasets`) the hits count only with two distinct clients or a distinctive one.
 */
function callHits(facts: CodeFacts, text: string, lines: LineIndex, importedSdks: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  const ambiguousUse = new Map<string, { symbols: Set<string>; distinctive: boolean; hits: Hit[] }>();
  for (const site of facts.calls) {
    const resolution = resolveCall(facts, site, text, importedSdks);
    if (!resolution) continue;
    const { sdk, client } = resolution;
    const at = lines.position(site.offset);
    const own = [sdkHit(sdk, { confidence: "used", signal: "call", line: at.line, column: at.column, detail: `${site.chain}(…)` })];
    if (client) own.push(...clientHits(client, site, text, lines));
    if (resolution.ambiguous && client) {
      const entry = ambiguousUse.get(sdk.id) ?? { symbols: new Set<string>(), distinctive: false, hits: [] };
      entry.symbols.add(client.client.symbol);
      entry.distinctive ||= client.client.distinctive ?? false;
      entry.hits.push(...own);
      ambiguousUse.set(sdk.id, entry);
    } else hits.push(...own);
  }
  for (const entry of ambiguousUse.values()) if (entry.symbols.size >= 2 || entry.distinctive) hits.push(...entry.hits);
  return hits;
}

/** Method clients (`.GetChatClient(`, `.client("bedrock-runtime")`) in files that import their SDK. */
function methodHits(facts: CodeFacts, text: string, lines: LineIndex, importedSdks: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  for (const site of facts.methods) {
    for (const compiled of methodClients(facts.language)) {
      if (compiled.methodName !== site.name) continue;
      if (compiled.client.argPattern ? !clientArgsMatch(compiled.client, site, text) : !importedSdks.has(compiled.sdk.id)) continue;
      const at = lines.position(site.offset);
      const chain = `.${site.name}`;
      hits.push(sdkHit(compiled.sdk, { confidence: "used", signal: "call", line: at.line, column: at.column, detail: `${chain}(…)` }));
      hits.push(...clientHits(compiled, { ...site, chain }, text, lines));
    }
  }
  return hits;
}

/** SDK model constants (`openai.ChatModelGPT4o`, `ChatModel.GPT_4O`) → referenced models. */
function constantHits(facts: CodeFacts, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  for (const ref of facts.references ?? []) {
    const match = modelFromConstant(facts.language, ref.qualified);
    if (!match) continue;
    const at = lines.position(ref.offset);
    const detail = `constant ${ref.qualified.split(/[./]/).slice(-2).join(".")}`;
    hits.push(...modelHits(match, { line: at.line, column: at.column, detail, confidence: "referenced" }));
  }
  return hits;
}

/**
 * Turns a language front end's facts into hits: imports of catalogue SDKs are `referenced`, calls
 * resolved into an SDK are `used`, and catalogue clients add providers (the base URL's host wins over
 * the SDK's default), vector stores, models and datasets.
 */
export function codeHits(facts: CodeFacts, text: string, lines: LineIndex): Hit[] {
  const importedSdks = new Set<string>();
  const imports = importHits(facts, lines, importedSdks);
  return [...imports, ...callHits(facts, text, lines, importedSdks), ...methodHits(facts, text, lines, importedSdks), ...constantHits(facts, lines)];
}
