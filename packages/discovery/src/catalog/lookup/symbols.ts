import { escapeRegExp } from "../../text/regexp.js";
import { FAMILIES } from "../families.js";
import type { ClientSymbol, CodeLanguage, SdkEntry } from "../types.js";

/** An import root resolved to its SDK. */
export interface ImportRoot {
  root: string;
  prefix: boolean;
  sdk: SdkEntry;
  ambiguous: boolean;
}

/** A catalogue client symbol compiled for matching. */
export interface CompiledClient {
  sdk: SdkEntry;
  client: ClientSymbol;
  /** Matches a resolved qualified name (the symbol, optionally continued by `.member`). */
  pattern: RegExp;
  /** For method clients: the method name. */
  methodName: string | null;
}

/** Separator after an import root per language (`openai.x`, `openai/x`, `OpenAI.Chat`). */
const ROOT_SEPARATORS: Record<CodeLanguage, readonly string[]> = {
  python: ["."],
  javascript: ["/"],
  go: ["/", "."],
  java: ["."],
  csharp: ["."],
  ruby: ["/"],
};

function compileSymbol(symbol: string): RegExp {
  const body = symbol.split("*").map(escapeRegExp).join("[^.:/]+");
  return new RegExp(`^${body}(?:$|[.:(])`);
}

function buildRoots(): Map<CodeLanguage, ImportRoot[]> {
  const out = new Map<CodeLanguage, ImportRoot[]>();
  const add = (language: CodeLanguage, root: string, sdk: SdkEntry, ambiguous: boolean) => {
    const list = out.get(language) ?? [];
    const prefix = root.endsWith("*");
    list.push({ root: prefix ? root.slice(0, -1) : root, prefix, sdk, ambiguous });
    out.set(language, list);
  };
  for (const family of FAMILIES) {
    for (const sdk of family.sdks ?? []) {
      for (const [language, roots] of Object.entries(sdk.imports) as [CodeLanguage, readonly string[]][]) {
        for (const root of roots) add(language, root, sdk, false);
      }
      for (const [language, roots] of Object.entries(sdk.ambiguousImports ?? {}) as [CodeLanguage, readonly string[]][]) {
        for (const root of roots) add(language, root, sdk, true);
      }
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.root.length - a.root.length);
  return out;
}

function buildClients(): Map<string, Map<CodeLanguage, CompiledClient[]>> {
  const out = new Map<string, Map<CodeLanguage, CompiledClient[]>>();
  for (const family of FAMILIES) {
    for (const sdk of family.sdks ?? []) {
      const byLanguage = out.get(sdk.id) ?? new Map<CodeLanguage, CompiledClient[]>();
      for (const client of sdk.clients ?? []) {
        const list = byLanguage.get(client.language) ?? [];
        const methodName = client.method ? (client.symbol.split(/[.:]/).pop() ?? client.symbol) : null;
        list.push({ sdk, client, pattern: compileSymbol(client.symbol), methodName });
        byLanguage.set(client.language, list);
      }
      out.set(sdk.id, byLanguage);
    }
  }
  return out;
}

const ROOTS = buildRoots();
const SDKS = new Map<string, SdkEntry>(FAMILIES.flatMap((f) => (f.sdks ?? []).map((sdk): [string, SdkEntry] => [sdk.id, sdk])));

/** The SDK entry with this id, if any. */
export function sdkById(id: string): SdkEntry | undefined {
  return SDKS.get(id);
}
const CLIENTS = buildClients();
const METHOD_CLIENTS = new Map<CodeLanguage, CompiledClient[]>();
for (const byLanguage of CLIENTS.values()) {
  for (const [language, list] of byLanguage) {
    for (const compiled of list) if (compiled.methodName) METHOD_CLIENTS.set(language, [...(METHOD_CLIENTS.get(language) ?? []), compiled]);
  }
}

/**
 * The SDK whose import root covers `name` (a module, package, namespace or qualified symbol),
 * longest root first. For JavaScript pass the module specifier.
 */
export function findImportRoot(language: CodeLanguage, name: string): ImportRoot | undefined {
  const separators = ROOT_SEPARATORS[language];
  for (const entry of ROOTS.get(language) ?? []) {
    if (entry.prefix) {
      if (name.startsWith(entry.root) && name.length > entry.root.length) return entry;
      continue;
    }
    if (name === entry.root) return entry;
    if (name.startsWith(entry.root) && separators.includes(name.charAt(entry.root.length))) return entry;
  }
  return undefined;
}

/** Catalogue clients of one SDK in one language. */
export function clientsOf(sdkId: string, language: CodeLanguage): readonly CompiledClient[] {
  return CLIENTS.get(sdkId)?.get(language) ?? [];
}

/** Method clients (matched by method name on any receiver) of one language. */
export function methodClients(language: CodeLanguage): readonly CompiledClient[] {
  return METHOD_CLIENTS.get(language) ?? [];
}

const ALL_CLIENTS = new Map<CodeLanguage, CompiledClient[]>();
for (const byLanguage of CLIENTS.values()) {
  for (const [language, list] of byLanguage) ALL_CLIENTS.set(language, [...(ALL_CLIENTS.get(language) ?? []), ...list]);
}

/** Every client of one language (Ruby constants are matched against all of them). */
export function allClients(language: CodeLanguage): readonly CompiledClient[] {
  return ALL_CLIENTS.get(language) ?? [];
}

/** Every import root of one language (for tests and the prefilter check). */
export function importRoots(language: CodeLanguage): readonly ImportRoot[] {
  return ROOTS.get(language) ?? [];
}
