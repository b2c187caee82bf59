/** The detection catalogue: vendor-family data and the lookups detectors use. */
export * from "./contexts.js";
export { DEV_TOOLS, type DevTool } from "./dev-tools.js";
export { FAMILIES } from "./families.js";
export { ENV_VAR_PATTERN, envVarLiterals, lookupEnvVar } from "./lookup/env-vars.js";
export { BARE_HOST_PATTERN, type HostMatch, hostGlobs, lookupHost, lookupPort, PORT_PATTERN, URL_PATTERN } from "./lookup/hosts.js";
export { configKeyPrefixes, imageNames, infraTypes, lookupConfigKey, lookupImage, lookupInfra, providerEntries, providerEntry } from "./lookup/infra.js";
export { type CompiledKeyFormat, KEY_FORMATS } from "./lookup/keys.js";
export { MENTION_PATTERN, providerForMention } from "./lookup/mentions.js";
export {
  type ClassifyOptions,
  classifyModel,
  constantToModelId,
  hasModelConstants,
  type ModelMatch,
  modelFromConstant,
  normalizeModelId,
} from "./lookup/models.js";
export { lookupPackage, normalizePackageName } from "./lookup/packages.js";
export { bytesHavePrefilterLiteral, bytesHavePrefilterLiteralInJavaScript, hasPrefilterLiteral, PREFILTER_LITERALS } from "./lookup/prefilter.js";
export { allClients, type CompiledClient, clientsOf, findImportRoot, type ImportRoot, importRoots, methodClients, sdkById } from "./lookup/symbols.js";
export { MCP_CONFIG_FILES, MCP_PACKAGE_LAUNCHERS, type McpConfigFile } from "./mcp.js";
export type * from "./types.js";
