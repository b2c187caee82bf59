// CycloneDX 1.6 AI-BOM. Built with @cyclonedx/cyclonedx-library, then completed with the fields
// the library cannot express yet (evidence identity/occurrences, service endpoints and trust
// boundary, component manufacturer and data), as ../shared/reference/discovery.md §1.2 describes.
import { randomUUID } from "node:crypto";
import type { Finding, RepositoryScan, ScanResult } from "@caio/core";
import { Enums, Models, Serialize, Spec } from "@cyclonedx/cyclonedx-library";
import { CONFIDENCE_SCORE, isLocalEndpoint, sortedFindings } from "./common.js";
import { modelPurl, packagesOf, purlOf } from "./purl.js";

/** Options for {@link toCycloneDx}. */
export interface CycloneDxOptions {
  /** `urn:uuid:…`; default a random UUID. */
  serialNumber?: string;
  /** `metadata.timestamp`; default the scan's `finishedAt`, else now. */
  timestamp?: Date;
}

type Json = Record<string, unknown>;
type Node = Models.Component | Models.Service;

/** Where caio's own facts live in `properties` (CycloneDX reserves `cdx:` for the official taxonomy). */
export const CYCLONEDX_PROPERTY_PREFIX = "caio:";

const SIGNALS_FROM_MANIFESTS = new Set(["manifest", "lockfile"]);
const MAX_LOCATION_PROPERTIES = 50;

/** Builds one BOM; `patches` holds, per bom-ref, the JSON fields added after serialization. */
class BomBuilder {
  readonly bom: Models.Bom;
  readonly patches = new Map<string, Json>();
  readonly #refs = new Set<string>();

  constructor(result: ScanResult, opts: CycloneDxOptions) {
    this.bom = new Models.Bom({ serialNumber: opts.serialNumber ?? `urn:uuid:${randomUUID()}` });
    const finished = new Date(result.finishedAt);
    this.bom.metadata.timestamp = opts.timestamp ?? (Number.isNaN(finished.getTime()) ? new Date() : finished);
    this.bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, result.tool.name, { version: result.tool.version }));
  }

  /** A bom-ref unique in this BOM, readable, built from encoded parts. */
  ref(...parts: string[]): string {
    const base = `caio:${parts.map((p) => encodeURIComponent(p)).join(":")}`;
    let ref = base;
    for (let n = 2; this.#refs.has(ref); n++) ref = `${base}~${n}`;
    this.#refs.add(ref);
    return ref;
  }

  patch(node: Node, fields: Json): void {
    this.patches.set(node.bomRef.value ?? "", { ...this.patches.get(node.bomRef.value ?? ""), ...fields });
  }
}

function prop(node: Node, name: string, value: string | number | null | undefined): void {
  if (value === null || value === undefined || value === "") return;
  node.properties.add(new Models.Property(`${CYCLONEDX_PROPERTY_PREFIX}${name}`, String(value)));
}

function commonProperties(node: Node, f: Finding, repo: RepositoryScan): void {
  prop(node, "kind", f.kind);
  prop(node, "id", f.id);
  prop(node, "confidence", f.confidence);
  prop(node, "scope", f.scope);
  prop(node, "repository", repo.name);
  prop(node, "occurrences", f.occurrences);
  prop(node, "provider", f.provider);
  prop(node, "ecosystem", f.ecosystem);
}

/** `evidence.identity` and `evidence.occurrences` (file, line and the detector's matched tokens). */
function evidenceOf(f: Finding): Json {
  const confidence = CONFIDENCE_SCORE[f.confidence];
  const techniques = new Set<string>();
  for (const e of f.evidence) techniques.add(SIGNALS_FROM_MANIFESTS.has(e.signal) ? "manifest-analysis" : "source-code-analysis");
  if (techniques.size === 0) techniques.add(f.confidence === "declared" ? "manifest-analysis" : "source-code-analysis");
  const evidence: Json = {
    identity: [{ field: "name", confidence, methods: [...techniques].sort().map((technique) => ({ technique, confidence })) }],
  };
  if (f.evidence.length > 0) {
    evidence.occurrences = f.evidence.map((e) => ({ location: e.file, line: e.line, ...(e.detail ? { additionalContext: e.detail } : {}) }));
  }
  return evidence;
}

const COMPONENT_TYPES: Record<string, Enums.ComponentType> = {
  sdk: Enums.ComponentType.Library,
  model: Enums.ComponentType.MachineLearningModel,
  dataset: Enums.ComponentType.Data,
  "vector-store": Enums.ComponentType.Application,
  "mcp-server": Enums.ComponentType.Application,
  "dev-tool": Enums.ComponentType.Application,
};

/**
 * The registry packages behind a finding: an SDK backed by one package gets its purl and version;
 * otherwise each package becomes a nested `library` component with its own purl.
 */
function addPackages(b: BomBuilder, c: Models.Component, f: Finding, repo: RepositoryScan): void {
  const pkgs = packagesOf(f);
  const [only] = pkgs;
  if (f.kind === "sdk" && pkgs.length === 1 && only) {
    c.version = only.version ?? f.version ?? undefined;
    c.purl = purlOf(only) ?? undefined;
    return;
  }
  for (const pkg of pkgs) {
    const lib = new Models.Component(Enums.ComponentType.Library, pkg.name, {
      bomRef: b.ref(repo.name, f.kind, f.id, f.scope, pkg.ecosystem, pkg.name),
      version: pkg.version ?? undefined,
      purl: purlOf(pkg) ?? undefined,
      scope: c.scope,
    });
    prop(lib, "ecosystem", pkg.ecosystem);
    c.components.add(lib);
  }
}

function componentFor(b: BomBuilder, f: Finding, repo: RepositoryScan): Models.Component {
  const type = COMPONENT_TYPES[f.kind] ?? Enums.ComponentType.Application;
  const c = new Models.Component(type, f.name || f.id, {
    bomRef: b.ref(repo.name, f.kind, f.id, f.scope),
    // `excluded`: "usage for test and other non-runtime purposes"; coding assistants never run in production.
    scope: f.scope === "runtime" && f.kind !== "dev-tool" ? Enums.ComponentScope.Required : Enums.ComponentScope.Excluded,
    version: f.version ?? undefined,
  });
  commonProperties(c, f, repo);
  const fields: Json = { evidence: evidenceOf(f) };
  if (f.kind === "model") {
    c.version = undefined;
    c.purl = modelPurl(f) ?? undefined;
    if (f.provider) {
      c.publisher = f.provider;
      fields.manufacturer = { name: f.provider };
    }
  } else if (f.kind === "dataset") {
    fields.data = [{ type: "dataset", name: f.id }];
  } else {
    if (f.kind !== "sdk") prop(c, "endpoint", f.endpoint);
    if (f.kind === "dev-tool") prop(c, "dev-tool", "true");
    addPackages(b, c, f, repo);
  }
  b.patch(c, fields);
  return c;
}

function serviceFor(b: BomBuilder, f: Finding, repo: RepositoryScan): Models.Service {
  const providerName = f.kind === "provider" ? (f.provider ?? f.id) : (f.provider ?? f.name);
  const s = new Models.Service(f.name || f.id, {
    bomRef: b.ref(repo.name, f.kind, f.id, f.scope),
    provider: new Models.OrganizationalEntity({ name: providerName }),
  });
  commonProperties(s, f, repo);
  for (const e of f.evidence.slice(0, MAX_LOCATION_PROPERTIES)) prop(s, "location", `${e.file}:${e.line}`);
  for (const pkg of packagesOf(f)) prop(s, "package", purlOf(pkg) ?? `${pkg.ecosystem}:${pkg.name}`);
  const fields: Json = {};
  const endpoint = f.endpoint?.trim();
  if (endpoint && URL.canParse(endpoint) && !/\s/.test(endpoint)) fields.endpoints = [endpoint];
  else prop(s, "endpoint", f.endpoint);
  if (endpoint && isLocalEndpoint(endpoint)) fields["x-trust-boundary"] = false;
  else Object.assign(fields, { authenticated: true, "x-trust-boundary": true });
  b.patch(s, fields);
  return s;
}

/** The provider key a service stands for, used to link models to it. */
function serviceKey(f: Finding): string {
  return (f.kind === "provider" ? f.id : (f.provider ?? f.id)).toLowerCase();
}

function addRepository(b: BomBuilder, repo: RepositoryScan, app: Models.Component): void {
  prop(app, "repository", repo.name);
  prop(app, "files-scanned", repo.filesScanned);
  prop(app, "bytes-scanned", repo.bytesScanned);
  prop(app, "files-skipped", repo.filesSkipped);
  const findings = sortedFindings(repo.findings);
  const secrets = new Map<string, number>();
  const services: { f: Finding; s: Models.Service }[] = [];
  const models: { f: Finding; c: Models.Component }[] = [];
  for (const f of findings) {
    if (f.kind === "secret") {
      const provider = f.secret?.provider ?? f.provider ?? "unknown";
      secrets.set(provider, (secrets.get(provider) ?? 0) + 1);
    } else if (f.kind === "provider" || f.kind === "service") {
      const s = serviceFor(b, f, repo);
      b.bom.services.add(s);
      app.dependencies.add(s.bomRef);
      services.push({ f, s });
    } else {
      const c = componentFor(b, f, repo);
      b.bom.components.add(c);
      if (f.kind === "model") models.push({ f, c });
      else app.dependencies.add(c.bomRef);
    }
  }
  // service → model when the model's vendor is the service's provider (same scope first); else app → model.
  for (const { f, c } of models) {
    const key = (f.provider ?? "").toLowerCase();
    const matching = services.filter((x) => key !== "" && serviceKey(x.f) === key);
    const sameScope = matching.filter((x) => x.f.scope === f.scope);
    const via = sameScope.length > 0 ? sameScope : matching;
    for (const x of via) x.s.dependencies.add(c.bomRef);
    if (via.length === 0) app.dependencies.add(c.bomRef);
  }
  const totalSecrets = [...secrets.values()].reduce((a, n) => a + n, 0);
  if (totalSecrets > 0) prop(app, "secrets", totalSecrets);
  for (const [provider, n] of [...secrets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) prop(app, `secrets:${provider}`, n);
}

/** Adds the post-serialization fields to every component and service, nested ones included. */
function applyPatches(node: unknown, patches: Map<string, Json>): void {
  if (Array.isArray(node)) {
    for (const n of node) applyPatches(n, patches);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const obj = node as Json;
  const ref = obj["bom-ref"];
  if (typeof ref === "string" && patches.has(ref)) Object.assign(obj, patches.get(ref));
  for (const key of ["metadata", "component", "components", "services"]) if (key in obj) applyPatches(obj[key], patches);
}

/**
 * Renders a scan result as one CycloneDX 1.6 JSON BOM (an AI-BOM):
 * - `metadata.component`: the scanned repository as an `application`; with several repositories,
 *   an application "caio-scan" that depends on one `application` component per repository;
 * - SDKs: `library` components with a purl (from the finding's packages; nested `library`
 *   components when it has several); models: `machine-learning-model` components with
 *   publisher/manufacturer = provider; provider APIs and services: `services[]` with `endpoints`,
 *   `provider`, `authenticated` and `x-trust-boundary`; datasets: `data` components; vector stores,
 *   MCP servers and dev tools: `application` components (dev tools marked `caio:dev-tool`);
 * - secrets: never components; a count per provider on the repository (`caio:secrets:<provider>`);
 * - file and line in `evidence.occurrences`, confidence in `evidence.identity`
 *   (declared 1.0, used 0.9, referenced 0.6, mentioned 0.3); caio facts in `caio:` properties;
 * - `dependencies`: application → libraries, services and other components; service → model.
 *
 * The result passes the CycloneDX library's strict 1.6 JSON validator (see the tests).
 */
export function toCycloneDx(result: ScanResult, opts: CycloneDxOptions = {}): Json {
  const b = new BomBuilder(result, opts);
  const repos = result.repositories;
  if (repos.length === 1 && repos[0]) {
    const app = new Models.Component(Enums.ComponentType.Application, repos[0].name || "repository", { bomRef: b.ref("repository", repos[0].name) });
    b.bom.metadata.component = app;
    addRepository(b, repos[0], app);
  } else {
    const root = new Models.Component(Enums.ComponentType.Application, "caio-scan", {
      bomRef: b.ref("scan"),
      description: `AI inventory of ${repos.length} ${repos.length === 1 ? "repository" : "repositories"}`,
    });
    b.bom.metadata.component = root;
    for (const repo of repos) {
      const app = new Models.Component(Enums.ComponentType.Application, repo.name || "repository", { bomRef: b.ref("repository", repo.name) });
      b.bom.components.add(app);
      root.dependencies.add(app.bomRef);
      addRepository(b, repo, app);
    }
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  const bom = JSON.parse(serializer.serialize(b.bom, { sortLists: true })) as Json;
  applyPatches(bom, b.patches);
  return bom;
}
