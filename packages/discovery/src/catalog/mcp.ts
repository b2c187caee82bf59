import type { VendorFamily } from "./types.js";

/** Where MCP clients keep their server configuration, and the JSON key that lists the servers. */
export interface McpConfigFile {
  /** Path glob relative to the repository (`**` any directories, `*` one name). */
  glob: string;
  /** Keys of the server map, tried in order. */
  keys: readonly string[];
  /** The tool that reads the file. */
  client: string;
}

/** MCP configuration files of coding assistants and desktop clients. */
export const MCP_CONFIG_FILES: readonly McpConfigFile[] = [
  { glob: "**/.mcp.json", keys: ["mcpServers"], client: "claude-code" },
  { glob: "**/.cursor/mcp.json", keys: ["mcpServers"], client: "cursor" },
  { glob: "**/.vscode/mcp.json", keys: ["servers", "mcpServers"], client: "vscode" },
  { glob: "**/claude_desktop_config.json", keys: ["mcpServers"], client: "claude-desktop" },
  { glob: "**/.gemini/settings.json", keys: ["mcpServers"], client: "gemini-cli" },
  { glob: "**/.roo/mcp.json", keys: ["mcpServers"], client: "roo-code" },
  { glob: "**/.amazonq/mcp.json", keys: ["mcpServers"], client: "amazon-q" },
  { glob: "**/cline_mcp_settings.json", keys: ["mcpServers"], client: "cline" },
  { glob: "**/mcp.json", keys: ["mcpServers", "servers"], client: "mcp" },
];

/** Launchers whose first non-option argument names the server package (`npx -y @scope/server`). */
export const MCP_PACKAGE_LAUNCHERS: readonly string[] = ["npx", "bunx", "pnpx", "uvx", "pipx", "dnx"];

/** The Model Context Protocol SDKs. */
export const MCP: VendorFamily = {
  id: "mcp",
  literals: ["modelcontextprotocol", "fastmcp", "mcpserver", "mcp_server", "mcp-server", "mcp-go", "from mcp", "import mcp"],
  sdks: [
    {
      id: "mcp",
      name: "Model Context Protocol SDK",
      kind: "sdk",
      provider: null,
      packages: {
        pypi: ["mcp", "fastmcp"],
        npm: ["@modelcontextprotocol/sdk"],
        go: ["github.com/mark3labs/mcp-go", "github.com/modelcontextprotocol/go-sdk"],
        maven: ["io.modelcontextprotocol.sdk:*"],
        nuget: ["ModelContextProtocol", "ModelContextProtocol.*"],
        gem: ["mcp"],
      },
      imports: {
        python: ["fastmcp"],
        javascript: ["@modelcontextprotocol/sdk"],
        go: ["github.com/mark3labs/mcp-go", "github.com/modelcontextprotocol/go-sdk"],
        java: ["io.modelcontextprotocol"],
        csharp: ["ModelContextProtocol"],
      },
      ambiguousImports: { python: ["mcp"] },
      clients: [
        { language: "python", symbol: "mcp.server.fastmcp.FastMCP", distinctive: true },
        { language: "python", symbol: "mcp.ClientSession", distinctive: true },
        { language: "python", symbol: "mcp.StdioServerParameters", distinctive: true },
        { language: "python", symbol: "mcp.client.stdio.stdio_client", distinctive: true },
        { language: "python", symbol: "fastmcp.FastMCP" },
        { language: "javascript", symbol: "@modelcontextprotocol/sdk/server/mcp.js:McpServer" },
        { language: "javascript", symbol: "@modelcontextprotocol/sdk/client/index.js:Client" },
      ],
    },
  ],
};
