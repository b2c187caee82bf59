/** A coding assistant recognised by its instruction or configuration files. */
export interface DevTool {
  id: string;
  name: string;
  /** Vendor behind the tool, when there is one. */
  provider: string | null;
  /** Path globs relative to the repository (`**` any directories, `*` one name). */
  globs: readonly string[];
}

/** Coding assistants. Their files are development tooling and never count as runtime use. */
export const DEV_TOOLS: readonly DevTool[] = [
  {
    id: "claude-code",
    name: "Claude Code",
    provider: "anthropic",
    globs: [
      "**/CLAUDE.md",
      "**/CLAUDE.local.md",
      "**/.claude/settings.json",
      "**/.claude/settings.local.json",
      "**/.claude/commands/**",
      "**/.claude/agents/**",
      "**/.claude/skills/**",
      "**/.mcp.json",
    ],
  },
  { id: "claude-desktop", name: "Claude Desktop", provider: "anthropic", globs: ["**/claude_desktop_config.json"] },
  { id: "cursor", name: "Cursor", provider: "cursor", globs: ["**/.cursorrules", "**/.cursor/rules/**", "**/.cursor/mcp.json", "**/.cursorignore"] },
  {
    id: "github-copilot",
    name: "GitHub Copilot",
    provider: "github",
    globs: [
      ".github/copilot-instructions.md",
      ".github/instructions/**",
      ".github/prompts/*.prompt.md",
      ".github/chatmodes/**",
      ".github/agents/**",
      "**/.vscode/mcp.json",
    ],
  },
  { id: "agents-md", name: "AGENTS.md coding agents (Codex, Jules, …)", provider: null, globs: ["**/AGENTS.md", "**/AGENT.md"] },
  { id: "openai-codex", name: "OpenAI Codex CLI", provider: "openai", globs: ["**/.codex/**"] },
  {
    id: "gemini-cli",
    name: "Gemini CLI / Code Assist",
    provider: "google",
    globs: ["**/GEMINI.md", "**/.gemini/settings.json", "**/.gemini/styleguide.md", "**/.gemini/config.yaml"],
  },
  { id: "windsurf", name: "Windsurf", provider: "windsurf", globs: ["**/.windsurfrules", "**/.windsurf/rules/**"] },
  { id: "cline", name: "Cline", provider: null, globs: ["**/.clinerules", "**/.clinerules/**", "**/cline_mcp_settings.json"] },
  { id: "roo-code", name: "Roo Code", provider: null, globs: ["**/.roomodes", "**/.roo/**"] },
  { id: "aider", name: "Aider", provider: null, globs: ["**/.aider.conf.yml", "**/.aiderignore"] },
  { id: "continue", name: "Continue", provider: null, globs: ["**/.continuerc.json", "**/.continue/**"] },
  { id: "amazon-q", name: "Amazon Q Developer", provider: "aws", globs: ["**/.amazonq/rules/**", "**/.amazonq/mcp.json"] },
  { id: "junie", name: "JetBrains Junie", provider: "jetbrains", globs: ["**/.junie/guidelines.md"] },
  { id: "kiro", name: "Kiro", provider: "aws", globs: ["**/.kiro/steering/**", "**/.kiro/specs/**"] },
  { id: "coderabbit", name: "CodeRabbit", provider: "coderabbit", globs: [".coderabbit.yaml", ".coderabbit.yml"] },
];
