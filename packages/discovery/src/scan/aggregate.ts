import { CONFIDENCES, type Ecosystem, type Evidence, FINDING_KINDS, type Finding, SCOPES, type Scope } from "@caio/core";
import { safeText } from "../text/redact.js";
import type { Hit } from "../types.js";

/** A pinned version (`1.2.3`, `v0.2.0-alpha.8`, `==1.2`) rather than a range. */
const EXACT_VERSION = /^(?:==)?v?\d+(?:\.[\w-]+)*(?:[-+][\w.-]+)?$/;

/** Most evidence entries kept per finding (the rest are counted in `occurrences`). */
export const MAX_EVIDENCE = 50;

interface Entry {
  hit: Hit;
  evidence: Evidence[];
  occurrences: number;
  ecosystems: Set<Ecosystem>;
  /** Strongest confidence seen (index into CONFIDENCES). */
  strength: number;
  version: string | null;
  /** Rank of the version's source: 1 exact manifest version, 2 range (lockfile versions replace both). */
  versionRank: number;
  /** Package behind the version (to pair with a lockfile entry). */
  versionPackage: string | null;
  /** Whether a manifest declared it (lockfile versions attach only then). */
  manifest: boolean;
  endpoint: string | null;
  /** Provider of the strongest, earliest hit that had one. */
  provider: string | null;
  providerStrength: number;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if ((a.column ?? 0) !== (b.column ?? 0)) return (a.column ?? 0) - (b.column ?? 0);
  if (a.signal !== b.signal) return a.signal < b.signal ? -1 : 1;
  return a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0;
}

/** Where one file's hits come from. */
export interface HitSource {
  file: string;
  scope: Scope;
  detector: string;
  ecosystem: Ecosystem;
}

/**
 * Aggregates hits into findings per (kind, id, scope): strongest confidence, evidence in file/line
 * order capped at {@link MAX_EVIDENCE} (memory stays bounded by the number of findings), full count
 * in `occurrences`. Lockfile hits only add versions to findings a manifest declared.
 */
export class FindingAggregator {
  private readonly entries = new Map<string, Entry>();
  private readonly lockVersions = new Map<string, { version: string; evidence: Evidence; package: string | null }[]>();

  /** Adds the hits of one file (deduplicated per file by kind, id, line, signal and detail). */
  addFile(hits: readonly Hit[], source: HitSource): void {
    const seen = new Set<string>();
    for (const hit of hits) {
      const scope = hit.scope ?? source.scope;
      const evidence: Evidence = {
        file: source.file,
        line: Math.max(1, hit.line),
        ...(hit.column === undefined ? {} : { column: Math.max(1, hit.column) }),
        detector: hit.detector ?? source.detector,
        signal: hit.signal,
        detail: hit.kind === "secret" ? "" : safeText(hit.detail),
      };
      const dedupe = `${hit.kind}\u0000${hit.id}\u0000${scope}\u0000${evidence.line}\u0000${hit.signal}\u0000${evidence.detail}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      if (hit.versionHint) {
        if (hit.version) {
          const key = `${hit.kind}\u0000${hit.id}`;
          const list = this.lockVersions.get(key) ?? [];
          if (list.length < MAX_EVIDENCE) list.push({ version: hit.version, evidence, package: hit.package ?? null });
          this.lockVersions.set(key, list);
        }
        continue;
      }
      this.add(hit, scope, evidence, source.ecosystem);
    }
  }

  private add(hit: Hit, scope: Scope, evidence: Evidence, ecosystem: Ecosystem): void {
    const key = `${hit.kind}\u0000${hit.id}\u0000${scope}`;
    const strength = CONFIDENCES.indexOf(hit.confidence);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        hit,
        evidence: [],
        occurrences: 0,
        ecosystems: new Set(),
        strength,
        version: null,
        versionRank: Number.POSITIVE_INFINITY,
        versionPackage: null,
        manifest: false,
        endpoint: null,
        provider: null,
        providerStrength: Number.POSITIVE_INFINITY,
      };
      this.entries.set(key, entry);
    }
    entry.occurrences++;
    entry.ecosystems.add(ecosystem);
    if (hit.signal === "manifest") entry.manifest = true;
    if (strength < entry.strength) {
      entry.strength = strength;
      entry.hit = hit;
    }
    if (hit.provider && strength < entry.providerStrength) {
      entry.provider = hit.provider;
      entry.providerStrength = strength;
    }
    if (hit.version) {
      const rank = EXACT_VERSION.test(hit.version) ? 1 : 2;
      if (rank < entry.versionRank) {
        entry.version = hit.version;
        entry.versionRank = rank;
        entry.versionPackage = hit.package ?? null;
      }
    }
    if (!entry.endpoint && hit.endpoint) entry.endpoint = hit.endpoint;
    entry.evidence.push(evidence);
    if (entry.evidence.length >= MAX_EVIDENCE * 2) {
      entry.evidence.sort(compareEvidence);
      entry.evidence.length = MAX_EVIDENCE;
    }
  }

  /** The findings, sorted by kind, scope and id. Call once, after the last file. */
  findings(): Finding[] {
    for (const [key, locks] of this.lockVersions) {
      for (const entry of this.entries.values()) {
        if (!entry.manifest || `${entry.hit.kind}\u0000${entry.hit.id}` !== key) continue;
        const lock = locks.find((l) => l.package !== null && l.package === entry.versionPackage) ?? locks[0];
        if (lock) {
          entry.version = lock.version;
          entry.versionRank = 0;
        }
        for (const lock of locks) entry.evidence.push(lock.evidence);
        entry.occurrences += locks.length;
      }
    }
    this.lockVersions.clear();
    const out: Finding[] = [];
    for (const [key, entry] of this.entries) {
      const scope = key.slice(key.lastIndexOf("\u0000") + 1) as Scope;
      entry.evidence.sort(compareEvidence);
      const { hit } = entry;
      out.push({
        kind: hit.kind,
        id: hit.id,
        name: hit.name,
        provider: hit.kind === "provider" ? hit.id : entry.provider,
        ecosystem: entry.ecosystems.size === 1 ? ([...entry.ecosystems][0] ?? null) : null,
        version: entry.version,
        endpoint: entry.endpoint,
        confidence: CONFIDENCES[entry.strength] ?? hit.confidence,
        scope,
        secret: hit.secret ?? null,
        evidence: entry.evidence.slice(0, MAX_EVIDENCE),
        occurrences: entry.occurrences,
      });
    }
    return out.sort(
      (a, b) =>
        FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
        SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }
}
