import { escapeRegExp } from "../../text/regexp.js";
import { FAMILIES } from "../families.js";
import type { Target } from "../types.js";

/** What a host name identifies. */
export interface HostMatch {
  target: Target;
  name: string;
}

interface HostRule {
  glob: string;
  pattern: RegExp;
  match: HostMatch;
}

function globSource(glob: string): string {
  return glob
    .toLowerCase()
    .split("*")
    .map((part) => escapeRegExp(part))
    .join("[a-z0-9-]+");
}

function buildRules(): HostRule[] {
  const rules: HostRule[] = [];
  for (const family of FAMILIES) {
    for (const provider of family.providers ?? []) {
      for (const glob of provider.hosts ?? []) {
        rules.push({ glob, pattern: new RegExp(`^${globSource(glob)}$`), match: { target: { kind: "provider", id: provider.id }, name: provider.name } });
      }
    }
    for (const entry of family.hosts ?? []) {
      for (const glob of entry.hosts)
        rules.push({ glob, pattern: new RegExp(`^${globSource(glob)}$`), match: { target: entry.target, name: entry.target.id } });
    }
  }
  // Longer (more specific) globs first.
  return rules.sort((a, b) => b.glob.length - a.glob.length);
}

function buildPorts(): Map<number, HostMatch> {
  const out = new Map<number, HostMatch>();
  for (const family of FAMILIES) {
    for (const provider of family.providers ?? []) {
      for (const port of provider.ports ?? []) out.set(port, { target: { kind: "provider", id: provider.id }, name: provider.name });
    }
  }
  return out;
}

const RULES = buildRules();
const PORTS = buildPorts();

/** URLs with a scheme. Groups: 1 scheme, 2 host, 3 port, 4 path. (Starts with a literal, so it scans fast.) */
export const URL_PATTERN = /\b(https?|wss?):\/\/(?:[^\s"'`<>/@]*@)?([A-Za-z0-9][A-Za-z0-9.-]*|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?(\/[\w\-./%~]*)?/g;

/** Exact catalogue hosts without a scheme (`api.openai.com` in YAML or env files). Group 1: host. */
export const BARE_HOST_PATTERN = new RegExp(
  `(?<![\\w.@/-])(${RULES.filter((r) => !r.glob.includes("*"))
    .map((r) => globSource(r.glob))
    .join("|")})(?![\\w-])(?::(\\d{1,5}))?(/[\\w\\-./%~]*)?`,
  "gi",
);

/** `:port` for ports that identify a provider on any host (`:11434`). Group 1: port. */
export const PORT_PATTERN = new RegExp(`:(${[...PORTS.keys()].join("|")})(?!\\d)(/[\\w\\-./%~]*)?`, "g");

/** What a host name identifies, if anything. */
export function lookupHost(host: string): HostMatch | undefined {
  const lower = host.toLowerCase();
  for (const rule of RULES) if (rule.pattern.test(lower)) return rule.match;
  return undefined;
}

/** What a port identifies on any host (`11434` → Ollama), if anything. */
export function lookupPort(port: number): HostMatch | undefined {
  return PORTS.get(port);
}

/** Every host glob (for the prefilter and tests). */
export function hostGlobs(): string[] {
  return RULES.map((r) => r.glob);
}
