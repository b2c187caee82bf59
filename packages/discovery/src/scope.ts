import type { Scope } from "@caio/core";
import { baseName, extension } from "./text/paths.js";

/** Directory names that put everything below them in a scope. The outermost such directory wins. */
const DIRECTORY_SCOPES: ReadonlyMap<string, Scope> = new Map<string, Scope>([
  ...["test", "tests", "__tests__", "spec", "specs", "testing", "testdata", "test-data", "__mocks__", "fixtures", "__fixtures__", "e2e"].map(
    (d): [string, Scope] => [d, "test"],
  ),
  ...["docs", "doc", "documentation", "wiki"].map((d): [string, Scope] => [d, "docs"]),
  ...["examples", "example", "samples", "sample", "demo", "demos", "cookbook", "cookbooks", "tutorials", "tutorial", "playground"].map((d): [string, Scope] => [
    d,
    "example",
  ]),
]);

/** JVM source roots: directories below them are package names (`com/example/…`), not scopes. */
const JVM_SOURCE_ROOTS = new Set(["java", "kotlin", "scala", "groovy"]);

/** C# and JVM test projects: `Api.Tests/`, `Api.UnitTests/`, `Api.IntegrationTests/`. */
const TEST_PROJECT_DIRECTORY = /\.(?:Unit|Integration|Functional)?Tests?$/i;

/** File names of tests in each ecosystem. */
const TEST_FILES: readonly RegExp[] = [
  /_test\.go$/,
  /\.(?:test|spec)\.[cm]?[jt]sx?$/,
  /_spec\.rb$/,
  /_test\.rb$/,
  /^test_.*\.py$/,
  /_test\.py$/,
  /^conftest\.py$/,
  /(?:Test|Tests|IT|Spec)\.(?:java|kt|cs|scala|groovy)$/,
];

/** Documentation file types (prose). */
const DOC_EXTENSIONS = new Set(["md", "mdx", "markdown", "rst", "adoc", "asciidoc", "txt"]);
const DOC_NAMES = /^(?:readme|changelog|contributing|history|authors|notice)(?:\.|$)/i;
/** Text files that are manifests, not prose. */
const TEXT_MANIFESTS = /^(?:requirements|constraints|dev-requirements|test-requirements)[\w.-]*\.txt$|^cmakelists\.txt$|^robots\.txt$/i;

/** Whether a path is a prose document by its name (`*.md`, `README`, non-manifest `*.txt`). */
export function isDocumentFile(path: string): boolean {
  const base = baseName(path);
  if (!DOC_EXTENSIONS.has(extension(path)) && !DOC_NAMES.test(base)) return false;
  return !TEXT_MANIFESTS.test(base) && !path.split("/").includes("requirements");
}

/** Options for {@link scopeOf}. */
export interface ScopeOptions {
  /** Apply the prose-file rule (`*.md` → docs). Coding-assistant files turn it off. Default true. */
  byFileType?: boolean;
}

/**
 * The scope of a repository-relative path: test (test files and directories), docs (prose files,
 * docs directories), example (examples, samples, demos, cookbooks) or runtime.
 */
export function scopeOf(path: string, options: ScopeOptions = {}): Scope {
  const base = baseName(path);
  if (TEST_FILES.some((re) => re.test(base))) return "test";
  if ((options.byFileType ?? true) && isDocumentFile(path)) return "docs";
  const segments = path.split("/");
  segments.pop();
  for (const segment of segments) {
    const scope = DIRECTORY_SCOPES.get(segment.toLowerCase());
    if (scope) return scope;
    if (TEST_PROJECT_DIRECTORY.test(segment)) return "test";
    if (JVM_SOURCE_ROOTS.has(segment)) break;
  }
  return "runtime";
}
