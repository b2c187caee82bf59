import { type ClientSymbol, type CompiledClient, classifyModel, lookupHost, lookupPort } from "../../catalog/index.js";
import { findBaseUrl } from "../../signals/base-url.js";
import { targetHit } from "../../signals/hit.js";
import { modelHits } from "../../signals/models.js";
import { callExtent, keywordArgument, positionalArguments, splitArguments, stringArgument } from "../../text/call-args.js";
import type { LineIndex } from "../../text/line-index.js";
import { safeEndpoint, safeText } from "../../text/redact.js";
import type { Hit } from "../../types.js";

/** Where a matched client call sits. */
export interface ClientSite {
  /** Offset of the call's first character. */
  offset: number;
  /** Index of its `(`, or -1 for calls without parentheses. */
  open: number;
  /** The chain as written (for details). */
  chain: string;
}

function argumentValue(args: readonly string[], spec: { index?: number; keyword?: string }): string | null {
  if (spec.keyword) {
    const value = keywordArgument(args, spec.keyword);
    const literal = stringArgument(value);
    if (literal !== null) return literal;
  }
  if (spec.index !== undefined) return stringArgument(positionalArguments(args)[spec.index]);
  return null;
}

function extentOf(text: string, site: { open: number; offset: number }): { args: string; whole: string } {
  if (site.open >= 0) {
    const extent = callExtent(text, site.open);
    return { args: extent.args, whole: text.slice(site.open, extent.chainEnd) };
  }
  const end = text.indexOf("\n", site.offset);
  const whole = text.slice(site.offset, end === -1 ? text.length : end);
  return { args: whole.replace(/^[\w:.]+\s*/, ""), whole };
}

/**
 * Hits for one matched client call: provider (from base URL, switch or default), vector store, model, dataset. */
export function clientHits(compiled: CompiledClient, site: ClientSite, text: string, lines: LineIndex): Hit[] {
  const { sdk, client } = compiled;
  const at = lines.position(site.offset);
  const pos = { line: at.line, column: at.column };
  const { args, whole } = extentOf(text, site);
  const hits: Hit[] = [];
  const call = `${site.chain}(…)`;
  let provider: string | null = client.provider === undefined ? sdk.provider : client.provider;
  for (const sw of client.providerSwitches ?? []) if (sw.pattern.test(whole)) provider = sw.provider;
  const base = findBaseUrl(whole, text);
  if (base?.kind === "url") {
    const { scheme, host, port, path } = base.url;
    const match = lookupHost(host) ?? (port ? lookupPort(Number(port)) : undefined);
    const endpoint = safeEndpoint(scheme, host, port, path);
    const detail = `${call} base URL ${host}${port ? `:${port}` : ""}`;
    if (match?.target.kind === "provider") hits.push(targetHit(match.target, { confidence: "used", signal: "call", ...pos, detail, endpoint }));
    else if (!match && sdk.kind === "sdk" && host) {
      const id = `${host}${port ? `:${port}` : ""}`;
      hits.push({ kind: "service", id, name: id, provider: null, confidence: "used", signal: "call", ...pos, detail: safeText(detail), endpoint });
    }
  } else if (base === null && provider) {
    hits.push(targetHit({ kind: "provider", id: provider }, { confidence: "used", signal: "call", ...pos, detail: call }));
  }
  if (client.vectorStore) hits.push(targetHit({ kind: "vector-store", id: client.vectorStore }, { confidence: "used", signal: "call", ...pos, detail: call }));
  const argList = client.model || client.dataset ? splitArguments(args) : [];
  if (client.model) {
    const value = argumentValue(argList, client.model);
    const match = value === null ? null : classifyModel(value, { huggingFace: client.huggingFace ?? false });
    if (match && value !== null) hits.push(...modelHits(match, { ...pos, detail: `${site.chain}("${value}")`, confidence: "used" }));
  }
  if (client.dataset) {
    const value = argumentValue(argList, client.dataset);
    if (value && /^[\w.-]+(?:\/[\w.-]+)?$/.test(value)) {
      hits.push({
        kind: "dataset",
        id: value.toLowerCase(),
        name: value,
        provider: "huggingface",
        confidence: "used",
        signal: "call",
        ...pos,
        detail: safeText(`${site.chain}("${value}")`),
      });
    }
  }
  return hits;
}

/** Whether a client's required argument pattern (if any) matches the call's arguments. */
export function clientArgsMatch(client: ClientSymbol, site: Pick<ClientSite, "open" | "offset">, text: string): boolean {
  if (!client.argPattern) return true;
  return client.argPattern.test(extentOf(text, site).args);
}
