import { z } from "zod";

/** What a scanner finding is about. */
export const FINDING_KINDS = ["sdk", "provider", "model", "service", "vector-store", "dataset", "mcp-server", "dev-tool", "secret"] as const;
export const FindingKindSchema = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKindSchema>;

/**
 * How strong the evidence is, strongest first: declared (a manifest or lockfile dependency, a
 * deployment in infrastructure code), used (an import resolved to a call or client construction),
 * referenced (a model id, endpoint or env var in code), mentioned (prose, comments).
 */
export const CONFIDENCES = ["declared", "used", "referenced", "mentioned"] as const;
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** Where in the repository the evidence sits. Only `runtime` counts as AI the company runs. */
export const SCOPES = ["runtime", "test", "docs", "example"] as const;
export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

export const ECOSYSTEMS = ["python", "javascript", "go", "java", "csharp", "ruby", "config", "generic"] as const;
export const EcosystemSchema = z.enum(ECOSYSTEMS);
export type Ecosystem = z.infer<typeof EcosystemSchema>;

/**
 * One place a finding was seen. Never a raw source line: `detail` is built by the detector from
 * the matched tokens only (for example `import openai` or `model="gpt-4o"`), and is empty for secrets.
 */
export const EvidenceSchema = z.object({
  /** Path relative to the repository root, with forward slashes. */
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1).optional(),
  /** The detector that produced it, e.g. "python", "javascript", "config:docker-compose", "secrets". */
  detector: z.string(),
  /** The kind of signal: manifest, lockfile, import, call, model-literal, endpoint, env-var, config, infra, dev-tool-file, secret, prose. */
  signal: z.string(),
  detail: z.string().max(300),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const SecretInfoSchema = z.object({
  /** Provider the key belongs to, e.g. "openai". */
  provider: z.string(),
  /** e.g. "project-key", "admin-key", "api-key". */
  keyKind: z.string(),
  /** HMAC-SHA256 of the key under the installation's secret, hex, first 32 characters. Never the key. */
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
});
export type SecretInfo = z.infer<typeof SecretInfoSchema>;

/** One aggregated finding: everything seen of (kind, id, scope) in one repository. */
export const FindingSchema = z.object({
  kind: FindingKindSchema,
  /** Canonical id: "openai" (sdk/provider), "gpt-4o" (model), "pinecone" (vector-store), "secret:openai:<fingerprint>". */
  id: z.string().min(1),
  /** Human name, e.g. "OpenAI Python SDK", "GPT-4o". */
  name: z.string(),
  /** The provider behind it when known: for a model its vendor, for an SDK pointed at another host that host's provider. */
  provider: z.string().nullable(),
  ecosystem: EcosystemSchema.nullable(),
  /** Package version from a manifest or lockfile, when declared. */
  version: z.string().nullable(),
  /** Endpoint URL for provider and service findings. */
  endpoint: z.string().nullable(),
  confidence: ConfidenceSchema,
  scope: ScopeSchema,
  secret: SecretInfoSchema.nullable(),
  /** Every occurrence, in file then line order (capped at 50; `occurrences` holds the full count). */
  evidence: z.array(EvidenceSchema),
  occurrences: z.number().int().min(1),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RepositoryScanSchema = z.object({
  /** Repository name: the git remote's last path segment when known, else the directory name. */
  name: z.string(),
  filesScanned: z.number().int(),
  bytesScanned: z.number().int(),
  filesSkipped: z.number().int(),
  findings: z.array(FindingSchema),
});
export type RepositoryScan = z.infer<typeof RepositoryScanSchema>;

export const ScanResultSchema = z.object({
  tool: z.object({ name: z.literal("caio"), version: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  repositories: z.array(RepositoryScanSchema),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;
