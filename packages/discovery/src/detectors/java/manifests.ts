import type { Dependency } from "../code/manifest.js";

function tag(block: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*([^<\\s]+)\\s*</${name}>`).exec(block)?.[1];
}

/** Maven `pom.xml`: `<dependency>` blocks (with `${property}` versions resolved from `<properties>`). */
export function pomXml(text: string): Dependency[] {
  const properties = new Map<string, string>();
  const props = /<properties>([\s\S]*?)<\/properties>/.exec(text)?.[1] ?? "";
  for (const m of props.matchAll(/<([\w.-]+)>\s*([^<\s]+)\s*<\/\1>/g)) properties.set(m[1] ?? "", m[2] ?? "");
  const out: Dependency[] = [];
  for (const m of text.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const block = m[1] ?? "";
    const group = tag(block, "groupId");
    const artifact = tag(block, "artifactId");
    if (!group || !artifact) continue;
    let version = tag(block, "version") ?? null;
    if (version?.startsWith("${")) version = properties.get(version.slice(2, -1)) ?? version;
    out.push({ name: `${group}:${artifact}`, version, offset: m.index });
  }
  return out;
}

/** Gradle build files: `"group:artifact:version"` coordinates and `group: '…', name: '…'` maps. */
export function gradleBuild(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const m of text.matchAll(/["']([\w.-]+):([\w.-]+)(?::([\w.${}+-]+))?(?:@\w+)?["']/g)) {
    out.push({ name: `${m[1]}:${m[2]}`, version: m[3] ?? null, offset: m.index + 1 });
  }
  for (const m of text.matchAll(/group\s*[:=]\s*["']([\w.-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["'](?:\s*,\s*version\s*[:=]\s*["']([\w.-]+)["'])?/g)) {
    out.push({ name: `${m[1]}:${m[2]}`, version: m[3] ?? null, offset: m.index });
  }
  return out;
}

/** Gradle version catalogs (`gradle/libs.versions.toml`): `module = "g:a"` or `group`/`name`, with `version.ref`. */
export function versionCatalog(text: string): Dependency[] {
  const versions = new Map<string, string>();
  const versionSection = /\[versions\]([\s\S]*?)(?:\n\[|$)/.exec(text)?.[1] ?? "";
  for (const m of versionSection.matchAll(/^\s*([\w.-]+)\s*=\s*"([^"]+)"/gm)) versions.set(m[1] ?? "", m[2] ?? "");
  const out: Dependency[] = [];
  for (const m of text.matchAll(/^\s*[\w.-]+\s*=\s*\{([^}\n]*)\}/gm)) {
    const body = m[1] ?? "";
    const module =
      /module\s*=\s*"([^"]+)"/.exec(body)?.[1] ??
      (() => {
        const group = /group\s*=\s*"([^"]+)"/.exec(body)?.[1];
        const name = /name\s*=\s*"([^"]+)"/.exec(body)?.[1];
        return group && name ? `${group}:${name}` : undefined;
      })();
    if (!module) continue;
    const ref = /version\.ref\s*=\s*"([^"]+)"/.exec(body)?.[1];
    const version = /version\s*=\s*"([^"]+)"/.exec(body)?.[1] ?? (ref ? (versions.get(ref) ?? null) : null);
    out.push({ name: module, version, offset: m.index + (m[0].length - m[0].trimStart().length) });
  }
  for (const m of text.matchAll(/^\s*[\w.-]+\s*=\s*"([\w.-]+:[\w.-]+)(?::([\w.-]+))?"/gm))
    out.push({ name: m[1] ?? "", version: m[2] ?? null, offset: m.index });
  return out;
}
