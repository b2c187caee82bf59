import { MCP_CONFIG_FILES, MCP_PACKAGE_LAUNCHERS, type McpConfigFile } from "../../catalog/index.js";
import { parseUrl } from "../../signals/base-url.js";
import type { LineIndex } from "../../text/line-index.js";
import { globMatcher } from "../../text/paths.js";
import { safeText } from "../../text/redact.js";
import { escapeRegExp } from "../../text/regexp.js";
import { JSON_SYNTAX, stripComments } from "../../text/strip-comments.js";
import type { Hit } from "../../types.js";

const MATCH = globMatcher(MCP_CONFIG_FILES.map((file) => file.glob));

/** The MCP config-file entry for a repository path, if it is one. */
export function mcpConfigFile(path: string): McpConfigFile | undefined {
  const index = MATCH(path);
  return index === -1 ? undefined : MCP_CONFIG_FILES[index];
}

interface ServerSpec {
  command?: unknown;
  args?: unknown;
  url?: unknown;
  serverUrl?: unknown;
}

function packageName(spec: string): string {
  const at = spec.lastIndexOf("@");
  return (at > 0 ? spec.slice(0, at) : spec).toLowerCase();
}

/**
 * A stable id for an MCP server: the package a launcher runs (`npx -y @scope/server` → `@scope/server`),
 * the image `docker run` starts, the host of a remote URL, else the command or the server's key.
 */
export function mcpServerId(key: string, spec: ServerSpec): string {
  const url = typeof spec.url === "string" ? spec.url : typeof spec.serverUrl === "string" ? spec.serverUrl : undefined;
  if (url) {
    const parsed = parseUrl(url);
    if (parsed?.host) return `${parsed.host}${parsed.path && parsed.path !== "/" ? parsed.path.replace(/\/+$/, "") : ""}`.toLowerCase();
  }
  const command = typeof spec.command === "string" ? (spec.command.split(/[\\/]/).pop() ?? spec.command) : "";
  const args = Array.isArray(spec.args) ? spec.args.filter((a): a is string => typeof a === "string") : [];
  if (MCP_PACKAGE_LAUNCHERS.includes(command.replace(/\.(?:cmd|exe)$/, ""))) {
    let skipNext = false;
    for (const arg of args) {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (arg === "--from" || arg === "--package" || arg === "-p") {
        skipNext = true;
        continue;
      }
      if (arg === "run" || arg.startsWith("-")) continue;
      return packageName(arg);
    }
  }
  if (command === "docker" || command === "podman") {
    const image = args.find((a) => !a.startsWith("-") && a.includes("/") && !a.includes("="));
    if (image) return image.replace(/[:@][^/]*$/, "").toLowerCase();
  }
  if (command && !["node", "python", "python3", "uv", "deno", "bun", "java", "dotnet", "sh", "bash", "cmd"].includes(command)) return command.toLowerCase();
  return key.toLowerCase();
}

/** MCP server entries of an MCP configuration file → declared mcp-server findings. Invalid JSON yields nothing. */
export function mcpConfigHits(text: string, lines: LineIndex, file: McpConfigFile): Hit[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripComments(text, JSON_SYNTAX).replace(/,(\s*[}\]])/g, "$1"));
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object") return [];
  const hits: Hit[] = [];
  for (const key of file.keys) {
    const servers = (parsed as Record<string, unknown>)[key];
    if (!servers || typeof servers !== "object" || Array.isArray(servers)) continue;
    for (const [name, spec] of Object.entries(servers as Record<string, unknown>)) {
      if (!spec || typeof spec !== "object") continue;
      const id = mcpServerId(name, spec as ServerSpec);
      const at = new RegExp(`"${escapeRegExp(name)}"\\s*:`).exec(text);
      hits.push({
        kind: "mcp-server",
        id,
        name,
        provider: null,
        confidence: "declared",
        signal: "config",
        line: at ? lines.line(at.index) : 1,
        detail: safeText(`mcp server ${name} (${file.client})`),
      });
    }
    break;
  }
  return hits;
}
