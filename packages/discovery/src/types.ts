import type { Confidence, Ecosystem, FindingKind, Scope, SecretInfo } from "@caio/core";

/** The kinds of signal evidence can come from (Evidence.signal). */
export type Signal =
  | "manifest"
  | "lockfile"
  | "import"
  | "call"
  | "model-literal"
  | "endpoint"
  | "env-var"
  | "config"
  | "infra"
  | "dev-tool-file"
  | "secret"
  | "prose";

/** A file handed to a detector. */
export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  text: string;
  scope: Scope;
}

/** One raw detection in one file, before aggregation into findings. */
export interface Hit {
  kind: FindingKind;
  id: string;
  name: string;
  /** For a model its vendor; for an SDK the provider it talks to; for a provider its own id. */
  provider: string | null;
  confidence: Confidence;
  signal: Signal;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
  /** Built from matched tokens only, never the raw line; empty for secrets. */
  detail: string;
  version?: string | null;
  endpoint?: string | null;
  secret?: SecretInfo;
  /** Overrides the file's scope (prose is always docs; dev-tool files ignore the docs extension rule). */
  scope?: Scope;
  /** Sub-detector, e.g. "config:terraform"; defaults to the detector's id. */
  detector?: string;
  /** Lockfile entries: only add a version to a finding a manifest declared; never a finding on their own. */
  versionHint?: boolean;
  /** The package a manifest or lockfile hit is about (to pair lockfile versions with manifest entries). */
  package?: string;
}

/** Services a detector may use while detecting. */
export interface DetectContext {
  /** Keyed fingerprint of a secret (HMAC-SHA256, hex, 32 chars). Call it on the match and drop the match. */
  fingerprint(secret: string): string;
}

/** One detector per ecosystem (or signal family), all behind this interface and one conformance suite. */
export interface Detector {
  /** Stable id, used as Evidence.detector unless a hit names a sub-detector. */
  readonly id: string;
  readonly ecosystem: Ecosystem;
  /** Whether the detector reads this repository-relative path. */
  matches(path: string): boolean;
  /**
   * Whether the file must be read by this detector even when it contains no prefilter literal
   * (manifests, MCP configs, coding-assistant files). Defaults to false.
   */
  bypassesPrefilter?(path: string): boolean;
  /** Never throws on any text; returns hits with 1-based lines inside the file. */
  detect(file: SourceFile, context: DetectContext): Hit[];
}
