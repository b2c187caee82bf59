import { BARE_HOST_PATTERN, type HostMatch, lookupHost, lookupPort, PORT_PATTERN, URL_PATTERN } from "../catalog/index.js";
import type { LineIndex } from "../text/line-index.js";
import { safeEndpoint } from "../text/redact.js";
import type { Hit } from "../types.js";
import { targetHit } from "./hit.js";

const HOST_CHAR = /[A-Za-z0-9.-]/;

/** The host (and scheme) written just before a `:port` at `index`. */
function hostBefore(text: string, index: number): { host: string; scheme: string | undefined; start: number } {
  let start = index;
  if (text.slice(Math.max(0, index - 5), index) === "[::1]") start = index - 5;
  else while (start > 0 && HOST_CHAR.test(text.charAt(start - 1))) start--;
  const host = text.slice(start, index);
  const scheme = /(https?|wss?):\/\/$/.exec(text.slice(Math.max(0, start - 8), start))?.[1];
  return { host, scheme, start: scheme ? start - scheme.length - 3 : start };
}

function hit(match: HostMatch, lines: LineIndex, offset: number, host: string, port: string | undefined, endpoint: string): Hit {
  const at = lines.position(offset);
  return targetHit(match.target, {
    confidence: "referenced",
    signal: "endpoint",
    line: at.line,
    column: at.column,
    detail: `endpoint ${host.toLowerCase()}${port ? `:${port}` : ""}`,
    endpoint,
  });
}

/**
 * Provider and service endpoints in text → referenced: URLs whose host is in the catalogue
 * (`https://x.openai.azure.com`), exact catalogue hosts without a scheme (`api.openai.com`), and
 * ports that identify a provider on any host (`localhost:11434`).
 */
export function endpointHits(text: string, lines: LineIndex): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<number>();
  for (const m of text.matchAll(URL_PATTERN)) {
    const host = m[2] ?? "";
    const match = lookupHost(host) ?? (m[3] ? lookupPort(Number(m[3])) : undefined);
    if (!match) continue;
    seen.add(m.index + m[0].indexOf(host));
    hits.push(hit(match, lines, m.index, host, m[3], safeEndpoint(m[1], host, m[3], m[4])));
  }
  for (const m of text.matchAll(BARE_HOST_PATTERN)) {
    const host = m[1] ?? "";
    const match = lookupHost(host);
    if (!match || seen.has(m.index)) continue;
    seen.add(m.index);
    hits.push(hit(match, lines, m.index, host, m[2], safeEndpoint(undefined, host, m[2], m[3])));
  }
  for (const m of text.matchAll(PORT_PATTERN)) {
    const match = lookupPort(Number(m[1]));
    if (!match) continue;
    const { host, scheme, start } = hostBefore(text, m.index);
    if (!/[a-z]|^\[::1\]$|\./i.test(host) || seen.has(start) || seen.has(start + (scheme ? scheme.length + 3 : 0))) continue;
    seen.add(start);
    hits.push(hit(match, lines, start, host, m[1], safeEndpoint(scheme ?? "http", host, m[1], m[2])));
  }
  return hits;
}
