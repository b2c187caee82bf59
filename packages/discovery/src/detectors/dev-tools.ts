import { DEV_TOOLS, type DevTool } from "../catalog/index.js";
import { scopeOf } from "../scope.js";
import { globMatcher } from "../text/paths.js";
import type { Detector, Hit, SourceFile } from "../types.js";

const TOOLS = DEV_TOOLS.flatMap((tool) => tool.globs.map(() => tool));
const MATCH = globMatcher(DEV_TOOLS.flatMap((tool) => tool.globs));

/** The coding assistant a repository path belongs to, if any. */
export function devToolFor(path: string): DevTool | undefined {
  const index = MATCH(path);
  return index === -1 ? undefined : TOOLS[index];
}

/**
 * Coding-assistant files (CLAUDE.md, AGENTS.md, .cursorrules, .github/copilot-instructions.md, …) →
 * declared dev-tool findings. Their scope comes from directories only (a root CLAUDE.md is not docs),
 * and their text never yields runtime findings.
 */
export const devToolsDetector: Detector = {
  id: "dev-tools",
  ecosystem: "generic",
  matches: (path) => devToolFor(path) !== undefined,
  bypassesPrefilter: () => true,
  detect(file: SourceFile): Hit[] {
    const tool = devToolFor(file.path);
    if (!tool) return [];
    return [
      {
        kind: "dev-tool",
        id: tool.id,
        name: tool.name,
        provider: tool.provider,
        confidence: "declared",
        signal: "dev-tool-file",
        line: 1,
        detail: `${tool.name} file`,
        scope: scopeOf(file.path, { byFileType: false }),
      },
    ];
  },
};
