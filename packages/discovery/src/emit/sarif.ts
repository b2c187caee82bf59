// SARIF 2.1.0 for GitHub code scanning: inventory findings as notes, policy violations as errors.
import { createHash } from "node:crypto";
import { FINDING_KINDS, type Finding, type FindingKind, type ScanResult } from "@caio/core";
import { POLICY_RULES, type PolicyViolation } from "../policy.js";
import { CONFIDENCE_SCORE, shortFingerprint, sortedFindings } from "./common.js";

/** Options for {@link toSarif}. */
export interface SarifOptions {
  /** Violations from `evaluatePolicy`; each becomes an `error` result. */
  policyViolations?: PolicyViolation[];
  /** `tool.driver.informationUri`; default {@link CAIO_INFORMATION_URI}. */
  informationUri?: string;
}

type Json = Record<string, unknown>;
type Level = "note" | "warning" | "error";

/** Where the SARIF log points people for more about caio (placeholder until the project has its public home). */
export const CAIO_INFORMATION_URI = "https://github.com/caio-ai/caio";
const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const FINGERPRINT_KEY = "caioFindingHash/v1";

interface RuleSpec {
  id: string;
  name: string;
  short: string;
  full: string;
  level: Level;
  tags: string[];
  securitySeverity?: string;
}

const KIND_WORDS: Record<FindingKind, [name: string, noun: string, short: string]> = {
  sdk: ["AiSdk", "AI SDK", "AI SDK dependency or import"],
  provider: ["AiProvider", "AI provider API", "AI provider API"],
  model: ["AiModel", "AI model", "AI model"],
  service: ["AiService", "Service", "AI-related service"],
  "vector-store": ["VectorStore", "Vector store", "Vector store"],
  dataset: ["Dataset", "Dataset", "Dataset"],
  "mcp-server": ["McpServer", "MCP server", "MCP server"],
  "dev-tool": ["AiDevTool", "AI coding assistant", "AI coding-assistant configuration"],
  secret: ["AiSecret", "Secret", "AI provider key in the repository"],
};

/** Every rule the log can reference, in a fixed order (so `ruleIndex` is stable). */
export const SARIF_RULES: readonly RuleSpec[] = [
  ...FINDING_KINDS.map(
    (kind): RuleSpec => ({
      id: `caio/ai-usage/${kind}`,
      name: KIND_WORDS[kind][0],
      short: KIND_WORDS[kind][2],
      full:
        kind === "secret"
          ? "A key-shaped secret for an AI provider is committed. caio records the provider, key kind, location and a keyed fingerprint, never the key."
          : `Inventory: ${KIND_WORDS[kind][2].toLowerCase()} found by caio's repository scan. Informational; it becomes a policy error only when the CI policy disallows it.`,
      level: kind === "secret" ? "warning" : "note",
      tags: kind === "secret" ? ["ai", "inventory", "security", "secret"] : ["ai", "inventory"],
      ...(kind === "secret" ? { securitySeverity: "7.5" } : {}),
    }),
  ),
  {
    id: POLICY_RULES.provider,
    name: "ProviderNotAllowed",
    short: "AI provider not allowed by policy",
    full: "The repository uses an AI provider that the caio policy's providers.allow list does not name.",
    level: "error",
    tags: ["ai", "policy"],
  },
  {
    id: POLICY_RULES.model,
    name: "ModelNotAllowed",
    short: "AI model not allowed by policy",
    full: "The repository uses an AI model that the caio policy denies, or that its models.allow list does not match.",
    level: "error",
    tags: ["ai", "policy"],
  },
  {
    id: POLICY_RULES.secret,
    name: "SecretForbidden",
    short: "AI provider key committed",
    full: "A key-shaped secret for an AI provider is committed and the caio policy forbids secrets. Revoke the key and load it from the environment.",
    level: "error",
    tags: ["ai", "policy", "security", "secret"],
    securitySeverity: "8.0",
  },
];

const RULE_INDEX = new Map(SARIF_RULES.map((r, i) => [r.id, i]));

function ruleJson(r: RuleSpec): Json {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: r.full },
    defaultConfiguration: { level: r.level },
    properties: { tags: r.tags, ...(r.securitySeverity ? { "security-severity": r.securitySeverity } : {}) },
  };
}

function hash(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

/** Relative path as a URI reference: each segment percent-encoded, slashes kept. */
function fileUri(file: string): string {
  return file.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/");
}

function physical(file: string, line: number, uriBaseId: string, column?: number): Json {
  return {
    artifactLocation: { uri: fileUri(file), uriBaseId },
    region: { startLine: Math.max(1, line), ...(column ? { startColumn: column } : {}) },
  };
}

const CONFIDENCE_WORDS = { declared: "is declared", used: "is used", referenced: "is referenced", mentioned: "is mentioned" } as const;

function findingMessage(f: Finding, repository: string): string {
  const count = f.occurrences > 1 ? `; seen ${f.occurrences} times` : "";
  if (f.kind === "secret") {
    const what = f.secret ? `${f.secret.provider} ${f.secret.keyKind}` : `${f.provider ?? "AI provider"} key`;
    const fp = f.secret ? `, fingerprint ${shortFingerprint(f.secret.fingerprint, 8)}` : "";
    return `Hard-coded secret committed here: ${what}${fp}. caio does not record the key itself. Found in ${f.scope} code of ${repository}${count}.`;
  }
  const name = f.name && f.name !== f.id ? `"${f.name}" (${f.id})` : `"${f.id}"`;
  const facts = [f.provider && `provider ${f.provider}`, f.version && `version ${f.version}`, f.endpoint && `endpoint ${f.endpoint}`].filter(Boolean);
  const details = facts.length > 0 ? `; ${facts.join(", ")}` : "";
  return `${KIND_WORDS[f.kind][1]} ${name} ${CONFIDENCE_WORDS[f.confidence]} in ${f.scope} code of ${repository}${details}${count}.`;
}

function findingResult(f: Finding, repository: string, uriBaseId: string): Json {
  const ruleId = `caio/ai-usage/${f.kind}`;
  const [first, ...rest] = f.evidence;
  const result: Json = {
    ruleId,
    ruleIndex: RULE_INDEX.get(ruleId) ?? 0,
    level: f.kind === "secret" ? "warning" : "note",
    message: { text: findingMessage(f, repository) },
    partialFingerprints: { [FINGERPRINT_KEY]: hash(repository, f.kind, f.id, f.scope, f.ecosystem ?? "") },
    properties: {
      repository,
      kind: f.kind,
      id: f.kind === "secret" ? "secret" : f.id,
      confidence: f.confidence,
      score: CONFIDENCE_SCORE[f.confidence],
      scope: f.scope,
    },
  };
  if (first) result.locations = [{ physicalLocation: physical(first.file, first.line, uriBaseId, first.column) }];
  if (rest.length > 0) {
    result.relatedLocations = rest.map((e, i) => ({
      id: i + 1,
      physicalLocation: physical(e.file, e.line, uriBaseId, e.column),
      message: { text: "Also seen here." },
    }));
  }
  return result;
}

function violationResult(v: PolicyViolation, uriBaseId: string): Json {
  const result: Json = {
    ruleId: v.ruleId,
    ruleIndex: RULE_INDEX.get(v.ruleId) ?? 0,
    level: "error",
    message: { text: v.message },
    partialFingerprints: { [FINGERPRINT_KEY]: hash(v.ruleId, v.repository, v.kind, v.findingId, v.scope) },
    properties: { repository: v.repository, kind: v.kind, scope: v.scope },
  };
  if (v.location) result.locations = [{ physicalLocation: physical(v.location.file, v.location.line, uriBaseId) }];
  return result;
}

function isoOrNull(text: string): string | null {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Renders a scan result (and optional policy violations) as a SARIF 2.1.0 log with one run:
 * tool `caio` with a fixed rule set (`caio/ai-usage/<kind>` notes, a warning for committed
 * secrets, `caio/policy/*` errors), one result per finding at its first location (others as
 * `relatedLocations`), paths relative to a `uriBaseId` per repository (`%SRCROOT%` when there is
 * one repository), and a `partialFingerprints` hash per finding that does not move with line
 * numbers. Secret results name provider, key kind and a fingerprint prefix, never key material.
 */
export function toSarif(result: ScanResult, opts: SarifOptions = {}): Json {
  const single = result.repositories.length === 1;
  const baseIds = new Map<string, string>();
  const originalUriBaseIds: Json = {};
  result.repositories.forEach((repo, i) => {
    if (baseIds.has(repo.name)) return;
    const id = single ? "%SRCROOT%" : `REPO${i + 1}`;
    baseIds.set(repo.name, id);
    originalUriBaseIds[id] = { description: { text: `Root of repository ${repo.name}` } };
  });
  const baseOf = (repository: string): string => baseIds.get(repository) ?? "%SRCROOT%";
  if ((opts.policyViolations ?? []).some((v) => !baseIds.has(v.repository)) && !("%SRCROOT%" in originalUriBaseIds)) {
    originalUriBaseIds["%SRCROOT%"] = { description: { text: "Root of the scanned tree" } };
  }
  const results: Json[] = [];
  for (const repo of result.repositories) {
    for (const f of sortedFindings(repo.findings)) results.push(findingResult(f, repo.name, baseOf(repo.name)));
  }
  for (const v of opts.policyViolations ?? []) results.push(violationResult(v, baseOf(v.repository)));
  const start = isoOrNull(result.startedAt);
  const end = isoOrNull(result.finishedAt);
  const errors = (opts.policyViolations ?? []).length;
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "caio",
            version: result.tool.version,
            ...(/^\d+\.\d+\.\d+/.test(result.tool.version) ? { semanticVersion: result.tool.version } : {}),
            informationUri: opts.informationUri ?? CAIO_INFORMATION_URI,
            rules: SARIF_RULES.map(ruleJson),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(start ? { startTimeUtc: start } : {}),
            ...(end ? { endTimeUtc: end } : {}),
            properties: { policyViolations: errors },
          },
        ],
        originalUriBaseIds,
        results,
      },
    ],
  };
}
