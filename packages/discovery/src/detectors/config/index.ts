import { endpointHits } from "../../signals/endpoints.js";
import { envVarHits } from "../../signals/env-vars.js";
import { modelLiteralHits } from "../../signals/models.js";
import { LineIndex } from "../../text/line-index.js";
import { baseName, extension } from "../../text/paths.js";
import { HASH_SYNTAX, HCL_SYNTAX, JSON_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Detector, Hit, SourceFile } from "../../types.js";
import { armHits, bicepHits } from "./bicep.js";
import { dockerfileImageHits, yamlImageHits } from "./images.js";
import { mcpConfigFile, mcpConfigHits } from "./mcp-config.js";
import { pgvectorHits } from "./sql.js";
import { configKeyHitsFromProperties, configKeyHitsFromYaml, litellmHits } from "./structured.js";
import { terraformHits } from "./terraform.js";
import { yamlLeaves } from "./yaml-tree.js";

/** The kinds of configuration file this detector reads. */
export type ConfigFormat = "dockerfile" | "yaml" | "terraform" | "bicep" | "dotenv" | "properties" | "json" | "toml" | "sql" | "prisma" | "mcp";

/** Files other detectors own (manifests and lockfiles). */
const OWNED_ELSEWHERE =
  /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|composer\.(?:json|lock)|pyproject\.toml|Pipfile(?:\.lock)?|poetry\.lock|uv\.lock|Cargo\.lock|[\w.-]*\.versions\.toml|(?:environment|conda[\w.-]*)\.ya?ml)$/;

const CONFIG_EXTENSIONS: Readonly<Record<string, ConfigFormat>> = {
  yml: "yaml",
  yaml: "yaml",
  tf: "terraform",
  tfvars: "terraform",
  hcl: "terraform",
  bicep: "bicep",
  bicepparam: "bicep",
  properties: "properties",
  json: "json",
  jsonc: "json",
  toml: "toml",
  ini: "toml",
  cfg: "toml",
  conf: "toml",
  sql: "sql",
  prisma: "prisma",
};

/** The configuration format of a path, if this detector reads it. */
export function configFormat(path: string): ConfigFormat | undefined {
  const base = baseName(path);
  const ext = extension(path);
  const byExtension = Object.hasOwn(CONFIG_EXTENSIONS, ext) ? CONFIG_EXTENSIONS[ext] : undefined;
  if (byExtension) {
    if (ext === "json" && mcpConfigFile(path)) return "mcp";
    return OWNED_ELSEWHERE.test(base) ? undefined : byExtension;
  }
  if (base.startsWith(".env") ? /^\.env(?:\.[\w.-]+)?$/.test(base) : ext === "env") return "dotenv";
  if (/^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/i.test(base) || ext === "dockerfile" || ext === "containerfile") return "dockerfile";
  return undefined;
}

function common(text: string, lines: LineIndex, options: { configLines: boolean; commands: boolean; declared?: boolean }): Hit[] {
  return [
    ...envVarHits(text, lines),
    ...endpointHits(text, lines),
    ...modelLiteralHits(text, lines, {
      configLines: options.configLines,
      commands: options.commands,
      confidence: options.declared ? "declared" : "referenced",
    }),
  ];
}

function tag(hits: Hit[], detector: string): Hit[] {
  for (const hit of hits) hit.detector ??= detector;
  return hits;
}

function detectFormat(format: ConfigFormat, file: SourceFile): Hit[] {
  const raw = file.text;
  switch (format) {
    case "mcp": {
      const spec = mcpConfigFile(file.path);
      const lines = new LineIndex(raw);
      return spec ? [...mcpConfigHits(raw, lines, spec), ...common(stripComments(raw, JSON_SYNTAX), lines, { configLines: false, commands: false })] : [];
    }
    case "dockerfile": {
      const text = stripComments(raw, HASH_SYNTAX);
      const lines = new LineIndex(text);
      return [...dockerfileImageHits(text, lines), ...common(text, lines, { configLines: false, commands: true })];
    }
    case "yaml": {
      const text = stripComments(raw, HASH_SYNTAX);
      const lines = new LineIndex(text);
      const structured = /model_list|spring/.test(raw) ? yamlLeaves(raw) : [];
      return [
        ...yamlImageHits(text, lines),
        ...litellmHits(structured),
        ...configKeyHitsFromYaml(structured),
        ...common(text, lines, { configLines: true, commands: true }),
      ];
    }
    case "terraform": {
      const text = stripComments(raw, HCL_SYNTAX);
      const lines = new LineIndex(text);
      return [...terraformHits(text, lines), ...common(text, lines, { configLines: false, commands: false, declared: true })];
    }
    case "bicep": {
      const lines = new LineIndex(raw);
      return [...bicepHits(raw, lines), ...common(raw, lines, { configLines: false, commands: false, declared: true })];
    }
    case "json": {
      const text = stripComments(raw, JSON_SYNTAX);
      const lines = new LineIndex(text);
      return [...armHits(text, lines), ...common(text, lines, { configLines: false, commands: true })];
    }
    case "dotenv":
    case "toml": {
      const text = stripComments(raw, HASH_SYNTAX);
      const lines = new LineIndex(text);
      return common(text, lines, { configLines: true, commands: false });
    }
    case "properties": {
      const text = stripComments(raw, HASH_SYNTAX);
      const lines = new LineIndex(text);
      return [...configKeyHitsFromProperties(text, lines), ...common(text, lines, { configLines: true, commands: false })];
    }
    case "sql":
    case "prisma": {
      const lines = new LineIndex(raw);
      return [...pgvectorHits(raw, lines), ...common(raw, lines, { configLines: false, commands: false })];
    }
  }
}

/**
 * Configuration and infrastructure: Dockerfiles, compose and Kubernetes YAML, LiteLLM and Spring AI
 * configs, Terraform, Bicep/ARM, `.env` files, properties, JSON/TOML settings, SQL/Prisma (pgvector)
 * and MCP server configs.
 */
export const configDetector: Detector = {
  id: "config",
  ecosystem: "config",
  matches: (path) => configFormat(path) !== undefined,
  bypassesPrefilter: (path) => configFormat(path) === "mcp",
  detect(file: SourceFile): Hit[] {
    const format = configFormat(file.path);
    return format ? tag(detectFormat(format, file), `config:${format}`) : [];
  },
};
