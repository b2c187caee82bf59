// CI gate policy (caio-policy.yaml): which providers and models are allowed; secrets are forbidden.
import { type FieldIssue, type FindingKind, SCOPES, type ScanResult, type Scope, ValidationError } from "@caio/core";
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { z } from "zod";

/** SARIF rule ids of policy violations. */
export const POLICY_RULES = {
  provider: "caio/policy/provider-not-allowed",
  model: "caio/policy/model-not-allowed",
  secret: "caio/policy/secret",
} as const;
export type PolicyRuleId = (typeof POLICY_RULES)[keyof typeof POLICY_RULES];

const Pattern = z.string({ error: "must be a name or glob pattern (a string)" }).trim().min(1, { error: "must not be empty" });
const Patterns = z.array(Pattern, { error: "must be a list of names or glob patterns" });

/**
 * The policy file. Unknown fields are errors: a misspelt `provider:` must not silently allow
 * every provider. Globs use `*` (any run of characters) and `?` (one character) and ignore case.
 */
export const PolicySchema = z.strictObject(
  {
    version: z.literal(1, { error: "must be 1" }),
    /** Allowed providers (ids such as `openai`, or globs); omit the key to allow any provider. */
    providers: z.strictObject({ allow: Patterns }, { error: "must be a mapping with an `allow` list" }).optional(),
    /** Allowed and denied models (globs); `deny` wins over `allow`; omit `allow` to allow any model. */
    models: z
      .strictObject({ allow: Patterns.optional(), deny: Patterns.optional() }, { error: "must be a mapping with `allow` and/or `deny` lists" })
      .optional(),
    /** `forbid` (default): every secret finding is a violation, in every scope. */
    secrets: z.enum(["forbid", "allow"], { error: "must be forbid or allow" }).default("forbid"),
    /** Scopes whose provider and model findings are checked; default runtime only. */
    scopes: z
      .array(z.enum(SCOPES, { error: `must be one of ${SCOPES.join(", ")}` }), { error: `must be a list of scopes (${SCOPES.join(", ")})` })
      .min(1, { error: "must name at least one scope" })
      .default(["runtime"]),
  },
  { error: "the policy must be a YAML mapping (version: 1, providers, models, secrets, scopes)" },
);
export type Policy = z.output<typeof PolicySchema>;

/** One finding the policy does not allow. */
export interface PolicyViolation {
  ruleId: PolicyRuleId;
  repository: string;
  kind: FindingKind;
  findingId: string;
  scope: Scope;
  /** First place the finding was seen; null when the finding carries no evidence. */
  location: { file: string; line: number } | null;
  /** Plain words, without key material. */
  message: string;
}

/** The error {@link parsePolicy} throws: names the file, line, column, field and reason. */
export class PolicyError extends ValidationError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the failing field, e.g. `models.allow.1`; empty for YAML syntax errors and the document itself. */
  readonly field: string;
  constructor(file: string, line: number, column: number, field: string, reason: string, issues: FieldIssue[] = [], cause?: unknown) {
    super(`${file}:${line}:${column}: ${field ? `${field}: ` : ""}${reason}`, issues.length ? issues : [{ path: field, message: reason }], cause);
    this.name = "PolicyError";
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
  }
}

type Doc = ReturnType<typeof parseDocument>;
type Pos = { line: number; col: number };

/** Line and column of the node at `path`, else of its nearest existing ancestor; for a key name, the key itself. */
function positionOf(doc: Doc, lc: LineCounter, path: readonly (string | number)[], key?: string): Pos {
  if (key !== undefined) {
    const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isNode(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]);
    }
  }
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]);
    if (p.length === 0) return { line: 1, col: 1 };
  }
}

/** The fields the schema knows at an object path, for "unknown field" messages. */
function allowedKeys(path: readonly (string | number)[]): string[] {
  const nested: Record<string, string[]> = {
    providers: Object.keys(PolicySchema.shape.providers.unwrap().shape),
    models: Object.keys(PolicySchema.shape.models.unwrap().shape),
  };
  return path.length === 0 ? Object.keys(PolicySchema.shape) : (nested[String(path[0])] ?? []);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Parses YAML into plain data; any YAML problem becomes a {@link PolicyError} at its position. */
function readYaml(text: string, fileName: string, lc: LineCounter): { doc: Doc; data: unknown } {
  try {
    const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
      const reason = (err.message.split("\n")[0] ?? err.code).replace(/ at line \d+, column \d+:?$/, "");
      throw new PolicyError(fileName, pos.line, pos.col, "", `invalid YAML: ${reason}`, [], err);
    }
    visit(doc, {
      Pair(_key, pair) {
        if (isNode(pair.key) && !isScalar(pair.key)) {
          const pos = pair.key.range ? lc.linePos(pair.key.range[0]) : { line: 1, col: 1 };
          throw new PolicyError(fileName, pos.line, pos.col, "", "invalid YAML: keys must be plain names, not lists or mappings");
        }
      },
    });
    return { doc, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    if (e instanceof PolicyError) throw e;
    throw new PolicyError(fileName, 1, 1, "", `invalid YAML: ${e instanceof Error ? e.message : String(e)}`, [], e);
  }
}

/** One {@link PolicyError} for all schema problems: the first one in the message, all in `issues`. */
function schemaError(fileName: string, doc: Doc, lc: LineCounter, data: unknown, error: z.ZodError): PolicyError {
  const issues = error.issues.map((i) => {
    const path = i.path.filter((k): k is string | number => typeof k !== "symbol");
    const unknownKeys = i.code === "unrecognized_keys" ? i.keys : [];
    const unknownKey = unknownKeys[0];
    const field = [...path, ...(unknownKey !== undefined ? [unknownKey] : [])].join(".");
    const reason =
      unknownKey !== undefined
        ? `unknown field${unknownKeys.length > 1 ? `s ${unknownKeys.join(", ")}` : ""} (allowed here: ${allowedKeys(path).join(", ")})`
        : path.length > 0 && valueAt(data, path) === undefined
          ? "is required"
          : i.message;
    return { pos: positionOf(doc, lc, path, unknownKey), field, reason };
  });
  const first = issues[0] ?? { pos: { line: 1, col: 1 }, field: "", reason: "invalid policy" };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  const all = issues.map((i) => ({ path: i.field, message: `line ${i.pos.line}: ${i.reason}` }));
  return new PolicyError(fileName, first.pos.line, first.pos.col, first.field, first.reason + more, all, error);
}

/**
 * Parses and validates a policy file. Throws {@link PolicyError} (and nothing else) for invalid
 * YAML or a policy that does not fit {@link PolicySchema}; its message reads
 * `caio-policy.yaml:4:5: models.allow.1: must not be empty`.
 */
export function parsePolicy(text: string, fileName: string): Policy {
  const lc = new LineCounter();
  const { doc, data } = readYaml(text, fileName, lc);
  const parsed = PolicySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw schemaError(fileName, doc, lc, data, parsed.error);
}

/** Whether `value` matches the glob `pattern` (`*`, `?`; case-insensitive, whole string). */
export function globMatch(pattern: string, value: string): boolean {
  const source = Array.from(pattern.replace(/\*+/g, "*"), (ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")));
  return new RegExp(`^${source.join("")}$`, "isu").test(value);
}

function matchesAny(patterns: readonly string[], value: string): string | undefined {
  return patterns.find((p) => globMatch(p, value));
}

/** The provider a finding stands for or talks to, for the provider allow-list. */
function providerOf(kind: FindingKind, id: string, provider: string | null): string | null {
  if (kind === "provider") return id;
  return kind === "model" || kind === "sdk" ? provider : null;
}

/**
 * Checks a scan result against a policy. Provider rules look at provider findings and at the
 * `provider` of model and SDK findings; model rules at model ids (`deny` wins over `allow`);
 * both only in the policy's `scopes`. Secret findings are violations in every scope unless
 * `secrets: allow`: a committed key is leaked wherever it sits. Violations keep scan order.
 */
export function evaluatePolicy(result: ScanResult, policy: Policy): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  for (const repo of result.repositories) {
    for (const f of repo.findings) {
      const e = f.evidence[0];
      const location = e ? { file: e.file, line: e.line } : null;
      const where = location ? ` in ${location.file}:${location.line}` : "";
      const found = location ? `; found${where}` : "";
      const base = { repository: repo.name, kind: f.kind, findingId: f.id, scope: f.scope, location };
      if (f.kind === "secret") {
        if (policy.secrets === "forbid") {
          const what = f.secret ? `${f.secret.provider} ${f.secret.keyKind}` : `${f.provider ?? "provider"} key`;
          const fp = f.secret ? ` (fingerprint ${f.secret.fingerprint.slice(0, 8)}…)` : "";
          const message = `Hard-coded secret: ${what}${where}${fp}. The policy forbids secrets: revoke the key and load it from the environment or a secret store.`;
          out.push({ ruleId: POLICY_RULES.secret, ...base, message });
        }
        continue;
      }
      if (!policy.scopes.includes(f.scope)) continue;
      const provider = providerOf(f.kind, f.id, f.provider);
      const allowedProviders = policy.providers?.allow;
      if (provider && allowedProviders && !matchesAny(allowedProviders, provider)) {
        const list = allowedProviders.length ? allowedProviders.join(", ") : "none";
        const as = f.kind === "provider" ? "" : ` (via ${f.kind} ${f.id})`;
        const message = `Provider ${provider}${as} is not allowed by the policy (allowed: ${list})${found}.`;
        out.push({ ruleId: POLICY_RULES.provider, ...base, message });
      }
      if (f.kind === "model" && policy.models) {
        const denied = matchesAny(policy.models.deny ?? [], f.id);
        const allow = policy.models.allow;
        if (denied !== undefined) {
          out.push({ ruleId: POLICY_RULES.model, ...base, message: `Model ${f.id} is denied by the policy pattern "${denied}"${found}.` });
        } else if (allow && !matchesAny(allow, f.id)) {
          const list = allow.length ? allow.join(", ") : "none";
          out.push({ ruleId: POLICY_RULES.model, ...base, message: `Model ${f.id} is not allowed by the policy (allowed: ${list})${found}.` });
        }
      }
    }
  }
  return out;
}
