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
  /** Registry packages behind an sdk, vector-store or service finding (from manifests, lockfiles and imports), for purls. */
  packages: z
    .array(z.object({ ecosystem: EcosystemSchema, name: z.string().min(1), version: z.string().nullable() }))
    .max(50)
    .optional(),
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

/** A scan upload: what `caio scan` sends to the server (bounded so one request stays reasonable). */
export const ScanUploadSchema = ScanResultSchema.extend({
  repositories: z
    .array(
      RepositoryScanSchema.extend({
        name: z.string().min(1).max(200),
        findings: z.array(FindingSchema).max(20_000, "at most 20000 findings per repository"),
      }),
    )
    .min(1, "at least one repository")
    .max(200, "at most 200 repositories per upload"),
}).strict();
export type ScanUpload = z.infer<typeof ScanUploadSchema>;

export const FINDING_STATUSES = ["open", "gone"] as const;

/** A finding as stored for an organization, with what the inventory knows about it. */
export const StoredFindingSchema = FindingSchema.extend({
  findingId: z.uuid(),
  repository: z.string(),
  status: z.enum(FINDING_STATUSES),
  /** The inventory component it matches, if any. */
  componentId: z.uuid().nullable(),
  componentName: z.string().nullable(),
  /** Names of the registered systems that use the matching component. Empty = not registered. */
  systems: z.array(z.string()),
  /** Runtime AI found in code that no registered system accounts for. */
  shadow: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type StoredFinding = z.infer<typeof StoredFindingSchema>;

export const FindingListQuerySchema = z
  .object({
    repository: z.string().max(200).optional(),
    kind: FindingKindSchema.optional(),
    scope: ScopeSchema.optional(),
    status: z.enum(FINDING_STATUSES).default("open"),
    shadow: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type FindingListQuery = z.infer<typeof FindingListQuerySchema>;

export const RepositorySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lastScanAt: z.string().nullable(),
  filesScanned: z.number().int(),
  openFindings: z.number().int(),
  runtimeFindings: z.number().int(),
  shadowFindings: z.number().int(),
  secrets: z.number().int(),
});
export type RepositorySummary = z.infer<typeof RepositorySummarySchema>;

export const ScanStoredSchema = z.object({
  repositories: z.array(
    z.object({ name: z.string(), scanId: z.uuid(), findings: z.number().int(), new: z.number().int(), gone: z.number().int(), shadow: z.number().int() }),
  ),
});
export type ScanStored = z.infer<typeof ScanStoredSchema>;

/** What an inventory component looks like to the matcher. */
export interface MatchableComponent {
  id: string;
  name: string;
  kind: string;
  provider: string;
  identifier: string;
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^(models\/|openai\/|anthropic\.|meta\.|amazon\.|mistral\.|cohere\.)/, "");

/** Model ids match with or without a dated snapshot suffix ("gpt-4o" ~ "gpt-4o-2024-08-06", "claude-haiku-4-5" ~ "anthropic.claude-haiku-4-5"). */
function sameModel(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  const dated = /-(\d{4}-?\d{2}-?\d{2}|\d{8}|v\d+(:\d+)?|latest)$/;
  return x === y || x.replace(dated, "") === y.replace(dated, "");
}

/**
 * Finds the inventory component a discovery finding corresponds to. Deliberately conservative:
 * an unmatched finding is shown as shadow AI for a person to resolve, never silently hidden.
 */
export function matchComponent(f: Pick<Finding, "kind" | "id" | "provider">, components: readonly MatchableComponent[]): MatchableComponent | null {
  const id = norm(f.id);
  const by = (pred: (c: MatchableComponent) => boolean) => components.find(pred) ?? null;
  switch (f.kind) {
    case "model": {
      // The same model id can be bought from several providers (OpenAI and Azure OpenAI): prefer the finding's provider.
      const models = components.filter((c) => c.kind === "model" && (sameModel(c.identifier, f.id) || sameModel(c.name, f.id)));
      return models.find((c) => !!f.provider && norm(c.provider) === norm(f.provider)) ?? models[0] ?? null;
    }
    case "sdk":
      return (
        by((c) => c.kind === "sdk" && (norm(c.identifier) === id || norm(c.provider) === id)) ??
        by((c) => c.kind === "sdk" && !!f.provider && norm(c.provider) === norm(f.provider))
      );
    case "provider":
      return by((c) => norm(c.provider) === id && ["model", "vendor-service", "gateway", "sdk"].includes(c.kind));
    case "service":
      return by((c) => ["vendor-service", "gateway"].includes(c.kind) && (norm(c.identifier) === id || norm(c.provider) === id));
    case "vector-store":
      return by((c) => c.kind === "vector-store" && (norm(c.identifier) === id || norm(c.provider) === id || norm(c.name).includes(id)));
    case "mcp-server":
      return by((c) => c.kind === "mcp-server" && (norm(c.identifier) === id || norm(c.name) === id));
    case "dataset":
      return by((c) => c.kind === "dataset" && norm(c.identifier) === id);
    default:
      return null;
  }
}

/** Kinds that count as AI a company runs (secrets and dev tools are reported separately). */
export const SHADOW_KINDS: readonly FindingKind[] = ["sdk", "provider", "model", "service", "vector-store", "dataset", "mcp-server"];
