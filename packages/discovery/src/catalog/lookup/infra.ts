import { FAMILIES } from "../families.js";
import type { ConfigKey, ImageEntry, InfraResource, ProviderEntry } from "../types.js";

const IMAGES = new Map<string, ImageEntry>(FAMILIES.flatMap((f) => (f.images ?? []).map((i): [string, ImageEntry] => [i.image.toLowerCase(), i])));

/** Registry hosts that are implied when an image has none. */
const DEFAULT_REGISTRIES = ["docker.io/", "index.docker.io/", "registry-1.docker.io/"];

/** The catalogue entry for a container image reference (`ollama/ollama:0.3.12`, `docker.io/qdrant/qdrant@sha256:…`), if any. */
export function lookupImage(reference: string): ImageEntry | undefined {
  let ref = reference
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  ref = ref.replace(/@sha256:[a-f0-9]+$/, "");
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.indexOf(":", lastSlash + 1);
  if (colon >= 0) ref = ref.slice(0, colon);
  for (const registry of DEFAULT_REGISTRIES) if (ref.startsWith(registry)) ref = ref.slice(registry.length);
  if (ref.startsWith("library/")) ref = ref.slice("library/".length);
  return IMAGES.get(ref);
}

/** Every catalogue image (for the prefilter and tests). */
export function imageNames(): string[] {
  return [...IMAGES.keys()];
}

const INFRA: InfraResource[] = FAMILIES.flatMap((f) => f.infra ?? []);

/** The infrastructure resource entry for a Terraform or Bicep/ARM resource type, if any. */
export function lookupInfra(format: InfraResource["format"], type: string): InfraResource | undefined {
  const bare = format === "bicep" ? (type.split("@")[0] ?? type) : type;
  return INFRA.find((r) => r.format === format && (r.type.endsWith("*") ? bare.startsWith(r.type.slice(0, -1)) : bare.toLowerCase() === r.type.toLowerCase()));
}

/** Every infrastructure type (for the prefilter and tests). */
export function infraTypes(): string[] {
  return INFRA.map((r) => r.type.replace(/\*$/, ""));
}

const CONFIG_KEYS: ConfigKey[] = FAMILIES.flatMap((f) => f.configKeys ?? []).sort((a, b) => b.prefix.length - a.prefix.length);

/** The target of a configuration key such as `spring.ai.openai.api-key`, if any. */
export function lookupConfigKey(key: string): ConfigKey | undefined {
  const lower = key.toLowerCase();
  return CONFIG_KEYS.find((c) => lower === c.prefix || lower.startsWith(`${c.prefix}.`));
}

/** Every configuration key prefix (for the prefilter and tests). */
export function configKeyPrefixes(): string[] {
  return CONFIG_KEYS.map((c) => c.prefix);
}

const PROVIDERS = new Map<string, ProviderEntry>(FAMILIES.flatMap((f) => (f.providers ?? []).map((p): [string, ProviderEntry] => [p.id, p])));

/** The provider entry for an id, if the catalogue has one. */
export function providerEntry(id: string): ProviderEntry | undefined {
  return PROVIDERS.get(id);
}

/** Every provider entry. */
export function providerEntries(): ProviderEntry[] {
  return [...PROVIDERS.values()];
}
